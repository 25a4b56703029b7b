"""The results store: SQLite by default (`OUTDIR/results.db`), PostgreSQL when given a URL.

A document is identified by its source (the input as named on the command line, its URL, or the
path of an imported evaluation-tables file), not by its content: storing a source replaces
everything that source had before in one transaction (delete, then insert), so a re-run never
duplicates records, a corrected input (same source, new content) withdraws its old values, and a
run killed halfway leaves each document either as it was or wholly replaced. The same content
under two sources is two documents, whatever the order they are stored in. `sha256` is kept on
every row as the content's hash, no longer a key.

A write that fails for a reason that may pass (a lock held by another writer, a full disk, a
dropped connection: the database's OperationalError, or an OSError) is retried after
RETRY_DELAYS; one that still fails raises StoreError, and the run fails that document alone. So is
a duplicate key: our own rows never collide (the transaction deletes the source first), so it means
another run stored the same source in the moment between our delete and our insert (PostgreSQL's
read committed does not make the second writer wait at the delete); tried again, ours replaces it.

Creating the tables is safe when several runs open a fresh store at once: a creator that loses the
race (`already exists`, or PostgreSQL's duplicate pg_type row) looks again and finds them made.
A store written by an older extractor (documents keyed by sha256) is refused with what to do.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import (
    Engine,
    create_engine,
    delete,
    event,
    insert,
    inspect,
    select,
)
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from extractor.formats.evaltables import load_evaluation_tables
from extractor.model.errors import StoreError
from extractor.model.report import DocumentResult
from extractor.model.review import CORRECTABLE, RecordAddress, Review
from extractor.model.stored import StoredDocument, StoredRecord, assign_entries, from_document
from extractor.store.tables import documents, metadata, results, reviews

__all__ = [
    "Store",
    "StoredDocument",
    "StoredRecord",
    "assign_entries",
    "failure_reason",
    "from_document",
    "import_evaluation_tables",
    "store_url",
    "open_store",
]

DEFAULT_NAME = "results.db"
# Seconds between attempts of a document's write: with SQLite's busy wait (BUSY_TIMEOUT_MS) in each
# attempt, a lock held for about a minute is waited out; beyond that the document fails alone.
RETRY_DELAYS = (1.0, 2.0, 4.0, 8.0)
BUSY_TIMEOUT_MS = 10_000  # how long one SQLite attempt waits for another writer's lock
LOCK_TIMEOUT_MS = 10_000  # the same for PostgreSQL row and table locks
_LIST_FIELDS = {"flags", "parent_tasks"}  # kept as JSON text, so both databases store them alike


def store_url(db: str | Path | None, outdir: Path | None = None) -> str:
    """A SQLAlchemy URL: `postgresql://...` (driven by psycopg 3), any other URL as given, else a SQLite
    file."""
    if db is None:
        db = (outdir or Path("output")) / DEFAULT_NAME
    text = str(db)
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).resolve()}"


class Store:
    def __init__(self, url: str):
        self.url = url
        try:
            self.engine: Engine = create_engine(url, **_engine_options(url))
            if url.startswith("sqlite"):
                Path(self.engine.url.database or ".").parent.mkdir(parents=True, exist_ok=True)
                event.listen(self.engine, "connect", _sqlite_pragmas)
            _create_tables(self.engine)
        except (SQLAlchemyError, ImportError, OSError) as e:
            raise StoreError(f"cannot open the results store {_safe(url)}: {failure_reason(e)}") from e
        if inspect(self.engine).get_pk_constraint("documents")["constrained_columns"] != ["source"]:
            self.engine.dispose()
            raise StoreError(
                f"the results store {_safe(url)} has an older layout (documents keyed by content): move it "
                "aside and run `extractor run` (and `extractor import`) again to rebuild it; documents "
                "already done are kept and stored anew"
            )

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def replace_document(self, doc: StoredDocument, records: Iterable[StoredRecord]) -> None:
        """Put a document and its records in the store, replacing what it had for the same source (the
        records are stored under the document's source and sha256, whatever they say); retried while
        the failure may pass (see RETRY_DELAYS). Reviews of the source are kept."""
        rows = [{**_row(r), "source": doc.source, "sha256": doc.sha256} for r in records]

        def write(conn) -> None:
            conn.execute(delete(results).where(results.c.source == doc.source))
            conn.execute(delete(documents).where(documents.c.source == doc.source))
            conn.execute(insert(documents), [doc.model_dump()])
            if rows:
                conn.execute(insert(results), rows)

        self._write(f"cannot write {doc.doc_id} to the results store", write)

    def save_review(self, review: Review) -> None:
        """Store a decision, replacing an earlier one on the same record, in one transaction."""
        row = _review_row(review)
        key = [reviews.c[k] == row[k] for k in _REVIEW_KEY]

        def write(conn) -> None:
            conn.execute(delete(reviews).where(*key))
            conn.execute(insert(reviews), [row])

        self._write("cannot store the review", write)

    def reviews(self, source: str | None = None) -> list[Review]:
        """Every stored decision (of one source), oldest first."""
        query = select(reviews).order_by(reviews.c.reviewed_at, reviews.c.source)
        if source is not None:
            query = query.where(reviews.c.source == source)
        with self._read() as conn:
            return [_review(row) for row in conn.execute(query).mappings()]

    def _write(self, what: str, work: Callable) -> None:
        """`work(conn)` in one transaction, all of it or none of it, tried again after RETRY_DELAYS
        while the failure may pass (a lock, a full disk, a dropped connection, another run's write of
        the same key)."""
        started = time.monotonic()
        for delay in (*RETRY_DELAYS, None):
            try:
                with self.engine.begin() as conn:
                    work(conn)
                return
            except (OperationalError, OSError, IntegrityError) as e:
                if isinstance(e, IntegrityError) and not _duplicate_key(e):
                    raise StoreError(f"{what}: {failure_reason(e)}") from e
                if delay is not None:
                    time.sleep(delay)
                    continue
                # the time taken, waits for the lock inside each attempt included
                tries = f"{len(RETRY_DELAYS) + 1} attempts in {time.monotonic() - started:.0f} s"
                raise StoreError(f"{what}: {failure_reason(e)} ({tries})") from e
            except SQLAlchemyError as e:  # not one that passes: a constraint, a broken schema
                raise StoreError(f"{what}: {failure_reason(e)}") from e

    def add_result(self, result: DocumentResult) -> None:
        """Store a run's DocumentResult."""
        self.replace_document(*from_document(result))

    def documents(self) -> list[StoredDocument]:
        with self._read() as conn:
            rows = conn.execute(select(documents).order_by(documents.c.doc_id, documents.c.source)).mappings()
            return [StoredDocument(**row) for row in rows]

    def records(self, source: str | None = None) -> list[StoredRecord]:
        """Stored records in a stable order: by document id, then source, then position within the
        document."""
        query = select(results, documents.c.doc_id.label("_doc")).join(
            documents, documents.c.source == results.c.source
        )
        if source is not None:
            query = query.where(results.c.source == source)
        query = query.order_by(documents.c.doc_id, results.c.source, results.c.position)
        with self._read() as conn:
            return [_record(row) for row in conn.execute(query).mappings()]

    def _read(self):
        try:
            return self.engine.connect()
        except SQLAlchemyError as e:
            raise StoreError(f"cannot read the results store {_safe(self.url)}: {failure_reason(e)}") from e


def open_store(db: str | Path | None = None, outdir: Path | None = None, must_exist: bool = False) -> Store:
    """The store at `db`, else OUTDIR/results.db; with must_exist, a SQLite file that is not there is an error
    (reading commands must not create an empty store)."""
    url = store_url(db, outdir)
    if must_exist and url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).is_file():
        raise StoreError(
            f"no results store at {url.removeprefix('sqlite:///')}: run `extractor run` first, or give --db"
        )
    return Store(url)


