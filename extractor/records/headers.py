"""The header rows over a wide table's value columns, read before the labels are: blanks a spanning cell
left restored, rows of settings and of metrics taken out, group titles over model columns dropped,
and each column's path split into group, label and the benchmark a group cell names.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from extractor.model.document import Table
from extractor.vocab.labels import known_benchmark, without_translation
from extractor.vocab.names import Vocabulary
from extractor.vocab.patterns import DIRECTION_MARKED
from extractor.vocab.settings import (
    header_setting,
    is_header_setting,
    is_reasoning_mode,
    parse_setting,
    split_trailing_parens,
)

# A header row whose corner says its cells are settings of each column, and group titles over model columns.
_SETTING_ROW = re.compile(r"\b(thinking|budget|reasoning (effort|level)|effort|mode)\b", re.I)


_BARE_VERSION = re.compile(r"^v?\d+(\.\d+)+$")


# A spanning header over model columns that names their group ('Open-Weights Models', 'Ours').
_GROUP_TITLE = re.compile(
    r"^(.*\b(models?|llms?|baselines?|systems?|methods?|approaches|modell?ing)|ours|others?)$", re.I
)


# The last word of a group title printed over a column of its own ('Hidden Feature' | 'Modeling').
_GROUP_WORD = re.compile(r"^(models|llms|systems|methods|approaches|modell?ing)$", re.I)


# A header over columns that only says what they are ('Metric' over 'Tool Selection | Code Correctness').
GENERIC_GROUP = re.compile(
    r"^(categor(y|ies)|metrics?|benchmarks?|datasets?|tasks?|results?|scores?|programming languages?)$", re.I
)


def join_distinct(texts: list[str]) -> str:
    """Header texts stacked over one column ('Base' over '7B'), each once, whitespace collapsed; a
    line ending in a hyphen continues on the next ('Nimbus-' over 'R1' is 'Nimbus-R1')."""
    parts: list[str] = []
    for t in texts:
        t = re.sub(r"\s+", " ", t).strip()
        # 'Falcon 7B' beside a size column '7B' stays 'Falcon 7B'.
        if t and not (parts and (parts[-1] == t or parts[-1].endswith(" " + t))):
            parts.append(t)
    return re.sub(r"(?<=\w-) (?=\w)", "", " ".join(parts))


def _group_rows(header: list[list[str]], label_cols: int) -> int:
    """Leading header rows whose cells span several value columns ('Reasoning' over 'GSM8K | ARC')."""
    # each column's lowest printed cell: a bilingual header's translation rows are blank by now
    last = (
        [next((r[j] for r in reversed(header) if r[j]), "") for j in range(len(header[0]))] if header else []
    )
    k = 0
    while k < len(header) - 1:
        row = header[k]
        if not any(
            row[j] and row[j] == row[j + 1] and last[j] != last[j + 1]
            for j in range(label_cols, len(row) - 1)
        ):
            break
        k += 1
    return k


def header_grid(table: Table, header_rows: int) -> list[list[str]]:
    """The header rows, whitespace collapsed, with a spanning header's cell that the drawing left blank
    restored: a blank above the same sub-header as its left neighbour ('BBH' over '0-shot / 3-shot'),
    under the same cells as that neighbour (a column under another model's name is another model's)."""
    width = table.n_cols
    header = [
        [re.sub(r"\s+", " ", r[j] if j < len(r) else "").strip() for j in range(width)]
        for r in table.grid[:header_rows]
    ]
    for j in range(width):
        for row, cell in zip(header, without_translation([row[j] for row in header])):
            row[j] = cell
    for k in range(len(header) - 1):
        for j in range(1, width):
            below = [header[m][j] for m in range(k + 1, len(header))]
            same = all(header[m][j] == header[m][j - 1] for m in range(k + 1, len(header))) and all(
                header[m][j] == header[m][j - 1] for m in range(k)
            )
            if not header[k][j] and header[k][j - 1] and any(below) and same:
                header[k][j] = header[k][j - 1]
    for row in header[:-1]:
        for j in range(2, width):
            if _BARE_VERSION.match(row[j]) and row[j - 1] and not any(ch.isdigit() for ch in row[j - 1]):
                row[j - 1] = row[j] = f"{row[j - 1]} {row[j]}"
    return header


class ColumnPath(NamedTuple):
    group: str
    label: str
    benchmark: str
    wide: bool  # the span over the label is not its header: the label alone names the column


def column_paths(header: list[list[str]], label_cols: int, aliases: Vocabulary) -> list[ColumnPath]:
    """(group, label, benchmark) per column: group-row cells that name no dataset are the column's group;
    the rest its label. A group cell that names a benchmark over a label that names none ('RULER' over
    '0-8K') is the benchmark the label is a part of."""
    width = len(header[0]) if header else 0
    k = _group_rows(header, label_cols)
    parts = []
    for j in range(width):
        groups = [
            header[i][j]
            for i in range(k)
            if not aliases.dataset(header[i][j]) and not GENERIC_GROUP.match(header[i][j])
        ]
        own = join_distinct(
            [
                header[i][j]
                for i in range(len(header))
                if header[i][j] not in groups and not (i < k and GENERIC_GROUP.match(header[i][j]))
            ]
        )
        bench = next((header[i][j] for i in range(k) if header[i][j] and aliases.dataset(header[i][j])), "")
        below = join_distinct(
            [header[i][j] for i in range(len(header)) if header[i][j] not in (bench, *groups)]
        )
        if not bench:  # a name two benchmarks share ('SEED'), told apart by the split under it ('test-zh')
            bench = next((g for g in groups if g and below and aliases.dataset_with_subset(g, below)), "")
            if bench:
                groups = [g for g in groups if g != bench]
                own = below
        wide = bool(bench) and bool(below) and bool(known_benchmark(below, aliases))
        if bench and (wide or known_benchmark(own, aliases)):
            bench = ""  # 'GPQA' over 'Diamond' names one benchmark
        if wide:  # a span drawn too wide over 'USACO' names another benchmark than the column's
            own = below
        parts.append(
            ColumnPath(join_distinct(groups), own, bench, wide)
            if own
            else ColumnPath("", join_distinct(groups), bench, wide)
        )
    return parts


def setting_rows(header: list[list[str]], label_cols: int) -> dict[int, str]:
    """Header rows whose corner names a setting ('Extended Thinking' over '100K | 64K'): each column's cell is
    that column's setting. The rows are blanked so they do not join the model names."""
    out: dict[int, str] = {}
    found = [
        k
        for k, row in enumerate(header)
        if any(row[label_cols:])
        and (
            (
                _SETTING_ROW.search(" ".join(row[:label_cols]))
                and all(len(c.split()) <= 3 for c in row[label_cols:])
            )
            or (k > 0 and all(is_header_setting(c) for c in row[label_cols:] if c))
        )
    ]
    # a setting row drawn over two lines ('Extended' / 'Thinking') repeats its cells on both
    found += [
        k + d
        for k in found
        for d in (-1, 1)
        if 0 <= k + d < len(header) and header[k + d][label_cols:] == header[k][label_cols:]
    ]
    for k in sorted(set(found)):
        for j, cell in enumerate(header[k][label_cols:], start=label_cols):
            if cell:
                out[j] = _mode_setting(header, k, j) if k - 1 not in found else header_setting(cell)
    for k in set(found):
        header[k][:] = [""] * len(header[k])
    # a row that mixes reasoning levels under one model's name with other models' names ('low | high | Orca')
    for k, row in enumerate(header[1:], start=1):
        modes = [
            j
            for j in range(label_cols, len(row))
            if is_reasoning_mode(row[j]) and any(header[m][j] for m in range(k))
        ]
        if len(modes) >= 2:
            for j in modes:
                out[j] = "; ".join(s for s in (out.get(j), _mode_setting(header, k, j)) if s)
                row[j] = ""
    return out


