"""The results store: SQLite by default (`OUTDIR/results.db`), PostgreSQL when given a URL.

Documents are keyed by the sha256 of their content: storing a document again replaces its
records in one transaction (delete, then insert), so a re-run never duplicates them and a run
killed halfway leaves each document either as it was or wholly replaced.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import (
    Boolean,
    Column,
    Double,
    Engine,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    insert,
    select,
)
from sqlalchemy.exc import SQLAlchemyError

from extractor.formats.evaltables import load_evaluation_tables
from extractor.model.errors import StoreError
from extractor.model.report import DocumentResult
from extractor.model.stored import StoredDocument, StoredRecord, assign_entries, from_document

__all__ = [
    "Store",
    "StoredDocument",
    "StoredRecord",
    "assign_entries",
    "from_document",
    "import_evaluation_tables",
    "store_url",
    "open_store",
]

DEFAULT_NAME = "results.db"
_LIST_FIELDS = {"flags", "parent_tasks"}  # kept as JSON text, so both databases store them alike

metadata = MetaData()
documents = Table(
    "documents",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("doc_id", Text, nullable=False),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("kind", String(16), nullable=False),
)


_TYPES = {float: Double, int: Integer, bool: Boolean}


def _column(name: str, annotation: object) -> Column:
    kinds = set(typing.get_args(annotation)) if isinstance(annotation, types.UnionType) else {annotation}
    kind = next((_TYPES[t] for t in (float, bool, int) if t in kinds), Text)
    return Column(name, kind, nullable=name not in {"sha256", "position"})


results = Table(
    "results",
    metadata,
    *[_column(name, f.annotation) for name, f in StoredRecord.model_fields.items()],
    PrimaryKeyConstraint("sha256", "position", name="results_pk"),
)
Index("results_benchmark", results.c.dataset, results.c.metric)


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
            self.engine: Engine = create_engine(url)
            if url.startswith("sqlite"):
                Path(self.engine.url.database or ".").parent.mkdir(parents=True, exist_ok=True)
                event.listen(self.engine, "connect", _sqlite_pragmas)
            metadata.create_all(self.engine)
        except (SQLAlchemyError, ImportError, OSError) as e:
            raise StoreError(f"cannot open the results store {_safe(url)}: {_first_line(e)}") from e

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def replace_document(self, doc: StoredDocument, records: Iterable[StoredRecord]) -> None:
        """Put a document and its records in the store, replacing what it had for the same sha256."""
        rows = [_row(r) for r in records]
        try:
            with self.engine.begin() as conn:  # one transaction: all of it or none of it
                conn.execute(delete(results).where(results.c.sha256 == doc.sha256))
                conn.execute(delete(documents).where(documents.c.sha256 == doc.sha256))
                conn.execute(insert(documents), [doc.model_dump()])
                if rows:
                    conn.execute(insert(results), rows)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot write {doc.doc_id} to the results store: {_first_line(e)}") from e

    def add_result(self, result: DocumentResult) -> None:
        """Store a run's DocumentResult."""
        self.replace_document(*from_document(result))

    def documents(self) -> list[StoredDocument]:
        with self._read() as conn:
            rows = conn.execute(select(documents).order_by(documents.c.doc_id, documents.c.sha256)).mappings()
            return [StoredDocument(**row) for row in rows]

    def records(self, sha256: str | None = None) -> list[StoredRecord]:
        """Stored records in a stable order: by document id, then position within the document."""
        query = select(results, documents.c.doc_id.label("_doc")).join(
            documents, documents.c.sha256 == results.c.sha256
        )
        if sha256 is not None:
            query = query.where(results.c.sha256 == sha256)
        query = query.order_by(documents.c.doc_id, results.c.sha256, results.c.position)
        with self._read() as conn:
            return [_record(row) for row in conn.execute(query).mappings()]

    def _read(self):
        try:
            return self.engine.connect()
        except SQLAlchemyError as e:
            raise StoreError(f"cannot read the results store {_safe(self.url)}: {_first_line(e)}") from e


def open_store(db: str | Path | None = None, outdir: Path | None = None, must_exist: bool = False) -> Store:
    """The store at `db`, else OUTDIR/results.db; with must_exist, a SQLite file that is not there is an error
    (reading commands must not create an empty store)."""
    url = store_url(db, outdir)
    if must_exist and url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).is_file():
        raise StoreError(
            f"no results store at {url.removeprefix('sqlite:///')}: run `extractor run` first, or give --db"
        )
    return Store(url)


def _sqlite_pragmas(dbapi_conn: object, _record: object) -> None:
    cur = dbapi_conn.cursor()  # type: ignore[attr-defined]
    cur.execute("PRAGMA busy_timeout = 30000")  # a second writer waits instead of failing at once
    cur.close()


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


def _first_line(e: BaseException) -> str:
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

    Each file is one document keyed by its sha256: importing it again replaces it. Files are stored
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
