"""A table grid -> raw result records: one per score cell, labels kept as found (normalize/ canonicalises)."""

from __future__ import annotations

import re
from typing import NamedTuple

from extractor.model.document import Document, DocumentWarning, Table
from extractor.model.options import TableOptions
from extractor.model.record import ResultRecord
from extractor.readers.roles import holds_score, is_marked, mark_cell_roles, section_rows_of
from extractor.records.axes import DESCRIPTOR, Layout, Role, corner_metric, long_roles, read_layout
from extractor.records.caption import (
    CaptionFacts,
    ablation_tables,
    document_variant_forms,
    read_caption,
    table_number,
)
from extractor.records.cells import cell_values
from extractor.records.label_index import index_labels
from extractor.records.notes import TableNotes, apply_notes, lines_under, read_notes
from extractor.records.rows import OWN_VARIANT, mostly_own_variants, offset_rows
from extractor.vocab.labels import AVERAGE, split_label, split_variant_note
from extractor.vocab.names import Vocabulary, alias_key
from extractor.vocab.scores import ParsedValue, is_missing, parse_rank, parse_value
from extractor.vocab.settings import is_prompt_condition, parse_setting, split_trailing_parens

_SETTING_PAIR = re.compile(r"\b(\d+-shot(?: CoT)?)\s*/\s*(\d+-shot(?: CoT)?)\s*$", re.I)
_SIZE_ONLY = re.compile(r"^(?:\d+x)?\d+(?:\.\d+)?\s?[BMKT]\b[\w\s.]*$", re.I)
_PERCENT = re.compile(r"[(\[]\s*%\s*[)\]]|\bin\s+%|\bpercent(age)?s?\b", re.I)


def _implied_unit(table: Table, i: int, j: int) -> str | None:
    """A bare '52.4' under 'Accuracy (%)' in the caption, its column header or its row label is a percentage."""
    texts = [table.caption or "", table.grid[i][0] if table.grid[i] else ""]
    texts += [table.grid[h][j] for h in range(min(i, 3)) if j < len(table.grid[h])]
    return "%" if any(_PERCENT.search(t) for t in texts) else None


def _record(
    doc: Document, table: Table, i: int, j: int, parsed: ParsedValue, **labels: str | None
) -> ResultRecord:
    bold = any(c.bold for c in table.cells if c.row == i and c.col == j)
    setting_raw = labels.pop("setting_raw", None)
    if parsed.note and parse_setting(parsed.note):
        setting_raw = "; ".join(s for s in (setting_raw, parsed.note) if s)
    dataset_raw, model_raw = labels["dataset_raw"], labels["model_raw"]
    return ResultRecord(
        doc_id=doc.doc_id,
        source=doc.source,
        dataset=dataset_raw,
        model=model_raw,
        value=parsed.value,
        unit=parsed.unit or _implied_unit(table, i, j),
        spread=parsed.spread,
        markers=parsed.markers,
        value_raw=table.grid[i][j].strip(),
        page=table.page,
        table_index=table.index,
        row=i,
        col=j,
        bold=bold,
        setting_raw=setting_raw,
        **labels,
    )


def _long_records(doc: Document, table: Table, roles: dict[int, Role]) -> list[ResultRecord]:
    col = {role: j for j, role in sorted(roles.items(), reverse=True)}
    out = []
    for i, row in enumerate(table.grid[1:], start=1):
        get = lambda role: row[col[role]].strip() if role in col and col[role] < len(row) else None  # noqa: E731
        parsed = parse_value(get("value") or "")
        if parsed is None or not get("dataset") or not get("model"):
            continue
        rank = parse_rank(get("rank") or "")
        out.append(
            _record(
                doc,
                table,
                i,
                col["value"],
                parsed,
                dataset_raw=get("dataset"),
                model_raw=get("model"),
                metric_raw=get("metric") or None,
                task_raw=get("task") or None,
                setting_raw=get("setting") or None,
            ).model_copy(update={"global_rank": rank})
        )
    return out


def _pair_settings(layout: Layout, width: int) -> dict[int, str]:
    """Columns under one header 'MMLU 0-shot / 5-shot' drawn as 'a | / | b': the first takes the first setting, the last the second."""
    out: dict[int, str] = {}
    j = layout.label_cols
    while j < width:
        k = j
        while k + 1 < width and layout.columns[k + 1] == layout.columns[j]:
            k += 1
        m = _SETTING_PAIR.search(layout.columns[j])
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
        if aliases.metric(dataset):
            return _Labels(dataset, model, dataset, context)
    return _Labels(dataset, model)


