"""Schema checks of an output folder: every file is read and validated against the model its JSON
Schema is generated from (so a file that passes here passes the schema in schemas/ too)."""

from __future__ import annotations

import csv
import io
import json
import types
import typing
from pathlib import Path

from pydantic import BaseModel, ValidationError

from extractor.model.record import ResultRecord
from extractor.model.report import DocumentResult, RunReport
from extractor.model.issues import Issue, RecordRef

RecordData = tuple[dict, RecordRef]
_REF_FIELDS = set(RecordRef.model_fields)


def ref_of(data: dict, file: str | None, line: int | None) -> RecordRef:
    """The record's locator and labels, keeping only values of the right type (the data may be invalid)."""
    picked: dict = {}
    for key in _REF_FIELDS - {"file", "line"}:
        value = data.get(key)
        if key == "value":
            ok = isinstance(value, int | float) and not isinstance(value, bool)
        elif key in ("table_index", "row", "col"):
            ok = isinstance(value, int) and not isinstance(value, bool)
        else:
            ok = isinstance(value, str)
        if ok:
            picked[key] = value
    return RecordRef(**picked, file=file, line=line)


def _reason(error: ValidationError) -> str:
    return "; ".join(f"{'.'.join(str(p) for p in e['loc']) or 'file'}: {e['msg']}" for e in error.errors()[:5])


def _schema_issue(file: str, error: ValidationError | str, record: RecordRef | None = None) -> Issue:
    reason = error if isinstance(error, str) else _reason(error)
    return Issue(severity="error", code="schema", reason=reason, file=file, record=record)


def _check(model: type[BaseModel], data: object, file: str, issues: list[Issue], record: RecordRef | None = None) -> bool:
    try:
        model.model_validate(data)
        return True
    except ValidationError as e:
        issues.append(_schema_issue(file, e, record))
        return False


def _read_json(path: Path, name: str, issues: list[Issue]) -> object | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        issues.append(_schema_issue(name, f"not readable JSON: {e}"))
        return None


def check_jsonl(path: Path, name: str, issues: list[Issue]) -> list[RecordData]:
    records: list[RecordData] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            issues.append(_schema_issue(name, f"line {n}: not JSON: {e}"))
            continue
        if not isinstance(data, dict):
            issues.append(_schema_issue(name, f"line {n}: not a JSON object"))
            continue
        ref = ref_of(data, name, n)
        _check(ResultRecord, data, name, issues, ref)
        records.append((data, ref))
    return records


def _csv_value(text: str, annotation: object) -> object:
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
    return {k: _csv_value(v or "", fields[k].annotation) if k in fields else v for k, v in row.items() if k is not None}


def check_csv(path: Path, name: str, issues: list[Issue]) -> list[RecordData]:
    from extractor.formats.records import CSV_FIELDS

    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
    if list(reader.fieldnames or []) != CSV_FIELDS:
        issues.append(_schema_issue(name, f"header is not the record columns: expected {','.join(CSV_FIELDS)}"))
        return []  # rows under a wrong header would each repeat the same complaint
    records: list[RecordData] = []
    for n, row in enumerate(reader, start=1):
        data = record_from_csv_row(row)
        ref = ref_of(data, name, n)
        _check(ResultRecord, data, name, issues, ref)
        records.append((data, ref))
    return records


def check_outdir(outdir: Path) -> tuple[int, list[RecordData], list[Issue]]:
    """Validate every output file; return how many were checked, the records to check further, the issues.

    The records come from results.jsonl, else results.csv, else documents/*.json: each record once.
    """
    issues: list[Issue] = []
    checked = 0
    by_source: dict[str, list[RecordData]] = {}
    for name, model in (("run.json", RunReport),):
        if (outdir / name).is_file():
            checked += 1
            data = _read_json(outdir / name, name, issues)
            if data is not None:
                _check(model, data, name, issues)
    doc_records: list[RecordData] = []
    for path in sorted((outdir / "documents").glob("*.json")):
        checked += 1
        name = f"documents/{path.name}"
        data = _read_json(path, name, issues)
        if data is not None and _check(DocumentResult, data, name, issues) and isinstance(data, dict):
            doc_records += [(r, ref_of(r, name, None)) for r in data.get("records", []) if isinstance(r, dict)]
    by_source["documents"] = doc_records
    for name, reader in (("results.jsonl", check_jsonl), ("results.csv", check_csv)):
        if (outdir / name).is_file():
            checked += 1
            by_source[name] = reader(outdir / name, name, issues)
    for source in ("results.jsonl", "results.csv", "documents"):
        if by_source.get(source):
            return checked, by_source[source], issues
    return checked, [], issues
