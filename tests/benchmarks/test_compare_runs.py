"""compare_runs --upgrade-before states the intended documents-JSON change of schema 2.0: a 1.1 table
rewritten by it must be exactly what the current model writes for the same table."""

import json

from benchmarks.compare_runs import upgraded
from extractor.model.document import BBox, Provenance, Table


def _dumped(table: Table) -> dict:
    return json.loads(table.model_dump_json())


def test_a_1_1_pdf_table_upgrades_to_what_the_model_writes():
    grid = [["Model", "MMLU"], ["Nimbus", "71.2"]]
    box = BBox(x0=10, top=20, x1=200, bottom=90)
    table = Table.from_grid(grid, index=0, page=3, bbox=box, caption="Table 1", engine="pdf-text-columns")
    old = {
        "index": 0,
        "page": 3,
        "bbox": box.model_dump(),
        "caption": "Table 1",
        "grid": grid,
        "cells": _dumped(table)["cells"],
        "header_rows": None,
        "engine": "pdf-text-columns",
        "confidence": None,
        "notes": [],
    }
    new = upgraded({"schema_version": "1.1", "tables": [old]})
    assert new["schema_version"] == "2.0"
    assert json.dumps(new["tables"][0]) == json.dumps(_dumped(table))  # key order too


def test_the_continued_note_becomes_a_second_provenance_item():
    grid = [["Model", "MMLU"], ["Nimbus", "71.2"], ["Orca", "64.0"]]
    items = [Provenance(page=4, bbox=None, rows=(0, 1)), Provenance(page=5, bbox=None, rows=(2, 2))]
    table = Table.from_grid(grid, index=1, provenance=items, engine="pdfplumber-lines")
    old = {
        "index": 1,
        "page": 4,
        "bbox": None,
        "caption": None,
        "grid": grid,
        "cells": _dumped(table)["cells"],
        "header_rows": None,
        "engine": "pdfplumber-lines",
        "confidence": None,
        "notes": ["continued on page 5: rows 2-2 were joined from there"],
    }
    assert json.dumps(upgraded({"schema_version": "1.1", "tables": [old]})["tables"][0]) == json.dumps(
        _dumped(table)
    )
