"""The one way the tests draw PDFs: reportlab pages in memory, addressed in top-left coordinates (y
grows down, as pdfplumber reports positions), byte-identical on every run (`invariant=1`), so a test
knows exactly what a reader sees and where.

    pdf(*pages, turned=, rotate=, encrypt=, size=)  one page per function, each called with a Page
    Page.text / centred / right / lines              strings at a baseline; lines: a paragraph
    Page.rule / vrule / box / image                  rules, a filled box, a picture
    Page.cell / row / rows                           cells, rows and grids of a table at given columns
    Case + draw_case(page, case, top)                a titled page with one booktabs or ruled table,
                                                     spans, row groups and a caption under it
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from io import BytesIO

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

W, H = 612.0, 792.0  # US letter, portrait
ROMAN, BOLD, ITALIC = "Times-Roman", "Times-Bold", "Times-Italic"


def width(s: str, font: str = ROMAN, size: float = 9) -> float:
    return stringWidth(s, font, size)


class Page:
    """A canvas addressed top-left: `baseline`, `y`, `top` and `bottom` are distances from the top
    edge of the page as drawn (a turned page's is its long edge)."""

    def __init__(self, c: canvas.Canvas, height: float = H):
        self.c, self.h = c, height

    # --- text ----------------------------------------------------------------------------------

    def text(self, x: float, baseline: float, s: str, font: str = ROMAN, size: float = 9) -> float:
        """`s` starting at `x`; returns where it ends."""
        self.c.setFont(font, size)
        self.c.drawString(x, self.h - baseline, s)
        return x + stringWidth(s, font, size)

    def centred(self, cx: float, baseline: float, s: str, font: str = ROMAN, size: float = 9) -> float:
        """`s` centred on `cx`; returns where it ends."""
        return self.text(cx - stringWidth(s, font, size) / 2, baseline, s, font, size)

    def right(self, x1: float, baseline: float, s: str, font: str = ROMAN, size: float = 9) -> None:
        """`s` ending at `x1`."""
        self.c.setFont(font, size)
        self.c.drawRightString(x1, self.h - baseline, s)

    def lines(
        self,
        x: float,
        baseline: float,
        lines: Sequence[str],
        size: float = 10,
        leading: float = 12,
        font: str = ROMAN,
    ) -> float:
        """Pre-broken lines, one under the other; returns the baseline after the last."""
        for s in lines:
            self.text(x, baseline, s, font, size)
            baseline += leading
        return baseline

    # --- rules and pictures --------------------------------------------------------------------

    def rule(self, x0: float, y: float, x1: float, width: float = 0.5) -> None:
        self.c.setLineWidth(width)
        self.c.line(x0, self.h - y, x1, self.h - y)

    def vrule(self, x: float, top: float, bottom: float, width: float = 0.5) -> None:
        self.c.setLineWidth(width)
        self.c.line(x, self.h - top, x, self.h - bottom)

    def box(self, x0: float, top: float, x1: float, bottom: float, fill: bool = True) -> None:
        self.c.rect(x0, self.h - bottom, x1 - x0, bottom - top, fill=int(fill))

    def image(self, picture, x: float, top: float, width: float, height: float) -> None:
        """A PIL image scaled to `width` x `height`, its top-left corner at (`x`, `top`)."""
        from reportlab.lib.utils import ImageReader

        self.c.drawImage(ImageReader(picture), x, self.h - (top + height), width=width, height=height)

    # --- tables --------------------------------------------------------------------------------

    def cell(
        self,
        x0: float,
        x1: float,
        baseline: float,
        s: str,
        bold: bool = False,
        underline: bool = False,
        size: float = 9,
    ) -> None:
        """`s` centred between `x0` and `x1`, bold or underlined as a best score is."""
        font = BOLD if bold else ROMAN
        w = stringWidth(s, font, size)
        x = (x0 + x1) / 2 - w / 2
        self.text(x, baseline, s, font, size)
        if underline:
            self.c.setLineWidth(0.4)
            self.c.line(x, self.h - baseline - 1.5, x + w, self.h - baseline - 1.5)

    def row(
        self,
        baseline: float,
        cells: Sequence[str],
        xs: Sequence[float],
        bold: Collection[int] = (),
        size: float = 9,
    ) -> None:
        """One table row between column edges `xs`: the first cell left-aligned 4pt inside its column,
        the others centred in theirs; '' draws nothing; the cells at the `bold` columns in bold."""
        for j, s in enumerate(cells):
            font = BOLD if j in bold else ROMAN
            if s and j == 0:
                self.text(xs[0] + 4, baseline, s, font, size)
            elif s:
                self.centred((xs[j] + xs[j + 1]) / 2, baseline, s, font, size)

    def rows(
        self,
        baseline: float,
        grid: Sequence[Sequence[str]],
        xs: Sequence[float],
        pitch: float,
        bold: Collection[tuple[int, int]] = (),
    ) -> float:
        """The rows of `grid` (see `row`) `pitch` apart, the first at `baseline`, the (row, col) cells of
        `bold` in bold; returns the baseline a next row would take."""
        for i, cells in enumerate(grid):
            self.row(baseline + pitch * i, cells, xs, bold=[j for (r, j) in bold if r == i])
        return baseline + pitch * len(grid)


def pdf(
    *pages: Callable[[Page], None],
    turned: bool = False,
    rotate: int = 0,
    encrypt=None,
    size: tuple[float, float] = (W, H),
) -> bytes:
    """A PDF of one page per function. `turned`: drawn as a landscape page laid on its side (text
    running up the portrait page, `Page` addressing the landscape page); `rotate`: the pages' /Rotate,
    shown turned by a viewer; `encrypt`: a reportlab StandardEncryption."""
    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=size, invariant=1, encrypt=encrypt)
    for draw in pages:
        if rotate:
            c.setPageRotation(rotate)
        if turned:
            c.translate(size[0], 0)
            c.rotate(90)
        draw(Page(c, size[0] if turned else size[1]))
        c.showPage()
    c.save()
    return buf.getvalue()


