"""Tables drawn without rules: columns aligned by whitespace only.

Running text is removed first (prose lines, headings, captions, page furniture); what is left is
cut into rows of cells. A run of neighbouring rows with two or more cells, holding numbers in
aligned columns, is a table. On a two-column page, cells in the column that holds running text
beside the run are that column's text, not part of the table.
"""

from __future__ import annotations

from collections.abc import Sequence

from extractor.model.document import TableEngine
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.folds import text_grid_candidate
from extractor.readers.pdf.grid import Box, Candidate, Row, cluster_rows, first_value_row, split_chunks
from extractor.readers.pdf.words import Line, Word

ENGINE = TableEngine.PDF_TEXT_COLUMNS
WORD_GRID = "no numbers: a grid of short labels aligned in columns"


def _text_beside(row: Row, prose: Sequence[Line], gutter: float) -> tuple[bool, bool]:
    """Whether running text sits left / right of the gutter at the height of `row`."""
    size = max(c.size for c in row)
    top, bottom = min(c.top for c in row) - size, max(c.bottom for c in row) + size
    near = [ln for ln in prose if ln.bottom > top and ln.top < bottom]
    return any(ln.x1 <= gutter for ln in near), any(ln.x0 >= gutter for ln in near)


def drop_column_text(row: Row, prose: Sequence[Line], gutter: float | None) -> Row:
    """Leave out the cells that lie in the text column beside a table that fills one column."""
    if gutter is None or not row:
        return row
    left, right = _text_beside(row, prose, gutter)
    if right and not left:
        return [c for c in row if c.x0 < gutter]
    if left and not right:
        return [c for c in row if c.x1 > gutter]
    return row


def _barrier_between(a: Row, b: Row, barriers: Sequence[Line]) -> bool:
    """Running text, a heading or a caption between two rows, under or over the rows' cells."""
    top, bottom = max(c.bottom for c in a), min(c.top for c in b)
    x0, x1 = min(c.x0 for c in a + b), max(c.x1 for c in a + b)
    return any(
        top - 1 < (ln.top + ln.bottom) / 2 < bottom + 1 and ln.x0 < x1 and ln.x1 > x0 for ln in barriers
    )


def find_runs(
    rows: Sequence[Row], barriers: Sequence[Line], settings: TableFinderSettings
) -> list[list[Row]]:
    """Consecutive rows, close together with nothing between them, starting at a row of 2+ cells."""
    runs: list[list[Row]] = []
    current: list[Row] = []
    for row in rows:
        if not row:
            continue
        joined = (
            bool(current)
            and _close(current[-1], row, settings)
            and not _barrier_between(current[-1], row, barriers)
        )
        if joined:
            current.append(row)
            continue
        _close_run(current, runs, settings.max_head_lines)
        current = [row]
    _close_run(current, runs, settings.max_head_lines)
    return runs


def _close(a: Row, b: Row, settings: TableFinderSettings) -> bool:
    size = max(c.size for c in a + b)
    return min(c.top for c in b) - max(c.bottom for c in a) <= settings.run_gap_em * size


def _close_run(run: list[Row], runs: list[list[Row]], head_lines: int) -> None:
    while run and len(run[-1]) < 2 and not _lower_label_line(run):
        run.pop()
    while run and len(run[0]) < 2 and sum(1 for r in run[: head_lines + 1] if len(r) < 2) > head_lines:
        run.pop(0)  # keep a few single-cell rows on top: a head over the columns
    if len(run) >= 2:
        runs.append(list(run))


def _lower_label_line(run: list[Row]) -> bool:
    """The last row is the second line of a label set around the scores of the row above ('MT Bench'
    / scores / '(for Instruct Models)'): part of the table, not text after it."""
    if len(run) < 3 or len(run[-2]) < 2 or len(run[-3]) != 1:
        return False
    return run[-2][0].x0 > max(run[-1][0].x1, run[-3][0].x1)


def run_candidate(run: list[Row], page: int, settings: TableFinderSettings) -> Candidate | None:
    """A run of rows -> a table, when it holds numbers in aligned columns."""
    first = first_value_row(run)
    if first is None:
        return word_grid_candidate(run, page, settings)
    start = max(0, first - settings.max_header_rows)
    rows = run[start:]
    header = first - start
    if not _looks_tabular(rows[header:], settings) or any(
        len(c.text) > settings.max_cell_chars for r in rows for c in r
    ):
        return None
    cand = text_grid_candidate(rows, page, ENGINE, 0.5, header, settings)  # confidence set below
    if cand is None or cand.n_cols < settings.min_cols or cand.n_rows < settings.min_rows:
        return None
    cand.confidence = _confidence(rows[header:], cand.n_cols, settings)
    return cand


