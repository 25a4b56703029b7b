"""A table as the records stage understands it, before any record is made: what each value column and
each row stands for (benchmark, subsets, metric, setting, model, category), and what the caption says
of every record. `extractor explain` prints it, so a reviewer can see why a record got its labels.
"""

from __future__ import annotations

from pydantic import BaseModel

from extractor.model.document import Table
from extractor.readers.roles import is_marked, mark_cell_roles, section_rows_of
from extractor.records.axes import Layout, long_roles, read_layout
from extractor.records.caption import CaptionFacts, TableKind, read_caption
from extractor.records.cell_labels import column_benchmark, columns_are_parts
from extractor.records.label_index import LabelEntry, index_labels
from extractor.vocab import Vocabulary


class ColumnSemantics(BaseModel):
    col: int
    header: list[str]  # the header cells over the column, top to bottom, as printed
    label: (
        str  # what the column's records take as their dataset (models on rows) or model (models on columns)
    )
    # the benchmark the column is a part of: a header over it names it, or the caption
    benchmark: str | None = None
    group: str | None = None  # a header over several columns: a category, or a part of the benchmark
    subset: str | None = None  # a language or split a header states
    metric: str | None = None
    setting: str | None = None


class RowSemantics(BaseModel):
    row: int
    label: str
    group: str | None = None  # a category column's text, or the category printed in the label
    section: bool = False  # a section row: it names the rows below ('Math', 'Open-source models')


class TableSemantics(BaseModel):
    table_index: int
    page: int | None = None
    caption: str | None = None
    facts: CaptionFacts
    form: str  # 'wide' (a grid of scores) or 'long' (one score per row)
    models_on: str | None = None  # 'rows' or 'columns'
    header_rows: int = 0
    label_cols: int = 0
    kind: TableKind | None = None
    # per label column: name, size, group, attribute, or a role (setting, metric, task)
    label_roles: dict[int, str] = {}
    columns: list[ColumnSemantics] = []
    rows: list[RowSemantics] = []
    labels: list[LabelEntry] = []  # each distinct label once, with its role

    def render(self) -> str:
        lines = [
            f"table {self.table_index}"
            + (f" (page {self.page})" if self.page else "")
            + f": {self.caption or '(no caption)'}"
        ]
        facts = {k: v for k, v in self.facts.model_dump().items() if v}
        lines.append(
            f"  {self.form} form, models on {self.models_on or '-'}; {self.header_rows} header row(s), "
            f"{self.label_cols} label column(s); kind {self.kind or 'results'}"
        )
        if facts:
            lines.append("  caption: " + ", ".join(f"{k}={v}" for k, v in facts.items()))
        if self.label_roles:
            lines.append(
                "  label columns: " + ", ".join(f"{j}={role}" for j, role in sorted(self.label_roles.items()))
            )
        for c in self.columns:
            parts = {k: v for k, v in c.model_dump(exclude={"col", "header", "label"}).items() if v}
            extra = "; " + ", ".join(f"{k}={v}" for k, v in parts.items()) if parts else ""
            lines.append(
                f"  column {c.col}: {c.label!r} <- {' / '.join(h for h in c.header if h) or '-'}{extra}"
            )
        for r in self.rows:
            tag = " (section)" if r.section else (f"; group={r.group}" if r.group else "")
            lines.append(f"  row {r.row}: {r.label!r}{tag}")
        if self.labels:
            lines.append(
                "  labels: "
                + ", ".join(
                    f"{e.label!r}={e.role}"
                    + (f"({e.canonical})" if e.canonical and e.canonical != e.label else "")
                    for e in self.labels
                )
            )
        return "\n".join(lines)


def read_semantics(table: Table, vocab: Vocabulary) -> TableSemantics:
    """The table's semantics; a table whose axes cannot be read has its caption facts only."""
    facts = read_caption(table.caption, vocab)
    base = TableSemantics(
        table_index=table.index,
        page=table.page,
        caption=table.caption,
        facts=facts,
        form="long" if table.grid and long_roles(table.grid[0]) else "wide",
        kind=facts.kind,
    )
    if base.form == "long":
        return base
    table = table if is_marked(table) else mark_cell_roles(table)
    layout = read_layout(table, vocab)
    if layout is None:
        return base
    return base.model_copy(
        update={
            "models_on": layout.models_on,
            "header_rows": layout.header_rows,
            "label_cols": layout.label_cols,
            "kind": "not-results" if layout.non_results else facts.kind,
            "label_roles": {**layout.kinds, **layout.roles},
            "columns": _columns(table, layout, facts, vocab),
            "rows": _rows(table, layout),
            "labels": list(index_labels(table, layout, vocab).entries.values()),
        }
    )


def _columns(table: Table, layout: Layout, facts: CaptionFacts, vocab: Vocabulary) -> list[ColumnSemantics]:
    context = facts.parent or facts.benchmark
    parts_of = context if columns_are_parts(layout, context, vocab) else None
    out = []
    for j in range(layout.label_cols, table.n_cols):
        header = [" ".join(r[j].split()) for r in table.grid[: layout.header_rows] if j < len(r)]
        out.append(
            ColumnSemantics(
                col=j,
                header=list(dict.fromkeys(header)),
                label=layout.columns[j] if j < len(layout.columns) else "",
                benchmark=column_benchmark(layout, j, parts_of) or facts.parent,
                group=_at(layout.groups, j),
                subset=_at(layout.subsets, j),
                metric=layout.column_metrics.get(j),
                setting=layout.column_settings.get(j),
            )
        )
    return out


def _rows(table: Table, layout: Layout) -> list[RowSemantics]:
    sections = section_rows_of(table)
    return [
        RowSemantics(row=i, label=layout.labels[i], group=_at(layout.row_groups, i), section=i in sections)
        for i in range(layout.header_rows, table.n_rows)
        if layout.labels[i]
    ]


def _at(values: list[str], i: int) -> str | None:
    return (values[i] if i < len(values) else "") or None
