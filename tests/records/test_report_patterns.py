"""Records of the table patterns of tests/support/pattern_cases.py, read from generated PDFs through the whole
pipeline, compared with the records a careful curator writes (tests/gold/README.md).

A record is (dataset, model, setting, metric, value), and only the records a leaderboard takes are
compared: no flag, not an ablation. Where the table prints no metric the expected one is the
vocabulary's default for the benchmark (the project's convention, as in test_report_cases.py).
An expectation the pipeline does not meet yet is a strict xfail saying what it gives instead.
"""

from __future__ import annotations

from functools import cache

from extractor.model.options import RunOptions
from extractor.model.report import DocumentResult
from extractor.readers.pdf import read_pdf
from extractor.run.pipeline import extract_document
from extractor.vocab import load_vocabulary
from tests.support import pattern_cases as pc
from tests.support.report_cases import case_pdf

# The pages that are not one Case each.
PAGES = {
    "STACKED": lambda: pc.stacked_pdf(pc.BELOW_FIRST, pc.BELOW_SECOND),
    "SIDE_BY_SIDE": lambda: pc.side_by_side_pdf(pc.SIDE_LEFT, pc.SIDE_RIGHT),
    "LABELS_WITH_PARTS": lambda: pc.footnoted_pdf(pc.LABELS_WITH_PARTS, pc.SPOKEN_FOOTNOTE),
}
AVG, ACC = "Average (%)", "Accuracy"  # the vocabulary's metrics for MMLU and for most others


@cache
def _result(name: str) -> DocumentResult:
    data = PAGES[name]() if name in PAGES else case_pdf(getattr(pc, name))
    return extract_document(read_pdf(data, "case.pdf", RunOptions(), load_vocabulary()), RunOptions())


def _published(name: str, caption: str | None = None) -> list[tuple]:
    """The records a leaderboard takes, of the table with this caption when one is given."""
    result = _result(name)
    captions = {t.index: t.caption for t in result.tables}
    return [
        (r.dataset, r.model, r.setting, r.metric, r.value)
        for r in result.records
        if not r.flags
        and r.model_role != "ablation"
        and (caption is None or captions[r.table_index] == caption)
    ]


# --- 1. captions below their tables -------------------------------------------------------------


def test_captions_below_go_to_the_table_above_them_when_a_second_table_follows():
    # each caption's variant reaches only its own table's models
    assert _published("STACKED", pc.BELOW_FIRST.caption) == [
        ("GSM8K", "Nimbus 2 7B Base", None, ACC, 51.7),
        ("GSM8K", "Nimbus 2 14B Base", None, ACC, 61.3),
        ("GSM8K", "Orca-X 13B Base", None, ACC, 29.6),
        ("MATH", "Nimbus 2 7B Base", None, ACC, 20.4),
        ("MATH", "Nimbus 2 14B Base", None, ACC, 28.9),
        ("MATH", "Orca-X 13B Base", None, ACC, 10.2),
    ]
    assert _published("STACKED", pc.BELOW_SECOND.caption) == [
        ("HumanEval", "Nimbus 2 7B Instruct", None, "Pass@1", 48.2),
        ("HumanEval", "Nimbus 2 14B Instruct", None, "Pass@1", 59.1),
        ("HumanEval", "Orca-X 13B Instruct", None, "Pass@1", 35.4),
        ("MBPP", "Nimbus 2 7B Instruct", None, ACC, 52.0),
        ("MBPP", "Nimbus 2 14B Instruct", None, ACC, 60.8),
        ("MBPP", "Orca-X 13B Instruct", None, ACC, 41.3),
    ]
    assert len(_result("STACKED").records) == 12


# --- 2. what the caption says about every record ------------------------------------------------


def test_caption_variant_setting_and_metric_reach_every_record():
    assert _published("CAPTION_FACTS") == [
        ("TriviaQA", "Nimbus 2 7B Instruct", "0-shot", "EM", 62.4),
        ("TriviaQA", "Orca-X 13B Instruct", "0-shot", "EM", 58.1),
        ("Natural Questions", "Nimbus 2 7B Instruct", "0-shot", "EM", 28.7),
        ("Natural Questions", "Orca-X 13B Instruct", "0-shot", "EM", 25.3),
    ]


