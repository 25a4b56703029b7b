"""Lay HTML table cells out on a grid, following the HTML table model for rowspan/colspan.

Input is plain data (rows of SourceCell), so the span rules can be tested without markup.
Rules, in the order they apply:
- span values are parsed like browsers do ("2px" is 2; junk, negatives are 1; colspan 0 is 1;
  rowspan 0 runs to the end of its row group); colspan is capped at 1000 as in the HTML spec;
- a rowspan never reaches past the end of its row group (thead/tbody/tfoot);
- a cell takes the first free slot of its row; if its colspan runs into a slot already held
  by a rowspan from above (overlapping spans), it is cut short there: first come keeps the slot;
- rows and columns in which no cell starts are dropped: they only repeat a span that
  overshoots the table (colspan=1000) or are empty <tr>s;
- rows and columns in which every slot is empty are dropped as spacers;
- short rows are padded with "" so the grid is rectangular.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractor.model.document import Cell

MAX_COLSPAN = 1000  # HTML spec limit
MAX_ROWSPAN = 65534  # HTML spec limit; in practice bounded by the row group
_LEADING_INT = re.compile(r"\s*([+-]?)(\d+)")


@dataclass
class SourceCell:
    text: str
    header: bool = False  # a <th>
    bold: bool = False
    rowspan: str | None = None  # the raw attribute values
    colspan: str | None = None


@dataclass
class SourceRow:
    cells: list[SourceCell]
    group: int = 0  # rows of one <thead>/<tbody>/<tfoot> share a group number
    in_thead: bool = False


@dataclass
class Layout:
    grid: list[list[str]]
    cells: list[Cell]
    header_rows: int
    notes: list[str] = field(default_factory=list)


@dataclass
class _Placed:
    source: SourceCell
    row: int
    col: int
    rowspan: int
    colspan: int


def parse_span(raw: str | None, *, rowspan: bool) -> tuple[int, bool]:
    """(value, was_valid). rowspan 0 is returned as 0 (to the end of the group)."""
    if raw is None:
        return 1, True
    match = _LEADING_INT.match(raw)
    if not match or match.group(1) == "-":
        return 1, False
    value = int(match.group(2))
    if value == 0:
        return (0, True) if rowspan else (1, False)
    limit = MAX_ROWSPAN if rowspan else MAX_COLSPAN
    return min(value, limit), value <= limit


def layout_table(rows: list[SourceRow]) -> Layout:
    notes: list[str] = []
    placed, occupied = _place(rows, notes)
    keep_rows, keep_cols = _useful_lines(placed, occupied, len(rows))
    cells = _remap(placed, keep_rows, keep_cols)
    grid = [[""] * len(keep_cols) for _ in keep_rows]
    for cell in cells:
        for r in range(cell.row, cell.row + cell.rowspan):
            for c in range(cell.col, cell.col + cell.colspan):
                grid[r][c] = cell.text
    header_rows = _count_header_rows(rows, placed, keep_rows)
    return Layout(grid=grid, cells=cells, header_rows=header_rows, notes=notes)


def _place(rows: list[SourceRow], notes: list[str]) -> tuple[list[_Placed], dict[tuple[int, int], _Placed]]:
    """Give every cell its slots; returns the cells and a slot -> cell map."""
    group_end = _group_ends(rows)
    occupied: dict[tuple[int, int], _Placed] = {}
    placed: list[_Placed] = []
    for r, row in enumerate(rows):
        col = 0
        for source in row.cells:
            while (r, col) in occupied:
                col += 1
            rowspan, colspan = _spans(source, r, group_end[r], notes)
            colspan = _fit_colspan(occupied, r, col, colspan, notes)
            cell = _Placed(source, r, col, rowspan, colspan)
            placed.append(cell)
            for rr in range(r, r + rowspan):
                for cc in range(col, col + colspan):
                    occupied.setdefault((rr, cc), cell)
            col += colspan
    return placed, occupied


def _spans(source: SourceCell, r: int, end: int, notes: list[str]) -> tuple[int, int]:
    rowspan, row_ok = parse_span(source.rowspan, rowspan=True)
    colspan, col_ok = parse_span(source.colspan, rowspan=False)
    if not row_ok:
        notes.append(f"invalid rowspan {source.rowspan!r} read as {rowspan}")
    if not col_ok:
        notes.append(f"invalid colspan {source.colspan!r} read as {colspan}")
    if rowspan == 0 or r + rowspan > end:
        if rowspan > 0 and row_ok:
            notes.append(f"rowspan {rowspan} cut at the end of its row group")
        rowspan = end - r
    return rowspan, colspan


def _fit_colspan(occupied: dict, r: int, col: int, colspan: int, notes: list[str]) -> int:
    """Shorten a colspan that runs into a slot a rowspan from above already holds."""
    for offset in range(1, colspan):
        if (r, col + offset) in occupied:
            notes.append(f"overlapping cells at row {r}: colspan {colspan} cut to {offset}")
            return offset
    return colspan


def _group_ends(rows: list[SourceRow]) -> list[int]:
    """For each row, the index one past the last row of its row group."""
    ends = [len(rows)] * len(rows)
    for r in range(len(rows) - 2, -1, -1):
        ends[r] = ends[r + 1] if rows[r + 1].group == rows[r].group else r + 1
    return ends


def _useful_lines(placed: list[_Placed], occupied: dict, n_rows: int) -> tuple[list[int], list[int]]:
    """Rows and columns worth keeping: some cell starts there and some slot has text."""
    starts_rows = {p.row for p in placed}
    starts_cols = {p.col for p in placed}
    text_rows = {r for (r, _), p in occupied.items() if p.source.text}
    text_cols = {c for (_, c), p in occupied.items() if p.source.text}
    width = max((c + 1 for _, c in occupied), default=0)
    rows = [r for r in range(n_rows) if r in starts_rows and r in text_rows]
    cols = [c for c in range(width) if c in starts_cols and c in text_cols]
    return rows, cols


def _remap(placed: list[_Placed], keep_rows: list[int], keep_cols: list[int]) -> list[Cell]:
    """Cells in the kept grid; a cell whose rows or columns were all dropped disappears."""
    row_at = {r: i for i, r in enumerate(keep_rows)}
    col_at = {c: i for i, c in enumerate(keep_cols)}
    cells = []
    for p in placed:
        rows = [row_at[r] for r in range(p.row, p.row + p.rowspan) if r in row_at]
        cols = [col_at[c] for c in range(p.col, p.col + p.colspan) if c in col_at]
        if rows and cols:
            cells.append(
                Cell(
                    row=rows[0],
                    col=cols[0],
                    text=p.source.text,
                    rowspan=len(rows),
                    colspan=len(cols),
                    bold=p.source.bold,
                )
            )
    return cells


def _count_header_rows(rows: list[SourceRow], placed: list[_Placed], keep_rows: list[int]) -> int:
    """Leading rows inside <thead>, or whose cells are all <th> (an empty corner <td> is allowed).

    A <th> that spans down into a data row labels rows, not columns (a pivot table's year),
    so the header stops above the row where it starts.
    """
    starting: dict[int, list[_Placed]] = {}
    for p in placed:
        starting.setdefault(p.row, []).append(p)
    count = 0
    while count < len(keep_rows) and _is_header_row(
        rows[keep_rows[count]], starting.get(keep_rows[count], [])
    ):
        count += 1
    while count:
        end = keep_rows[count] if count < len(keep_rows) else len(rows)
        spilling = [
            i for i in range(count) if any(p.row + p.rowspan > end for p in starting.get(keep_rows[i], []))
        ]
        if not spilling:
            break
        count = spilling[0]
    return count


def _is_header_row(row: SourceRow, starting: list[_Placed]) -> bool:
    if row.in_thead:
        return True
    labelled = any(p.source.header and p.source.text for p in starting)
    return labelled and all(p.source.header or not p.source.text for p in starting)
