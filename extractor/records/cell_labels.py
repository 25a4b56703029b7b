"""The labels of a wide table's score cell: dataset, model, metric and the benchmark, subsets and
settings around them, from its row label, its column's headers, section rows and the caption."""

from __future__ import annotations

import re
from typing import NamedTuple

from extractor.records.axes import Layout
from extractor.records.caption import CaptionFacts
from extractor.vocab.labels import AVERAGE, split_label
from extractor.vocab.names import Vocabulary, alias_key
from extractor.vocab.settings import parse_setting

# Two settings under one header, one per column below it: 'MMLU 0-shot / 5-shot'.
SETTING_PAIR = re.compile(r"\b(\d+-shot(?: CoT)?)\s*/\s*(\d+-shot(?: CoT)?)\s*$", re.I)


def pair_settings(layout: Layout, width: int) -> dict[int, str]:
    """Columns under one header 'MMLU 0-shot / 5-shot' drawn as 'a | / | b': the first takes the first
    setting, the last the second."""
    out: dict[int, str] = {}
    j = layout.label_cols
    while j < width:
        k = j
        while k + 1 < width and layout.columns[k + 1] == layout.columns[j]:
            k += 1
        m = SETTING_PAIR.search(layout.columns[j])
        if m and k > j and parse_setting(m.group(1)) and parse_setting(m.group(2)):
            out[j], out[k] = m.group(1), m.group(2)
        j = k + 1
    return out


class _Labels(NamedTuple):
    dataset: str  # as printed
    model: str
    metric: str | None = None
    benchmark: str | None = None  # the benchmark the dataset label belongs to, when it is not one itself


def _labels(layout: Layout, label: str, column: str, context: str | None, aliases: Vocabulary) -> _Labels:
    """The labels of a cell. A dataset label that is only a metric or an average ('Elo', 'Avg.') of
    the one benchmark the caption names is that benchmark's score, in that metric; a language
    ('Arabic') is that benchmark's subset."""
    dataset, model = (label, column) if layout.models_on == "columns" else (column, label)
    if context and not aliases.dataset(dataset):
        if AVERAGE.match(dataset) or aliases.language(dataset):
            return _Labels(dataset, model, None, context)
        if aliases.metric(dataset) and not _named_apart(layout, context, aliases):
            return _Labels(dataset, model, dataset, context)
    return _Labels(dataset, model)


def _named_apart(layout: Layout, context: str, aliases: Vocabulary) -> bool:
    """Whether another dataset label of the table names the caption's benchmark itself ('MT Bench'
    beside 'ELO Rating', whose benchmark's name was lost above it): a label that is only a metric is
    then another benchmark's column, not the caption's."""
    entry = aliases.dataset(context)
    if entry is None:
        return False
    labels = layout.columns[layout.label_cols :] if layout.models_on == "rows" else layout.labels
    return any(
        (found := aliases.dataset(t)) is not None and found.entry.name == entry.entry.name
        for t in labels
        if t
    )


def caption_metric(
    facts: CaptionFacts, dataset: str, model: str, benchmark: str | None, aliases: Vocabulary
) -> str | None:
    """The caption's metric, unless a label names its own ('DROP (F1)') or the benchmark (the vocabulary's
    name of the dataset label) has a default of its own: 'accuracy (%)' in a caption over HumanEval and
    MMLU does not make HumanEval's pass@1 an accuracy."""
    if split_label(dataset, aliases).metric_raw or split_label(model, aliases).metric_raw:
        return None
    match = aliases.dataset(benchmark) if benchmark else None
    # 'pass@1 (%) on HumanEval and MBPP': a metric named beside the benchmark is its metric, unless it is the
    # loose 'accuracy' captions give every column
    stated = aliases.metric(facts.metric) if facts.metric else None
    named = (
        match is not None and match.entry.name in facts.named and not (stated and stated.name == "Accuracy")
    )
    return facts.metric if match is None or match.entry.metric is None or named else None


# A value column's head that names a split ('test-clean', 'dev', 'val2017').
_SPLIT_HEAD = re.compile(r"^(dev|test|val|valid|validation|eval|train)(?:[-_ ]?[\w-]+)?$", re.I)


def _is_split(column: str, benchmark: str, aliases: Vocabulary) -> bool:
    """A value column's head is a split of the benchmark beside the rows: one the vocabulary lists for it, or
    one written as splits are ('test-other'); settings ('Zero-shot') and sizes ('7B') are not."""
    entry = aliases.dataset(benchmark)
    return bool(entry and aliases.subset(entry.entry, column)) or bool(_SPLIT_HEAD.match(column))


