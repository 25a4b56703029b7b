"""Tables drawn with rules.

The rules come from pdfium's path objects (paths.py); two kinds of table, in the style of
pdfplumber's table finder (edges -> intersections -> cells):
- grids: horizontal and vertical rules that cross; each closed rectangle is a cell;
- rule-bounded (booktabs) tables: horizontal rules of one width stacked over each other, with
  no vertical rules; the rows and columns inside come from the text (see grid.py), the first
  inner rule separates the header, and short rules under a header cell give its span.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from extractor.readers.pdf.folds import cut_under_header_gaps, fold_centred_rows, header_from_cells
from extractor.readers.pdf.frame import Frame
from extractor.readers.pdf.grid import (
    Box,
    Candidate,
    Chunk,
    GridCell,
    Row,
    bbox_of,
    body_bands,
    cluster_rows,
    first_value_row,
    grid_cells,
    holds_values,
    is_numeric,
    split_chunks,
)
from extractor.readers.pdf.paths import Shape, count_paths, page_shapes, rect_edges, segment_edges
from extractor.readers.pdf.thresholds import DrawingSettings, TableFinderSettings
from extractor.readers.pdf.words import Line, Word

GRID_ENGINE = "pdfplumber-lines"
RULES_ENGINE = "pdf-rules-text"
Edge = dict


def has_rules(page: pdfium.PdfPage, settings: DrawingSettings) -> bool:
    """A cheap look before the paths are read: enough paths drawn for table rules."""
    return count_paths(page, settings.min_paths, settings.max_form_depth) >= settings.min_paths


# --- edges -----------------------------------------------------------------------------------


@dataclass
class Graphics:
    edges: list[Edge]  # straight rules
    marks: list[Box]  # curves and upright filled bars: the ink of charts, never of tables


def page_graphics(page: pdfium.PdfPage, turn: int, settings: DrawingSettings) -> Graphics:
    """Rules and chart marks of a page, in the frame of its text (see PageText.turn)."""
    frame = Frame(page)
    frame.turn = turn
    shapes = page_shapes(page, frame, settings)
    return Graphics(page_edges(shapes, settings), figure_marks(shapes, frame.width, settings))


def page_edges(shapes: Sequence[Shape], settings: DrawingSettings) -> list[Edge]:
    """Straight rules: lines, rectangle sides and straight segments of short polylines. Filled
    boxes wider and taller than a rule are backgrounds or chart bars, not rules."""
    edges: list[Edge] = []
    tol, box_min = settings.point_tolerance, settings.filled_box_min
    for s in shapes:
        if s.curved:
            continue
        if s.is_rect():
            x0, top, x1, bottom = s.box
            if not (x1 - x0 > box_min and bottom - top > box_min and s.fill and not s.stroke):
                edges.extend(rect_edges(s.box, tol))
        elif len(s.points) == 2:
            edges.extend(segment_edges(s.points, "line", tol))
        elif len(s.points) <= settings.polyline_max_points:
            edges.extend(segment_edges(s.points, "curve_edge", tol))
    return edges


def figure_marks(shapes: Sequence[Shape], page_width: float, settings: DrawingSettings) -> list[Box]:
    """Curves, and filled upright boxes standing alone (bars); boxes tiling a row side by side are
    cell shading, and page-sized ones are backgrounds."""
    big = settings.chart_big_share * page_width
    marks = []
    for s in shapes:  # dots of a dotted border are curves too, but tiny
        if len(s.points) >= 3 and not s.is_rect():
            x0, top, x1, bottom = s.box
            if settings.min_curve_size <= max(x1 - x0, bottom - top) < big:
                marks.append(s.box)
    filled = [s.box for s in shapes if s.fill and s.is_rect()]
    boxes = [b for b in filled if settings.bar_min_width < b[2] - b[0] <= b[3] - b[1] and b[2] - b[0] < big]
    if not boxes:
        return marks
    sides: Counter[tuple[int, int, int]] = Counter()  # (top, bottom, x) of filled boxes' left and right sides
    for b in filled:
        sides[(round(b[1]), round(b[3]), round(b[0]))] += 1
        sides[(round(b[1]), round(b[3]), round(b[2]))] += 1
    return marks + [b for b in boxes if not _tiles(b, sides)]


def _tiles(b: Box, sides: Counter[tuple[int, int, int]]) -> bool:
    """Another filled box of the same height touching this one on the left or right: its side
    at this one's left or right edge (this box's own sides are there once each)."""
    top, bottom, left, right = round(b[1]), round(b[3]), round(b[0]), round(b[2])
    hits = 0  # boxes tiling a row share their top and bottom exactly; their sides may round apart
    for dx in (-1, 0, 1):
        hits += sides.get((top, bottom, left + dx), 0) + sides.get((top, bottom, right + dx), 0)
    return hits > 2


def count_marks(box: Box, marks: Sequence[Box]) -> int:
    """Chart marks touching `box`: value labels sit on the bars they label."""
    return sum(
        1 for m in marks if m[0] <= box[2] and m[2] >= box[0] and m[1] <= box[3] + 1 and m[3] >= box[1] - 1
    )


def merged_edges(edges: list[Edge], settings: TableFinderSettings) -> list[Edge]:
    long_enough = [e for e in edges if (e["width"] if e["orientation"] == "h" else e["height"]) >= 1]
    if not long_enough:
        return []
    s, j = settings.snap_tolerance, settings.join_tolerance
    merged = merge_edges(long_enough, s, s, j, j)
    return [
        e
        for e in merged
        if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"])
        >= settings.min_edge_length
    ]


# --- grids -----------------------------------------------------------------------------------


def grid_boxes(edges: list[Edge], settings: TableFinderSettings) -> list[list[Box]]:
    """Crossing rules -> intersections -> cells -> groups of cells touching at corners."""
    tol = settings.intersection_tolerance
    points = edges_to_intersections(edges, tol, tol)
    return cells_to_tables(intersections_to_cells(points))


def _axis(values: Sequence[float], tol: float) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tol:
            out.append(v)
    return out


def _index(axis: Sequence[float], v: float) -> int:
    return min(range(len(axis)), key=lambda i: abs(axis[i] - v))


def grid_candidate(
    boxes: list[Box], words: Sequence[Word], page: int, settings: TableFinderSettings
) -> Candidate | None:
    """A group of ruled cells -> a table: each cell's words, with spans from the shared rule grid."""
    xs = _axis([b[0] for b in boxes] + [b[2] for b in boxes], settings.axis_tolerance)
    ys = _axis([b[1] for b in boxes] + [b[3] for b in boxes], settings.axis_tolerance)
    cells: list[GridCell] = []
    for box in boxes:
        col, row = _index(xs, box[0]), _index(ys, box[1])
        colspan, rowspan = max(1, _index(xs, box[2]) - col), max(1, _index(ys, box[3]) - row)
        inner = [w for w in words if box[0] <= w.cx <= box[2] and box[1] <= (w.top + w.bottom) / 2 <= box[3]]
        text = " ".join(" ".join(w.text for w in r) for r in cluster_rows(inner, settings.row_tolerance_em))
        bold = bool(inner) and all(w.bold for w in inner if any(c.isalnum() for c in w.text))
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
    if title and _TITLE.match(title):
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


