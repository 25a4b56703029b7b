"""The combined record files: results.csv and results.jsonl, written (UTF-8, atomically) and read back."""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from pathlib import Path

from extractor.formats.atomic import write_atomic
from extractor.model.record import CONTRACT_FIELDS, ResultRecord

# CSV columns: the contract's, then the extra fields in model order.
CSV_FIELDS = list(CONTRACT_FIELDS) + [f for f in ResultRecord.model_fields if f not in CONTRACT_FIELDS]


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return value


def records_csv(records: list[ResultRecord]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    writer.writerows([_csv_value(getattr(rec, k)) for k in CSV_FIELDS] for rec in records)
    return buf.getvalue()


def records_jsonl(records: list[ResultRecord]) -> str:
    return "".join(json.dumps(r.model_dump(mode="json"), ensure_ascii=False) + "\n" for r in records)


def write_results(outdir: Path, records: list[ResultRecord], formats: set[str]) -> None:
    if "csv" in formats:
        write_atomic(outdir / "results.csv", records_csv(records))
    if "jsonl" in formats:
        write_atomic(outdir / "results.jsonl", records_jsonl(records))


# --- reading


def _typed(text: str, annotation: object) -> object:
    kinds = set(typing.get_args(annotation)) if isinstance(annotation, types.UnionType) else {annotation}
    if any(typing.get_origin(t) is list for t in kinds):
        return [part for part in text.split(";") if part]
    if text == "" and (type(None) in kinds or annotation is not str):
        return None
    for kind in (bool, int, float):
        if kind in kinds:
            if kind is bool:
                return {"true": True, "false": False}.get(text.lower(), text)
            try:
                return kind(text)
            except ValueError:
                return text
    return text


def record_from_csv_row(row: dict[str, str]) -> dict:
    """A CSV row (as results.csv writes it) back to record data, typed as ResultRecord's fields are."""
    fields = ResultRecord.model_fields
    return {
        k: _typed(v or "", fields[k].annotation) if k in fields else v
        for k, v in row.items()
        if k is not None
    }
