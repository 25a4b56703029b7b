"""A run: every input through the pipeline (run.pipeline) on the executors (run.executors), each
document written as it completes, documents already done kept (run.journal), then the combined
record files and run.json, in input order whatever the workers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extractor.formats.documents import write_document, write_run
from extractor.formats.results import write_results
from extractor.model.errors import StoreError
from extractor.model.options import BatchOptions, RunOptions
from extractor.model.report import DocumentResult, InputReport, RunReport
from extractor.normalize import aliases_for
from extractor.readers import InputRef, expand_inputs
from extractor.run.executors import OnDone, run_in_process, run_in_processes, run_on_cluster
from extractor.run.journal import claim_folder, completed, resumed_report
from extractor.run.pipeline import process_input
from extractor.store import Store, failure_reason, open_store

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
    Raises AliasFileError before anything is read or written when the --aliases file cannot be used."""
    aliases_for(options.normalize)  # a bad --aliases file is one error up front, not one per input
    refs = expand_inputs(args) if refs is None else refs
    if on_start:
        on_start(refs)
    batch = batch or BatchOptions()
    claim = claim_folder(outdir)  # held until run.json is written: other runs then spare our temp files
    try:
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
    outcomes: dict[int, tuple[InputReport, DocumentResult | None]] = {}
    # The results store: one transaction per document, keyed by source, so re-runs replace (a failed
    # input leaves what the store had); resumed documents are stored too, to keep it in step. A store
    # that cannot be opened stops the run here; one that fails for a document is a warning on it.
    store = open_store(options.export.db, outdir) if options.export.store else None

    def done(index: int, item: InputReport, result: DocumentResult | None) -> None:
        if result is not None and not item.resumed:
            write_document(outdir, result)
        if result is not None and store is not None:
            warning = _store(store, result)
            if warning:
                item = item.model_copy(update={"warnings": [*item.warnings, warning]})
        outcomes[index] = (item, result)
        if on_input:
            on_input(item)

    try:
        _execute(refs, outdir, options, batch, done)
    finally:
        if store is not None:
            store.close()
    ordered = [outcomes[i] for i in range(len(refs))]
    write_results(
        outdir,
        [rec for _, res in ordered if res for rec in res.records],
        {f.value for f in options.export.formats},
    )
    report = RunReport(inputs=[item for item, _ in ordered])
    write_run(outdir, report)
    return report


def _store(store: Store, result: DocumentResult) -> str | None:
    """Store one document; a failure (a lock held too long, a full disk) is the warning returned."""
    try:
        store.add_result(result)
    except (StoreError, OSError) as e:
        return f"results store write failed: {failure_reason(e.__cause__ or e)}"
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