def _mode_setting(header: list[list[str]], k: int, j: int) -> str:
    """The setting a header cell at row `k` states, with the cell above it when the two are one
    setting drawn over two lines ('32K' / 'Thinking', 'Extended' / 'Thinking'); that cell is taken
    out of the model's name."""
    above = header[k - 1][j] if k > 0 else ""
    both = parse_setting(f"{above} {header[k][j]}") if above else None
    if both and not parse_setting(above):
        header[k - 1][j] = ""
        return both
    return header_setting(header[k][j])


def metric_rows(
    header: list[list[str]], label_cols: int, aliases: Vocabulary, settings: dict[int, str]
) -> dict[int, str]:
    """Header rows below the first whose cells are all metrics or settings ('pass@1 | cons@64 | rating';
    a label marked with an arrow, 'SS ↑', is a metric even where the vocabulary does not know it): each
    cell is its column's metric or setting, not a part of the benchmark's name."""
    out: dict[int, str] = {}
    for k, row in enumerate(header[1:], start=1):
        cells = [(j, c) for j, c in enumerate(row) if j >= label_cols and c]
        # a pair '0-shot / 5-shot' is split over its columns elsewhere (build._pair_settings)
        if not cells or not all(_metric_or_setting(c, aliases) for _, c in cells):
            continue
        # a metric known only by its arrow is one where the column is named above it ('test-zh');
        # under nothing but 'Metric' it is the column's name, no metric of a name left unread
        marked = any(not aliases.metric(c) and DIRECTION_MARKED.match(c) for _, c in cells)
        if marked and not all(_named_above(header, k, j) for j, _ in cells):
            continue
        for j, c in cells:
            if parse_setting(c) and not aliases.metric(c):
                settings[j] = "; ".join(s for s in (settings.get(j), parse_setting(c)) if s)
            else:
                out[j] = c
                for above in header[:k]:  # 'Metric' over 'Tool Selection ↑' names no benchmark
                    if GENERIC_GROUP.match(above[j]):
                        above[j] = ""
        row[:] = [""] * len(row)
    return out


