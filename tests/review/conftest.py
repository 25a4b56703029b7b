"""An output folder for the review app's tests: a drawn PDF with one small results table (its last
column a benchmark the alias data does not know, so its records are flagged), run through `extractor
run` into tmp_path, so the pages have a real page image and real cell boxes."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.model.options import BatchOptions
from extractor.run import run
from extractor.store import open_store
from tests.support.drawing import Case, draw_case, pdf

RESULTS = Case(
    title="Nimbus: Small Open Models",
    caption="Table 1: Accuracy (%) of the models on three benchmarks.",
    cols=[100, 220, 290, 360, 430, 500],
    header=[["Model", "MMLU", "GSM8K", "ARC-c", "ZorbQA"]],
    body=[
        ["Nimbus 7B", "61.2", "51.7", "55.0", "33.1"],
        ["Falcon-Lite 7B", "55.4", "29.6", "47.1", "30.4"],
        ["Orca-X 13B", "58.9", "40.2", "52.3", "31.9"],
    ],
)


@pytest.fixture
def outdir(tmp_path: Path) -> Path:
    source = tmp_path / "nimbus.pdf"
    source.write_bytes(pdf(lambda page: draw_case(page, RESULTS)))
    out = tmp_path / "out"
    report = run([str(source)], out, batch=BatchOptions(workers=0))
    assert not report.failed, report.failed
    return out


@pytest.fixture
def store(outdir: Path):
    with open_store(None, outdir, must_exist=True) as s:
        yield s
