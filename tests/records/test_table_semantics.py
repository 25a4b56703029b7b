"""Headers, captions and labels read as a whole: exact records for each pattern, from HTML tables
(whose spans the HTML model keeps) and from grids as the PDF readers give them."""

from __future__ import annotations

from extractor.model.document import Document, Table
from extractor.model.options import RunOptions
from extractor.readers.html import read_html
from extractor.records.caption import read_caption
from extractor.run.pipeline import extract_document
from extractor.vocab import load_vocabulary
from tests.support import pdf_cases
from tests.support.pdf import load


def _html(table: str, caption: str = "") -> list:
    cap = f"<caption>{caption}</caption>" if caption else ""
    data = (
        f"<html><head><title>Nimbus: a report</title></head><body><table>{cap}{table}</table></body></html>"
    ).encode()
    doc = read_html(data, "d.html", RunOptions(), load_vocabulary())
    return extract_document(doc, RunOptions()).records


def _grid(grid: list[list[str]], caption: str | None = None) -> list:
    table = Table.from_grid(grid, page=1, engine="pdf-text-columns", caption=caption)
    doc = Document(doc_id="d", source="d.pdf", sha256="0" * 64, media_type="pdf", tables=[table])
    return extract_document(doc, RunOptions()).records


def _pdf_case(name: str) -> list:
    """Records of one of the generated PDFs of tests/support/pdf_cases.py."""
    return extract_document(load(pdf_cases.CASES[name]()), RunOptions()).records


def _rows(records, *fields):
    return [tuple(getattr(r, f) for f in fields) for r in records]


def test_caption_facts():
    vocab = load_vocabulary()
    facts = read_caption(
        "Table 6 | Performance of instruction fine-tuned (IT) models on zero-shot benchmarks.", vocab
    )
    assert (facts.variant, facts.setting, facts.kind) == ("IT", "0-shot", None)
    # two variants named: the caption states none, the table's labels decide
    assert (
        read_caption("Table 15 | Pre-trained (PT) and instruction-tuned (IT) models.", vocab).variant is None
    )
    assert read_caption("Table 5: Results on AGIEval benchmark.", vocab).parent == "AGIEval"
    assert read_caption("Table 2: Results on MMLU and GSM8K.", vocab).parent is None
    assert read_caption("Table 4 | Ablation results for the MTP strategy.", vocab).kind == "ablation"
    assert read_caption("Table 7: Model throughput.", vocab).kind == "not-results"
    assert read_caption("Table 3: Comparison on slow-thinking mode.", vocab).setting == "slow-thinking"
    # the kind comes from the title: a later sentence about prompt templates changes nothing
    assert (
        read_caption(
            "Table 11: More benchmark results. Models are sensitive to the prompt template.", vocab
        ).kind
        is None
    )
    assert (
        read_caption(
            "Table 7: The impact of pre-training on a checkpoint. The training data is ours.", vocab
        ).kind
        == "ablation"
    )


def test_caption_variant_and_setting_reach_every_record_but_not_api_models():
    records = _html(
        "<tr><th></th><th>Nimbus 2</th><th>Gemini 1.5 Pro</th></tr>"
        "<tr><td>MMLU-Pro</td><td>41.0</td><td>75.8</td></tr>",
        "Table 6: Performance of instruction fine-tuned (IT) models on zero-shot benchmarks.",
    )
    assert _rows(records, "dataset", "model", "model_raw", "setting", "value") == [
        ("MMLU-Pro", "Nimbus 2 IT", "Nimbus 2", "0-shot", 41.0),
        ("MMLU-Pro", "Gemini 1.5 Pro", "Gemini 1.5 Pro", "0-shot", 75.8),
    ]


def test_family_over_sizes_with_the_variant_after_the_size():
    records = _html(
        '<tr><th rowspan="2">Benchmark</th><th colspan="2">Nimbus 3 PT</th></tr>'
        "<tr><th>4B</th><th>12B</th></tr>"
        "<tr><td>RULER 32K</td><td>67.1</td><td>90.6</td></tr>",
    )
    assert _rows(records, "dataset", "model", "value") == [
        ("RULER (32K)", "Nimbus 3 4B PT", 67.1),
        ("RULER (32K)", "Nimbus 3 12B PT", 90.6),
    ]


def test_a_caption_naming_the_parent_benchmark_makes_rows_its_subsets():
    records = _grid(
        [
            ["Dataset", "Nimbus 7B", "Orca 13B"],
            ["SAT-Math", "52.7", "49.1"],
            ["LSAT-AR", "21.3", "20.0"],
            ["Average", "37.0", "34.6"],
        ],
        "Table 5: Results on AGIEval benchmark.",
    )
    assert _rows(records, "dataset", "dataset_raw", "model", "value") == [
        ("AGIEval (SAT-Math)", "SAT-Math", "Nimbus 7B", 52.7),
        ("AGIEval (SAT-Math)", "SAT-Math", "Orca 13B", 49.1),
        ("AGIEval (LSAT-AR)", "LSAT-AR", "Nimbus 7B", 21.3),
        ("AGIEval (LSAT-AR)", "LSAT-AR", "Orca 13B", 20.0),
        ("AGIEval", "Average", "Nimbus 7B", 37.0),
        ("AGIEval", "Average", "Orca 13B", 34.6),
    ]
    assert all(not r.flags for r in records)


def test_a_language_over_benchmarks_is_their_subset_not_their_task():
    records = _html(
        '<tr><th rowspan="2">Model</th><th colspan="2">French</th><th colspan="2">German</th></tr>'
        "<tr><th>Arc-c</th><th>MMLU</th><th>Arc-c</th><th>MMLU</th></tr>"
        "<tr><td>Nimbus 7B</td><td>58.2</td><td>70.9</td><td>54.3</td><td>71.5</td></tr>",
    )
    assert _rows(records, "dataset", "dataset_raw", "task_raw", "value") == [
        ("ARC (Challenge) (French)", "Arc-c", None, 58.2),
        ("MMLU (French)", "MMLU", None, 70.9),
        ("ARC (Challenge) (German)", "Arc-c", None, 54.3),
        ("MMLU (German)", "MMLU", None, 71.5),
    ]


def test_group_titles_over_model_columns_are_not_part_of_the_names():
    records = _html(
        '<tr><th rowspan="2">Tasks</th><th colspan="2">Open-Weights Models</th><th>Our Models</th></tr>'
        "<tr><th>Orca-R1</th><th>Falcon-Lite 7B</th><th>Nimbus-M1</th></tr>"
        "<tr><td>AIME 2024</td><td>79.8</td><td>40.1</td><td>86.0</td></tr>",
    )
    assert _rows(records, "dataset", "model", "value") == [
        ("AIME 2024", "Orca-R1", 79.8),
        ("AIME 2024", "Falcon-Lite 7B", 40.1),
        ("AIME 2024", "Nimbus-M1", 86.0),
    ]


