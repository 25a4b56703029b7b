"""Run a per-document task (a callable the caller gives: the pipeline) in worker processes with a time
limit, in this process, or on a Dask cluster.

Each document runs in a child process of its own (forked from a server that has already imported
the pipeline), so a document that hangs is killed at its time limit, one that crashes the PDF
library fails alone, one that inflates past its address-space limit (RLIMIT_AS, `--max-memory`)
fails alone with "ran out of memory", and the memory a document used is returned when its child exits.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

from extractor.model.errors import OUT_OF_MEMORY, ClusterError
from extractor.model.options import BatchOptions, RunOptions
from extractor.model.report import DocumentResult, InputReport
from extractor.readers import InputRef

CONNECT_SECONDS = 10  # to reach a Dask scheduler
Outcome = tuple[InputReport, DocumentResult | None]
OnDone = Callable[[int, InputReport, DocumentResult | None], None]
# What runs per document: a module-level function (it is pickled by reference into the workers).
Task = Callable[[InputRef, RunOptions], Outcome]


def _failed(ref: InputRef, reason: str, seconds: float) -> Outcome:
    return InputReport(source=ref.source, status="failed", error=reason, seconds=round(seconds, 3)), None


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


# A document makes millions of small objects that live until it is done (characters, words, cells),
# so the cyclic collector's default first threshold (700 allocations) runs it hundreds of times a
# document, each pass walking everything still alive; collected this much less often, a worker
# keeps at most this many more container objects unreclaimed between passes (a few MB)
GC_FIRST_THRESHOLD = 50_000


def tune_gc() -> None:
    """The collector tuned for one document's run: what the forkserver imported is frozen (never
    walked again, and its pages stay shared with the server), and passes are made rarer."""
    gc.freeze()
    gc.set_threshold(GC_FIRST_THRESHOLD, *gc.get_threshold()[1:])


def _child(conn: Connection, task: Task, ref: InputRef, options: RunOptions, memory_mb: int) -> None:
    """One document in a child of its own, within its memory limit; running out of memory is that
    input's failure (the task's own MemoryError, or one while sending its result back)."""
    started = time.perf_counter()
    reason = f"{OUT_OF_MEMORY} (--max-memory {memory_mb} MB)" if memory_mb > 0 else OUT_OF_MEMORY
    try:
        _limit_memory(memory_mb)
        tune_gc()
        try:
            outcome = task(ref, options)
        except MemoryError:
            outcome = _failed(ref, reason, time.perf_counter() - started)
        report = outcome[0]
        if report.status == "failed" and report.error == OUT_OF_MEMORY:
            outcome = _failed(ref, reason, report.seconds)
        try:
            conn.send(outcome)
        except MemoryError:
            del outcome, report  # frees the result before the small failure is sent
            conn.send(_failed(ref, reason, time.perf_counter() - started))
    finally:
        conn.close()


@dataclass
class _Running:
    index: int
    ref: InputRef
    process: multiprocessing.process.BaseProcess
    started: float


def preloaded(task: Task) -> list[str]:
    """What the forkserver imports before it forks a worker: the task's stack, and warm.py, which
    builds what first use would (once, not per document). Each child also runs the parent's main
    script again (multiprocessing does, for a script started by path): `extractor`'s console script
    imports the CLI (typer, rich: ~70 ms a document), so the server imports it too when the parent
    has, and the script's import is then a lookup."""
    modules = [task.__module__, "extractor.run.warm"]
    if "extractor.cli" in sys.modules:
        modules.append("extractor.cli")
    return modules


def _context(task: Task) -> multiprocessing.context.BaseContext:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(preloaded(task))
    return ctx


def _collect(conn: Connection, slot: _Running) -> Outcome:
    elapsed = time.perf_counter() - slot.started
    try:
        outcome = conn.recv()
    except (EOFError, OSError):
        slot.process.join(5)
        code = slot.process.exitcode
        return _failed(
            slot.ref, f"worker process died (exit code {code}) while reading the document", elapsed
        )
    finally:
        conn.close()
    slot.process.join(5)
    return outcome


def _stop(slot: _Running) -> None:
    slot.process.kill()
    slot.process.join(5)


START_ATTEMPTS = 2  # a forkserver that died is started anew on the next attempt


