"""Words -> rows -> cells -> columns: the grid shared by rule-bounded and whitespace tables.

A `Chunk` is the words of one cell in one row: words on a baseline with no wide gap between them.
Columns are the bands where chunks of the body rows overlap when projected on the x axis;
a header chunk over several bands spans them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from extractor.pdf.text import HYPHEN_MARK, Word

Box = tuple[float, float, float, float]  # x0, top, x1, bottom

_NUM = r"[~≈<>≤≥]?[-+−–]?\$?(\d{1,3}(,\d{3})+|\d+)?([.,·]\d+)?%?"
NUMERIC = re.compile(
    rf"^[(\[]?{_NUM}[)\]]?[*†‡§¶]*(\s*(±|\+/-|\+-)\s*{_NUM})?(\s*[(\[][^()\[\]]*[)\]])?[*†‡§¶]*$"
)
_DIGIT = re.compile(r"\d")
_EQUATION_LABEL = re.compile(r"^\(\d+[a-z]?\)$")
_MISSING = frozenset({"-", "–", "—", "n/a", "na", "×", "✗", "✓", "/"})


def is_numeric(text: str) -> bool:
    """A result value: "85.2%", "0.955", "1,024", "71.2 ± 0.3", "165 (~95th percentile)"; not "(3)"."""
    text = text.strip()
    return bool(_DIGIT.match(text.lstrip("([~≈<>≤≥-+−–$")) and NUMERIC.match(text)) and not _EQUATION_LABEL.match(text)


def is_value(text: str) -> bool:
    return is_numeric(text) or text.strip().lower() in _MISSING


@dataclass(frozen=True, slots=True)
class Chunk:
    words: tuple[Word, ...]

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def baseline(self) -> float:
        return self.words[0].baseline

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words).replace(HYPHEN_MARK, "-")

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words if any(c.isalnum() for c in w.text))

    @property
    def numeric(self) -> bool:
        return is_numeric(self.text)


Row = list[Chunk]


@dataclass
class GridCell:
    row: int
    col: int
    text: str
    bbox: Box
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False


@dataclass
class Candidate:
    """A table found on a page, before captions are attached and it becomes a `Table`."""

    page: int
    bbox: Box
    cells: list[GridCell]
    n_rows: int
    n_cols: int
    engine: str
    confidence: float
    header_rows: int | None = None
    caption: str | None = None
    caption_box: Box | None = None
    notes: list[str] = field(default_factory=list)


# --- rows and chunks ------------------------------------------------------------------------


def cluster_rows(words: Iterable[Word], tolerance_em: float) -> list[list[Word]]:
    """Words -> rows of words sharing a baseline, top to bottom, each row left to right."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.baseline):
        if rows and w.baseline - rows[-1][-1].baseline <= tolerance_em * w.size:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w.x0) for r in rows]


def split_chunks(row: Sequence[Word], gap_em: float, number_gap_em: float, cuts: Sequence[float] = ()) -> Row:
    """A row of words -> cells: a wide gap, a gap between two numbers, or a vertical rule splits."""
    chunks: Row = []
    run: list[Word] = []
    for w in row:
        if run and _splits(run[-1], w, gap_em, number_gap_em, cuts):
            chunks.append(Chunk(tuple(run)))
            run = []
        run.append(w)
    if run:
        chunks.append(Chunk(tuple(run)))
    return chunks


def _splits(a: Word, b: Word, gap_em: float, number_gap_em: float, cuts: Sequence[float]) -> bool:
    gap = b.x0 - a.x1
    size = max(a.size, b.size)
    if gap > gap_em * size or any(a.x1 - 1 <= x <= b.x0 + 1 for x in cuts):
        return True
    return gap > number_gap_em * size and is_numeric(a.text) and is_numeric(b.text)


# --- columns ---------------------------------------------------------------------------------


def column_bands(rows: Iterable[Row]) -> list[tuple[float, float]]:
    """The x intervals covered by the chunks of `rows`, overlapping ones merged: one per column."""
    spans = sorted((c.x0, c.x1) for r in rows for c in r)
    bands: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if bands and x0 < bands[-1][1]:
            bands[-1] = (bands[-1][0], max(bands[-1][1], x1))
        else:
            bands.append((x0, x1))
    return bands


def place(chunk: Chunk, bands: Sequence[tuple[float, float]], header: bool = False) -> tuple[int, int]:
    """First and last column a chunk covers. A header chunk in the gap between two columns is
    centred over both; any other chunk in a gap goes to the nearest column."""
    return place_span(chunk.x0, chunk.x1, bands, header)


def place_span(x0: float, x1: float, bands: Sequence[tuple[float, float]], header: bool = False) -> tuple[int, int]:
    hits = [i for i, (a, b) in enumerate(bands) if x0 < b - 0.5 and x1 > a + 0.5]
    if hits:
        return hits[0], hits[-1]
    centre = (x0 + x1) / 2
    after = next((i for i, (a, _) in enumerate(bands) if a > centre), None)
    if header and after is not None and after > 0:
        return after - 1, after
    nearest = min(range(len(bands)), key=lambda i: abs((bands[i][0] + bands[i][1]) / 2 - centre))
    return nearest, nearest


# --- cells ------------------------------------------------------------------------------------

Span = tuple[float, float, float]  # x0, x1, y of a short rule drawn under a header cell


