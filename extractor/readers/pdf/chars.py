"""pdfium's characters of a page, in the frame where most of its text reads left to right: boxes,
baselines, sizes, boldness and direction, read with as few calls into pdfium as it allows.

pdfium gives one entry per character in content-stream order, plus generated spaces and
`\\r\\n` pairs where it sees a word or line break, and U+FFFE for a line-end hyphen. We keep
that order: it is the author's reading order in almost every generated PDF.
"""

from __future__ import annotations

import ctypes
import math
from collections import Counter
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extractor.readers.pdf.frame import Frame
from extractor.readers.pdf.text_settings import TextSettings

HYPHEN_MARK = "\ufffe"
_BOLD_NAMES = ("bold", "medi", "black", "heavy", "semibold", "demi")
_SPACES = frozenset(" \t\u00a0\u2002\u2003\u2009\u200b\r\n")


@dataclass(slots=True)  # not frozen: a frozen dataclass's __init__ costs several times more, per char
class Char:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float
    size: float
    bold: bool
    upright: bool
    space: bool  # a real or generated space: a word break
    newline: bool  # pdfium's generated line break


# --- characters ---------------------------------------------------------------------------


def _fast(fn, restype, *argtypes):
    """A pdfium function called with plain ints for handles and pointers: pypdfium2's typed
    bindings convert each argument, which costs more than the call itself when made per char."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(fn, ctypes.c_void_p).value)


_text_object = _fast(raw.FPDFText_GetTextObject, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
_loose_box = _fast(raw.FPDFText_GetLooseCharBox, ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)


class _FontCache:
    """Font size, boldness and direction per text object (keyed by `_text_object`): pdfium asks
    per char, the chars of one object share them."""

    def __init__(self, textpage: pdfium.PdfTextPage, settings: TextSettings):
        self.tp = textpage.raw
        self.settings = settings
        self.cache: dict[int, tuple[float, bool, int, float, float]] = {}  # + the origin's offset in the box
        self.buf = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()
        self.matrix = raw.FS_MATRIX()

    def read(self, i: int) -> tuple[float, bool, int]:
        size = raw.FPDFText_GetFontSize(self.tp, i)
        turn = 0
        if raw.FPDFText_GetMatrix(self.tp, i, ctypes.byref(self.matrix)):
            m = self.matrix
            size *= math.sqrt(abs(m.a * m.d - m.b * m.c)) or 1.0
            turn = _quarter_turns(m.a, m.b, self.settings.slant_tolerance_deg)
        weight = raw.FPDFText_GetFontWeight(self.tp, i)
        n = raw.FPDFText_GetFontInfo(self.tp, i, self.buf, len(self.buf), ctypes.byref(self.flags))
        name = self.buf.value.decode("latin-1").lower() if n > 0 else ""
        bold = (
            weight >= self.settings.bold_weight
            or any(b in name for b in _BOLD_NAMES)
            or bool(self.flags.value & (1 << 18))
        )
        return size, bold, turn


def _quarter_turns(a: float, b: float, tolerance: float) -> int:
    """0-3 for text set at 0, 90, 180 or 270 degrees; -1 for any other slant."""
    angle = math.degrees(math.atan2(b, a)) % 360
    k = round(angle / 90) % 4
    return k if abs(angle - 90 * round(angle / 90)) < tolerance else -1


def read_chars(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, settings: TextSettings
) -> tuple[list[Char], Frame]:
    """The page's characters in the frame where most of its text reads left to right."""
    frame = Frame(page)
    raw_chars = _raw_chars(textpage, frame, settings)
    turns = Counter(rc[4] for rc in raw_chars if not rc[5] and rc[4] >= 0)
    main, count = turns.most_common(1)[0] if turns else (0, 0)
    frame.turn = main if count > settings.turn_share * sum(turns.values()) else 0
    a, b, c, d, e, f = _affine(frame)  # user space -> the frame, as one map: it runs per char
    straight = b == 0 and c == 0 and a > 0 and d < 0  # an upright page: no min/max needed per char
    main_turn = frame.turn
    chars: list[Char] = []
    append = chars.append
    last_size = 0.0
    for text, size, bold, box, turn, generated in raw_chars:
        if text == "\n":
            if chars:
                append(_NEWLINE)
            continue
        if text in _SPACES:
            append(_SPACE)  # a word break: where it stands is never asked
            continue
        left, low, right, high, ox, oy = box
        if straight:
            x0, x1, top, bottom, baseline = a * left + e, a * right + e, d * high + f, d * low + f, d * oy + f
        else:
            xa, ya, xb, yb = (
                a * left + c * low + e,
                b * left + d * low + f,
                a * right + c * high + e,
                b * right + d * high + f,
            )
            x0, x1, top, bottom = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
            baseline = b * ox + d * oy + f
        if generated or size <= 0:
            size = last_size or (bottom - top) / settings.em_per_box_height
        last_size = size
        append(
            Char(
                text, x0, top, x1, bottom, baseline, size, bold, generated or turn == main_turn, False, False
            )
        )
    return chars, frame


