"""What a page draws, from pdfium's path objects (paths.py): straight rules (edges, merged for the
table finders) and chart marks (curves and bars), which no table holds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium
from pdfplumber.table import merge_edges

from extractor.readers.pdf.drawing_settings import DrawingSettings
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.frame import Frame
from extractor.readers.pdf.grid import Box
from extractor.readers.pdf.paths import Shape, count_paths, page_shapes, rect_edges, segment_edges

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
        elif s.count == 2:
            edges.extend(segment_edges(s.points, "line", tol))
        elif s.count <= settings.polyline_max_points:
            edges.extend(segment_edges(s.points, "curve_edge", tol))
    return edges


def figure_marks(shapes: Sequence[Shape], page_width: float, settings: DrawingSettings) -> list[Box]:
    """Curves, and filled upright boxes standing alone (bars); boxes tiling a row side by side are
    cell shading, and page-sized ones are backgrounds."""
    big = settings.chart_big_share * page_width
    marks = []
    for s in shapes:  # dots of a dotted border are curves too, but tiny
        if s.count >= 3 and not s.is_rect():
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