# --- a page with one table, as technical reports set their comparison tables ---------------------

ROW = 14.0  # row pitch of a Case's table
GROUP_GAP = 6.0  # extra space around a rule between row groups
TOP = 150.0  # where a Case's table starts unless told


@dataclass
class Span:
    """Text printed once over several cells: columns `col`..`col_end` of one header row, or rows
    `row`..`row_end` of one body column."""

    text: str
    row: int
    col: int
    row_end: int | None = None
    col_end: int | None = None


@dataclass
class Case:
    """A page's title and line of text, then one table: booktabs (top, mid and bottom rules; thin
    rules between row groups) or a ruled grid, with its caption under it. Texts spanning cells are
    printed once, centred on their cells, as reports print them, so the blank cells they leave are
    part of the case."""

    title: str
    caption: str
    cols: list[float]  # x of each column's left edge, then the right edge of the table
    header: list[list[str]]  # header rows; '' where a Span prints
    body: list[list[str]]  # body rows; '' where a Span prints or nothing is
    header_spans: list[Span] = field(default_factory=list)
    body_spans: list[Span] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)  # body rows that open a new group (a thin rule above)
    bold: set[tuple[int, int]] = field(default_factory=set)  # (body row, col) drawn bold
    underline: set[tuple[int, int]] = field(default_factory=set)
    ruled: bool = False  # a full grid instead of booktabs
    text: str = "We compare the models on public benchmarks with the same prompts."


def case_bottom(case: Case, top: float = TOP) -> float:
    """How far down the page draw_case gets under the case's last body row: its bottom rule is 2pt
    lower, its caption's baseline 18pt lower."""
    return top + ROW * (len(case.header) + len(case.body)) + 4 + GROUP_GAP * len(case.groups)


def draw_case(page: Page, case: Case, top: float = TOP) -> None:
    page.text(72, 90, case.title, BOLD, 15)
    page.text(72, 115, case.text, ROMAN, 10)
    cols = case.cols
    x0, x1 = cols[0], cols[-1]
    page.rule(x0, top, x1, 1.0)
    y = top
    header_base = []
    for row in case.header:
        header_base.append(y + 10)
        for j, s in enumerate(row):
            if s:
                page.cell(cols[j], cols[j + 1], y + 10, s)
        y += ROW
    for span in case.header_spans:
        page.cell(cols[span.col], cols[(span.col_end or span.col) + 1], header_base[span.row], span.text)
    page.rule(x0, y + 2, x1, 0.6)
    y += 4
    row_lines: list[tuple[float, float]] = []
    for i, row in enumerate(case.body):
        if i in case.groups:
            y += GROUP_GAP / 2
            page.rule(x0, y, x1, 0.3)
            y += GROUP_GAP / 2
        row_lines.append((y, y + 10))
        for j, s in enumerate(row):
            if s:
                page.cell(cols[j], cols[j + 1], y + 10, s, (i, j) in case.bold, (i, j) in case.underline)
        y += ROW
    for span in case.body_spans:
        first = row_lines[span.row][1]
        last = row_lines[span.row_end if span.row_end is not None else span.row][1]
        page.cell(cols[span.col], cols[span.col + 1], (first + last) / 2, span.text)
    page.rule(x0, y + 2, x1, 1.0)
    if case.ruled:
        for x in cols:
            page.vrule(x, top, y + 2)
        for first, _ in row_lines:
            page.rule(x0, first - 2, x1, 0.5)
    page.text(x0, y + 18, case.caption, ROMAN, 9)
