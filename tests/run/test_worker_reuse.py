"""A worker process takes one document after another (issue 15: a process per document cost about
a third of a small PDF's time), but only after documents that went well and while its memory stays
near where it started; a document that kills its worker fails alone and the next gets a new one."""

from __future__ import annotations

from extractor.model.options import BatchOptions, RunOptions
from extractor.readers import InputRef
from extractor.run.workers import run_in_processes
from tests.support.worker_tasks import which_worker


def _run(names: list[str], workers: int = 1) -> list[tuple[str, str]]:
    """Each document's status and the pid of the worker that read it (or its error)."""
    got = {}
    refs = [InputRef(source=f"/nowhere/{n}.txt", missing=True) for n in names]
    run_in_processes(
        which_worker,
        enumerate(refs),
        RunOptions(),
        BatchOptions(workers=workers),
        lambda i, r, _: got.update({i: r}),
    )
    return [(r.status, r.error or r.warnings[0]) for r in (got[i] for i in range(len(names)))]


def test_documents_that_go_well_share_one_worker():
    outcomes = _run(["a", "b", "c", "d"])
    assert [s for s, _ in outcomes] == ["ok"] * 4
    assert len({pid for _, pid in outcomes}) == 1


def test_two_workers_each_take_documents_in_turn():
    pids = [pid for _, pid in _run(["a", "b", "c", "d", "e", "f"], workers=2)]
    assert len(set(pids)) == 2


def test_a_failed_document_ends_its_worker():
    (_, first), (status, failing), (_, after) = _run(["a", "fail", "b"])
    assert status == "failed" and failing == first
    assert after != first


def test_a_worker_whose_memory_grew_past_the_threshold_ends():
    (_, first), (_, growing), (_, after) = _run(["a", "grow", "b"])
    assert growing == first
    assert after != first


def test_a_document_that_kills_its_worker_fails_alone():
    (_, first), died, (status, after) = _run(["a", "die", "b"])
    assert died == ("failed", "worker process died (exit code -9) while reading the document")
    assert status == "ok" and after != first
