"""Records of tables drawn like the comparison tables of technical reports
(tests/support/report_cases.py), read from generated PDFs through the whole pipeline: every record,
exactly."""

from __future__ import annotations

from functools import cache

import pytest

from extractor.model.options import RunOptions
from extractor.model.report import DocumentResult
from extractor.readers.pdf import read_pdf
from extractor.run.pipeline import extract_document
from extractor.vocab import load_vocabulary
from tests.support import report_cases as rc


@cache
def _result(name: str) -> DocumentResult:
    doc = read_pdf(rc.case_pdf(getattr(rc, name)), "case.pdf", RunOptions(), load_vocabulary())
    return extract_document(doc, RunOptions())


def _rows(name: str) -> list[tuple]:
    return [(r.task, r.dataset, r.model, r.setting, r.metric, r.value, r.unit) for r in _result(name).records]


MMLU, GSM = "Multi-task Language Understanding", "Arithmetic Reasoning"


def test_family_over_sizes_and_rows_describing_models():
    # the caption says they are base models: each name takes the variant after its size
    assert _rows("SIZES") == [
        (MMLU, "MMLU", "Nimbus 7B Base", None, "Average (%)", 61.2, None),
        (MMLU, "MMLU", "Nimbus 14B Base", None, "Average (%)", 66.3, None),
        (MMLU, "MMLU", "Orca-X 13B Base", None, "Average (%)", 55.0, None),
        (GSM, "GSM8K", "Nimbus 7B Base", None, "Accuracy", 51.7, None),
        (GSM, "GSM8K", "Nimbus 14B Base", None, "Accuracy", 61.3, None),
        (GSM, "GSM8K", "Orca-X 13B Base", None, "Accuracy", 29.6, None),
    ]
    # '# Layers 32 40 40' holds numbers, but it describes the models: no record from rows 2-4
    assert {r.row for r in _result("SIZES").records} == {5, 6}
    # the title names the document's own family
    assert [r.model_role for r in _result("SIZES").records[:3]] == ["own", "own", "baseline"]


def test_metric_and_shots_columns_category_column_and_variants():
    rows = _rows("METRIC_SHOTS")
    bbh, code, math = "Multi-task Language Understanding", "Code Generation", "Math Word Problem Solving"
    assert rows == [
        (bbh, "BIG-Bench Hard", "Nimbus 67B", "3-shot", "EM", 68.7, None),
        (bbh, "BIG-Bench Hard", "Nimbus-V2 Base", "3-shot", "EM", 78.9, None),
        (bbh, "BIG-Bench Hard", "Nimbus-V2", "3-shot", "EM", 79.7, None),
        (MMLU, "MMLU", "Nimbus 67B", "5-shot", "Accuracy", 71.3, None),
        (MMLU, "MMLU", "Nimbus-V2 Base", "5-shot", "Accuracy", 78.5, None),
        (MMLU, "MMLU", "Nimbus-V2", "5-shot", "Accuracy", 77.8, None),
        ("Question Answering", "PIQA", "Nimbus 67B", "0-shot", "Accuracy", 83.6, None),
        ("Question Answering", "PIQA", "Nimbus-V2 Base", "0-shot", "Accuracy", 83.7, None),
        (code, "HumanEval", "Nimbus 67B", "0-shot", "Pass@1", 45.1, None),
        (code, "HumanEval", "Nimbus-V2 Base", "0-shot", "Pass@1", 48.8, None),
        (code, "HumanEval", "Nimbus-V2", "0-shot", "Pass@1", 81.1, None),
        (code, "MBPP", "Nimbus 67B", "3-shot", "Pass@1", 57.4, None),
        (code, "MBPP", "Nimbus-V2 Base", "3-shot", "Pass@1", 66.6, None),
        (code, "MBPP", "Nimbus-V2", "3-shot", "Pass@1", 72.0, None),
        (GSM, "GSM8K", "Nimbus 67B", "8-shot", "EM", 63.4, None),
        (GSM, "GSM8K", "Nimbus-V2 Base", "8-shot", "EM", 79.2, None),
        (GSM, "GSM8K", "Nimbus-V2", "8-shot", "EM", 92.2, None),
        (math, "MATH", "Nimbus 67B", "4-shot", "EM", 18.7, None),
        (math, "MATH", "Nimbus-V2 Base", "4-shot", "EM", 43.6, None),
        (math, "MATH", "Nimbus-V2", "4-shot", "EM", 53.9, None),
    ]
    records = _result("METRIC_SHOTS").records
    # the category printed once per group is every row's task_raw, not part of the benchmark name
    assert [r.task_raw for r in records[::3]] == [
        "English",
        "English",
        "English",
        "Code",
        "Code",
        "Math",
        "Math",
    ]
    assert (records[0].dataset_raw, records[0].metric_raw, records[0].setting_raw) == (
        "BBH (EM)",
        "EM",
        "3-shot",
    )
    assert [(r.model, r.model_role) for r in records[:3]] == [
        ("Nimbus 67B", "baseline"),
        ("Nimbus-V2 Base", "own"),
        ("Nimbus-V2", "own"),
    ]
    assert all(not r.flags for r in records)


