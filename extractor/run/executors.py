"""Run a per-document task (a callable the caller gives: the pipeline) in this process or on a Dask
cluster; in local worker processes, each with a time and a memory limit, in run.workers."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from extractor.model.errors import ClusterError
from extractor.model.options import BatchOptions, RunOptions
from extractor.model.report import DocumentResult, InputReport
from extractor.readers import InputRef

CONNECT_SECONDS = 10  # to reach a Dask scheduler
Outcome = tuple[InputReport, DocumentResult | None]
OnDone = Callable[[int, InputReport, DocumentResult | None], None]
# What runs per document: a module-level function (it is pickled by reference into the workers).
Task = Callable[[InputRef, RunOptions], Outcome]


def failed(ref: InputRef, reason: str, seconds: float) -> Outcome:
    return InputReport(source=ref.source, status="failed", error=reason, seconds=round(seconds, 3)), None


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
                        *failed(
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
                    *failed(
                        ref, f"timed out on the cluster (--timeout {batch.timeout:g} s per document)", budget
                    ),
                )
