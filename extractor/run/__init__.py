"""A run: every input through the pipeline (run.pipeline) in worker processes (run.workers), in this
process or on a cluster (run.executors), each document written as it completes (its lines for the
combined files spooled, formats.results), documents already done kept (run.journal), then the
combined record files and run.json, in input order whatever the workers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from extractor.formats.documents import write_document, write_run
from extractor.formats.results import ResultsSpool, write_results
from extractor.model.errors import OutputError, StoreError
from extractor.model.options import BatchOptions, RunOptions
from extractor.model.record import ResultRecord
from extractor.model.report import DocumentResult, InputReport, RunReport
from extractor.model.review import Review, apply_reviews
from extractor.normalize import aliases_for
from extractor.readers import InputRef, expand_inputs
from extractor.run.executors import OnDone, run_in_process, run_on_cluster
from extractor.run.journal import claim_folder, completed, resumed_report
from extractor.run.pipeline import process_input
from extractor.run.workers import run_in_processes

if TYPE_CHECKING:
    from extractor.store import Store

ProgressHook = Callable[[InputReport], None]


def run(
    args: list[str],
    outdir: Path,
    options: RunOptions = RunOptions(),
    on_input: ProgressHook | None = None,
    refs: list[InputRef] | None = None,
    batch: BatchOptions | None = None,
    on_start: Callable[[list[InputRef]], None] | None = None,
) -> RunReport:
    """Process every input (skipping those with complete output unless forced), write each document as
    it completes, then the combined record files and run.json, in input order whatever the workers.
    `on_start` hears of the inputs once they are expanded, `on_input` of each input as it is done.
    Raises AliasFileError when the --aliases file cannot be used, FolderInUseError when another run
    holds `outdir`, both before anything is read or written."""
    aliases_for(options.normalize)  # a bad --aliases file is one error up front, not one per input
    refs = expand_inputs(args) if refs is None else refs
    batch = batch or BatchOptions()
    claim = claim_folder(outdir)  # held until run.json is written
    try:
        if on_start:
            on_start(refs)
        return _run(refs, outdir, options, on_input, batch)
    finally:
        claim.close()


def _run(
    refs: list[InputRef],
    outdir: Path,
    options: RunOptions,
    on_input: ProgressHook | None,
    batch: BatchOptions,
) -> RunReport:
    items: dict[int, InputReport] = {}
    # index -> (source, sha256) of each document whose records go to the combined files; the records
    # themselves wait in the spool, not in memory
    kept: dict[int, tuple[str, str]] = {}
    spool = ResultsSpool(outdir, {f.value for f in options.export.formats})
    # The results store: one transaction per document, keyed by source, so re-runs replace (a failed
    # input leaves what the store had); resumed documents are stored too, to keep it in step. A store
    # that cannot be opened stops the run here; one that fails for a document fails that input alone.
    store = None
    try:
        if options.export.store:
            from extractor.store import open_store  # SQLAlchemy (~26 MB, 0.2 s) only when a store is written

            store = open_store(options.export.db, outdir)

        def done(index: int, item: InputReport, result: DocumentResult | None) -> None:
            problem = None
            if result is not None and not item.resumed:
                problem = _write_document(outdir, result)
            if result is not None and store is not None and problem is None:
                problem = _store(store, result)
            if problem is not None:
                item, result = item.model_copy(update={"status": "failed", "error": problem}), None
            items[index] = item
            if result is not None:
                spool.add(index, result.records)
                kept[index] = (result.source, result.sha256)
            if on_input:
                on_input(item)

        try:
            _execute(refs, outdir, options, batch, done)
            reviews = _reviews(store)
        finally:
            if store is not None:
                store.close()
        report = RunReport(inputs=[items[i] for i in range(len(refs))])

        def reviewed(index: int) -> list[ResultRecord] | None:
            """A document's records with the store's review decisions applied, None if it has none
            (its spooled lines are written as they are)."""
            source, sha256 = kept[index]
            decisions = reviews.get(source)
            return apply_reviews(spool.records(index), decisions, sha256) if decisions else None

        try:
            write_results(outdir, spool, sorted(kept), reviewed)
            write_run(outdir, report)
        except OSError as e:  # a full disk at the end: the files there before are left whole
            raise OutputError(f"{outdir}: cannot write the combined files: {e.strerror or e}") from None
    finally:
        spool.close()
    return report


def _reviews(store: Store | None) -> dict[str, list[Review]]:
    """The store's review decisions by source, applied to the combined files (a corrected value, the
    `review` column); documents/ and the store keep the records as extracted."""
    try:
        decisions = store.reviews() if store is not None else []
    except StoreError:
        decisions = []  # the records go out unreviewed (an empty review column), never wrong
    by_source: dict[str, list[Review]] = {}
    for review in decisions:
        by_source.setdefault(review.address.source, []).append(review)
    return by_source


def _write_document(outdir: Path, result: DocumentResult) -> str | None:
    """Write one document's file; a failure (a full disk) is the input's reason returned."""
    try:
        write_document(outdir, result)
    except OSError as e:
        return f"cannot write documents/{result.doc_id}.json: {e.strerror or e}"
    return None


def _store(store: Store, result: DocumentResult) -> str | None:
    """Store one document (retried while the failure may pass); a failure still there is the reason
    returned. Its document file stays: the next run resumes it and stores it then."""
    from extractor.store import failure_reason

    try:
        store.add_result(result)
    except StoreError as e:
        return str(e)
    except OSError as e:
        return f"cannot write {result.doc_id} to the results store: {failure_reason(e)}"
    return None


def _execute(
    refs: list[InputRef], outdir: Path, options: RunOptions, batch: BatchOptions, done: OnDone
) -> None:
    """Inputs with complete output are done at once; the others go to the workers or the cluster."""
    todo = []
    for index, ref in enumerate(refs):
        prior = None if batch.force else completed(outdir, ref, options)
        if prior is not None:
            done(index, resumed_report(prior), prior)
        else:
            todo.append((index, ref))
    if batch.cluster:
        run_on_cluster(process_input, todo, options, batch, done)
    elif batch.workers == 0:
        run_in_process(process_input, todo, options, done)
    else:
        run_in_processes(process_input, todo, options, batch, done)