def word_grid_candidate(run: list[Row], page: int, settings: TableFinderSettings) -> Candidate | None:
    """A table of short labels without numbers (codes, names): several rows and columns of a few
    short words, every column's cells aligned on an edge, the grid mostly filled. Author lists and
    running text do not look like this."""
    s = settings
    if len(run) < s.word_grid_min or any(
        len(c.words) > s.word_grid_max_words or len(c.text) > s.word_grid_max_chars for r in run for c in r
    ):
        return None
    cand = text_grid_candidate(run, page, ENGINE, s.word_grid_conf, 1, settings)
    if (
        cand is None
        or cand.n_cols < s.word_grid_min
        or cand.n_rows < s.word_grid_min
        or any(c.colspan > 1 for c in cand.cells[len(run[0]) :])
    ):
        return None
    aligned = all(_aligned(cand, col, s.word_grid_align) for col in range(cand.n_cols))
    if len(cand.cells) < s.word_grid_fill * cand.n_rows * cand.n_cols or not aligned:
        return None
    cand.header_rows = 1  # the first row names the columns
    cand.notes.append(WORD_GRID)
    return cand


def _aligned(cand: Candidate, col: int, tolerance: float) -> bool:
    """The column's cells share a left edge, a right edge or a centre (within `tolerance`)."""
    boxes = [c.bbox for c in cand.cells if c.col == col and c.colspan == 1]
    if len(boxes) < 2:
        return False
    for edge in (lambda b: b[0], lambda b: b[2], lambda b: (b[0] + b[2]) / 2):
        values = [edge(b) for b in boxes]
        if max(values) - min(values) <= tolerance:
            return True
    return False


def _looks_tabular(body: Sequence[Row], settings: TableFinderSettings) -> bool:
    multi = [r for r in body if len(r) >= 2]
    valued = [r for r in multi if any(c.numeric for c in r[1:])]
    cells = [c for r in multi for c in r[1:]]
    numeric = sum(c.numeric for c in cells)
    s = settings
    wide = sum(len(r) >= s.wide_cols for r in multi) >= s.wide_share * len(multi)
    share = s.wide_numeric_share if wide else s.numeric_share
    rows = len(body) - _wrapped_label_rows(body)
    return (
        len(valued) >= s.min_numeric_rows
        and len(multi) >= s.multi_row_share * rows
        and numeric >= share * len(cells)
    )


def _wrapped_label_rows(body: Sequence[Row]) -> int:
    """Single-cell rows that are the lines of a label set around its scores ('MMLU' over the scores
    over '(5-shot)'): the row next to them lies wholly to their right. The grid folds them later."""

    def beside(cell, row: Row) -> bool:
        return len(row) >= 2 and row[0].x0 > cell.x1

    return sum(
        1
        for k, r in enumerate(body)
        if len(r) == 1 and any(beside(r[0], body[m]) for m in (k - 1, k + 1) if 0 <= m < len(body))
    )


def _confidence(body: Sequence[Row], n_cols: int, settings: TableFinderSettings) -> float:
    filled = sum(len(r) for r in body) / max(1, len(body) * n_cols)
    cells = [c for r in body for c in r[1:]]
    numeric = sum(c.numeric for c in cells) / max(1, len(cells))
    s = settings
    return round(
        min(s.text_conf_max, s.text_conf_base + s.text_conf_fill * filled + s.text_conf_numeric * numeric), 2
    )


def find_text_tables(
    words: Sequence[Word],
    prose: Sequence[Line],
    barriers: Sequence[Line],
    page: int,
    gutter: float | None,
    settings: TableFinderSettings,
) -> list[Candidate]:
    """Whitespace tables among `words` (the page's words minus running text and ruled tables);
    `gutter`: the x between the page's text columns, if it has two."""
    rows = [
        split_chunks(r, settings.cell_gap_em, settings.number_gap_em)
        for r in cluster_rows(words, settings.row_tolerance_em)
    ]
    rows = [drop_column_text(r, prose, gutter) for r in rows]
    found = [run_candidate(run, page, settings) for run in find_runs(rows, barriers, settings)]
    return [c for c in found if c is not None]


def inside(word: Word, boxes: Sequence[Box], pad: float = 1.0) -> bool:
    cx, cy = word.cx, (word.top + word.bottom) / 2
    return any(b[0] - pad <= cx <= b[2] + pad and b[1] - pad <= cy <= b[3] + pad for b in boxes)