def test_a_caption_naming_the_parent_of_subset_rows():
    assert _published("CAPTION_PARENT") == [
        ("AGIEval (SAT-Math)", "Nimbus 2 7B", None, ACC, 52.7),
        ("AGIEval (SAT-Math)", "Orca-X 13B", None, ACC, 49.1),
        ("AGIEval (LSAT-AR)", "Nimbus 2 7B", None, ACC, 21.3),
        ("AGIEval (LSAT-AR)", "Orca-X 13B", None, ACC, 20.0),
        ("AGIEval (LSAT-LR)", "Nimbus 2 7B", None, ACC, 45.9),
        ("AGIEval (LSAT-LR)", "Orca-X 13B", None, ACC, 40.2),
        ("AGIEval", "Nimbus 2 7B", None, ACC, 40.0),
        ("AGIEval", "Orca-X 13B", None, ACC, 36.4),
    ]


# --- 3. headers over several rows ---------------------------------------------------------------


def test_a_family_over_its_version_over_its_variants():
    assert _published("FAMILY_VERSION") == [
        ("MMLU-Pro", "Nimbus 1.5 Flash", None, ACC, 67.3),
        ("MMLU-Pro", "Nimbus 1.5 Pro", None, ACC, 75.8),
        ("MMLU-Pro", "Orca-X 7B", None, ACC, 40.1),
        ("MMLU-Pro", "Orca-X 13B", None, ACC, 47.9),
        ("MATH-500", "Nimbus 1.5 Flash", None, ACC, 77.9),
        ("MATH-500", "Nimbus 1.5 Pro", None, ACC, 86.5),
        ("MATH-500", "Orca-X 7B", None, ACC, 45.0),
        ("MATH-500", "Orca-X 13B", None, ACC, 51.2),
    ]


def test_a_language_over_benchmarks_is_their_subset():
    arc, hs = "ARC (Challenge)", "HellaSwag"
    assert _published("LANGUAGE_OVER") == [
        (f"{arc} (French)", "Nimbus 2 7B", None, ACC, 58.2),
        (f"{hs} (French)", "Nimbus 2 7B", None, ACC, 70.3),
        ("MMLU (French)", "Nimbus 2 7B", None, AVG, 70.9),
        (f"{arc} (German)", "Nimbus 2 7B", None, ACC, 54.3),
        (f"{hs} (German)", "Nimbus 2 7B", None, ACC, 68.1),
        ("MMLU (German)", "Nimbus 2 7B", None, AVG, 71.5),
        (f"{arc} (French)", "Orca-X 13B", None, ACC, 55.0),
        (f"{hs} (French)", "Orca-X 13B", None, ACC, 66.2),
        ("MMLU (French)", "Orca-X 13B", None, AVG, 64.8),
        (f"{arc} (German)", "Orca-X 13B", None, ACC, 52.9),
        (f"{hs} (German)", "Orca-X 13B", None, ACC, 63.0),
        ("MMLU (German)", "Orca-X 13B", None, AVG, 65.2),
    ]


def test_a_benchmark_its_split_and_its_metric_in_three_header_rows():
    assert _published("THREE_ROW_BENCHMARK") == [
        ("GPQA Diamond", "Nimbus-R 32B", None, "Pass@1", 62.1),
        ("AIME 2024", "Nimbus-R 32B", None, "Pass@1", 72.6),
        ("GPQA Diamond", "Orca-X 70B", None, "Pass@1", 48.3),
        ("AIME 2024", "Orca-X 70B", None, "Pass@1", 40.0),
    ]