def test_a_header_row_of_settings_under_the_models():
    # a thinking budget per model, its corner drawn over two lines, and reasoning levels with no corner
    records = _grid(
        [
            ["Tasks", "Orca-R1", "Nimbus-M1"],
            ["Extended", "32K", "80K"],
            ["Thinking", "32K", "80K"],
            ["AIME 2024", "79.8", "86.0"],
        ]
    )
    assert _rows(records, "model", "setting", "value") == [
        ("Orca-R1", "32k budget", 79.8),
        ("Nimbus-M1", "80k budget", 86.0),
    ]
    records = _grid(
        [
            ["", "Nimbus", "Nimbus", "Nimbus"],
            ["", "low", "medium", "high"],
            ["GPQA Diamond", "67.1", "73.1", "80.1"],
        ]
    )
    assert _rows(records, "dataset", "model", "setting", "value") == [
        ("GPQA Diamond", "Nimbus", "low", 67.1),
        ("GPQA Diamond", "Nimbus", "medium", 73.1),
        ("GPQA Diamond", "Nimbus", "high", 80.1),
    ]


def test_a_setting_drawn_over_two_lines_of_a_model_header_is_the_columns_setting():
    # each model's name over its own lines, a budget or a mode's first word above `Thinking`
    records = _grid(
        [
            ["", "Orca 4", "Wren 3", "Nimbus"],
            ["", "Opus", "Beta", "R1"],
            ["", "32K", "Extended", ""],
            ["", "Thinking", "Thinking", ""],
            ["GPQA Diamond", "79.6", "80.2", "81.0"],
        ]
    )
    assert _rows(records, "model", "setting", "value") == [
        ("Orca 4 Opus", "32k thinking", 79.6),
        ("Wren 3 Beta", "extended thinking", 80.2),
        ("Nimbus R1", None, 81.0),
    ]


def test_a_metric_column_beside_a_column_naming_the_captions_benchmark_is_not_that_benchmark():
    caption = "Table 3: Comparison of chat models on MT-Bench."
    # the column over `Elo Rating` lost its benchmark's name (`Chatbot Arena`, read by OCR as nothing)
    records = _grid([["Model", "Elo Rating", "MT Bench"], ["Nimbus 7B", "1031", "6.84"]], caption)
    assert _rows(records, "dataset", "value") == [("Elo Rating", 1031.0), ("MT-Bench", 6.84)]
    assert "unknown-dataset" in records[0].flags
    # with no column naming it, a metric-only column is the caption's benchmark, in that metric
    records = _grid([["Model", "Elo Rating", "Win Rate"], ["Nimbus 7B", "1031", "61.2"]], caption)
    assert _rows(records, "dataset", "metric", "value") == [
        ("MT-Bench", "Elo", 1031.0),
        ("MT-Bench", "Win Rate", 61.2),
    ]


def test_a_score_spanning_two_rows_is_one_record_on_its_first_row():
    # a benchmark's description wrapped over two lines, its scores centred on both
    records = _html(
        "<tr><th>Benchmark</th><th>Description</th><th>Nimbus 7B</th><th>Orca 13B</th></tr>"
        '<tr><td rowspan="2">CharXiv</td><td>Reasoning over</td><td rowspan="2">81.4</td>'
        '<td rowspan="2">69.6</td></tr>'
        "<tr><td>complex charts</td></tr>"
        "<tr><td>MMMU</td><td>Visual reasoning</td><td>68.0</td><td>76.0</td></tr>"
    )
    assert _rows(records, "row", "model", "value") == [
        (1, "Nimbus 7B", 81.4),
        (1, "Orca 13B", 69.6),
        (3, "Nimbus 7B", 68.0),
        (3, "Orca 13B", 76.0),
    ]


def test_a_header_row_of_metrics_and_settings_under_the_benchmarks():
    records = _html(
        '<tr><th rowspan="2">Model</th><th colspan="2">AIME 2024</th>'
        "<th>GPQA Diamond</th><th>CodeForces</th></tr>"
        "<tr><th>pass@1</th><th>cons@64</th><th>pass@1</th><th>rating</th></tr>"
        "<tr><td>Nimbus-R1</td><td>72.6</td><td>83.3</td><td>62.1</td><td>1691</td></tr>",
    )
    assert _rows(records, "dataset", "metric", "setting", "value") == [
        ("AIME 2024", "Pass@1", None, 72.6),
        ("AIME 2024", None, "cons@64", 83.3),
        ("GPQA Diamond", "Pass@1", None, 62.1),
        ("Codeforces", "Elo", None, 1691.0),
    ]


def test_metric_and_setting_inside_a_label_go_to_their_fields():
    records = _grid(
        [
            ["Benchmark (Metric)", "Nimbus 7B"],
            ["DROP (3-shot F1)", "89.0"],
            ["LiveCodeBench (Pass@1-COT)", "40.5"],
            ["IF-Eval (Prompt Strict)", "86.1"],
            ["HLE (no tools)", "8.4"],
        ]
    )
    assert _rows(records, "dataset", "metric", "setting", "value") == [
        ("DROP", "F1", "3-shot", 89.0),
        ("LiveCodeBench", "Pass@1", "CoT", 40.5),
        ("IFEval", "Prompt Strict", None, 86.1),
        ("Humanity's Last Exam", "Accuracy", "no tools", 8.4),
    ]


def test_descriptor_label_columns_are_not_glued_into_model_names():
    records = _grid(
        [
            ["Model", "Modality", "Active Params", "MMLU"],
            ["Nimbus 7B", "Pretrained", "7B", "44.4"],
            ["Orca 8x7B", "Finetuned", "13B", "70.6"],
        ]
    )
    assert _rows(records, "model", "value") == [("Nimbus 7B", 44.4), ("Orca 8x7B", 70.6)]


def test_a_bare_version_in_the_upper_header_continues_the_family_on_its_left():
    # the reader split 'Gemini 1.5' (over 'Flash | Pro') into two cells
    table = Table.from_grid(
        page=1,
        engine="pdf-text-columns",
        header_rows=2,
        grid=[
            ["", "Nimbus", "1.5", "Gemma 2"],
            ["", "Flash", "Pro", "2B"],
            ["MMLU-Pro", "67.3", "75.8", "15.6"],
        ],
    )
    doc = Document(doc_id="d", source="d.pdf", sha256="0" * 64, media_type="pdf", tables=[table])
    records = extract_document(doc, RunOptions()).records
    assert _rows(records, "model", "value") == [
        ("Nimbus 1.5 Flash", 67.3),
        ("Nimbus 1.5 Pro", 75.8),
        ("Gemma 2 2B", 15.6),
    ]


