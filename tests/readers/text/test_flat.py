"""parse_flattened: Papers-with-Code results tables flattened to single spaces."""

import pytest

from extractor.readers.text.flat import find_flattened_tables, parse_flattened, parse_header
from tests.support.paths import SAMPLES, corpus_path

SAMPLE = SAMPLES / "results-page.txt"
HEADER = ["Task", "Dataset", "Model", "Metric Name", "Metric Value", "Global Rank"]


def parse(text: str):
    return parse_flattened(text.split("\n"))


def test_corpus_page_grid():
    lines = corpus_path("pwc-pages", "claude-2-model-card.txt").read_text(encoding="utf-8").split("\n")
    table = parse_flattened(lines)
    csr, ar, cg = "Common Sense Reasoning", "Arithmetic Reasoning", "Code Generation"
    mlu, qa = "Multi-task Language Understanding", "Question Answering"
    i11, c13, c2 = "Claude Instant 1.1", "Claude 1.3", "Claude 2"
    assert table.grid == [
        HEADER,
        [csr, "ARC (Challenge)", f"{i11} (few-shot, k=5)", "Accuracy", "85.7", "# 11"],
        [csr, "ARC (Challenge)", f"{c13} (few-shot, k=5)", "Accuracy", "90", "# 4"],
        [csr, "ARC (Challenge)", f"{c2} (few-shot, k=5)", "Accuracy", "91", "# 3"],
        [ar, "GSM8K", f"{i11} (0-shot chain-of-thought)", "Accuracy", "80.9", "# 59"],
        [ar, "GSM8K", f"{c13} (0-shot chain-of-thought)", "Accuracy", "85.2", "# 39"],
        [ar, "GSM8K", f"{c2} (0-shot chain-of-thought)", "Accuracy", "88", "# 28"],
        [cg, "HumanEval", i11, "Pass@1", "52.8", "# 41"],
        [cg, "HumanEval", c13, "Pass@1", "56", "# 38"],
        [cg, "HumanEval", c2, "Pass@1", "71.2", "# 22"],
        [mlu, "MMLU", f"{i11} (5-shot)", "Average (%)", "73.4", "# 22"],
        [mlu, "MMLU", f"{c13} (5-shot)", "Average (%)", "77", "# 14"],
        [mlu, "MMLU", f"{c2} (5-shot)", "Average (%)", "78.5", "# 11"],
        [qa, "QuALITY", f"{c2} (5-shot)", "Accuracy", "83.2", "# 2"],
        [qa, "QuALITY", f"{c13} (5-shot)", "Accuracy", "84.1", "# 1"],
        [qa, "QuALITY", f"{i11} (5-shot)", "Accuracy", "80.5", "# 4"],
        ["Bug fixing", "SWE-bench", c2, "Resolved (unassisted)", "1.96%", "# 1"],
        ["Bug fixing", "SWE-bench", c2, "Resolved (assisted)", "4.80%", "# 1"],
        [qa, "TriviaQA", f"{i11} (few-shot, k=5)", "EM", "78.9", "# 9"],
        [qa, "TriviaQA", f"{c13} (few-shot, k=5)", "EM", "86.7", "# 3"],
        [qa, "TriviaQA", f"{c2} (few-shot, k=5)", "EM", "87.5", "# 1"],
    ]
    assert len(table.rows) == 20
    assert table.row_lines == list(range(12, 32))
    assert table.header_lines == (11, 11)
    assert table.end == 32
    assert table.notes == []
    assert lines[table.end + 1] == "Methods"


def test_sample_page_grid():
    table = parse(SAMPLE.read_text(encoding="utf-8"))
    n12, n2, fl = "Nimbus Instant 1.2", "Nimbus 2", "Falcon-Lite 7B"
    assert table.grid == [
        HEADER,
        ["Common Sense Reasoning", "ARC (Challenge)", f"{n12} (few-shot, k=5)", "Accuracy", "82.4", "# 17"],
        ["Common Sense Reasoning", "ARC (Challenge)", f"{n2} (few-shot, k=5)", "Accuracy", "89.6", "# 6"],
        ["Arithmetic Reasoning", "GSM8K", f"{n12} (0-shot chain-of-thought)", "Accuracy", "71.3", "# 88"],
        ["Arithmetic Reasoning", "GSM8K", f"{n2} (0-shot chain-of-thought)", "Accuracy", "84.9", "# 41"],
        ["Code Generation", "HumanEval", fl, "Pass@1", "31.7", "# 120"],
        ["Code Generation", "HumanEval", n2, "Pass@1", "64", "# 30"],
        ["Question Answering", "TriviaQA", f"{n2} (few-shot, k=5)", "EM", "80.2", "# 12"],
        ["Question Answering", "TriviaQA", f"{fl} (few-shot, k=5)", "EM", "55.0", ""],
        ["Sentence Completion", "HellaSwag", f"{n2} (10-shot)", "Accuracy", "87.1", "# 15"],
        ["Logical Reasoning", "LogiQuest", f"{n12} (5-shot)", "Accuracy", "58.3", "# 4"],
        ["Logical Reasoning", "LogiQuest", f"{n2} (5-shot)", "Accuracy", "66.7", "# 2"],
        ["Logical Reasoning", "LogiQuest", f"{fl} (5-shot)", "Accuracy", "41.5", "# 9"],
        ["Bug fixing", "SWE-bench", n2, "Resolved (unassisted)", "2.35%", "# 3"],
        ["Bug fixing", "SWE-bench", n2, "Resolved (assisted)", "5.10%", "# 2"],
    ]
    assert table.header_lines == (11, 12)  # wrapped over two lines
    assert table.row_lines == list(range(13, 27))
    # the first LogiQuest row: task and dataset unknown to the alias data
    assert table.notes == ["row 10 (line 23) split by the table's structure, not the alias data"]