def test_group_titles_over_model_columns_are_no_part_of_the_names():
    assert _published("GROUP_TITLES") == [
        ("AIME 2024", "Nimbus-R 8B", None, "Pass@1", 55.0),
        ("AIME 2024", "Nimbus-R 32B", None, "Pass@1", 72.6),
        ("AIME 2024", "Orca-X 70B", None, "Pass@1", 40.0),
        ("AIME 2024", "Falcon-Lite 8x7B", None, "Pass@1", 25.4),
        ("MATH-500", "Nimbus-R 8B", None, ACC, 88.2),
        ("MATH-500", "Nimbus-R 32B", None, ACC, 94.3),
        ("MATH-500", "Orca-X 70B", None, ACC, 80.1),
        ("MATH-500", "Falcon-Lite 8x7B", None, ACC, 70.6),
    ]
    # 'Our Models' marks the document's own
    assert [r.model_role for r in _result("GROUP_TITLES").records[:4]] == [
        "own",
        "own",
        "baseline",
        "baseline",
    ]


def test_a_row_of_thinking_budgets_under_the_model_names():
    assert _published("THINKING_BUDGETS") == [
        ("AIME 2024", "Orca-R 70B", "32k budget", "Pass@1", 79.8),
        ("AIME 2024", "Nimbus-M1", "40k budget", "Pass@1", 83.3),
        ("AIME 2024", "Nimbus-M1", "80k budget", "Pass@1", 86.0),
        ("LiveCodeBench", "Orca-R 70B", "32k budget", "Pass@1", 55.9),
        ("LiveCodeBench", "Nimbus-M1", "40k budget", "Pass@1", 62.3),
        ("LiveCodeBench", "Nimbus-M1", "80k budget", "Pass@1", 65.0),
    ]


# --- 4. labels beside the label that names the record -------------------------------------------


def test_a_category_column_beside_the_benchmarks_is_their_task():
    assert _published("CATEGORY_COLUMN") == [
        ("HumanEval", "Nimbus 2 7B", None, "Pass@1", 48.2),
        ("HumanEval", "Orca-X 13B", None, "Pass@1", 35.4),
        ("MBPP", "Nimbus 2 7B", None, ACC, 52.0),
        ("MBPP", "Orca-X 13B", None, ACC, 41.3),
        ("LiveCodeBench", "Nimbus 2 7B", None, "Pass@1", 20.1),
        ("LiveCodeBench", "Orca-X 13B", None, "Pass@1", 12.7),
        ("GSM8K", "Nimbus 2 7B", None, ACC, 70.4),
        ("GSM8K", "Orca-X 13B", None, ACC, 55.2),
        ("MATH", "Nimbus 2 7B", None, ACC, 30.8),
        ("MATH", "Orca-X 13B", None, ACC, 18.6),
    ]
    # the category stays in task_raw; a benchmark the data knows has its own task (GSM8K's)
    assert [(r.task_raw, r.task) for r in _result("CATEGORY_COLUMN").records[::2]] == [
        ("Code", "Code Generation")
    ] * 3 + [("Math", "Arithmetic Reasoning"), ("Math", "Math Word Problem Solving")]


def test_an_activated_parameter_column_is_no_part_of_the_names():
    assert _published("ACTIVE_PARAMS") == [
        ("MMLU", "Orca-X 13B", None, AVG, 55.0),
        ("GSM8K", "Orca-X 13B", None, ACC, 29.6),
        ("MMLU", "Falcon-Lite 8x7B", None, AVG, 70.6),
        ("GSM8K", "Falcon-Lite 8x7B", None, ACC, 58.4),
        ("MMLU", "Nimbus-MoE", None, AVG, 58.3),
        ("GSM8K", "Nimbus-MoE", None, ACC, 41.1),
    ]


def test_a_setting_row_under_a_model_row_is_that_models_setting():
    assert _published("SETTING_ROW") == [
        ("MMLU", "Nimbus 2 7B Chat", None, AVG, 63.2),
        ("IFEval", "Nimbus 2 7B Chat", None, ACC, 71.4),
        ("MMLU", "Nimbus 2 7B Chat", "no system prompt", AVG, 62.8),
        ("IFEval", "Nimbus 2 7B Chat", "no system prompt", ACC, 66.0),
        ("MMLU", "Orca-X 13B Chat", None, AVG, 57.1),
        ("IFEval", "Orca-X 13B Chat", None, ACC, 60.2),
    ]


# --- 5. labels that carry a metric, a subset or a setting ---------------------------------------


