"""pdfium's per-char and per-path data in arrays, read by one native call where `_bulk.c` built
(at install, with the machine's C compiler) and by ctypes calls otherwise, with the same values.

The native helper links nothing: it gets pdfium's functions as pointers from the library pypdfium2
loaded. A build whose version differs from `BULK_VERSION` (a stale one) is not used.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as raw

BULK_VERSION = 3  # _bulk.c's EXTRACTOR_BULK_VERSION


def _address(fn) -> int:
    return ctypes.cast(fn, ctypes.c_void_p).value


def _load() -> ctypes.CDLL | None:
    try:
        from extractor.readers.pdf import _bulk  # type: ignore[attr-defined]

        lib = ctypes.CDLL(_bulk.__file__)
    except (ImportError, OSError):
        return None
    if lib.extractor_bulk_version() != BULK_VERSION:
        return None
    _VP, _INT = ctypes.c_void_p, ctypes.c_int
    lib.extractor_read_chars.argtypes = [_VP, _INT, _VP, _VP, _VP, _VP, _VP, _VP, _VP]
    lib.extractor_read_chars.restype = None
    lib.extractor_count_segments.argtypes = [_VP, _INT, _VP]
    lib.extractor_count_segments.restype = ctypes.c_long
    lib.extractor_read_paths.argtypes = [_VP, _INT, ctypes.c_double, _VP, _VP, _VP, _VP, _VP, _VP, _VP, _VP]
    lib.extractor_read_paths.restype = ctypes.c_long
    lib.extractor_count_paths.argtypes = [_VP, ctypes.c_long, _INT, _VP]
    lib.extractor_count_paths.restype = ctypes.c_long
    lib.extractor_image_bounds.argtypes = [_VP, _INT, _VP, _VP, ctypes.c_long]
    lib.extractor_image_bounds.restype = ctypes.c_long
    return lib


NATIVE = _load()

_CHAR_FNS = (ctypes.c_void_p * 6)(
    *map(
        _address,
        (
            raw.FPDFText_GetLooseCharBox,
            raw.FPDFText_GetCharOrigin,
            raw.FPDFText_GetTextObject,
            raw.FPDFText_GetFontSize,
            raw.FPDFText_GetMatrix,
            raw.FPDFTextObj_GetFont,
        ),
    )
)
_PATH_FNS = (ctypes.c_void_p * 12)(
    *map(
        _address,
        (
            raw.FPDFPage_CountObjects,
            raw.FPDFPage_GetObject,
            raw.FPDFPageObj_GetType,
            raw.FPDFPageObj_GetMatrix,
            raw.FPDFFormObj_CountObjects,
            raw.FPDFFormObj_GetObject,
            raw.FPDFPath_GetDrawMode,
            raw.FPDFPath_CountSegments,
            raw.FPDFPath_GetPathSegment,
            raw.FPDFPathSegment_GetPoint,
            raw.FPDFPathSegment_GetType,
            raw.FPDFPathSegment_GetClose,
        ),
    )
)

_OBJECT_FNS = (ctypes.c_void_p * 6)(
    *map(
        _address,
        (
            raw.FPDFPage_CountObjects,
            raw.FPDFPage_GetObject,
            raw.FPDFPageObj_GetType,
            raw.FPDFFormObj_CountObjects,
            raw.FPDFFormObj_GetObject,
            raw.FPDFPageObj_GetBounds,
        ),
    )
)
_IMAGES_AT_FIRST = 16  # room for this many images' bounds; a page with more is read again


def count_paths(page, enough: int, max_depth: int) -> int | None:
    """paths.count_paths by the native helper (None without it): a text page's thousands of
    objects cost a ctypes call or two each in Python, more than pdfium's work."""
    if NATIVE is None:
        return None
    return NATIVE.extractor_count_paths(_address(page), enough, max_depth, ctypes.addressof(_OBJECT_FNS))


def image_bounds(page, max_depth: int) -> list[tuple[float, float, float, float]] | None:
    """images._image_bounds by the native helper (None without it); raises PdfiumError as it does."""
    if NATIVE is None:
        return None
    handle, fns, cap = _address(page), ctypes.addressof(_OBJECT_FNS), _IMAGES_AT_FIRST
    while True:
        out = np.zeros(4 * cap)
        n = NATIVE.extractor_image_bounds(handle, max_depth, fns, out.ctypes.data, cap)
        if n < 0:
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        if n <= cap:
            return [tuple(b) for b in out[: 4 * n].reshape(n, 4).tolist()]
        cap = n


