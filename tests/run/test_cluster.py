"""The same per-document tasks on a Dask cluster write the same output as a local run."""

from __future__ import annotations

import pytest

from extractor.model.errors import ClusterError
from extractor.model.options import BatchOptions
from extractor.run import run
from tests.support.outputs import output_tree
from tests.support.paths import REPO

distributed = pytest.importorskip(
    "dask.distributed", reason="dask[distributed] is not installed (pip install 'extractor[cluster]')"
)


def test_a_local_cluster_writes_what_a_local_run_writes(tmp_path):
    samples = str(REPO / "samples")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        on_cluster = run(
            [samples], tmp_path / "cluster", batch=BatchOptions(cluster=cluster.scheduler_address)
        )
    local = run([samples], tmp_path / "local", batch=BatchOptions(workers=0))
    assert [(i.source, i.status, i.records) for i in on_cluster.inputs] == [
        (i.source, i.status, i.records) for i in local.inputs
    ]
    assert output_tree(tmp_path / "cluster") == output_tree(tmp_path / "local")


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path):
    with pytest.raises(
        ClusterError,
        match="^cannot reach the Dask scheduler at tcp://127.0.0.1:9: Timed out trying to connect",
    ):
        run(
            [str(REPO / "samples" / "ruled-table.pdf")],
            tmp_path,
            batch=BatchOptions(cluster="tcp://127.0.0.1:9", timeout=1),
        )
