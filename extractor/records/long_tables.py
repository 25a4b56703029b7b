"""Long-form tables: one result per row, its dataset, model, metric and value each in a column of its
own."""

from __future__ import annotations

from functools import partial

from extractor.model.document import Document, Table
from extractor.model.record import ResultRecord
from extractor.records.axes import Role
from extractor.records.cell_record import cell_record, spanned_below
from extractor.vocab.scores import parse_rank, parse_value


def _text(row: list[str], col: dict[Role, int], role: Role) -> str | None:
    """The row's text in the column of that role, if the table has one."""
    return row[col[role]].strip() if role in col and col[role] < len(row) else None


def long_records(doc: Document, table: Table, roles: dict[int, Role]) -> list[ResultRecord]:
    col = {role: j for j, role in sorted(roles.items(), reverse=True)}
    out = []
    spanned = spanned_below(table)
    for i, row in enumerate(table.grid[1:], start=1):
        get = partial(_text, row, col)
        parsed = parse_value(get("value") or "")
        if parsed is None or not get("dataset") or not get("model") or (i, col["value"]) in spanned:
            continue
        rank = parse_rank(get("rank") or "")
        out.append(
            cell_record(
                doc,
                table,
                i,
                col["value"],
                parsed,
                dataset_raw=get("dataset"),
                model_raw=get("model"),
                metric_raw=get("metric") or None,
                task_raw=get("task") or None,
                setting_raw=get("setting") or None,
                global_rank=rank,
            )
        )
    return out
