"""Pure scoring functions for the table benchmarks (no I/O on PDFs, no extractor imports).

Two measures:

- **Cell accuracy** (camelot's expected grids). The expected grid is laid over the extracted
  grid at the offset (rows, columns) that matches most cells; the accuracy is the share of the
  expected grid's slots (empty ones included) whose text equals the extracted slot under it.
  Texts are compared by `cell_key` (Unicode NFKC, typographic dashes and quotes made ASCII,
  all whitespace removed: camelot's in-cell line breaks and our spaces are the same thing);
  a word hyphenated across a line break (`Gov-\\nernment`) also equals its joined form. A
  spanning cell may be written once (at its top-left slot, the other slots empty) or repeated
  over every slot it covers: both are accepted (`alt` is the grid with spans written once).
  Extracted rows or columns beyond the expected grid cost nothing; missing ones do.
- **Adjacency relations** (ICDAR 2013, Göbel et al., "A methodology for evaluating algorithms
  for table understanding in PDF documents", DocEng 2012). Every non-blank cell is related to
  its nearest non-blank neighbour to the right in each row it spans and below in each column it
  spans (blank cells in between are skipped); a relation is (direction, text, neighbour's text)
  with texts compared by `relation_key` (`cell_key`, lower case, characters other than letters
  and digits as `_`, as the competition's comparison tolerates encoding differences). Precision
  and recall compare the multisets of relations.
"""

from __future__ import annotations

import re
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Grid = Sequence[Sequence[str]]

_ASCII = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": "",
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u200b": "",
    }
)
_HYPHEN_BREAK = re.compile(r"(?<=\w)-\s+(?=\w)")
_SPACE = re.compile(r"\s+")
_LEADER = re.compile(r"(?:\s*[.\u2026]){2,}")  # dot leaders (". . . ."), however many dots
_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def cell_key(text: str | None) -> str:
    """The text as compared: NFKC, ASCII dashes and quotes, dot leaders and all whitespace removed.

    Right-to-left text (Hebrew, Arabic) is compared as its sorted characters: one tool gives it in
    visual order, another in logical order.
    """
    if not text:
        return ""
    key = _SPACE.sub("", _LEADER.sub("", unicodedata.normalize("NFKC", text).translate(_ASCII)))
    return "".join(sorted(key)) if _RTL.search(key) else key


def joined_key(text: str | None) -> str:
    """`cell_key` after joining words hyphenated across a line break (`Gov-\\nernment` -> `Government`)."""
    if not text:
        return ""
    return cell_key(_HYPHEN_BREAK.sub("", unicodedata.normalize("NFKC", text).translate(_ASCII)))


_SPECIAL = re.compile(r"[^\w]|_", re.UNICODE)


def relation_key(text: str | None) -> str:
    """Cell text as the adjacency relations compare it: `cell_key`, lower case, and every character
    other than a letter or digit as `_` (so encodings of quotes, dashes, bullets or symbols do not count)."""
    return _SPECIAL.sub("_", cell_key(text).casefold())


def texts_equal(a: str | None, b: str | None) -> bool:
    return cell_key(a) == cell_key(b) or joined_key(a) == joined_key(b)


# --------------------------------------------------------------------------- cell accuracy


@dataclass(frozen=True)
class Alignment:
    accuracy: float  # matched / total
    matched: int
    total: int  # slots of the expected grid
    row_offset: int  # expected row i lies on extracted row i + row_offset
    col_offset: int


def _keys(grid: Grid | None) -> list[list[tuple[str, str]]] | None:
    if grid is None:
        return None
    return [[(cell_key(t), joined_key(t)) for t in row] for row in grid]


def _at(keys: list[list[tuple[str, str]]] | None, i: int, j: int) -> tuple[str, str] | None:
    if keys is None:
        return None
    if 0 <= i < len(keys) and 0 <= j < len(keys[i]):
        return keys[i][j]
    return ("", "")


def _eq(a: tuple[str, str], b: tuple[str, str] | None) -> bool:
    return b is not None and (a[0] == b[0] or a[1] == b[1])


def align(expected: Grid, got: Grid, alt: Grid | None = None, max_offsets: int = 12) -> Alignment:
    """Best placement of `expected` over `got` (see the module doc); offsets come from cells whose
    texts agree."""
    exp = _keys(expected) or []
    g, a = _keys(got) or [], _keys(alt)
    total = sum(len(r) for r in exp)
    if total == 0:
        return Alignment(1.0, 0, 0, 0, 0)
    where: dict[str, list[tuple[int, int]]] = {}
    for keys in (g, a or []):
        for i, row in enumerate(keys):
            for j, (k1, k2) in enumerate(row):
                if k1:
                    where.setdefault(k1, []).append((i, j))
                if k2 and k2 != k1:
                    where.setdefault(k2, []).append((i, j))
    votes: Counter[tuple[int, int]] = Counter()
    for i, row in enumerate(exp):
        for j, (k1, k2) in enumerate(row):
            if not k1:
                continue
            seen = set()
            for k in {k1, k2}:
                for gi, gj in where.get(k, ()):
                    seen.add((gi - i, gj - j))
            votes.update(seen)
    offsets = [o for o, _ in votes.most_common(max_offsets)]
    if (0, 0) not in offsets:
        offsets.append((0, 0))
    best = Alignment(-1.0, 0, total, 0, 0)
    for dr, dc in offsets:
        matched = 0
        for i, row in enumerate(exp):
            for j, k in enumerate(row):
                if _eq(k, _at(g, i + dr, j + dc)) or _eq(k, _at(a, i + dr, j + dc)):
                    matched += 1
        acc = matched / total
        nearer = abs(dr) + abs(dc) < abs(best.row_offset) + abs(best.col_offset)
        if acc > best.accuracy or (acc == best.accuracy and nearer):
            best = Alignment(acc, matched, total, dr, dc)
    return best


