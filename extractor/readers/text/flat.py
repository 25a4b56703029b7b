"""Recover a results table flattened to single spaces, as Papers with Code's "Results from the
Paper" table reads when a page is saved as text:

    Task Dataset Model Metric Name Metric Value Global Rank Benchmark
    Common Sense Reasoning ARC (Challenge) Some Model 2 (few-shot, k=5) Accuracy 85.7 # 11

The header is a line (or up to three wrapped lines) made only of known column names (COLUMNS).
Rows follow until a line that is no row; blank lines between rows are skipped. In a row, values and
ranks are found by their shape (`parse_value`, '# 11'; a rank may be missing). A line holding only
a metric, a value and a rank continues the row above (same task, dataset and model).

The text columns between anchors are split without knowing the page's names, by the rules of
column_split.py; rows split by its structural rules (4-5) are listed in `FlatParse.notes`. Columns
empty in every row are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from extractor.readers.text.column_split import Context, split_text
from extractor.vocab.names import Vocabulary, load_vocabulary
from extractor.vocab.scores import parse_value

Kind = Literal["text", "value", "rank", "flag", "link"]

# Column names such tables use -> (kind, role). Text roles drive the splitting; "other" is free text.
# "Benchmark" is a dataset column, or PwC's link column when the header also has "Dataset".
_TEXT_ROLES = {"task": "task", "dataset": "dataset", "benchmark": "dataset", "model": "model",
               "model name": "model", "method": "model", "metric": "metric", "metric name": "metric",
               "paper": "other", "paper title": "other", "setting": "other"}  # fmt: skip
_ANCHOR_KINDS: dict[str, Kind] = {"metric value": "value", "value": "value", "score": "value",
                                  "result": "value", "global rank": "rank", "rank": "rank",
                                  "extra training data": "flag", "code": "link"}  # fmt: skip
COLUMNS: dict[str, tuple[Kind, str | None]] = {
    **{name: ("text", role) for name, role in _TEXT_ROLES.items()},
    **{name: (kind, None) for name, kind in _ANCHOR_KINDS.items()},
}
_LONGEST_NAME = max(len(name.split()) for name in COLUMNS)
_FIRST_WORDS = frozenset(name.split()[0] for name in COLUMNS)
_FLAGS = frozenset({"✓", "✔", "✗", "✘", "×", "yes", "no", "-"})
_RANK = re.compile(r"^#\d+$")
_MAX_HEADER_LINES = 3
_MAX_TEXT_TOKENS = 40  # longer lines ending in a number are prose, not rows


@dataclass
class Column:
    name: str
    kind: Kind
    role: str | None = None


@dataclass
class _Unit:
    """A run of adjacent text columns (split later) or one anchor column (found by its shape)."""

    kind: Kind
    cols: list[int] = field(default_factory=list)


@dataclass
class _Row:
    no: int
    line: str
    spans: list[tuple[int, int]]  # character span of every token
    units: list[tuple[int, int]]  # token span of every unit
    continuation: bool = False


class FlatParse(BaseModel):
    """The recovered table: cells exactly as on the page ('1.96%', '# 1'), empty columns dropped."""

    header: list[str]
    rows: list[list[str]]
    row_lines: list[int] = Field(description="0-based line each row came from")
    header_lines: tuple[int, int] = Field(description="first and last line of the (possibly wrapped) header")
    end: int = Field(description="line after the table's last row")
    notes: list[str] = Field(default_factory=list)

    @property
    def grid(self) -> list[list[str]]:
        return [self.header, *self.rows]


def parse_flattened(lines: list[str], start: int = 0, aliases: Vocabulary | None = None) -> FlatParse | None:
    """The first flattened table at or after line `start`, or None."""
    aliases = aliases or load_vocabulary()
    i = start
    while (found := _find_header(lines, i)) is not None:
        first, last, columns = found
        table = _read_table(lines, first, last, columns, aliases)
        if table is not None:
            return table
        i = last + 1
    return None


def find_flattened_tables(lines: list[str], aliases: Vocabulary | None = None) -> list[FlatParse]:
    tables, start = [], 0
    while (table := parse_flattened(lines, start, aliases)) is not None:
        tables.append(table)
        start = table.end
    return tables


def parse_header(tokens: list[str]) -> list[Column] | None:
    """Columns when the tokens are nothing but known column names, with a value and a text column."""
    columns, i = [], 0
    while i < len(tokens):
        for n in range(min(_LONGEST_NAME, len(tokens) - i), 0, -1):
            name = " ".join(tokens[i : i + n])
            if name.casefold() in COLUMNS:
                columns.append(Column(name, *COLUMNS[name.casefold()]))
                i += n
                break
        else:
            return None
    roles = [c.role for c in columns]
    for c in columns:
        if c.name.casefold() == "benchmark" and roles.count("dataset") > 1:
            c.kind, c.role = "link", None
    kinds = {c.kind for c in columns}
    return columns if len(columns) >= 3 and {"text", "value"} <= kinds else None


def _find_header(lines: list[str], start: int) -> tuple[int, int, list[Column]] | None:
    """A header line, or lines wrapped from one (the most lines that still parse)."""
    for i in range(start, len(lines)):
        tokens = lines[i].split()
        if not tokens or tokens[0].casefold() not in _FIRST_WORDS:
            continue
        best = None
        for k in range(1, _MAX_HEADER_LINES + 1):
            block = lines[i : i + k]
            if len(block) < k or not block[-1].strip():
                break
            columns = parse_header([t for line in block for t in line.split()])
            if columns is not None:
                best = (i, i + k - 1, columns)
        if best is not None:
            return best
    return None


def _units(columns: list[Column], keep: list[int]) -> list[_Unit]:
    units: list[_Unit] = []
    for j in keep:
        if columns[j].kind == "text" and units and units[-1].kind == "text":
            units[-1].cols.append(j)
        else:
            units.append(_Unit(columns[j].kind, [j]))
    return units


def _anchor_lengths(kind: Kind, toks: list[str], t: int) -> list[int]:
    """Token counts the anchor column can take at position t (0 = absent, for optional ones)."""
    rest = toks[t:]
    if kind == "value":
        out = [1] if rest and not rest[0].startswith("#") and parse_value(rest[0]) else []
        if len(rest) >= 3 and rest[1] in ("±", "+/-") and parse_value(" ".join(rest[:3])):
            out.append(3)
        return out
    if kind == "rank":
        out = [1] if rest and _RANK.match(rest[0]) else []
        return out + ([2] if len(rest) >= 2 and rest[0] == "#" and rest[1].isdigit() else []) + [0]
    if kind == "flag":
        return ([1] if rest and rest[0].casefold() in _FLAGS else []) + [0]
    return [0]  # link columns carry no text once flattened


def _match(toks: list[str], units: list[_Unit]) -> list[tuple[int, int]] | None:
    """Token span of every unit. Prefers the most anchors present, then the most words in them
    ('71.2 ± 0.3'), then longer leading text."""
    best: tuple[tuple, list[tuple[int, int]]] | None = None

    def walk(u: int, t: int, spans: list[tuple[int, int]], present: int) -> None:
        nonlocal best
        if u == len(units):
            if t == len(toks):
                text = [e - s for (s, e), un in zip(spans, units) if un.kind == "text"]
                key = (present, len(toks) - sum(text), text)
                if best is None or key > best[0]:
                    best = (key, list(spans))
            return
        unit = units[u]
        if unit.kind == "text":
            need = len(unit.cols)
            ends = [len(toks)] if u == len(units) - 1 else range(t + need, len(toks) + 1)
            lengths = [e - t for e in ends if e - t >= need and "#" not in toks[t:e]]
        else:
            lengths = _anchor_lengths(unit.kind, toks, t)
        for n in lengths:
            walk(u + 1, t + n, [*spans, (t, t + n)], present + (unit.kind != "text" and n > 0))

    walk(0, 0, [], 0)
    return best[1] if best else None


def _read_row(no: int, line: str, units: list[_Unit], continuation: bool = False) -> _Row | None:
    spans = [m.span() for m in re.finditer(r"\S+", line)]
    toks = [line[s:e] for s, e in spans]
    matched = _match(toks, units) if 0 < len(toks) <= _MAX_TEXT_TOKENS + 8 else None
    if matched is None:
        return None
    text = sum(e - s for (s, e), u in zip(matched, units) if u.kind == "text")
    return _Row(no, line, spans, matched, continuation) if text <= _MAX_TEXT_TOKENS else None


def _scan(
    lines: list[str], start: int, units: list[_Unit], cont_units: list[_Unit] | None, aliases: Vocabulary
) -> list[_Row]:
    """Rows from `start` until a line that is no row (blank lines inside are skipped)."""
    rows: list[_Row] = []
    for no in range(start, len(lines)):
        line = lines[no]
        if not line.strip():
            continue
        row = _read_row(no, line, units)
        if (
            cont_units
            and rows
            and rows[-1].no == no - 1
            and (row is None or _only_metric(row, units, aliases))
        ):
            row = _read_row(no, line, cont_units, continuation=True) or row
        if row is None:
            break
        rows.append(row)
    return rows


def _only_metric(row: _Row, units: list[_Unit], aliases: Vocabulary) -> bool:
    """A row whose whole text is a metric name is a further metric of the row above."""
    spans = [sp for sp, u in zip(row.units, units) if u.kind == "text"]
    return len(spans) == 1 and aliases.metric(_text(row, spans[0])) is not None


def _text(row: _Row, span: tuple[int, int]) -> str:
    s, e = span  # exactly as on the page, inner spacing included
    return row.line[row.spans[s][0] : row.spans[e - 1][1]] if e > s else ""


def _read_table(
    lines: list[str], first: int, last: int, columns: list[Column], aliases: Vocabulary
) -> FlatParse | None:
    every = list(range(len(columns)))
    units = _units(columns, every)
    metric = [j for j, c in enumerate(columns) if c.role == "metric"][:1]
    cont_units = (
        _units(columns, [j for j in every if j in metric or columns[j].kind != "text"]) if metric else None
    )
    rows = _scan(lines, last + 1, units, cont_units, aliases)
    if all(r.continuation for r in rows):
        return None
    roles = [c.role for c in columns]
    heads: set[str] = set()
    for _ in range(2):  # the first pass learns which words start the page's model names
        cells, sure = _split_rows(rows, roles, units, cont_units, Context(aliases, {}, [], heads))
        models = [
            row[j] for row, ok in zip(cells, sure) if ok for j, role in enumerate(roles) if role == "model"
        ]
        heads = {m.split()[0].casefold() for m in models if m}
    keep = [j for j in every if any(row[j] for row in cells)]
    return FlatParse(
        header=[columns[j].name for j in keep],
        rows=[[row[j] for j in keep] for row in cells],
        row_lines=[r.no for r in rows],
        header_lines=(first, last),
        end=rows[-1].no + 1,
        notes=[
            f"row {k + 1} (line {r.no + 1}) split by the table's structure, not the alias data"
            for k, (r, ok) in enumerate(zip(rows, sure))
            if not ok
        ],
    )


def _split_rows(
    rows: list[_Row],
    roles: list[str | None],
    units: list[_Unit],
    cont_units: list[_Unit] | None,
    ctx: Context,
) -> tuple[list[list[str]], list[bool]]:
    """Cells of every row, and whether the alias data (or the row above) placed every boundary. A
    continuation row repeats the row above but for its metric, value and rank."""
    out: list[list[str]] = []
    sure: list[bool] = []
    full = [r for r in rows if not r.continuation]
    place = {id(r): f for f, r in enumerate(full)}
    for row in rows:
        cells = list(out[-1]) if row.continuation else [""] * len(roles)
        ok = True
        for u, ((s, e), unit) in enumerate(zip(row.units, cont_units if row.continuation else units)):
            if unit.kind != "text" or row.continuation:
                cells[unit.cols[0]] = _text(row, (s, e))
                continue
            f = place[id(row)]
            ctx.near = [_words(r, r.units[u]) for r in full[max(f - 1, 0) : f + 2] if r is not row]
            words = _words(row, (s, e))
            parts, unit_ok = split_text(words, [roles[j] for j in unit.cols], unit.cols, ctx)
            ok = ok and unit_ok
            for j, (a, b) in zip(unit.cols, parts):
                cells[j] = _text(row, (s + a, s + b))
                ctx.previous[j] = words[a:b]
        out.append(cells)
        sure.append(ok)
    return out, sure


def _words(row: _Row, span: tuple[int, int]) -> list[str]:
    return [row.line[a:b] for a, b in row.spans[span[0] : span[1]]]
