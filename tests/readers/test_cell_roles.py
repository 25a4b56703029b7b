"""Readers mark each table cell as a column header, a row header or a section row's cell (the records
stage's side: tests/records/test_grid_records.py)."""

from __future__ import annotations

from extractor.model.document import Cell, Document, Table
from extractor.model.options import RunOptions
from extractor.readers.html import read_html
from extractor.readers.text import read_text
from extractor.vocab import load_vocabulary


def _marks(table: Table) -> list[tuple[int, int, str, str]]:
    def role(c: Cell) -> str:
        return (
            "column_header"
            if c.column_header
            else "row_header"
            if c.row_header
            else "row_section"
            if c.row_section
            else "body"
        )

    return [(c.row, c.col, c.text, role(c)) for c in table.cells]


def _html_doc(body: str) -> Document:
    data = f"<html><body><table>{body}</table></body></html>".encode()
    return read_html(data, "d.html", RunOptions(), load_vocabulary())


def test_html_cells_are_marked_with_spans_sections_and_row_labels():
    doc = _html_doc(
        '<tr><th rowspan="2">Model</th><th colspan="2">Reasoning</th></tr>'
        "<tr><th>GSM8K</th><th>MATH</th></tr>"
        '<tr><td colspan="3">Open-source models</td></tr><tr><td>Nimbus</td><td>56.5</td><td>8.8</td></tr>'
    )
    assert _marks(doc.tables[0]) == [
        (0, 0, "Model", "column_header"),
        (0, 1, "Reasoning", "column_header"),
        (1, 1, "GSM8K", "column_header"),
        (1, 2, "MATH", "column_header"),
        (2, 0, "Open-source models", "row_section"),
        (3, 0, "Nimbus", "row_header"),
        (3, 1, "56.5", "body"),
        (3, 2, "8.8", "body"),
    ]


def test_a_text_table_gets_marked_cells_from_its_grid():
    data = b"| Model | MMLU |\n|---|---|\n| Nimbus | 70.1 |\n"
    doc = read_text(data, "d.md", RunOptions(), load_vocabulary())
    assert _marks(doc.tables[0]) == [
        (0, 0, "Model", "column_header"),
        (0, 1, "MMLU", "column_header"),
        (1, 0, "Nimbus", "row_header"),
        (1, 1, "70.1", "body"),
    ]


def test_a_version_spanning_columns_is_a_header_row_but_tied_scores_are_scores():
    from extractor.readers.roles import count_header_rows

    def table(row1: list[str], spans: bool) -> Table:
        grid = [["", "Nimbus", "Nimbus"], row1, ["MMLU", "67.3", "75.8"]]
        cells = [
            Cell(row=0, col=1, text="Nimbus", colspan=2),
            Cell(row=2, col=0, text="MMLU"),
            Cell(row=2, col=1, text="67.3"),
            Cell(row=2, col=2, text="75.8"),
        ]
        cells += (
            [Cell(row=1, col=1, text=row1[1], colspan=2)]
            if spans
            else [Cell(row=1, col=k, text=row1[k]) for k in (0, 1, 2)]
        )
        made = Table.from_cells(cells, engine="html", header_rows=2)
        assert made.grid == grid
        return made

    assert count_header_rows(table(["", "1.5", "1.5"], spans=True)) == 2  # 'Nimbus 1.5' over two columns
    assert (
        count_header_rows(table(["Orca", "100.0", "100.0"], spans=False)) == 1
    )  # a row of scores claimed as header
