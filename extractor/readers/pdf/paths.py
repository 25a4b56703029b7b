"""Rules and chart marks read from pdfium's path objects (pdfplumber's page parse costs ~20x more).

Each subpath becomes what pdfplumber would call it: a line (two points), a rectangle (an
axis-aligned closed box) or a curve (anything else); lines and rectangle sides give straight
edges in pdfplumber's dict form, so that its table functions (merge, intersections, cells) apply.
Points go through the object's matrix, the matrices of the forms holding it, and the page's frame.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extractor.readers.pdf.bulk import SHAPE_CLOSED, SHAPE_CURVED, SHAPE_FILL, SHAPE_STROKE, read_paths
from extractor.readers.pdf.drawing_settings import DrawingSettings
from extractor.readers.pdf.frame import Frame

Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]


@dataclass
class Shape:
    """One subpath in the page's (turned) frame."""

    points: list[tuple[float, float]]
    curved: bool
    closed: bool
    fill: bool
    stroke: bool
    box: Box = (0.0, 0.0, 0.0, 0.0)
    rect: bool = False  # an axis-aligned rectangle

    def finish(self, tol: float) -> Shape:
        """Box and rectangle test, once: the rule and chart finders ask for them repeatedly."""
        xs, ys = [p[0] for p in self.points], [p[1] for p in self.points]
        self.box = x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
        pts = (
            self.points[:-1]
            if len(self.points) == 5 and _same(self.points[0], self.points[-1], tol)
            else self.points
        )
        self.rect = (
            not self.curved
            and len(pts) == 4
            and all(
                (abs(x - x0) < tol or abs(x - x1) < tol) and (abs(y - y0) < tol or abs(y - y1) < tol)
                for x, y in pts
            )
        )
        return self

    def is_rect(self) -> bool:
        return self.rect


def _same(a: tuple[float, float], b: tuple[float, float], tol: float) -> bool:
    return abs(a[0] - b[0]) < tol and abs(a[1] - b[1]) < tol


def page_shapes(page: pdfium.PdfPage, frame: Frame, settings: DrawingSettings) -> list[Shape]:
    """Every subpath drawn on the page, forms included."""
    tol = settings.point_tolerance
    paths = read_paths(page.raw, settings.max_form_depth, tol, _frame_affine(frame))
    points = list(zip(paths.x, paths.y, strict=True))
    shapes = []
    for start, length, flags in zip(paths.start, paths.length, paths.flags, strict=True):
        if length >= 2:
            shape = Shape(
                points[start : start + length],
                bool(flags & SHAPE_CURVED),
                bool(flags & SHAPE_CLOSED),
                bool(flags & SHAPE_FILL),
                bool(flags & SHAPE_STROKE),
            )
            shapes.append(shape.finish(tol))
    return shapes


def count_paths(page: pdfium.PdfPage, enough: int, max_depth: int) -> int:
    """Path objects on the page (forms included), counted up to `enough`."""
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
