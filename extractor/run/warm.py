"""Imported by the workers' forkserver after the pipeline (workers._context): one small results
table run through the pipeline there, so that what every document builds on first use (the
vocabulary and its indexes, metric directions and classes, compiled patterns) is built once and
inherited by every worker, not built again in each: a document runs in a new child of its own,
and that first use cost ~15% of a small report's work."""

from __future__ import annotations

from extractor.model.options import RunOptions
from extractor.readers.text.page import read_text
from extractor.run.pipeline import extract_document
from extractor.vocab import load_vocabulary

_TABLE = (
    "Results\n\n| Model | MMLU | GSM8K |\n|---|---|---|\n"
    "| Nimbus 2 | 78.5 | 88.0 |\n| Nimbus 1 | 70.0 | 61.2 |\n"
)


def warm() -> int:
    """The records of the small table (the number is for the test that it ran)."""
    options = RunOptions()
    doc = read_text(_TABLE.encode(), "warm-up.txt", options, load_vocabulary())
    return len(extract_document(doc, options).records)


try:
    warm()
except Exception:  # noqa: BLE001 - a warm-up that fails leaves the first use to each worker, as before
    pass