def test_category_rows_set_the_task_below():
    assert [(r.task_raw, r.task, r.dataset, r.model, r.value) for r in _result("CATEGORY_ROWS").records] == [
        ("English", "Question Answering", "TriviaQA", "Falcon-Lite 7B", 61.3),
        ("English", "Question Answering", "TriviaQA", "Nimbus 14B", 70.2),
        ("Code", "Code Generation", "MBPP", "Falcon-Lite 7B", 24.2),
        ("Code", "Code Generation", "MBPP", "Nimbus 14B", 40.8),
        ("Chinese", "Chinese Language Understanding", "C-Eval", "Falcon-Lite 7B", 56.3),
        ("Chinese", "Chinese Language Understanding", "C-Eval", "Nimbus 14B", 72.1),
    ]


def test_family_printed_once_beside_its_sizes_and_group_headers():
    records = _result("FAMILY_ROWS").records
    assert [(r.model, r.dataset, r.value) for r in records if r.dataset == "GSM8K"] == [
        ("Falcon-Lite 7B", "GSM8K", 16.2),
        ("Orca-X 7B", "GSM8K", 46.8),
        ("Orca-X 13B", "GSM8K", 55.0),
        ("Orca-X 34B", "GSM8K", 62.6),
        ("Nimbus 1.8B", "GSM8K", 21.2),
        ("Nimbus 14B", "GSM8K", 61.3),
    ]
    assert [(r.task_raw, r.dataset) for r in records[:4]] == [
        ("Reasoning", "GSM8K"),
        ("Reasoning", "ARC (Challenge)"),
        ("Knowledge", "MMLU"),
        ("Knowledge", "TriviaQA"),
    ]
    assert len(records) == 24 and not any(r.flags for r in records)


def test_values_as_printed():
    assert [
        (r.dataset, r.model, r.value, r.value_raw, r.setting, r.metric, r.markers, r.bold, r.model_role)
        for r in _result("VALUES").records
    ] == [
        ("MMLU", "Falcon-Lite 7B", 79.5, "79.5*", None, "Average (%)", "*", False, "baseline"),
        ("GSM8K", "Falcon-Lite 7B", 65.2, "65.2 (5-shot)", "5-shot", "Accuracy", None, False, "baseline"),
        ("Codeforces", "Falcon-Lite 7B", 1234.0, "1,234", None, "Elo", None, False, "baseline"),
        ("MMLU", "Nimbus 14B", 81.0, "81.0", None, "Average (%)", None, True, "own"),
        ("GSM8K", "Nimbus 14B", 63.9, "63.9\u2020", None, "Accuracy", "\u2020", False, "own"),
        ("HumanEval", "Nimbus 14B", 48.8, "48.8", None, "Pass@1", None, False, "own"),
        ("Codeforces", "Nimbus 14B", 1510.0, "1,510", None, "Elo", None, False, "own"),
    ]


def test_one_benchmark_many_names_metric_kept():
    assert [(r.dataset_raw, r.dataset, r.metric, r.setting, r.value) for r in _result("ALIASES").records] == [
        ("GSM8k", "GSM8K", "Accuracy", None, 61.3),
        ("GSM-8K (8-shot)", "GSM8K", "Accuracy", "8-shot", 61.9),
        ("HumanEval (Pass@1)", "HumanEval", "Pass@1", None, 32.3),
        ("Codex P@1", "HumanEval", "Pass@1", None, 32.0),
        ("MMLU (EM)", "MMLU", "EM", None, 66.1),
        ("MMLU (Acc.)", "MMLU", "Accuracy", None, 66.3),
    ]


@pytest.mark.parametrize("name", ["HYPERPARAMETERS", "DATA_MIX", "COMPUTE"])
def test_tables_that_are_not_results_give_no_records(name):
    result = _result(name)
    assert len(result.tables) == 1
    assert result.records == []
    assert [w.code for w in result.warnings] == ["not-results", "no-records"]


def test_a_table_drawn_as_a_picture_is_a_warning_naming_its_page():
    doc = read_pdf(rc.picture_table_pdf(), "pic.pdf", RunOptions(), load_vocabulary())
    assert [(w.code, w.page) for w in doc.warnings] == [("table-image", 1)]
    assert doc.warnings[0].message.startswith("page 1: a captioned table is an image")


def test_a_figure_drawn_as_a_picture_is_not():
    pdf = rc.picture_table_pdf("Figure 3: Training loss over steps.")
    doc = read_pdf(pdf, "fig.pdf", RunOptions(), load_vocabulary())
    assert [w.code for w in doc.warnings] == []
