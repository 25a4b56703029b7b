"""The pipeline of one document: input -> Document -> records -> normalised, checked records.

Each input ends as a DocumentResult or a failed InputReport; one bad input never stops the batch.
Writing the files and the store is the run's job (extractor.run), not this module's.
"""

from __future__ import annotations

import time
from collections.abc import Collection

from extractor import readers
from extractor.checks.records import validate_records
from extractor.model.document import Document, DocumentWarning
from extractor.model.errors import OUT_OF_MEMORY, ExtractorError, InputError
from extractor.model.options import RunOptions
from extractor.model.report import DocumentResult, InputReport
from extractor.normalize import aliases_for, normalize_records
from extractor.readers import InputRef
from extractor.records.semantics import TableSemantics, read_semantics
from extractor.records.table_records import extract_records


def extract_document(doc: Document, options: RunOptions) -> DocumentResult:
    """Records of a loaded document: tables -> records -> normalised -> validated."""
    aliases = aliases_for(options.normalize)
    raw, unread = extract_records(doc, aliases, options.tables)
    records, invalid = validate_records(normalize_records(raw, doc, aliases))
    # the reader's warnings, then each later stage's: the document itself is left as it was loaded
    warnings = [*doc.warnings, *unread, *invalid]
    if doc.tables and not records:
        message = f"{len(doc.tables)} table(s) found but none gave result records"
        warnings.append(DocumentWarning(code="no-records", message=message))
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
        warnings=warnings,
        options_digest=options.digest(),
    )


def process_input(ref: InputRef, options: RunOptions) -> tuple[InputReport, DocumentResult | None]:
    start = time.perf_counter()
    try:
        result = extract_document(readers.load(ref, options), options)
    except ExtractorError as e:
        return _failed(ref, str(e), start), None
    except MemoryError:  # a worker's --max-memory, or the machine's
        return _failed(ref, OUT_OF_MEMORY, start), None
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
    return InputReport(
        source=ref.source, status="failed", error=reason, seconds=round(time.perf_counter() - start, 3)
    )


def explain_input(
    source: str, options: RunOptions = RunOptions(), tables: Collection[int] | None = None
) -> list[TableSemantics]:
    """How each table of one input is read before records are made (`extractor explain`): the
    semantics of its tables, or of those whose index is in `tables`. Nothing is written.

    Raises InputError when `source` does not name exactly one input (a folder or glob of several, or
    of none), and the reader's ExtractorError when the input cannot be read.
    """
    refs = readers.expand_inputs([source])
    if len(refs) != 1:
        raise InputError(f"explain reads one input, this names {len(refs)}")
    doc = readers.load(refs[0], options)
    vocab = aliases_for(options.normalize)
    return [read_semantics(t, vocab) for t in doc.tables if tables is None or t.index in tables]
