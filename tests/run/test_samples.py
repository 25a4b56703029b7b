"""Every sample the project generated, run through the whole pipeline: exact records, in order.

A tuple is (task, dataset, model, setting, metric, value, unit, global_rank, row, col).
"""

from __future__ import annotations

import pytest

from extractor.model.options import RunOptions
from extractor.readers import InputRef
from extractor.run.pipeline import process_input
from tests.support.paths import REPO

EXPECTED = {
    "booktabs-table.pdf": [
        ("Multi-task Language Understanding", "MMLU", "Base 7B", None, "Average (%)", 45.3, "%", None, 2, 1),
        ("Multi-task Language Understanding", "MMLU", "Base 13B", None, "Average (%)", 54.8, "%", None, 2, 2),
        ("Multi-task Language Understanding", "MMLU", "Chat 7B", None, "Average (%)", 47.0, "%", None, 2, 3),
        ("Multi-task Language Understanding", "MMLU", "Chat 13B", None, "Average (%)", 53.6, "%", None, 2, 4),
        ("Arithmetic Reasoning", "GSM8K", "Base 7B", None, "Accuracy", 14.6, "%", None, 3, 1),
        ("Arithmetic Reasoning", "GSM8K", "Base 13B", None, "Accuracy", 28.7, "%", None, 3, 2),
        ("Arithmetic Reasoning", "GSM8K", "Chat 7B", None, "Accuracy", 22.1, "%", None, 3, 3),
        ("Arithmetic Reasoning", "GSM8K", "Chat 13B", None, "Accuracy", 36.4, "%", None, 3, 4),
        ("Code Generation", "HumanEval", "Base 7B", None, "Pass@1", 12.8, "%", None, 4, 1),
        ("Code Generation", "HumanEval", "Base 13B", None, "Pass@1", 18.3, "%", None, 4, 2),
        ("Code Generation", "HumanEval", "Chat 7B", None, "Pass@1", 20.1, "%", None, 4, 3),
        ("Code Generation", "HumanEval", "Chat 13B", None, "Pass@1", 24.4, "%", None, 4, 4),
        ("Common Sense Reasoning", "ARC (Challenge)", "Base 7B", None, "Accuracy", 53.1, "%", None, 5, 1),
        ("Common Sense Reasoning", "ARC (Challenge)", "Base 13B", None, "Accuracy", 59.4, "%", None, 5, 2),
        ("Common Sense Reasoning", "ARC (Challenge)", "Chat 7B", None, "Accuracy", 55.0, "%", None, 5, 3),
        ("Common Sense Reasoning", "ARC (Challenge)", "Chat 13B", None, "Accuracy", 60.2, "%", None, 5, 4),
        ("Sentence Completion", "HellaSwag", "Base 7B", None, "Accuracy", 77.2, "%", None, 6, 1),
        ("Sentence Completion", "HellaSwag", "Base 13B", None, "Accuracy", 80.7, "%", None, 6, 2),
        ("Sentence Completion", "HellaSwag", "Chat 7B", None, "Accuracy", 76.5, "%", None, 6, 3),
        ("Sentence Completion", "HellaSwag", "Chat 13B", None, "Accuracy", 79.9, "%", None, 6, 4),
    ],
    "model-card.pdf": [
        (
            "Multi-task Language Understanding",
            "MMLU",
            "Nimbus Instant 1.2",
            "5-shot",
            "Average (%)",
            61.2,
            "%",
            None,
            1,
            1,
        ),
        (
            "Multi-task Language Understanding",
            "MMLU",
            "Nimbus 1.5",
            "5-shot",
            "Average (%)",
            68.0,
            "%",
            None,
            1,
            2,
        ),
        (
            "Multi-task Language Understanding",
            "MMLU",
            "Nimbus 2",
            "5-shot",
            "Average (%)",
            74.5,
            "%",
            None,
            1,
            3,
        ),
        (
            "Arithmetic Reasoning",
            "GSM8K",
            "Nimbus Instant 1.2",
            "0-shot CoT",
            "Accuracy",
            55.4,
            "%",
            None,
            2,
            1,
        ),
        ("Arithmetic Reasoning", "GSM8K", "Nimbus 1.5", "0-shot CoT", "Accuracy", 63.9, "%", None, 2, 2),
        ("Arithmetic Reasoning", "GSM8K", "Nimbus 2", "0-shot CoT", "Accuracy", 81.2, "%", None, 2, 3),
        ("Code Generation", "HumanEval", "Nimbus Instant 1.2", "0-shot", "Pass@1", 40.1, "%", None, 3, 1),
        ("Code Generation", "HumanEval", "Nimbus 1.5", "0-shot", "Pass@1", 47.6, "%", None, 3, 2),
        ("Code Generation", "HumanEval", "Nimbus 2", "0-shot", "Pass@1", 66.3, "%", None, 3, 3),
        (
            "Common Sense Reasoning",
            "ARC (Challenge)",
            "Nimbus Instant 1.2",
            "25-shot",
            "Accuracy",
            79.8,
            "%",
            None,
            4,
            1,
        ),
        (
            "Common Sense Reasoning",
            "ARC (Challenge)",
            "Nimbus 1.5",
            "25-shot",
            "Accuracy",
            84.0,
            "%",
            None,
            4,
            2,
        ),
        (
            "Common Sense Reasoning",
            "ARC (Challenge)",
            "Nimbus 2",
            "25-shot",
            "Accuracy",
            88.9,
            "%",
            None,
            4,
            3,
        ),
        ("Question Answering", "TriviaQA", "Nimbus Instant 1.2", "5-shot", "EM", 70.2, "%", None, 5, 1),
        ("Question Answering", "TriviaQA", "Nimbus 1.5", "5-shot", "EM", 76.5, "%", None, 5, 2),
        ("Question Answering", "TriviaQA", "Nimbus 2", "5-shot", "EM", 80.7, "%", None, 5, 3),
        (
            "Sentence Completion",
            "HellaSwag",
            "Nimbus Instant 1.2",
            "10-shot",
            "Accuracy",
            81.0,
            "%",
            None,
            6,
            1,
        ),
        ("Sentence Completion", "HellaSwag", "Nimbus 1.5", "10-shot", "Accuracy", 85.3, "%", None, 6, 2),
        ("Sentence Completion", "HellaSwag", "Nimbus 2", "10-shot", "Accuracy", 89.4, "%", None, 6, 3),
    ],
    "paper-page.html": [
        (
            "Multi-task Language Understanding",
            "MMLU",
            "Nimbus 2 1.8B",
            None,
            "Average (%)",
            52.4,
            "%",
            None,
            2,
            2,
        ),
        ("Question Answering", "TriviaQA", "Nimbus 2 1.8B", None, "EM", 48.9, "%", None, 2, 3),
        ("Arithmetic Reasoning", "GSM8K", "Nimbus 2 1.8B", None, "Accuracy", 41.3, "%", None, 2, 4),
        (
            "Common Sense Reasoning",
            "ARC (Challenge)",
            "Nimbus 2 1.8B",
            None,
            "Accuracy",
            49.8,
            "%",
            None,
            2,
            5,
        ),
        ("Sentence Completion", "HellaSwag", "Nimbus 2 1.8B", None, "Accuracy", 68.5, "%", None, 2, 6),
        ("Code Generation", "HumanEval", "Nimbus 2 1.8B", None, "Pass@1", 28.7, "%", None, 2, 7),
        (
            "Multi-task Language Understanding",
            "MMLU",
            "Nimbus 2 7B",
            None,
            "Average (%)",
            66.8,
            "%",
            None,
            3,
            2,
        ),
        ("Question Answering", "TriviaQA", "Nimbus 2 7B", None, "EM", 63.5, "%", None, 3, 3),
        ("Arithmetic Reasoning", "GSM8K", "Nimbus 2 7B", None, "Accuracy", 71.2, "%", None, 3, 4),
        ("Common Sense Reasoning", "ARC (Challenge)", "Nimbus 2 7B", None, "Accuracy", 62.0, "%", None, 3, 5),
        ("Sentence Completion", "HellaSwag", "Nimbus 2 7B", None, "Accuracy", 80.1, "%", None, 3, 6),
        ("Code Generation", "HumanEval", "Nimbus 2 7B", None, "Pass@1", 56.0, "%", None, 3, 7),
        (
            "Multi-task Language Understanding",
            "MMLU",
            "Falcon-Lite 7B",
            None,
            "Average (%)",
            63.9,
            "%",
            None,
            4,
            2,
        ),
        ("Question Answering", "TriviaQA", "Falcon-Lite 7B", None, "EM", 61.2, "%", None, 4, 3),
        ("Arithmetic Reasoning", "GSM8K", "Falcon-Lite 7B", None, "Accuracy", 56.3, "%", None, 4, 4),
        (
            "Common Sense Reasoning",
            "ARC (Challenge)",
            "Falcon-Lite 7B",
            None,
            "Accuracy",
            58.4,
            "%",
            None,
            4,
            5,
        ),
        ("Sentence Completion", "HellaSwag", "Falcon-Lite 7B", None, "Accuracy", 79.4, "%", None, 4, 6),
        (
            "Multi-task Language Understanding",
            "MMLU",
            "Marlin 3B",
            None,
            "Average (%)",
            55.1,
            "%",
            None,
            5,
            2,
        ),
        ("Question Answering", "TriviaQA", "Marlin 3B", None, "EM", 51.7, "%", None, 5, 3),
        ("Arithmetic Reasoning", "GSM8K", "Marlin 3B", None, "Accuracy", 38.2, "%", None, 5, 4),
        ("Common Sense Reasoning", "ARC (Challenge)", "Marlin 3B", None, "Accuracy", 51.3, "%", None, 5, 5),
        ("Sentence Completion", "HellaSwag", "Marlin 3B", None, "Accuracy", 71.0, "%", None, 5, 6),
        ("Code Generation", "HumanEval", "Marlin 3B", None, "Pass@1", 24.4, "%", None, 5, 7),
    ],
    "results-page.txt": [
        (
            "Common Sense Reasoning",
            "ARC (Challenge)",
            "Nimbus Instant 1.2",
            "5-shot",
            "Accuracy",
            82.4,
            None,
            17,
            1,
            4,
        ),
        ("Common Sense Reasoning", "ARC (Challenge)", "Nimbus 2", "5-shot", "Accuracy", 89.6, None, 6, 2, 4),
        (
            "Arithmetic Reasoning",
            "GSM8K",
            "Nimbus Instant 1.2",
            "0-shot CoT",
            "Accuracy",
            71.3,
            None,
            88,
            3,
            4,
        ),
        ("Arithmetic Reasoning", "GSM8K", "Nimbus 2", "0-shot CoT", "Accuracy", 84.9, None, 41, 4, 4),
        ("Code Generation", "HumanEval", "Falcon-Lite 7B", None, "Pass@1", 31.7, None, 120, 5, 4),
        ("Code Generation", "HumanEval", "Nimbus 2", None, "Pass@1", 64.0, None, 30, 6, 4),
        ("Question Answering", "TriviaQA", "Nimbus 2", "5-shot", "EM", 80.2, None, 12, 7, 4),
        ("Question Answering", "TriviaQA", "Falcon-Lite 7B", "5-shot", "EM", 55.0, None, None, 8, 4),
        ("Sentence Completion", "HellaSwag", "Nimbus 2", "10-shot", "Accuracy", 87.1, None, 15, 9, 4),
        ("Logical Reasoning", "LogiQuest", "Nimbus Instant 1.2", "5-shot", "Accuracy", 58.3, None, 4, 10, 4),
        ("Logical Reasoning", "LogiQuest", "Nimbus 2", "5-shot", "Accuracy", 66.7, None, 2, 11, 4),
        ("Logical Reasoning", "LogiQuest", "Falcon-Lite 7B", "5-shot", "Accuracy", 41.5, None, 9, 12, 4),
        ("Bug fixing", "SWE-bench", "Nimbus 2", None, "Resolved (unassisted)", 2.35, "%", 3, 13, 4),
        ("Bug fixing", "SWE-bench", "Nimbus 2", None, "Resolved (assisted)", 5.1, "%", 2, 14, 4),
    ],
    "ruled-table.pdf": [
        (
            "Multi-task Language Understanding",
            "MMLU",
            "Falcon-Lite 7B",
            None,
            "Average (%)",
            45.3,
            "%",
            None,
            1,
            1,
        ),
        ("Arithmetic Reasoning", "GSM8K", "Falcon-Lite 7B", None, "Accuracy", 21.8, "%", None, 1, 2),
        ("Code Generation", "HumanEval", "Falcon-Lite 7B", None, "Pass@1", 18.9, "%", None, 1, 3),
        ("Multi-task Language Understanding", "MMLU", "Nimbus 2", None, "Average (%)", 78.1, "%", None, 2, 1),
        ("Arithmetic Reasoning", "GSM8K", "Nimbus 2", None, "Accuracy", 84.6, "%", None, 2, 2),
        ("Code Generation", "HumanEval", "Nimbus 2", None, "Pass@1", 70.2, "%", None, 2, 3),
        (
            "Multi-task Language Understanding",
            "MMLU",
            "Nimbus Instant",
            None,
            "Average (%)",
            71.4,
            "%",
            None,
            3,
            1,
        ),
        ("Arithmetic Reasoning", "GSM8K", "Nimbus Instant", None, "Accuracy", 79.0, "%", None, 3, 2),
        ("Code Generation", "HumanEval", "Nimbus Instant", None, "Pass@1", 61.5, "%", None, 3, 3),
    ],
    "two-column-paper.pdf": [
        (
            "Multi-task Language Understanding",
            "MMLU",
            "Falcon-Lite 7B",
            None,
            "Average (%)",
            45.3,
            "%",
            None,
            1,
            1,
        ),
        ("Arithmetic Reasoning", "GSM8K", "Falcon-Lite 7B", None, "Accuracy", 21.8, "%", None, 1, 2),
        (
            "Multi-task Language Understanding",
            "MMLU",
            "Nimbus Instant",
            None,
            "Average (%)",
            71.4,
            "%",
            None,
            2,
            1,
        ),
        ("Arithmetic Reasoning", "GSM8K", "Nimbus Instant", None, "Accuracy", 79.0, "%", None, 2, 2),
        ("Multi-task Language Understanding", "MMLU", "Nimbus 2", None, "Average (%)", 78.1, "%", None, 3, 1),
        ("Arithmetic Reasoning", "GSM8K", "Nimbus 2", None, "Accuracy", 84.6, "%", None, 3, 2),
    ],
}


def _records(name: str):
    path = REPO / "samples" / name
    report, result = process_input(InputRef(path=path, source=f"samples/{name}"), RunOptions())
    assert report.status == "ok", report.error
    return result


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_records_exactly(name):
    result = _records(name)
    got = [
        (r.task, r.dataset, r.model, r.setting, r.metric, r.value, r.unit, r.global_rank, r.row, r.col)
        for r in result.records
    ]
    assert got == EXPECTED[name]


def test_every_sample_is_covered():
    inputs = {p.name for p in (REPO / "samples").iterdir() if p.suffix in {".pdf", ".html", ".txt"}}
    assert inputs == set(EXPECTED)


def test_marker_and_raw_value_are_kept_apart():
    rec = next(
        r for r in _records("paper-page.html").records if r.model == "Falcon-Lite 7B" and r.dataset == "MMLU"
    )
    assert (rec.value, rec.value_raw, rec.markers) == (63.9, "63.9†", "†")


def test_hyperparameter_table_gives_a_warning_not_records():
    result = _records("paper-page.html")
    assert {r.table_index for r in result.records} == {0}
    assert [w.code for w in result.warnings] == ["not-results"]