def test_ablation_tables_keep_their_records_out_of_leaderboards():
    records = _grid(
        [["Model", "MMLU", "GSM8K"], ["Baseline", "61.2", "40.1"], ["w/ MTP", "62.0", "42.3"]],
        "Table 4: Ablation results for the MTP strategy.",
    )
    assert {r.model_role for r in records} == {"ablation"}
    assert len(records) == 4


def test_a_table_captioned_as_statistics_gives_no_records():
    table = Table.from_grid(
        [["Model", "Tokens/s"], ["Nimbus", "1981.99"], ["Orca", "1240.3"]],
        page=1,
        engine="pdf-text-columns",
        caption="Table 7: Model Throughput of Nimbus",
    )
    doc = Document(doc_id="d", source="d.pdf", sha256="0" * 64, media_type="pdf", tables=[table])
    result = extract_document(doc, RunOptions())
    assert result.records == [] and [w.code for w in result.warnings] == ["not-results", "no-records"]


def test_a_section_row_that_is_a_metric_is_the_metric_of_the_rows_below():
    records = _grid(
        [
            ["Benchmark", "Nimbus", "Orca"],
            ["Accuracy", "", ""],
            ["AIME 2024", "56.3", "50.4"],
            ["Elo", "", ""],
            ["Codeforces", "2463", "2230"],
        ]
    )
    assert _rows(records, "dataset", "metric", "value") == [
        ("AIME 2024", "Accuracy", 56.3),
        ("AIME 2024", "Accuracy", 50.4),
        ("Codeforces", "Elo", 2463.0),
        ("Codeforces", "Elo", 2230.0),
    ]


def test_only_base_and_instruct_variants_move_after_the_size():
    vocab = load_vocabulary()
    from extractor.normalize.compose import compose_model

    assert compose_model("Nimbus 3 PT 4B", None, vocab) == "Nimbus 3 4B PT"
    assert compose_model("Nimbus Coder 33B", "Base", vocab) == "Nimbus Coder 33B"  # 'Coder' names its variant
    assert compose_model("Nimbus-Math 7B", None, vocab) == "Nimbus-Math 7B"


def test_a_benchmark_printed_once_beside_its_model_rows_with_splits_in_each_cell():
    records = _pdf_case("benchmark_groups")
    assert _rows(records, "dataset", "dataset_raw", "model", "metric", "value", "cell_part") == [
        ("LibriSpeech (test-clean)", "LibriSpeech", "Orca-Audio", "WER", 1.74, 0),
        ("LibriSpeech (test-other)", "LibriSpeech", "Orca-Audio", "WER", 4.04, 1),
        ("LibriSpeech (test-clean)", "LibriSpeech", "Falcon-Speech", "WER", 3.02, 0),
        ("LibriSpeech (test-other)", "LibriSpeech", "Falcon-Speech", "WER", 6.04, 1),
        ("LibriSpeech (test-clean)", "LibriSpeech", "Nimbus-Audio", "WER", 1.28, 0),
        ("LibriSpeech (test-other)", "LibriSpeech", "Nimbus-Audio", "WER", 2.42, 1),
        ("AISHELL-1", "AISHELL-1", "Orca-Audio", "WER", 1.52, None),
        ("AISHELL-1", "AISHELL-1", "Falcon-Speech", "WER", 1.93, None),
        ("AISHELL-1", "AISHELL-1", "Nimbus-Audio", "WER", 0.6, None),
    ]
    assert {r.value_raw for r in records if r.cell_part is not None} == {
        "1.74 | 4.04",
        "3.02 | 6.04",
        "1.28 | 2.42",
    }


def test_several_numbers_take_the_settings_their_column_lists_and_unnamed_ones_give_nothing():
    records = _grid([["Model", "MMLU 0-shot / 5-shot", "GSM8K"], ["Nimbus 7B", "55.8 / 57.0", "40.1 | 42.0"]])
    # GSM8K's two numbers are named by no label: no record rather than a guess
    assert _rows(records, "dataset", "setting", "value") == [
        ("MMLU", "0-shot", 55.8),
        ("MMLU", "5-shot", 57.0),
    ]


def test_citations_leave_names_and_a_known_subset_after_a_benchmark_is_composed():
    records = _grid(
        [["Model", "AISHELL-2 ios", "LibriSpeech [54]"], ["Orca-Audio (Chu et al., 2024a)", "3.08", "1.74"]]
    )
    assert _rows(records, "dataset", "dataset_raw", "model", "model_raw") == [
        ("AISHELL-2 (iOS)", "AISHELL-2 ios", "Orca-Audio", "Orca-Audio (Chu et al., 2024a)"),
        ("LibriSpeech", "LibriSpeech [54]", "Orca-Audio", "Orca-Audio (Chu et al., 2024a)"),
    ]


def test_a_metric_in_the_corner_and_in_a_restated_header_row_is_the_metric_of_the_rows_below():
    records = _html(
        "<tr><th></th><th>Nimbus-7B</th><th>Nimbus-7B</th></tr>"
        "<tr><th>Benchmark (Accuracy (%))</th><th>low</th><th>high</th></tr>"
        "<tr><td>AIME 2024</td><td>56.3</td><td>80.4</td></tr>"
        "<tr><td>Benchmark (Elo)</td><td>low</td><td>high</td></tr>"
        "<tr><td>Codeforces</td><td>1595</td><td>2205</td></tr>"
    )
    # the corner's metric beats AIME's own default (pass@1): what the table prints wins
    assert _rows(records, "dataset", "model", "metric", "setting", "value") == [
        ("AIME 2024", "Nimbus-7B", "Accuracy", "low", 56.3),
        ("AIME 2024", "Nimbus-7B", "Accuracy", "high", 80.4),
        ("Codeforces", "Nimbus-7B", "Elo", "low", 1595.0),
        ("Codeforces", "Nimbus-7B", "Elo", "high", 2205.0),
    ]


def test_a_group_title_under_the_model_names_is_not_part_of_them():
    records = _grid(
        [
            ["Benchmark", "Nimbus", "Orca-8B", "Falcon-9B"],
            ["", "", "Larger Training Compute Model", "Larger Training Compute Model"],
            ["MMLU", "70.0", "66.7", "71.3"],
        ]
    )
    assert _rows(records, "model", "value") == [("Nimbus", 70.0), ("Orca-8B", 66.7), ("Falcon-9B", 71.3)]