def _create_tables(engine: Engine) -> None:
    """Create what is missing; another run creating the same tables at the same moment makes ours
    fail with `already exists` (or a duplicate pg_type row): look again, they are there now. A
    creator can lose that race once per table, so it looks again as often."""
    attempts = len(metadata.tables) + 1
    for attempt in range(attempts):
        try:
            metadata.create_all(engine, checkfirst=True)
            return
        except SQLAlchemyError as e:
            text = str(getattr(e, "orig", None) or e)
            if attempt == attempts - 1 or not ("already exists" in text or "duplicate key" in text):
                raise


def _duplicate_key(e: IntegrityError) -> bool:
    """A unique or primary key violated (PostgreSQL's SQLSTATE 23505, SQLite's message), not a
    missing value or another constraint, which trying again cannot mend."""
    return getattr(e.orig, "sqlstate", None) == "23505" or "UNIQUE constraint failed" in str(e.orig)


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")  # a second writer waits, not fails at once
    # A write-ahead log, synced at checkpoints, not at each document's commit (24 -> 21 ms a document
    # on this machine's disk; more saved on slow ones). The trade-off: a power cut (not a crash, a
    # kill or a full disk: those lose nothing committed) may lose the last documents' writes; the
    # store stays whole, and running the same inputs again stores them anew (resumed ones too).
    try:
        cur.execute("PRAGMA journal_mode = WAL")  # kept in the file: once set, every opener has it
    except sqlite3.OperationalError:  # another run is making the same fresh store WAL: it will be
        pass
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _engine_options(url: str) -> dict:
    """PostgreSQL waits for a lock no longer than LOCK_TIMEOUT_MS, so a held lock is retried, not hung on."""
    if url.startswith("postgresql"):
        return {"connect_args": {"options": f"-c lock_timeout={LOCK_TIMEOUT_MS}"}}
    return {}


