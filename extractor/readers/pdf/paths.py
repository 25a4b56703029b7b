"""Rules and chart marks read from pdfium's path objects (pdfplumber's page parse costs ~20x more).

Each subpath becomes what pdfplumber would call it: a line (two points), a rectangle (an
axis-aligned closed box) or a curve (anything else); lines and rectangle sides give straight
edges in pdfplumber's dict form, so that its table functions (merge, intersections, cells) apply.
Points go through the object's matrix, the matrices of the forms holding it, and the page's frame.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extractor.readers.pdf import bulk
from extractor.readers.pdf.bulk import SHAPE_CLOSED, SHAPE_CURVED, SHAPE_FILL, SHAPE_STROKE, read_paths
from extractor.readers.pdf.drawing_settings import DrawingSettings
from extractor.readers.pdf.frame import Frame

Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]


@dataclass
class Shape:
    """One subpath in the page's (turned) frame. Its `points` are kept only when it has at most
    `polyline_max_points` (or 5) of them (`count`): the rule finders read no longer ones, and a
    chart of a million points would cost a few hundred MB as Python tuples."""

    points: list[tuple[float, float]]
    count: int
    curved: bool
    closed: bool
    fill: bool
    stroke: bool
    box: Box
    rect: bool = False  # an axis-aligned rectangle

    def is_rect(self) -> bool:
        return self.rect


def _is_rect(points: list[tuple[float, float]], box: Box, tol: float) -> bool:
    """Four corners of the box (five, the last back at the first)."""
    x0, y0, x1, y1 = box
    pts = points[:-1] if len(points) == 5 and _same(points[0], points[-1], tol) else points
    return len(pts) == 4 and all(
        (abs(x - x0) < tol or abs(x - x1) < tol) and (abs(y - y0) < tol or abs(y - y1) < tol) for x, y in pts
    )


def _same(a: tuple[float, float], b: tuple[float, float], tol: float) -> bool:
    return abs(a[0] - b[0]) < tol and abs(a[1] - b[1]) < tol


def page_shapes(page: pdfium.PdfPage, frame: Frame, settings: DrawingSettings) -> list[Shape]:
    """Every subpath of at least two points drawn on the page, forms included."""
    tol = settings.point_tolerance
    paths = read_paths(page.raw, settings.max_form_depth, tol, _frame_affine(frame))
    if not len(paths.start):
        return []
    x, y, start, length = paths.x, paths.y, paths.start, paths.length  # subpaths tile the points
    low, high = np.minimum.reduceat, np.maximum.reduceat
    boxes = zip(*(f(v, start).tolist() for f, v in ((low, x), (low, y), (high, x), (high, y))), strict=True)
    small = length <= max(settings.polyline_max_points, 5)  # a rectangle's five too
    kept = np.repeat(small, length)
    points = list(zip(x[kept].tolist(), y[kept].tolist(), strict=True))
    shapes, at = [], 0
    for count, flags, box, listed in zip(
        length.tolist(), paths.flags.tolist(), boxes, small.tolist(), strict=True
    ):
        pts = points[at : at + count] if listed else []
        at += count if listed else 0
        if count < 2:
            continue
        curved = bool(flags & SHAPE_CURVED)
        shape = Shape(
            pts,
            count,
            curved,
            bool(flags & SHAPE_CLOSED),
            bool(flags & SHAPE_FILL),
            bool(flags & SHAPE_STROKE),
            box,
        )
        shape.rect = not curved and count <= 5 and _is_rect(pts, box, tol)
        shapes.append(shape)
    return shapes


def count_paths(page: pdfium.PdfPage, enough: int, max_depth: int, native: bool = True) -> int:
    """Path objects on the page (forms included), counted up to `enough`."""
    counted = bulk.count_paths(page.raw, enough, max_depth) if native else None
    if counted is not None:
        return counted
    objs = [raw.FPDFPage_GetObject(page.raw, i) for i in range(raw.FPDFPage_CountObjects(page.raw))]
    return _count(objs, enough, 0, max_depth)


def _count(objs: list, enough: int, depth: int, max_depth: int) -> int:
    found = 0
    for obj in objs:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            found += 1
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < max_depth:
            inner = [raw.FPDFFormObj_GetObject(obj, i) for i in range(raw.FPDFFormObj_CountObjects(obj))]
            found += _count(inner, enough - found, depth + 1, max_depth)
        if found >= enough:
            break
    return found


def _frame_affine(frame: Frame) -> Matrix:
    """Frame.point as a matrix (a rotation and a shift)."""
    (ex, fy), (px, py), (qx, qy) = frame.point(0.0, 0.0), frame.point(1.0, 0.0), frame.point(0.0, 1.0)
    return px - ex, py - fy, qx - ex, qy - fy, ex, fy


# --- shapes as pdfplumber objects ------------------------------------------------------------


def edge(x0: float, top: float, x1: float, bottom: float, kind: str, tol: float) -> dict:
    orientation = "h" if abs(bottom - top) < tol else "v"
    return {
        "object_type": kind,
        "x0": x0,
        "top": top,
        "x1": x1,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
        "orientation": orientation,
    }


def rect_edges(box: Box, tol: float) -> list[dict]:
    x0, top, x1, bottom = box
    return [
        edge(x0, top, x1, top, "rect_edge", tol),
        edge(x0, bottom, x1, bottom, "rect_edge", tol),
        edge(x0, top, x0, bottom, "rect_edge", tol),
        edge(x1, top, x1, bottom, "rect_edge", tol),
    ]


def segment_edges(points: list[tuple[float, float]], kind: str, tol: float) -> list[dict]:
    """The horizontal and vertical segments of a polyline."""
    out = []
    for (ax, ay), (bx, by) in zip(points, points[1:]):
        if abs(ay - by) < tol or abs(ax - bx) < tol:
            y = ay if abs(ay - by) < tol else None
            if y is not None:
                out.append(edge(min(ax, bx), y, max(ax, bx), y, kind, tol))
            else:
                out.append(edge(ax, min(ay, by), ax, max(ay, by), kind, tol))
    return out
