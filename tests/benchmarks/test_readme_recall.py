"""README-table recall (benchmarks/records.py) as a floor: for each report whose authors also
published their tables in a README, the share of README results the PDF's records contain.
Skipped without ../shared/corpus."""

from __future__ import annotations

import pytest

from benchmarks import records
from tests.support.paths import corpus_path

pytestmark = pytest.mark.corpus

FLOOR = 0.97  # measured 2026-12-02: qwen 1.000, deepseek-v2 0.994, orion-14b 0.996


@pytest.mark.parametrize("report", sorted(records.PAIRS))
def test_readme_table_recall(report):
    result = records.measure(report, corpus_path("reports"), None, misses=False)
    assert result["truth"] >= 50 and result["recall"] >= FLOOR, result
