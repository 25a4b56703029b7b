"""A task that reports how the cyclic collector is set in the worker running it (test_worker_gc)."""

from __future__ import annotations

import gc

from extractor.model.report import InputReport


def collector_settings(ref, options):
    settings = f"threshold {gc.get_threshold()[0]}, frozen {gc.get_freeze_count() > 0}"
    return InputReport(source=ref.source, status="failed", error=settings, seconds=0), None
