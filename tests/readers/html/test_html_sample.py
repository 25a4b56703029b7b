"""The hand-written sample page: a paper page with a results table and a hyperparameter table."""

from __future__ import annotations

import pytest

from extractor.model.options import RunOptions
from extractor.readers import InputRef, load
from tests.support.html import SAMPLE, codes, load_path

TITLE = "Nimbus 2: Sparse Routing & Distillation Make Small Models Strong Reasoners"
ABSTRACT = (
    "We present Nimbus 2, a family of sparse-routing language models with 1.8B and 7B parameters trained "
    "on 3.2 trillion tokens. A learned router sends each token to two of sixteen feed-forward experts, and "
    "a distillation stage transfers reasoning traces from a larger teacher. Nimbus 2 7B reaches 71.2 on "
    "GSM8K and 66.8 on MMLU, outperforming the dense Falcon-Lite 7B baseline on five of six benchmarks "
    "while using 40% less inference compute. We release the weights and the evaluation harness."
)
RESULTS = [
    ["Model", "Size", "Knowledge", "Knowledge", "Reasoning", "Reasoning", "Reasoning", "Code"],
    ["Model", "Size", "MMLU", "TriviaQA", "GSM8K", "ARC (Challenge)", "HellaSwag", "HumanEval"],
    ["Nimbus 2", "1.8B", "52.4", "48.9", "41.3", "49.8", "68.5", "28.7%"],
    ["Nimbus 2", "7B", "66.8", "63.5", "71.2", "62.0", "80.1", "56.0%"],
    ["Falcon-Lite 7B", "7B", "63.9†", "61.2", "56.3", "58.4", "79.4", "-"],
    ["Marlin 3B", "3B", "55.1", "51.7", "38.2", "51.3", "71.0", "24.4%"],
]
HYPERPARAMETERS = [
    ["Hyperparameter", "Value"],
    ["learning rate", "3e-4"],
    ["batch size (tokens)", "4M"],
    ["warmup steps", "2,000"],
    ["weight decay", "0.1"],
    ["context length", "4,096"],
]


@pytest.fixture(scope="module")
def doc():
    return load_path(SAMPLE)


def test_title_and_abstract(doc):
    assert doc.title == TITLE
    assert doc.abstract == ABSTRACT


def test_two_tables_in_order(doc):
    assert [t.index for t in doc.tables] == [0, 1]
    assert [t.engine for t in doc.tables] == ["html", "html"]
    assert all(t.provenance == [] and t.page is None and t.bbox is None for t in doc.tables)
    assert "no-tables" not in codes(doc)
    assert doc.warnings == []


def test_results_grid(doc):
    results = doc.tables[0]
    assert results.grid == RESULTS
    assert results.header_rows == 2
    assert results.caption.startswith("Table 2: Accuracy (%) on knowledge, reasoning and code benchmarks;")


def test_results_cells_keep_spans_once(doc):
    cells = {(c.row, c.col): c for c in doc.tables[0].cells}
    assert (cells[0, 0].text, cells[0, 0].rowspan, cells[0, 0].colspan) == ("Model", 2, 1)
    assert (cells[0, 2].text, cells[0, 2].colspan) == ("Knowledge", 2)
    assert (cells[0, 4].text, cells[0, 4].colspan) == ("Reasoning", 3)
    assert (cells[2, 0].text, cells[2, 0].rowspan) == ("Nimbus 2", 2)
    assert (1, 0) not in cells and (3, 0) not in cells and (0, 3) not in cells
    assert len(doc.tables[0].cells) == 6 * 8 - 1 - 1 - 1 - 2 - 1  # each span's covered slots
    assert [(c.row, c.col) for c in doc.tables[0].cells if c.bold] == [(3, 4)]


def test_hyperparameter_table(doc):
    table = doc.tables[1]
    assert table.grid == HYPERPARAMETERS
    assert table.header_rows == 1
    assert table.caption == "Table 3: Pre-training hyperparameters shared by both Nimbus 2 sizes."


def test_blocks(doc):
    kinds = [(b.kind, b.text) for b in doc.blocks]
    assert kinds[0] == ("title", TITLE)
    assert ("heading", "Results from the Paper") in kinds
    assert any(k == "caption" and t.startswith("Table 2:") for k, t in kinds)
    assert all(b.page is None and b.bbox is None for b in doc.blocks)
    # navigation links and table cells are not running text
    assert not any("Browse State-of-the-Art" in t for _, t in kinds)
    assert not any(t == "learning rate" for _, t in kinds)


def test_through_the_source_loader():
    doc = load(InputRef(source=str(SAMPLE), path=SAMPLE), RunOptions())
    assert doc.media_type == "html"
    assert doc.title == TITLE
    assert [t.grid for t in doc.tables] == [RESULTS, HYPERPARAMETERS]
