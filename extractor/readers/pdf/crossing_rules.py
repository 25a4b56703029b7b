"""Tables drawn as grids: horizontal and vertical rules that cross, each closed rectangle a cell, in the
style of pdfplumber's table finder (edges -> intersections -> cells); a banner row across the grid
is its title or its notes."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence

from pdfplumber.table import T_intersections, cells_to_tables, edges_to_intersections
from pdfplumber.utils import obj_to_bbox

from extractor.model.document import TableEngine
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.graphics import Edge
from extractor.readers.pdf.grid import Box, Candidate, GridCell, bbox_of, cluster_rows, is_numeric
from extractor.readers.pdf.words import Word
from extractor.vocab.patterns import TABLE_TITLE

GRID_ENGINE = TableEngine.PDF_LINES


def grid_boxes(edges: list[Edge], settings: TableFinderSettings) -> list[list[Box]]:
    """Crossing rules -> intersections -> cells -> groups of cells touching at corners."""
    tol = settings.intersection_tolerance
    points = edges_to_intersections(edges, tol, tol)
    return cells_to_tables(intersection_cells(points))


def intersection_cells(intersections: T_intersections) -> list[Box]:
    """pdfplumber's `intersections_to_cells`, cell for cell and in its order, without its cost: it
    slices the sorted points after each point and turns both points' edges into sets again for every
    pair it tests (a third of a ruled page's table search). Here the points on each x and each y are
    listed once and every point's edges made a set once."""
    vertical = {p: {obj_to_bbox(e) for e in touching["v"]} for p, touching in intersections.items()}
    horizontal = {p: {obj_to_bbox(e) for e in touching["h"]} for p, touching in intersections.items()}
    points = sorted(intersections)
    on_x: defaultdict[float, list[tuple[float, float]]] = defaultdict(list)
    on_y: defaultdict[float, list[tuple[float, float]]] = defaultdict(list)
    for p in points:  # each list in ascending order of the other coordinate
        on_x[p[0]].append(p)
        on_y[p[1]].append(p)

    def joined(a: tuple[float, float], b: tuple[float, float]) -> bool:
        return (a[0] == b[0] and not vertical[a].isdisjoint(vertical[b])) or (
            a[1] == b[1] and not horizontal[a].isdisjoint(horizontal[b])
        )

    cells: list[Box] = []
    for pt in points:
        column, row = on_x[pt[0]], on_y[pt[1]]
        below = column[column.index(pt) + 1 :]
        right: list[tuple[float, float]] | None = None  # the points right of pt it is joined to
        cell = None
        for down in below:
            if not joined(pt, down):
                continue
            if right is None:
                right = [r for r in row[row.index(pt) + 1 :] if joined(pt, r)]
            for across in right:
                corner = (across[0], down[1])
                if corner in intersections and joined(corner, across) and joined(corner, down):
                    cell = (pt[0], pt[1], corner[0], corner[1])
                    break
            if cell:
                break
        if cell:
            cells.append(cell)
    return cells


def _axis(values: Sequence[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(axis: Sequence[float], v: float) -> int:
    return min(range(len(axis)), key=lambda i: abs(axis[i] - v))


class _WordsByX:
    """Words found by their centre's x with a binary search, given back in page order: a grid's
    cells each take the words of their box, and a pass over all of a page's words per cell made
    large grids cost cells x words."""

    def __init__(self, words: Sequence[Word]):
        self.order = sorted(range(len(words)), key=lambda i: words[i].cx)
        self.cx = [words[i].cx for i in self.order]
        self.words = words

    def between(self, x0: float, x1: float) -> list[Word]:
        lo, hi = bisect_left(self.cx, x0), bisect_right(self.cx, x1)
        return [self.words[i] for i in sorted(self.order[lo:hi])]


def grid_candidate(
    boxes: list[Box], words: Sequence[Word], page: int, settings: TableFinderSettings
) -> Candidate | None:
    """A group of ruled cells -> a table: each cell's words, with spans from the shared rule grid."""
    xs = _axis([b[0] for b in boxes] + [b[2] for b in boxes], settings.axis_tolerance)
    ys = _axis([b[1] for b in boxes] + [b[3] for b in boxes], settings.axis_tolerance)
    cells: list[GridCell] = []
    by_x = _WordsByX(words)
    for box in boxes:
        col, row = _index(xs, box[0]), _index(ys, box[1])
        colspan, rowspan = max(1, _index(xs, box[2]) - col), max(1, _index(ys, box[3]) - row)
        inner = [w for w in by_x.between(box[0], box[2]) if box[1] <= (w.top + w.bottom) / 2 <= box[3]]
        text = " ".join(" ".join(w.text for w in r) for r in cluster_rows(inner, settings.row_tolerance_em))
        bold = bool(inner) and all(w.bold for w in inner if any(map(str.isalnum, w.text)))
        cells.append(GridCell(row, col, text.replace("\ufffe", "-"), box, rowspan, colspan, bold))
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    cells, n_rows = _drop_empty_rows(cells, n_rows)
    cells, n_rows, title = _trim_banners(cells, n_rows, n_cols, settings.banner_min_rows)
    filled = sum(1 for c in cells if c.text)
    if (
        n_rows < settings.min_rows
        or n_cols < settings.min_cols
        or filled < max(settings.grid_min_filled, settings.grid_min_filled_share * len(cells))
    ):
        return None
    if any(len(c.text) > settings.framed_text_factor * settings.max_cell_chars for c in cells):
        return None  # a framed paragraph
    header = _header_rows(cells, settings.max_header_rows)
    conf = round(
        min(settings.grid_conf_max, settings.grid_conf_base + settings.grid_conf_fill * filled / len(cells)),
        2,
    )
    cand = Candidate(
        page, bbox_of(c.bbox for c in cells), cells, n_rows, n_cols, GRID_ENGINE, conf, header_rows=header
    )
    if title and TABLE_TITLE.match(title):
        cand.caption = title
    return cand


def _drop_empty_rows(cells: list[GridCell], n_rows: int) -> tuple[list[GridCell], int]:
    """Rows no text reaches (between double rules, or spacer strips) are not rows of the table."""
    used = {r for c in cells if c.text for r in range(c.row, c.row + c.rowspan)}
    empty = [r for r in range(n_rows) if r not in used]
    if not empty or len(empty) == n_rows:
        return cells, n_rows
    kept = []
    for c in cells:
        inside = sum(1 for r in empty if c.row <= r < c.row + c.rowspan)
        if inside == c.rowspan:
            continue
        c.row -= sum(1 for r in empty if r < c.row)
        c.rowspan -= inside
        kept.append(c)
    return kept, n_rows - len(empty)


def _trim_banners(
    cells: list[GridCell], n_rows: int, n_cols: int, min_rows: int
) -> tuple[list[GridCell], int, str | None]:
    """A first or last row that is one cell across the whole grid is the table's title or its
    notes, boxed with it; the table is the rows between. Returns the cells, rows and the title."""

    def banner(r: int) -> GridCell | None:
        row = [c for c in cells if c.row == r]
        return (
            row[0]
            if n_cols >= 2 and len(row) == 1 and row[0].colspan == n_cols and row[0].rowspan == 1
            else None
        )

    title = None
    if n_rows > min_rows and (last := banner(n_rows - 1)) is not None:
        cells = [c for c in cells if c is not last]
        n_rows -= 1
    if n_rows > min_rows and (first := banner(0)) is not None:
        title = first.text
        cells = [c for c in cells if c is not first]
        for c in cells:
            c.row -= 1
        n_rows -= 1
    return cells, n_rows, title


def _header_rows(cells: Sequence[GridCell], max_rows: int) -> int | None:
    rows = sorted({c.row for c in cells})
    for r in rows:
        if any(is_numeric(c.text) for c in cells if c.row == r and c.col > 0):
            return r if 0 < r <= max_rows else None
    return None