def test_metric_subset_and_setting_inside_labels_go_to_their_fields():
    parts = {"IFEval", "DROP", "LiveCodeBench", "GPQA Diamond"}
    assert [r for r in _published("LABELS_WITH_PARTS") if r[0] in parts] == [
        ("IFEval", "Nimbus 3 27B", None, "Prompt Strict", 86.1),
        ("IFEval", "Orca-X 70B", None, "Prompt Strict", 80.5),
        ("DROP", "Nimbus 3 27B", "3-shot", "F1", 89.0),
        ("DROP", "Orca-X 70B", "3-shot", "F1", 79.6),
        ("LiveCodeBench", "Nimbus 3 27B", "CoT", "Pass@1", 40.5),
        ("LiveCodeBench", "Orca-X 70B", "CoT", "Pass@1", 30.2),
        ("GPQA Diamond", "Nimbus 3 27B", None, ACC, 42.4),
        ("GPQA Diamond", "Orca-X 70B", None, ACC, 36.7),
    ]


def test_a_benchmark_name_followed_by_its_metric_words():
    assert [r for r in _published("LABELS_WITH_PARTS") if r[0] == "Chatbot Arena"] == [
        ("Chatbot Arena", "Nimbus 3 27B", None, "Elo", 1338.0),
        ("Chatbot Arena", "Orca-X 70B", None, "Elo", 1257.0),
    ]


def test_a_footnote_calling_the_marked_scores_a_spoken_version_keeps_them_off_leaderboards():
    # '* spoken version' under the table: not MMLU's own scores, so flagged rather than published
    assert [
        (r.dataset_raw, r.value, r.flags) for r in _result("LABELS_WITH_PARTS").records if r.dataset == "MMLU"
    ] == [
        ("MMLU*", 70.2, ["marked-caveat"]),
        ("MMLU*", 66.9, ["marked-caveat"]),
    ]
    assert not [r for r in _published("LABELS_WITH_PARTS") if r[0].startswith("MMLU")]


# --- 6. cells holding several numbers -----------------------------------------------------------


def test_close_columns_are_cut_where_the_header_cells_stand_apart():
    # each row's four scores are set tighter than a cell gap: the header's gaps cut them into columns
    assert _published("CLOSE_COLUMNS") == [
        ("MMLU", "Nimbus 3 4B Base", None, AVG, 59.6),
        ("MMLU", "Nimbus 3 12B Base", None, AVG, 74.5),
        ("MMLU", "Orca-X 8B Base", None, AVG, 66.6),
        ("MMLU", "Orca-X 70B Base", None, AVG, 79.3),
        ("GSM8K", "Nimbus 3 4B Base", None, ACC, 38.4),
        ("GSM8K", "Nimbus 3 12B Base", None, ACC, 71.0),
        ("GSM8K", "Orca-X 8B Base", None, ACC, 56.8),
        ("GSM8K", "Orca-X 70B Base", None, ACC, 83.7),
    ]
    assert _result("CLOSE_COLUMNS").tables[0].grid[:2] == [
        ["", "Nimbus 3", "Nimbus 3", "Orca-X", "Orca-X"],
        ["Benchmark", "4B", "12B", "8B", "70B"],
    ]


def test_evenly_close_columns_of_two_families():
    assert _published("CLOSE_COLUMNS_EVEN") == _published("CLOSE_COLUMNS")


def test_two_settings_under_a_benchmark_give_a_record_each():
    assert [r for r in _published("TWO_SETTINGS") if r[0] == "MMLU"] == [
        ("MMLU", "Nimbus 2.5", "0-shot", AVG, 78.3),
        ("MMLU", "Nimbus 2.5", "5-shot", AVG, 81.2),
        ("MMLU", "Orca-X 70B", "0-shot", AVG, 75.1),
        ("MMLU", "Orca-X 70B", "5-shot", AVG, 79.0),
    ]


