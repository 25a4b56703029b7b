"""Read a table's shape: header rows, label columns, long or wide form, and which axis holds the models."""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from pydantic import BaseModel

from extractor.document import Table
from extractor.vocab.names import Vocabulary
from extractor.vocab.labels import MODEL_SIZE, split_label, without_translation
from extractor.tables.roles import count_label_cols, header_rows_of
from extractor.records.label_columns import Kind, band_texts, fill_blanks, label_kinds
from extractor.vocab.settings import header_setting, is_header_setting, is_reasoning_mode, parse_setting, split_trailing_parens

Role = Literal["task", "dataset", "model", "metric", "value", "rank", "setting"]

# Column names of long-form tables (one result per row), as Papers with Code and READMEs write them.
_LONG_ROLES: dict[str, Role] = {
    "task": "task",
    "dataset": "dataset",
    "benchmark": "dataset",
    "model": "model",
    "model name": "model",
    "method": "model",
    "metric": "metric",
    "metric name": "metric",
    "metric value": "value",
    "value": "value",
    "score": "value",
    "result": "value",
    "global rank": "rank",
    "rank": "rank",
    "setting": "setting",
    "shots": "setting",
    "# shots": "setting",
    "#shots": "setting",
    "n-shot": "setting",
}
# Label columns that are not the row's name but a part of each record.
LABEL_COL_ROLES: dict[str, Role] = {
    "shots": "setting",
    "# shots": "setting",
    "#shots": "setting",
    "n-shot": "setting",
    "setting": "setting",
    "metric": "metric",
    "metrics": "metric",
    "task": "task",
    "category": "task",
    "domain": "task",
    "rank": "rank",
    # a benchmark column beside the model column: one benchmark printed once over several model rows
    "dataset": "dataset",
    "datasets": "dataset",
    "benchmark": "dataset",
    "benchmarks": "dataset",
}
_MODEL_CORNER = re.compile(r"^(models?|methods?|systems?|approach(es)?|baselines?|name)\b", re.I)
# A corner naming two label roles over one column: the category and the benchmark share each cell.
_CATEGORY_CORNER = re.compile(r"^(capabilit(y|ies)|categor(y|ies)|domains?|areas?|skills?)\s*[/&,]?\s*(benchmarks?|datasets?|evaluations?)$", re.I)
_DATASET_CORNER = re.compile(r"^(benchmarks?|datasets?|tasks?|metrics?|evaluation|capabilit(y|ies)|category)\b", re.I)
_MODEL_LIKE = re.compile(r"\b\d+(\.\d+)?\s?[BMT]\b|\bv\d|\d+\.\d+|\bours\b|\bbase\b|\bchat\b|\binstruct\b", re.I)


_NON_RESULTS_HEADER = re.compile(r"^(hyper-?parameters?|parameters?|values?|config(uration)?s?|settings?|sizes?|count|#?\s*tokens|proportion|ratio|weight|epochs?)$", re.I)
_NON_RESULTS_LABEL = re.compile(
    r"learning rate|\blr\b|batch size|warm-?up|weight decay|epochs?|\bsteps?\b|dropout|optimi[sz]er|"
    r"\blayers?\b|attention heads|\bheads\b|hidden (size|dim)|dimension|vocab|context (length|window)|sequence length|"
    r"# ?params|parameters|activated|architecture|training tokens|\btokens\b|gpu hours|flops|precision|beta[12]?|adam",
    re.I,
)
# Rows (or columns) that describe the models rather than score them: '# Activated Params', 'Architecture'.
DESCRIPTOR = re.compile(
    r"^#|\bparams\b|parameters|architecture|context (length|window|size)|\btokens\b|kv cache|vocab|\blayers\b|"
    r"\bheads\b|hidden (size|dim)|release|licen[cs]e|size \(gb\)|memory|model size|^sizes?$|"
    r"^((avg\.?|average|mean|response|output)\s+)?length$",
    re.I,
)


