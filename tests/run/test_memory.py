"""A worker's memory is capped (--max-memory): a document that inflates fails alone, with the reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.model.options import BatchOptions, RunOptions
from extractor.readers import expand_inputs
from extractor.run import pipeline
from extractor.run.pipeline import process_input
from extractor.run.workers import run_in_processes
from tests.support.paths import REPO

SAMPLE = REPO / "samples" / "ruled-table.pdf"


def inflating_task(ref, options):
    """The pipeline, but an input named inflate* first asks for 8 GiB (run it only under a limit below
    that: the bytearray is zero-filled, so without one it would take the memory)."""
    if Path(ref.source).name.startswith("inflate"):  # the name alone: a folder may say inflate too
        hog = bytearray(8 * 1024**3)
        return process_input(ref, options) if hog else None
    return process_input(ref, options)


def _outcomes(refs, batch):
    got = {}
    run_in_processes(inflating_task, enumerate(refs), RunOptions(), batch, lambda i, r, _: got.update({i: r}))
    return [got[i] for i in range(len(refs))]


def test_a_document_that_inflates_fails_alone_with_the_limit_in_its_reason(tmp_path):
    inflate = tmp_path / "inflate.txt"
    inflate.write_text("| Model | MMLU |\n|---|---|\n| Nimbus | 70.1 |\n", encoding="utf-8")
    refs = expand_inputs([str(inflate), str(SAMPLE)])
    hog, ok = _outcomes(refs, BatchOptions(workers=2, memory_mb=2048))
    assert (hog.status, hog.error) == ("failed", "ran out of memory (--max-memory 2048 MB)")
    assert (ok.status, ok.records) == ("ok", 9)


def test_a_memory_error_in_the_pipeline_is_that_inputs_failure(monkeypatch):
    def inflate(ref, options):
        raise MemoryError

    monkeypatch.setattr(pipeline.readers, "load", inflate)
    report, result = process_input(expand_inputs([str(SAMPLE)])[0], RunOptions())
    assert (report.status, report.error, result) == ("failed", "ran out of memory", None)


@pytest.mark.parametrize("flag", ["--max-memory", "--memory-limit"])  # the earlier name is still taken
def test_max_memory_option_reaches_the_workers(tmp_path, flag):
    result = CliRunner().invoke(
        app, ["run", str(SAMPLE), "-o", str(tmp_path / "o"), "--workers", "1", flag, "1"]
    )
    assert result.exit_code == 1
    assert "ran out of memory (--max-memory 1 MB)" in result.stderr