def _span_hint(chunk: Chunk, spans: Sequence[Span]) -> tuple[float, float]:
    """A short rule just under a header chunk (booktabs' cmidrule) gives the columns it spans."""
    centre = (chunk.x0 + chunk.x1) / 2
    for x0, x1, y in spans:
        if x0 <= centre <= x1 and 0 <= y - chunk.baseline <= 1.2 * chunk.size:
            return x0 + 1, x1 - 1
    return chunk.x0, chunk.x1


def grid_cells(
    rows: Sequence[Row], bands: Sequence[tuple[float, float]], header_rows: int = 0, spans: Sequence[Span] = ()
) -> list[GridCell]:
    """Chunks placed in columns; chunks of one row that land in the same columns become one cell."""
    cells: list[GridCell] = []
    for r, row in enumerate(rows):
        placed: list[tuple[int, int, list[Chunk]]] = []
        for chunk in row:
            header = r < header_rows
            x0, x1 = _span_hint(chunk, spans) if header else (chunk.x0, chunk.x1)
            first, last = place_span(x0, x1, bands, header)
            if placed and first <= placed[-1][1]:
                placed[-1] = (placed[-1][0], max(last, placed[-1][1]), placed[-1][2] + [chunk])
            else:
                placed.append((first, last, [chunk]))
        if r < header_rows - 1 and not (0 < r < len(rows) - 1 and _centred(rows, r)):
            placed = widen_groups(placed, bands)
        cells.extend(_cell(r, first, last, chunks) for first, last, chunks in placed)
    return cells


Placed = list[tuple[int, int, list[Chunk]]]


def widen_groups(placed: Placed, bands: Sequence[tuple[float, float]]) -> Placed:
    """In a header row over another header row, a cell centred over several columns ("French"
    over "Arc-c HellaS MMLU") spans them all: the widest run of free columns it is centred on."""
    out: Placed = []
    for k, (first, last, chunks) in enumerate(placed):
        lo = out[-1][1] + 1 if out else min(1, first)  # the label column is never under a group
        hi = placed[k + 1][0] - 1 if k + 1 < len(placed) else len(bands) - 1
        centre = (min(c.x0 for c in chunks) + max(c.x1 for c in chunks)) / 2
        best = (first, last)
        for i in range(lo, first + 1):
            for j in range(last, hi + 1):
                a, b = bands[i][0], bands[j][1]
                if abs((a + b) / 2 - centre) <= max(2.0, 0.05 * (b - a)) and j - i > best[1] - best[0]:
                    best = (i, j)
        out.append((best[0], best[1], chunks))
    return out


def _cell(row: int, first: int, last: int, chunks: list[Chunk]) -> GridCell:
    box = (min(c.x0 for c in chunks), min(c.top for c in chunks), max(c.x1 for c in chunks), max(c.bottom for c in chunks))
    text = " ".join(c.text for c in chunks)
    return GridCell(row, first, text, box, colspan=last - first + 1, bold=all(c.bold for c in chunks))


def fold_centred_rows(cells: list[GridCell], rows: Sequence[Row]) -> tuple[list[GridCell], int]:
    """A row whose cells sit half-way between the rows above and below, in columns both leave
    empty, is one cell spanning those two rows (LaTeX's multirow): fold it into the row above."""
    n = len(rows)
    r = 1
    while r < n - 1:
        if _centred(rows, r) and not _shares_columns(cells, r):
            for c in cells:
                if c.row == r:
                    c.row, c.rowspan = r - 1, 2
                elif c.row > r:
                    c.row -= 1
            rows = list(rows[:r]) + list(rows[r + 1 :])
            n -= 1
        r += 1
    return cells, n


def _centred(rows: Sequence[Row], r: int) -> bool:
    above, mid, below = rows[r - 1][0].baseline, rows[r][0].baseline, rows[r + 1][0].baseline
    size = max(c.size for c in rows[r])
    return below - above <= 2.8 * size and abs(mid - (above + below) / 2) <= 0.25 * size


def _shares_columns(cells: Sequence[GridCell], r: int) -> bool:
    mine = {k for c in cells if c.row == r for k in range(c.col, c.col + c.colspan)}
    around = {k for c in cells if c.row in (r - 1, r + 1) for k in range(c.col, c.col + c.colspan)}
    return bool(mine & around) or not mine


def header_from_cells(cells: Sequence[GridCell], max_rows: int = 3) -> int | None:
    """Rows above the first row with a number outside its first column, when there are 1 to 3."""
    rows = sorted({c.row for c in cells if c.col > 0 and is_numeric(c.text)})
    return rows[0] if rows and 0 < rows[0] <= max_rows else None


def bbox_of(boxes: Iterable[Box]) -> Box:
    boxes = list(boxes)
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


def first_value_row(rows: Sequence[Row]) -> int | None:
    """Index of the first row holding a number in a cell other than its first."""
    for i, row in enumerate(rows):
        if len(row) >= 2 and any(c.numeric for c in row[1:]):
            return i
    return None


def text_grid_candidate(
    rows: Sequence[Row], page: int, engine: str, confidence: float, header_rows: int | None
) -> Candidate | None:
    """Rows of chunks -> a candidate; the columns come from the rows below the header."""
    body = [r for r in rows[header_rows or 0 :] if len(r) >= 2] or [r for r in rows if len(r) >= 2]
    if not body:
        return None
    bands = column_bands(body)
    cells, n_rows = fold_centred_rows(grid_cells(rows, bands, header_rows or 0), rows)
    header = header_from_cells(cells) if header_rows else header_rows
    box = bbox_of(c.bbox for c in cells)
    return Candidate(page, box, cells, n_rows, len(bands), engine, confidence, header_rows=header)
