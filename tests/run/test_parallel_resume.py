"""Parallel runs give the serial output; re-runs resume; a killed run, run again, ends as an
uninterrupted one."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extractor.model.errors import FolderInUseError
from extractor.model.options import BatchOptions
from extractor.run import run
from extractor.run.journal import claim_folder
from extractor.store import open_store
from tests.support.outputs import output_tree
from tests.support.paths import REPO

SAMPLES = REPO / "samples"


def _inputs(folder: Path, copies: int) -> Path:
    """The samples, several times under other names: more documents, each distinct."""
    folder.mkdir()
    for n in range(copies):
        for src in sorted(SAMPLES.iterdir()):
            if src.suffix in {".pdf", ".html", ".txt"}:
                shutil.copy(src, folder / f"{n:02d}-{src.name}")
    return folder


def _statuses(report) -> list[tuple[str, str, bool]]:
    return [(i.source, i.status, i.resumed) for i in report.inputs]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    return _inputs(tmp_path_factory.mktemp("in") / "docs", copies=2)


def test_two_workers_write_what_one_process_writes(inputs, tmp_path):
    serial = run([str(inputs)], tmp_path / "serial", batch=BatchOptions(workers=0))
    parallel = run([str(inputs)], tmp_path / "parallel", batch=BatchOptions(workers=2))
    assert _statuses(serial) == _statuses(parallel)
    assert all(status == "ok" for _, status, _ in _statuses(serial))
    assert output_tree(tmp_path / "serial") == output_tree(tmp_path / "parallel")
    assert len(output_tree(tmp_path / "serial")) == 2 + 12  # results.csv, results.jsonl, 12 documents


def test_rerun_keeps_complete_output_and_force_redoes_it(inputs, tmp_path):
    out = tmp_path / "o"
    first = run([str(inputs)], out, batch=BatchOptions(workers=2))
    before = output_tree(out)
    again = run([str(inputs)], out, batch=BatchOptions(workers=2))
    assert [i.resumed for i in again.inputs] == [True] * len(first.inputs)
    assert [i.records for i in again.inputs] == [i.records for i in first.inputs]
    assert output_tree(out) == before
    forced = run([str(inputs)], out, batch=BatchOptions(workers=2, force=True))
    assert [i.resumed for i in forced.inputs] == [False] * len(first.inputs)
    assert output_tree(out) == before


def test_changed_input_or_options_are_redone(inputs, tmp_path):
    folder = _inputs(tmp_path / "docs", copies=1)
    out = tmp_path / "o"
    run([str(folder)], out, batch=BatchOptions(workers=0))
    text = folder / "00-results-page.txt"
    text.write_text(text.read_text(encoding="utf-8") + "\nA closing line.\n", encoding="utf-8")
    again = run([str(folder)], out, batch=BatchOptions(workers=0))
    redone = {Path(i.source).name for i in again.inputs if not i.resumed}
    assert redone == {"00-results-page.txt"}


def test_partial_files_of_a_killed_write_are_removed(inputs, tmp_path):
    out = tmp_path / "o"
    (out / "documents").mkdir(parents=True)
    (out / ".results.csv.abc123.tmp").write_text("half", encoding="utf-8")
    (out / "documents" / ".x.json.def456.tmp").write_text("half", encoding="utf-8")
    run([str(SAMPLES / "ruled-table.pdf")], out, batch=BatchOptions(workers=0))
    assert not list(out.rglob("*.tmp"))


def test_a_second_run_into_a_folder_in_use_is_refused_before_it_writes(tmp_path):
    """The first run holds the folder from start to end: a second, a real process started while the
    first is part-way, fails at once with one clear line and touches nothing; the first ends as an
    uninterrupted run would (on old main the second deleted the first's temp files and rewrote the
    combined files with its own inputs only). The first run's last input is a FIFO the test writes
    only once the second has been refused, so the first is part-way however fast it reads."""
    docs = _inputs(tmp_path / "docs", copies=4)
    late = tmp_path / "late" / "zz-late.txt"
    late.parent.mkdir()
    page = (SAMPLES / "results-page.txt").read_bytes()
    late.write_bytes(page)
    whole, out = tmp_path / "whole", tmp_path / "o"
    assert _cli([str(docs), str(late), "-o", str(whole), "--workers", "1"]).wait(timeout=300) == 0
    late.unlink()
    os.mkfifo(late)  # the same name and content for the first run, given when the test writes it
    first = _cli([str(docs), str(late), "-o", str(out), "--workers", "1"])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list((out / "documents").glob("*.json")):
        time.sleep(0.02)
    in_flight = out / "documents" / ".x.json.def456.tmp"  # what a write of the first run looks like
    in_flight.write_text("half", encoding="utf-8")
    second = subprocess.run(
        [sys.executable, "-m", "extractor", "run", str(SAMPLES / "ruled-table.pdf"), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert first.poll() is None, "the second run should start while the first is part-way"
    assert second.returncode == 2
    assert second.stderr.strip() == (
        f"error: {out}: another extractor run is writing into this folder; wait for it to finish, "
        "or give another output folder (-o)"
    )
    assert in_flight.exists()
    in_flight.unlink()
    _feed(late, page)
    assert first.wait(timeout=300) == 0
    assert output_tree(out) == output_tree(whole)
    assert _stored(out) == _stored(whole)


def test_a_folder_is_free_again_once_its_run_ends(tmp_path):
    out = tmp_path / "o"
    claim = claim_folder(out)
    with pytest.raises(FolderInUseError, match="another extractor run is writing into this folder"):
        run([str(SAMPLES / "ruled-table.pdf")], out, batch=BatchOptions(workers=0))
    assert not (out / "run.json").exists() and not (out / "documents").exists()
    claim.close()
    report = run([str(SAMPLES / "ruled-table.pdf")], out, batch=BatchOptions(workers=0))
    assert [i.status for i in report.inputs] == ["ok"]
    run([str(SAMPLES / "results-page.txt")], out, batch=BatchOptions(workers=0))  # the lock was let go


def test_the_combined_files_hold_the_last_runs_inputs_documents_and_store_hold_all(tmp_path):
    out = tmp_path / "o"
    first, second = SAMPLES / "ruled-table.pdf", SAMPLES / "results-page.txt"
    run([str(first)], out, batch=BatchOptions(workers=0))
    last = run([str(second)], out, batch=BatchOptions(workers=0))
    csv = (out / "results.csv").read_text(encoding="utf-8")
    assert str(second) in csv and str(first) not in csv
    assert [i.source for i in last.inputs] == [str(second)]
    assert len(list((out / "documents").glob("*.json"))) == 2
    with open_store(None, out) as store:
        assert sorted(d.source for d in store.documents()) == sorted([str(first), str(second)])


def _feed(fifo: Path, data: bytes, seconds: float = 120) -> None:
    """Write `data` into a FIFO once its reader has opened it; fail, not hang, if none does."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO while nobody reads it
            break
        except OSError:
            assert time.monotonic() < deadline, f"nothing opened {fifo} to read it"
            time.sleep(0.02)
    try:
        os.set_blocking(fd, True)
        os.write(fd, data)
    finally:
        os.close(fd)