def test_averages_under_a_parent_benchmark_and_a_blank_shots_cell():
    records = _grid(
        [["Dataset", "Nimbus 7B"], ["GK-Physics", "52.7"], ["Average", "37.0"], ["Average (GK)", "40.5"]],
        "Table 5: Results on AGIEval benchmark. Bold means the highest accuracy.",
    )
    # an average is the benchmark's (or its subset's) score in the table's metric, not a metric 'Average'
    assert _rows(records, "dataset", "metric", "value") == [
        ("AGIEval (GK-Physics)", "Accuracy", 52.7),
        ("AGIEval", "Accuracy", 37.0),
        ("AGIEval (GK)", "Accuracy", 40.5),
    ]
    records = _grid(
        [
            ["Benchmark (Metric)", "# Shots", "Nimbus"],
            ["Pile-test (BPB)", "-", "0.606"],
            ["MMLU (EM)", "5-shot", "78.4"],
        ]
    )
    assert _rows(records, "dataset", "metric", "setting", "value") == [
        ("The Pile", "Bits per byte", None, 0.606),
        ("MMLU", "EM", "5-shot", 78.4),
    ]


def test_rows_that_are_the_measures_of_the_benchmark_the_caption_names():
    records = _grid(
        [["", "Nimbus", "Orca"], ["Truthful", "0.28", "0.57"], ["Informative", "0.25", "0.53"]],
        "Table 12: Results on TruthfulQA.",
    )
    assert _rows(records, "dataset", "metric", "model", "value") == [
        ("TruthfulQA", "% True", "Nimbus", 0.28),
        ("TruthfulQA", "% True", "Orca", 0.57),
        ("TruthfulQA", "% Info", "Nimbus", 0.25),
        ("TruthfulQA", "% Info", "Orca", 0.53),
    ]


def test_languages_as_rows_of_the_captions_benchmark_and_levels_beside_other_models_names():
    records = _html(
        '<tr><th></th><th colspan="2">Nimbus-120b</th><th colspan="2">Baselines (high)</th></tr>'
        "<tr><th>Language</th><th>low</th><th>high</th><th>Orca-mini</th><th>Orca</th></tr>"
        "<tr><td>Arabic</td><td>75.0</td><td>82.7</td><td>81.9</td><td>90.4</td></tr>"
        "<tr><td>Average</td><td>74.1</td><td>81.3</td><td>80.7</td><td>88.8</td></tr>",
        "Table 2: MMMLU evaluation",
    )
    assert _rows(records, "dataset", "dataset_raw", "model", "setting", "value") == [
        ("MMMLU (Arabic)", "Arabic", "Nimbus-120b", "low", 75.0),
        ("MMMLU (Arabic)", "Arabic", "Nimbus-120b", "high", 82.7),
        ("MMMLU (Arabic)", "Arabic", "Orca-mini", "high", 81.9),
        ("MMMLU (Arabic)", "Arabic", "Orca", "high", 90.4),
        ("MMMLU", "Average", "Nimbus-120b", "low", 74.1),
        ("MMMLU", "Average", "Nimbus-120b", "high", 81.3),
        ("MMMLU", "Average", "Orca-mini", "high", 80.7),
        ("MMMLU", "Average", "Orca", "high", 88.8),
    ]


def test_model_names_over_staggered_lines_and_a_wrapped_label_from_a_pdf():
    records = _pdf_case("staggered_header")
    assert _rows(records, "dataset", "model", "value")[:4] == [
        ("AIME 2024", "Gemini 2.5 Pro", 91.6),
        ("AIME 2024", "Seed-Thinking-v1.5", 86.7),
        ("AIME 2024", "Orca-R1", 79.8),
        ("AIME 2024", "Nimbus-M1-40k", 83.3),
    ]
    assert {r.dataset_raw for r in records} == {
        "AIME 2024",
        "LiveCodeBench (24/8-25/5)",
        "SWE-bench Verified",
    }
    assert len(records) == 12


def test_benchmark_groups_with_no_rule_between_them_end_where_the_model_names_start_over():
    records = _pdf_case("benchmark_groups_loose")  # dataset_raw keeps the citation as printed
    assert _rows(records, "dataset", "dataset_raw", "model", "value")[:6] == [
        ("VoiceBench (AlpacaEval)", "VoiceBench [8]", "Orca-Audio", 3.69),
        ("VoiceBench (Web Questions)", "VoiceBench [8]", "Orca-Audio", 35.4),
        ("VoiceBench (AlpacaEval)", "VoiceBench [8]", "Falcon-Speech", 4.0),
        ("VoiceBench (Web Questions)", "VoiceBench [8]", "Falcon-Speech", 49.64),
        ("VoiceBench (AlpacaEval)", "VoiceBench [8]", "Nimbus-Audio", 4.46),
        ("VoiceBench (Web Questions)", "VoiceBench [8]", "Nimbus-Audio", 63.12),
    ]
    assert _rows(records, "dataset", "model", "value")[6:8] == [
        ("VoiceBench (SD-QA)", "Orca-Audio", 49.01),
        ("VoiceBench (MMSU)", "Orca-Audio", 22.57),
    ]
    assert len(records) == 12


def test_a_benchmark_header_over_its_splits_and_the_part_the_caption_names():
    records = _html(
        '<tr><th rowspan="2">Model</th><th colspan="3">RULER</th></tr>'
        "<tr><th>Avg.</th><th>0-8K</th><th>8K-32K</th></tr>"
        "<tr><td>Nimbus</td><td>76.7</td><td>78.7</td><td>75.3</td></tr>",
        "Table 6: Performance comparison of Nimbus and other models on the RULER benchmark’s QA task.",
    )
    # the average over the splits is the task's own score; dataset_raw stays as the header prints it
    assert _rows(records, "dataset", "dataset_raw", "value") == [
        ("RULER (QA)", "RULER Avg.", 76.7),
        ("RULER (QA, 0-8K)", "RULER 0-8K", 78.7),
        ("RULER (QA, 8K-32K)", "RULER 8K-32K", 75.3),
    ]
    # a span drawn too wide over a benchmark of its own does not make it a split
    records = _grid(
        [["", "LiveCodeBench", "LiveCodeBench"], ["Model", "Easy (82)", "USACO"], ["Nimbus", "74.9", "4.9"]]
    )
    assert _rows(records, "dataset", "value") == [("LiveCodeBench (Easy)", 74.9), ("USACO", 4.9)]