# A header row whose corner says its cells are settings of each column, and group titles over model columns.
_SETTING_ROW = re.compile(r"\b(thinking|budget|reasoning (effort|level)|effort|mode)\b", re.I)
# A head ending in several sizes set a space apart: 'Nimbus 3 PT 4B 12B 27B', columns the PDF drew as one.
SIZE_LIST = re.compile(rf"^(?P<base>.*?\S)\s+(?P<sizes>(?:{MODEL_SIZE}\s+)+{MODEL_SIZE})$")
_PLAIN_SCORE = re.compile(r"^\d+(?:\.\d+)?%?$")
_HAS_SIZE = re.compile(rf"(?:^|[\s_-]){MODEL_SIZE}\b", re.I)
_BARE_VERSION = re.compile(r"^v?\d+(\.\d+)+$")
# A spanning header over model columns that names their group ('Open-Weights Models', 'Ours').
_GROUP_TITLE = re.compile(r"^(.*\b(models?|llms?|baselines?|systems?|methods?|approaches|modell?ing)|ours|others?)$", re.I)
# The last word of a group title printed over a column of its own ('Hidden Feature' | 'Modeling').
_GROUP_WORD = re.compile(r"^(models|llms|systems|methods|approaches|modell?ing)$", re.I)
# A header over columns that only says what they are ('Metric' over 'Tool Selection | Code Correctness').
_GENERIC_GROUP = re.compile(r"^(categor(y|ies)|metrics?|benchmarks?|datasets?|tasks?|results?|scores?|programming languages?)$", re.I)


class Layout(BaseModel):
    form: Literal["long", "wide"]
    header_rows: int
    label_cols: int
    models_on: Literal["columns", "rows"] = "columns"
    roles: dict[int, Role] = {}
    columns: list[str] = []
    groups: list[str] = []  # per column: a spanning group header over dataset columns ('Reasoning'), a task
    guessed: bool = False
    non_results: bool = False
    doubtful: bool = False  # a sign of a configuration table, and no benchmark the alias data knows
    kinds: dict[int, Kind] = {}  # label columns without a role: name, size, group (a category) or attribute
    labels: list[str] = []  # per grid row: its name, blanks left by lost row spans filled
    row_groups: list[str] = []  # per grid row: the category column's text ('English'), filled
    column_metrics: dict[int, str] = {}  # per value column: a metric a header row states ('pass@1' under 'AIME 2024')
    column_settings: dict[int, str] = {}  # per value column: a setting a header row states ('Extended Thinking | 32K')
    benchmarks: list[str] = []  # per column: a benchmark a group header names over its parts ('RULER' over '0-8K')
    subsets: list[str] = []  # per column: a language or split a group header states over dataset columns ('French')
    row_datasets: list[str] = []  # per grid row: the benchmark a 'Datasets' label column prints for its group of rows
    corner_metric: str | None = None  # a metric the header over the label columns states ('Benchmark (Accuracy (%))')
    lead_scores: dict[int, str] = {}  # per grid row: scores the PDF drew inside the label cell, under the corner's sizes

    def row_label(self, row: list[str]) -> str:
        cols = [j for j in range(min(self.label_cols, len(row))) if self.kinds.get(j, "name") in ("name", "size") and j not in self.roles]
        names = [row[j] for j in cols if self.kinds.get(j, "name") == "name"]
        # a parameter count beside a name that prints its size already ('InternViT-6B' | '5.9B') is no part of it
        sized = any(_HAS_SIZE.search(n) for n in names)
        return join_distinct([row[j] for j in cols if not (sized and self.kinds.get(j) == "size")])


def corner_metric(text: str, aliases: Vocabulary) -> str | None:
    """'Benchmark (Accuracy (%))' over the label column: the metric of every row below it."""
    parts = split_label(text, aliases)
    corner = _MODEL_CORNER.match(parts.name) or _DATASET_CORNER.match(parts.name)
    return parts.metric_raw if corner and parts.metric_raw else None


def long_roles(header: list[str]) -> dict[int, Role]:
    roles = {j: _LONG_ROLES[h.strip().casefold()] for j, h in enumerate(header) if h.strip().casefold() in _LONG_ROLES}
    needed = {"dataset", "model", "value"}
    return roles if needed <= set(roles.values()) else {}


