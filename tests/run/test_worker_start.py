"""A worker that cannot be started (the forkserver killed while it forks: multiprocessing raises
EOFError in the parent) is tried again on a new server, and failing that fails its document alone;
on old main the EOFError escaped and aborted the whole batch with no run.json."""

from __future__ import annotations

from extractor.model.options import BatchOptions, RunOptions
from extractor.readers import expand_inputs
from extractor.run import workers
from extractor.run.pipeline import process_input
from tests.support.paths import REPO

SAMPLES = [REPO / "samples" / "ruled-table.pdf", REPO / "samples" / "results-page.txt"]


class _FailingStarts:
    """The forkserver context, but its first `failures` process starts fail as a killed server's do."""

    def __init__(self, real, failures: int):
        self.real, self.failures = real, failures

    def Pipe(self, duplex):  # noqa: N802 (multiprocessing's name)
        return self.real.Pipe(duplex=duplex)

    def Process(self, **kw):  # noqa: N802
        proc = self.real.Process(**kw)
        if self.failures > 0:
            self.failures -= 1

            def start():
                raise EOFError("unexpected EOF")

            proc.start = start
        return proc


def _outcomes(monkeypatch, failures: int):
    real = workers._context(process_input)
    monkeypatch.setattr(workers, "_context", lambda task: _FailingStarts(real, failures))
    got = {}
    refs = expand_inputs([str(p) for p in SAMPLES])
    workers.run_in_processes(
        process_input,
        enumerate(refs),
        RunOptions(),
        BatchOptions(workers=2),
        lambda i, r, _: got.update({i: r}),
    )
    return [got[i] for i in range(len(refs))]


def test_a_start_that_fails_once_is_tried_again(monkeypatch):
    assert [(r.status, r.records) for r in _outcomes(monkeypatch, failures=1)] == [("ok", 9), ("ok", 14)]


def test_a_worker_that_cannot_be_started_fails_its_document_alone(monkeypatch):
    first, second = _outcomes(monkeypatch, failures=workers.START_ATTEMPTS)
    assert (first.status, first.error) == (
        "failed",
        "could not start a worker process (EOFError: unexpected EOF)",
    )
    assert (second.status, second.records) == ("ok", 14)