def test_bilingual_category_headers_under_the_benchmark_the_caption_names():
    records = _html(
        '<tr><th rowspan="3">Model</th><th rowspan="3">Overall</th><th colspan="2">Reasoning 中文推理</th>'
        '<th colspan="2">Language 中文语言</th></tr>'
        "<tr><th>Avg.</th><th>Math.</th><th>Avg.</th><th>Writ.</th></tr>"
        "<tr><th>推理总分</th><th>数学计算</th><th>语言总分</th><th>文本写作</th></tr>"
        "<tr><td>Nimbus Chat</td><td>7.91</td><td>7.45</td><td>7.77</td><td>8.36</td><td>8.53</td></tr>",
        "Table 5 | AlignBench leaderboard rated by a judge model. Best results are in bold.",
    )
    # 'Math.' is AlignBench's Mathematics category, not the MATH benchmark; 'bold' names no benchmark
    assert _rows(records, "dataset", "metric", "value") == [
        ("AlignBench", "Score", 7.91),
        ("AlignBench (Reasoning)", "Score", 7.45),
        ("AlignBench (Reasoning, Mathematics)", "Score", 7.77),
        ("AlignBench (Language)", "Score", 8.36),
        ("AlignBench (Language, Writing Ability)", "Score", 8.53),
    ]
    assert all(not r.flags for r in records)


def test_language_families_and_directions_under_the_captions_benchmark():
    records = _html(
        '<tr><th rowspan="2"></th><th colspan="2">Indo-Euro-Germanic (8)</th>'
        '<th rowspan="2">Average</th></tr>'
        "<tr><th>X→EN</th><th>EN→X</th></tr>"
        "<tr><td>Nimbus</td><td>39.2</td><td>26.5</td><td>33.9</td></tr>",
        "Table 11: Average BLEU score of different language families on Flores benchmark.",
    )
    # the family's count of languages is not part of its name
    assert _rows(records, "dataset", "metric", "value") == [
        ("FLORES (Indo-Euro-Germanic, X→EN)", "BLEU", 39.2),
        ("FLORES (Indo-Euro-Germanic, EN→X)", "BLEU", 26.5),
        ("FLORES", "BLEU", 33.9),
    ]
    # columns that are other benchmarks than the caption's stay themselves
    records = _html(
        "<tr><th></th><th>MMLU</th><th>Overall</th></tr><tr><td>Nimbus</td><td>70.1</td><td>60.2</td></tr>",
        "Table 3: Results on GSM8K and other benchmarks.",
    )
    assert _rows(records, "dataset", "value")[0] == ("MMLU", 70.1)


def test_category_and_benchmark_in_one_label_with_attempts_and_levels_beside_them():
    records = _grid(
        [
            [
                "Capability Benchmark",
                "",
                "Nimbus 2.5",
                "Orca o3 High",
                "Orca 4 Opus 32K Thinking",
                "Falcon 3 Extended Thinking",
            ],
            ["Science GPQA diamond", "single attempt (pass@1)", "86.4%", "83.3%", "79.6%", "80.2%"],
            [
                "Code generation LiveCodeBench UI: 10/1/2024 - 2/1/2025",
                "multiple attempts",
                "—",
                "—",
                "—",
                "79.4%",
            ],
            [
                "Code editing Aider Polyglot",
                "",
                "82.2% diff-fenced",
                "76.5% / 72.7% whole / diff",
                "72.0% diff",
                "no MM support",
            ],
        ],
    )
    # the category is the task; the attempts column is a setting with its metric; 'High' and '32K Thinking'
    # after a model's name are settings; words after a score are the condition it was measured under
    assert _rows(records, "task_raw", "dataset", "model", "metric", "setting", "value") == [
        ("Science", "GPQA Diamond", "Nimbus 2.5", "Pass@1", "single attempt", 86.4),
        ("Science", "GPQA Diamond", "Orca o3", "Pass@1", "high single attempt", 83.3),
        ("Science", "GPQA Diamond", "Orca 4 Opus", "Pass@1", "32k thinking single attempt", 79.6),
        ("Science", "GPQA Diamond", "Falcon 3", "Pass@1", "extended thinking single attempt", 80.2),
        (
            "Code generation",
            "LiveCodeBench (2410-2502)",
            "Falcon 3",
            "Pass@1",
            "extended thinking multiple attempts",
            79.4,
        ),
        ("Code editing", "Aider Polyglot", "Nimbus 2.5", "Accuracy", "diff-fenced", 82.2),
        ("Code editing", "Aider Polyglot", "Orca o3", "Accuracy", "high whole", 76.5),
        ("Code editing", "Aider Polyglot", "Orca o3", "Accuracy", "high diff", 72.7),
        ("Code editing", "Aider Polyglot", "Orca 4 Opus", "Accuracy", "32k thinking diff", 72.0),
    ]
    assert [r.cell_part for r in records if r.value in (76.5, 72.7)] == [0, 1]


def test_captions_that_list_benchmarks_or_languages_state_no_parent_and_no_variant():
    records = _grid(
        [["Model", "HellaSwag", "PIQA"], ["Nimbus 7B", "75.1", "79.9"]],
        "Table 17: Results on natural language reasoning. "
        "Specifically, we report the results on HellaSwag, PIQA and SIQA.",
    )
    assert _rows(records, "dataset", "value") == [("HellaSwag", 75.1), ("PIQA", 79.9)]
    # 'Italian (IT)' is a language; '(IT)' after 'instruction fine-tuned' is a variant
    records = _grid(
        [["Model", "XTD"], ["Nimbus-C", "95.1"], ["Orca-G", "94.0"]],
        "Table 13: Retrieval in English (EN), Italian (IT) and Japanese (JP).",
    )
    assert _rows(records, "model") == [("Nimbus-C",), ("Orca-G",)]
    assert (
        read_caption(
            "Table 6 | Performance of instruction fine-tuned (IT) models.", load_vocabulary()
        ).variant
        == "IT"
    )


def test_a_metric_the_caption_names_for_its_benchmarks_beats_their_defaults_but_loose_accuracy_does_not():
    records = _grid(
        [["Model", "HumanEval", "MBPP"], ["Nimbus", "28.1", "41.4"]],
        "Table 10: Results of pass@1 (%) on HumanEval and MBPP.",
    )
    assert _rows(records, "dataset", "metric") == [("HumanEval", "Pass@1"), ("MBPP", "Pass@1")]
    records = _grid(
        [["Model", "AlpacaEval 2.0"], ["Nimbus", "38.9"], ["Orca", "30.1"]],
        "Table 4 | Open-ended evaluations. "
        "For AlpacaEval 2.0, we use the length-controlled win rate as the metric.",
    )
    assert _rows(records, "metric") == [("LC Win Rate",), ("LC Win Rate",)]
    records = _grid(
        [["Model", "HumanEval"], ["Nimbus", "28.1"], ["Orca", "20.0"]],
        "Table 1: Accuracy (%) of three models on MMLU and HumanEval.",
    )
    assert _rows(records, "metric") == [("Pass@1",), ("Pass@1",)]


