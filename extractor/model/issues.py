"""What `extractor validate` reports: issues (each with a reason and the record it concerns) and,
with a reference, the comparison. `--format json` prints a ValidationReport."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, computed_field

from extractor import SCHEMA_VERSION, __version__

Severity = Literal["error", "warning"]


class RecordRef(BaseModel):
    """Where a record is and what it says, enough to find it and read it in a report."""

    file: str | None = Field(
        default=None, description="file the record was read from, relative to the output folder"
    )
    line: int | None = Field(default=None, description="1-based line (JSONL) or data row (CSV) in that file")
    doc_id: str | None = None
    table_index: int | None = None
    row: int | None = None
    col: int | None = None
    dataset: str | None = None
    model: str | None = None
    metric: str | None = None
    setting: str | None = None
    value: float | None = None
    unit: str | None = None

    def label(self) -> str:
        where = f"{self.file}:{self.line}" if self.file and self.line else (self.file or self.doc_id or "?")
        what = " / ".join(x or "-" for x in (self.dataset, self.model, self.metric))
        setting = f" ({self.setting})" if self.setting else ""
        return f"{where} {what}{setting}"


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


# Every check `extractor validate` makes, by the code of its issues (`--only CHECK`).
ISSUE_CODES = (
    "schema",
    "missing-file",
    "inconsistent",
    "truncated",
    "percent-out-of-range",
    "no-dataset",
    "no-model",
    "conflicting-values",
    "cross-document-conflict",
    "unknown-direction",
    "outlier",
    "reference-unreadable",
)


class Issue(BaseModel):
    severity: Severity
    code: str = Field(description=", ".join(ISSUE_CODES))
    reason: str
    file: str | None = None
    record: RecordRef | None = None


class Pairing(BaseModel):
    """One (dataset, model, metric, setting) compared with the reference."""

    dataset: str
    model: str
    metric: str
    setting: str | None = None
    value: float | None = Field(default=None, description="the output's value")
    reference_value: float | None = None
    record: RecordRef | None = Field(default=None, description="the output's record")
    reference: RecordRef | None = Field(default=None, description="the reference's record")


class Comparison(BaseModel):
    reference: str
    matches: list[Pairing] = Field(default_factory=list)
    mismatches: list[Pairing] = Field(default_factory=list)
    missing_in_output: list[Pairing] = Field(
        default_factory=list, description="in the reference, not in the output"
    )
    missing_in_reference: list[Pairing] = Field(
        default_factory=list, description="in the output, not in the reference"
    )


class Counts(BaseModel):
    errors: int = 0
    warnings: int = 0


class Summary(BaseModel):
    by_check: dict[str, Counts] = Field(default_factory=dict)
    by_document: dict[str, Counts] = Field(
        default_factory=dict, description="by doc_id; issues of no record by their file"
    )


class ValidationReport(BaseModel):
    schema_version: str = SCHEMA_VERSION
    extractor_version: str = __version__
    outdir: str
    files_checked: int = 0
    records_checked: int = 0
    issues: list[Issue] = Field(default_factory=list)
    comparison: Comparison | None = None

    @computed_field(description="issue counts per check and per document, the summary printed first")
    @property
    def summary(self) -> Summary:
        by_check: dict[str, Counts] = {}
        by_document: dict[str, Counts] = {}
        for issue in self.issues:
            doc = issue.record.doc_id if issue.record and issue.record.doc_id else (issue.file or "(folder)")
            for table, key in ((by_check, issue.code), (by_document, doc)):
                counts = table.setdefault(key, Counts())
                if issue.severity == "error":
                    counts.errors += 1
                else:
                    counts.warnings += 1
        return Summary(by_check=by_check, by_document=by_document)

    @property
    def errors(self) -> int:
        mismatches = len(self.comparison.mismatches) if self.comparison else 0
        return sum(i.severity == "error" for i in self.issues) + mismatches

    @property
    def warnings(self) -> int:
        return sum(i.severity == "warning" for i in self.issues)
