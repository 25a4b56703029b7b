"""Read a table's shape: header rows, label columns, long or wide form, and which axis holds the models."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from extractor.document import Table
from extractor.normalize.aliases import Aliases
from extractor.normalize.labels import split_label
from extractor.tables.values import is_missing, parse_value

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
}
_MODEL_CORNER = re.compile(r"^(models?|methods?|systems?|approach(es)?|baselines?|name)\b", re.I)
_DATASET_CORNER = re.compile(r"^(benchmarks?|datasets?|tasks?|metrics?|evaluation|capabilit(y|ies)|category)\b", re.I)
_MODEL_LIKE = re.compile(r"\b\d+(\.\d+)?\s?[BMT]\b|\bv\d|\d+\.\d+|\bours\b|\bbase\b|\bchat\b|\binstruct\b", re.I)


_NON_RESULTS_HEADER = re.compile(r"^(hyper-?parameters?|parameters?|values?|config(uration)?s?|settings?|sizes?|count|#?\s*tokens|proportion|ratio|weight|epochs?)$", re.I)
_NON_RESULTS_LABEL = re.compile(
    r"learning rate|\blr\b|batch size|warm-?up|weight decay|epochs?|\bsteps?\b|dropout|optimi[sz]er|"
    r"\blayers?\b|attention heads|\bheads\b|hidden (size|dim)|dimension|vocab|context (length|window)|sequence length|"
    r"# ?params|parameters|activated|architecture|training tokens|\btokens\b|gpu hours|flops|precision|beta[12]?|adam",
    re.I,
)


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

    def row_label(self, row: list[str]) -> str:
        return join_distinct([row[j] for j in range(self.label_cols) if j not in self.roles and j < len(row)])


def is_value(text: str) -> bool:
    return parse_value(text) is not None


def long_roles(header: list[str]) -> dict[int, Role]:
    roles = {j: _LONG_ROLES[h.strip().casefold()] for j, h in enumerate(header) if h.strip().casefold() in _LONG_ROLES}
    needed = {"dataset", "model", "value"}
    return roles if needed <= set(roles.values()) else {}


def count_header_rows(table: Table) -> int:
    """Leading rows with no value and some text past the first column; a row with text only in its
    first cell is a category row ('Math'), not a header."""
    if table.header_rows is not None:
        return table.header_rows
    for i, row in enumerate(table.grid):
        if any(is_value(c) for c in row[1:]) or not any(c.strip() for c in row[1:]):
            return i
    return 0


def count_label_cols(table: Table, header_rows: int) -> int:
    body = table.grid[header_rows:]
    n_cols = table.n_cols
    for j in range(n_cols):
        column = [r[j] for r in body if j < len(r)]
        if any(is_value(c) for c in column):
            return j
    return n_cols


def _dataset_share(labels: list[str], aliases: Aliases) -> float:
    labels = [lab for lab in labels if lab.strip()]
    if not labels:
        return 0.0
    hits = sum(1 for lab in labels if aliases.dataset(lab) or aliases.dataset(split_label(lab, aliases).name))
    return hits / len(labels)


def _model_share(labels: list[str]) -> float:
    labels = [lab for lab in labels if lab.strip()]
    return sum(1 for lab in labels if _MODEL_LIKE.search(lab)) / len(labels) if labels else 0.0


def join_distinct(texts: list[str]) -> str:
    """Header texts stacked over one column ('Base' over '7B'), each once, whitespace collapsed."""
    parts: list[str] = []
    for t in texts:
        t = re.sub(r"\s+", " ", t).strip()
        # 'Falcon 7B' beside a size column '7B' stays 'Falcon 7B'.
        if t and not (parts and (parts[-1] == t or parts[-1].endswith(" " + t))):
            parts.append(t)
    return " ".join(parts)


def _group_rows(header: list[list[str]], label_cols: int) -> int:
    """Leading header rows whose cells span several value columns ('Reasoning' over 'GSM8K | ARC')."""
    last = header[-1]
    k = 0
    while k < len(header) - 1:
        row = header[k]
        if not any(row[j] and row[j] == row[j + 1] and last[j] != last[j + 1] for j in range(label_cols, len(row) - 1)):
            break
        k += 1
    return k


def _column_parts(table: Table, layout: Layout, aliases: Aliases) -> list[tuple[str, str]]:
    """(group, label) per column: group-row cells that name no dataset are the column's group; the rest its label."""
    width = table.n_cols
    header = [[re.sub(r"\s+", " ", r[j] if j < len(r) else "").strip() for j in range(width)] for r in table.grid[: layout.header_rows]]
    k = _group_rows(header, layout.label_cols)
    parts = []
    for j in range(width):
        groups = [header[i][j] for i in range(k) if not aliases.dataset(header[i][j])]
        own = join_distinct([header[i][j] for i in range(len(header)) if header[i][j] not in groups])
        parts.append((join_distinct(groups), own) if own else ("", join_distinct(groups)))
    return parts


def _label_texts(table: Table, layout: Layout, aliases: Aliases) -> tuple[list[str], list[str], list[str], str]:
    header = table.grid[: layout.header_rows]
    columns = [join_distinct([r[j] if j < len(r) else "" for r in header]) for j in range(table.n_cols)]
    layout.roles = {
        j: LABEL_COL_ROLES[columns[j].casefold()] for j in range(layout.label_cols) if columns[j].casefold() in LABEL_COL_ROLES
    }
    layout.columns = columns
    parts = _column_parts(table, layout, aliases)
    layout.groups = [g for g, _ in parts]
    corner = join_distinct([columns[j] for j in range(layout.label_cols) if j not in layout.roles])
    rows = [layout.row_label(r) for r in table.grid[layout.header_rows :]]
    own = [label for _, label in parts[layout.label_cols :]]
    return columns[layout.label_cols :], own, rows, corner


def read_layout(table: Table, aliases: Aliases) -> Layout | None:
    """Which axis holds the models. Alias hits decide; then the corner cell; then model-like names."""
    header_rows = count_header_rows(table)
    label_cols = count_label_cols(table, header_rows)
    if header_rows == 0 or label_cols == 0 or label_cols >= table.n_cols:
        return None
    layout = Layout(form="wide", header_rows=header_rows, label_cols=label_cols)
    column_labels, column_own, row_labels, corner = _label_texts(table, layout, aliases)
    layout.non_results = is_non_results(layout, row_labels)
    cols_ds = max(_dataset_share(column_labels, aliases), _dataset_share(column_own, aliases))
    rows_ds = _dataset_share(row_labels, aliases)
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
    if any(_NON_RESULTS_HEADER.match(c) for c in heads if c):
        return True
    hits = sum(1 for lab in labels if _NON_RESULTS_LABEL.search(lab))
    return hits >= max(2, len([lab for lab in labels if lab]) // 2)


def has_text(cells: list[str]) -> bool:
    return any(c.strip() and not is_missing(c) for c in cells)
