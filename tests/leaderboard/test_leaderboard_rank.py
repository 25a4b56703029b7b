"""Leaderboards: ranking in the metric's direction, ties, best result per model, doubtful records, exports."""

import csv
import io
import json

from extractor.formats.leaderboard_files import LEADERBOARD_CSV_FIELDS, leaderboards_csv, leaderboards_json
from extractor.leaderboard import (
    DOUBTFUL_FLAGS,
    build_leaderboards,
    competition_ranks,
    export_evaluation_tables,
)
from extractor.model.options import LeaderboardOptions
from extractor.store import StoredRecord


def rec(model, value, *, dataset="GSM8K", metric="Accuracy", doc="paper-a", setting=None, entry=None, **kw):
    data = dict(
        doc_id=doc,
        source=f"{doc}.pdf",
        task="Arithmetic Reasoning",
        dataset=dataset,
        model=model,
        metric=metric,
        value=value,
        value_raw=f"{value:g}",
        dataset_raw=dataset,
        model_raw=model,
        table_index=0,
        row=0,
        col=0,
        setting=setting,
        sha256=doc * 4,
        position=0,
        entry=entry if entry is not None else hash(model) % 1000,
        paper_title=f"Paper {doc[-1].upper()}",
    )
    return StoredRecord(**{**data, **kw})


def ranked(board):
    return [(r.rank, r.model, r.value) for r in board.rows]


def test_higher_is_better_ranks_descending_with_ties_equal():
    boards = build_leaderboards([rec("A", 70.0), rec("B", 80.0), rec("C", 80.0), rec("D", 60.0)])
    assert len(boards) == 1 and boards[0].direction == "higher"
    assert ranked(boards[0]) == [(1, "B", 80.0), (1, "C", 80.0), (3, "A", 70.0), (4, "D", 60.0)]


def test_lower_is_better_for_error_perplexity_and_latency():
    for metric in ("Error rate", "Perplexity", "Latency (ms)", "Top-1 error"):
        board = build_leaderboards(
            [rec("A", 3.5, metric=metric), rec("B", 2.0, metric=metric), rec("C", 9.0, metric=metric)]
        )[0]
        assert board.direction == "lower" and ranked(board) == [
            (1, "B", 2.0),
            (2, "A", 3.5),
            (3, "C", 9.0),
        ], metric


def test_one_row_per_model_with_its_best_result_and_paper():
    records = [
        rec("A", 70.0, doc="paper-a", setting="0-shot"),
        rec("A", 74.0, doc="paper-b", setting="5-shot"),
        rec("B", 72.0, doc="paper-a"),
    ]
    (board,) = build_leaderboards(records)
    assert [(r.rank, r.model, r.value, r.setting, r.paper_title, r.doc_id) for r in board.rows] == [
        (1, "A", 74.0, "5-shot", "Paper B", "paper-b"),
        (2, "B", 72.0, None, "Paper A", "paper-a"),
    ]
    (low,) = build_leaderboards(
        [rec("A", 3.0, metric="Perplexity"), rec("A", 2.5, metric="Perplexity", doc="paper-b")]
    )
    assert [(r.model, r.value) for r in low.rows] == [("A", 2.5)]


def test_one_board_per_benchmark_and_metric_class_each_row_keeping_its_metric():
    boards = build_leaderboards(
        [
            rec("A", 70.0, metric_raw="Acc."),
            rec("B", 60.0, metric="EM", metric_raw="EM"),  # EM is accuracy on GSM8K: one board
            rec("A", 50.0, dataset="MATH"),
            rec("B", 55.0, dataset="MATH", task="Math Word Problem Solving"),
            rec("A", 80.0, dataset="DROP", metric="F1"),
            rec("A", 75.0, dataset="DROP", metric="EM"),  # DROP's default is F1: EM is another board
            rec("A", 40.0, dataset="Vibes Bench", metric="EM"),  # a benchmark the data does not know
            rec("B", 41.0, dataset="Vibes Bench", metric="Accuracy"),
        ]
    )
    assert [(b.task, b.dataset, b.metric, [(r.model, r.metric_raw) for r in b.rows]) for b in boards] == [
        ("Arithmetic Reasoning", "GSM8K", "Accuracy", [("A", "Acc."), ("B", "EM")]),
        ("Arithmetic Reasoning", "MATH", "Accuracy", [("A", "Accuracy")]),
        ("Math Word Problem Solving", "MATH", "Accuracy", [("B", "Accuracy")]),
        ("Arithmetic Reasoning", "DROP", "F1", [("A", "F1")]),
        ("Arithmetic Reasoning", "DROP", "EM", [("A", "EM")]),
        ("Arithmetic Reasoning", "Vibes Bench", "EM", [("A", "EM")]),
        ("Arithmetic Reasoning", "Vibes Bench", "Accuracy", [("B", "Accuracy")]),
    ]