def _named_above(header: list[list[str]], k: int, j: int) -> bool:
    return any(row[j] and not GENERIC_GROUP.match(row[j]) for row in header[:k])


def _metric_or_setting(cell: str, aliases: Vocabulary) -> bool:
    if aliases.metric(cell) or DIRECTION_MARKED.match(cell):
        return True
    return bool(parse_setting(cell)) and "/" not in cell


def _join_split_titles(row: list[str], label_cols: int) -> None:
    """A group title the reader set over its columns in two pieces ('Hidden Feature' | 'Modeling', each
    over one or more columns), the second only the title's last word: every cell of both takes the whole
    title, so that it reads, and is dropped, as one."""
    runs: list[list[int]] = []
    for j in range(label_cols, len(row)):
        if runs and row[j] and row[j] == row[runs[-1][0]]:
            runs[-1].append(j)
        else:
            runs.append([j])
    for first, second in zip(runs, runs[1:]):
        a, b = row[first[0]], row[second[0]]
        if a and b and not _GROUP_TITLE.match(a) and _GROUP_WORD.match(b):
            for j in (*first, *second):
                row[j] = f"{a} {b}"


def drop_group_titles(header: list[list[str]], label_cols: int) -> dict[int, str]:
    """'Open-Weight Models' or 'Ours' over several model columns names a group, not a part of each
    name; so does one spanning the columns under their names ('Larger Training Compute Model').
    A setting in the title's brackets ('Baselines (high)') is each column's setting: returned."""
    settings: dict[int, str] = {}
    for k, row in enumerate(header):
        _join_split_titles(row, label_cols)
        spans = [
            j
            for j in range(label_cols, len(row))
            if row[j] and any(0 <= i < len(row) and row[i] == row[j] for i in (j - 1, j + 1))
        ]
        for j in range(label_cols, len(row)):
            below = [r[j] for r in header[k + 1 :] if r[j]]
            above = [r[j] for r in header[:k] if r[j]]
            title, groups = split_trailing_parens(row[j])
            modes = [header_setting(g) for g in groups if is_reasoning_mode(g) or parse_setting(g)]
            if not modes or len(modes) != len(groups):
                title, modes = row[j], []
            if _GROUP_TITLE.match(title) and (
                (below and below[0] != row[j]) or (not below and above and j in spans)
            ):
                row[j] = ""
                if modes:
                    settings[j] = "; ".join(modes)
    return settings
