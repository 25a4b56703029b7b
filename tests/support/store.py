"""Rows for the store tests: a stored document and its records, a results page, and the scenarios
run on both databases: a second writer killed inside its transaction, runs opening a fresh store at
once, two runs storing at once, a corrected input run again."""

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

from extractor.store import StoredDocument, StoredRecord, open_store, store_url
from tests.support.paths import REPO


def record(i, sha="a" * 64, **kw):
    data = dict(
        doc_id="doc-aaaaaaaa",
        source="doc.pdf",
        task="Arithmetic Reasoning",
        dataset="GSM8K",
        model=f"Model {i}",
        metric="Accuracy",
        value=50.0 + i,
        value_raw=str(50.0 + i),
        dataset_raw="GSM8K",
        model_raw=f"Model {i}",
        table_index=0,
        row=i,
        col=1,
        sha256=sha,
        position=i,
        entry=i,
    )
    return StoredRecord(**{**data, **kw})


def doc(sha="a" * 64, doc_id="doc-aaaaaaaa", source="doc.pdf"):
    return StoredDocument(sha256=sha, doc_id=doc_id, source=source, title="A report")


TABLE = (
    "A page\n\n| Model | MMLU | GSM8K |\n|---|---|---|\n"
    "| Nimbus 2 | 78.5 | 88.0 |\n| Nimbus 1 | 70.0 | 61.2 |\n"
)


KILLED_WRITER = textwrap.dedent("""
    import sys
    from sqlalchemy import event
    from extractor.store import open_store
    from tests.support.store import doc, record

    store = open_store(sys.argv[1])

    @event.listens_for(store.engine, "before_cursor_execute")
    def pause(conn, cursor, statement, *args):
        if statement.startswith("INSERT INTO results"):
            # The old records are deleted and the document row replaced, in the open transaction.
            print("halfway", flush=True)
            sys.stdin.readline()  # wait here until killed

    store.replace_document(doc(), [record(i, value=99.0) for i in range(5)])
""")


def kill_a_writer_halfway(db: str) -> None:
    """Store three records, then SIGKILL a second writer inside its transaction replacing them."""
    with open_store(db) as store:
        store.replace_document(doc(), [record(i) for i in range(3)])
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, store_url(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert proc.stdout.readline().strip() == "halfway"
    finally:
        proc.kill()
        proc.wait()


def open_at_once(url: str, writers: int = 3) -> list[str]:
    """Open a fresh store from several threads at the same moment (each as a run does: creating the
    tables it misses); what each that failed said."""
    start = threading.Barrier(writers)
    errors: list[str] = []

    def open_it() -> None:
        start.wait()
        try:
            open_store(url).close()
        except Exception as e:  # noqa: BLE001 - the test shows whatever it was
            errors.append(f"{type(e).__name__}: {e}")

    threads = [threading.Thread(target=open_it) for _ in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def pages(folder: Path, n: int) -> list[Path]:
    """`n` results pages, each its own document (4 records each)."""
    made = []
    for i in range(n):
        page = folder / f"page{i}.txt"
        page.write_text(TABLE.replace("A page", f"Page {i}"), encoding="utf-8")
        made.append(page)
    return made


def run_twice_at_once(tmp_path: Path, db: str) -> tuple[list[int], dict[str, int], list[str]]:
    """Two real `extractor run` processes at the same moment, each into its own folder and both into
    the store `db`, with two inputs in common (stored by both, replacing each other); their exit codes,
    the store's record count per source, and what each printed on stderr."""
    docs = pages(tmp_path, 6)
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "extractor", "run", *map(str, part), "-o", str(tmp_path / f"out{n}")]
            + ["--workers", "2", "--db", db],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
        )
        for n, part in enumerate([docs[:4], docs[2:]])
    ]
    codes = [proc.wait(timeout=300) for proc in runs]
    errors = [proc.stderr.read() for proc in runs]
    assert not any("Traceback" in e for e in errors), errors
    with open_store(db) as store:
        counts = {d.source: 0 for d in store.documents()}
        for rec in store.records():
            counts[rec.source] += 1
    return codes, counts, errors


def rerun_a_corrected_input(tmp_path: Path, extra: list[str]) -> list[float]:
    """Run a page, correct one of its values (same path, new content), run again; the store's values."""
    from typer.testing import CliRunner

    from extractor.cli import app

    page = tmp_path / "results.txt"
    page.write_text(TABLE, encoding="utf-8")
    out = tmp_path / "out"
    for text in (TABLE, TABLE.replace("70.0", "71.0")):
        page.write_text(text, encoding="utf-8")
        result = CliRunner().invoke(app, ["run", str(page), "-o", str(out), "--workers", "0", *extra])
        assert result.exit_code == 0, result.stderr
    db = extra[extra.index("--db") + 1] if "--db" in extra else str(out / "results.db")
    with open_store(db) as store:
        assert [d.source for d in store.documents()] == [str(page)]
        return [r.value for r in store.records()]
