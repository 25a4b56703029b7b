"""The output-folder audit (`extractor validate`): every file read and validated against the model its
JSON Schema is generated from (so a file that passes here passes the schema in schemas/ too), then
the records' meaning (checks.records) and, when asked, a reference (checks.reference).

A folder must also be whole and of one run (checks.complete): run.json and at least one record
file present (which of results.csv / results.jsonl the run wrote is inferred from those present),
each record file present holding the records of the documents run.json lists as done, as many as it
counts, and no file cut short (a last line without its newline, a CSV row with missing columns).
An empty folder fails."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ValidationError

from extractor.checks.complete import completeness_issues, store_issues
from extractor.checks.cross_document import cross_document_conflicts
from extractor.checks.records import benchmark_values, semantic_issues
from extractor.checks.reference import compare, load_reference
from extractor.formats.results import CSV_FIELDS, record_from_csv_row
from extractor.model.errors import InvalidOptionError, MissingInputError, StoreError
from extractor.model.issues import ISSUE_CODES, Issue, RecordData, RecordRef, ValidationReport, ref_of
from extractor.model.options import ValidateOptions
from extractor.model.record import ResultRecord
from extractor.model.report import DocumentResult, RunReport
from extractor.store import StoredDocument, open_store
from extractor.vocab.names import load_vocabulary


def _reason(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'file'}: {e['msg']}" for e in error.errors()[:5]
    )


def _schema_issue(file: str, error: ValidationError | str, record: RecordRef | None = None) -> Issue:
    reason = error if isinstance(error, str) else _reason(error)
    return Issue(severity="error", code="schema", reason=reason, file=file, record=record)


def _check(
    model: type[BaseModel], data: object, file: str, issues: list[Issue], record: RecordRef | None = None
) -> bool:
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


def _truncated(name: str, text: str, issues: list[Issue]) -> None:
    if text and not text.endswith("\n"):
        lines = text.count("\n") + 1
        reason = f"cut short: its last line (line {lines}) has no newline"
        issues.append(Issue(severity="error", code="truncated", reason=reason, file=name))


def check_jsonl(path: Path, name: str, issues: list[Issue]) -> list[RecordData]:
    records: list[RecordData] = []
    text = path.read_text(encoding="utf-8")
    _truncated(name, text, issues)
    for n, line in enumerate(text.splitlines(), start=1):
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


def check_csv(path: Path, name: str, issues: list[Issue]) -> list[RecordData]:
    text = path.read_text(encoding="utf-8")
    _truncated(name, text, issues)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if list(reader.fieldnames or []) != CSV_FIELDS:
        issues.append(
            _schema_issue(name, f"header is not the record columns: expected {','.join(CSV_FIELDS)}")
        )
        return []  # rows under a wrong header would each repeat the same complaint
    records: list[RecordData] = []
    for n, row in enumerate(reader, start=1):
        data = record_from_csv_row(row)
        ref = ref_of(data, name, n)
        cells: dict[object, object] = dict(row)
        if None in cells or None in cells.values():  # more columns than the header, or fewer
            extra = cells.pop(None, [])
            width = sum(v is not None for v in cells.values())
            width += len(extra) if isinstance(extra, list) else 0
            reason = f"row {n}: {width} columns, expected {len(CSV_FIELDS)} (cut short or malformed)"
            issues.append(Issue(severity="error", code="truncated", reason=reason, file=name, record=ref))
        _check(ResultRecord, data, name, issues, ref)
        records.append((data, ref))
    return records


@dataclass
class FolderContent:
    """What an output folder holds, read and schema-checked once for the later checks."""

    checked: int = 0
    issues: list[Issue] = field(default_factory=list)
    run: dict | None = None  # run.json, when it is there and valid
    by_source: dict[str, list[RecordData]] = field(default_factory=dict)  # per record file, "documents"
    documents: dict[str, tuple[str, str]] = field(default_factory=dict)  # documents/ file: (source, sha256)

    @property
    def records(self) -> list[RecordData]:
        """The records to check further: from results.jsonl, else results.csv, else documents/."""
        for source in ("results.jsonl", "results.csv", "documents"):
            if self.by_source.get(source):
                return self.by_source[source]
        return []


def check_outdir(outdir: Path) -> FolderContent:
    """Validate every output file against its schema, and the folder for being whole and of one run."""
    found = FolderContent()
    issues = found.issues
    if (outdir / "run.json").is_file():
        found.checked += 1
        data = _read_json(outdir / "run.json", "run.json", issues)
        if data is not None and _check(RunReport, data, "run.json", issues) and isinstance(data, dict):
            found.run = data
    doc_records: list[RecordData] = []
    for path in sorted((outdir / "documents").glob("*.json")):
        found.checked += 1
        name = f"documents/{path.name}"
        data = _read_json(path, name, issues)
        if data is not None and _check(DocumentResult, data, name, issues) and isinstance(data, dict):
            found.documents[name] = (data["source"], data["sha256"])
            doc_records += [
                (r, ref_of(r, name, None)) for r in data.get("records", []) if isinstance(r, dict)
            ]
    found.by_source["documents"] = doc_records
    for name, reader in (("results.jsonl", check_jsonl), ("results.csv", check_csv)):
        if (outdir / name).is_file():
            found.checked += 1
            found.by_source[name] = reader(outdir / name, name, issues)
    issues += completeness_issues(outdir, found.run, found.by_source)
    return found


def validate_outdir(
    outdir: Path, against: Path | None = None, db: str | None = None, options: ValidateOptions | None = None
) -> ValidationReport:
    """Check an output folder: every file against its schema, the folder whole and in step with its
    results store, the records' meaning, and a reference.

    The store is `db`, else OUTDIR/results.db when it exists; the outlier check compares with its
    records (else the folder's own).
    """
    options = options or ValidateOptions()
    if not outdir.is_dir():
        raise MissingInputError(f"{outdir}: no such output folder")
    aliases = load_vocabulary()
    found = check_outdir(outdir)
    issues, records = found.issues, found.records
    store_name = db or "results.db"
    if db is not None or (outdir / "results.db").is_file():
        found.checked += 1
        stored_docs, stored, problem = _read_store(outdir, db)
        if problem is None:
            issues += store_issues(
                found.run, found.documents, found.by_source, stored_docs, stored, store_name
            )
        else:
            issues.append(Issue(severity="error", code="schema", reason=problem, file=store_name))
    else:
        stored = []
    store = benchmark_values(stored or [data for data, _ in records])
    issues += semantic_issues(records, store, options, aliases)
    issues += cross_document_conflicts(records, stored, aliases)
    report = ValidationReport(
        outdir=str(outdir), files_checked=found.checked, records_checked=len(records), issues=issues
    )
    if against is not None:
        reference, problems = load_reference(against)
        report.issues += problems
        report.comparison = compare(records, reference, str(against), aliases, options)
    return report


def narrow(
    report: ValidationReport, only: set[str] | None = None, document: str | None = None
) -> ValidationReport:
    """The report with only the issues of the checks in `only` and of the document `document` (its
    doc_id, or the doc_id without its content-hash suffix); the exit status follows what is kept."""
    unknown = sorted((only or set()) - set(ISSUE_CODES))
    if unknown:
        raise InvalidOptionError(f"unknown check {', '.join(unknown)}; the checks: {', '.join(ISSUE_CODES)}")

    def kept(issue: Issue) -> bool:
        doc = issue.record.doc_id if issue.record else None
        named = document is None or (doc is not None and document in (doc, doc.rsplit("-", 1)[0]))
        return (not only or issue.code in only) and named

    return report.model_copy(update={"issues": [i for i in report.issues if kept(i)]})


def _read_store(outdir: Path, db: str | None) -> tuple[list[StoredDocument], list[dict], str | None]:
    """The store's documents and records (each validated as it is read), or what stopped the reading."""
    try:
        with open_store(db, outdir) as store:
            return store.documents(), [r.model_dump() for r in store.records()], None
    except StoreError as e:
        return [], [], str(e).splitlines()[0]
    except ValidationError as e:
        return [], [], f"a stored record does not validate: {e.errors()[0]['msg']}"
