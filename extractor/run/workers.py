"""Documents in worker processes, each within a time limit and a memory limit.

A worker is forked from a server that has imported the pipeline and run a small table through it
(run/warm.py), and takes documents one at a time: a document that hangs is killed at its time
limit, one that crashes the PDF library fails alone, one that inflates past its address-space limit
(RLIMIT_AS, `--max-memory`) fails alone with "ran out of memory". Each of those ends its worker,
and the next document gets a new one.

A worker takes the next document only after one that went well, and while its resident memory
stays near what it started with (a long document's is given back to the machine by ending the
worker, not kept for the rest of the batch), up to `DOCUMENTS_PER_WORKER`. Reusing workers saves
what a process per document cost: ~10 ms to fork and prepare it, and page faults as the child
first touches the inherited imports and its own new heap (~3,500 a small document), together about
a third of a small PDF's time.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from extractor.model.errors import OUT_OF_MEMORY
from extractor.model.options import BatchOptions, RunOptions
from extractor.readers import InputRef
from extractor.run.executors import OnDone, Outcome, Task, failed

# A document makes millions of small objects that live until it is done (characters, words, cells),
# so the cyclic collector's default first threshold (700 allocations) runs it hundreds of times a
# document, each pass walking everything still alive; collected this much less often, a worker
# keeps at most this many more container objects unreclaimed between passes (a few MB)
GC_FIRST_THRESHOLD = 50_000
# A worker's resident memory after a document, above what it had when it started, at which it ends
# rather than take another: what a long document left in the heap goes back to the machine.
RECYCLE_ABOVE_MB = 100
# At most this many documents a worker: growth too slow for the memory test stays bounded too.
DOCUMENTS_PER_WORKER = 100
START_ATTEMPTS = 2  # a forkserver that died is started anew on the next attempt
STOP_SECONDS = 5  # to wait for a worker to exit once it is told to, or killed


def tune_gc() -> None:
    """The collector tuned for a worker: what the forkserver imported is frozen (never walked again,
    and its pages stay shared with the server), and passes are made rarer."""
    gc.freeze()
    gc.set_threshold(GC_FIRST_THRESHOLD, *gc.get_threshold()[1:])


def _limit_memory(memory_mb: int) -> None:
    """Cap this process's address space, so a document that inflates fails alone (MemoryError)."""
    if memory_mb <= 0:
        return
    try:
        import resource
    except ImportError:  # no such limit on this platform
        return
    limit = memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def resident_mb() -> float:
    """This process's resident memory now (Linux's /proc; elsewhere 0: only the document count
    then ends a worker)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return 0.0


def _one(task: Task, ref: InputRef, options: RunOptions, reason: str) -> Outcome:
    """One document; running out of memory is its failure, with the limit in the reason."""
    started = time.perf_counter()
    try:
        outcome = task(ref, options)
    except MemoryError:
        return failed(ref, reason, time.perf_counter() - started)
    if outcome[0].status == "failed" and outcome[0].error == OUT_OF_MEMORY:
        return failed(ref, reason, outcome[0].seconds)
    return outcome


def _serve(conn: Connection, task: Task, options: RunOptions, memory_mb: int) -> None:
    """A worker: documents from the pipe one at a time, each sent back as its outcome and whether the
    worker takes another; the parent sends no document to a worker that said it ends."""
    reason = f"{OUT_OF_MEMORY} (--max-memory {memory_mb} MB)" if memory_mb > 0 else OUT_OF_MEMORY
    try:
        _limit_memory(memory_mb)
        tune_gc()
        start_mb = resident_mb()
        for served in range(1, DOCUMENTS_PER_WORKER + 1):
            try:
                ref = conn.recv()
            except (EOFError, OSError):  # the parent closed the pipe: the batch is done
                return
            outcome = _one(task, ref, options, reason)
            more = (
                outcome[0].status == "ok"
                and served < DOCUMENTS_PER_WORKER
                and resident_mb() - start_mb < RECYCLE_ABOVE_MB
            )
            conn.send(more)  # first: the parent can send the next document before it unpickles this one
            try:
                conn.send(outcome)
            except MemoryError:
                outcome = None  # frees the result before the small failure is sent
                conn.send(failed(ref, reason, 0.0))
            outcome = None  # not held while the worker waits for its next document
            if not more:
                return
    finally:
        conn.close()


def preloaded(task: Task) -> list[str]:
    """What the forkserver imports before it forks a worker: the task's stack, and warm.py, which
    builds what first use would (once, not per worker). Each worker also runs the parent's main
    script again (multiprocessing does, for a script started by path): `extractor`'s console script
    imports the CLI (typer, rich), so the server imports it too when the parent has, and the
    script's import is then a lookup."""
    modules = [task.__module__, "extractor.run.warm"]
    if "extractor.cli" in sys.modules:
        modules.append("extractor.cli")
    return modules


