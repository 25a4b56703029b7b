"""pdfium's text layer as characters, words and lines, in top-left page coordinates (points).

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

from extractor.pdf.frame import Frame, unturn_box

HYPHEN_MARK = "\ufffe"
_BOLD_NAMES = ("bold", "medi", "black", "heavy", "semibold", "demi")
_SPACES = frozenset(" \t\u00a0\u2002\u2003\u2009\u200b\r\n")


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    baseline: float
    size: float
    bold: bool
    upright: bool = True

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class Line:
    """Words on one baseline that pdfium read in one run, split where a gap is wider than a column gutter."""

    words: tuple[Word, ...]
    page: int

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

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
        """The size most of the line's letters are set in."""
        sizes: Counter[float] = Counter()
        for w in self.words:
            sizes[round(w.size, 1)] += len(w.text)
        return sizes.most_common(1)[0][0]

    @property
    def bold(self) -> bool:
        letters = [w for w in self.words if any(c.isalnum() for c in w.text)]
        return bool(letters) and all(w.bold for w in letters)


@dataclass(frozen=True, slots=True)
class PageText:
    """One page's text. Coordinates are those of the page as displayed, unless most of its text
    runs sideways (`turn` quarter turns): then of the page turned so that text reads across."""

    number: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]
    lines: tuple[Line, ...]
    turn: int = 0
    display_width: float = 0.0
    display_height: float = 0.0

    def to_display(self, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        return unturn_box(box, self.turn, self.display_width, self.display_height)


# --- characters ---------------------------------------------------------------------------


class _FontCache:
    """Font size, boldness and direction per text object: pdfium asks per char, objects share them."""

    def __init__(self, textpage: pdfium.PdfTextPage):
        self.tp = textpage.raw
        self.cache: dict[int, tuple[float, bool, int]] = {}
        self.buf = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()
        self.matrix = raw.FS_MATRIX()

    def get(self, i: int) -> tuple[float, bool, int]:
        obj = raw.FPDFText_GetTextObject(self.tp, i)
        key = ctypes.cast(obj, ctypes.c_void_p).value or -1 - i
        hit = self.cache.get(key)
        if hit is None:
            hit = self.cache[key] = self._read(i)
        return hit

    def _read(self, i: int) -> tuple[float, bool, int]:
        size = raw.FPDFText_GetFontSize(self.tp, i)
        turn = 0
        if raw.FPDFText_GetMatrix(self.tp, i, ctypes.byref(self.matrix)):
            m = self.matrix
            size *= math.sqrt(abs(m.a * m.d - m.b * m.c)) or 1.0
            turn = _quarter_turns(m.a, m.b)
        weight = raw.FPDFText_GetFontWeight(self.tp, i)
        n = raw.FPDFText_GetFontInfo(self.tp, i, self.buf, len(self.buf), ctypes.byref(self.flags))
        name = self.buf.value.decode("latin-1").lower() if n > 0 else ""
        bold = weight >= 600 or any(b in name for b in _BOLD_NAMES) or bool(self.flags.value & (1 << 18))
        return size, bold, turn


def _quarter_turns(a: float, b: float) -> int:
    """0-3 for text set at 0, 90, 180 or 270 degrees; -1 for any other slant."""
    angle = math.degrees(math.atan2(b, a)) % 360
    k = round(angle / 90) % 4
    return k if abs(angle - 90 * round(angle / 90)) < 5 else -1


def read_chars(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage) -> tuple[list[Char], Frame]:
    """The page's characters in the frame where most of its text reads left to right."""
    frame = Frame(page)
    raw_chars = _raw_chars(textpage, frame)
    turns = Counter(t for _, _, _, _, t, gen in raw_chars if not gen and t >= 0)
    main, count = turns.most_common(1)[0] if turns else (0, 0)
    frame.turn = main if count > 0.5 * sum(turns.values()) else 0
    chars: list[Char] = []
    for i, text, (size, bold), (box, origin), turn, generated in raw_chars:
        if text == "\n":
            if chars:
                chars.append(_newline(chars[-1]))
            continue
        x0, top, x1, bottom = frame.box(*box)
        _, baseline = frame.point(*origin)
        if generated or size <= 0:
            size = chars[-1].size if chars else (bottom - top) / 1.2
        upright = generated or turn == frame.turn
        chars.append(Char(text, x0, top, x1, bottom, baseline, size, bold, upright, text in _SPACES, False))
    return chars, frame


def _raw_chars(textpage: pdfium.PdfTextPage, frame: Frame) -> list:
    """(index, text, (size, bold), (user-space box, origin), display turn, generated) per char."""
    fonts = _FontCache(textpage)
    tp = textpage.raw
    ox, oy = ctypes.c_double(), ctypes.c_double()
    out = []
    for i in range(textpage.count_chars()):
        text = _char_text(raw.FPDFText_GetUnicode(tp, i))
        generated = bool(raw.FPDFText_IsGenerated(tp, i))
        if text == "\r":
            continue
        if text == "\n":
            out.append((i, text, (0.0, False), (None, None), 0, True))
            continue
        size, bold, turn = fonts.get(i) if not generated else (0.0, False, 0)
        if turn >= 0:
            turn = (turn - frame.rotation // 90) % 4
        raw.FPDFText_GetCharOrigin(tp, i, ctypes.byref(ox), ctypes.byref(oy))
        out.append((i, text, (size, bold), (textpage.get_charbox(i, loose=True), (ox.value, oy.value)), turn, generated))
    return out


def _char_text(code: int) -> str:
    if code == 2:  # pdfium's code for a hyphen it judged to be a line-end break
        return HYPHEN_MARK
    return chr(code) if 0 < code < 0x110000 else "\ufffd"


def _pair_surrogates(text: str) -> str:
    """pdfium gives characters beyond the BMP as two UTF-16 halves; join them, drop strays."""
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _newline(prev: Char) -> Char:
    return Char("\n", prev.x1, prev.top, prev.x1, prev.bottom, prev.baseline, prev.size, False, True, True, True)


# --- words ---------------------------------------------------------------------------------


def _breaks_word(prev: Char, c: Char) -> bool:
    """Two visible chars in stream order belong to different words when the pen jumped; a smaller
    glyph raised or lowered right after its base (a superscript) stays in the word."""
    size = max(prev.size, c.size)
    if c.x0 - prev.x1 > 0.25 * size or c.x1 < prev.x0 or c.upright != prev.upright:
        return True
    similar = min(prev.size, c.size) >= 0.9 * size
    return similar and abs(c.baseline - prev.baseline) > 0.5 * size


def _flush(run: list[Char], words: list[Word]) -> None:
    if not run:
        return
    main = max(run, key=lambda c: c.size)  # the base glyphs, not a superscript
    bold = sum(c.bold for c in run if c.text.isalnum()) * 2 >= max(1, sum(c.text.isalnum() for c in run))
    words.append(
        Word(
            text=_pair_surrogates("".join(c.text for c in run)),
            x0=min(c.x0 for c in run),
            top=min(c.top for c in run),
            x1=max(c.x1 for c in run),
            bottom=max(c.bottom for c in run),
            baseline=main.baseline,
            size=main.size,
            bold=bold and any(c.text.isalnum() for c in run),
            upright=run[0].upright,
        )
    )
    run.clear()


# --- lines ---------------------------------------------------------------------------------


def group_lines(chars: list[Char], page: int, gutter: float = 1.5) -> list[Line]:
    """Stream-ordered words -> lines: a new line at pdfium's breaks, at a baseline change, or at a
    gap wider than `gutter` times the font size (two columns pdfium read as one line)."""
    lines: list[Line] = []
    current: list[Word] = []
    run: list[Char] = []
    for c in chars:
        if c.newline:
            _flush(run, current)
            _end_line(current, lines, page)
            continue
        if c.space:
            _flush(run, current)
            continue
        if run and _breaks_word(run[-1], c):
            _flush(run, current)
        if not run and current and _breaks_line(current[-1], c, gutter):
            _end_line(current, lines, page)
        run.append(c)
    _flush(run, current)
    _end_line(current, lines, page)
    return lines


def _breaks_line(prev: Word, c: Char, gutter: float) -> bool:
    if prev.upright != c.upright:
        return True
    if abs(c.baseline - prev.baseline) > 0.6 * max(prev.size, c.size) and c.size >= 0.9 * prev.size:
        return True
    return c.x0 < prev.x0 or c.x0 - prev.x1 > gutter * max(prev.size, c.size)


def _end_line(words: list[Word], lines: list[Line], page: int) -> None:
    if words:
        lines.append(Line(tuple(words), page))
        words.clear()


def read_page(page: pdfium.PdfPage, number: int) -> PageText:
    textpage = page.get_textpage()
    try:
        chars, frame = read_chars(page, textpage)
    finally:
        textpage.close()
    lines = group_lines(chars, number)
    words = tuple(w for line in lines for w in line.words)
    width, height = (frame.height, frame.width) if frame.turn in (1, 3) else (frame.width, frame.height)
    return PageText(number, width, height, words, tuple(lines), frame.turn, frame.width, frame.height)
