"""pdfium's characters of a page, in the frame where most of its text reads left to right: boxes,
baselines, sizes, boldness and direction, as arrays (one entry per char: a page has thousands,
and a Python object per char cost more than pdfium's own work).

pdfium gives one entry per character in content-stream order, plus generated spaces and
`\\r\\n` pairs where it sees a word or line break, and U+FFFE for a line-end hyphen. We keep
that order: it is the author's reading order in almost every generated PDF.
"""

from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as raw

from extractor.readers.pdf.bulk import PdfiumChars
from extractor.readers.pdf.frame import Frame
from extractor.readers.pdf.text_settings import TextSettings

HYPHEN_MARK = "\ufffe"
_BOLD_NAMES = ("bold", "medi", "black", "heavy", "semibold", "demi")
_SPACE_CODES = np.array([ord(c) for c in " \t\u00a0\u2002\u2003\u2009\u200b"], dtype=np.uint32)
_HYPHEN, _NEWLINE, _RETURN = 0xFFFE, 0x0A, 0x0D
NO_BREAK, SPACE, NEWLINE = 0, 1, 2  # what stood before a char in the stream


@dataclass(slots=True)
class Chars:
    """A page's visible chars in stream order: `text` holds one character per char (UTF-16
    halves unpaired), the arrays one entry per char; `gap` says whether a space or a line break
    came before it (the first char's is NEWLINE)."""

    text: str
    x0: np.ndarray
    top: np.ndarray
    x1: np.ndarray
    bottom: np.ndarray
    baseline: np.ndarray
    size: np.ndarray
    bold: np.ndarray
    upright: np.ndarray
    gap: np.ndarray

    def __len__(self) -> int:
        return len(self.text)