def _dataset_share(labels: list[str], aliases: Vocabulary) -> float:
    labels = [lab for lab in labels if lab.strip()]
    if not labels:
        return 0.0
    # a metric name ('Truthful', 'F1') is on the benchmarks' axis, never on the models'
    hits = sum(1 for lab in labels if aliases.dataset(lab) or aliases.dataset(split_label(lab, aliases).name) or aliases.metric(lab))
    return hits / len(labels)


def _model_share(labels: list[str]) -> float:
    labels = [lab for lab in labels if lab.strip()]
    return sum(1 for lab in labels if _MODEL_LIKE.search(lab)) / len(labels) if labels else 0.0


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
    last = [next((r[j] for r in reversed(header) if r[j]), "") for j in range(len(header[0]))] if header else []
    k = 0
    while k < len(header) - 1:
        row = header[k]
        if not any(row[j] and row[j] == row[j + 1] and last[j] != last[j + 1] for j in range(label_cols, len(row) - 1)):
            break
        k += 1
    return k


def _split_lead_scores(layout: Layout, corner: str, n_rows: int) -> None:
    """A label column drawn together with the first value column: the corner ends in k sizes ('Nimbus 2 /
    2B 9B 27B') and each label in k plain numbers ('XQuAD Indic 54.3 73.1 74.9'). The numbers are that
    column's scores (kept in `lead_scores`); the words before them are the label."""
    sizes = SIZE_LIST.match(corner)
    if not sizes:
        return
    k = len(sizes.group("sizes").split())
    for i in range(layout.header_rows, n_rows):
        words = layout.labels[i].split()
        if len(words) > k and all(_PLAIN_SCORE.match(w) for w in words[-k:]) and not _PLAIN_SCORE.match(words[-k - 1]):
            layout.labels[i], layout.lead_scores[i] = " ".join(words[:-k]), " ".join(words[-k:])


def split_category(label: str, aliases: Vocabulary) -> tuple[str, str] | None:
    """'Code generation LiveCodeBench v5' -> ('Code generation', 'LiveCodeBench v5'): the shortest leading words
    that name no benchmark, followed by words that begin with one the vocabulary knows."""
    words = label.split()
    for k in range(1, min(5, len(words))):
        rest = words[k:]
        if aliases.dataset(" ".join(words[:k])):
            return None
        if any(aliases.dataset(" ".join(rest[:m])) for m in range(len(rest), 0, -1)):
            return " ".join(words[:k]), " ".join(rest)
    return None


def header_grid(table: Table, header_rows: int) -> list[list[str]]:
    """The header rows, whitespace collapsed, with a spanning header's cell that the drawing left blank
    restored: a blank above the same sub-header as its left neighbour ('BBH' over '0-shot / 3-shot'),
    under the same cells as that neighbour (a column under another model's name is another model's)."""
    width = table.n_cols
    header = [[re.sub(r"\s+", " ", r[j] if j < len(r) else "").strip() for j in range(width)] for r in table.grid[:header_rows]]
    for j in range(width):
        for row, cell in zip(header, without_translation([row[j] for row in header])):
            row[j] = cell
    for k in range(len(header) - 1):
        for j in range(1, width):
            below = [header[m][j] for m in range(k + 1, len(header))]
            same = all(header[m][j] == header[m][j - 1] for m in range(k + 1, len(header))) and all(
                header[m][j] == header[m][j - 1] for m in range(k))
            if not header[k][j] and header[k][j - 1] and any(below) and same:
                header[k][j] = header[k][j - 1]
    for row in header[:-1]:
        for j in range(2, width):
            if _BARE_VERSION.match(row[j]) and row[j - 1] and not any(ch.isdigit() for ch in row[j - 1]):
                row[j - 1] = row[j] = f"{row[j - 1]} {row[j]}"
    return header


class _ColumnPath(NamedTuple):
    group: str
    label: str
    benchmark: str
    wide: bool  # the span over the label is not its header: the label alone names the column


