"""Label columns and header rows of wide tables, from grids (no PDF): sizes beside a family printed
once, setting pairs under one header, claimed header rows that hold scores."""

from extractor.model.document import Document, Table
from extractor.model.options import RunOptions
from extractor.records.label_columns import size_of
from extractor.run.pipeline import extract_document


def _records(grid, header_rows=None):
    table = Table.from_grid(grid, page=1, engine="pdf-text-columns", header_rows=header_rows)
    doc = Document(doc_id="d", source="d.pdf", sha256="0" * 64, media_type="pdf", tables=[table])
    return extract_document(doc, RunOptions())


def test_size_of():
    assert (size_of("7B"), size_of("1.8B"), size_of("8x22B"), size_of("Dense")) == (7e9, 1.8e9, 176e9, None)


def test_family_printed_once_is_continued_by_ascending_sizes():
    # without positions (no bbox), blank names follow the sizes: 7B < 13B opens the family below,
    # 34B > 13B continues the family above
    grid = [
        ["Model", "Params", "MMLU"],
        ["Falcon-Lite", "40B", "55.0"],
        ["", "7B", "45.3"],
        ["Orca-X", "13B", "54.8"],
        ["", "34B", "62.6"],
    ]
    assert [r.model for r in _records(grid).records] == [
        "Falcon-Lite 40B",
        "Orca-X 7B",
        "Orca-X 13B",
        "Orca-X 34B",
    ]


def test_a_size_with_no_family_is_flagged():
    grid = [["Model", "Params", "MMLU"], ["Orca-X", "34B", "62.6"], ["", "13B", "54.8"]]
    records = _records(grid).records
    assert [(r.model, r.flags) for r in records] == [("Orca-X 34B", []), ("13B", ["model-incomplete"])]


def test_setting_pair_under_one_header():
    grid = [
        ["Model", "MMLU", "MMLU", "MMLU", "HumanEval"],
        ["", "0-shot / 5-shot", "0-shot / 5-shot", "0-shot / 5-shot", "0-shot"],
        ["Nimbus 7B", "55.8", "/", "57.0", "37.2"],
        ["Orca 13B", "-", "/", "54.6", "18.9"],
    ]
    assert [(r.dataset, r.model, r.setting, r.value) for r in _records(grid).records] == [
        ("MMLU", "Nimbus 7B", "0-shot", 55.8),
        ("MMLU", "Nimbus 7B", "5-shot", 57.0),
        ("HumanEval", "Nimbus 7B", "0-shot", 37.2),
        ("MMLU", "Orca 13B", "5-shot", 54.6),
        ("HumanEval", "Orca 13B", "0-shot", 18.9),
    ]


def test_blank_top_header_over_the_same_subheader_belongs_to_its_left_neighbour():
    grid = [
        ["Model", "BBH", ""],
        ["", "0-shot / 3-shot", "0-shot / 3-shot"],
        ["Nimbus 7B", "39.6", "46.7"],
    ]
    assert [(r.dataset, r.setting, r.value) for r in _records(grid).records] == [
        ("BIG-Bench Hard", "0-shot", 39.6),
        ("BIG-Bench Hard", "3-shot", 46.7),
    ]


def test_claimed_header_rows_that_hold_scores_are_data():
    grid = [["Nimbus 7B", "41.4", "38.4"], ["Orca 13B", "59.1", "61.4"]]
    result = _records(grid, header_rows=2)
    assert result.records == []
    assert [w.code for w in result.warnings] == ["no-header", "no-records"]


def test_attribute_column_is_not_part_of_the_name():
    grid = [
        ["Model", "Train Lang", "Japanese"],
        ["Nimbus 7B", "En,Jp", "52.3"],
        ["Orca 13B", "Multi", "57.1"],
    ]
    assert [(r.model, r.dataset) for r in _records(grid).records] == [
        ("Nimbus 7B", "Japanese"),
        ("Orca 13B", "Japanese"),
    ]


def _captioned(grid, caption):
    table = Table.from_grid(grid, page=1, engine="pdf-text-columns", caption=caption)
    doc = Document(doc_id="d", source="d.pdf", sha256="0" * 64, media_type="pdf", tables=[table])
    return extract_document(doc, RunOptions())


def test_rank_column_and_a_metric_column_of_the_benchmark_the_caption_names():
    grid = [
        ["Rank", "Model", "Elo", "Type"],
        ["1", "Nimbus-Pro", "1412", "MoE"],
        ["3", "Orca 70B", "1380", "Dense"],
    ]
    records = _captioned(grid, "Table 5: Evaluation in the Chatbot Arena.").records
    assert [
        (r.dataset, r.model, r.metric, r.metric_raw, r.value, r.global_rank, r.flags) for r in records
    ] == [
        ("Chatbot Arena", "Nimbus-Pro", "Elo", "Elo", 1412.0, 1, []),
        ("Chatbot Arena", "Orca 70B", "Elo", "Elo", 1380.0, 3, []),
    ]


def test_average_column_of_a_breakdown_table_is_the_benchmark_score():
    """The caption names the benchmark the columns break down and their setting: 'STEM' is MMLU's subset;
    'Average' is MMLU's own score, and stays 'Average' as printed."""
    grid = [["Model", "Average", "STEM"], ["Nimbus 7B", "58.2", "50.2"], ["Orca 13B", "54.8", "44.1"]]
    records = _captioned(grid, "Table 13: Results on MMLU. All are tested five-shot.").records
    assert [(r.dataset, r.dataset_raw, r.metric, r.setting, r.value, r.flags) for r in records] == [
        ("MMLU", "Average", "Average (%)", "5-shot", 58.2, []),
        ("MMLU (STEM)", "STEM", "Average (%)", "5-shot", 50.2, []),
        ("MMLU", "Average", "Average (%)", "5-shot", 54.8, []),
        ("MMLU (STEM)", "STEM", "Average (%)", "5-shot", 44.1, []),
    ]


def test_a_table_with_signs_of_configuration_and_no_known_benchmark_is_flagged():
    grid = [["Model", "Vocab Size", "CR (en)"], ["Nimbus", "32,000", "1.153"], ["Orca", "64,000", "1.084"]]
    records = _records(grid).records
    # the vocabulary size describes the model: no record; the rest is kept but doubted
    assert [(r.dataset, r.model, r.value, r.flags) for r in records] == [
        ("CR (en)", "Nimbus", 1.153, ["maybe-not-results", "unknown-dataset"]),
        ("CR (en)", "Orca", 1.084, ["maybe-not-results", "unknown-dataset"]),
    ]