def _context(task: Task) -> multiprocessing.context.BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(preloaded(task))
    return ctx


@dataclass
class _Job:
    index: int
    ref: InputRef
    started: float = field(default_factory=time.perf_counter)


@dataclass
class _Worker:
    conn: Connection
    process: multiprocessing.process.BaseProcess
    job: _Job | None = None  # the document it is reading
    alive: bool = True

    def give(self, index: int, ref: InputRef) -> bool:
        """Send it a document; False if it is gone."""
        try:
            self.conn.send(ref)
        except OSError:
            self.end()
            return False
        self.job = _Job(index, ref)
        return True

    def end(self, kill: bool = False) -> None:
        """Close the pipe (an idle worker then returns) and wait for it; `kill` for a busy one."""
        self.alive = False
        if kill:
            self.process.kill()
        self.conn.close()
        self.process.join(STOP_SECONDS)
        if self.process.exitcode is None:
            self.process.kill()
            self.process.join(STOP_SECONDS)


def _start(
    ctx: multiprocessing.context.BaseContext, task: Task, options: RunOptions, memory_mb: int
) -> _Worker | str:
    """A new worker, or why none could be started: a forkserver killed while it forks raises EOFError
    in the parent (multiprocessing reads the new pid from it); the next attempt starts a new server."""
    problem = ""
    for _ in range(START_ATTEMPTS):
        parent, child = ctx.Pipe(duplex=True)
        proc = ctx.Process(target=_serve, args=(child, task, options, memory_mb), daemon=True)
        try:
            proc.start()
        except (EOFError, OSError) as e:
            parent.close()
            problem = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
            continue
        finally:
            child.close()
        return _Worker(parent, proc)
    return f"could not start a worker process ({problem})"


def _hear(worker: _Worker, pending: list[tuple[int, InputRef]]) -> tuple[_Job, Outcome]:
    """The outcome of a worker's document: what it sent, or a failure if it died reading it. A
    worker that takes another is given the next pending one before its outcome is read; one that
    ends (it died, or said it takes no more) is ended here."""
    job, worker.job = worker.job, None
    assert job is not None
    try:
        if worker.conn.recv() and pending and worker.give(*pending[-1]):
            pending.pop()
        outcome = worker.conn.recv()
    except (EOFError, OSError):
        if worker.job is not None:  # the next document, given before it died: it waits for another worker
            pending.append((worker.job.index, worker.job.ref))
            worker.job = None
        worker.end(kill=True)
        reason = f"worker process died (exit code {worker.process.exitcode}) while reading the document"
        return job, failed(job.ref, reason, time.perf_counter() - job.started)
    if worker.job is None:  # it ends, or nothing is left to give it
        worker.end()
    return job, outcome


def run_in_processes(
    task: Task,
    tasks: Iterable[tuple[int, InputRef]],
    options: RunOptions,
    batch: BatchOptions,
    on_done: OnDone,
) -> None:
    """At most `batch.workers` documents at a time, each in a worker process. A worker is given its
    next document before the parent writes the last one's outputs, so the two overlap."""
    pending = list(tasks)[::-1]
    workers: list[_Worker] = []
    ctx = _context(task)

    def assign() -> None:
        """New workers for the pending documents, up to `batch.workers` alive."""
        workers[:] = [w for w in workers if w.alive]
        while pending and len(workers) < batch.workers:
            started = _start(ctx, task, options, batch.memory_mb)
            index, ref = pending.pop()
            if isinstance(started, str):
                on_done(index, *failed(ref, started, 0.0))
            elif started.give(index, ref):
                workers.append(started)
            else:
                on_done(index, *failed(ref, "worker process died before reading the document", 0.0))

    try:
        assign()
        while busy := [w for w in workers if w.job is not None]:
            nearest = min(w.job.started for w in busy if w.job) + batch.timeout
            heard = wait([w.conn for w in busy], timeout=max(0.0, nearest - time.perf_counter()))
            finished = [_hear(w, pending) for w in busy if w.conn in heard]
            finished += [_late(w, batch.timeout) for w in busy if w.job is not None]
            assign()
            for job, outcome in filter(None, finished):
                on_done(job.index, *outcome)
    finally:
        for w in workers:
            if w.alive:
                w.end(kill=w.job is not None)


def _late(worker: _Worker, timeout: float) -> tuple[_Job, Outcome] | None:
    """A worker past its document's time limit is killed, and the document fails."""
    job, now = worker.job, time.perf_counter()
    if job is None or now - job.started < timeout:
        return None
    worker.end(kill=True)
    return job, failed(job.ref, f"timed out after {timeout:g} s (--timeout)", now - job.started)
