"""A results store that fails for one document (a lock held too long, a full disk) is a warning on
that input: its files are written, run.json says why, and the batch goes on."""

from __future__ import annotations

import errno
import json
import sqlite3

from typer.testing import CliRunner

import extractor.store
from extractor.cli import app
from extractor.store import Store, open_store
from tests.support.store import TABLE

runner = CliRunner()


def _pages(tmp_path):
    pages = []
    for name in ("one", "two"):
        page = tmp_path / f"{name}.txt"
        page.write_text(TABLE.replace("A page", f"Page {name}"), encoding="utf-8")
        pages.append(page)
    return pages


def _run(pages, out):
    return runner.invoke(app, ["run", *map(str, pages), "-o", str(out), "--workers", "0"])


def test_a_full_disk_for_one_document_is_a_warning_and_the_batch_goes_on(tmp_path, monkeypatch):
    one, two = _pages(tmp_path)
    add = Store.add_result

    def full_for_one(self, result):
        if result.source == str(one):
            raise OSError(errno.ENOSPC, "No space left on device")
        add(self, result)

    monkeypatch.setattr(Store, "add_result", full_for_one)
    out = tmp_path / "out"
    result = _run([one, two], out)
    assert result.exit_code == 0, result.stderr
    reason = "results store write failed: No space left on device"
    assert f"warning: {one}: {reason}" in result.stderr and "Traceback" not in result.stderr
    inputs = json.loads((out / "run.json").read_text(encoding="utf-8"))["inputs"]
    assert [i["status"] for i in inputs] == ["ok", "ok"]
    assert (
        inputs[0]["warnings"][-1].startswith(reason)
        and "No space left on device" in inputs[0]["warnings"][-1]
    )
    assert not any("results store" in w for w in inputs[1]["warnings"])
    assert len(list((out / "documents").glob("*.json"))) == 2  # its files are still written
    with open_store(None, out) as store:
        assert [d.source for d in store.documents()] == [str(two)]


def test_a_write_lock_held_too_long_is_a_warning_on_each_input(tmp_path, monkeypatch):
    pages = _pages(tmp_path)
    out = tmp_path / "out"
    open_store(None, out).close()

    def short_wait(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA busy_timeout = 50")

    monkeypatch.setattr(extractor.store, "_sqlite_pragmas", short_wait)
    holder = sqlite3.connect(out / "results.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock for the whole run
    try:
        result = _run(pages, out)
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 0, result.stderr
    inputs = json.loads((out / "run.json").read_text(encoding="utf-8"))["inputs"]
    for page, item in zip(pages, inputs):
        assert item["status"] == "ok"
        line = item["warnings"][-1]
        assert line == "results store write failed: database is locked"
        assert f"warning: {page}: {line}" in result.stderr
    assert (out / "results.csv").read_text(encoding="utf-8").count("\n") == 1 + 8
