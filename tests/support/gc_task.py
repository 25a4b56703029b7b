"""Tasks that report the state of the worker running them (test_worker_gc): how its cyclic collector
is set, and whether it inherited a built vocabulary."""

from __future__ import annotations

import gc

from extractor.model.report import InputReport


def collector_settings(ref, options):
    settings = f"threshold {gc.get_threshold()[0]}, frozen {gc.get_freeze_count() > 0}"
    return InputReport(source=ref.source, status="failed", error=settings, seconds=0), None


def vocabulary_state(ref, options):
    from extractor.vocab.names import _vocabulary

    built = f"vocabularies built {_vocabulary.cache_info().currsize}"
    return InputReport(source=ref.source, status="failed", error=built, seconds=0), None
