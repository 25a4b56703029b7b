"""Tasks that tell which worker process ran them (test_worker_reuse): the pid is the report's one
warning. A source named `fail*` fails, `grow*` keeps memory past the worker's recycling threshold,
`die*` kills its own worker."""

from __future__ import annotations

import os
import signal
from pathlib import Path

from extractor.model.report import InputReport
from extractor.run.workers import RECYCLE_ABOVE_MB

_KEPT: list[bytearray] = []


def which_worker(ref, options):
    name = Path(ref.source).name
    if name.startswith("die"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("grow"):
        _KEPT.append(bytearray(b"x" * ((RECYCLE_ABOVE_MB + 20) * 2**20)))  # written, so resident
    status = "failed" if name.startswith("fail") else "ok"
    return InputReport(source=ref.source, status=status, warnings=[str(os.getpid())], seconds=0), None