def _column_parts(header: list[list[str]], layout: Layout, aliases: Vocabulary) -> list[_ColumnPath]:
    """(group, label, benchmark) per column: group-row cells that name no dataset are the column's group;
    the rest its label. A group cell that names a benchmark over a label that names none ('RULER' over
    '0-8K') is the benchmark the label is a part of."""
    width = len(header[0]) if header else 0
    k = _group_rows(header, layout.label_cols)
    parts = []
    for j in range(width):
        groups = [header[i][j] for i in range(k) if not aliases.dataset(header[i][j]) and not _GENERIC_GROUP.match(header[i][j])]
        own = join_distinct([header[i][j] for i in range(len(header)) if header[i][j] not in groups and not (i < k and _GENERIC_GROUP.match(header[i][j]))])
        bench = next((header[i][j] for i in range(k) if header[i][j] and aliases.dataset(header[i][j])), "")
        below = join_distinct([header[i][j] for i in range(len(header)) if header[i][j] not in (bench, *groups)])
        if not bench:  # a name two benchmarks share ('SEED'), told apart by the split under it ('test-zh')
            bench = next((g for g in groups if g and below and aliases.dataset_with_subset(g, below)), "")
            if bench:
                groups = [g for g in groups if g != bench]
                own = below
        wide = bool(bench) and bool(below) and bool(aliases.dataset(below) or aliases.dataset(split_label(below, aliases).name))
        if bench and (wide or aliases.dataset(own) or aliases.dataset(split_label(own, aliases).name)):
            bench = ""  # 'GPQA' over 'Diamond' names one benchmark
        if wide:  # a span drawn too wide over 'USACO' names another benchmark than the column's
            own = below
        parts.append(_ColumnPath(join_distinct(groups), own, bench, wide) if own else _ColumnPath("", join_distinct(groups), bench, wide))
    return parts


def _setting_rows(header: list[list[str]], label_cols: int) -> dict[int, str]:
    """Header rows whose corner names a setting ('Extended Thinking' over '100K | 64K'): each column's cell is
    that column's setting. The rows are blanked so they do not join the model names."""
    out: dict[int, str] = {}
    found = [k for k, row in enumerate(header) if any(row[label_cols:]) and (
        (_SETTING_ROW.search(" ".join(row[:label_cols])) and all(len(c.split()) <= 3 for c in row[label_cols:]))
        or (k > 0 and all(is_header_setting(c) for c in row[label_cols:] if c)))]
    # a setting row drawn over two lines ('Extended' / 'Thinking') repeats its cells on both
    found += [k + d for k in found for d in (-1, 1)
              if 0 <= k + d < len(header) and header[k + d][label_cols:] == header[k][label_cols:]]
    for k in sorted(set(found)):
        for j, cell in enumerate(header[k][label_cols:], start=label_cols):
            if cell:
                out[j] = header_setting(cell)
    for k in set(found):
        header[k][:] = [""] * len(header[k])
    # a row that mixes reasoning levels under one model's name with other models' names ('low | high | Orca')
    for k, row in enumerate(header[1:], start=1):
        modes = [j for j in range(label_cols, len(row)) if is_reasoning_mode(row[j]) and any(header[m][j] for m in range(k))]
        if len(modes) >= 2:
            for j in modes:
                out[j] = "; ".join(s for s in (out.get(j), header_setting(row[j])) if s)
                row[j] = ""
    return out


def _metric_rows(header: list[list[str]], label_cols: int, aliases: Vocabulary, settings: dict[int, str]) -> dict[int, str]:
    """Header rows below the first whose cells are all metrics or settings ('pass@1 | cons@64 | rating'):
    each cell is its column's metric or setting, not a part of the benchmark's name."""
    out: dict[int, str] = {}
    for row in header[1:]:
        cells = [(j, c) for j, c in enumerate(row) if j >= label_cols and c]
        # a pair '0-shot / 5-shot' is split over its columns elsewhere (build._pair_settings)
        if not cells or not all(aliases.metric(c) or (parse_setting(c) and "/" not in c) for _, c in cells):
            continue
        for j, c in cells:
            if parse_setting(c) and not aliases.metric(c):
                settings[j] = "; ".join(s for s in (settings.get(j), parse_setting(c)) if s)
            else:
                out[j] = c
        row[:] = [""] * len(row)
    return out


