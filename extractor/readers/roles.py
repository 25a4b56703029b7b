"""What each cell of a table is: a column header, a row's label (row header), the one cell of a section
row, or a body cell. Readers mark the cells once (docling-core's column_header / row_header /
row_section); the records stage reads the marks and does not work them out again from the text.

The marks follow the shape of the grid: header rows are the leading rows with no score and some text
past the first column (or the rows the source marks, HTML `<th>` or a text header line, unless they
hold scores); label columns are those left of the first column holding a score; a section row is a
body row whose only text is in its first cell ('Math', 'Open-source models').
"""

from __future__ import annotations

import re

from extractor.model.document import Table
from extractor.vocab.scores import is_missing, parse_parts, parse_value, parse_values

_RANK_HEADER = re.compile(r"^(global\s+)?rank$", re.I)


def holds_score(text: str) -> bool:
    """A score cell, or a cell of several ('1.28 | 2.42', '- | 2.1')."""
    return parse_value(text) is not None or parse_values(text) is not None or parse_parts(text) is not None


def _mostly_scores(table: Table, i: int) -> bool:
    """A row claimed as header that holds scores: the real header was lost, this is data. A cell spanning
    several columns counts once: a version '1.5' over 'Flash | Pro' is no row of scores."""
    spanned = {k for c in table.row_cells(i) for k in range(c.col + 1, c.col + c.colspan)}
    cells = [c for k, c in enumerate(table.grid[i][1:], start=1) if c.strip() and k not in spanned]
    return len(cells) >= 2 and sum(1 for c in cells if holds_score(c)) > len(cells) / 2


def count_header_rows(table: Table) -> int:
    """Leading rows with no score and some text past the first column; a row with text only in its
    first cell is a category row ('Math'), not a header."""
    if table.header_rows is not None and not any(
        _mostly_scores(table, i) for i in range(min(table.header_rows, table.n_rows))
    ):
        return table.header_rows
    for i, row in enumerate(table.grid):
        if any(holds_score(c) for c in row[1:]) or not any(c.strip() for c in row[1:]):
            # a corner spanning the header rows ('Model' over 'Model') marks numeric sub-headers
            # ('1024 | 2048')
            while (
                i
                and i < len(table.grid) - 1
                and row[0].strip()
                and row[0].strip() == table.grid[i - 1][0].strip()
            ):
                i += 1
                row = table.grid[i]
            return i
    return 0


def _rank_column(table: Table, header_rows: int) -> bool:
    """A leading 'Rank' column of integers is the printed rank, not the first score column."""
    head = " ".join(r[0] for r in table.grid[:header_rows] if r).strip()
    cells = [r[0].strip() for r in table.grid[header_rows:] if r and r[0].strip() not in ("", "...", "…")]
    return bool(_RANK_HEADER.match(head)) and bool(cells) and all(c.isdigit() for c in cells)


def count_label_cols(table: Table, header_rows: int) -> int:
    body = table.grid[header_rows:]
    for j in range(1 if _rank_column(table, header_rows) else 0, table.n_cols):
        if any(holds_score(r[j]) for r in body if j < len(r)):
            return j
    return table.n_cols


def _is_section(row: list[str], label_cols: int) -> bool:
    """Text in the first cell only; a dash under a value column is no text ('Math | - | -')."""
    return (
        bool(row and row[0].strip())
        and not any(c.strip() for c in row[1:label_cols])
        and not any(c.strip() and not is_missing(c) for c in row[label_cols:])
    )


def _alone(row: list[str], span: int) -> bool:
    return not any(t.strip() for t in row[span:])


def mark_cell_roles(table: Table) -> Table:
    """The table with each cell marked, cells in reading order (by row, then column)."""
    header = count_header_rows(table)
    label_cols = count_label_cols(table, header)
    cells = sorted(table.cells, key=lambda c: (c.row, c.col))
    sections = {i for i in range(header, table.n_rows) if _is_section(table.grid[i], label_cols)}
    # one cell drawn across the whole width ('Open-source models' over the model rows), or across the label
    # column and some value columns with nothing else on its row ('BOLD sentiment score' over 'gender | race')
    sections |= {
        c.row
        for c in cells
        if c.col == 0
        and c.row >= header
        and c.text.strip()
        and not holds_score(c.text)
        and (c.colspan >= table.n_cols > 1 or c.colspan > label_cols and _alone(table.grid[c.row], c.colspan))
    }
    marked = tuple(
        c.model_copy(
            update={
                "column_header": c.row < header,
                "row_section": c.row in sections and c.col == 0,
                "row_header": c.row >= header and c.row not in sections and c.col < label_cols,
            }
        )
        for c in cells
    )
    return table.model_copy(update={"cells": marked})


def is_marked(table: Table) -> bool:
    return any(c.column_header or c.row_header or c.row_section for c in table.cells)


def header_rows_of(table: Table) -> int:
    """The rows the readers marked as column headers."""
    return max((c.row + 1 for c in table.cells if c.column_header), default=0)


def section_rows_of(table: Table) -> set[int]:
    return {c.row for c in table.cells if c.row_section}
