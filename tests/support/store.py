"""Rows for the store tests: a stored document and its records, a results page, and a second writer
killed inside its transaction, and runs opening a fresh store at once."""

import subprocess
import sys
import textwrap
import threading

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
