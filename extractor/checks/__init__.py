"""Validation: every record is checked before it is written (a bad one becomes a warning, never a
crash), and `extractor validate` checks a whole output folder afterwards (validate_outdir)."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from extractor.model.document import DocumentWarning
from extractor.model.errors import MissingInputError, StoreError
from extractor.model.options import ValidateOptions
from extractor.model.record import ResultRecord
from extractor.model.issues import Issue, ValidationReport


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
        key = (checked.table_index, checked.row, checked.col, checked.cell_part, checked.metric)
        if key in seen:
            continue
        seen.add(key)
        good.append(checked)
    return good, warnings


def validate_outdir(outdir: Path, against: Path | None = None, db: str | None = None,
                    options: ValidateOptions | None = None) -> ValidationReport:
    """Check an output folder: every file against its schema, the records' meaning, and a reference.

    The outlier check compares with the results store (`db`, else OUTDIR/results.db when it exists,
    else the folder's own records).
    """
    from extractor.vocab.names import load_vocabulary
    from extractor.checks.records import benchmark_values, semantic_issues
    from extractor.checks.folder import check_outdir
    from extractor.checks.reference import compare, load_reference

    options = options or ValidateOptions()
    if not outdir.is_dir():
        raise MissingInputError(f"{outdir}: no such output folder")
    aliases = load_vocabulary()
    checked, records, issues = check_outdir(outdir)
    stored, problem = _store_records(outdir, db)
    checked += db is not None or (outdir / "results.db").is_file()
    issues += [problem] if problem else []
    store = benchmark_values(stored or [data for data, _ in records])
    report = ValidationReport(outdir=str(outdir), files_checked=checked, records_checked=len(records),
                              issues=issues + semantic_issues(records, store, options, aliases))
    if against is not None:
        reference, problems = load_reference(against)
        report.issues += problems
        report.comparison = compare(records, reference, str(against), aliases, options)
    return report


def _store_records(outdir: Path, db: str | None) -> tuple[list[dict], Issue | None]:
    """The store's records (each validated as it is read), or the issue that stopped the reading."""
    from extractor.store import open_store

    if db is None and not (outdir / "results.db").is_file():
        return [], None
    try:
        with open_store(db, outdir) as store:
            return [r.model_dump() for r in store.records()], None
    except (StoreError, ValidationError) as e:
        reason = str(e).splitlines()[0] if isinstance(e, StoreError) else f"a stored record does not validate: {e.errors()[0]['msg']}"
        return [], Issue(severity="error", code="schema", reason=reason, file=db or "results.db")