_TITLE = re.compile(r"^(table|exhibit|tab\.)\s*[A-Z]?\d", re.I)


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


# --- rule-bounded (booktabs) tables ----------------------------------------------------------


@dataclass
class Region:
    box: Box
    inner: list[float]  # y of the rules between top and bottom


def rule_regions(
    h_edges: Sequence[Edge], breaks: Sequence[Line], prose: Sequence[Line], settings: TableFinderSettings
) -> list[Region]:
    """Stacks of horizontal rules of one width; a caption, a section heading or a paragraph
    between two of them ends one table and starts another."""
    rules = sorted(
        (e for e in h_edges if e["x1"] - e["x0"] >= settings.min_rule_length), key=lambda e: e["top"]
    )
    tol = settings.rule_extent_tolerance
    stacks: list[list[Edge]] = []
    for e in rules:
        stack = next(
            (s for s in stacks if abs(s[0]["x0"] - e["x0"]) <= tol and abs(s[0]["x1"] - e["x1"]) <= tol), None
        )
        if stack is None:
            stacks.append([e])
        else:
            stack.append(e)
    regions: list[Region] = []
    for stack in stacks:
        regions.extend(_split_stack(stack, breaks, prose, settings))
    return regions


def _between(a: Edge, b: Edge, lines: Sequence[Line]) -> int:
    return sum(
        1
        for ln in lines
        if a["top"] < (ln.top + ln.bottom) / 2 < b["top"] and ln.x0 < a["x1"] and ln.x1 > a["x0"]
    )


def _split_stack(
    stack: list[Edge], breaks: Sequence[Line], prose: Sequence[Line], settings: TableFinderSettings
) -> list[Region]:
    groups: list[list[Edge]] = [[stack[0]]]
    for a, b in zip(stack, stack[1:]):
        if _between(a, b, breaks) or _between(a, b, prose) >= settings.region_break_prose:
            groups.append([b])
        else:
            groups[-1].append(b)
    regions = []
    for g in groups:
        if len(g) >= 2 and g[-1]["top"] - g[0]["top"] > settings.region_min_height:
            box = (min(e["x0"] for e in g), g[0]["top"], max(e["x1"] for e in g), g[-1]["top"])
            regions.append(Region(box, [e["top"] for e in g[1:-1]]))
    return regions


