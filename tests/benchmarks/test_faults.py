"""benchmarks/faults.py on tiny inputs (the samples and one generated wide page, which keeps a worker
busy for a few seconds): one round with a worker kill, one with a store lock, and one with a full
disk where a tmpfs can be mounted (else that part is skipped). The figures must agree with the faults
planned, with the rounds' verdicts and with the exit status. Nothing here is timed."""

from __future__ import annotations

import pytest

from benchmarks import faults
from benchmarks.wide_tables import wide_page
from tests.support.paths import SAMPLES

WIDE_ROWS = 1200  # a few seconds in one worker: long enough to find a worker to kill
SURVIVABLE = ("worker-kill", "store-lock")


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> tuple[faults.Summary, int, tuple[str, ...]]:
    tmp = tmp_path_factory.mktemp("faults")
    point = tmp / "probe"
    point.mkdir()
    disk = not faults.mount_tmpfs(point, faults.TMPFS_MIN_MB)
    if disk:
        faults.unmount(point)
    kinds = (*SURVIVABLE, "disk-full") if disk else SURVIVABLE
    wide = tmp / "wide.html"
    wide.write_text(wide_page(WIDE_ROWS), encoding="utf-8")
    inputs = [str(wide), *sorted(str(p) for p in SAMPLES.glob("*.pdf"))]
    args = faults.parse_args(
        [
            "--corpus",
            str(tmp),
            "--inputs",
            *inputs,
            "--rounds",
            str(len(kinds)),
            "--kinds",
            *kinds,
            "--lock-seconds",
            "2",
            "3",
        ]  # fmt: skip
    )
    summary = faults.benchmark(args)
    return summary, faults.exit_status(summary), kinds


def test_the_figures_agree_with_the_rounds(bench):
    summary, code, kinds = bench
    assert [f.kind for r in summary.rounds for f in r.faults] == list(kinds)  # one fault a round, in turn
    for kind in kinds:
        assert summary.injected[kind] + summary.skipped[kind] == 1
    clean = sum(f.injected for r in summary.rounds if not r.problems for f in r.faults)
    assert sum(summary.survived.values()) == clean
    assert code == (0 if summary.survived == summary.injected else 1)


def test_a_worker_kill_and_a_store_lock_are_injected_and_survived(bench):
    summary, _, _ = bench
    for kind in SURVIVABLE:
        assert summary.injected[kind] == summary.survived[kind] == 1, summary.rounds
    assert [r.problems for r in summary.rounds[: len(SURVIVABLE)]] == [[], []]


def test_a_full_disk_is_injected_where_a_tmpfs_can_be_mounted(bench):
    summary, _, kinds = bench
    if "disk-full" not in kinds:
        pytest.skip(f"no tmpfs: {summary.disk_note}")
    assert summary.injected["disk-full"] == 1, summary.rounds
    assert not summary.disk_note