def _join_split_titles(row: list[str], label_cols: int) -> None:
    """A group title the reader set over two columns in two pieces ('Hidden Feature' | 'Modeling'):
    each piece takes the whole title, so that it reads, and is dropped, as one."""
    for j in range(label_cols, len(row) - 1):
        a, b = row[j], row[j + 1]
        if a and b and a != b and not _GROUP_TITLE.match(a) and (_GROUP_WORD.match(b) or _GROUP_TITLE.match(f"{a} {b}") and not _GROUP_TITLE.match(b)):
            row[j] = row[j + 1] = f"{a} {b}"


def _drop_group_titles(header: list[list[str]], label_cols: int) -> dict[int, str]:
    """'Open-Weight Models' or 'Ours' over several model columns names a group, not a part of each
    name; so does one spanning the columns under their names ('Larger Training Compute Model').
    A setting in the title's brackets ('Baselines (high)') is each column's setting: returned."""
    settings: dict[int, str] = {}
    for k, row in enumerate(header):
        _join_split_titles(row, label_cols)
        spans = [j for j in range(label_cols, len(row)) if row[j] and any(0 <= i < len(row) and row[i] == row[j] for i in (j - 1, j + 1))]
        for j in range(label_cols, len(row)):
            below = [r[j] for r in header[k + 1 :] if r[j]]
            above = [r[j] for r in header[:k] if r[j]]
            title, groups = split_trailing_parens(row[j])
            modes = [header_setting(g) for g in groups if is_reasoning_mode(g) or parse_setting(g)]
            if not modes or len(modes) != len(groups):
                title, modes = row[j], []
            if _GROUP_TITLE.match(title) and ((below and below[0] != row[j]) or (not below and above and j in spans)):
                row[j] = ""
                if modes:
                    settings[j] = "; ".join(modes)
    return settings


def _label_texts(table: Table, layout: Layout, aliases: Vocabulary) -> tuple[list[str], list[str], list[str], str]:
    header = header_grid(table, layout.header_rows)
    layout.corner_metric = next(filter(None, (corner_metric(join_distinct(r[: layout.label_cols]), aliases) for r in header)), None)
    layout.column_settings = _setting_rows(header, layout.label_cols)
    layout.column_metrics = _metric_rows(header, layout.label_cols, aliases, layout.column_settings)
    for j, setting in _drop_group_titles(header, layout.label_cols).items():
        layout.column_settings[j] = "; ".join(s for s in (setting, layout.column_settings.get(j)) if s)
    columns = [join_distinct([r[j] for r in header if j < layout.label_cols or len(header) == 1 or not _GENERIC_GROUP.match(r[j])])
               for j in range(table.n_cols)]
    layout.roles = {
        j: LABEL_COL_ROLES[columns[j].casefold()] for j in range(layout.label_cols) if columns[j].casefold() in LABEL_COL_ROLES
    }
    if not any(_MODEL_CORNER.match(columns[j]) for j in range(layout.label_cols) if j not in layout.roles):
        # a 'Benchmark' column with no 'Model' column beside it names the rows: it is no role
        layout.roles = {j: role for j, role in layout.roles.items() if role != "dataset"}
    layout.columns = columns
    parts = _column_parts(header, layout, aliases)
    layout.groups = [p.group for p in parts]
    layout.benchmarks = [p.benchmark for p in parts]
    layout.columns = columns = [p.label if p.wide else c for p, c in zip(parts, columns)]
    # a language over benchmark columns ('French' over 'ARC-c | HellaSwag') is their subset, not their task
    layout.subsets = [aliases.language(g) or "" for g in layout.groups]
    layout.groups = ["" if sub else g for g, sub in zip(layout.groups, layout.subsets)]
    body = table.grid[layout.header_rows :]
    layout.kinds = label_kinds(body, columns, layout.label_cols, layout.roles)
    for j in [j for j, kind in layout.kinds.items() if kind == "name"][1:]:
        cells = {c for r in body if j < len(r) and (c := r[j].strip())}
        if cells and all(parse_setting(split_label(c, aliases).name) for c in cells):
            layout.roles[j] = "setting"  # 'single attempt (pass@1)' beside the benchmark's name: how it was scored
            del layout.kinds[j]
    corner = join_distinct([columns[j] for j in range(layout.label_cols) if layout.kinds.get(j) in ("name", "size")])
    grid = fill_blanks(table, layout.header_rows, layout.label_cols, layout.kinds)
    datasets = [j for j, role in layout.roles.items() if role == "dataset"]
    if datasets:
        layout.row_datasets = band_texts(table, datasets[0], layout.header_rows, layout.label_cols)
    groups = [j for j, k in layout.kinds.items() if k == "group"]
    layout.labels = [layout.row_label(r) if i >= layout.header_rows else "" for i, r in enumerate(grid)]
    layout.row_groups = [join_distinct([r[j] for j in groups]) if i >= layout.header_rows else "" for i, r in enumerate(grid)]
    _split_lead_scores(layout, corner, len(grid))
    if _CATEGORY_CORNER.match(corner):
        # 'Capability Benchmark' over one column: each label is a category followed by its benchmark
        for i in range(layout.header_rows, len(grid)):
            if found := split_category(layout.labels[i], aliases):
                layout.row_groups[i], layout.labels[i] = found
    rows = layout.labels[layout.header_rows :]
    own = [p.label for p in parts[layout.label_cols :]]
    return columns[layout.label_cols :], own, rows, corner


