"""A document's worker runs with the collector tuned for it (issue 15): what the forkserver imported
frozen and the first threshold raised, so millions of live small objects are not walked hundreds of
times a document."""

from __future__ import annotations

from extractor.model.options import BatchOptions, RunOptions
from extractor.readers import expand_inputs
from extractor.run import executors
from tests.support.gc_task import collector_settings
from tests.support.paths import REPO


def test_a_worker_runs_its_document_with_the_collector_tuned():
    got = {}
    refs = expand_inputs([str(REPO / "samples" / "results-page.txt")])
    executors.run_in_processes(
        collector_settings,
        enumerate(refs),
        RunOptions(),
        BatchOptions(workers=1),
        lambda i, r, _: got.update({i: r}),
    )
    assert got[0].error == f"threshold {executors.GC_FIRST_THRESHOLD}, frozen True"