def test_labels_that_are_no_part_of_a_models_name_and_rows_that_are_no_model():
    records = _grid(
        [
            ["Model", "#TP", "#AP", "multilingual", "MBPP"],
            ["Nimbus-Coder-Instruct", "236B", "21B", "✓", "76.2"],
            ["Orca-72B*（星云）", "72B", "72B", "×", "70.1"],
            ["Orca-Omni (Infinigence)", "", "", "×", "60.0"],
            ["Other Best", "", "", "", "80.0"],
            ["Dense 7B w/ MQA", "", "", "", "30.1"],
            ["Nimbus-A@1.2T", "", "", "", "31.0"],
        ],
    )
    # active parameters and check marks describe the model; a footnote mark, a gloss and the lab are not
    # its name
    assert _rows(records, "model", "flags", "model_role") == [
        ("Nimbus-Coder-Instruct 236B", [], None),
        ("Orca-72B", [], None),
        ("Orca-Omni", [], None),
        ("Other Best", ["model-placeholder"], None),
        ("Dense 7B w/ MQA", [], "ablation"),
        ("Nimbus-A@1.2T", [], "ablation"),
    ]


def test_a_loss_table_gives_no_records_and_a_shared_short_name_is_told_apart_by_its_splits():
    assert (
        _grid(
            [["Model", "Lval", "Ltrain"], ["Nimbus", "1.93", "1.80"]],
            "Table 11: Overfitting analysis of the loss of each model.",
        )
        == []
    )
    records = _html(
        '<tr><th rowspan="2">Model</th><th colspan="2">SEED</th></tr>'
        "<tr><th>test-zh</th><th>test-en</th></tr>"
        "<tr><td>Nimbus-TTS</td><td>1.11</td><td>2.24</td></tr>",
        "Table 9: Zero-Shot Speech Generation",
    )
    assert _rows(records, "dataset", "metric") == [
        ("Seed-TTS-Eval (test-zh)", "WER"),
        ("Seed-TTS-Eval (test-en)", "WER"),
    ]


def test_the_sentence_introducing_a_table_as_an_ablation_and_a_size_printed_twice():
    from extractor.model.document import TextBlock

    grid = [
        ["Model", "HumanEval", "MBPP"],
        ["Nimbus-1B (old corpus)", "30.5", "44.6"],
        ["Nimbus-1B (new corpus)", "36.0", "49.0"],
    ]
    table = Table.from_grid(
        grid, page=4, engine="pdf-text-columns", caption="Table 1 | Performance of 1B base models."
    )
    text = TextBlock(
        text="To show the new corpus helps, we conducted ablation studies (see Table 1) using a 1B model.",
        kind="paragraph",
    )
    doc = Document(
        doc_id="d", source="d.pdf", sha256="0" * 64, media_type="pdf", tables=[table], blocks=[text]
    )
    assert {r.model_role for r in extract_document(doc, RunOptions()).records} == {"ablation"}
    # a paragraph under a run-in heading naming an ablation, that mentions one table, introduces it as one
    from extractor.records.caption import ablation_tables

    assert ablation_tables(
        [
            "Impact of SFT Data Scaling We scaled the SFT data from 500K to 6M. As detailed in Table 6, "
            "the model trained on 6M instances is better.",
            "Results are in Table 7 and Table 8.",
        ]
    ) == {"6"}
    assert ablation_tables(["Impact of scale is shown in Table 6 and Table 7."]) == set()
    # a parameter count beside a name that prints its size already is no part of the name
    records = _grid(
        [["Method", "#param", "IN-1K"], ["Nimbus-ViT-6B", "5.9B", "88.2"], ["Orca-G", "1.8B", "86.2"]]
    )
    assert _rows(records, "model") == [("Nimbus-ViT-6B",), ("Orca-G 1.8B",)]


def test_scores_on_the_authors_own_benchmark_are_flagged():
    records = _grid(
        [["Model", "Math (%)", "General (%)"], ["Nimbus", "91.9", "82.8"], ["Orca", "89.2", "74.1"]],
        "Table 7: Executable code on the in-house evaluation benchmark for Code Interpreter.",
    )
    assert ["in-house-benchmark" in r.flags for r in records] == [True] * 4


def test_a_family_over_its_sizes_drawn_as_one_column_and_a_benchmark_beside_its_lengths():
    records = _grid(
        [
            ["", "", "Nimbus 3 PT", "Nimbus 3 IT"],
            ["", "Context", "4B 12B", "4B 12B"],
            ["RULER", "32K", "67.1 90.6", "61.4 80.3"],
            ["", "128K", "51.7 80.7", "46.8 57.1"],
        ],
        "Table 15 | Performance of pre-trained (PT) and instruction fine-tuned (IT) models "
        "on long context benchmarks.",
    )
    assert _rows(records, "dataset", "model", "value", "cell_part", "flags")[:4] == [
        ("RULER (32K)", "Nimbus 3 4B PT", 67.1, 0, []),
        ("RULER (32K)", "Nimbus 3 12B PT", 90.6, 1, []),
        ("RULER (32K)", "Nimbus 3 4B IT", 61.4, 0, []),
        ("RULER (32K)", "Nimbus 3 12B IT", 80.3, 1, []),
    ]


def test_scores_the_pdf_drew_inside_the_label_cell_under_the_corners_sizes():
    records = _grid(
        [
            ["Nimbus 2", "Nimbus 3"],
            ["2B 9B", "1B 4B"],
            ["XQuAD Indic 54.3 73.1", "43.1 68.3"],
            ["MGSM 18.7 57.3", "2.04 34.7"],
        ],
        "Table 14 | Detailed IndicGenBench performance after the pre-training phase.",
    )
    assert _rows(records, "dataset", "model", "value") == [
        ("IndicGenBench (XQuAD Indic)", "Nimbus 2 2B Base", 54.3),
        ("IndicGenBench (XQuAD Indic)", "Nimbus 2 9B Base", 73.1),
        ("IndicGenBench (XQuAD Indic)", "Nimbus 3 1B Base", 43.1),
        ("IndicGenBench (XQuAD Indic)", "Nimbus 3 4B Base", 68.3),
        ("IndicGenBench (MGSM)", "Nimbus 2 2B Base", 18.7),
        ("IndicGenBench (MGSM)", "Nimbus 2 9B Base", 57.3),
        ("IndicGenBench (MGSM)", "Nimbus 3 1B Base", 2.04),
        ("IndicGenBench (MGSM)", "Nimbus 3 4B Base", 34.7),
    ]


