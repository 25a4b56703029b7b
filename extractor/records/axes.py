"""Read a table's shape: header rows, label columns, long or wide form, and which axis holds the models."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from extractor.model.document import Table
from extractor.readers.roles import count_label_cols, header_rows_of
from extractor.records.headers import (
    GENERIC_GROUP,
    column_paths,
    drop_group_titles,
    header_grid,
    join_distinct,
    metric_rows,
    setting_rows,
)
from extractor.records.label_columns import Kind, band_texts, fill_blanks, label_kinds
from extractor.vocab.labels import known_benchmark, split_label
from extractor.vocab.names import Vocabulary
from extractor.vocab.patterns import MODEL_SIZE, PLAIN_NUMBER, SIZE_IN_TEXT
from extractor.vocab.settings import parse_setting

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
_CATEGORY_CORNER = re.compile(
    r"^(capabilit(y|ies)|categor(y|ies)|domains?|areas?|skills?)\s*[/&,]?\s*"
    r"(benchmarks?|datasets?|evaluations?)$",
    re.I,
)
_DATASET_CORNER = re.compile(
    r"^(benchmarks?|datasets?|tasks?|metrics?|evaluation|capabilit(y|ies)|category)\b", re.I
)
_MODEL_LIKE = re.compile(rf"\b{SIZE_IN_TEXT}\b|\bv\d|\d+\.\d+|\bours\b|\bbase\b|\bchat\b|\binstruct\b", re.I)


_NON_RESULTS_HEADER = re.compile(
    r"^(hyper-?parameters?|parameters?|values?|config(uration)?s?|settings?|sizes?|count|#?\s*tokens|"
    r"proportion|ratio|weight|epochs?)$",
    re.I,
)
_NON_RESULTS_LABEL = re.compile(
    r"learning rate|\blr\b|batch size|warm-?up|weight decay|epochs?|\bsteps?\b|dropout|optimi[sz]er|"
    r"\blayers?\b|attention heads|\bheads\b|hidden (size|dim)|dimension|vocab|context (length|window)|"
    r"sequence length|"
    r"# ?params|parameters|activated|architecture|training tokens|\btokens\b|gpu hours|flops|precision|"
    r"beta[12]?|adam",
    re.I,
)
# Rows (or columns) that describe the models rather than score them: '# Activated Params', 'Architecture'.
DESCRIPTOR = re.compile(
    r"^#|\bparams\b|parameters|architecture|context (length|window|size)|\btokens\b|kv cache|vocab|"
    r"\blayers\b|"
    r"\bheads\b|hidden (size|dim)|release|licen[cs]e|size \(gb\)|memory|model size|^sizes?$|"
    r"^((avg\.?|average|mean|response|output)\s+)?length$",
    re.I,
)


# A head ending in several sizes set a space apart: 'Nimbus 3 PT 4B 12B 27B', columns the PDF drew as one.
SIZE_LIST = re.compile(rf"^(?P<base>.*?\S)\s+(?P<sizes>(?:{MODEL_SIZE}\s+)+{MODEL_SIZE})$")
_HAS_SIZE = re.compile(rf"(?:^|[\s_-]){MODEL_SIZE}\b", re.I)


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
    # per value column: a metric a header row states ('pass@1' under 'AIME 2024')
    column_metrics: dict[int, str] = {}
    # per value column: a setting a header row states ('Extended Thinking | 32K')
    column_settings: dict[int, str] = {}
    # per column: a benchmark a group header names over its parts ('RULER' over '0-8K')
    benchmarks: list[str] = []
    # per column: a language or split a group header states over dataset columns ('French')
    subsets: list[str] = []
    # per grid row: the benchmark a 'Datasets' label column prints for its group of rows
    row_datasets: list[str] = []
    # a metric the header over the label columns states ('Benchmark (Accuracy (%))')
    corner_metric: str | None = None
    # per grid row: scores the PDF drew inside the label cell, under the corner's sizes
    lead_scores: dict[int, str] = {}

    def row_label(self, row: list[str]) -> str:
        cols = [
            j
            for j in range(min(self.label_cols, len(row)))
            if self.kinds.get(j, "name") in ("name", "size") and j not in self.roles
        ]
        names = [row[j] for j in cols if self.kinds.get(j, "name") == "name"]
        # a parameter count beside a name that prints its size already ('Nimbus-6B' | '5.9B') is no part
        # of it
        sized = any(_HAS_SIZE.search(n) for n in names)
        return join_distinct([row[j] for j in cols if not (sized and self.kinds.get(j) == "size")])


def corner_metric(text: str, aliases: Vocabulary) -> str | None:
    """'Benchmark (Accuracy (%))' over the label column: the metric of every row below it."""
    parts = split_label(text, aliases)
    corner = _MODEL_CORNER.match(parts.name) or _DATASET_CORNER.match(parts.name)
    return parts.metric_raw if corner and parts.metric_raw else None


def long_roles(header: list[str]) -> dict[int, Role]:
    roles = {
        j: _LONG_ROLES[h.strip().casefold()]
        for j, h in enumerate(header)
        if h.strip().casefold() in _LONG_ROLES
    }
    needed = {"dataset", "model", "value"}
    return roles if needed <= set(roles.values()) else {}


def _dataset_share(labels: list[str], aliases: Vocabulary) -> float:
    labels = [lab for lab in labels if lab.strip()]
    if not labels:
        return 0.0
    # a metric name ('Truthful', 'F1') is on the benchmarks' axis, never on the models'
    hits = sum(1 for lab in labels if known_benchmark(lab, aliases) or aliases.metric(lab))
    return hits / len(labels)


def _model_share(labels: list[str]) -> float:
    labels = [lab for lab in labels if lab.strip()]
    return sum(1 for lab in labels if _MODEL_LIKE.search(lab)) / len(labels) if labels else 0.0


def _split_lead_scores(labels: list[str], corner: str, header_rows: int) -> tuple[list[str], dict[int, str]]:
    """A label column drawn together with the first value column: the corner ends in k sizes ('Nimbus 2 /
    2B 9B 27B') and each label in k plain numbers ('XQuAD Indic 54.3 73.1 74.9'). The numbers are that
    column's scores (the `lead_scores` returned by row); the words before them are the label."""
    sizes = SIZE_LIST.match(corner)
    if not sizes:
        return labels, {}
    k = len(sizes.group("sizes").split())
    labels, lead_scores = list(labels), {}
    for i in range(header_rows, len(labels)):
        words = labels[i].split()
        if (
            len(words) > k
            and all(PLAIN_NUMBER.match(w) for w in words[-k:])
            and not PLAIN_NUMBER.match(words[-k - 1])
        ):
            labels[i], lead_scores[i] = " ".join(words[:-k]), " ".join(words[-k:])
    return labels, lead_scores


def split_category(label: str, aliases: Vocabulary) -> tuple[str, str] | None:
    """'Code generation LiveCodeBench v5' -> ('Code generation', 'LiveCodeBench v5'): the shortest leading
    words that name no benchmark, followed by words that begin with one the vocabulary knows."""
    words = label.split()
    for k in range(1, min(5, len(words))):
        rest = words[k:]
        if aliases.dataset(" ".join(words[:k])):
            return None
        if any(aliases.dataset(" ".join(rest[:m])) for m in range(len(rest), 0, -1)):
            return " ".join(words[:k]), " ".join(rest)
    return None


def _label_texts(
    table: Table, header_rows: int, label_cols: int, aliases: Vocabulary
) -> tuple[Layout, list[str], list[str], list[str], str]:
    """The wide layout's labels, before it is known which axis holds the models, and the texts that decide
    it: the value columns' labels (as joined, and each column's own), the rows' labels and the corner."""
    layout = Layout(form="wide", header_rows=header_rows, label_cols=label_cols)
    header = header_grid(table, layout.header_rows)
    layout.corner_metric = next(
        filter(None, (corner_metric(join_distinct(r[: layout.label_cols]), aliases) for r in header)), None
    )
    layout.column_settings = setting_rows(header, layout.label_cols)
    layout.column_metrics = metric_rows(header, layout.label_cols, aliases, layout.column_settings)
    for j, setting in drop_group_titles(header, layout.label_cols).items():
        layout.column_settings[j] = "; ".join(s for s in (setting, layout.column_settings.get(j)) if s)
    columns = [
        join_distinct(
            [
                r[j]
                for r in header
                if j < layout.label_cols or len(header) == 1 or not GENERIC_GROUP.match(r[j])
            ]
        )
        for j in range(table.n_cols)
    ]
    layout.roles = {
        j: LABEL_COL_ROLES[columns[j].casefold()]
        for j in range(layout.label_cols)
        if columns[j].casefold() in LABEL_COL_ROLES
    }
    if not any(_MODEL_CORNER.match(columns[j]) for j in range(layout.label_cols) if j not in layout.roles):
        # a 'Benchmark' column with no 'Model' column beside it names the rows: it is no role
        layout.roles = {j: role for j, role in layout.roles.items() if role != "dataset"}
    layout.columns = columns
    parts = column_paths(header, layout.label_cols, aliases)
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
            # 'single attempt (pass@1)' beside the benchmark's name: how it was scored
            layout.roles[j] = "setting"
            del layout.kinds[j]
    corner = join_distinct(
        [columns[j] for j in range(layout.label_cols) if layout.kinds.get(j) in ("name", "size")]
    )
    grid = fill_blanks(table, layout.header_rows, layout.label_cols, layout.kinds)
    datasets = [j for j, role in layout.roles.items() if role == "dataset"]
    if datasets:
        layout.row_datasets = band_texts(table, datasets[0], layout.header_rows, layout.label_cols)
    groups = [j for j, k in layout.kinds.items() if k == "group"]
    layout.labels = [layout.row_label(r) if i >= layout.header_rows else "" for i, r in enumerate(grid)]
    layout.row_groups = [
        join_distinct([r[j] for j in groups]) if i >= layout.header_rows else "" for i, r in enumerate(grid)
    ]
    layout.labels, layout.lead_scores = _split_lead_scores(layout.labels, corner, layout.header_rows)
    if _CATEGORY_CORNER.match(corner):
        # 'Capability Benchmark' over one column: each label is a category followed by its benchmark
        for i in range(layout.header_rows, len(grid)):
            if found := split_category(layout.labels[i], aliases):
                layout.row_groups[i], layout.labels[i] = found
    else:
        # a category printed on the first row of its group, on the benchmark's line ('Math MATH-500')
        for i in range(layout.header_rows, len(grid)):
            if (found := _category_lead(layout.labels[i], aliases)) and not layout.row_groups[i]:
                layout.row_groups[i], layout.labels[i] = found
    rows = layout.labels[layout.header_rows :]
    own = [p.label for p in parts[layout.label_cols :]]
    return layout, columns[layout.label_cols :], own, rows, corner


def _category_lead(label: str, aliases: Vocabulary) -> tuple[str, str] | None:
    """'Math MATH-500' -> ('Math', 'MATH-500'), 'Chinese C-Eval' -> ('Chinese', 'C-Eval'): a task or language
    word before a benchmark the vocabulary knows, when the whole label names none."""
    words = label.split()
    if len(words) < 2 or known_benchmark(label, aliases):
        return None
    lead, rest = words[0], " ".join(words[1:])
    if (
        (aliases.task(lead) or aliases.language(lead))
        and not aliases.spelt_as_named(lead)
        and known_benchmark(rest, aliases)
    ):
        return lead, rest
    return None


def read_layout(table: Table, aliases: Vocabulary) -> Layout | None:
    """Which axis holds the models. Alias hits decide; then the corner cell; then model-like names."""
    header_rows = header_rows_of(table)  # the rows the reader marked as column headers
    label_cols = count_label_cols(table, header_rows)
    if header_rows == 0 or label_cols == 0 or label_cols >= table.n_cols:
        return None
    layout, column_labels, column_own, row_labels, corner = _label_texts(
        table, header_rows, label_cols, aliases
    )
    layout.non_results = is_non_results(layout, row_labels)
    cols_ds = max(_dataset_share(column_labels, aliases), _dataset_share(column_own, aliases))
    # a category column naming benchmarks ('RULER' beside '32K | 128K') says the rows hold them
    rows_ds = max(
        _dataset_share(row_labels, aliases), _dataset_share(layout.row_groups[header_rows:], aliases)
    )
    # a results table may carry a 'Size (GB)' column beside its benchmarks: known benchmarks win
    layout.non_results = layout.non_results and cols_ds == rows_ds == 0
    signs = [
        lab
        for lab in [*layout.columns[layout.label_cols :], *row_labels]
        if _NON_RESULTS_LABEL.search(lab) or DESCRIPTOR.search(lab)
    ]
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