def _row(rec: StoredRecord) -> dict:
    data = rec.model_dump()
    for name in _LIST_FIELDS:
        data[name] = json.dumps(data[name], ensure_ascii=False)
    return data


def _record(row: dict) -> StoredRecord:
    data = {k: v for k, v in row.items() if k in StoredRecord.model_fields}
    for name in _LIST_FIELDS:
        data[name] = json.loads(data[name] or "[]")
    return StoredRecord.model_validate(data)


_REVIEW_KEY = ("source", "sha256", "table_index", "row", "col", "cell_part")


def _review_row(review: Review) -> dict:
    a = review.address
    return {
        **a.model_dump(exclude={"cell_part"}),
        "cell_part": -1 if a.cell_part is None else a.cell_part,
        "decision": review.decision.value,
        **{name: getattr(review, name) for name in CORRECTABLE},
        "reviewer": review.reviewer,
        "reviewed_at": review.reviewed_at.isoformat(),
    }


def _review(row: dict) -> Review:
    address = RecordAddress(
        **{k: row[k] for k in ("source", "sha256", "table_index", "row", "col")},
        cell_part=None if row["cell_part"] < 0 else row["cell_part"],
    )
    fields = {name: row[name] for name in CORRECTABLE}
    return Review(
        address=address,
        decision=row["decision"],
        reviewer=row["reviewer"],
        reviewed_at=row["reviewed_at"],
        **fields,
    )


def failure_reason(e: BaseException) -> str:
    """The first line of what the database (or the OS) said, for a one-line message."""
    if isinstance(e, OSError) and e.strerror:
        return e.strerror
    return (str(getattr(e, "orig", None) or e).strip().splitlines() or [type(e).__name__])[0]


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return "(unparsable URL)"


def import_evaluation_tables(
    files: Iterable[Path],
    db: str | Path | None = None,
    outdir: Path | None = None,
    on_file: Callable[[Path, StoredDocument, list[StoredRecord]], None] | None = None,
) -> list[tuple[StoredDocument, list[StoredRecord]]]:
    """Load evaluation-tables JSON files (Papers with Code's format) into the store at `db`, else
    OUTDIR/results.db (`extractor import`).

    Each file is one document keyed by its path (its source): importing it again, or a corrected
    file at the same path, replaces it. Files are stored
    one by one, each in its own transaction, `on_file` hearing of each as it is stored; the first
    file that cannot be read (ReferenceDataError) or stored (StoreError) stops the import, the files
    before it staying stored.
    """
    imported = []
    with open_store(db, outdir) as store:
        for path in files:
            doc, records = load_evaluation_tables(path)
            store.replace_document(doc, records)
            imported.append((doc, records))
            if on_file:
                on_file(path, doc, records)
    return imported
