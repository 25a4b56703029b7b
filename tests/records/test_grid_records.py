"""Grid -> records, through the same path the pipeline uses (tables -> normalise -> validate)."""

from extractor.model.document import Cell, Document, Table, TextBlock
from extractor.model.options import RunOptions
from extractor.run.pipeline import extract_document


def _doc(*grids, text="", header_rows=None, media_type="pdf"):
    tables = [
        Table.from_grid(g, index=i, page=1, engine="pdf-text-columns", header_rows=header_rows)
        for i, g in enumerate(grids)
    ]
    return Document(
        doc_id="d",
        source="d.pdf",
        sha256="0" * 64,
        media_type=media_type,
        blocks=[TextBlock(text=text)],
        tables=tables,
    )


def _rows(result):
    return [
        (r.task, r.dataset, r.model, r.setting, r.metric, r.value, r.unit, r.row, r.col)
        for r in result.records
    ]


def test_models_as_columns_with_settings_and_aliases():
    grid = [
        ["", "Nimbus Instant", "Nimbus 1.3", "Nimbus 2"],
        ["Codex P@1 (0-shot)", "52.8%", "56.0%", "71.2%"],
        ["GSM8k (0-shot CoT)", "80.9%", "-", "88.0%"],
    ]
    result = extract_document(_doc(grid, text="Nimbus Instant 1.1 is our fast model."), RunOptions())
    assert _rows(result) == [
        ("Code Generation", "HumanEval", "Nimbus Instant 1.1", "0-shot", "Pass@1", 52.8, "%", 1, 1),
        ("Code Generation", "HumanEval", "Nimbus 1.3", "0-shot", "Pass@1", 56.0, "%", 1, 2),
        ("Code Generation", "HumanEval", "Nimbus 2", "0-shot", "Pass@1", 71.2, "%", 1, 3),
        ("Arithmetic Reasoning", "GSM8K", "Nimbus Instant 1.1", "0-shot CoT", "Accuracy", 80.9, "%", 2, 1),
        ("Arithmetic Reasoning", "GSM8K", "Nimbus 2", "0-shot CoT", "Accuracy", 88.0, "%", 2, 3),
    ]
    first = result.records[0]
    assert (first.dataset_raw, first.model_raw, first.metric_raw, first.value_raw) == (
        "Codex P@1 (0-shot)",
        "Nimbus Instant",
        None,
        "52.8%",
    )


def test_models_as_rows():
    grid = [
        ["Model", "MMLU", "GSM8K", "HumanEval"],
        ["Falcon-Lite 7B", "45.3", "14.6", "N/A"],
        ["Nimbus 2", "78.5", "88.0", "71.2*"],
    ]
    result = extract_document(_doc(grid), RunOptions())
    assert [(r.dataset, r.model, r.metric, r.value) for r in result.records] == [
        ("MMLU", "Falcon-Lite 7B", "Average (%)", 45.3),
        ("GSM8K", "Falcon-Lite 7B", "Accuracy", 14.6),
        ("MMLU", "Nimbus 2", "Average (%)", 78.5),
        ("GSM8K", "Nimbus 2", "Accuracy", 88.0),
        ("HumanEval", "Nimbus 2", "Pass@1", 71.2),
    ]
    assert result.records[-1].markers == "*"


def test_benchmark_metric_and_shots_columns_and_category_rows():
    grid = [
        ["Benchmark (Metric)", "# Shots", "Nimbus 7B", "Nimbus 14B"],
        ["Math", "", "", ""],
        ["GSM8K (EM)", "8-shot", "41.2", "60.1"],
        ["MMLU (Acc.)", "5-shot", "55.0", "66.3"],
        ["# Params", "", "7B", "14B"],
    ]
    result = extract_document(_doc(grid), RunOptions())
    # the category row stays in task_raw; each known benchmark has its own task (one per benchmark)
    assert [
        (r.task, r.task_raw, r.dataset, r.model, r.setting, r.metric, r.metric_raw, r.value)
        for r in result.records
    ] == [
        ("Arithmetic Reasoning", "Math", "GSM8K", "Nimbus 7B", "8-shot", "EM", "EM", 41.2),
        ("Arithmetic Reasoning", "Math", "GSM8K", "Nimbus 14B", "8-shot", "EM", "EM", 60.1),
        (
            "Multi-task Language Understanding",
            "Math",
            "MMLU",
            "Nimbus 7B",
            "5-shot",
            "Accuracy",
            "Acc.",
            55.0,
        ),
        (
            "Multi-task Language Understanding",
            "Math",
            "MMLU",
            "Nimbus 14B",
            "5-shot",
            "Accuracy",
            "Acc.",
            66.3,
        ),
    ]