def region_candidate(
    region: Region, words: Sequence[Word], edges: Sequence[Edge], page: int, settings: TableFinderSettings
) -> Candidate | None:
    """The text between the rules of one region, cut into rows and columns."""
    x0, top, x1, bottom = region.box
    pad = settings.region_pad
    inside = [w for w in words if x0 - pad <= w.cx <= x1 + pad and top < (w.top + w.bottom) / 2 < bottom]
    if not inside:
        return None
    cuts = [
        e["x0"]
        for e in edges
        if e["orientation"] == "v"
        and e["top"] < bottom
        and e["bottom"] > top
        and x0 + pad < e["x0"] < x1 - pad
    ]
    rows = [
        split_chunks(r, settings.cell_gap_em, settings.number_gap_em, cuts)
        for r in cluster_rows(inside, settings.row_tolerance_em)
    ]
    rows = merge_ruled_rows(rows, region, settings.wrap_full_row_cells)
    if sum(len(r) < 2 for r in rows) > settings.region_lone_share * len(rows):
        return None  # running text or a list between rules, not a table
    header = _rule_header(rows, region, settings.max_header_rows)
    rows = cut_under_header_gaps(rows, header or 0)
    spans = [
        (e["x0"], e["x1"], e["top"])
        for e in edges
        if e["orientation"] == "h"
        and top < e["top"] < bottom
        and e["x1"] - e["x0"] < x1 - x0 - settings.span_rule_margin
    ]
    body = [r for r in rows[header or 0 :] if len(r) >= 2]
    if not body:
        return None
    bands = body_bands(body, settings, [r for r in rows[header or 0 :] if len(r) == 1])
    cells = grid_cells(rows, bands, settings, header or 0, spans)
    if len(bands) < settings.min_cols or len(rows) < settings.min_rows:
        return None
    if any(len(c.text) > settings.max_cell_chars for c in cells):
        return None
    cells, n_rows = fold_centred_rows(cells, rows, settings)
    header = _rule_header_after(cells, n_rows, region, settings.max_header_rows)
    filled = len(cells) / max(1, n_rows * len(bands))
    conf = round(
        min(settings.region_conf_max, settings.region_conf_base + settings.region_conf_fill * filled), 2
    )
    return Candidate(
        page, (x0, top, x1, bottom), cells, n_rows, len(bands), RULES_ENGINE, conf, header_rows=header
    )


def merge_ruled_rows(rows: list[Row], region: Region, full_row: int) -> list[Row]:
    """Where rules separate the body's rows, the lines between two rules are one row whose cells
    wrap ("Reasoning &" over "Knowledge"), unless several of those lines fill `full_row` columns or hold values
    (a group of model rows between two rules, one score each)."""
    if len(region.inner) < 2:
        return rows
    limits = list(region.inner) + [region.box[3]]
    segments: list[list[Row]] = [[] for _ in range(len(limits) + 1)]
    for row in rows:
        segments[sum(1 for y in limits[:-1] if row[0].baseline > y)].append(row)
    out: list[Row] = list(segments[0])  # the header keeps its lines: group headers over columns
    for seg in segments[1:]:
        filled = sum(1 for r in seg if len(r) >= full_row or (len(r) >= 2 and holds_values(r[-1].text)))
        out.extend([_stack(seg)] if len(seg) > 1 and filled <= 1 else seg)
    return out


def _stack(rows: list[Row]) -> Row:
    """Chunks of several lines that overlap across the page joined top to bottom, one per column."""
    groups: list[list[Chunk]] = []
    for chunk in sorted((c for r in rows for c in r), key=lambda c: c.x0):
        if groups and chunk.x0 < max(c.x1 for c in groups[-1]):
            groups[-1].append(chunk)
        else:
            groups.append([chunk])
    return [Chunk(tuple(w for c in sorted(g, key=lambda c: c.baseline) for w in c.words)) for g in groups]


def _rule_header(rows: Sequence[Row], region: Region, max_rows: int) -> int | None:
    """Rows above the first inner rule are the header; without one, rows above the first number."""
    if region.inner:
        above = sum(1 for r in rows if r[0].bottom <= region.inner[0] + 1)
        if 0 < above < len(rows):
            return above
    first = first_value_row(rows)
    return first if first is not None and first <= max_rows else None


def _rule_header_after(cells: Sequence[GridCell], n_rows: int, region: Region, max_rows: int) -> int | None:
    """The header row count once centred rows are folded: rows wholly above the first inner rule."""
    if region.inner:
        below = {c.row for c in cells if c.bbox[3] > region.inner[0] + 1}
        above = [r for r in range(n_rows) if r not in below]
        if 0 < len(above) < n_rows and above == list(range(len(above))):
            return len(above)
    return header_from_cells(cells, max_rows)
