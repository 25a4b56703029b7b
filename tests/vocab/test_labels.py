"""The vocabulary read on labels: settings, a label's name, setting and metric, aliases, default metrics."""

import pytest

from extractor.vocab.labels import split_label
from extractor.vocab.names import load_vocabulary
from extractor.vocab.settings import merge_settings, parse_setting

ALIASES = load_vocabulary()


@pytest.mark.parametrize(
    "text, setting",
    [
        ("few-shot, k=5", "5-shot"),
        ("0-shot chain-of-thought", "0-shot CoT"),
        ("5-shot CoT", "5-shot CoT"),
        ("zero-shot", "0-shot"),
        ("maj@8", "maj@8"),
        ("few-shot", "few-shot"),
        ("Challenge", None),
        ("Acc.", None),
        ("EM", None),
    ],
)
def test_parse_setting(text, setting):
    assert parse_setting(text) == setting


def test_merge_settings_prefers_the_count():
    assert merge_settings("few-shot", "5-shot", None) == "5-shot"
    assert merge_settings("5-shot", "CoT") == "5-shot CoT"
    assert merge_settings(None, None) is None


@pytest.mark.parametrize(
    "label, name, setting, setting_raw, metric_raw",
    [
        ("Codex P@1 (0-shot)", "Codex P@1", "0-shot", "0-shot", None),
        ("GSM8k (0-shot CoT)", "GSM8k", "0-shot CoT", "0-shot CoT", None),
        ("ARC (Challenge)", "ARC (Challenge)", None, None, None),
        ("Nimbus 2 (few-shot, k=5)", "Nimbus 2", "5-shot", "few-shot, k=5", None),
        ("MMLU (Acc.)", "MMLU", None, None, "Acc."),
        ("MMLU (EM) (5-shot)", "MMLU", "5-shot", "5-shot", "EM"),
        ("TriviaQA 5-shot", "TriviaQA", "5-shot", "5-shot", None),
        ("Foo (bar) (5-shot)", "Foo (bar)", "5-shot", "5-shot", None),
    ],
)
def test_split_label(label, name, setting, setting_raw, metric_raw):
    parts = split_label(label, ALIASES)
    assert (parts.name, parts.setting, parts.setting_raw, parts.metric_raw) == (
        name,
        setting,
        setting_raw,
        metric_raw,
    )


@pytest.mark.parametrize(
    "written, canonical, implied_metric",
    [
        ("GSM8k", "GSM8K", None),
        ("GSM-8K", "GSM8K", None),
        ("ARC-Challenge", "ARC (Challenge)", None),
        ("arc_challenge", "ARC (Challenge)", None),
        ("Codex P@1", "HumanEval", "Pass@1"),
        ("HumanEval", "HumanEval", None),
    ],
)
def test_dataset_aliases(written, canonical, implied_metric):
    match = ALIASES.dataset(written)
    assert match is not None
    assert (match.entry.name, match.implied_metric) == (canonical, implied_metric)


def test_default_metrics():
    assert ALIASES.dataset("MMLU").entry.metric == "Average (%)"
    assert ALIASES.dataset("TriviaQA").entry.metric == "EM"
    assert ALIASES.metric("Acc.").name == "Accuracy"
    assert ALIASES.dataset("LogiQuest") is None


def test_a_name_whose_letters_are_a_word_is_matched_only_as_spelt():
    # 'MultiPL-E' without case and punctuation is 'multiple': a table's 'multiple attempts' row
    assert ALIASES.dataset("MultiPL-E").entry.name == ALIASES.dataset("MultiPLE").entry.name == "MultiPL-E"
    assert ALIASES.dataset("Multiple") is None and ALIASES.dataset("multiple") is None
    # the rest keep case and punctuation loose
    assert ALIASES.dataset("gsm8k").entry.name == "GSM8K"


def test_user_alias_file_merges_over_builtin(tmp_path):
    extra = tmp_path / "more.toml"
    extra.write_text(
        '[datasets]\n"LogiQuest" = { task = "Logical Reasoning", metric = "Accuracy", aliases = ["LQ"] }\n'
    )
    aliases = load_vocabulary(extra)
    assert aliases.dataset("LQ").entry.name == "LogiQuest"
    assert aliases.dataset("GSM8k").entry.name == "GSM8K"
