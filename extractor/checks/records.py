"""Checks of records. During a run every record is re-validated before it is written (validate_records:
a bad one becomes a warning, never a crash). After a run, `extractor validate` makes the semantic
checks below; each issue names the record it concerns and says why.

- percent-out-of-range (error): a percentage (unit `%`, or a metric named with `%`) outside 0..100;
- no-dataset, no-model (error): a record without one;
- conflicting-values (error): one (document, dataset, model, metric, setting) with two values, among
  the records a leaderboard would take (a record flagged for another doubt is out of every
  leaderboard already, with its reason: an unknown dataset, a guessed orientation ...);
- unknown-direction (warning): a metric not known to be higher- or lower-is-better (once per metric);
- outlier (warning): a value far from every other value of the same (dataset, metric) in the store:
  its nearest other value is further away than `outlier_factor` times the larger of the others'
  spread (max - min) and half their median magnitude (a fraction among percentages, a value with a
  lost or extra digit); it needs `outlier_min_others` other values.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict

from pydantic import ValidationError

from extractor.model.document import DocumentWarning
from extractor.model.issues import Issue, RecordData, RecordRef, Severity
from extractor.model.options import ValidateOptions
from extractor.model.record import ResultRecord
from extractor.vocab.directions import metric_direction
from extractor.vocab.names import Vocabulary


def _blank(value: object) -> bool:
    return not isinstance(value, str) or not value.strip()


def _number(value: object) -> float | None:
    return (
        float(value)
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
        else None
    )


def _issue(severity: Severity, code: str, reason: str, ref: RecordRef) -> Issue:
    return Issue(severity=severity, code=code, reason=reason, file=ref.file, record=ref)


def is_percentage(data: dict) -> bool:
    return data.get("unit") == "%" or "%" in str(data.get("metric") or "")


def check_percent(records: list[RecordData]) -> list[Issue]:
    issues = []
    for data, ref in records:
        value = _number(data.get("value"))
        if value is not None and is_percentage(data) and not 0 <= value <= 100:
            issues.append(
                _issue("error", "percent-out-of-range", f"percentage {value:g} is outside 0 to 100", ref)
            )
    return issues


def check_names(records: list[RecordData]) -> list[Issue]:
    issues = []
    for data, ref in records:
        for field in ("dataset", "model"):
            if _blank(data.get(field)):
                issues.append(_issue("error", f"no-{field}", f"record has no {field}", ref))
    return issues


def _conflict_key(data: dict) -> tuple:
    return tuple(data.get(k) for k in ("doc_id", "dataset", "model", "metric", "setting"))


def _taken(data: dict) -> bool:
    """A record a leaderboard takes, but for being in conflict (the flag this check is about)."""
    flags = set(data.get("flags") or []) - {"conflicting-values"}
    return not flags and data.get("model_role") != "ablation"


def check_conflicts(records: list[RecordData]) -> list[Issue]:
    """Every record a leaderboard would take whose value differs from the first such record of its
    (document, dataset, model, metric, setting)."""
    first: dict[tuple, tuple[float, RecordRef]] = {}
    issues = []
    for data, ref in records:
        value = _number(data.get("value"))
        if value is None or _blank(data.get("dataset")) or _blank(data.get("model")) or not _taken(data):
            continue
        key = _conflict_key(data)
        if key not in first:
            first[key] = (value, ref)
        elif first[key][0] != value:
            other_value, other = first[key]
            where = (
                f"table {other.table_index} row {other.row} col {other.col}"
                if other.table_index is not None
                else other.label()
            )
            issues.append(
                _issue(
                    "error",
                    "conflicting-values",
                    f"{value:g} here but {other_value:g} at {where} for the same dataset, model, metric "
                    "and setting",
                    ref,
                )
            )
    return issues


def check_directions(records: list[RecordData], aliases: Vocabulary | None = None) -> list[Issue]:
    """One warning per metric whose direction is unknown, on its first record, with the count."""
    seen: dict[str, list[RecordRef]] = defaultdict(list)
    for data, ref in records:
        metric = data.get("metric")
        name = metric if isinstance(metric, str) else ""
        if metric_direction(name or None, aliases) is None:
            seen[name].append(ref)
    issues = []
    for name, refs in seen.items():
        what = f"metric {name!r}" if name else "a record with no metric"
        count = f" ({len(refs)} records)" if len(refs) > 1 else ""
        issues.append(
            _issue(
                "warning",
                "unknown-direction",
                f"{what}: unknown whether higher or lower is better, so it cannot be ranked{count}",
                refs[0],
            )
        )
    return issues


Located = tuple[
    str | None, int | None, int | None, int | None
]  # doc_id, table, row, col: one record's identity


def _located(data: dict) -> Located:
    return (data.get("doc_id"), data.get("table_index"), data.get("row"), data.get("col"))


def benchmark_values(records: list[dict]) -> dict[tuple, list[tuple[Located, float]]]:
    """Values by (dataset, metric), each with where it is (to leave a record's own value out)."""
    values: dict[tuple, list[tuple[Located, float]]] = defaultdict(list)
    for data in records:
        value = _number(data.get("value"))
        if value is not None and not _blank(data.get("dataset")):
            values[(data.get("dataset"), data.get("metric"))].append((_located(data), value))
    return values


def is_far(value: float, others: list[float], factor: float) -> bool:
    """Further from its nearest other value than `factor` times the larger of the others' spread
    (max - min) and half their median magnitude: 0.86 among 60..80 is far, 30 among 60..80 is not."""
    nearest = min(abs(value - o) for o in others)
    spread = max(others) - min(others)
    scale = max(spread, 0.5 * statistics.median(abs(o) for o in others))
    return nearest > factor * scale if scale > 0 else nearest > 0


def check_outliers(
    records: list[RecordData],
    store: dict[tuple, list[tuple[Located, float]]],
    options: ValidateOptions = ValidateOptions(),
) -> list[Issue]:
    issues = []
    for data, ref in records:
        value = _number(data.get("value"))
        if value is None:
            continue
        here = _located(data)
        others = [v for loc, v in store.get((data.get("dataset"), data.get("metric")), []) if loc != here]
        if len(others) >= options.outlier_min_others and is_far(value, others, options.outlier_factor):
            issues.append(
                _issue(
                    "warning",
                    "outlier",
                    f"{value:g} is far from every other value of "
                    f"{data.get('dataset')} / {data.get('metric') or '-'} "
                    f"in the store ({len(others)} values, {min(others):g} to {max(others):g})",
                    ref,
                )
            )
    return issues


def semantic_issues(
    records: list[RecordData],
    store: dict,
    options: ValidateOptions = ValidateOptions(),
    aliases: Vocabulary | None = None,
) -> list[Issue]:
    """The meaning checks, of the records no reviewer rejected (a rejected record is out of every
    leaderboard and its doubt settled)."""
    records = [(data, ref) for data, ref in records if data.get("review") != "rejected"]
    return [
        *check_names(records),
        *check_percent(records),
        *check_conflicts(records),
        *check_directions(records, aliases),
        *check_outliers(records, store, options),
    ]


def _reason(error: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors())


def validate_records(records: list[ResultRecord]) -> tuple[list[ResultRecord], list[DocumentWarning]]:
    """Re-validate each record from its data (catching values set without validation); drop the invalid
    ones."""
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
        key = (checked.table_index, checked.row, checked.col, checked.cell_part, checked.metric)
        if key in seen:
            continue
        seen.add(key)
        good.append(checked)
    return good, warnings