def _flags(layout: Layout, known: bool, model: str) -> list[str]:
    """`known`: the dataset label names a benchmark of the vocabulary."""
    flags = ["orientation-guessed"] if layout.guessed else []
    if layout.doubtful and not known:
        flags.append(
            "maybe-not-results"
        )  # it may describe the models (sizes, tokenizer) rather than score them
    if _SIZE_ONLY.match(model):
        flags.append("model-incomplete")  # a size whose family name was never printed in its row
    if is_prompt_condition(model):
        flags.append("model-is-setting")  # rows of prompting conditions of one model the caption names
    if _PLACEHOLDER_MODEL.match(model.strip()):
        flags.append("model-placeholder")  # 'Other Best': the model is only named in a citation or footnote
    return flags


def _caption_metric(
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
# A label that is only a prompting condition of the model above it ('No system prompt', 'w/ system prompt').
_BARE_CONDITION = re.compile(
    r"^(?:no|with|without|w/o?|default|empty|custom)\s+(?:system\s+)?prompt(?:s|ing)?$", re.I
)


def _is_split(column: str, benchmark: str, aliases: Vocabulary) -> bool:
    """A value column's head is a split of the benchmark beside the rows: one the vocabulary lists for it, or
    one written as splits are ('test-other'); settings ('Zero-shot') and sizes ('7B') are not."""
    entry = aliases.dataset(benchmark)
    return bool(entry and aliases.subset(entry.entry, column)) or bool(_SPLIT_HEAD.match(column))


# Column heads that stand for whichever model did best ('Other Best', 'Previous SOTA'): no model's name.
_PLACEHOLDER_MODEL = re.compile(
    r"^((other|previous|prior|best|top)\s+)?(best|sota|state[- ]of[- ]the[- ]art)(\s+(model|result|system)s?)?$",
    re.I,
)


def _cell_labels(
    layout: Layout, i: int, label: str, column: str, context: str | None, aliases: Vocabulary
) -> _Labels:
    """(dataset, model, metric) of a row's cell. Beside a 'Datasets' label column the row's benchmark is
    that column's text for its group of rows, and the value column's header is the metric ('Performance (WER)')."""
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


def _column_parts(layout: Layout, context: str | None, aliases: Vocabulary) -> tuple[bool, bool] | None:
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
    found = _column_parts(layout, context, aliases)
    return bool(found) and found[0] and not found[1]


def column_benchmark(layout: Layout, j: int, parts_of_context: str | None) -> str | None:
    """The benchmark a value column is a part of: one its group header names, or the caption's."""
    if layout.models_on != "rows":
        return None
    return (layout.benchmarks[j] if j < len(layout.benchmarks) else "") or parts_of_context


def _row_benchmark(layout: Layout, i: int, known: bool, aliases: Vocabulary) -> str | None:
    """A category column that names a benchmark beside labels that name none ('RULER' beside '32K | 128K'):
    the rows are its parts."""
    if layout.models_on != "columns" or i >= len(layout.row_groups):
        return None
    group = layout.row_groups[i]
    return group if group and aliases.dataset(group) and not known else None


def _leading_benchmark(label: str, aliases: Vocabulary) -> str | None:
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


def _metric_words(text: str, aliases: Vocabulary) -> str | None:
    """The words after a section's benchmark when they name a metric; 'and MATH' or '5-shot' do not."""
    if not text or parse_setting(text) or aliases.dataset(text):
        return None
    return text if aliases.metric(text) or _METRIC_NOUN.search(text) else None


def _part_named_as_benchmark(label: str, section_bench: str, aliases: Vocabulary) -> bool:
    """Under a section naming a benchmark, a row is one of its parts unless it is another benchmark spelt as
    the vocabulary spells it: under 'BOLD', 'race' and 'Race' are BOLD's, 'RACE' would be RACE."""
    entry = aliases.dataset(section_bench)
    if entry is not None and aliases.subset(entry.entry, label):
        return False
    return aliases.spelt_as_named(label) or aliases.spelt_as_named(split_label(label, aliases).name)


def _subsets_above(layout: Layout, j: int, benchmark: str | None, facts: CaptionFacts) -> list[str]:
    """Subsets between a column's benchmark and its label, top to bottom: the part the caption names
    ("the Nimbus benchmark's QA task"), a group header ('Reasoning'), a language ('French')."""
    language = layout.subsets[j] if layout.models_on == "rows" and j < len(layout.subsets) else ""
    if not benchmark:
        return [language] if language else []
    same = facts.parent and facts.part and alias_key(facts.parent) == alias_key(benchmark)
    group = layout.groups[j] if layout.models_on == "rows" else ""
    return [s for s in (facts.part if same else None, group, language) if s]


def _wide_records(
    doc: Document, table: Table, layout: Layout, aliases: Vocabulary, facts: CaptionFacts, notes: TableNotes
) -> list[ResultRecord]:
    out: list[ResultRecord] = []
    context = facts.parent or facts.benchmark
    columns, roles = layout.columns, layout.roles
    pairs = _pair_settings(layout, table.n_cols)
    task: str | None = None
    section_metric = layout.corner_metric
    # an average column beside columns that are benchmarks of their own ('IN-1K | IN-A | avg.' under a caption
    # naming ImageNet) averages the table's own mix: no score of the caption's benchmark
    average, other = _column_parts(layout, context, aliases) or (False, False)
    parts_of_context = context if average and not other else None
    mixed = average and other
    sections = section_rows_of(table)
    section_bench: str | None = None  # a section row naming a benchmark over the rows of its parts
    model_above: str | None = (
        None  # the model row right above, for rows that are only its prompting conditions
    )
    bench_metric: str | None = None  # the metric a section row names after its benchmark
    own_variants = mostly_own_variants(layout, sections)
    offset = offset_rows(table, layout)
    index = index_labels(table, layout, aliases)
    for i in range(layout.header_rows, table.n_rows):
        row = table.grid[i] + [""] * (table.n_cols - len(table.grid[i]))
        label, condition = layout.labels[i], None
        if layout.models_on == "rows" and label and i not in sections:
            if _BARE_CONDITION.match(label) and model_above:
                label, condition = (
                    model_above,
                    label.casefold(),
                )  # 'No system prompt' under a model: that model, so prompted
            else:
                model_above = None if is_prompt_condition(label) else label
        else:
            model_above = None  # only the row right above (or its other conditions) lends its model
        extra = {
            roles[j]: row[j].strip() for j in roles if row[j].strip() and not is_missing(row[j])
        }  # '-' under 'Shots': none
        if "setting" in extra and (scored := split_label(extra["setting"], aliases)).metric_raw:
            # 'single attempt (pass@1)': the setting, and the metric it was scored in
            extra["setting"], extra["metric"] = scored.name, extra.get("metric") or scored.metric_raw
        if not any(holds_score(c) for c in row[layout.label_cols :]) and (
            restated := corner_metric(label, aliases)
        ):
            section_metric = (
                restated  # the header repeated inside the table with another metric ('Benchmark (Elo)')
            )
            continue
        if label and i in sections:
            # a category row such as 'Math' sets the task of the rows below; over model rows it is a section;
            # a section row that is a metric ('Accuracy (%)') is the metric of the rows below
            section_bench = bench_metric = None  # a benchmark section ends at the next section row
            if aliases.metric(label):
                section_metric, task = label, None
            else:
                section_bench = _leading_benchmark(label, aliases) if layout.models_on == "columns" else None
                task = label if layout.models_on == "columns" and not section_bench else None
                if (
                    section_bench
                ):  # 'BOLD sentiment score (avg ± std)': the words after the benchmark name its metric
                    bench_metric = _metric_words(
                        split_trailing_parens(label[len(section_bench) :].strip())[0], aliases
                    )
            continue
        if layout.models_on == "columns" and DESCRIPTOR.search(label):
            continue  # '# Activated Params', 'Architecture': a description of the models, not a score
        lead = [0] if i in layout.lead_scores and layout.models_on == "columns" else []
        for j in [*lead, *range(layout.label_cols, table.n_cols)]:
            if not label or not columns[j] or (layout.models_on == "rows" and DESCRIPTOR.search(columns[j])):
                continue
            column = _SETTING_PAIR.sub("", columns[j]).strip() if j in pairs else columns[j]
            dataset, model, metric, benchmark = _cell_labels(layout, i, label, column, context, aliases)
            if mixed and benchmark == context and AVERAGE.match(dataset):
                benchmark = (
                    None  # the average of the table's mix: no benchmark's score (left unknown, flagged)
                )
            dataset, row_variant = split_variant_note(dataset)
            parent = (
                facts.parent
                if facts.parent and alias_key(facts.parent) != alias_key(dataset) and not metric
                else None
            )
            row_bench = _row_benchmark(layout, i, index.benchmark(dataset, aliases) is not None, aliases)
            if (
                section_bench
                and not row_bench
                and not _part_named_as_benchmark(dataset, section_bench, aliases)
            ):
                row_bench = section_bench
            benchmark = benchmark or column_benchmark(layout, j, parts_of_context) or row_bench or parent
            above = _subsets_above(layout, j, benchmark, facts)
            for parsed, dataset_raw, part in cell_values(
                layout.lead_scores[i] if j < layout.label_cols else row[j], dataset, column, aliases
            ):
                group = (
                    "" if benchmark and layout.models_on == "rows" else layout.groups[j]
                )  # under a benchmark, a part of it
                row_group = layout.row_groups[i] if layout.models_on == "columns" and not row_bench else ""
                task_raw = extra.get("task") or group or row_group or task
                settings = (
                    facts.setting,
                    layout.column_settings.get(j),
                    extra.get("setting"),
                    pairs.get(j),
                    part.setting,
                    condition,
                )
                rec = _record(
                    doc,
                    table,
                    i,
                    j,
                    parsed,
                    dataset_raw=dataset_raw,
                    model_raw=part.model or model,
                    metric_raw=extra.get("metric")
                    or metric
                    or layout.column_metrics.get(j)
                    or bench_metric
                    or section_metric
                    or _caption_metric(
                        facts, dataset_raw, model, index.benchmark(dataset_raw, aliases), aliases
                    ),
                    task_raw=task_raw or None,
                    setting_raw="; ".join(s for s in settings if s) or None,
                )
                rec.global_rank = parse_rank(extra.get("rank") or "")
                rec.flags = (
                    [*rec.flags, *_flags(layout, index.benchmark(dataset_raw, aliases) is not None, model)]
                    + (["in-house-benchmark"] if facts.in_house else [])
                    + (["label-offset"] if i in offset else [])
                )
                rec.benchmark_raw = benchmark
                rec.subset_raw = "; ".join(s for s in (*above, part.subset) if s) or None
                rec.variant_raw = row_variant or facts.variant
                rec.cell_part = part.index
                apply_notes(rec, notes, index, aliases)
                if facts.kind == "ablation" or own_variants or OWN_VARIANT.search(model):
                    rec.model_role = "ablation"  # the paper's own variant, left out of leaderboards
                out.append(rec)
    return out


def table_records(
    doc: Document,
    table: Table,
    aliases: Vocabulary,
    options: TableOptions,
    forms: dict[str, str] | None = None,
    ablation: bool = False,
    notes: list[str] | None = None,
) -> tuple[list[ResultRecord], list[DocumentWarning]]:
    """Records of one table, and warnings for a table that holds values but gives none. `forms` are the
    short forms the document gives its variants ('Base' -> 'PT'); `ablation`: the text introduces the
    table as an ablation; `notes`: footnote lines near the table, each beginning with its mark."""
    values = sum(1 for row in table.grid for c in row if holds_score(c))
    if values < options.min_value_cells or not table.grid:
        return [], []
    roles = long_roles(table.grid[0])
    if roles:
        return _long_records(doc, table, roles), []
    facts = read_caption(table.caption, aliases)
    if facts.variant and forms and facts.variant in forms:
        facts = facts.model_copy(update={"variant": forms[facts.variant]})
    if ablation and facts.kind is None:
        facts = facts.model_copy(update={"kind": "ablation"})
    if facts.kind == "not-results":
        return [], [
            _warning(
                table, "not-results", "is captioned as configuration or statistics, not results; no records"
            )
        ]
    table = table if is_marked(table) else mark_cell_roles(table)  # a table made by hand, not by a reader
    layout = read_layout(table, aliases)
    if layout is None:
        return [], [_no_axis(table)]
    if layout.non_results:
        return [], [
            _warning(
                table, "not-results", "looks like a configuration or data table, not results; no records"
            )
        ]
    return _wide_records(
        doc, table, layout, aliases, facts, read_notes(table.caption, notes or [], aliases)
    ), []


def _warning(table: Table, code: str, text: str) -> DocumentWarning:
    where = f" on page {table.page}" if table.page else ""
    return DocumentWarning(
        code=code, message=f"table {table.index}{where} {text}", page=table.page, table_index=table.index
    )


def _no_axis(table: Table) -> DocumentWarning:
    return _warning(
        table,
        "no-header",
        "has values but no header row or label column naming models and datasets; no records",
    )


def extract_records(doc: Document, aliases: Vocabulary, options: TableOptions) -> list[ResultRecord]:
    records: list[ResultRecord] = []
    forms = document_variant_forms([t.caption for t in doc.tables if t.caption])
    ablations = ablation_tables([b.text for b in doc.blocks if b.kind == "paragraph"])
    for table in doc.tables:
        notes = lines_under(table, doc.tables, doc.blocks)
        found, warnings = table_records(
            doc, table, aliases, options, forms, table_number(table.caption) in ablations, notes
        )
        records.extend(found)
        doc.warnings.extend(warnings)
    return records