def spans_written_once(n_rows: int, n_cols: int, cells: Iterable[tuple[int, int, str]]) -> list[list[str]]:
    """A grid with each drawn cell's text at its top-left slot only, from (row, col, text) of its cells."""
    grid = [[""] * n_cols for _ in range(n_rows)]
    for r, c, text in cells:
        if 0 <= r < n_rows and 0 <= c < n_cols:
            grid[r][c] = text
    return grid


def greedy_assign(scores: dict[tuple[str, str], float]) -> dict[str, tuple[str, float]]:
    """One-to-one pairs of (expected, extracted) by falling score: each extracted table serves one
    expected table."""
    out: dict[str, tuple[str, float]] = {}
    used: set[str] = set()
    for (e, x), s in sorted(scores.items(), key=lambda kv: (-kv[1], kv[0])):
        if e in out or x in used:
            continue
        out[e] = (x, s)
        used.add(x)
    return out


# --------------------------------------------------------------------------- adjacency relations


@dataclass(frozen=True)
class SpanCell:
    """A cell covering rows row..end_row and columns col..end_col (inclusive)."""

    row: int
    col: int
    end_row: int
    end_col: int
    text: str


def cells_from_grid(grid: Grid) -> list[SpanCell]:
    """Every slot of a grid as a 1x1 cell (for tables that give no drawn cells)."""
    return [SpanCell(i, j, i, j, t) for i, row in enumerate(grid) for j, t in enumerate(row)]


Relation = tuple[str, str, str]  # ("h" | "v", text, neighbour's text), texts as relation_key


def adjacency_relations(cells: Iterable[SpanCell]) -> Counter[Relation]:
    """The multiset of adjacency relations of one table (see the module doc)."""
    cells = [c for c in cells]
    slot: dict[tuple[int, int], int] = {}
    for n, c in enumerate(cells):
        for r in range(c.row, c.end_row + 1):
            for col in range(c.col, c.end_col + 1):
                slot.setdefault((r, col), n)
    if not slot:
        return Counter()
    last_row = max(r for r, _ in slot)
    last_col = max(c for _, c in slot)
    keys = [relation_key(c.text) for c in cells]
    pairs: set[tuple[str, int, int]] = set()
    for n, c in enumerate(cells):
        if not keys[n]:
            continue
        for r in range(c.row, c.end_row + 1):
            for col in range(c.end_col + 1, last_col + 1):
                m = slot.get((r, col))
                if m is not None and m != n and keys[m]:
                    pairs.add(("h", n, m))
                    break
        for col in range(c.col, c.end_col + 1):
            for r in range(c.end_row + 1, last_row + 1):
                m = slot.get((r, col))
                if m is not None and m != n and keys[m]:
                    pairs.add(("v", n, m))
                    break
    return Counter((d, keys[n], keys[m]) for d, n, m in pairs)


@dataclass
class Tally:
    """Relations found, expected and correct (the multiset intersection), with P/R/F1."""

    correct: int = 0
    found: int = 0
    expected: int = 0

    def add(self, other: Tally) -> Tally:
        return Tally(self.correct + other.correct, self.found + other.found, self.expected + other.expected)

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else (1.0 if not self.expected else 0.0)

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def compare_relations(expected: Counter[Relation], found: Counter[Relation]) -> Tally:
    return Tally(sum((expected & found).values()), sum(found.values()), sum(expected.values()))


@dataclass
class GtRegion:
    """One region of an ICDAR 2013 ground-truth table: a page's part of it, with its cells."""

    table_id: str
    page: int
    cells: list[SpanCell] = field(default_factory=list)
    bbox: tuple[float, float, float, float] | None = None  # x0, y0, x1, y1; PDF points, origin bottom-left


def parse_icdar_structure(xml_text: str | bytes) -> list[GtRegion]:
    """The regions of an ICDAR 2013 `*-str.xml` file, in file order."""
    root = ET.fromstring(xml_text)
    regions: list[GtRegion] = []
    for table in root.iter("table"):
        for region in table.iter("region"):
            reg = GtRegion(table.get("id", ""), int(region.get("page", "1")))
            boxes = []
            for cell in region.iter("cell"):
                r0, c0 = int(cell.get("start-row")), int(cell.get("start-col"))
                r1 = int(cell.get("end-row", r0))
                c1 = int(cell.get("end-col", c0))
                content = cell.find("content")
                text = content.text if content is not None and content.text else ""
                reg.cells.append(SpanCell(r0, c0, max(r0, r1), max(c0, c1), text))
                bb = cell.find("bounding-box")
                box = _box(bb)
                if box is not None:
                    boxes.append(box)
            if boxes:
                x0s, y0s, x1s, y1s = zip(*boxes)
                reg.bbox = (min(x0s), min(y0s), max(x1s), max(y1s))
            regions.append(reg)
    return regions


def _box(bb: ET.Element | None) -> tuple[float, float, float, float] | None:
    """A `bounding-box` element as (x0, y0, x1, y1); None when absent or unreadable (one file has
    `x1='26ß'`)."""
    if bb is None:
        return None
    try:
        x1, x2, y1, y2 = (float(bb.get(k, "")) for k in ("x1", "x2", "y1", "y2"))
    except ValueError:
        return None
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)
