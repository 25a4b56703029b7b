"""Label columns of a wide table: which one names the row, which adds a size, which is a category,
and the cells a lost row span left blank ('Nimbus' printed once beside '7B | 13B | 33B')."""

from __future__ import annotations

import re
import statistics
from typing import Literal

from extractor.model.document import Table
from extractor.vocab.patterns import SIZE_CELL
from extractor.vocab.scores import parse_parts, parse_value, parse_values

Kind = Literal["name", "size", "group", "attribute"]

# '7B', '1.8B', '8x22B', '540B', '7B v1.1', and '-' for a size not given.
_SIZE = re.compile(rf"^{SIZE_CELL}(?:\s.*)?$|^[-–—]$", re.I)
_SIZE_HEADER = re.compile(r"^(#\s*(of\s+)?)?(params?|parameters|sizes?|model sizes?)$", re.I)
# Label columns that describe the row without naming it ('Train Lang', 'Input Length', 'Release Date').
_ATTRIBUTE_HEADER = re.compile(
    r"lang|length|context|release|date|\btype\b|licen[cs]e|open|source|architecture|tokens|\bdata\b|train|"
    r"modality|"
    r"\bactive\b|\bactivated\b|\bact\.|\btotal\b|开源|闭源",
    re.I,
)


_CHECK_MARKS = frozenset({"✓", "✔", "✗", "✘", "×", "x", "-", "–", "—"})


def size_of(text: str) -> float | None:
    """'7B' -> 7e9, '8x22B' -> 176e9; None for anything else."""
    m = re.match(rf"^{SIZE_CELL}\b", text.strip(), re.I)
    if not m:
        return None
    scale = {"k": 1e3, "m": 1e6, "b": 1e9, "t": 1e12}[m.group("unit").lower()]
    return float(m.group("amount")) * scale * int(m.group("experts") or 1)


def _has_value(row: list[str], label_cols: int) -> bool:
    return any(parse_value(c) is not None or parse_values(c) or parse_parts(c) for c in row[label_cols:])


