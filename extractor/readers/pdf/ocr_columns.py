"""A page without text, cut into the areas OCR reads one by one: the parts set in two columns, each
column apart, and the rest across the page. Tesseract reads one area as one block of text (psm 6):
given a two-column page whole, it runs a table's rows in one column into the lines of the other
(a model name and its citation read as another word), while the table alone it reads right.

The page's picture is looked at in strips STRIP_PT tall and cells CELL_PT wide, each inked or blank.
A gutter is a band of blank cells at least GUTTER_MIN_PT wide in the middle of the page
(GUTTER_ZONE), blank in GUTTER_SHARE of the strips holding ink. A strip is split by the gutter when
it is blank there and inked either side. MIN_RUN such strips in a row (blank strips between them
do not count) make a two-column part when PROSE_RUN_SHARE of them hold a line of running text
beside the gutter: reaching it, across most of its column, with few gaps (_prose; a table's rows
leave gaps and its label column ends short of the gap beside it, so a page that is one table with
a blank band down its middle is read whole, and two tables side by side above two columns of text
are read apart). Every other strip is read across the page. Each cut
between two parts is moved to the lightest pixel row near it, so that no line is cut."""

from __future__ import annotations

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in page points

# Pillow's box resampling (Image.Resampling.BOX), named without importing Pillow when this loads
_BOX = 4
INK = 160  # a pixel darker than this (0-255) is ink
STRIP_PT = 12.0  # about a line of body text
CELL_PT = 2.0  # narrower than a word space
GUTTER_MIN_PT = 6.0
GUTTER_ZONE = (0.3, 0.7)  # where across the page a gutter's middle may stand (shares of its width)
GUTTER_SHARE = 0.5
PROSE_SHARE = 0.75
PROSE_SPAN = 0.6
GUTTER_NEAR = 2
MIN_RUN = 4
PROSE_RUN_SHARE = 0.3


def page_areas(picture, scale: float) -> list[Box]:
    """The areas of a page's picture (grayscale, `scale` pixels a point) that OCR should read one by
    one, top to bottom and left to right: the whole page when it is not set in columns."""
    width, height = picture.width / scale, picture.height / scale
    whole = [(0.0, 0.0, width, height)]
    strip, cell = max(1, round(STRIP_PT * scale)), max(1, round(CELL_PT * scale))
    n_cols, n_strips = picture.width // cell, picture.height // strip
    if n_cols < 8 or n_strips < MIN_RUN:
        return whole
    ink = picture.point(lambda v: 0 if v < INK else 255).resize((n_cols, n_strips), _BOX).tobytes()
    grid = [[ink[s * n_cols + c] != 255 for c in range(n_cols)] for s in range(n_strips)]
    inked = [s for s in range(n_strips) if any(grid[s])]
    gutter = _gutter(grid, inked, n_cols, cell / scale)
    if gutter is None:
        return whole
    margins = (min(row.index(True) for row in grid if any(row)), max(_last(row) for row in grid if any(row)))
    two = [_split(grid[s], gutter) for s in range(n_strips)]
    prose = [two[s] and _prose_beside(grid[s], gutter, margins) for s in range(n_strips)]
    parts = _parts(two, prose, [any(row) for row in grid])
    if not any(in_columns for in_columns, _, _ in parts):
        return whole
    rows = picture.resize((1, picture.height), _BOX).tobytes()  # each pixel row's mean lightness
    middle = (gutter[0] + gutter[1]) / 2 * cell / scale
    areas: list[Box] = []
    cuts = [0.0] + [_lightest(rows, b * strip, strip) / scale for _, _, b in parts[:-1]] + [height]
    for (in_columns, _, _), top, bottom in zip(parts, cuts[:-1], cuts[1:], strict=True):
        if in_columns:
            areas += [(0.0, top, middle, bottom), (middle, top, width, bottom)]
        else:
            areas.append((0.0, top, width, bottom))
    return areas


def _gutter(grid: list[list[bool]], inked: list[int], n_cols: int, cell_pt: float) -> tuple[int, int] | None:
    """The columns (first, end) of the widest band of cells blank in GUTTER_SHARE of the inked
    strips, within GUTTER_ZONE, or None."""
    if not inked:
        return None
    blank = [sum(not grid[s][c] for s in inked) >= GUTTER_SHARE * len(inked) for c in range(n_cols)]
    lo, hi = (round(z * n_cols) for z in GUTTER_ZONE)
    best: tuple[int, int] | None = None
    c = 0
    while c < n_cols:
        if not blank[c]:
            c += 1
            continue
        end = c
        while end < n_cols and blank[end]:
            end += 1
        if lo <= (c + end) / 2 <= hi and (end - c) * cell_pt >= GUTTER_MIN_PT:
            if best is None or end - c > best[1] - best[0]:
                best = (c, end)
        c = end
    return best


def _split(row: list[bool], gutter: tuple[int, int]) -> bool:
    """Whether a strip is blank in the gutter and inked either side of it."""
    first, end = gutter
    return not any(row[first:end]) and any(row[:first]) and any(row[end:])


def _prose_beside(row: list[bool], gutter: tuple[int, int], margins: tuple[int, int]) -> bool:
    """Whether either side of the gutter holds a line of running text."""
    first, end = gutter
    left = [k for k in range(margins[0], first) if row[k]]
    right = [k for k in range(end, margins[1] + 1) if row[k]]
    return (
        bool(left)
        and _prose(left, first - margins[0], first - 1 - left[-1])
        or bool(right)
        and _prose(right, margins[1] + 1 - end, right[0] - end)
    )


def _last(row: list[bool]) -> int:
    return len(row) - 1 - row[::-1].index(True)


def _prose(marks: list[int], width: int, from_gutter: int) -> bool:
    """Whether a column's inked cells in one strip are a line of running text: they reach the
    gutter (within GUTTER_NEAR cells), span PROSE_SPAN of the column's width and fill PROSE_SHARE
    of their span (a table's label column ends short of the gap beside it, and leaves gaps)."""
    span = marks[-1] - marks[0] + 1
    return from_gutter <= GUTTER_NEAR and span >= PROSE_SPAN * width and len(marks) >= PROSE_SHARE * span


def _parts(two: list[bool], prose: list[bool], inked: list[bool]) -> list[tuple[bool, int, int]]:
    """Strips -> parts (in two columns?, first strip, end strip): runs of strips split by the gutter,
    blank strips between them included, at least MIN_RUN long and PROSE_RUN_SHARE of them beside a
    line of running text; the rest across the page."""
    runs: list[list[int]] = []
    for k in (k for k, v in enumerate(two) if v):
        if runs and all(not inked[j] for j in range(runs[-1][-1] + 1, k)):
            runs[-1].append(k)
        else:
            runs.append([k])
    columns = [
        (r[0], r[-1] + 1)
        for r in runs
        if len(r) >= MIN_RUN and sum(prose[k] for k in r) >= PROSE_RUN_SHARE * len(r)
    ]
    parts: list[tuple[bool, int, int]] = []
    at = 0
    for first, end in columns:
        if first > at:
            parts.append((False, at, first))
        parts.append((True, first, end))
        at = end
    if at < len(two):
        parts.append((False, at, len(two)))
    return parts


def _lightest(rows: bytes, around: int, reach: int) -> int:
    """The lightest pixel row within `reach` of `around` (the nearest on a tie)."""
    lo, hi = max(0, around - reach), min(len(rows), around + reach)
    return max(range(lo, hi), key=lambda y: (rows[y], -abs(y - around)), default=around)
