"""pdfium's text layer as words and lines, and a page's text (`PageText`), in top-left page
coordinates (points): the characters of chars.py, in stream order, grouped where the pen jumps,
the baseline changes or a gap is as wide as a column gutter.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pypdfium2 as pdfium

from extractor.readers.pdf.chars import Char, read_chars
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

    def __post_init__(self) -> None:
        words = self.words
        sizes: Counter[float] = Counter()
        for w in words:
            sizes[round(w.size, 1)] += len(w.text)
        setattr_ = object.__setattr__
        setattr_(self, "x0", min(w.x0 for w in words))
        setattr_(self, "x1", max(w.x1 for w in words))
        setattr_(self, "top", min(w.top for w in words))
        setattr_(self, "bottom", max(w.bottom for w in words))
        setattr_(self, "size", sizes.most_common(1)[0][0])

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def baseline(self) -> float:
        return self.words[0].baseline

    @property
    def bold(self) -> bool:
        if self.bold_ is None:
            letters = [w for w in self.words if any(c.isalnum() for c in w.text)]
            object.__setattr__(self, "bold_", bool(letters) and all(w.bold for w in letters))
        return self.bold_


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
    if not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


# --- words ---------------------------------------------------------------------------------


def _breaks_word(prev: Char, c: Char, settings: TextSettings) -> bool:
    """Two visible chars in stream order belong to different words when the pen jumped; a smaller
    glyph raised or lowered right after its base (a superscript) stays in the word."""
    size = max(prev.size, c.size)
    if c.x0 - prev.x1 > settings.word_gap_em * size or c.x1 < prev.x0 or c.upright != prev.upright:
        return True
    similar = min(prev.size, c.size) >= settings.word_same_size * size
    return similar and abs(c.baseline - prev.baseline) > settings.word_baseline_jump_em * size


_SUPERSCRIPTS = dict(zip("0123456789abcdefghijklmnoprstuvwxyz+-", "⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁺⁻"))


def _run_text(run: list[Char], main: Char, settings: TextSettings) -> str:
    """The run's text; a small raised digit or letter after a number ("57.9" + raised "1") is a
    footnote mark, written as its superscript form ("57.9¹") so that it never reads as a digit."""
    if all(c.size == main.size for c in run):
        return "".join(c.text for c in run)  # the common case: no superscript possible
    out: list[str] = []
    for c in run:
        raised = (
            c.size <= settings.superscript_size * main.size
            and main.baseline - c.baseline > settings.superscript_raise_em * main.size
        )
        if (
            raised
            and out
            and (out[-1][-1:].isdigit() or out[-1] in _SUPERSCRIPTS.values())
            and c.text in _SUPERSCRIPTS
        ):
            out.append(_SUPERSCRIPTS[c.text])
        else:
            out.append(c.text)
    return "".join(out)


def _flush(run: list[Char], words: list[Word], settings: TextSettings) -> None:
    """The chars of a run -> one word (one pass over them: this runs once per word of the document)."""
    if not run:
        return
    first = main = run[0]  # main: the base glyphs, not a superscript
    x0, top, x1, bottom = first.x0, first.top, first.x1, first.bottom
    letters = bold_letters = 0
    for c in run:
        if c.size > main.size:
            main = c
        if c.x0 < x0:
            x0 = c.x0
        if c.x1 > x1:
            x1 = c.x1
        if c.top < top:
            top = c.top
        if c.bottom > bottom:
            bottom = c.bottom
        if c.text.isalnum():
            letters += 1
            bold_letters += c.bold
    words.append(
        Word(
            text=_pair_surrogates(_run_text(run, main, settings)),
            x0=x0,
            top=top,
            x1=x1,
            bottom=bottom,
            baseline=main.baseline,
            size=main.size,
            bold=letters > 0 and bold_letters * 2 >= letters,
            upright=first.upright,
        )
    )
    run.clear()


# --- lines ---------------------------------------------------------------------------------


def group_lines(chars: list[Char], page: int, settings: TextSettings) -> list[Line]:
    """Stream-ordered words -> lines: a new line at pdfium's breaks, at a baseline change, or at a
    gap wider than the line gutter (two columns pdfium read as one line)."""
    lines: list[Line] = []
    current: list[Word] = []
    run: list[Char] = []
    for c in chars:
        if c.newline:
            _flush(run, current, settings)
            _end_line(current, lines, page)
            continue
        if c.space:
            _flush(run, current, settings)
            continue
        if run and _breaks_word(run[-1], c, settings):
            _flush(run, current, settings)
        if not run and current and _breaks_line(current[-1], c, settings):
            _end_line(current, lines, page)
        run.append(c)
    _flush(run, current, settings)
    _end_line(current, lines, page)
    return lines


def _breaks_line(prev: Word, c: Char, settings: TextSettings) -> bool:
    if prev.upright != c.upright:
        return True
    if (
        abs(c.baseline - prev.baseline) > settings.line_baseline_jump_em * max(prev.size, c.size)
        and c.size >= settings.line_same_size * prev.size
    ):
        return True
    return c.x0 < prev.x0 or c.x0 - prev.x1 > settings.line_gutter_em * max(prev.size, c.size)


def _end_line(words: list[Word], lines: list[Line], page: int) -> None:
    if words:
        lines.append(Line(tuple(words), page))
        words.clear()


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