def label_kinds(
    body: list[list[str]], columns: list[str], label_cols: int, roles: dict[int, str]
) -> dict[int, Kind]:
    """Each label column without a role: the name, a size beside it, a sparse category column, or an
    attribute."""
    free = [j for j in range(label_cols) if j not in roles]
    kinds: dict[int, Kind] = {}
    for j in free:
        cells = [r[j].strip() if j < len(r) else "" for r in body]
        filled = [c for c in cells if c]
        head = columns[j] if j < len(columns) else ""
        sizes = sum(1 for c in filled if _SIZE.match(c))
        if "name" in kinds.values() and _ATTRIBUTE_HEADER.search(head) and not _SIZE_HEADER.match(head):
            kinds[j] = "attribute"  # 'Context Length: 4K' is not a size of the name
        elif filled and all(c in _CHECK_MARKS for c in filled):
            kinds[j] = "attribute"  # a '✓ | ×' column ('multilingual') says what the model can do
        elif "size" in kinds.values() and sizes >= 0.6 * len(filled or [""]):
            kinds[j] = "attribute"  # a second size column ('#AP', active parameters) is not part of the name
        elif j != free[0] and (_SIZE_HEADER.match(head) or (filled and sizes >= 0.6 * len(filled))):
            kinds[j] = "size"
        elif (
            not head
            and j != free[-1]
            and len(set(filled)) <= max(1, len(cells) // 2)
            and _dense_after(body, j, free)
        ):
            kinds[j] = "group"  # 'English' printed once (or on a few rows) beside its benchmarks
        else:
            kinds[j] = "name"
    return kinds


def _dense_after(body: list[list[str]], j: int, free: list[int]) -> bool:
    later = [k for k in free if k > j]
    return any(sum(1 for r in body if k < len(r) and r[k].strip()) >= 0.8 * len(body) for k in later)


def row_bands(table: Table, start: int) -> list[int] | None:
    """A band number per row from `start` on: rows drawn close together share one; a wider gap (a rule
    between groups) starts the next. None when the cells carry no positions (HTML, text)."""
    tops: dict[int, float] = {}
    bottoms: dict[int, float] = {}
    for c in table.cells:
        if c.bbox is None or c.rowspan != 1 or c.row < start:
            continue
        tops[c.row] = min(tops.get(c.row, c.bbox.top), c.bbox.top)
        bottoms[c.row] = max(bottoms.get(c.row, c.bbox.bottom), c.bbox.bottom)
    rows = list(range(start, table.n_rows))
    if len(rows) < 3 or any(i not in tops for i in rows):
        return None
    gaps = [tops[b] - bottoms[a] for a, b in zip(rows, rows[1:])]
    typical = statistics.median(gaps)
    wide = max(2.5 * typical, typical + 3.0)
    bands, band = [0], 0
    for gap in gaps:
        band += gap > wide
        bands.append(band)
    return bands if band else None


def fill_blanks(table: Table, header_rows: int, label_cols: int, kinds: dict[int, Kind]) -> list[list[str]]:
    """The grid with blank name and category cells filled: from the one text of their band, else (names
    beside sizes) from the neighbour whose sizes they continue, else (categories) from the nearest."""
    grid = [list(r) + [""] * (table.n_cols - len(r)) for r in table.grid]
    body = range(header_rows, len(grid))
    bands = row_bands(table, header_rows)
    size_cols = [j for j, k in kinds.items() if k == "size"]
    for j, kind in kinds.items():
        if kind not in ("name", "group"):
            continue
        blank = [i for i in body if not grid[i][j].strip() and _has_value(grid[i], label_cols)]
        if not blank or not any(grid[i][j].strip() for i in body):
            continue
        if bands is not None:
            _fill_from_bands(grid, j, blank, bands, header_rows)
        if kind == "name" and size_cols:
            _fill_by_size(grid, j, size_cols[0], header_rows, label_cols)
        elif kind == "group":
            _fill_nearest(grid, j, header_rows, label_cols)
    return grid


def _fill_from_bands(grid: list[list[str]], j: int, blank: list[int], bands: list[int], start: int) -> None:
    texts: dict[int, set[str]] = {}
    for i in range(start, len(grid)):
        if grid[i][j].strip():
            texts.setdefault(bands[i - start], set()).add(grid[i][j].strip())
    for i in blank:
        found = texts.get(bands[i - start], set())
        if len(found) == 1:
            grid[i][j] = next(iter(found))


def _fill_by_size(grid: list[list[str]], j: int, size_col: int, start: int, label_cols: int) -> None:
    """Sizes of one family ascend: a blank name whose size is above the row before it continues that
    row's family; one whose size is below the next row's opens that row's family."""

    def size(i: int) -> float | None:
        return size_of(grid[i][size_col]) if start <= i < len(grid) else None

    for i in range(start, len(grid)):  # downwards: continuing the family above
        above = size(i - 1)
        if (
            not grid[i][j].strip()
            and i > start
            and grid[i - 1][j].strip()
            and above
            and (size(i) or 0) > above
        ):
            grid[i][j] = grid[i - 1][j]
    for i in range(len(grid) - 1, start - 1, -1):  # upwards: opening the family below
        below = size(i + 1)
        if (
            not grid[i][j].strip()
            and i + 1 < len(grid)
            and grid[i + 1][j].strip()
            and below
            and 0 < (size(i) or 0) < below
        ):
            if _has_value(grid[i], label_cols):
                grid[i][j] = grid[i + 1][j]


def _fill_nearest(grid: list[list[str]], j: int, start: int, label_cols: int) -> None:
    labelled = [i for i in range(start, len(grid)) if grid[i][j].strip()]
    for i in range(start, len(grid)):
        if grid[i][j].strip() or not _has_value(grid[i], label_cols):
            continue
        near = min(labelled, key=lambda k: (abs(k - i), k > i))
        grid[i][j] = grid[near][j]


def band_texts(table: Table, j: int, header_rows: int, label_cols: int) -> list[str]:
    """Per grid row, the text of column `j` for its group of rows: the lines of a benchmark name printed
    once beside several model rows ('LibriSpeech' / 'test-clean | test-other'), joined. Groups are the
    bands between rules, else the runs of rows before the model names start over; a band with no text of
    its own (a row set off by a rule) continues the one above. Without positions (HTML, text) a blank
    cell continues the text above it."""
    grid = [list(r) + [""] * (table.n_cols - len(r)) for r in table.grid]
    bands = row_bands(table, header_rows)
    repeats = _repeat_bands(grid, j, header_rows, label_cols) if table.cells else None
    if (
        repeats
        and not _named(grid, bands, j, header_rows, label_cols)
        and _named(grid, repeats, j, header_rows, label_cols)
    ):
        bands = repeats  # lines of the names set between the model rows, no rule between groups
    out = [""] * len(grid)
    current = ""
    if bands is None:
        for i in range(header_rows, len(grid)):
            current = grid[i][j].strip() or current
            out[i] = current if _has_value(grid[i], label_cols) else ""
        return out
    return _band_join(grid, bands, j, header_rows, label_cols)


def _repeat_bands(grid: list[list[str]], j: int, header_rows: int, label_cols: int) -> list[int] | None:
    """A band number per row from `header_rows` on, where nothing is drawn between the groups: a group
    ends where its model names start over ('Orca | Nimbus | Orca' is two groups). None without repeats."""
    bands, band, seen = [], 0, set()
    for row in grid[header_rows:]:
        name = " ".join(row[k].strip() for k in range(label_cols) if k != j)
        if name and name in seen:
            band, seen = band + 1, set()
        seen.add(name)
        bands.append(band)
    return bands if band else None


def _named(grid: list[list[str]], bands: list[int] | None, j: int, header_rows: int, label_cols: int) -> bool:
    """Every band holding scores has text of its own in column j."""
    if bands is None:
        return False
    scored = {
        bands[i - header_rows] for i in range(header_rows, len(grid)) if _has_value(grid[i], label_cols)
    }
    named = {bands[i - header_rows] for i in range(header_rows, len(grid)) if grid[i][j].strip()}
    return scored <= named


def _band_join(
    grid: list[list[str]], bands: list[int], j: int, header_rows: int, label_cols: int
) -> list[str]:
    out = [""] * len(grid)
    current = ""
    texts: dict[int, list[str]] = {}
    for i in range(header_rows, len(grid)):
        text = grid[i][j].strip()
        lines = texts.get(bands[i - header_rows], [])
        if text and (not lines or lines[-1] != text):  # a cell spanning two rows is read once
            texts[bands[i - header_rows]] = [*lines, text]
    for i in range(header_rows, len(grid)):
        band = bands[i - header_rows]
        if band in texts:
            # lines kept apart: the first may name the benchmark, the rest its parts
            current = "\n".join(texts[band])
        out[i] = current if _has_value(grid[i], label_cols) else ""
    return out