def _start(
    ctx: multiprocessing.context.BaseContext, task: Task, ref: InputRef, options: RunOptions, memory_mb: int
) -> tuple[Connection, multiprocessing.process.BaseProcess] | str:
    """A child process for one document and the end of its pipe, or why none could be started: a
    forkserver killed while it forks raises EOFError in the parent (multiprocessing reads the new pid
    from it); the next attempt starts a new server."""
    problem = ""
    for _ in range(START_ATTEMPTS):
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_child, args=(child, task, ref, options, memory_mb), daemon=True)
        try:
            proc.start()
        except (EOFError, OSError) as e:
            parent.close()
            problem = f"{type(e).__name__}: {e}" if str(e) else type(e).__name__
            continue
        finally:
            child.close()
        return parent, proc
    return f"could not start a worker process ({problem})"


def run_in_processes(
    task: Task,
    tasks: Iterable[tuple[int, InputRef]],
    options: RunOptions,
    batch: BatchOptions,
    on_done: OnDone,
) -> None:
    """At most `batch.workers` documents at a time, each in its own child process."""
    pending = list(tasks)[::-1]
    running: dict[Connection, _Running] = {}
    ctx = _context(task)
    try:
        while pending or running:
            while pending and len(running) < batch.workers:
                index, ref = pending.pop()
                started = _start(ctx, task, ref, options, batch.memory_mb)
                if isinstance(started, str):
                    on_done(index, *_failed(ref, started, 0.0))
                else:
                    running[started[0]] = _Running(index, ref, started[1], time.perf_counter())
            now = time.perf_counter()
            nearest = min(s.started + batch.timeout for s in running.values())
            for conn in wait(list(running), timeout=max(0.0, nearest - now)):
                slot = running.pop(conn)  # type: ignore[arg-type]
                on_done(slot.index, *_collect(conn, slot))  # type: ignore[arg-type]
            now = time.perf_counter()
            for conn, slot in list(running.items()):
                if now - slot.started >= batch.timeout:
                    del running[conn]
                    _stop(slot)
                    conn.close()
                    on_done(
                        slot.index,
                        *_failed(
                            slot.ref, f"timed out after {batch.timeout:g} s (--timeout)", now - slot.started
                        ),
                    )
    finally:
        for slot in running.values():
            _stop(slot)


def run_in_process(
    task: Task, tasks: Iterable[tuple[int, InputRef]], options: RunOptions, on_done: OnDone
) -> None:
    for index, ref in tasks:
        on_done(index, *task(ref, options))


def run_on_cluster(
    task: Task,
    tasks: Iterable[tuple[int, InputRef]],
    options: RunOptions,
    batch: BatchOptions,
    on_done: OnDone,
) -> None:
    """The same per-document task on a Dask cluster. The time limit is kept by the client, over the
    whole batch (timeout x documents per worker thread); tasks still running then are cancelled and fail."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise ClusterError("--cluster needs dask: pip install 'extractor[cluster]'") from None
    try:
        client = Client(batch.cluster, timeout=f"{CONNECT_SECONDS}s")
    except (OSError, TimeoutError, ValueError) as e:
        raise ClusterError(f"cannot reach the Dask scheduler at {batch.cluster}: {e}") from None
    with client:
        futures = {client.submit(task, ref, options, pure=False): (index, ref) for index, ref in tasks}
        threads = max(1, sum(client.nthreads().values()))
        budget = batch.timeout * -(-len(futures) // threads)
        started, remaining = time.perf_counter(), set(futures)
        try:
            for fut in as_completed(list(futures), timeout=budget, raise_errors=False):
                remaining.discard(fut)
                index, ref = futures[fut]
                try:
                    on_done(index, *fut.result())
                except Exception as e:  # the worker died or the task was lost
                    on_done(
                        index,
                        *_failed(
                            ref,
                            f"cluster task failed: {type(e).__name__}: {e}",
                            time.perf_counter() - started,
                        ),
                    )
        except TimeoutError:
            for late in remaining:
                late.cancel()
                index, ref = futures[late]
                on_done(
                    index,
                    *_failed(
                        ref, f"timed out on the cluster (--timeout {batch.timeout:g} s per document)", budget
                    ),
                )
