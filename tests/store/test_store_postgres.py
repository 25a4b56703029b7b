"""The store on a real PostgreSQL server that these tests start (skipped, saying why, where none can
start)."""

import itertools
from urllib.parse import urlsplit, urlunsplit

import pytest
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from extractor.cli import app
from extractor.store import open_store, store_url
from tests.support.pg_server import Server, Unavailable
from tests.support.store import TABLE, doc, kill_a_writer_halfway, open_at_once, record

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
    rows = [line.split(",")[6:9] for line in board.stdout.splitlines()[1:]]
    assert rows == [["1", "Nimbus 2", "78.5"], ["2", "Nimbus 1", "70.0"]]