def _fast(fn, restype, *argtypes):
    """A pdfium function called with plain ints for handles and pointers: pypdfium2's typed
    bindings convert each argument, which costs more than the call itself when made per char."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(_address(fn))


_VP, _INT = ctypes.c_void_p, ctypes.c_int
_loose_box = _fast(raw.FPDFText_GetLooseCharBox, _INT, _VP, _INT, _VP)
_char_origin = _fast(raw.FPDFText_GetCharOrigin, _INT, _VP, _INT, _VP, _VP)
_text_object = _fast(raw.FPDFText_GetTextObject, _VP, _VP, _INT)
_font_size = _fast(raw.FPDFText_GetFontSize, ctypes.c_double, _VP, _INT)
_char_matrix = _fast(raw.FPDFText_GetMatrix, _INT, _VP, _INT, _VP)
_object_font = _fast(raw.FPDFTextObj_GetFont, _VP, _VP)
_path_segment = _fast(raw.FPDFPath_GetPathSegment, _VP, _VP, _INT)
_segment_point = _fast(raw.FPDFPathSegment_GetPoint, _INT, _VP, _VP, _VP)
_segment_type = _fast(raw.FPDFPathSegment_GetType, _INT, _VP)
_segment_close = _fast(raw.FPDFPathSegment_GetClose, _INT, _VP)


@dataclass
class FontFacts:
    """What a text object's chars share, read at chosen chars: origin (x, y), font size, char
    matrix (a, b, c, d, 1 if pdfium gave one) and font handle (0 for none)."""

    origin: np.ndarray  # (k, 2)
    size: np.ndarray  # (k,)
    matrix: np.ndarray  # (k, 5)
    font: np.ndarray  # (k,) uint64


class PdfiumChars:
    """pdfium's chars of a text page: loose boxes (left, bottom, right, top) and text objects of
    the `visible` chars (the others' are left zero), and `facts(indexes)` of any."""

    def __init__(self, textpage, n: int, visible: np.ndarray, native: bool = True):
        self.handle = _address(textpage)
        self.box = np.zeros((n, 4))
        self.object = np.zeros(n, dtype=np.uint64)
        self._all: FontFacts | None = None
        if native and NATIVE is not None and n:
            facts = FontFacts(np.zeros((n, 2)), np.zeros(n), np.zeros((n, 5)), np.zeros(n, dtype=np.uint64))
            NATIVE.extractor_read_chars(
                self.handle,
                n,
                ctypes.addressof(_CHAR_FNS),
                self.box.ctypes.data,
                facts.origin.ctypes.data,
                self.object.ctypes.data,
                facts.size.ctypes.data,
                facts.matrix.ctypes.data,
                facts.font.ctypes.data,
            )
            self._all = facts
            return
        rect = raw.FS_RECTF()
        rect_ref = ctypes.addressof(rect)
        box, objects = [], []
        for i in visible.tolist():
            _loose_box(self.handle, i, rect_ref)
            box.append((rect.left, rect.bottom, rect.right, rect.top))
            objects.append(_text_object(self.handle, i) or 0)
        if box:
            self.box[visible] = box
            self.object[visible] = objects

    def facts(self, indexes: np.ndarray) -> FontFacts:
        if self._all is not None:
            a = self._all
            return FontFacts(a.origin[indexes], a.size[indexes], a.matrix[indexes], a.font[indexes])
        x, y, m = ctypes.c_double(), ctypes.c_double(), raw.FS_MATRIX()
        x_ref, y_ref, m_ref = ctypes.addressof(x), ctypes.addressof(y), ctypes.addressof(m)
        origin, size, matrix, font = [], [], [], []
        for i in indexes.tolist():
            _char_origin(self.handle, i, x_ref, y_ref)
            origin.append((x.value, y.value))
            size.append(_font_size(self.handle, i))
            ok = _char_matrix(self.handle, i, m_ref)
            matrix.append((m.a, m.b, m.c, m.d, 1.0 if ok else 0.0))
            obj = int(self.object[i])  # read with the boxes
            font.append((_object_font(obj) or 0) if obj else 0)
        k = len(origin)
        return FontFacts(
            np.array(origin, dtype=float).reshape(k, 2),
            np.array(size, dtype=float).reshape(k),
            np.array(matrix, dtype=float).reshape(k, 5),
            np.array(font, dtype=np.uint64).reshape(k),
        )


@dataclass
class PagePaths:
    """Every subpath a page draws, in drawing order: points in the frame (a closing point added
    where pdfium says the subpath closes), and per subpath its start and length in them and its
    SHAPE_* flags."""

    x: np.ndarray
    y: np.ndarray
    start: np.ndarray
    length: np.ndarray
    flags: np.ndarray

    def __eq__(self, other: object) -> bool:
        names = ("x", "y", "start", "length", "flags")
        return isinstance(other, PagePaths) and all(
            np.array_equal(getattr(self, n), getattr(other, n)) for n in names
        )


SHAPE_CURVED, SHAPE_CLOSED, SHAPE_FILL, SHAPE_STROKE = 1, 2, 4, 8  # as _bulk.c
Affine = tuple[float, float, float, float, float, float]
_IDENTITY: Affine = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def read_paths(page, max_depth: int, tol: float, frame: Affine, native: bool = True) -> PagePaths:
    """The page's subpaths, forms included down to `max_depth` levels; `frame` maps user space
    to the page's frame as x' = a*x + c*y + e, y' = b*x + d*y + f; points closer than `tol` are
    the same."""
    handle = _address(page)
    if native and NATIVE is not None:
        fns = ctypes.addressof(_PATH_FNS)
        segments = NATIVE.extractor_count_segments(handle, max_depth, fns)
        x, y = np.zeros(2 * segments), np.zeros(2 * segments)
        start, length, flags = (np.zeros(segments, dtype=np.intc) for _ in range(3))
        points = ctypes.c_long()
        shapes = NATIVE.extractor_read_paths(
            handle,
            max_depth,
            tol,
            (ctypes.c_double * 6)(*frame),
            fns,
            *(a.ctypes.data for a in (x, y, start, length, flags)),
            ctypes.byref(points),
        )
        n = points.value
        return PagePaths(x[:n], y[:n], start[:shapes], length[:shapes], flags[:shapes])
    out: tuple[list, ...] = ([], [], [], [], [])
    count = raw.FPDFPage_CountObjects(page)
    _walk([raw.FPDFPage_GetObject(page, i) for i in range(count)], _IDENTITY, frame, out, 0, max_depth, tol)
    xs, ys, start_, length_, flags_ = out
    return PagePaths(
        np.array(xs, dtype=float),
        np.array(ys, dtype=float),
        *(np.array(v, dtype=np.intc) for v in (start_, length_, flags_)),
    )


def _compose(inner: Affine, outer: Affine) -> Affine:
    """The matrix applying `inner` first, then `outer`."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _walk(
    objs: list, outer: Affine, frame: Affine, out: tuple[list, ...], depth: int, max_depth: int, tol: float
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
            _read_path(obj, _compose(matrix, frame), out, tol)
        elif depth < max_depth:
            n = raw.FPDFFormObj_CountObjects(obj)
            children = [raw.FPDFFormObj_GetObject(obj, i) for i in range(n)]
            _walk(children, matrix, frame, out, depth + 1, max_depth, tol)


def _read_path(path, matrix: Affine, out: tuple[list, ...], tol: float) -> None:
    """One path's subpaths into `out`'s lists (x, y, start, length, flags), as _bulk.c's read_path."""
    fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
    raw.FPDFPath_GetDrawMode(path, ctypes.byref(fill_mode), ctypes.byref(stroke))
    drawn = (SHAPE_FILL if fill_mode.value != 0 else 0) | (SHAPE_STROKE if stroke.value else 0)
    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    x_ref, y_ref = ctypes.addressof(x), ctypes.addressof(y)
    handle = _address(path)
    xs, ys, start, length, flags = out
    current = -1
    for i in range(raw.FPDFPath_CountSegments(path)):
        seg = _path_segment(handle, i)
        _segment_point(seg, x_ref, y_ref)
        px, py = x.value, y.value
        px, py = a * px + c * py + e, b * px + d * py + f
        kind = _segment_type(seg)
        if kind == raw.FPDF_SEGMENT_MOVETO or current < 0:
            current = len(start)
            start.append(len(xs))
            length.append(0)
            flags.append(drawn)
        elif kind == raw.FPDF_SEGMENT_BEZIERTO:
            flags[current] |= SHAPE_CURVED
        xs.append(px)
        ys.append(py)
        length[current] += 1
        first = start[current]
        if _segment_close(seg) and not (abs(xs[first] - px) < tol and abs(ys[first] - py) < tol):
            xs.append(xs[first])
            ys.append(ys[first])
            length[current] += 1
            flags[current] |= SHAPE_CLOSED
