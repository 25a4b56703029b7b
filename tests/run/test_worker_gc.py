"""A document's worker runs with the collector tuned for it (issue 15): what the forkserver imported
frozen and the first threshold raised, so millions of live small objects are not walked hundreds of
times a document; and with what every document builds on first use already built there."""

from __future__ import annotations

from extractor.model.options import BatchOptions, RunOptions
from extractor.readers import expand_inputs
from extractor.run import workers
from tests.support.gc_task import collector_settings, vocabulary_state
from tests.support.paths import REPO


def _in_a_worker(task) -> str:
    got = {}
    refs = expand_inputs([str(REPO / "samples" / "results-page.txt")])
    workers.run_in_processes(
        task, enumerate(refs), RunOptions(), BatchOptions(workers=1), lambda i, r, _: got.update({i: r})
    )
    return got[0].error


def test_a_worker_runs_its_document_with_the_collector_tuned():
    assert _in_a_worker(collector_settings) == f"threshold {workers.GC_FIRST_THRESHOLD}, frozen True"


def test_a_worker_inherits_the_vocabulary_the_forkserver_built():
    """warm.py ran a small table in the forkserver: no document builds the vocabulary again."""
    assert _in_a_worker(vocabulary_state) == "vocabularies built 1"


def test_the_forkserver_preloads_the_cli_a_console_script_run_imports(monkeypatch):
    """A child runs the parent's main script again: `extractor`'s imports the CLI, which the server
    then has imported already; a library caller's workers are not made to import it."""
    import sys

    import extractor.cli  # noqa: F401 - the parent is the CLI

    assert workers.preloaded(collector_settings) == [
        "tests.support.gc_task",
        "extractor.run.warm",
        "extractor.cli",
    ]
    monkeypatch.delitem(sys.modules, "extractor.cli")
    assert workers.preloaded(collector_settings) == ["tests.support.gc_task", "extractor.run.warm"]
