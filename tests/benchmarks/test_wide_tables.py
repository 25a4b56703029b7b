"""A wide HTML table (issue 11) is read whole: a page of 20,000 model rows and four score columns gives
a record for every score. How fast is benchmarks/wide_tables.py's business; nothing here is timed."""

from __future__ import annotations

from pathlib import Path

from benchmarks.wide_tables import COLUMNS, wide_page
from extractor.model.options import RunOptions
from extractor.readers.inputs import InputRef
from extractor.run.pipeline import process_input

ROWS = 20_000


def test_a_page_of_20000_rows_gives_a_record_for_every_score(tmp_path: Path):
    path = tmp_path / "wide.html"
    path.write_text(wide_page(ROWS), encoding="utf-8")
    report, result = process_input(InputRef(source=str(path), path=path), RunOptions())
    assert report.status == "ok", report.error
    assert result is not None and len(result.tables) == 1
    assert result.tables[0].n_rows == ROWS + 1  # and the header row
    assert report.records == len(result.records) == ROWS * (len(COLUMNS) - 1)
    first, last = result.records[0], result.records[-1]
    assert (first.model_raw, first.dataset_raw, first.value_raw) == ("model-0", "MMLU", "0.0")
    assert (last.model_raw, last.row, last.col) == (f"model-{ROWS - 1}", ROWS, len(COLUMNS) - 1)
