"""Words -> rows -> chunks -> columns: the grid shared by rule-bounded and whitespace tables, and the
table `Candidate` every finder makes.

A `Chunk` is the words of one cell in one row: words on a baseline with no wide gap between them.
Columns are the bands where chunks of the body rows overlap when projected on the x axis;
placement.py places the chunks in them as cells (a header chunk over several bands spans them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from extractor.model.document import TableEngine
from extractor.readers.pdf.chars import HYPHEN_MARK
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.words import Word
from extractor.vocab.scores import holds_values, is_numeric, is_value

__all__ = [
    "holds_values",
    "is_numeric",
    "is_value",
]  # table finding counts numbers with the package's one score-cell grammar

Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True, slots=True)
class Chunk:
    """Its extent, size and text are computed once: the finders ask for them many times over."""

    words: tuple[Word, ...]
    x0: float = field(init=False, repr=False, compare=False)
    top: float = field(init=False, repr=False, compare=False)
    x1: float = field(init=False, repr=False, compare=False)
    bottom: float = field(init=False, repr=False, compare=False)
    size: float = field(init=False, repr=False, compare=False)
    text: str = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        words, set_ = self.words, object.__setattr__
        if not words:  # no extent: asking for one fails, as min() of nothing does
            return
        set_(self, "x0", min(w.x0 for w in words))
        set_(self, "top", min(w.top for w in words))
        set_(self, "x1", max(w.x1 for w in words))
        set_(self, "bottom", max(w.bottom for w in words))
        set_(self, "size", max(w.size for w in words))
        set_(self, "text", " ".join(w.text for w in words).replace(HYPHEN_MARK, "-"))

    @property
    def baseline(self) -> float:
        return self.words[0].baseline

    @property
    def bold(self) -> bool:
        return all(w.bold for w in self.words if any(map(str.isalnum, w.text)))

    @property
    def numeric(self) -> bool:
        return is_numeric(self.text)


Row = list[Chunk]


@dataclass
class GridCell:
    row: int
    col: int
    text: str
    bbox: Box
    rowspan: int = 1
    colspan: int = 1
    bold: bool = False
    underline: bool = False


@dataclass
class Candidate:
    """A table found on a page, before captions are attached and it becomes a `Table`."""

    page: int
    bbox: Box
    cells: list[GridCell]
    n_rows: int
    n_cols: int
    engine: TableEngine
    confidence: float
    header_rows: int | None = None
    caption: str | None = None
    caption_box: Box | None = None
    notes: list[str] = field(default_factory=list)
    # (page, box, first row) of each later page the table is continued on (see continued.py)
    continued: list[tuple[int, Box, int]] = field(default_factory=list)


# --- rows and chunks ------------------------------------------------------------------------


def cluster_rows(words: Iterable[Word], tolerance_em: float) -> list[list[Word]]:
    """Words -> rows of words sharing a baseline, top to bottom, each row left to right."""
    rows: list[list[Word]] = []
    for w in sorted(words, key=lambda w: w.baseline):
        if rows and w.baseline - rows[-1][-1].baseline <= tolerance_em * w.size:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w.x0) for r in rows]


def split_chunks(row: Sequence[Word], gap_em: float, number_gap_em: float, cuts: Sequence[float] = ()) -> Row:
    """A row of words -> cells: a wide gap, a gap between two numbers, or a vertical rule splits."""
    chunks: Row = []
    run: list[Word] = []
    for w in row:
        if run and _splits(run[-1], w, gap_em, number_gap_em, cuts):
            chunks.append(Chunk(tuple(run)))
            run = []
        run.append(w)
    if run:
        chunks.append(Chunk(tuple(run)))
    return chunks


def _splits(a: Word, b: Word, gap_em: float, number_gap_em: float, cuts: Sequence[float]) -> bool:
    gap = b.x0 - a.x1
    size = max(a.size, b.size)
    if gap > gap_em * size or any(a.x1 - 1 <= x <= b.x0 + 1 for x in cuts):
        return True
    return gap > number_gap_em * size and is_numeric(a.text) and is_numeric(b.text)


# --- columns ---------------------------------------------------------------------------------


def column_bands(rows: Iterable[Row]) -> list[tuple[float, float]]:
    """The x intervals covered by the chunks of `rows`, overlapping ones merged: one per column."""
    spans = sorted((c.x0, c.x1) for r in rows for c in r)
    bands: list[tuple[float, float]] = []
    for x0, x1 in spans:
        if bands and x0 < bands[-1][1]:
            bands[-1] = (bands[-1][0], max(bands[-1][1], x1))
        else:
            bands.append((x0, x1))
    return bands


def body_bands(
    body: Sequence[Row], settings: TableFinderSettings, lone: Sequence[Row] = ()
) -> list[tuple[float, float]]:
    """The columns of a table's body rows. Rows holding scores set them when they are most of the
    body: a section title set in pieces ('Agentic Tool    Use') or wider than a column would add
    or merge columns; text wholly left of them, on rows of one cell (`lone`), adds its own."""
    scored = [r for r in body if any(holds_values(c.text) for c in r[1:])]
    if len(scored) < max(settings.min_score_rows, len(body) // 2):
        return column_bands(body)
    bands = column_bands(scored)
    # text left of every column of scores, on rows of its own, is a label column of its own
    # (a benchmark printed once beside its group of model rows)
    left = [c for r in lone for c in r if c.x1 < bands[0][0]]
    return column_bands([left]) + bands if left else bands


def bbox_of(boxes: Iterable[Box]) -> Box:
    boxes = list(boxes)
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def first_value_row(rows: Sequence[Row]) -> int | None:
    """Index of the first row holding a number in a cell other than its first."""
    for i, row in enumerate(rows):
        if len(row) >= 2 and any(c.numeric for c in row[1:]):
            return i
    return None
