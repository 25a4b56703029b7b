"""The store on a real PostgreSQL server that these tests start (skipped, saying why, where none can
start)."""

import csv
import io
import itertools
import json
import re
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import create_engine, insert, text
from typer.testing import CliRunner

import extractor.store
from extractor.cli import app
from extractor.store import open_store, store_url
from extractor.store.tables import documents
from tests.support.pg_server import Server, Unavailable
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
_names = itertools.count()


@pytest.fixture(scope="module")
def server():
    srv = Server()
    try:
        srv.start()
    except Unavailable as e:
        srv.stop()
        pytest.skip(f"PostgreSQL server could not start: {e}")
    yield srv
    srv.stop()


@pytest.fixture
def pg_url(server):
    """A fresh database on the server, as a postgresql:// URL."""
    return _fresh_database(server)


def _fresh_database(server) -> str:
    name = f"t{next(_names)}"
    engine = create_engine(store_url(server.url), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    engine.dispose()
    parts = urlsplit(server.url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def test_postgres_replaces_and_round_trips_records(pg_url):
    with open_store(pg_url) as store:
        store.replace_document(doc(), [record(i) for i in range(3)])
        store.replace_document(
            doc(), [record(i, flags=["orientation-guessed"], parent_tasks=["Reasoning"]) for i in range(2)]
        )
        got = store.records()
    assert got == [record(i, flags=["orientation-guessed"], parent_tasks=["Reasoning"]) for i in range(2)]


def test_postgres_runs_creating_a_fresh_store_at_once_all_open_it(server):
    for _ in range(4):  # duplicate key ... pg_type_typname_nsp_index for the loser, often not always
        url = _fresh_database(server)
        assert open_at_once(url) == []
        with open_store(url) as store:
            store.replace_document(doc(), [record(0)])
            assert len(store.records()) == 1


def test_postgres_writer_killed_halfway_leaves_the_store_consistent(pg_url):
    kill_a_writer_halfway(pg_url)
    with open_store(pg_url) as store:
        assert [(r.model, r.value) for r in store.records()] == [
            ("Model 0", 50.0),
            ("Model 1", 51.0),
            ("Model 2", 52.0),
        ]


def test_run_and_leaderboard_with_a_postgres_url(pg_url, tmp_path):
    page = tmp_path / "results.txt"
    page.write_text(TABLE, encoding="utf-8")
    for _ in range(2):
        result = runner.invoke(
            app, ["run", str(page), "-o", str(tmp_path / "out"), "--workers", "0", "--force", "--db", pg_url]
        )
        assert result.exit_code == 0, result.stderr
    assert not (tmp_path / "out" / "results.db").exists()
    board = runner.invoke(app, ["leaderboard", "--db", pg_url, "--dataset", "mmlu", "--format", "csv"])
    assert board.exit_code == 0, board.stderr
    rows = [(r["rank"], r["model"], r["value"]) for r in csv.DictReader(io.StringIO(board.stdout))]
    assert rows == [("1", "Nimbus 2", "78.5"), ("2", "Nimbus 1", "70.0")]


def test_postgres_a_corrected_input_run_again_withdraws_its_old_values(pg_url, tmp_path):
    assert rerun_a_corrected_input(tmp_path, ["--db", pg_url]) == [78.5, 88.0, 71.0, 61.2]


def test_postgres_two_runs_storing_at_once_hold_each_document_once(pg_url, tmp_path):
    codes, counts, errors = run_twice_at_once(tmp_path, pg_url)
    assert codes == [0, 0], errors
    assert counts == {str(tmp_path / f"page{i}.txt"): 4 for i in range(6)}


def test_postgres_a_source_another_run_stores_during_our_write_is_replaced(pg_url, monkeypatch):
    """Our delete finds nothing (the other run's row is not committed), our insert waits for it and
    then meets its key: tried again, ours replaces it."""
    import threading

    monkeypatch.setattr(extractor.store, "RETRY_DELAYS", (0.2, 0.4))
    open_store(pg_url).close()
    engine = create_engine(store_url(pg_url))
    other = engine.connect()
    other.execute(insert(documents), [doc(sha="b" * 64).model_dump()])  # in its open transaction
    threading.Timer(0.5, other.commit).start()
    try:
        with open_store(pg_url) as store:
            store.replace_document(doc(), [record(i) for i in range(2)])
            assert [(d.source, d.sha256) for d in store.documents()] == [("doc.pdf", "a" * 64)]
            assert [r.model for r in store.records()] == ["Model 0", "Model 1"]
    finally:
        other.close()
        engine.dispose()


def _locked_run(pg_url, tmp_path, monkeypatch, hold: float | None):
    """A run while another connection holds an exclusive lock on the results table (for `hold` s, or
    for the whole run); waits are short (lock_timeout 100 ms, retries after 0.2, 0.4, 0.8 s)."""
    import threading

    monkeypatch.setattr(extractor.store, "LOCK_TIMEOUT_MS", 100)
    monkeypatch.setattr(extractor.store, "RETRY_DELAYS", (0.2, 0.4, 0.8))
    open_store(pg_url).close()
    page = tmp_path / "results.txt"
    page.write_text(TABLE, encoding="utf-8")
    engine = create_engine(store_url(pg_url))
    conn = engine.connect()
    conn.execute(text("LOCK TABLE results IN ACCESS EXCLUSIVE MODE"))  # in its open transaction
    if hold is not None:
        threading.Timer(hold, conn.rollback).start()
    try:
        result = runner.invoke(
            app, ["run", str(page), "-o", str(tmp_path / "out"), "--workers", "0"] + ["--db", pg_url]
        )
    finally:
        if hold is None:
            conn.rollback()
        conn.close()
        engine.dispose()
    return result, json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))["inputs"][0]


def test_postgres_a_lock_let_go_of_is_waited_out(pg_url, tmp_path, monkeypatch):
    result, item = _locked_run(pg_url, tmp_path, monkeypatch, hold=0.5)
    assert result.exit_code == 0, result.stderr
    assert (item["status"], item["warnings"]) == ("ok", [])
    with open_store(pg_url) as store:
        assert len(store.records()) == 4


def test_postgres_a_lock_held_past_the_retries_fails_the_input_with_the_reason(pg_url, tmp_path, monkeypatch):
    result, item = _locked_run(pg_url, tmp_path, monkeypatch, hold=None)
    assert result.exit_code == 1
    reason = f"cannot write {item['doc_id']} to the results store: canceling statement due to lock timeout"
    assert item["status"] == "failed" and re.fullmatch(
        re.escape(reason) + r" \(4 attempts in [12] s\)", item["error"]
    )


def test_postgres_keeps_reviews_across_a_rerun(pg_url):
    from datetime import UTC, datetime

    from extractor.model.review import RecordAddress, Review

    when = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)
    address = RecordAddress(source="doc.pdf", sha256="a" * 64, table_index=0, row=1, col=1, cell_part=0)
    with open_store(pg_url) as store:
        store.replace_document(doc(), [record(i) for i in range(2)])
        store.save_review(
            Review(address=address, decision="correct", value=9.5, reviewer="ann", reviewed_at=when)
        )
        store.save_review(Review(address=address, decision="reject", reviewer="bo", reviewed_at=when))
        store.replace_document(doc(), [record(i) for i in range(2)])
        (got,) = store.reviews()
    assert (got.address, got.decision, got.value, got.reviewer, got.reviewed_at) == (
        address,
        "reject",
        None,
        "bo",
        when,
    )
