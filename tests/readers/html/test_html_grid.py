"""Span layout on plain data, and the same rules reached through markup."""

from __future__ import annotations

import pytest

from extractor.readers.html.spans import SourceCell, SourceRow, layout_table, parse_span
from tests.support.html import load_string, page


def rows(*specs, group=0, thead=False):
    """Rows from tuples: a str is a plain cell, (text, rowspan, colspan) a spanning one."""
    out = []
    for spec in specs:
        cells = []
        for item in spec:
            if isinstance(item, str):
                cells.append(SourceCell(text=item))
            else:
                text, rowspan, colspan = item
                cells.append(SourceCell(text=text, rowspan=rowspan, colspan=colspan))
        out.append(SourceRow(cells=cells, group=group, in_thead=thead))
    return out


@pytest.mark.parametrize(
    ("raw", "rowspan", "expected"),
    [
        (None, False, (1, True)),
        ("3", False, (3, True)),
        (" 2 ", True, (2, True)),
        ("2px", False, (2, True)),
        ("0", True, (0, True)),  # rowspan 0: to the end of the row group
        ("0", False, (1, False)),
        ("-2", False, (1, False)),
        ("-2", True, (1, False)),
        ("abc", True, (1, False)),
        ("", False, (1, False)),
        ("5000", False, (1000, False)),
        ("99999", True, (65534, False)),
    ],
)
def test_parse_span(raw, rowspan, expected):
    assert parse_span(raw, rowspan=rowspan) == expected


def test_rowspan_and_colspan_in_one_cell():
    layout = layout_table(rows([("A", "2", "2"), "b"], ["c"], ["d", "e", "f"]))
    assert layout.grid == [["A", "A", "b"], ["A", "A", "c"], ["d", "e", "f"]]
    first = layout.cells[0]
    assert (first.row, first.col, first.rowspan, first.colspan) == (0, 0, 2, 2)
    assert layout.notes == []


def test_ragged_rows_are_padded():
    layout = layout_table(rows(["a", "b", "c"], ["d"], ["e", "f"]))
    assert layout.grid == [["a", "b", "c"], ["d", "", ""], ["e", "f", ""]]


def test_overlapping_spans_first_come_keeps_the_slot():
    # "x" spans down into row 1 at column 1; "long" in row 1 asks for 3 columns from column 0.
    layout = layout_table(rows(["a", ("x", "2", None), "b"], [("long", None, "3"), "c"]))
    assert layout.grid == [["a", "x", "b"], ["long", "x", "c"]]
    assert any("overlapping" in note for note in layout.notes)


def test_huge_colspan_is_trimmed_to_the_table():
    layout = layout_table(rows([("title", None, "1000")], ["a", "b", "c"], ["d", "e", "f"]))
    assert layout.grid == [["title", "title", "title"], ["a", "b", "c"], ["d", "e", "f"]]
    assert layout.cells[0].colspan == 3


def test_huge_and_zero_rowspan_stop_at_the_row_group():
    layout = layout_table(rows([("a", "1000", None), "b"], ["c"], ["d"]))
    assert layout.grid == [["a", "b"], ["a", "c"], ["a", "d"]]
    assert layout.cells[0].rowspan == 3
    zero = layout_table(rows([("a", "0", None), "b"], ["c"], group=0) + rows(["x", "y"], group=1))
    assert zero.grid == [["a", "b"], ["a", "c"], ["x", "y"]]


def test_invalid_spans_read_as_one():
    layout = layout_table(rows([("a", "-1", "abc"), "b"], ["c", "d"]))
    assert layout.grid == [["a", "b"], ["c", "d"]]
    assert len(layout.notes) == 2


def test_empty_rows_and_columns_are_dropped():
    layout = layout_table(rows(["a", "", "b"], ["", "", ""], ["c", "", "d"]))
    assert layout.grid == [["a", "b"], ["c", "d"]]
    filled = [(c.row, c.col, c.text) for c in layout.cells if c.text]
    assert filled == [(0, 0, "a"), (0, 1, "b"), (1, 0, "c"), (1, 1, "d")]


def test_column_no_cell_starts_in_is_dropped():
    layout = layout_table(rows([("head", None, "2")], [("a", None, "2")], [("b", None, "2")]))
    assert layout.grid == [["head"], ["a"], ["b"]]


def test_header_rows_from_thead_and_th():
    head = [SourceRow(cells=[SourceCell("Model", header=True), SourceCell("Score", header=True)])]
    body = rows(["m", "1"])
    assert layout_table(head + body).header_rows == 1
    thead = rows(["Model", "Score"], thead=True, group=0) + rows(["m", "1"], group=1)
    assert layout_table(thead).header_rows == 1
    assert layout_table(rows(["Model", "Score"], ["m", "1"])).header_rows == 0


def test_empty_corner_cell_still_a_header_row():
    corner = [SourceRow(cells=[SourceCell(""), SourceCell("A", header=True), SourceCell("B", header=True)])]
    assert layout_table(corner + rows(["x", "1", "2"])).header_rows == 1


def test_row_header_spanning_down_is_not_a_column_header():
    header = [SourceRow(cells=[SourceCell("Year", header=True), SourceCell("Month", header=True)])]
    label = [SourceRow(cells=[SourceCell("2020", header=True, rowspan="3")])]
    layout = layout_table(header + label + rows(["Jan"], ["Feb"]))
    assert layout.grid == [["Year", "Month"], ["2020", ""], ["2020", "Jan"], ["2020", "Feb"]]
    assert layout.header_rows == 1


def test_two_row_header_with_rowspan_th():
    top = SourceRow(
        cells=[
            SourceCell("Model", header=True, rowspan="2"),
            SourceCell("Reasoning", header=True, colspan="2"),
        ]
    )
    second = SourceRow(cells=[SourceCell("A", header=True), SourceCell("B", header=True)])
    layout = layout_table([top, second] + rows(["m", "1", "2"]))
    assert layout.grid == [["Model", "Reasoning", "Reasoning"], ["Model", "A", "B"], ["m", "1", "2"]]
    assert layout.header_rows == 2


def test_spans_through_markup():
    doc = load_string(
        page(
            "<table>"
            "<tr><td rowspan='2' colspan='2'>A</td><td>b</td></tr>"
            "<tr><td>c</td></tr>"
            "<tr><td colspan='0'>d</td><td rowspan='-1'>e</td><td colspan='x'>f</td><td>g</td></tr>"
            "</table>"
        )
    )
    assert doc.tables[0].grid == [["A", "A", "b", ""], ["A", "A", "c", ""], ["d", "e", "f", "g"]]
    assert "table-markup" in [w.code for w in doc.warnings]


def test_tbody_rows_after_thead_and_tfoot_last():
    doc = load_string(
        page(
            "<table><tfoot><tr><td>foot</td><td>9</td></tr></tfoot>"
            "<tbody><tr><td>body</td><td>1</td></tr></tbody>"
            "<thead><tr><th>Name</th><th>N</th></tr></thead></table>"
        )
    )
    assert doc.tables[0].grid == [["Name", "N"], ["body", "1"], ["foot", "9"]]
    assert doc.tables[0].header_rows == 1


def test_rowspan_does_not_cross_from_thead_into_tbody():
    doc = load_string(
        page(
            "<table><thead><tr><th rowspan='3'>H</th><th>x</th></tr></thead>"
            "<tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></tbody></table>"
        )
    )
    assert doc.tables[0].grid == [["H", "x"], ["a", "b"], ["c", "d"]]