def read_chars(
    page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, settings: TextSettings, native: bool = True
) -> tuple[Chars, Frame]:
    """The page's characters in the frame where most of its text reads left to right."""
    frame = Frame(page)
    tp = textpage.raw
    codes = _codes(tp, textpage.count_chars())
    newline = codes == _NEWLINE
    space = np.isin(codes, _SPACE_CODES)
    visible = np.flatnonzero(~(newline | space | (codes == _RETURN)))
    gap = _gaps(visible, newline, space)
    generated = np.zeros(len(visible), dtype=bool)
    for k in np.flatnonzero(codes[visible] == _HYPHEN).tolist():  # pdfium generates only breaks
        generated[k] = bool(raw.FPDFText_IsGenerated(tp, int(visible[k])))
    pdfium_chars = PdfiumChars(tp, len(codes), visible, native)
    box = pdfium_chars.box[visible]
    left, low, right, high = box[:, 0], box[:, 1], box[:, 2], box[:, 3]
    size, bold, turn, ox, oy = _fonts(pdfium_chars, tp, visible, generated, left, low, settings)
    turn = np.where(turn >= 0, (turn - frame.rotation // 90) % 4, turn)
    frame.turn = _main_turn(turn[~generated], settings)
    a, b, c, d, e, f = _affine(frame)  # user space -> the frame, as one map
    if b == 0 and c == 0 and a > 0 and d < 0:  # an upright page: no min/max needed
        x0, x1, top, bottom, baseline = a * left + e, a * right + e, d * high + f, d * low + f, d * oy + f
    else:
        xa, ya = a * left + c * low + e, b * left + d * low + f
        xb, yb = a * right + c * high + e, b * right + d * high + f
        x0, x1, top, bottom = np.minimum(xa, xb), np.maximum(xa, xb), np.minimum(ya, yb), np.maximum(ya, yb)
        baseline = b * ox + d * oy + f
    _fill_sizes(size, generated | (size <= 0), bottom - top, settings)
    text = codes[visible].astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")
    upright = generated | (turn == frame.turn)
    return Chars(text, x0, top, x1, bottom, baseline, size, bold, upright, gap), frame


def _codes(tp, n: int) -> np.ndarray:
    """Every char's UTF-16 unit in one call (one per char costs more than the rest of the page),
    or one by one when pdfium's text does not line up with its char indexes; 2 (pdfium's code for
    a hyphen it judged a line-end break) as U+FFFE, nothing as U+FFFD."""
    buf = ctypes.create_string_buffer(2 * (n + 1))
    got = raw.FPDFText_GetText(tp, 0, n, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    if got == n + 1:
        codes = np.frombuffer(buf.raw[: 2 * n], dtype="<u2").astype(np.uint32)
    else:
        codes = np.array([raw.FPDFText_GetUnicode(tp, i) for i in range(n)], dtype=np.uint32)
    codes[codes == 2] = _HYPHEN
    codes[(codes == 0) | (codes >= 0x110000)] = 0xFFFD
    return codes


def _gaps(visible: np.ndarray, newline: np.ndarray, space: np.ndarray) -> np.ndarray:
    """Per visible char, the strongest break between it and the visible char before it."""
    lines = np.concatenate(([0], np.cumsum(newline)))  # newlines before each stream index
    spaces = np.concatenate(([0], np.cumsum(space)))
    after_previous = np.concatenate(([0], visible[:-1] + 1))
    gap = np.where(spaces[visible] > spaces[after_previous], SPACE, NO_BREAK)
    gap = np.where(lines[visible] > lines[after_previous], NEWLINE, gap).astype(np.int8)
    if len(gap):
        gap[0] = NEWLINE
    return gap


def _fonts(
    pdfium_chars: PdfiumChars,
    tp,
    visible: np.ndarray,
    generated: np.ndarray,
    left: np.ndarray,
    low: np.ndarray,
    settings: TextSettings,
) -> tuple[np.ndarray, ...]:
    """Size, boldness, turn and origin per char. A text object's chars share font, size and
    the origin's place in their box: they are read at its first char; a char with no object,
    its own; a generated hyphen has none of them but its origin."""
    m = len(visible)
    objects = pdfium_chars.object[visible]
    own = generated | (objects == 0)
    shared = np.flatnonzero(~own)
    keys, first, inverse = np.unique(objects[shared], return_index=True, return_inverse=True)
    asked = np.concatenate((shared[first], np.flatnonzero(own))).astype(np.intp)
    at = np.empty(m, dtype=np.intp)  # each char's row in `facts`
    at[shared] = inverse
    at[own] = np.arange(len(keys), len(asked))
    facts = pdfium_chars.facts(visible[asked])
    size, turn = _sizes_and_turns(facts.size, facts.matrix, settings)
    bold = _boldness(tp, visible[asked], facts.font, settings)
    dx, dy = facts.origin[:, 0] - left[asked], facts.origin[:, 1] - low[asked]
    size, bold, turn, dx, dy = size[at], bold[at], turn[at], dx[at], dy[at]
    ox, oy = left + dx, low + dy
    gen = np.flatnonzero(generated)
    if len(gen):
        size[gen], bold[gen], turn[gen] = 0.0, False, 0
        ox[gen], oy[gen] = facts.origin[at[gen], 0], facts.origin[at[gen], 1]
    return size, bold, turn, ox, oy


def _sizes_and_turns(size: np.ndarray, matrix: np.ndarray, settings: TextSettings):
    """Font size scaled by the char matrix, and the matrix's quarter turns (-1: slanted)."""
    a, b, c, d, given = matrix[:, 0], matrix[:, 1], matrix[:, 2], matrix[:, 3], matrix[:, 4] > 0
    scale = np.sqrt(np.abs(a * d - b * c))
    scale[scale == 0] = 1.0
    size = np.where(given, size * scale, size)
    turns: dict[tuple[float, float], int] = {}
    turn = np.zeros(len(size), dtype=np.int64)
    for k in np.flatnonzero(given).tolist():
        key = (float(a[k]), float(b[k]))
        if key not in turns:
            turns[key] = _quarter_turns(*key, settings.slant_tolerance_deg)
        turn[k] = turns[key]
    return size, turn


def _boldness(tp, indexes: np.ndarray, fonts: np.ndarray, settings: TextSettings) -> np.ndarray:
    """Per asked char, whether its font is bold: read once per font (per char without one)."""
    buf, flags = ctypes.create_string_buffer(256), ctypes.c_int()
    known: dict[int, bool] = {}
    out = np.zeros(len(indexes), dtype=bool)
    for k, (i, font) in enumerate(zip(indexes.tolist(), fonts.tolist(), strict=True)):
        if font and font in known:
            out[k] = known[font]
            continue
        weight = raw.FPDFText_GetFontWeight(tp, i)
        flags.value = 0  # a char without a font gets none: not the last font's flags
        n = raw.FPDFText_GetFontInfo(tp, i, buf, len(buf), ctypes.byref(flags))
        name = buf.value.decode("latin-1").lower() if n > 0 else ""
        out[k] = (
            weight >= settings.bold_weight
            or any(b in name for b in _BOLD_NAMES)
            or bool(flags.value & (1 << 18))
        )
        if font:
            known[font] = bool(out[k])
    return out


def _quarter_turns(a: float, b: float, tolerance: float) -> int:
    """0-3 for text set at 0, 90, 180 or 270 degrees; -1 for any other slant."""
    angle = math.degrees(math.atan2(b, a)) % 360
    k = round(angle / 90) % 4
    return k if abs(angle - 90 * round(angle / 90)) < tolerance else -1


def _main_turn(turn: np.ndarray, settings: TextSettings) -> int:
    """The turn most chars read in (the first seen on a tie), if more than `turn_share` of them."""
    set_at = turn[turn >= 0]
    if not len(set_at):
        return 0
    counts = np.bincount(set_at, minlength=4)
    tied = np.flatnonzero(counts == counts.max())
    main = min(tied.tolist(), key=lambda t: int(np.argmax(set_at == t)))
    return main if counts[main] > settings.turn_share * len(set_at) else 0


def _fill_sizes(size: np.ndarray, missing: np.ndarray, height: np.ndarray, settings: TextSettings) -> None:
    """A char without a size takes the one before it, or its box height over em_per_box_height."""
    for k in np.flatnonzero(missing).tolist():
        size[k] = (size[k - 1] if k else 0.0) or height[k] / settings.em_per_box_height


def _affine(frame: Frame) -> tuple[float, float, float, float, float, float]:
    """Frame.point as x' = a*x + c*y + e, y' = b*x + d*y + f (it is affine: a rotation and a shift)."""
    (ex, fy), (px, py), (qx, qy) = frame.point(0.0, 0.0), frame.point(1.0, 0.0), frame.point(0.0, 1.0)
    return px - ex, py - fy, qx - ex, qy - fy, ex, fy
