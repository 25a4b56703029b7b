"""Exports users load as they are: Hugging Face model-index blocks (read back by huggingface_hub's own
model-card parser) and a pandas DataFrame from the library."""

import pytest
from huggingface_hub import ModelCard
from typer.testing import CliRunner

import extractor
from extractor.cli import app
from extractor.formats.model_index import model_index_blocks
from extractor.leaderboard import build_leaderboards
from tests.leaderboard.test_leaderboard_rank import rec
from tests.support.store import TABLE

runner = CliRunner()


def _records():
    return [
        rec("Nimbus 2-13B", 70.0, setting="5-shot", paper_url="https://example.org/nimbus"),
        rec("NIMBUS 2 13B", 68.0, doc="paper-b", metric="EM", metric_raw="EM"),
        rec("Orca 7B", 61.5, dataset="MATH", task="Math Word Problem Solving", metric_raw="Acc."),
    ]


def _read_back(block: str):
    return ModelCard(f"---\n{block}---\n").data


def test_a_model_index_block_per_model_reads_back_through_huggingface_hub():
    blocks = model_index_blocks(build_leaderboards(_records()))
    assert list(blocks) == ["Nimbus 2-13B", "Orca 7B"]
    nimbus = _read_back(blocks["Nimbus 2-13B"])
    assert nimbus.model_name == "Nimbus 2-13B"
    (result,) = nimbus.eval_results
    assert (result.task_type, result.task_name, result.dataset_type, result.dataset_name) == (
        "arithmetic-reasoning",
        "Arithmetic Reasoning",
        "gsm8k",
        "GSM8K",
    )
    assert (result.metric_type, result.metric_name, result.metric_value, result.metric_config) == (
        "accuracy",
        "Accuracy",
        70.0,
        "5-shot",
    )
    assert result.dataset_args == {"num_few_shot": 5}
    assert (result.source_name, result.source_url) == ("Paper A", "https://example.org/nimbus")
    (orca,) = _read_back(blocks["Orca 7B"]).eval_results
    assert (orca.dataset_name, orca.metric_name, orca.metric_value, orca.source_url) == (
        "MATH",
        "Acc.",
        61.5,
        None,
    )


def test_the_cli_writes_every_model_s_block_and_each_reads_back(tmp_path):
    page = tmp_path / "results.txt"
    page.write_text(TABLE, encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(page), "-o", str(out), "--workers", "0"]).exit_code == 0
    target = tmp_path / "model-index.yaml"
    result = runner.invoke(
        app, ["leaderboard", "--db", str(out / "results.db"), "-f", "model-index", "-o", str(target)]
    )
    assert result.exit_code == 0, result.stderr
    documents = target.read_text(encoding="utf-8").split("# ")[1:]
    cards = {}
    for doc in documents:
        name, block = doc.split("\n---\n", 1)
        cards[name] = _read_back(block)
    assert sorted(cards) == ["Nimbus 1", "Nimbus 2"]
    assert sorted((r.dataset_name, r.metric_value) for r in cards["Nimbus 2"].eval_results) == [
        ("GSM8K", 88.0),
        ("MMLU", 78.5),
    ]


def test_the_library_gives_rows_and_a_data_frame(tmp_path):
    page = tmp_path / "results.txt"
    page.write_text(TABLE, encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(page), "-o", str(out), "--workers", "0"]).exit_code == 0
    rows = extractor.leaderboard(out / "results.db")
    assert [(r["dataset"], r["metric"], r["rank"], r["model"], r["value"]) for r in rows] == [
        ("MMLU", "Average (%)", 1, "Nimbus 2", 78.5),
        ("MMLU", "Average (%)", 2, "Nimbus 1", 70.0),
        ("GSM8K", "Accuracy", 1, "Nimbus 2", 88.0),
        ("GSM8K", "Accuracy", 2, "Nimbus 1", 61.2),
    ]
    frame = rows.to_pandas()
    assert frame.shape[0] == 4 and list(frame.columns[:6]) == [
        "task",
        "parent_tasks",
        "dataset",
        "subdataset",
        "metric",
        "direction",
    ]
    assert frame["rank"].tolist() == [1, 2, 1, 2] and str(frame["rank"].dtype) == "Int64"
    assert frame.groupby("dataset")["value"].max().to_dict() == {"GSM8K": 88.0, "MMLU": 78.5}


def test_a_missing_store_is_the_store_error():
    from extractor.model.errors import StoreError

    with pytest.raises(StoreError, match="no results store"):
        extractor.leaderboard("/nonexistent/results.db")