def test_edit_formats_under_a_benchmark_are_settings():
    assert [r for r in _published("TWO_SETTINGS") if r[0].startswith("Aider")] == [
        ("Aider Polyglot", "Nimbus 2.5", "whole", ACC, 76.5),
        ("Aider Polyglot", "Nimbus 2.5", "diff", ACC, 72.7),
        ("Aider Polyglot", "Orca-X 70B", "whole", ACC, 61.3),
        ("Aider Polyglot", "Orca-X 70B", "diff", ACC, 58.4),
    ]


WRAPPED = [
    ("MMLU", "Nimbus 2 7B", "5-shot", AVG, 64.3),
    ("MMLU", "Orca-X 13B", "5-shot", AVG, 55.0),
    ("ARC (Challenge)", "Nimbus 2 7B", "25-shot", ACC, 60.1),
    ("ARC (Challenge)", "Orca-X 13B", "25-shot", ACC, 52.4),
]


def test_a_setting_on_the_second_line_of_a_benchmark_label():
    assert _published("WRAPPED_SETTING") == WRAPPED + [
        ("GSM8K", "Nimbus 2 7B", None, ACC, 51.0),
        ("GSM8K", "Orca-X 13B", None, ACC, 40.2),
    ]


def test_every_label_on_two_lines():
    assert _published("WRAPPED_EVERY_ROW") == WRAPPED + [
        ("GSM8K", "Nimbus 2 7B", "8-shot", ACC, 51.0),
        ("GSM8K", "Orca-X 13B", "8-shot", ACC, 40.2),
    ]


# --- 7. long-form tables and tables side by side ------------------------------------------------


def test_a_long_form_table_with_each_dataset_printed_once_beside_its_models():
    ls, tts = "LibriSpeech", "LibriTTS"
    assert _published("LONG_FORM") == [
        (f"{ls} (test-clean)", "Orca-Audio", None, "WER", 1.74),
        (f"{ls} (test-other)", "Orca-Audio", None, "WER", 4.04),
        (f"{ls} (test-clean)", "Falcon-Speech", None, "WER", 3.02),
        (f"{ls} (test-other)", "Falcon-Speech", None, "WER", 6.04),
        (f"{ls} (test-clean)", "Nimbus-Audio", None, "WER", 1.28),
        (f"{ls} (test-other)", "Nimbus-Audio", None, "WER", 2.42),
        (f"{tts} (test-clean)", "Orca-Audio", None, "WER", 2.1),
        (f"{tts} (test-other)", "Orca-Audio", None, "WER", 4.9),
        (f"{tts} (test-clean)", "Nimbus-Audio", None, "WER", 1.9),
        (f"{tts} (test-other)", "Nimbus-Audio", None, "WER", 3.8),
    ]


def test_two_tables_side_by_side_each_with_its_caption():
    assert _published("SIDE_BY_SIDE", pc.SIDE_LEFT.caption) == [
        ("GSM8K", "Nimbus 2 7B", None, ACC, 70.4),
        ("MATH", "Nimbus 2 7B", None, ACC, 30.8),
        ("GSM8K", "Orca-X 13B", None, ACC, 55.2),
        ("MATH", "Orca-X 13B", None, ACC, 18.6),
    ]
    assert _published("SIDE_BY_SIDE", pc.SIDE_RIGHT.caption) == [
        ("HumanEval", "Nimbus 2 7B", None, "Pass@1", 48.2),
        ("MBPP", "Nimbus 2 7B", None, ACC, 52.0),
        ("HumanEval", "Orca-X 13B", None, "Pass@1", 35.4),
        ("MBPP", "Orca-X 13B", None, ACC, 41.3),
        ("HumanEval", "Falcon-Lite 7B", None, "Pass@1", 30.5),
        ("MBPP", "Falcon-Lite 7B", None, ACC, 38.2),
    ]
    assert len(_result("SIDE_BY_SIDE").records) == 10


# --- 8. tables of the paper's own variants and of statistics ------------------------------------


def test_an_ablation_table_gives_no_leaderboard_records():
    assert len(_result("ABLATION").records) == 8
    assert _published("ABLATION") == []


def test_a_statistics_table_gives_no_leaderboard_records():
    assert len(_result("STATISTICS").tables) == 1
    assert _published("STATISTICS") == []