def test_group_header_joins_over_columns():
    grid = [["", "Base", "Base", "Chat"], ["", "7B", "13B", "13B"], ["HellaSwag", "70.1", "75.2", "73.0"]]
    result = extract_document(_doc(grid), RunOptions())
    assert [r.model for r in result.records] == ["Base 7B", "Base 13B", "Chat 13B"]
    assert {r.dataset for r in result.records} == {"HellaSwag"}


def test_long_form_table_one_record_per_row():
    grid = [
        ["Task", "Dataset", "Model", "Metric Name", "Metric Value", "Global Rank"],
        ["Bug fixing", "SWE-bench", "Nimbus 2", "Resolved (unassisted)", "1.96%", "# 1"],
        ["Common Sense Reasoning", "ARC (Challenge)", "Nimbus 2 (few-shot, k=5)", "Accuracy", "91", "# 3"],
    ]
    result = extract_document(_doc(grid, header_rows=1, media_type="text"), RunOptions())
    recs = result.records
    assert [
        (r.task, r.dataset, r.model, r.setting, r.setting_raw, r.metric, r.value, r.unit, r.global_rank)
        for r in recs
    ] == [
        ("Bug fixing", "SWE-bench", "Nimbus 2", None, None, "Resolved (unassisted)", 1.96, "%", 1),
        (
            "Common Sense Reasoning",
            "ARC (Challenge)",
            "Nimbus 2",
            "5-shot",
            "few-shot, k=5",
            "Accuracy",
            91.0,
            None,
            3,
        ),
    ]
    assert (recs[1].row, recs[1].col) == (2, 4)


def test_non_results_tables_give_no_records():
    hyper = [["Hyperparameter", "Value"], ["learning rate", "3e-4"], ["batch size", "2,048"]]
    one_col = [
        ["Verbal reasoning (5-shot)", "165 (~95th percentile)"],
        ["Analytical writing (2-shot)", "5.0"],
    ]
    result = extract_document(_doc(hyper, one_col), RunOptions())
    assert result.records == []
    assert [w.code for w in result.warnings] == ["not-results", "no-header", "no-records"]


def test_bold_cell_is_flagged_on_its_record():
    grid = [["Model", "MMLU"], ["Nimbus 2", "78.5"], ["Nimbus 1", "70.0"]]
    doc = _doc(grid)
    doc.tables[0].cells = tuple(
        c.model_copy(update={"bold": (c.row, c.col) == (1, 1)}) for c in doc.tables[0].cells
    )
    result = extract_document(doc, RunOptions())
    assert [(r.model, r.bold) for r in result.records] == [("Nimbus 2", True), ("Nimbus 1", False)]


def test_unknown_dataset_is_kept_and_flagged():
    grid = [["Model", "LogiQuest"], ["Nimbus 2", "61.0"], ["Nimbus 1", "50.5"]]
    result = extract_document(_doc(grid), RunOptions())
    assert [(r.dataset, r.metric, r.flags) for r in result.records] == [
        ("LogiQuest", None, ["unknown-dataset"])
    ] * 2


def test_the_records_stage_takes_the_header_rows_the_reader_marked():
    # a numeric second header row ('1024 | 2048' context lengths) reads as a body row from the text alone;
    # the reader's marks say it is a header, and the records follow them
    grid = [["Model", "RULER", "RULER"], ["", "1024", "2048"], ["Nimbus", "90.1", "85.2"]]
    cells = [
        Cell(row=i, col=j, text=t, column_header=i < 2, row_header=i == 2 and j == 0)
        for i, row in enumerate(grid)
        for j, t in enumerate(row)
        if t
    ]
    table = Table.from_cells(cells, page=1, engine="pdf-text-columns")
    doc = Document(doc_id="d", source="d.pdf", sha256="0" * 64, media_type="pdf", tables=[table])
    records = extract_document(doc, RunOptions()).records
    assert [(r.dataset, r.model, r.value) for r in records] == [
        ("RULER (1024)", "Nimbus", 90.1),
        ("RULER (2048)", "Nimbus", 85.2),
    ]
    unmarked = Document(
        doc_id="d",
        source="d.pdf",
        sha256="0" * 64,
        media_type="pdf",
        tables=[Table.from_grid(grid, page=1, engine="pdf-text-columns")],
    )
    assert [r.dataset for r in extract_document(unmarked, RunOptions()).records] == ["RULER", "RULER"]