def cell_labels(
    layout: Layout, i: int, label: str, column: str, context: str | None, aliases: Vocabulary
) -> _Labels:
    """(dataset, model, metric) of a row's cell. Beside a 'Datasets' label column the row's benchmark is
    that column's text for its group of rows, and the value column's header is the metric ('Performance
    (WER)')."""
    if layout.models_on == "rows" and layout.row_datasets and layout.row_datasets[i]:
        parts = split_label(column, aliases)
        metric = parts.metric_raw or (column if aliases.metric(column) else None)
        if (
            metric is None
            and "\n" not in layout.row_datasets[i]
            and _is_split(parts.name, layout.row_datasets[i], aliases)
        ):
            # 'test-clean | test-other' over the scores of a benchmark printed beside its models: its splits
            return _Labels(column, label, None, layout.row_datasets[i])
        return _Labels(layout.row_datasets[i], label, metric)
    return _labels(layout, label, column, context, aliases)


def column_parts(layout: Layout, context: str | None, aliases: Vocabulary) -> tuple[bool, bool] | None:
    """(an average column, a column naming a benchmark that is no part of the caption's) over the value
    columns of a models-on-rows table; None without a caption benchmark the vocabulary knows."""
    entry = aliases.dataset(context) if context else None
    if entry is None or layout.models_on != "rows":
        return None
    labels = []
    for j, column in enumerate(layout.columns):
        if j >= layout.label_cols and column and not layout.benchmarks[j]:
            group = layout.groups[j].split()
            words = column.split()
            own = " ".join(words[len(group) :]) if group and words[: len(group)] == group else column
            labels.append((own, split_label(own, aliases).name))
    return any(AVERAGE.match(n) for _, n in labels), any(
        (aliases.dataset(c) or aliases.dataset(n)) and not aliases.subset(entry.entry, n) for c, n in labels
    )


def columns_are_parts(layout: Layout, context: str | None, aliases: Vocabulary) -> bool:
    """Whether the value columns are parts of the one benchmark the caption names: one is their average
    ('Overall | Reasoning | Language'), and none names a benchmark of its own, unless the vocabulary lists
    it as a part of the caption's ('Math.' under AlignBench is its Mathematics category, not MATH)."""
    found = column_parts(layout, context, aliases)
    return bool(found) and found[0] and not found[1]


def column_benchmark(layout: Layout, j: int, parts_of_context: str | None) -> str | None:
    """The benchmark a value column is a part of: one its group header names, or the caption's."""
    if layout.models_on != "rows":
        return None
    return (layout.benchmarks[j] if j < len(layout.benchmarks) else "") or parts_of_context


def row_benchmark(layout: Layout, i: int, known: bool, aliases: Vocabulary) -> str | None:
    """A category column that names a benchmark beside labels that name none ('RULER' beside '32K | 128K'):
    the rows are its parts."""
    if layout.models_on != "columns" or i >= len(layout.row_groups):
        return None
    group = layout.row_groups[i]
    return group if group and aliases.dataset(group) and not known else None


def leading_benchmark(label: str, aliases: Vocabulary) -> str | None:
    """The benchmark a section row begins with ('BOLD sentiment score (avg ± std)' -> 'BOLD'), spelt as the
    vocabulary spells it: a category row 'Math' is no MATH."""
    words = label.split()
    return next(
        (
            name
            for k in range(min(4, len(words)), 0, -1)
            if aliases.spelt_as_named(name := " ".join(words[:k]))
        ),
        None,
    )


# Words that make a phrase a metric even when the vocabulary does not list it ('sentiment score').
_METRIC_NOUN = re.compile(r"\b(score|rate|accuracy|error|f1|bleu|rouge|exact match|perplexity)\b", re.I)


def metric_words(text: str, aliases: Vocabulary) -> str | None:
    """The words after a section's benchmark when they name a metric; 'and MATH' or '5-shot' do not."""
    if not text or parse_setting(text) or aliases.dataset(text):
        return None
    return text if aliases.metric(text) or _METRIC_NOUN.search(text) else None


def part_named_as_benchmark(label: str, section_bench: str, aliases: Vocabulary) -> bool:
    """Under a section naming a benchmark, a row is one of its parts unless it is another benchmark spelt as
    the vocabulary spells it: under 'BOLD', 'race' and 'Race' are BOLD's, 'RACE' would be RACE."""
    entry = aliases.dataset(section_bench)
    if entry is not None and aliases.subset(entry.entry, label):
        return False
    return aliases.spelt_as_named(label) or aliases.spelt_as_named(split_label(label, aliases).name)


def subsets_above(layout: Layout, j: int, benchmark: str | None, facts: CaptionFacts) -> list[str]:
    """Subsets between a column's benchmark and its label, top to bottom: the part the caption names
    ("the Nimbus benchmark's QA task"), a group header ('Reasoning'), a language ('French')."""
    language = layout.subsets[j] if layout.models_on == "rows" and j < len(layout.subsets) else ""
    if not benchmark:
        return [language] if language else []
    same = facts.parent and facts.part and alias_key(facts.parent) == alias_key(benchmark)
    group = layout.groups[j] if layout.models_on == "rows" else ""
    return [s for s in (facts.part if same else None, group, language) if s]