def test_spellings_of_one_model_are_one_row_and_sizes_versions_variants_stay_apart():
    records = [
        rec("LLaMA 2-13B", 50.0, doc="paper-a"),
        rec("LLAMA 2 13B", 54.0, doc="paper-b"),
        rec("Llama2-13B", 52.0, doc="paper-c", model_raw="Llama2-13B*"),
        rec("LLAMA 2 13B", 51.0, doc="paper-d"),
        rec("LLaMA 2 7B", 40.0),
        rec("Nimbus-V2 Chat (SFT)", 60.0),
        rec("Nimbus-V2 Chat (RL)", 61.0),
        rec("Nimbus 2.5 7B Base", 45.0),
        rec("Nimbus 2.5 7B Instruct", 47.0),
        rec("Nimbus 25 7B Base", 44.0),
    ]
    (board,) = build_leaderboards(records)
    assert [(r.model, r.value, r.model_raw) for r in board.rows] == [
        ("Nimbus-V2 Chat (RL)", 61.0, "Nimbus-V2 Chat (RL)"),
        ("Nimbus-V2 Chat (SFT)", 60.0, "Nimbus-V2 Chat (SFT)"),
        ("LLAMA 2 13B", 54.0, "LLAMA 2 13B"),  # the spelling two of four records use; its best value
        ("Nimbus 2.5 7B Instruct", 47.0, "Nimbus 2.5 7B Instruct"),
        ("Nimbus 2.5 7B Base", 45.0, "Nimbus 2.5 7B Base"),
        ("Nimbus 25 7B Base", 44.0, "Nimbus 25 7B Base"),
        ("LLaMA 2 7B", 40.0, "LLaMA 2 7B"),
    ]


def test_a_setting_filter_and_boards_split_by_setting():
    records = [
        rec("A", 70.0, setting="5-shot"),
        rec("A", 74.0, setting="0-shot"),
        rec("B", 72.0, setting="5-shot"),
    ]
    (board,) = build_leaderboards(records, LeaderboardOptions(setting="5-SHOT"))
    assert [(r.model, r.value) for r in board.rows] == [("B", 72.0), ("A", 70.0)]
    split = build_leaderboards(records, LeaderboardOptions(by_setting=True))
    assert [(b.setting, [(r.model, r.value) for r in b.rows]) for b in split] == [
        ("5-shot", [("B", 72.0), ("A", 70.0)]),
        ("0-shot", [("A", 74.0)]),
    ]


def test_a_board_has_the_unit_its_rows_share():
    (board,) = build_leaderboards([rec("A", 95.8, unit="%"), rec("B", 95.9)])
    assert board.unit == "%"
    (mixed,) = build_leaderboards([rec("A", 95.8, unit="%"), rec("B", 1.2, unit="s")])
    assert mixed.unit is None


def test_unknown_direction_lists_in_store_order_without_rank():
    (board,) = build_leaderboards([rec("A", 1.0, metric="Vibes"), rec("B", 3.0, metric="Vibes")])
    assert board.direction is None and ranked(board) == [(None, "A", 1.0), (None, "B", 3.0)]
    assert [r.global_rank for r in board.rows] == [None, None]


def test_doubtful_records_stay_out_unless_asked():
    assert {"unknown-dataset", "orientation-guessed"} <= DOUBTFUL_FLAGS
    records = [
        rec("A", 70.0, flags=["orientation-guessed"]),
        rec("B", 60.0),
        rec("C", 50.0, flags=["unknown-dataset"]),
        rec("D", 40.0, flags=["reviewed"]),
    ]
    assert ranked(build_leaderboards(records)[0]) == [(1, "B", 60.0), (2, "D", 40.0)]
    assert [
        r.model for r in build_leaderboards(records, LeaderboardOptions(include_doubtful=True))[0].rows
    ] == ["A", "B", "C", "D"]
    assert "orientation-guessed" not in export_evaluation_tables(
        records
    ) and '"A"' not in export_evaluation_tables(records)


def test_global_rank_only_where_the_source_printed_one():
    (board,) = build_leaderboards([rec("A", 70.0, global_rank=12), rec("B", 80.0), rec("C", 65.0)])
    assert [(r.model, r.rank, r.global_rank, r.rank_source) for r in board.rows] == [
        ("B", 1, None, None),
        ("A", 2, 12, "source"),
        ("C", 3, None, None),
    ]


def test_competition_ranks():
    assert competition_ranks([9.0, 9.0, 8.0, 8.0, 8.0, 1.0], "higher") == [1, 1, 3, 3, 3, 6]


