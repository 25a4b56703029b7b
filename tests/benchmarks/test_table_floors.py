"""The table benchmarks on ../shared/corpus, as floors the engine must not fall below (skipped when absent).

The figures come from benchmarks/tables.py (the same code); the floors sit a little below what the
engine reached when they were last set (README, "Benchmarks"). Raise them when the engine improves.
Speed is measured by the script only: no test here is timed.
"""

from __future__ import annotations

import os

import pytest

from benchmarks import tables as bench
from tests.support.paths import corpus_path

pytestmark = pytest.mark.corpus

JOBS = min(2, os.cpu_count() or 1)

# camelot's expected tables: share found at cell accuracy >= 0.95, and mean best cell accuracy
CAMELOT_FOUND_SHARE = 0.88  # measured 25/27 = 0.926
CAMELOT_MEAN_ACCURACY = 0.93  # measured 0.951
# ICDAR 2013: adjacency relations over every table found in each whole document, summed over documents
ICDAR_F1 = 0.93  # measured 0.943
ICDAR_PRECISION = 0.935  # measured 0.949
ICDAR_RECALL = 0.92  # measured 0.937


@pytest.fixture(scope="module")
def camelot():
    root = corpus_path("camelot", "expected_tables_from_tests_data_py.json").parents[1]
    corpus_path("camelot", "tests", "files")
    results = bench.run_camelot(root, jobs=JOBS)
    return results, bench.camelot_summary(results)


@pytest.fixture(scope="module")
def icdar():
    root = corpus_path("icdar2013").parent
    results = bench.run_icdar(root, jobs=JOBS)
    return results, bench.icdar_summary(results)


def _misses(results) -> str:
    return "; ".join(f"{r.table.key} {r.accuracy:.2f}" for r in results if not r.found)


def test_camelot_counts_every_expected_table(camelot):
    results, s = camelot
    # 40 of the 41 grids name the PDF camelot read (data_stream_duplicated_text names none); they
    # describe 27 tables (a PDF's page and camelot's table index), in 45 (pdf, grid) pairs
    assert s["tables"] == 27
    assert bench.camelot_expected_grids([r.table for r in results]) == 45


def test_camelot_share_found(camelot):
    results, s = camelot
    assert s["found_share"] >= CAMELOT_FOUND_SHARE, _misses(results)


def test_camelot_mean_cell_accuracy(camelot):
    results, s = camelot
    assert s["mean_accuracy"] >= CAMELOT_MEAN_ACCURACY, _misses(results)


def test_camelot_reads_every_pdf(camelot):
    results, _ = camelot
    # us-030.pdf, which camelot read from its copy of the ICDAR 2013 dataset, comes from icdar2013/
    assert [f"{r.table.key}: {r.error}" for r in results if r.error] == []


def test_camelot_protected_file_is_read_with_its_password(camelot):
    results, _ = camelot
    protected = [r for r in results if r.table.pdf.endswith("health_protected.pdf")]
    assert protected and all(r.error is None and r.candidates for r in protected)


def test_icdar_reads_every_document(icdar):
    results, s = icdar
    assert s["documents"] == 67
    assert [r.name for r in results if r.error] == []


def test_icdar_adjacency_f1(icdar):
    results, s = icdar
    worst = ", ".join(f"{r.name} {r.tally.f1:.2f}" for r in sorted(results, key=lambda r: r.tally.f1)[:8])
    assert s["f1"] >= ICDAR_F1, worst
    assert s["precision"] >= ICDAR_PRECISION, worst
    assert s["recall"] >= ICDAR_RECALL, worst