def test_a_row_saying_which_variant_its_scores_are_for_and_a_metric_after_the_benchmark():
    records = _grid(
        [
            ["", "Nimbus 2 70B", "Orca-3.5", "Falcon-Lite 8x7B"],
            ["MMLU (MCQ in 57 subjects)", "69.9%", "70.0%", "70.6%"],
            ["MT Bench (for Instruct Models)", "6.86", "8.32", "8.30"],
            ["Chatbot Arena ELO Rating", "1047", "1117", "1121"],
        ]
    )
    assert _rows(records, "dataset", "model", "metric", "value", "flags")[3:] == [
        ("MT-Bench", "Nimbus 2 70B Instruct", "Score", 6.86, []),
        ("MT-Bench", "Orca-3.5 Instruct", "Score", 8.32, []),
        ("MT-Bench", "Falcon-Lite 8x7B Instruct", "Score", 8.3, []),
        ("Chatbot Arena", "Nimbus 2 70B", "Elo", 1047.0, []),
        ("Chatbot Arena", "Orca-3.5", "Elo", 1117.0, []),
        ("Chatbot Arena", "Falcon-Lite 8x7B", "Elo", 1121.0, []),
    ]
    # a bracket that is no setting, metric, variant or known subset stays, and the record is flagged
    assert _rows(records, "dataset", "flags")[0] == ("MMLU (MCQ in 57 subjects)", ["unknown-dataset"])


def test_a_section_row_naming_a_benchmark_makes_the_rows_below_its_parts():
    records = _html(
        "<tr><th></th><th>Nimbus 2 70B</th><th>Falcon-Lite 8x7B</th></tr>"
        "<tr><td>BBQ accuracy</td><td>51.5%</td><td>56.0%</td></tr>"
        '<tr><td colspan="2">BOLD sentiment score (avg ± std)</td><td></td></tr>'
        "<tr><td>gender</td><td>0.293 ± 0.073</td><td>0.323 ± 0.045</td></tr>"
        "<tr><td>race</td><td>0.232 ± 0.049</td><td>0.232 ± 0.052</td></tr>"
    )
    # 'race' under BOLD is BOLD's race subset, not the RACE reading benchmark; the words after BOLD are
    # the metric
    assert [r.metric for r in records] == ["Accuracy"] * 2 + ["sentiment score"] * 4
    assert [(r.dataset, r.model, r.value, r.spread, r.flags) for r in records] == [
        ("BBQ", "Nimbus 2 70B", 51.5, None, []),
        ("BBQ", "Falcon-Lite 8x7B", 56.0, None, []),
        ("BOLD (gender)", "Nimbus 2 70B", 0.293, 0.073, []),
        ("BOLD (gender)", "Falcon-Lite 8x7B", 0.323, 0.045, []),
        ("BOLD (race)", "Nimbus 2 70B", 0.232, 0.049, []),
        ("BOLD (race)", "Falcon-Lite 8x7B", 0.232, 0.052, []),
    ]


def test_a_caption_naming_several_benchmarks_names_no_parent_and_plain_words_are_no_benchmarks():
    vocab = load_vocabulary()
    several = read_caption(
        "Table 7. Zero-shot retrieval. We evaluate in English using Flickr30K and COCO, and in Chinese "
        "using Flickr30K-CN and COCO-CN. "
        "†Nimbus is finetuned on COCO, which helps its performance on Flickr30K.",
        vocab,
    )
    assert several.parent is None
    one = read_caption("Table 5: Results on AGIEval benchmark. Bold means the highest accuracy.", vocab)
    assert (one.parent, one.named) == ("AGIEval", ["AGIEval"])  # 'Bold' is a word, not BOLD
    xtd = read_caption(
        "Table 13. Retrieval performance on the XTD dataset. Multiple languages include English (EN).", vocab
    )
    assert xtd.parent == "XTD"  # 'Multiple' spells MultiPL-E's letters but is no name


def test_a_group_title_the_reader_split_over_two_columns_is_no_part_of_either_name():
    records = _grid(
        [
            ["", "Hidden Feature", "Modeling", "Discrete Token Modeling"],
            ["", "Orca-Audio", "Falcon-Speech", "Nimbus-Audio"],
            ["AISHELL-1", "1.53", "1.80", "0.87"],
            ["LibriSpeech test-clean", "1.60", "1.70", "2.36"],
        ]
    )
    assert sorted({r.model for r in records}) == ["Falcon-Speech", "Nimbus-Audio", "Orca-Audio"]


def test_a_prompt_row_naming_a_model_keeps_its_flag_and_a_section_ends_at_the_next():
    records = _grid(
        [
            ["Model", "MMLU", "GSM8K"],
            ["Orca-Pro", "80.1", "90.2"],
            ["Nimbus w/ system prompt", "70.1", "71.0"],
        ]
    )
    assert [(r.model, r.setting, r.flags) for r in records][2:] == [
        ("Nimbus w/ system prompt", None, ["model-is-setting"]),
        ("Nimbus w/ system prompt", None, ["model-is-setting"]),
    ]
    records = _html(
        "<tr><th></th><th>Nimbus 2 70B</th><th>Orca 8x7B</th></tr>"
        '<tr><td colspan="2">BOLD sentiment score (avg ± std)</td><td></td></tr>'
        "<tr><td>Race</td><td>0.232 ± 0.049</td><td>0.232 ± 0.052</td></tr>"
        '<tr><td colspan="2">Accuracy</td><td></td></tr>'
        "<tr><td>hellaswag</td><td>85.1</td><td>86.7</td></tr>"
    )
    assert [(r.dataset, r.metric) for r in records] == [
        ("BOLD (Race)", "sentiment score"),
        ("BOLD (Race)", "sentiment score"),
        ("HellaSwag", "Accuracy"),
        ("HellaSwag", "Accuracy"),
    ]


def test_only_split_heads_beside_a_benchmark_printed_once_are_its_splits():
    grid = [
        ["Dataset", "Model", "Zero-shot", "Few-shot"],
        ["MMLU", "Nimbus 7B", "55.0", "61.2"],
        ["", "Orca 13B", "50.1", "57.3"],
    ]
    assert {r.dataset for r in _grid(grid)} == {"MMLU"}
    grid[0][2:] = ["test-clean", "test-other"]
    grid[1][0] = "LibriSpeech"
    assert [r.dataset for r in _grid(grid)][:2] == ["LibriSpeech (test-clean)", "LibriSpeech (test-other)"]


def test_a_split_group_title_over_several_columns_each_is_dropped_from_every_name():
    records = _grid(
        [
            ["", "Hidden Feature", "Hidden Feature", "Modeling", "Modeling"],
            ["", "Nimbus-A", "Nimbus-B", "Orca-A", "Orca-B"],
            ["AISHELL-1", "1.5", "1.6", "1.7", "1.8"],
        ]
    )
    assert [r.model for r in records] == ["Nimbus-A", "Nimbus-B", "Orca-A", "Orca-B"]


