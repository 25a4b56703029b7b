"""The issue's acceptance case on real documents: a Papers-with-Code page saved as text and the
PDF it describes must give the same records (skipped when ../shared/corpus is absent)."""

import pytest

from extractor.model.options import RunOptions
from extractor.readers import expand_inputs
from extractor.run.pipeline import process_input
from tests.support.paths import corpus_path

PAGE = ("pwc-pages", "claude-2-model-card.txt")
PDF = ("claude2", "Model-Card-Claude-2.pdf")

# The page's "Results from the Paper", as the page shows it: task, dataset, model, setting as
# written, metric, value, rank.
PAGE_ROWS = [
    (
        "Common Sense Reasoning",
        "ARC (Challenge)",
        "Claude Instant 1.1",
        "few-shot, k=5",
        "Accuracy",
        85.7,
        11,
    ),
    ("Common Sense Reasoning", "ARC (Challenge)", "Claude 1.3", "few-shot, k=5", "Accuracy", 90.0, 4),
    ("Common Sense Reasoning", "ARC (Challenge)", "Claude 2", "few-shot, k=5", "Accuracy", 91.0, 3),
    ("Arithmetic Reasoning", "GSM8K", "Claude Instant 1.1", "0-shot chain-of-thought", "Accuracy", 80.9, 59),
    ("Arithmetic Reasoning", "GSM8K", "Claude 1.3", "0-shot chain-of-thought", "Accuracy", 85.2, 39),
    ("Arithmetic Reasoning", "GSM8K", "Claude 2", "0-shot chain-of-thought", "Accuracy", 88.0, 28),
    ("Code Generation", "HumanEval", "Claude Instant 1.1", None, "Pass@1", 52.8, 41),
    ("Code Generation", "HumanEval", "Claude 1.3", None, "Pass@1", 56.0, 38),
    ("Code Generation", "HumanEval", "Claude 2", None, "Pass@1", 71.2, 22),
    ("Multi-task Language Understanding", "MMLU", "Claude Instant 1.1", "5-shot", "Average (%)", 73.4, 22),
    ("Multi-task Language Understanding", "MMLU", "Claude 1.3", "5-shot", "Average (%)", 77.0, 14),
    ("Multi-task Language Understanding", "MMLU", "Claude 2", "5-shot", "Average (%)", 78.5, 11),
    ("Question Answering", "QuALITY", "Claude 2", "5-shot", "Accuracy", 83.2, 2),
    ("Question Answering", "QuALITY", "Claude 1.3", "5-shot", "Accuracy", 84.1, 1),
    ("Question Answering", "QuALITY", "Claude Instant 1.1", "5-shot", "Accuracy", 80.5, 4),
    ("Bug fixing", "SWE-bench", "Claude 2", None, "Resolved (unassisted)", 1.96, 1),
    ("Bug fixing", "SWE-bench", "Claude 2", None, "Resolved (assisted)", 4.80, 1),
    ("Question Answering", "TriviaQA", "Claude Instant 1.1", "few-shot, k=5", "EM", 78.9, 9),
    ("Question Answering", "TriviaQA", "Claude 1.3", "few-shot, k=5", "EM", 86.7, 3),
    ("Question Answering", "TriviaQA", "Claude 2", "few-shot, k=5", "EM", 87.5, 1),
]
TITLE = "Model Card and Evaluations for Claude Models"


def _extract(parts):
    [ref] = expand_inputs([str(corpus_path(*parts))])
    report, result = process_input(ref, RunOptions())
    assert report.status == "ok", report.error
    return result


@pytest.fixture(scope="module")
def page():
    return _extract(PAGE)


@pytest.fixture(scope="module")
def pdf():
    return _extract(PDF)


def test_page_gives_exactly_its_20_records(page):
    got = [
        (r.task, r.dataset, r.model, r.setting_raw, r.metric, r.value, r.global_rank) for r in page.records
    ]
    assert got == PAGE_ROWS
    swe = [r for r in page.records if r.dataset == "SWE-bench"]
    assert [(r.value, r.unit, r.value_raw) for r in swe] == [(1.96, "%", "1.96%"), (4.8, "%", "4.80%")]
    settings = {r.setting for r in page.records}
    assert settings == {"5-shot", "0-shot CoT", None}


def test_page_title_and_abstract_are_repaired(page):
    assert page.title == TITLE
    assert page.abstract.startswith("This report includes the model card [1] for Claude models")
    assert (
        "‘helpful and harmless’" in page.abstract
        and "Claude 2’s capabilities and limitations." in page.abstract
    )
    assert not any(ch in page.abstract for ch in "โ€ย")


def test_pdf_gives_the_page_records_for_the_same_benchmarks(pdf):
    got = {(r.dataset, r.model, r.metric): (r.value, r.task) for r in pdf.records}
    shared = [row for row in PAGE_ROWS if row[1] != "SWE-bench"]
    assert len(shared) == 18
    for task, dataset, model, _, metric, value, _ in shared:
        assert got.get((dataset, model, metric)) == (value, task), (dataset, model, metric)


def test_pdf_table_records_exactly(pdf):
    race = [(r.model, r.value, r.unit, r.setting) for r in pdf.records if r.dataset == "RACE-H"]
    assert race == [
        ("Claude Instant 1.1", 85.5, "%", "5-shot"),
        ("Claude 1.3", 88.8, "%", "5-shot"),
        ("Claude 2", 88.3, "%", "5-shot"),
    ]
    assert len(pdf.records) == 21
    assert {r.page for r in pdf.records} == {10}
    first = pdf.records[0]
    assert (first.dataset_raw, first.model_raw, first.value_raw, first.setting) == (
        "Codex P@1 (0-shot)",
        "Claude Instant",
        "52.8%",
        "0-shot",
    )


def test_pdf_title_and_abstract_match_the_page(pdf, page):
    assert pdf.title == TITLE
    assert pdf.abstract == page.abstract