def _affine(frame: Frame) -> tuple[float, float, float, float, float, float]:
    """Frame.point as x' = a*x + c*y + e, y' = b*x + d*y + f (it is affine: a rotation and a shift)."""
    (ex, fy), (px, py), (qx, qy) = frame.point(0.0, 0.0), frame.point(1.0, 0.0), frame.point(0.0, 1.0)
    return px - ex, py - fy, qx - ex, qy - fy, ex, fy


def _raw_chars(textpage: pdfium.PdfTextPage, frame: Frame, settings: TextSettings) -> list:
    """(text, size, bold, (user-space box and origin), display turn, generated) per char."""
    fonts = _FontCache(textpage, settings)
    tp = textpage.raw
    handle = ctypes.cast(tp, ctypes.c_void_p).value
    n = textpage.count_chars()
    texts = _page_text(tp, n)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect = raw.FS_RECTF()
    is_generated, get_origin, get_box = raw.FPDFText_IsGenerated, raw.FPDFText_GetCharOrigin, _loose_box
    ox_ref, oy_ref, rect_ref = ctypes.byref(ox), ctypes.byref(oy), ctypes.addressof(rect)
    quarter = frame.rotation // 90
    out = []
    for i in range(n):
        text = texts[i] if texts is not None else _char_text(raw.FPDFText_GetUnicode(tp, i))
        if text == "\r":
            continue
        if text == "\n" or text in _SPACES:  # breaks: read_chars needs no more of them
            out.append((text, 0.0, False, None, 0, True))
            continue
        generated = text == HYPHEN_MARK and bool(is_generated(tp, i))  # pdfium generates only breaks
        get_box(handle, i, rect_ref)
        left, bottom = rect.left, rect.bottom
        if generated:
            size, bold, turn = 0.0, False, 0
            get_origin(tp, i, ox_ref, oy_ref)
            x, y = ox.value, oy.value
        else:
            # a text object's chars share font, size and the origin's place in their box: ask once
            key = _text_object(handle, i) or -1 - i
            hit = fonts.cache.get(key)
            if hit is None:
                get_origin(tp, i, ox_ref, oy_ref)
                hit = fonts.cache[key] = (*fonts.read(i), ox.value - left, oy.value - bottom)
            size, bold, turn, dx, dy = hit
            x, y = left + dx, bottom + dy
        if turn >= 0:
            turn = (turn - quarter) % 4
        out.append((text, size, bold, (left, bottom, rect.right, rect.top, x, y), turn, generated))
    return out


def _page_text(tp, n: int) -> list[str] | None:
    """Every char's text in one call (one per char costs more than the rest of the page), or None
    when pdfium's text does not line up with its char indexes."""
    buf = ctypes.create_string_buffer(2 * (n + 1))
    got = raw.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    if got != n + 1:
        return None
    units = memoryview(buf.raw[: 2 * n]).cast("H")
    return [_char_text(2 if u == 0xFFFE else u) for u in units]


def _char_text(code: int) -> str:
    if code == 2:  # pdfium's code for a hyphen it judged to be a line-end break
        return HYPHEN_MARK
    return chr(code) if 0 < code < 0x110000 else "\ufffd"


# breaks between words and lines: group_lines only asks what they are
_SPACE = Char(" ", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, False, True, True, False)
_NEWLINE = Char("\n", 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, False, True, True, True)
