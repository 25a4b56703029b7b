"""The results store: re-storing a document replaces it, a failed or killed write leaves the store as
it was."""

import json
import sqlite3

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.model.errors import StoreError
from extractor.store import open_store, store_url
from tests.support.store import (
    TABLE,
    doc,
    kill_a_writer_halfway,
    open_at_once,
    record,
    rerun_a_corrected_input,
    run_twice_at_once,
)

runner = CliRunner()


def test_urls():
    assert store_url("postgresql://u:p@db.example/results") == "postgresql+psycopg://u:p@db.example/results"
    assert store_url("sqlite:///x.db") == "sqlite:///x.db"
    assert store_url("/data/r.db") == "sqlite:////data/r.db"


def test_storing_a_document_again_replaces_its_records(tmp_path):
    with open_store(tmp_path / "r.db") as store:
        store.replace_document(doc(), [record(i) for i in range(3)])
        store.replace_document(
            doc("b" * 64, "other-bbbbbbbb", "other.pdf"),
            [record(0, "b" * 64, doc_id="other-bbbbbbbb", source="other.pdf")],
        )
        store.replace_document(
            doc(), [record(i, flags=["orientation-guessed"], parent_tasks=["Reasoning"]) for i in range(2)]
        )
        assert [d.doc_id for d in store.documents()] == ["doc-aaaaaaaa", "other-bbbbbbbb"]
        got = store.records()
    assert [(r.doc_id, r.model, r.value) for r in got] == [
        ("doc-aaaaaaaa", "Model 0", 50.0),
        ("doc-aaaaaaaa", "Model 1", 51.0),
        ("other-bbbbbbbb", "Model 0", 50.0),
    ]
    assert (
        got[0].flags == ["orientation-guessed"]
        and got[0].parent_tasks == ["Reasoning"]
        and got[2].flags == []
    )
    assert got[0] == record(0, flags=["orientation-guessed"], parent_tasks=["Reasoning"])


def test_sqlite_stores_through_a_write_ahead_log_synced_at_checkpoints(tmp_path):
    """The durability trade-off the store's pragmas state: commits are not synced one by one."""
    with open_store(tmp_path / "r.db") as store:
        store.replace_document(doc(), [record(0)])
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
    with sqlite3.connect(tmp_path / "r.db") as plain:  # another program reads it as it is
        assert plain.execute("SELECT count(*) FROM results").fetchone() == (1,)


def test_a_failed_write_leaves_the_document_as_it_was(tmp_path):
    with open_store(tmp_path / "r.db") as store:
        store.replace_document(doc(), [record(i) for i in range(3)])
        clash = [record(0), record(1, position=0)]  # two records at one position: the insert fails
        with pytest.raises(StoreError, match="cannot write doc-aaaaaaaa to the results store"):
            store.replace_document(doc(), clash)
        assert [r.model for r in store.records()] == ["Model 0", "Model 1", "Model 2"]


def test_a_writer_killed_halfway_leaves_the_store_consistent(tmp_path):
    db = str(tmp_path / "r.db")
    kill_a_writer_halfway(db)
    with open_store(db) as store:
        assert [(r.model, r.value) for r in store.records()] == [
            ("Model 0", 50.0),
            ("Model 1", 51.0),
            ("Model 2", 52.0),
        ]
        assert [d.title for d in store.documents()] == ["A report"]
        store.replace_document(doc(), [record(0, value=99.0)])  # and the store is writable again
        assert [(r.model, r.value) for r in store.records()] == [("Model 0", 99.0)]


def test_run_writes_the_store_and_a_rerun_replaces_never_duplicates(tmp_path):
    page = tmp_path / "results.txt"
    page.write_text(TABLE, encoding="utf-8")
    out = tmp_path / "out"
    for args in ([], ["--force"]):
        result = runner.invoke(app, ["run", str(page), "-o", str(out), "--workers", "0", *args])
        assert result.exit_code == 0, result.stderr
    with open_store(None, out) as store:
        got = store.records()
        assert len(store.documents()) == 1
    lines = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r.model, r.dataset, r.value, r.paper_title, r.entry) for r in got] == [
        ("Nimbus 2", "MMLU", 78.5, "A page", 0),
        ("Nimbus 2", "GSM8K", 88.0, "A page", 0),
        ("Nimbus 1", "MMLU", 70.0, "A page", 1),
        ("Nimbus 1", "GSM8K", 61.2, "A page", 1),
    ]
    assert [r.model_dump(include=set(lines[0])) for r in got] == lines

    page.write_text(TABLE.replace("70.0", "71.0"), encoding="utf-8")  # corrected: same source, new content
    runner.invoke(app, ["run", str(page), "-o", str(out), "--workers", "0"])
    with open_store(None, out) as store:
        assert [d.source for d in store.documents()] == [str(page)]
        values = [r.value for r in store.records()]
    assert values == [78.5, 88.0, 71.0, 61.2]  # the withdrawn 70.0 is gone


def test_the_same_content_under_two_sources_is_two_documents_whatever_the_order(tmp_path):
    def stored(order):
        with open_store(tmp_path / f"{'-'.join(order)}.db") as store:
            for source in order:
                store.replace_document(doc(source=source), [record(i, source=source) for i in range(2)])
            return [(d.source, d.sha256) for d in store.documents()], [
                (r.source, r.model) for r in store.records()
            ]

    assert stored(["a.pdf", "b.pdf"]) == stored(["b.pdf", "a.pdf"])
    docs, recs = stored(["b.pdf", "a.pdf"])
    assert docs == [("a.pdf", "a" * 64), ("b.pdf", "a" * 64)]
    assert recs == [("a.pdf", "Model 0"), ("a.pdf", "Model 1"), ("b.pdf", "Model 0"), ("b.pdf", "Model 1")]


def test_a_store_of_the_old_layout_is_refused_with_what_to_do(tmp_path):
    db = tmp_path / "results.db"
    with sqlite3.connect(db) as conn:  # the layout of earlier versions: documents keyed by sha256
        conn.execute("CREATE TABLE documents (sha256 VARCHAR(64) PRIMARY KEY, doc_id TEXT, source TEXT)")
    with pytest.raises(StoreError, match=r"older layout .*move it aside and run `extractor run`"):
        open_store(db)


def test_a_store_that_cannot_be_opened_is_one_clear_error(tmp_path):
    page = tmp_path / "results.txt"
    page.write_text(TABLE, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(
        app, ["run", str(page), "-o", str(tmp_path / "o"), "--workers", "0", "--db", str(blocker / "r.db")]
    )
    assert result.exit_code == 2
    assert result.stderr.startswith("error: cannot open the results store sqlite:///")


def test_runs_creating_a_fresh_store_at_once_all_open_it(tmp_path):
    for n in range(10):  # the race is lost often, not always: several fresh stores
        db = tmp_path / f"r{n}.db"
        assert open_at_once(str(db)) == []
        with open_store(db) as store:
            store.replace_document(doc(), [record(0)])
            assert len(store.records()) == 1


def test_a_corrected_input_run_again_withdraws_its_old_values(tmp_path):
    assert rerun_a_corrected_input(tmp_path, []) == [78.5, 88.0, 71.0, 61.2]


def test_two_runs_storing_into_one_store_at_once_hold_each_document_once(tmp_path):
    codes, counts, errors = run_twice_at_once(tmp_path, str(tmp_path / "shared.db"))
    assert codes == [0, 0], errors
    assert counts == {str(tmp_path / f"page{i}.txt"): 4 for i in range(6)}
