"""Rows of a text table: a cell set over two rows folded into one, a label wrapped around its scores
joined, the header rows counted, and the candidate made from placed rows."""

from __future__ import annotations

from collections.abc import Sequence

from extractor.model.document import TableEngine
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.grid import Candidate, Chunk, GridCell, Row, bbox_of, body_bands, is_numeric
from extractor.readers.pdf.placement import centred_row, grid_cells
from extractor.vocab.scores import is_value, parse_value


def cut_under_header_gaps(rows: Sequence[Row], header_rows: int) -> list[Row]:
    """Columns set so close that each row's scores read as one cell ('59.6 74.5 66.6 79.3') under
    header cells that stand apart ('Nimbus 3' and 'Orca-X' over them): every row is cut where the
    header leaves its gap, when each body cell there holds only scores and has a word gap under it.
    Without the cut the two families' columns become one and each name collects the other's."""
    body = [r for r in rows[header_rows:] if len(r) >= 2]
    if not header_rows or not body:
        return list(rows)
    cuts: list[float] = []
    spans = [(c, c.x0, c.x1) for r in body for c in r]  # each body cell's extent, taken once
    for head in rows[:header_rows]:
        for a, b in zip(head, head[1:]):
            cut = (a.x1 + b.x0) / 2
            under = [c for c, x0, x1 in spans if x0 < cut < x1]
            if under and all(
                len(c.words) >= 2 and all(is_value(w.text) for w in c.words) and _gap_at(c, cut)
                for c in under
            ):
                cuts.append(cut)
    # header rows stay as drawn: a family name centred over its columns ('Nimbus 3' over
    # '4B | 12B | 27B') spans them
    return [*rows[:header_rows], *(_cut_row(r, cuts) for r in rows[header_rows:])] if cuts else list(rows)


def _gap_at(chunk: Chunk, x: float) -> bool:
    """A gap between two of the chunk's words lies at x: the cut there falls between words."""
    return any(w.x1 <= x <= v.x0 for w, v in zip(chunk.words, chunk.words[1:]))


def _cut_row(row: Row, cuts: Sequence[float]) -> Row:
    out: Row = []
    for chunk in row:
        run: list = []
        for w in chunk.words:
            if run and any(run[-1].x1 <= x <= w.x0 for x in cuts):
                out.append(Chunk(tuple(run)))
                run = []
            run.append(w)
        out.append(Chunk(tuple(run)))
    return out


def fold_centred_rows(
    cells: list[GridCell], rows: Sequence[Row], settings: TableFinderSettings
) -> tuple[list[GridCell], int]:
    """A row whose cells sit half-way between the rows above and below, in columns both leave
    empty, is one cell spanning those two rows (LaTeX's multirow): fold it into the row above."""
    n = len(rows)
    r = 1
    while r < n - 1:
        if centred_row(rows, r, settings) and _wrapped_label(cells, r):
            cells = _join_wrapped(cells, r)
            rows = list(rows[:r]) + list(rows[r + 2 :])
            n -= 2
        elif (
            centred_row(rows, r, settings)
            and not _shares_columns(cells, r)
            and not _stacked(cells, rows, r, settings.stacked_line_em)
        ):
            for c in cells:
                if c.row == r:
                    c.row, c.rowspan = r - 1, 2
                elif c.row > r:
                    c.row -= 1
            rows = list(rows[:r]) + list(rows[r + 1 :])
            n -= 1
        r += 1
    return cells, n


def _columns(cells: Sequence[GridCell], r: int) -> set[int]:
    return {k for c in cells if c.row == r for k in range(c.col, c.col + c.colspan)}


def _wrapped_label(cells: Sequence[GridCell], r: int) -> bool:
    """Scores set half-way between two lines of one label ('LiveBench' over '(2024-11)'): the
    lines above and below fill the same columns, all left of the scores, and hold no number."""
    mine, above, below = _columns(cells, r), _columns(cells, r - 1), _columns(cells, r + 1)
    texts = [c.text for c in cells if c.row in (r - 1, r + 1)]
    return (
        bool(mine and above)
        and above == below
        and max(above) < min(mine)
        and all(parse_value(t) is None for t in texts)
        and any(is_numeric(c.text) for c in cells if c.row == r)
    )


def _join_wrapped(cells: list[GridCell], r: int) -> list[GridCell]:
    """The label's two lines become one cell of the scores' row; rows below move up two."""
    upper = {c.col: c for c in cells if c.row == r - 1}
    out = []
    for c in cells:
        if c.row == r + 1 and c.col in upper:
            top = upper[c.col]
            top.text = f"{top.text} {c.text}"
            top.bbox = (min(top.bbox[0], c.bbox[0]), top.bbox[1], max(top.bbox[2], c.bbox[2]), c.bbox[3])
            continue
        if c.row == r:
            c.row = r - 1
        elif c.row > r + 1:
            c.row -= 2
        out.append(c)
    return out


def _stacked(cells: Sequence[GridCell], rows: Sequence[Row], r: int, line_em: float) -> bool:
    """The row is a line of a cell set on several lines: a line of the same columns lies one
    line-height above or below it (lines of other cells interleave with them)."""
    mine = {k for c in cells if c.row == r for k in range(c.col, c.col + c.colspan)}
    size = max(c.size for c in rows[r])
    for k in (r - 2, r + 2):
        if 0 <= k < len(rows) and abs(rows[k][0].baseline - rows[r][0].baseline) <= line_em * size:
            if mine & {j for c in cells if c.row == k for j in range(c.col, c.col + c.colspan)}:
                return True
    return False


def _shares_columns(cells: Sequence[GridCell], r: int) -> bool:
    mine = {k for c in cells if c.row == r for k in range(c.col, c.col + c.colspan)}
    around = {k for c in cells if c.row in (r - 1, r + 1) for k in range(c.col, c.col + c.colspan)}
    return bool(mine & around) or not mine


def header_from_cells(cells: Sequence[GridCell], max_rows: int) -> int | None:
    """Rows above the first row with a number outside its first column, when there are 1 to `max_rows`,
    but for a category row just above it."""
    rows = sorted({c.row for c in cells if c.col > 0 and is_numeric(c.text)})
    if not rows or not 0 < rows[0] <= max_rows:
        return None
    first = rows[0]
    above = [c for c in cells if c.row == first - 1]
    if first >= 2 and len(above) == 1 and above[0].col == 0 and sum(c.row == first - 2 for c in cells) >= 2:
        return first - 1  # a category row ("Math") opens the body: it is not a header
    return first


def text_grid_candidate(
    rows: Sequence[Row],
    page: int,
    engine: TableEngine,
    confidence: float,
    header_rows: int | None,
    settings: TableFinderSettings,
) -> Candidate | None:
    """Rows of chunks -> a candidate; the columns come from the rows below the header."""
    rows = cut_under_header_gaps(rows, header_rows or 0)
    body = [r for r in rows[header_rows or 0 :] if len(r) >= 2] or [r for r in rows if len(r) >= 2]
    if not body:
        return None
    bands = body_bands(body, settings, [r for r in rows[header_rows or 0 :] if len(r) == 1])
    cells, n_rows = fold_centred_rows(grid_cells(rows, bands, settings, header_rows or 0), rows, settings)
    header = header_from_cells(cells, settings.max_header_rows) if header_rows else header_rows
    box = bbox_of(c.bbox for c in cells)
    return Candidate(page, box, cells, n_rows, len(bands), engine, confidence, header_rows=header)
