"""pdfium's text layer as words and lines, and a page's text (`PageText`), in top-left page
coordinates (points): the characters of chars.py, in stream order, grouped where the pen jumps,
the baseline changes or a gap is as wide as a column gutter.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pypdfium2 as pdfium

from extractor.readers.pdf.chars import NEWLINE, NO_BREAK, Chars, read_chars
from extractor.readers.pdf.frame import unturn_box
from extractor.readers.pdf.text_settings import TextSettings


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
    confidence: float | None = None  # how sure OCR was of the word (0-1); None for a text layer's
    contested: bool = False  # OCR's readings of it disagreed on its digits: in doubt however sure

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class Line:
    """Words on one baseline that pdfium read in one run, split where a gap is wider than a column gutter.
    Its extent and size are computed once: the layout asks for them many times."""

    words: tuple[Word, ...]
    page: int
    x0: float = field(init=False, repr=False, compare=False)
    x1: float = field(init=False, repr=False, compare=False)
    top: float = field(init=False, repr=False, compare=False)
    bottom: float = field(init=False, repr=False, compare=False)
    size: float = field(init=False, repr=False, compare=False)  # the size most of its letters are set in
    prose: bool | None = field(
        default=None, init=False, repr=False, compare=False
    )  # layout.is_prose, once known
    bold_: bool | None = field(default=None, init=False, repr=False, compare=False)  # `bold`, once known
    text_: str | None = field(default=None, init=False, repr=False, compare=False)  # `text`, once known

    def __post_init__(self) -> None:
        words = self.words
        setattr_ = object.__setattr__
        setattr_(self, "x0", min(w.x0 for w in words))
        setattr_(self, "x1", max(w.x1 for w in words))
        setattr_(self, "top", min(w.top for w in words))
        setattr_(self, "bottom", max(w.bottom for w in words))
        setattr_(self, "size", _main_size(words))

    @classmethod
    def measured(
        cls, words: tuple[Word, ...], page: int, box: tuple[float, float, float, float], uniform: bool
    ) -> Line:
        """A line whose extent (x0, top, x1, bottom) is known, and whether its words share one size:
        group_lines has them as arrays for a whole page, and __post_init__ costs more per line."""
        line = object.__new__(cls)
        setattr_ = object.__setattr__
        x0, top, x1, bottom = box
        size = round(words[0].size, 1) if uniform else _main_size(words)
        for name, value in (
            ("words", words),
            ("page", page),
            ("x0", x0),
            ("x1", x1),
            ("top", top),
            ("bottom", bottom),
            ("size", size),
            ("prose", None),
            ("bold_", None),
            ("text_", None),
        ):
            setattr_(line, name, value)
        return line

    @property
    def text(self) -> str:
        if self.text_ is None:
            object.__setattr__(self, "text_", " ".join(w.text for w in self.words))
        return self.text_

    @property
    def baseline(self) -> float:
        return self.words[0].baseline

    @property
    def bold(self) -> bool:
        if self.bold_ is None:
            letters = [w for w in self.words if any(map(str.isalnum, w.text))]
            object.__setattr__(self, "bold_", bool(letters) and all(w.bold for w in letters))
        return self.bold_


def without_words(line: Line) -> Line:
    """The line as the steps after a page's tables are found see it: its extent, size, text and
    boldness, its words let go (a long document keeps every line until its last page is done).
    `prose` is kept as far as the layout computed it: is_prose cannot be asked of it afresh."""
    slim = object.__new__(Line)
    setattr_ = object.__setattr__
    for name in ("page", "x0", "x1", "top", "bottom", "size", "prose"):
        setattr_(slim, name, getattr(line, name))
    setattr_(slim, "words", ())
    setattr_(slim, "bold_", line.bold)
    setattr_(slim, "text_", line.text)
    return slim


def _main_size(words: Sequence[Word]) -> float:
    """The size most of the words' letters are set in (rounded to 0.1 pt; the first on a tie)."""
    sizes: Counter[float] = Counter()
    for w in words:
        sizes[round(w.size, 1)] += len(w.text)
    return sizes.most_common(1)[0][0]


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
    rows: set[int] | None = field(default=None, repr=False, compare=False)  # layout.lines_in_rows, once known

    def to_display(self, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        return unturn_box(box, self.turn, self.display_width, self.display_height)


def _pair_surrogates(text: str) -> str:
    """pdfium gives characters beyond the BMP as two UTF-16 halves; join them, drop strays."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


# --- words and lines --------------------------------------------------------------------


def group_lines(chars: Chars, page: int, settings: TextSettings) -> list[Line]:
    """Stream-ordered chars -> words -> lines. A word ends at a space or line break, or where the
    pen jumped; a line ends at pdfium's breaks, at a baseline change, or at a gap wider than the
    line gutter (two columns pdfium read as one line). The tests run on whole pages at once."""
    if not len(chars):
        return []
    starts = np.flatnonzero(_word_starts(chars, settings))
    words = _words(chars, starts)
    line_starts = np.flatnonzero(_line_starts(chars, starts, words, settings)).tolist()
    built = _built_words(chars, starts, words, settings)
    at = np.array(line_starts)
    size = chars.size[words.main]
    low, high = np.minimum.reduceat, np.maximum.reduceat
    extents = ((low, words.x0), (low, words.top), (high, words.x1), (high, words.bottom))
    boxes = zip(*(f(v, at).tolist() for f, v in extents), strict=True)
    uniform = (low(size, at) == high(size, at)).tolist()
    bounds = zip(line_starts, [*line_starts[1:], len(built)], boxes, uniform, strict=True)
    return [Line.measured(tuple(built[a:b]), page, box, same) for a, b, box, same in bounds]


def _word_starts(ch: Chars, settings: TextSettings) -> np.ndarray:
    """Chars that begin a word: after a break, or where the pen jumped from the char before; a
    smaller glyph raised or lowered right after its base (a superscript) stays in the word."""
    size = np.maximum(ch.size[:-1], ch.size[1:])
    jumped = (
        (ch.x0[1:] - ch.x1[:-1] > settings.word_gap_em * size)
        | (ch.x1[1:] < ch.x0[:-1])
        | (ch.upright[1:] != ch.upright[:-1])
    )
    similar = np.minimum(ch.size[:-1], ch.size[1:]) >= settings.word_same_size * size
    jumped |= similar & (np.abs(ch.baseline[1:] - ch.baseline[:-1]) > settings.word_baseline_jump_em * size)
    return np.concatenate(([True], (ch.gap[1:] != NO_BREAK) | jumped))


@dataclass(slots=True)
class _WordArrays:
    """Per word: extent, its main char (the first of its largest size: the base glyphs, not a
    superscript), whether all its chars share that size, and its boldness."""

    x0: np.ndarray
    top: np.ndarray
    x1: np.ndarray
    bottom: np.ndarray
    main: np.ndarray
    uniform: np.ndarray
    bold: np.ndarray


def _words(ch: Chars, starts: np.ndarray) -> _WordArrays:
    count = np.diff(np.append(starts, len(ch)))
    largest = np.maximum.reduceat(ch.size, starts)
    index = np.arange(len(ch))
    main = np.minimum.reduceat(np.where(ch.size == np.repeat(largest, count), index, len(ch)), starts)
    letters = np.fromiter(map(str.isalnum, ch.text), dtype=bool, count=len(ch.text))
    n_letters = np.add.reduceat(letters.astype(np.int64), starts)
    n_bold = np.add.reduceat((letters & ch.bold).astype(np.int64), starts)
    return _WordArrays(
        np.minimum.reduceat(ch.x0, starts),
        np.minimum.reduceat(ch.top, starts),
        np.maximum.reduceat(ch.x1, starts),
        np.maximum.reduceat(ch.bottom, starts),
        main,
        np.minimum.reduceat(ch.size, starts) == largest,
        (n_letters > 0) & (n_bold * 2 >= n_letters),
    )


def _line_starts(ch: Chars, starts: np.ndarray, w: _WordArrays, settings: TextSettings) -> np.ndarray:
    """Words that begin a line: after pdfium's line break, or a break from the word before it."""
    first, prev = starts[1:], w.main[:-1]  # each later word's first char; the word before's main char
    prev_size = ch.size[prev]
    size = np.maximum(prev_size, ch.size[first])
    breaks = (
        (ch.gap[first] == NEWLINE)
        | (ch.upright[starts[:-1]] != ch.upright[first])
        | (
            (np.abs(ch.baseline[first] - ch.baseline[prev]) > settings.line_baseline_jump_em * size)
            & (ch.size[first] >= settings.line_same_size * prev_size)
        )
        | (ch.x0[first] < w.x0[:-1])
        | (ch.x0[first] - w.x1[:-1] > settings.line_gutter_em * size)
    )
    return np.concatenate(([True], breaks))


def _built_words(ch: Chars, starts: np.ndarray, w: _WordArrays, settings: TextSettings) -> list[Word]:
    text, ends = ch.text, [*starts[1:].tolist(), len(ch)]
    surrogates = _SURROGATE.search(text) is not None
    sizes, baselines, uprights = ch.size.tolist(), ch.baseline.tolist(), ch.upright.tolist()
    out = []
    for a, b, main, uniform, x0, top, x1, bottom, bold in zip(
        starts.tolist(),
        ends,
        w.main.tolist(),
        w.uniform.tolist(),
        w.x0.tolist(),
        w.top.tolist(),
        w.x1.tolist(),
        w.bottom.tolist(),
        w.bold.tolist(),
        strict=True,
    ):
        word = text[a:b] if uniform else _raised_text(text, sizes, baselines, a, b, main, settings)
        if surrogates:
            word = _pair_surrogates(word)
        out.append(Word(word, x0, top, x1, bottom, baselines[main], sizes[main], bold, uprights[a]))
    return out


_SUPERSCRIPTS = dict(zip("0123456789abcdefghijklmnoprstuvwxyz+-", "⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁺⁻"))
_SURROGATE = re.compile("[\ud800-\udfff]")


def _raised_text(
    text: str, sizes: list[float], baselines: list[float], a: int, b: int, main: int, settings: TextSettings
) -> str:
    """The word's text; a small raised digit or letter after a number ("57.9" + raised "1") is a
    footnote mark, written as its superscript form ("57.9¹") so that it never reads as a digit."""
    out: list[str] = []
    main_size, main_baseline = sizes[main], baselines[main]
    for k in range(a, b):
        c = text[k]
        raised = (
            sizes[k] <= settings.superscript_size * main_size
            and main_baseline - baselines[k] > settings.superscript_raise_em * main_size
        )
        if (
            raised
            and out
            and (out[-1][-1:].isdigit() or out[-1] in _SUPERSCRIPTS.values())
            and c in _SUPERSCRIPTS
        ):
            out.append(_SUPERSCRIPTS[c])
        else:
            out.append(c)
    return "".join(out)


def read_page(page: pdfium.PdfPage, number: int, settings: TextSettings | None = None) -> PageText:
    settings = settings or TextSettings()
    textpage = page.get_textpage()
    try:
        chars, frame = read_chars(page, textpage, settings)
    finally:
        textpage.close()
    lines = group_lines(chars, number, settings)
    words = tuple(w for line in lines for w in line.words)
    width, height = (frame.height, frame.width) if frame.turn in (1, 3) else (frame.width, frame.height)
    return PageText(number, width, height, words, tuple(lines), frame.turn, frame.width, frame.height)
