"""Validation: every record is checked before it is written; a bad one becomes a warning, never a crash."""

from __future__ import annotations

from pydantic import ValidationError

from extractor.document import DocumentWarning
from extractor.records import ResultRecord


def _reason(error: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors())


def validate_records(records: list[ResultRecord]) -> tuple[list[ResultRecord], list[DocumentWarning]]:
    """Re-validate each record from its data (catching values set without validation); drop the invalid ones."""
    good: list[ResultRecord] = []
    warnings: list[DocumentWarning] = []
    seen: set[tuple] = set()
    for rec in records:
        try:
            checked = ResultRecord.model_validate(rec.model_dump())
        except ValidationError as e:
            warnings.append(
                DocumentWarning(
                    code="invalid-record",
                    message=f"table {rec.table_index} row {rec.row} col {rec.col}: {_reason(e)}",
                    page=rec.page,
                    table_index=rec.table_index,
                )
            )
            continue
        key = (checked.table_index, checked.row, checked.col, checked.metric)
        if key in seen:
            continue
        seen.add(key)
        good.append(checked)
    return good, warnings
