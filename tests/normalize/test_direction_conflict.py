"""A printed arrow that says the other way is better than the metric's known direction is flagged."""

from __future__ import annotations

import pytest

from extractor.model.document import Document, Table
from extractor.model.options import RunOptions
from extractor.run.pipeline import extract_document
from extractor.vocab.labels import printed_direction


def _records(grid: list[list[str]]) -> list[tuple]:
    table = Table.from_grid(grid, page=1, engine="pdf-text-columns", caption="Table 2: Results.")
    doc = Document(doc_id="d", source="d.pdf", sha256="0" * 64, media_type="pdf", tables=[table])
    return [(r.dataset, r.metric, r.value, r.flags) for r in extract_document(doc, RunOptions()).records]


@pytest.mark.parametrize(
    ("label", "direction"),
    [("WER (%) ↓", "lower"), ("SS ↑", "higher"), ("Accuracy (↑)", "higher"), ("WER", None), ("↓ WER", None)],
)
def test_printed_direction_is_the_arrow_after_the_label(label, direction):
    assert printed_direction(label) == direction


def test_an_arrow_against_the_metrics_known_direction_flags_the_record():
    assert _records(
        [
            ["Model", "LibriSpeech", "LibriSpeech", "MMLU"],
            ["Model", "WER ↑", "WER ↓", "Accuracy ↓"],
            ["Nimbus 2", "2.5", "2.6", "78.5"],
        ]
    ) == [
        ("LibriSpeech", "WER", 2.5, ["direction-conflict"]),
        ("LibriSpeech", "WER", 2.6, []),
        ("MMLU", "Accuracy", 78.5, ["direction-conflict"]),
    ]


def test_an_arrow_on_a_benchmark_whose_metric_is_implied_is_checked_against_that_metric():
    assert _records([["Model", "MMLU ↓", "MMLU-Pro ↑"], ["Nimbus 2", "70.1", "51.2"]]) == [
        ("MMLU", "Average (%)", 70.1, ["direction-conflict"]),
        ("MMLU-Pro", "Accuracy", 51.2, []),
    ]


def test_an_arrow_on_a_metric_of_unknown_direction_flags_nothing():
    assert _records(
        [["Model", "test-zh", "test-zh"], ["Model", "SS ↓", "Vexity ↑"], ["Nimbus-TTS", "0.63", "4.1"]]
    ) == [("test-zh", "SS", 0.63, ["unknown-dataset"]), ("test-zh", "Vexity", 4.1, ["unknown-dataset"])]
