"""Rules and chart marks read from pdfium's path objects (pdfplumber's page parse costs ~20x more).

Each subpath becomes what pdfplumber would call it: a line (two points), a rectangle (an
axis-aligned closed box) or a curve (anything else); lines and rectangle sides give straight
edges in pdfplumber's dict form, so that its table functions (merge, intersections, cells) apply.
Points go through the object's matrix, the matrices of the forms holding it, and the page's frame.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extractor.readers.pdf.drawing_settings import DrawingSettings
from extractor.readers.pdf.frame import Frame

Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


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
    shapes: list[Shape] = []
    count = raw.FPDFPage_CountObjects(page.raw)
    _walk(
        [raw.FPDFPage_GetObject(page.raw, i) for i in range(count)],
        _IDENTITY,
        _frame_affine(frame),
        shapes,
        0,
        settings,
    )
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


def _walk(
    objs: list, outer: Matrix, frame: Matrix, shapes: list[Shape], depth: int, settings: DrawingSettings
) -> None:
    """`outer`: the forms' matrices around `objs`; `frame`: user space -> the page's frame."""
    m = raw.FS_MATRIX()
    for obj in objs:
        kind = raw.FPDFPageObj_GetType(obj)
        if kind not in (raw.FPDF_PAGEOBJ_PATH, raw.FPDF_PAGEOBJ_FORM):
            continue
        own = (m.a, m.b, m.c, m.d, m.e, m.f) if raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)) else _IDENTITY
        matrix = _compose(own, outer)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            shapes.extend(_subpaths(obj, matrix, frame, settings.point_tolerance))
        elif depth < settings.max_form_depth:
            n = raw.FPDFFormObj_CountObjects(obj)
            _walk(
                [raw.FPDFFormObj_GetObject(obj, i) for i in range(n)],
                matrix,
                frame,
                shapes,
                depth + 1,
                settings,
            )


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying `inner` first, then `outer`."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _subpaths(path, matrix: Matrix, frame: Matrix, tol: float) -> list[Shape]:
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(path, ctypes.byref(fill_mode), ctypes.byref(stroke))
    fill, stroked = fill_mode.value != 0, bool(stroke.value)
    a, b, c, d, e, f = _compose(matrix, frame)
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.addressof(x), ctypes.addressof(y)
    handle = ctypes.cast(path, ctypes.c_void_p).value
    get_segment, get_point, get_type, get_close = _SEGMENT, _POINT, _TYPE, _CLOSE
    out: list[Shape] = []
    current: Shape | None = None
    for i in range(raw.FPDFPath_CountSegments(path)):
        seg = get_segment(handle, i)
        get_point(seg, x_ref, y_ref)
        px, py = x.value, y.value
        point = (a * px + c * py + e, b * px + d * py + f)
        kind = get_type(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO or current is None:
            current = Shape([point], False, False, fill, stroked)
            out.append(current)
        else:
            current.points.append(point)
            current.curved |= kind == raw.FPDF_SEGMENT_BEZIERTO
        if get_close(seg) and current.points and not _same(current.points[0], point, tol):
            current.points.append(current.points[0])
            current.closed = True
    return [s.finish(tol) for s in out if len(s.points) >= 2]


def _fast(fn, restype, *argtypes):
    """A pdfium function called with plain ints for handles and pointers (see chars.py)."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


_VP, _INT = ctypes.c_void_p, ctypes.c_int
_SEGMENT = _fast(raw.FPDFPath_GetPathSegment, _VP, _VP, _INT)
_POINT = _fast(raw.FPDFPathSegment_GetPoint, _INT, _VP, _VP, _VP)
_TYPE = _fast(raw.FPDFPathSegment_GetType, _INT, _VP)
_CLOSE = _fast(raw.FPDFPathSegment_GetClose, _INT, _VP)


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
