"""Exports: results.csv, results.jsonl, documents/<doc_id>.json and run.json, all UTF-8 and atomic."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from extractor.formats.atomic import write_atomic
from extractor.model.record import CONTRACT_FIELDS, ResultRecord
from extractor.model.report import DocumentResult, RunReport

# CSV columns: the contract's, then the extra fields in model order.
CSV_FIELDS = list(CONTRACT_FIELDS) + [f for f in ResultRecord.model_fields if f not in CONTRACT_FIELDS]

__all__ = ["CSV_FIELDS", "write_atomic", "records_csv", "records_jsonl", "write_document", "write_results", "write_run"]


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
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for rec in records:
        data = rec.model_dump()
        writer.writerow({k: _csv_value(data[k]) for k in CSV_FIELDS})
    return buf.getvalue()


def records_jsonl(records: list[ResultRecord]) -> str:
    return "".join(json.dumps(r.model_dump(mode="json"), ensure_ascii=False) + "\n" for r in records)


def write_document(outdir: Path, result: DocumentResult) -> Path:
    path = outdir / "documents" / f"{result.doc_id}.json"
    write_atomic(path, result.model_dump_json(indent=2) + "\n")
    return path


def write_results(outdir: Path, records: list[ResultRecord], formats: set[str]) -> None:
    if "csv" in formats:
        write_atomic(outdir / "results.csv", records_csv(records))
    if "jsonl" in formats:
        write_atomic(outdir / "results.jsonl", records_jsonl(records))


def write_run(outdir: Path, report: RunReport) -> None:
    write_atomic(outdir / "run.json", report.model_dump_json(indent=2) + "\n")