ROWS = """\
Question Answering TriviaQA Nimbus 2 (few-shot, k=5) EM 80.2 # 12
Code Generation HumanEval Falcon-Lite 7B Pass@1 31.7 # 120"""
EXPECTED = [
    ["Question Answering", "TriviaQA", "Nimbus 2 (few-shot, k=5)", "EM", "80.2", "# 12"],
    ["Code Generation", "HumanEval", "Falcon-Lite 7B", "Pass@1", "31.7", "# 120"],
]


@pytest.mark.parametrize(
    "header",
    [
        "Task Dataset Model Metric Name Metric Value Global Rank Benchmark",
        "Task Dataset Model Metric Name\nMetric Value Global Rank Benchmark",
        "Task Dataset Model Metric\nName Metric Value Global Rank",  # wrapped inside a column name
        "task dataset model metric name metric value global rank",
    ],
)
def test_header_single_or_wrapped(header):
    table = parse(f"Results from the Paper\n\n{header}\n{ROWS}\n")
    assert table.grid == [HEADER if header[0] == "T" else [h.lower() for h in HEADER], *EXPECTED]
    assert table.header_lines == (2, 2 + header.count("\n"))


def test_columns_in_another_order():
    table = parse(
        "Model Task Dataset Metric Value Global Rank\n"
        "Nimbus 2 (5-shot) Question Answering TriviaQA 80.2 # 3\n"
        "Falcon-Lite 7B Question Answering TriviaQA 55.0 # 9\n"
    )
    assert table.grid == [
        ["Model", "Task", "Dataset", "Metric Value", "Global Rank"],
        ["Nimbus 2 (5-shot)", "Question Answering", "TriviaQA", "80.2", "# 3"],
        ["Falcon-Lite 7B", "Question Answering", "TriviaQA", "55.0", "# 9"],
    ]


def test_rank_between_text_columns():
    table = parse(
        "Task Dataset Model Global Rank Metric Name Metric Value\n"
        "Code Generation HumanEval Nimbus 2 # 3 Pass@1 64.0\n"
        "Code Generation HumanEval Falcon 7B #12 Pass@1 30\n"
    )
    assert table.grid == [
        ["Task", "Dataset", "Model", "Global Rank", "Metric Name", "Metric Value"],
        ["Code Generation", "HumanEval", "Nimbus 2", "# 3", "Pass@1", "64.0"],
        ["Code Generation", "HumanEval", "Falcon 7B", "#12", "Pass@1", "30"],
    ]


def test_rows_without_rank_and_value_shapes():
    table = parse(
        "Dataset Model Metric Name Metric Value Global Rank\n"
        "GSM8K Nimbus 2 Accuracy 84.9\n"
        "GSM8K Falcon-Lite 7B Accuracy -3.5\n"
        "MBPP Nimbus 2 Accuracy 1,234 # 2\n"
        "MMLU Nimbus 2 Average (%) 71.2 ± 0.3\n"
    )
    assert table.grid == [
        ["Dataset", "Model", "Metric Name", "Metric Value", "Global Rank"],
        ["GSM8K", "Nimbus 2", "Accuracy", "84.9", ""],
        ["GSM8K", "Falcon-Lite 7B", "Accuracy", "-3.5", ""],
        ["MBPP", "Nimbus 2", "Accuracy", "1,234", "# 2"],
        ["MMLU", "Nimbus 2", "Average (%)", "71.2 ± 0.3", ""],
    ]


def test_rank_column_dropped_when_never_filled():
    table = parse(
        "Task Dataset Model Metric Name Metric Value Global Rank\n"
        "Code Generation MBPP Nimbus 2 Accuracy 61.0\n"
    )
    assert table.grid == [HEADER[:5], ["Code Generation", "MBPP", "Nimbus 2", "Accuracy", "61.0"]]


