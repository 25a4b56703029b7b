"""Chunks placed in the columns of a table's grid, as cells: a chunk's span of columns, header words
split over the columns under them, a short rule under a header cell giving its span, a group header
widened over the columns it is centred on."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.grid import Chunk, GridCell, Row


def place_span(
    x0: float,
    x1: float,
    bands: Sequence[tuple[float, float]],
    settings: TableFinderSettings,
    header: bool = False,
) -> tuple[int, int]:
    """First and last column a chunk covers. A header chunk in the gap between two columns is
    centred over both; any other chunk in a gap goes to the nearest column."""
    o = settings.band_overlap
    hits = [i for i, (a, b) in enumerate(bands) if x0 < b - o and x1 > a + o]
    if hits:
        return hits[0], hits[-1]
    centre = (x0 + x1) / 2
    after = next((i for i, (a, _) in enumerate(bands) if a > centre), None)
    if header and after is not None and after > 0:
        to_left, to_right = x0 - bands[after - 1][1], bands[after][0] - x1
        if abs(to_left - to_right) <= max(
            settings.centred_gap_min, settings.centred_gap_share * max(to_left, to_right)
        ):  # centred over both
            return after - 1, after
        return (after - 1, after - 1) if to_left < to_right else (after, after)
    nearest = min(range(len(bands)), key=lambda i: abs((bands[i][0] + bands[i][1]) / 2 - centre))
    return nearest, nearest


# --- cells ------------------------------------------------------------------------------------

Span = tuple[float, float, float]  # x0, x1, y of a short rule drawn under a header cell


def _span_hint(chunk: Chunk, spans: Sequence[Span], settings: TableFinderSettings) -> tuple[float, float]:
    """A short rule just under a header chunk (booktabs' cmidrule) gives the columns it spans."""
    centre = (chunk.x0 + chunk.x1) / 2
    for x0, x1, y in spans:
        if x0 <= centre <= x1 and 0 <= y - chunk.baseline <= settings.span_rule_reach_em * chunk.size:
            return x0 + 1, x1 - 1
    return chunk.x0, chunk.x1


def grid_cells(
    rows: Sequence[Row],
    bands: Sequence[tuple[float, float]],
    settings: TableFinderSettings,
    header_rows: int = 0,
    spans: Sequence[Span] = (),
) -> list[GridCell]:
    """Chunks placed in columns; chunks of one row that land in the same columns become one cell."""
    placed_rows = [
        _place_row(
            row,
            bands,
            True,
            spans,
            settings,
            rows[r + 1] if r + 1 < header_rows else (),
            [c for up in rows[:r] for c in up],
        )
        if r < header_rows
        else _place_row(row, bands, False, spans, settings)
        for r, row in enumerate(rows)
    ]
    cells: list[GridCell] = []
    for r, placed in enumerate(placed_rows):
        if r < header_rows - 1 and not (0 < r < len(rows) - 1 and centred_row(rows, r, settings)):
            placed = widen_groups(placed, bands, settings, placed_rows[r + 1 : header_rows], placed_rows[:r])
        cells.extend(_cell(r, first, last, chunks) for first, last, chunks in placed)
    return cells


Placed = list[tuple[int, int, list[Chunk]]]


def split_over_columns(
    chunk: Chunk,
    bands: Sequence[tuple[float, float]],
    settings: TableFinderSettings,
    below: Row = (),
    above: Sequence[Chunk] = (),
) -> list[Chunk]:
    """Header words set as tightly as one cell but lying over several columns ('Zeta 1.5 Lynx3' over
    two columns of values): split where every piece is centred inside a column of its own. A name
    centred over the gap between columns ('Base' over '7B | 13B') is a span and stays whole, and so
    does a title over a header row (`below`) with a cell of its own in each of those columns, when no
    header text stands above it (`above`: then it is a lower line of several cells)."""
    words = chunk.words
    o = settings.band_overlap
    hits = [i for i, (a, b) in enumerate(bands) if chunk.x0 < b - o and chunk.x1 > a + o]
    if (
        len(hits) < 2
        or len(words) < 2
        or len(words) > settings.split_max_words
        or any(w.text == "/" for w in words)
    ):
        return [chunk]  # '0-shot / 3-shot' over cells 'a | / | b' is one header (tables/ reads it)
    if (
        below
        and set(hits) <= {_home(c, bands) for c in below}
        and not any(c.x0 < chunk.x1 and c.x1 > chunk.x0 for c in above)
    ):
        return [chunk]
    best: tuple[float, list[Chunk]] | None = None
    # one piece for every column under the chunk: 'Sequence Length' centred over five is a span
    for cuts in itertools.combinations(range(1, len(words)), len(hits) - 1):
        pieces = [Chunk(words[i:j]) for i, j in zip((0, *cuts), (*cuts, len(words)))]
        homes = [_home(p, bands) for p in pieces]
        if homes != hits:
            continue
        cost = sum(abs(_centre(p.x0, p.x1) - _centre(*bands[h])) for p, h in zip(pieces, hits))
        if best is None or cost < best[0]:
            best = (cost, pieces)
    return best[1] if best else [chunk]


def _centre(x0: float, x1: float) -> float:
    return (x0 + x1) / 2


def _home(piece: Chunk, bands: Sequence[tuple[float, float]]) -> int | None:
    centre = _centre(piece.x0, piece.x1)
    return next((i for i, (a, b) in enumerate(bands) if a <= centre <= b), None)


def _place_row(
    row: Row,
    bands: Sequence[tuple[float, float]],
    header: bool,
    spans: Sequence[Span],
    settings: TableFinderSettings,
    below: Row = (),
    above: Sequence[Chunk] = (),
) -> Placed:
    placed: Placed = []
    if header:
        row = [piece for chunk in row for piece in split_over_columns(chunk, bands, settings, below, above)]
    hints = [_span_hint(chunk, spans, settings) if header else (chunk.x0, chunk.x1) for chunk in row]
    for chunk, (x0, x1) in zip(row, hints):
        if sum(1 for h in hints if h == (x0, x1)) > 1:
            x0, x1 = chunk.x0, chunk.x1  # one rule under several cells is a border, not a span
        first, last = place_span(x0, x1, bands, settings, header)
        if placed and first <= placed[-1][1]:
            prev = placed[-1]
            split = _split_shared(prev, (first, last), chunk, bands, settings)
            if split is None:
                placed[-1] = (prev[0], max(last, prev[1]), prev[2] + [chunk])
                continue
            placed[-1] = (prev[0], split[0], prev[2])
            first, last = split[1], max(last, split[1])
        placed.append((first, last, [chunk]))
    return placed


def _split_shared(
    prev: tuple[int, int, list[Chunk]],
    cur: tuple[int, int],
    chunk: Chunk,
    bands: Sequence[tuple[float, float]],
    settings: TableFinderSettings,
) -> tuple[int, int] | None:
    """Two chunks far apart that claim shared columns (wide header words over narrow columns)
    stay two cells: the shared columns go to the one covering more of them. Returns the left
    cell's new last column and the right cell's first; None: they are one cell."""
    a, b, chunks = prev
    c, d = cur
    left_x0, left_x1 = min(ch.x0 for ch in chunks), max(ch.x1 for ch in chunks)
    if chunk.x0 - left_x1 < settings.shared_gap_em * chunk.size:
        return None
    lo, hi = bands[c][0], bands[b][1]
    left = max(0.0, min(left_x1, hi) - max(left_x0, lo))
    right = max(0.0, min(chunk.x1, hi) - max(chunk.x0, lo))
    options = []
    if c - 1 >= a:
        options.append((right, (c - 1, c)))  # the right chunk keeps the shared columns
    if d >= b + 1:
        options.append((left, (b, b + 1)))  # the left one keeps them
    return max(options)[1] if options else None


def widen_groups(
    placed: Placed,
    bands: Sequence[tuple[float, float]],
    settings: TableFinderSettings,
    below: Sequence[Placed] | None = None,
    above: Sequence[Placed] = (),
) -> Placed:
    """In a header row over another header row, a cell centred over several columns ("French"
    over "Arc-c HellaS MMLU") spans them all: the widest run of free columns it is centred on,
    where a header row below (`below`, when given) has cells from its first column to its last.
    A cell whose nearest cell above (in the rows `above`) is a one-column cell in its column is
    that cell's next line ('Nimbus-' over 'v1.5'), not a group."""
    out: Placed = []
    for k, (first, last, chunks) in enumerate(placed):
        lo = out[-1][1] + 1 if out else min(1, first)  # the label column is never under a group
        hi = placed[k + 1][0] - 1 if k + 1 < len(placed) else len(bands) - 1
        x0, x1 = min(c.x0 for c in chunks), max(c.x1 for c in chunks)
        over = next(
            (
                cell
                for row in reversed(above)
                for cell in row
                if _overlap_x(cell[2], x0, x1) >= settings.above_overlap_share * (x1 - x0)
            ),
            None,
        )
        if over and over[0] == over[1] == first == last:
            out.append((first, last, chunks))
            continue
        centre = (x0 + x1) / 2
        best = (first, last)
        for i in range(lo, first + 1):
            for j in range(last, hi + 1):
                a, b = bands[i][0], bands[j][1]
                centred = abs((a + b) / 2 - centre) <= max(
                    settings.group_centre_min, settings.group_centre_share * (b - a)
                )
                if (
                    centred
                    and j - i > best[1] - best[0]
                    and (below is None or _divided(below, i, j, x0, x1, settings))
                ):
                    best = (i, j)
        out.append((best[0], best[1], chunks))
    return out


def _divided(
    below: Sequence[Placed], i: int, j: int, x0: float, x1: float, settings: TableFinderSettings
) -> bool:
    """Some lower header row has two or more cells within columns i..j, from column i to j; and
    no lower row that does not divide them so has a cell right under the group's text x0..x1
    (then the text is a line of that cell, set on several lines)."""
    divided = False
    for row in below:
        inner = [(a, b) for a, b, _ in row if i <= a and b <= j]
        divides = len(inner) >= 2 and inner[0][0] == i and inner[-1][1] == j
        under = any(_overlap_x(ch, x0, x1) >= settings.under_overlap_share * (x1 - x0) for _, _, ch in row)
        if under and not divides:
            return False
        divided |= divides
    return divided


def _overlap_x(chunks: Sequence[Chunk], x0: float, x1: float) -> float:
    return min(x1, max(c.x1 for c in chunks)) - max(x0, min(c.x0 for c in chunks))


def _cell(row: int, first: int, last: int, chunks: list[Chunk]) -> GridCell:
    box = (
        min(c.x0 for c in chunks),
        min(c.top for c in chunks),
        max(c.x1 for c in chunks),
        max(c.bottom for c in chunks),
    )
    text = " ".join(c.text for c in chunks)
    return GridCell(row, first, text, box, colspan=last - first + 1, bold=all(c.bold for c in chunks))


def centred_row(rows: Sequence[Row], r: int, settings: TableFinderSettings) -> bool:
    above, mid, below = rows[r - 1][0].baseline, rows[r][0].baseline, rows[r + 1][0].baseline
    size = max(c.size for c in rows[r])
    return (
        below - above <= settings.centred_row_span_em * size
        and abs(mid - (above + below) / 2) <= settings.centred_row_offset_em * size
    )
