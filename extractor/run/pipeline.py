"""The pipeline: source -> Document -> records -> normalised, validated records -> exports.

Each input ends as a DocumentResult or a failed InputReport; one bad input never stops the batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from extractor import readers
from extractor.run.executors import BatchOptions, OnDone, run_in_process, run_in_processes, run_on_cluster
from extractor.model.document import Document
from extractor.model.errors import ExtractorError
from extractor.formats.records import write_document, write_results, write_run
from extractor.normalize import aliases_for, normalize_records
from extractor.model.options import RunOptions
from extractor.model.report import DocumentResult, InputReport, RunReport
from extractor.run.journal import clear_partial_files, completed, resumed_report
from extractor.readers import InputRef, expand_inputs
from extractor.store import open_store
from extractor.records.build import extract_records
from extractor.checks import validate_records

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
        options_digest=options.digest(),
    )


def process_input(ref: InputRef, options: RunOptions) -> tuple[InputReport, DocumentResult | None]:
    start = time.perf_counter()
    try:
        result = extract_document(readers.load(ref, options), options)
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
        refs: list[InputRef] | None = None, batch: BatchOptions | None = None) -> RunReport:
    """Process every input (skipping those with complete output unless forced), write each document as
    it completes, then the combined record files and run.json, in input order whatever the workers."""
    refs = expand_inputs(args) if refs is None else refs
    batch = batch or BatchOptions()
    clear_partial_files(outdir)
    outcomes: dict[int, tuple[InputReport, DocumentResult | None]] = {}
    # The results store: one transaction per document, keyed by sha256, so re-runs replace (a failed
    # input leaves what the store had); resumed documents are stored too, to keep it in step.
    store = open_store(options.export.db, outdir) if options.export.store else None

    def done(index: int, item: InputReport, result: DocumentResult | None) -> None:
        if result is not None and not item.resumed:
            write_document(outdir, result)
        if result is not None and store is not None:
            store.add_result(result)
        outcomes[index] = (item, result)
        if on_input:
            on_input(item)

    try:
        _execute(refs, outdir, options, batch, done)
    finally:
        if store is not None:
            store.close()
    ordered = [outcomes[i] for i in range(len(refs))]
    write_results(outdir, [rec for _, res in ordered if res for rec in res.records], {f.value for f in options.export.formats})
    report = RunReport(inputs=[item for item, _ in ordered])
    write_run(outdir, report)
    return report


def _execute(refs: list[InputRef], outdir: Path, options: RunOptions, batch: BatchOptions, done: OnDone) -> None:
    """Inputs with complete output are done at once; the others go to the workers or the cluster."""
    todo = []
    for index, ref in enumerate(refs):
        prior = None if batch.force else completed(outdir, ref, options)
        if prior is not None:
            done(index, resumed_report(prior), prior)
        else:
            todo.append((index, ref))
    if batch.cluster:
        run_on_cluster(todo, options, batch, done)
    elif batch.workers == 0:
        run_in_process(todo, options, done)
    else:
        run_in_processes(todo, options, batch, done)