def test_continuation_lines_inherit_task_dataset_model():
    table = parse(
        "Task Dataset Model Metric Name Metric Value Global Rank\n"
        "Bug fixing SWE-bench Nimbus 2 Resolved (unassisted) 2.35% # 3\n"
        "Resolved (assisted) 5.10% # 2\n"
        "Pass@10 12.5\n"
    )
    assert table.rows == [
        ["Bug fixing", "SWE-bench", "Nimbus 2", "Resolved (unassisted)", "2.35%", "# 3"],
        ["Bug fixing", "SWE-bench", "Nimbus 2", "Resolved (assisted)", "5.10%", "# 2"],
        ["Bug fixing", "SWE-bench", "Nimbus 2", "Pass@10", "12.5", ""],
    ]


def test_structure_when_alias_data_know_nothing():
    table = parse(
        "Task Dataset Model Metric Name Metric Value Global Rank\n"
        "Logic Puzzles LogiQuest Nimbus 2 Solve Rate 66.7 # 2\n"
        "Logic Puzzles LogiQuest Falcon-Lite 7B Solve Rate 41.5 # 9\n"
        "Logic Puzzles LogiQuest Falcon-Lite 7B (3-shot) Solve Rate 44.5 # 8\n"
    )
    assert table.rows == [
        ["Logic Puzzles", "LogiQuest", "Nimbus 2", "Solve Rate", "66.7", "# 2"],
        ["Logic Puzzles", "LogiQuest", "Falcon-Lite 7B", "Solve Rate", "41.5", "# 9"],
        ["Logic Puzzles", "LogiQuest", "Falcon-Lite 7B (3-shot)", "Solve Rate", "44.5", "# 8"],
    ]
    assert table.notes == ["row 1 (line 2) split by the table's structure, not the alias data"]


def test_unknown_dataset_found_by_model_names_of_other_rows():
    table = parse(
        "Task Dataset Model Metric Name Metric Value Global Rank\n"
        "Arithmetic Reasoning GSM8K Nimbus Instant 1.2 Accuracy 71.3 # 88\n"
        "Logical Reasoning Logic Grid Puzzles Nimbus Instant 1.2 (5-shot) Accuracy 58.3 # 4\n"
    )
    assert table.rows[1] == [
        "Logical Reasoning",
        "Logic Grid Puzzles",
        "Nimbus Instant 1.2 (5-shot)",
        "Accuracy",
        "58.3",
        "# 4",
    ]


def test_known_dataset_places_unknown_task():
    table = parse(
        "Task Dataset Model Metric Name Metric Value\nGrade School Sums GSM8K Nimbus 2 Accuracy 84.9\n"
    )
    assert table.rows == [["Grade School Sums", "GSM8K", "Nimbus 2", "Accuracy", "84.9"]]
    assert table.notes == []


def test_table_ends_at_non_row_and_skips_blank_lines_inside():
    text = (
        "Task Dataset Model Metric Name Metric Value Global Rank\n"
        "Code Generation HumanEval Nimbus 2 Pass@1 64 # 30\n"
        "\n"
        "Sentence Completion HellaSwag Nimbus 2 (10-shot) Accuracy 87.1 # 15\n"
        "\n"
        "Methods\n"
        "Code Generation HumanEval Falcon 7B Pass@1 20 # 90\n"
    )
    table = parse(text)
    assert [r[1] for r in table.rows] == ["HumanEval", "HellaSwag"]
    assert table.row_lines == [1, 3]
    assert table.end == 4


def test_two_tables():
    text = (
        "Task Dataset Model Metric Name Metric Value\n"
        "Code Generation HumanEval Nimbus 2 Pass@1 64\n\nMethods\n\n"
        "Dataset Model Score\nGSM8K Nimbus 2 84.9\n"
    )
    tables = find_flattened_tables(text.split("\n"))
    assert [t.grid for t in tables] == [
        [HEADER[:5], ["Code Generation", "HumanEval", "Nimbus 2", "Pass@1", "64"]],
        [["Dataset", "Model", "Score"], ["GSM8K", "Nimbus 2", "84.9"]],
    ]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "No results here.\nJust prose 42",
        "Task Dataset Model Metric Name\nCode Generation HumanEval Nimbus 2 Pass@1",  # no value column
        "Task Dataset Model Metric Value\nMethods\nNone listed",  # a header and no row
    ],
)
def test_no_table(text):
    assert parse(text) is None


def test_parse_header():
    cols = parse_header("Task Dataset Model Metric Name Metric Value Global Rank Benchmark".split())
    assert [(c.name, c.kind, c.role) for c in cols] == [
        ("Task", "text", "task"),
        ("Dataset", "text", "dataset"),
        ("Model", "text", "model"),
        ("Metric Name", "text", "metric"),
        ("Metric Value", "value", None),
        ("Global Rank", "rank", None),
        ("Benchmark", "link", None),  # beside Dataset: PwC's link column
    ]
    assert [c.role for c in parse_header("Benchmark Model Score".split())] == ["dataset", "model", None]
    assert parse_header("Task Dataset Model Results Table".split()) is None