def test_filters_match_ignoring_case():
    records = [rec("A", 70.0), rec("B", 50.0, dataset="MATH")]
    assert [b.dataset for b in build_leaderboards(records, LeaderboardOptions(dataset="math"))] == ["MATH"]
    assert build_leaderboards(records, LeaderboardOptions(metric="EM")) == []


def test_csv_and_json_exports():
    boards = build_leaderboards([rec("A", 70.0, setting="5-shot"), rec("B", 80.0)])
    rows = list(csv.DictReader(io.StringIO(leaderboards_csv(boards))))
    assert list(rows[0]) == LEADERBOARD_CSV_FIELDS
    assert [
        (r["rank"], r["model"], r["value"], r["setting"], r["direction"], r["paper_title"]) for r in rows
    ] == [("1", "B", "80.0", "", "higher", "Paper A"), ("2", "A", "70.0", "5-shot", "higher", "Paper A")]
    data = json.loads(leaderboards_json(boards))
    assert data["schema_version"] == "2.0"
    assert [(r["rank"], r["model"]) for r in data["leaderboards"][0]["rows"]] == [(1, "B"), (2, "A")]


def test_evaluation_tables_export():
    records = [
        rec("A", 70.0, setting="5-shot", entry=0),
        rec("A", 61.0, metric="EM", setting="5-shot", entry=0, col=2),
        rec("B", 80.0, entry=1, doc="paper-b", paper_url="https://example.org/b", paper_date="2024-01-02"),
        rec("B", 52.0, dataset="MATH", task="Math Word Problem Solving", entry=1, doc="paper-b"),
    ]
    data = json.loads(export_evaluation_tables(records))
    assert data == [
        {
            "task": "Arithmetic Reasoning",
            "subtasks": [],
            "datasets": [
                {
                    "dataset": "GSM8K",
                    "subdatasets": [],
                    "sota": {
                        "metrics": ["Accuracy", "EM"],
                        "rows": [
                            {
                                "model_name": "B",
                                "paper_title": "Paper B",
                                "paper_url": "https://example.org/b",
                                "paper_date": "2024-01-02",
                                "metrics": {"Accuracy": 80.0},
                            },
                            {
                                "model_name": "A (5-shot)",
                                "paper_title": "Paper A",
                                "paper_url": "",
                                "paper_date": "",
                                "metrics": {"Accuracy": 70.0, "EM": 61.0},
                            },
                        ],
                    },
                }
            ],
        },
        {
            "task": "Math Word Problem Solving",
            "subtasks": [],
            "datasets": [
                {
                    "dataset": "MATH",
                    "subdatasets": [],
                    "sota": {
                        "metrics": ["Accuracy"],
                        "rows": [
                            {
                                "model_name": "B",
                                "paper_title": "Paper B",
                                "paper_url": "",
                                "paper_date": "",
                                "metrics": {"Accuracy": 52.0},
                            },
                        ],
                    },
                }
            ],
        },
    ]


def test_a_share_printed_as_fractions_is_shown_as_a_percentage_beside_percentages():
    records = [
        rec("A", 0.168, doc="card", col=3, value_raw="0.168", dataset="SimpleQA"),
        rec("B", 0.067, doc="card", col=3, value_raw="0.067", dataset="SimpleQA"),
        rec(
            "A", 0.782, doc="card", col=4, value_raw="0.782", dataset="SimpleQA", metric="Hallucination rate"
        ),
        rec(
            "B", 0.914, doc="card", col=4, value_raw="0.914", dataset="SimpleQA", metric="Hallucination rate"
        ),
        rec("C", 30.1, doc="report", unit="%", value_raw="30.1%", dataset="SimpleQA"),
        rec("D", 0.3, doc="base", col=1, value_raw="0.3", dataset="SimpleQA"),  # one decimal: maybe 0.3%
        rec("E", 2.0, doc="base", col=1, value_raw="2.0", dataset="SimpleQA"),
    ]
    accuracy, hallucination = build_leaderboards(records)
    assert accuracy.unit == "%"
    assert [(r.model, r.value, r.value_raw, r.value_scale) for r in accuracy.rows] == [
        ("C", 30.1, "30.1%", None),
        ("A", 16.8, "0.168", 100),
        ("B", 6.7, "0.067", 100),
        ("E", 2.0, "2.0", None),
        ("D", 0.3, "0.3", None),
    ]
    assert [(r.model, r.value) for r in hallucination.rows] == [("A", 0.782), ("B", 0.914)]  # not a share
    exported = json.loads(export_evaluation_tables(records))
    rows = exported[0]["datasets"][0]["sota"]["rows"]
    assert {r["model_name"]: r["metrics"].get("Accuracy") for r in rows}["A"] == 16.8
