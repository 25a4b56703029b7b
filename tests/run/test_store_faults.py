"""Store and disk faults: a store write is retried while its failure may pass (another writer's lock);
one that still fails fails that input alone, with the reason, and the batch goes on; a full disk is
a clear error per document and for the combined files, never a traceback, and nothing half-written.
(On old main a lock held past 30 s or a full disk stopped the whole run, exit 2, no run.json.)"""

from __future__ import annotations

import errno
import json
import re
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from typer.testing import CliRunner

import extractor.store
from extractor.cli import app
from extractor.store import Store, open_store
from tests.support.paths import REPO
from tests.support.store import TABLE

runner = CliRunner()


def _pages(tmp_path):
    pages = []
    for name in ("one", "two"):
        page = tmp_path / f"{name}.txt"
        page.write_text(TABLE.replace("A page", f"Page {name}"), encoding="utf-8")
        pages.append(page)
    return pages


def _run(pages, out, *extra):
    return runner.invoke(app, ["run", *map(str, pages), "-o", str(out), "--workers", "0", *extra])


def _inputs(out):
    return json.loads((out / "run.json").read_text(encoding="utf-8"))["inputs"]


@pytest.fixture
def quick_retries(monkeypatch):
    """Short waits, so a test of the retries takes a second: 50 ms busy wait, then 0.2, 0.4, 0.8 s."""

    def short_wait(dbapi_conn, _record):
        dbapi_conn.execute("PRAGMA busy_timeout = 50")

    monkeypatch.setattr(extractor.store, "_sqlite_pragmas", short_wait)
    monkeypatch.setattr(extractor.store, "RETRY_DELAYS", (0.2, 0.4, 0.8))


def test_a_full_disk_for_one_document_fails_it_alone_and_the_batch_goes_on(tmp_path, monkeypatch):
    one, two = _pages(tmp_path)
    add = Store.add_result

    def full_for_one(self, result):
        if result.source == str(one):
            raise OSError(errno.ENOSPC, "No space left on device")
        add(self, result)

    monkeypatch.setattr(Store, "add_result", full_for_one)
    out = tmp_path / "out"
    result = _run([one, two], out)
    assert result.exit_code == 1, result.stderr
    first, second = _inputs(out)
    reason = f"cannot write {first['doc_id']} to the results store: No space left on device"
    assert (first["status"], first["error"]) == ("failed", reason)
    assert f"error: {one}: {reason}" in result.stderr and "Traceback" not in result.stderr
    assert (second["status"], second["error"]) == ("ok", None)
    assert len(list((out / "documents").glob("*.json"))) == 2  # kept: the next run resumes and stores it
    assert str(one) not in (out / "results.csv").read_text(encoding="utf-8")
    with open_store(None, out) as store:
        assert [d.source for d in store.documents()] == [str(two)]
    monkeypatch.setattr(Store, "add_result", add)
    again = _run([one, two], out)
    assert again.exit_code == 0, again.stderr
    assert [i["resumed"] for i in _inputs(out)] == [True, True]
    with open_store(None, out) as store:
        assert sorted(d.source for d in store.documents()) == sorted([str(one), str(two)])


def test_a_write_lock_held_past_the_retries_fails_each_input_with_the_reason(tmp_path, quick_retries):
    pages = _pages(tmp_path)
    out = tmp_path / "out"
    open_store(None, out).close()
    holder = sqlite3.connect(out / "results.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock for the whole run
    try:
        result = _run(pages, out)
    finally:
        holder.rollback()
        holder.close()
    assert result.exit_code == 1, result.stderr
    for page, item in zip(pages, _inputs(out), strict=True):
        reason = f"cannot write {item['doc_id']} to the results store: database is locked"
        assert item["status"] == "failed"
        assert re.fullmatch(re.escape(reason) + r" \(4 attempts in [12] s\)", item["error"])  # 1.4 s of waits
        assert f"error: {page}: {item['error']}" in result.stderr
    assert (out / "results.csv").read_text(encoding="utf-8").count("\n") == 1  # the header alone


def test_a_lock_another_process_lets_go_of_is_waited_out(tmp_path, quick_retries):
    pages = _pages(tmp_path)
    out = tmp_path / "out"
    open_store(None, out).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys, time\n"
            "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "db.execute('BEGIN IMMEDIATE')\n"
            "print('locked', flush=True)\n"
            "time.sleep(0.6)\n"
            "db.rollback()\n",
            str(out / "results.db"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout.readline() == "locked\n"
    result = _run(pages, out)
    holder.wait(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert [(i["status"], i["warnings"]) for i in _inputs(out)] == [("ok", []), ("ok", [])]
    with open_store(None, out) as store:
        assert len(store.documents()) == 2 and len(store.records()) == 8


@pytest.fixture
def small_disk(tmp_path):
    """An 8 MB tmpfs, mounted for the test; skipped where the test may not mount one (not root)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command to make a small file system")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {made.stderr.decode().strip() or made.returncode}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(folder: Path) -> Path:
    """Fill the file system `folder` is on, to its last byte."""
    ballast = folder / f"ballast-{uuid.uuid4().hex}"
    with open(ballast, "wb", buffering=0) as f:  # unbuffered: nothing left to fail at close
        try:
            while True:
                f.write(b"\0" * 4096)
        except OSError as e:
            assert e.errno == errno.ENOSPC
    return ballast


def test_a_full_disk_is_a_clear_error_and_leaves_nothing_half_written(small_disk, tmp_path):
    pages = [REPO / "samples" / "ruled-table.pdf", *_pages(tmp_path)]
    out = small_disk / "out"
    first = _run(pages[:1], out)  # an earlier run's files, which the full disk must leave whole
    assert first.exit_code == 0, first.stderr
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.suffix != ".db"}
    ballast = _fill(small_disk)
    result = _run(pages, out, "--db", str(tmp_path / "results.db"))
    assert result.exit_code == 2, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3, result.stderr  # the first input is resumed: its file is there
    for page, line in zip(pages[1:], errors, strict=False):
        assert line.startswith(f"error: {page}: cannot write documents/") and "No space left" in line
    assert errors[-1] == f"error: {out}: cannot write the combined files: No space left on device"
    assert not list(out.rglob("*.tmp"))
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and p.suffix != ".db"} == before
    ballast.unlink()
    again = _run(pages, out)
    assert again.exit_code == 0, again.stderr
    assert [i["status"] for i in _inputs(out)] == ["ok", "ok", "ok"]
    assert runner.invoke(app, ["validate", str(out)]).exit_code == 0
