"""The table model: cells are the truth, the grid is derived from them; provenance; engine values."""

from __future__ import annotations

import json

import pydantic
import pytest

from extractor.model.document import BBox, BlockKind, Cell, Table, TableEngine, TextBlock

BOX = BBox(x0=10, top=20, x1=300, bottom=120)


def test_the_grid_is_derived_from_the_cells_a_spanning_cell_in_every_slot_it_covers():
    cells = [
        Cell(row=0, col=0, text="Model", rowspan=2),
        Cell(row=0, col=1, text="Reasoning", colspan=2),
        Cell(row=1, col=1, text="GSM8K"),
        Cell(row=1, col=2, text="MATH"),
        Cell(row=2, col=0, text="Nimbus"),
        Cell(row=2, col=2, text="41.0"),
    ]
    table = Table.from_cells(cells, engine=TableEngine.HTML)
    assert (table.n_rows, table.n_cols) == (3, 3)
    assert table.grid == [
        ["Model", "Reasoning", "Reasoning"],
        ["Model", "GSM8K", "MATH"],
        ["Nimbus", "", "41.0"],  # a slot no cell covers is empty
    ]


def test_a_span_past_the_shape_is_cut_at_its_edge_and_the_later_of_two_overlapping_cells_wins():
    cells = [Cell(row=0, col=0, text="a", colspan=5), Cell(row=0, col=1, text="b")]
    assert Table.from_cells(cells, n_rows=2, n_cols=3, engine="html").grid == [["a", "b", "a"], ["", "", ""]]


def test_from_grid_makes_a_cell_per_filled_slot_and_keeps_the_grids_shape():
    grid = [["Model", "MMLU", ""], ["Nimbus", "70.1", ""], ["", "", ""]]
    table = Table.from_grid(grid, engine=TableEngine.TSV_TEXT)
    assert [(c.row, c.col, c.text) for c in table.cells] == [
        (0, 0, "Model"),
        (0, 1, "MMLU"),
        (1, 0, "Nimbus"),
        (1, 1, "70.1"),
    ]
    assert (table.n_rows, table.n_cols, table.grid) == (3, 3, grid)
    assert Table.from_grid([["a", "b"], ["c"]], engine="tsv-text").grid == [["a", "b"], ["c", ""]]


def test_the_grid_follows_new_cells_and_cells_are_not_changed_in_place():
    table = Table.from_grid([["Model", "MMLU"], ["Nimbus", "70.1"]], engine="html")
    assert table.grid[1][1] == "70.1"
    fixed = tuple(c.model_copy(update={"text": "71.0"}) if c.text == "70.1" else c for c in table.cells)
    copied = table.model_copy(update={"cells": fixed})
    assert copied.grid[1][1] == "71.0" and table.grid[1][1] == "70.1"
    table.cells = list(fixed)  # assignment is validated: a tuple again
    assert isinstance(table.cells, tuple) and table.grid[1][1] == "71.0"
    with pytest.raises(pydantic.ValidationError):
        table.cells[0].text = "Name"  # frozen: the grid could not follow
    table.n_rows = 1
    assert table.grid == [["Model", "MMLU"]]


def test_provenance_one_item_per_page_and_page_and_bbox_are_the_first_items():
    table = Table.from_grid([["a", "1.0"], ["b", "2.0"]], page=3, bbox=BOX, engine="pdf-text-columns")
    assert [(p.page, p.bbox, p.rows) for p in table.provenance] == [(3, BOX, (0, 1))]
    assert (table.page, table.bbox) == (3, BOX)
    html = Table.from_grid([["a", "1.0"]], engine="html")
    assert html.provenance == [] and (html.page, html.bbox) == (None, None)
    with pytest.raises(ValueError, match="needs its page"):
        Table.from_grid([["a"]], bbox=BOX, engine="html")


def test_the_json_carries_the_grid_last_and_engine_values_and_reading_it_back_ignores_the_grid():
    table = Table.from_grid(
        [["Model", "MMLU"], ["Nimbus", "70.1"]], page=2, bbox=BOX, engine="pdf-rules-text"
    )
    data = json.loads(table.model_dump_json())
    assert list(data) == [
        "index",
        "provenance",
        "caption",
        "n_rows",
        "n_cols",
        "cells",
        "header_rows",
        "engine",
        "confidence",
        "notes",
        "grid",
    ]
    assert data["engine"] == "pdf-rules-text" and data["grid"] == table.grid
    assert data["provenance"] == [{"page": 2, "bbox": BOX.model_dump(), "rows": [0, 1]}]
    data["grid"] = [["not", "read"]]
    back = Table.model_validate(data)
    assert back.grid == table.grid and back.engine is TableEngine.PDF_RULES_TEXT
    with pytest.raises(pydantic.ValidationError):
        Table.from_grid([["a"]], engine="camera")


def test_engine_and_block_kind_values_are_todays_strings():
    assert [e.value for e in TableEngine] == [
        "pdfplumber-lines",
        "pdf-rules-text",
        "pdf-text-columns",
        "html",
        "flattened-text",
        "markdown-text",
        "tsv-text",
        "ocr",
    ]
    assert TextBlock(text="Table 1: Results", kind="caption").kind is BlockKind.CAPTION
    assert BlockKind.HEADING == "heading" and f"{TableEngine.HTML}" == "html"