def test_an_average_beside_benchmarks_of_their_own_is_no_score_of_the_captions_benchmark():
    grid = [["Model", "IN-1K", "IN-A", "IN-R", "avg."], ["Nimbus-ViT", "86.2", "63.8", "87.8", "79.3"]]
    records = _grid(grid, "Table 4. Linear evaluation: top-1 accuracy on ImageNet-1K and its variants.")
    assert [(r.dataset, r.flags) for r in records] == [
        ("ImageNet", []),
        ("ImageNet-A", []),
        ("ImageNet-R", []),
        ("avg.", ["unknown-dataset"]),
    ]
    # over the benchmark's own parts the average is the benchmark's score
    parts = _grid(
        [["Model", "STEM", "Humanities", "Avg."], ["Nimbus 7B", "51.0", "60.2", "55.6"]],
        "Table 5: Results on MMLU.",
    )
    assert [r.dataset for r in parts][-1] == "MMLU"


def test_a_category_on_its_groups_first_line_and_a_judge_in_brackets():
    records = _grid(
        [
            ["Benchmark (Metric)", "Nimbus-R", "Orca-3"],
            ["Math MATH-500 (Pass@1)", "97.3", "90.2"],
            ["CNMO 2024 (Pass@1)", "78.8", "43.2"],
            ["Chinese C-Eval (EM)", "91.8", "86.5"],
            ["ArenaHard (GPT-4-1106)", "92.3", "85.5"],
            ["SWE Verified (Resolved)", "49.2", "42.0"],
        ]
    )
    assert _rows(records, "task_raw", "dataset", "metric", "setting", "flags")[::2] == [
        ("Math", "MATH-500", "Pass@1", None, []),
        (None, "CNMO 2024", "Pass@1", None, []),
        ("Chinese", "C-Eval", "EM", None, []),
        (None, "Arena-Hard", "Win Rate", "gpt-4-1106", []),
        (None, "SWE-bench Verified", "% Resolved", None, []),
    ]


def test_a_part_in_brackets_after_the_captions_benchmark_heads_every_columns_path():
    records = _grid(
        [["Model", "Python", "C++", "Avg."], ["Nimbus-Coder 7B", "37.0", "28.0", "32.5"]],
        "Table 11: Zero-shot pass@1 (%) performance on the HumanEvalPack (synthesize) benchmark.",
    )
    assert _rows(records, "dataset", "setting") == [
        ("HumanEvalPack (synthesize, Python)", "0-shot"),
        ("HumanEvalPack (synthesize, C++)", "0-shot"),
        ("HumanEvalPack (synthesize)", "0-shot"),
    ]


def test_a_cell_of_several_numbers_with_some_missing_gives_the_numbers_it_has():
    records = _html(
        "<tr><th>Datasets</th><th>Model</th><th>Performance</th></tr>"
        '<tr><td rowspan="3">LibriSpeech<br>dev-clean | dev-other | test-clean | test-other</td>'
        "<td>Orca-Audio</td><td>- | - | 2.1 | 4.9</td></tr>"
        "<tr><td>Nimbus-Audio</td><td>1.6 | 3.5 | 1.8 | 3.4</td></tr>"
        "<tr><td>Falcon-Speech</td><td>- | - | - | -</td></tr>"
    )
    assert [(r.dataset, r.model, r.value, r.cell_part) for r in records][:2] == [
        ("LibriSpeech (test-clean)", "Orca-Audio", 2.1, 2),
        ("LibriSpeech (test-other)", "Orca-Audio", 4.9, 3),
    ]
    assert len(records) == 6  # a cell with no number at all gives nothing


def test_a_name_drawn_between_two_rows_and_one_document_giving_two_values_are_flagged():
    from extractor.model.document import BBox, Cell
    from extractor.normalize import flag_conflicts
    from extractor.readers.roles import mark_cell_roles
    from extractor.records.axes import read_layout
    from extractor.records.rows import offset_rows

    def cell(r: int, c: int, text: str, top: float) -> Cell:
        return Cell(
            row=r, col=c, text=text, bbox=BBox(x0=100 + 60 * c, top=top, x1=140 + 60 * c, bottom=top + 8)
        )

    rows = [
        ("Model", "BoolQ", "NQ", 100),
        ("Orca 7B", "75.0", "11.6", 115),
        ("Falcon-Lite 7B", "67.5", "15.7", 130),
    ]
    cells = [cell(i, j, t, top) for i, (*texts, top) in enumerate(rows) for j, t in enumerate(texts)]
    cells[3] = cell(1, 0, "Orca 7B", 120)  # the name set half a row below its scores
    table = mark_cell_roles(Table.from_cells(cells, page=1, engine="pdf-text-columns"))
    assert offset_rows(table, read_layout(table, load_vocabulary())) == {1}
    records = [r for r in _grid([["Model", "MMLU"], ["Nimbus 7B", "61.2"], ["Orca 7B", "55.0"]])]
    twice = flag_conflicts(records + [records[0].model_copy(update={"value": 63.0, "table_index": 1})])
    assert [r.flags for r in twice] == [["conflicting-values"], [], ["conflicting-values"]]


def test_a_label_marked_with_an_arrow_is_its_columns_metric_under_the_test_set():
    records = _grid(
        [
            ["Model", "test-zh", "test-zh", "test-en", "test-en"],
            ["Model", "CER (%) ↓", "SS ↑", "WER (%) ↓", "SS ↑"],
            ["Nimbus-TTS", "1.51", "0.630", "3.82", "0.460"],
        ],
        "Table 3: Results of TTS models on the test sets.",
    )
    # `SS` is no metric the vocabulary knows: the arrow says it is one, and is no part of its name
    assert _rows(records, "dataset", "metric", "metric_raw", "model", "value") == [
        ("test-zh", "CER", "CER (%) ↓", "Nimbus-TTS", 1.51),
        ("test-zh", "SS", "SS ↑", "Nimbus-TTS", 0.63),
        ("test-en", "WER", "WER (%) ↓", "Nimbus-TTS", 3.82),
        ("test-en", "SS", "SS ↑", "Nimbus-TTS", 0.46),
    ]
    # under nothing but `Metric`, a label known only by its arrow stays the column's name
    records = _grid(
        [
            ["Model", "Metric", "Metric"],
            ["Model", "Tool Selection ↑", "Code Correctness ↑"],
            ["Nimbus-Chat", "95.4", "87.0"],
        ]
    )
    assert _rows(records, "dataset", "metric", "value") == [
        ("Tool Selection ↑", None, 95.4),
        ("Code Correctness ↑", None, 87.0),
    ]
