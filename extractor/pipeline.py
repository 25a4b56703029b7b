"""The pipeline: source -> Document -> records -> normalised, validated records -> exports.

Each input ends as a DocumentResult or a failed InputReport; one bad input never stops the batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from extractor import sources
from extractor.document import Document
from extractor.errors import ExtractorError
from extractor.export import write_document, write_results, write_run
from extractor.normalize import aliases_for, normalize_records
from extractor.options import RunOptions
from extractor.records import ResultRecord
from extractor.report import DocumentResult, InputReport, RunReport
from extractor.sources import InputRef, expand_inputs
from extractor.tables.records import extract_records
from extractor.validate import validate_records

ProgressHook = Callable[[InputReport], None]


def extract_document(doc: Document, options: RunOptions) -> DocumentResult:
    """Records of a loaded document: tables -> records -> normalised -> validated."""
    aliases = aliases_for(options.normalize)
    raw = extract_records(doc, aliases, options.tables)
    records, invalid = validate_records(normalize_records(raw, doc, aliases))
    doc.warnings.extend(invalid)
    if doc.tables and not records:
        doc.warn("no-records", f"{len(doc.tables)} table(s) found but none gave result records")
    return DocumentResult(
        doc_id=doc.doc_id,
        source=doc.source,
        sha256=doc.sha256,
        media_type=doc.media_type,
        title=doc.title,
        abstract=doc.abstract,
        page_count=doc.page_count,
        tables=doc.tables,
        records=records,
        warnings=doc.warnings,
    )


def process_input(ref: InputRef, options: RunOptions) -> tuple[InputReport, DocumentResult | None]:
    start = time.perf_counter()
    try:
        result = extract_document(sources.load(ref, options), options)
    except ExtractorError as e:
        return _failed(ref, str(e), start), None
    except Exception as e:  # a bug must not take the batch down; the reason says it is one
        return _failed(ref, f"internal error: {type(e).__name__}: {e}", start), None
    report = InputReport(
        source=ref.source,
        status="ok",
        doc_id=result.doc_id,
        media_type=result.media_type,
        seconds=round(time.perf_counter() - start, 3),
        tables=len(result.tables),
        records=len(result.records),
        warnings=[w.message for w in result.warnings],
    )
    return report, result


def _failed(ref: InputRef, reason: str, start: float) -> InputReport:
    reason = " ".join(reason.split()) or "unknown error"
    return InputReport(source=ref.source, status="failed", error=reason, seconds=round(time.perf_counter() - start, 3))


def run(args: list[str], outdir: Path, options: RunOptions = RunOptions(), on_input: ProgressHook | None = None,
        refs: list[InputRef] | None = None) -> RunReport:
    """Process every input, write each document as it completes, then the record files and run.json."""
    refs = expand_inputs(args) if refs is None else refs
    formats = {f.value for f in options.export.formats}
    report = RunReport()
    records: list[ResultRecord] = []
    for ref in refs:
        item, result = process_input(ref, options)
        if result is not None:
            records.extend(result.records)
            if "json" in formats:
                write_document(outdir, result)
        report.inputs.append(item)
        if on_input:
            on_input(item)
    write_results(outdir, records, formats)
    write_run(outdir, report)
    return report