def _cli(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "extractor", "run", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_a_run_killed_part_way_then_rerun_equals_an_uninterrupted_run(tmp_path, sig):
    docs = _inputs(tmp_path / "docs", copies=4)
    whole, cut = tmp_path / "whole", tmp_path / "cut"
    assert _cli([str(docs), "-o", str(whole), "--workers", "1"]).wait(timeout=300) == 0
    proc = _cli([str(docs), "-o", str(cut), "--workers", "1"])
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(list((cut / "documents").glob("*.json"))) < 3:
        time.sleep(0.02)
    os.killpg(proc.pid, sig)  # the run and its worker processes, as a terminal's Ctrl-C or an OOM kill would
    proc.wait(timeout=60)
    done = len(list((cut / "documents").glob("*.json")))
    assert 3 <= done < 24, "the kill should land part-way through the batch"
    assert not (cut / "results.csv").exists()
    assert _cli([str(docs), "-o", str(cut), "--workers", "1"]).wait(timeout=300) == 0
    assert output_tree(cut) == output_tree(whole)
    assert not list(cut.rglob("*.tmp"))
    assert _stored(cut) == _stored(whole)


def _stored(outdir: Path) -> list[tuple]:
    """The store's records, in a stable order: one copy of each document's, whatever was killed."""
    with open_store(outdir=outdir, must_exist=True) as store:
        rows = [(r.doc_id, r.table_index, r.row, r.col, r.dataset, r.model, r.value) for r in store.records()]
        return sorted(rows, key=repr)