def read_layout(table: Table, aliases: Vocabulary) -> Layout | None:
    """Which axis holds the models. Alias hits decide; then the corner cell; then model-like names."""
    header_rows = header_rows_of(table)  # the rows the reader marked as column headers
    label_cols = count_label_cols(table, header_rows)
    if header_rows == 0 or label_cols == 0 or label_cols >= table.n_cols:
        return None
    layout = Layout(form="wide", header_rows=header_rows, label_cols=label_cols)
    column_labels, column_own, row_labels, corner = _label_texts(table, layout, aliases)
    layout.non_results = is_non_results(layout, row_labels)
    cols_ds = max(_dataset_share(column_labels, aliases), _dataset_share(column_own, aliases))
    # a category column naming benchmarks ('RULER' beside '32K | 128K') says the rows hold them
    rows_ds = max(_dataset_share(row_labels, aliases), _dataset_share(layout.row_groups[header_rows:], aliases))
    # a results table may carry a 'Size (GB)' column beside its benchmarks: known benchmarks win
    layout.non_results = layout.non_results and cols_ds == rows_ds == 0
    signs = [lab for lab in [*layout.columns[layout.label_cols :], *row_labels] if _NON_RESULTS_LABEL.search(lab) or DESCRIPTOR.search(lab)]
    layout.doubtful = not layout.non_results and bool(signs) and cols_ds == rows_ds == 0
    if rows_ds > cols_ds:
        layout.models_on = "columns"
    elif cols_ds > rows_ds:
        layout.models_on = "rows"
    elif _MODEL_CORNER.match(corner):
        layout.models_on = "rows"
    elif _DATASET_CORNER.match(corner):
        layout.models_on = "columns"
    else:
        layout.guessed = True
        layout.models_on = "rows" if _model_share(row_labels) >= _model_share(column_labels) else "columns"
    if layout.models_on == "rows":
        # datasets on columns: a group header above them is their task, not part of their name
        layout.columns = layout.columns[: layout.label_cols] + column_own
    else:
        layout.groups = [""] * table.n_cols
    return layout


def is_non_results(layout: Layout, row_labels: list[str]) -> bool:
    """Hyperparameter, data-mix or architecture tables: their labels are settings of a run, not benchmarks."""
    labels = [c.casefold() for c in layout.columns] + [r.casefold() for r in row_labels]
    # A label column named 'Size' beside model names is not a sign; a value column named 'Value' is.
    heads = layout.columns[:1] + layout.columns[layout.label_cols :]
    # 'Proportion (%)', 'Tokens (B)': the unit does not change what the column holds
    if any(_NON_RESULTS_HEADER.match(re.sub(r"\s*[(\[][^()\[\]]*[)\]]\s*$", "", c)) for c in heads if c):
        return True
    hits = sum(1 for lab in labels if _NON_RESULTS_LABEL.search(lab))
    return hits >= max(2, len([lab for lab in labels if lab]) // 2)
