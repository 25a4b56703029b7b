"""Wide tables: models on one axis, benchmarks on the other, a record for every score cell between."""

from __future__ import annotations

import re

from extractor.model.document import Document, Table
from extractor.model.record import ResultRecord
from extractor.readers.roles import holds_score, section_rows_of
from extractor.records.axes import DESCRIPTOR, Layout, corner_metric
from extractor.records.caption import CaptionFacts
from extractor.records.cell_labels import (
    SETTING_PAIR,
    caption_metric,
    cell_labels,
    column_benchmark,
    column_parts,
    leading_benchmark,
    metric_words,
    pair_settings,
    part_named_as_benchmark,
    row_benchmark,
    subsets_above,
)
from extractor.records.cell_record import cell_record, spanned_below
from extractor.records.cells import cell_values
from extractor.records.label_index import index_labels
from extractor.records.notes import TableNotes, with_notes
from extractor.records.rows import OWN_VARIANT, mostly_own_variants, offset_rows
from extractor.vocab.labels import AVERAGE, split_label, split_variant_note
from extractor.vocab.names import Vocabulary, alias_key
from extractor.vocab.patterns import SIZE_CELL
from extractor.vocab.scores import is_missing, parse_rank
from extractor.vocab.settings import is_prompt_condition, split_trailing_parens

# A model label that is only a size ('7B', '8x22B MoE'): the family name was printed elsewhere.
_SIZE_ONLY = re.compile(rf"^{SIZE_CELL}\b[\w\s.]*$", re.I)
# A label that is only a prompting condition of the model above it ('No system prompt', 'w/ system prompt').
_BARE_CONDITION = re.compile(
    r"^(?:no|with|without|w/o?|default|empty|custom)\s+(?:system\s+)?prompt(?:s|ing)?$", re.I
)
# Column heads that stand for whichever model did best ('Other Best', 'Previous SOTA'): no model's name.
_PLACEHOLDER_MODEL = re.compile(
    r"^((other|previous|prior|best|top)\s+)?(best|sota|state[- ]of[- ]the[- ]art)"
    r"(\s+(model|result|system)s?)?$",
    re.I,
)


def _flags(layout: Layout, known: bool, model: str) -> list[str]:
    """Why a record may not be a result to rank. `known`: the dataset label names a benchmark of the
    vocabulary."""
    flags = ["orientation-guessed"] if layout.guessed else []
    if layout.doubtful and not known:
        # it may describe the models (sizes, tokenizer) rather than score them
        flags.append("maybe-not-results")
    if _SIZE_ONLY.match(model):
        flags.append("model-incomplete")  # a size whose family name was never printed in its row
    if is_prompt_condition(model):
        flags.append("model-is-setting")  # rows of prompting conditions of one model the caption names
    if _PLACEHOLDER_MODEL.match(model.strip()):
        flags.append("model-placeholder")  # 'Other Best': the model is only named in a citation or footnote
    return flags


def wide_records(
    doc: Document, table: Table, layout: Layout, aliases: Vocabulary, facts: CaptionFacts, notes: TableNotes
) -> list[ResultRecord]:
    out: list[ResultRecord] = []
    context = facts.parent or facts.benchmark
    columns, roles = layout.columns, layout.roles
    pairs = pair_settings(layout, table.n_cols)
    task: str | None = None
    section_metric = layout.corner_metric
    # an average column beside columns that are benchmarks of their own ('IN-1K | IN-A | avg.' under a caption
    # naming ImageNet) averages the table's own mix: no score of the caption's benchmark
    average, other = column_parts(layout, context, aliases) or (False, False)
    parts_of_context = context if average and not other else None
    mixed = average and other
    sections = section_rows_of(table)
    section_bench: str | None = None  # a section row naming a benchmark over the rows of its parts
    # the model row right above, for rows that are only its prompting conditions
    model_above: str | None = None
    bench_metric: str | None = None  # the metric a section row names after its benchmark
    own_variants = mostly_own_variants(layout, sections)
    offset = offset_rows(table, layout)
    index = index_labels(table, layout, aliases)
    grid = table.grid  # a derived property: read once, not for every row
    spanned = spanned_below(table)
    for i in range(layout.header_rows, table.n_rows):
        row = grid[i] + [""] * (table.n_cols - len(grid[i]))
        label, condition = layout.labels[i], None
        if layout.models_on == "rows" and label and i not in sections:
            if _BARE_CONDITION.match(label) and model_above:
                # 'No system prompt' under a model: that model, so prompted
                label, condition = model_above, label.casefold()
            else:
                model_above = None if is_prompt_condition(label) else label
        else:
            model_above = None  # only the row right above (or its other conditions) lends its model
        # the label columns with a role ('-' under 'Shots': none)
        extra = {roles[j]: row[j].strip() for j in roles if row[j].strip() and not is_missing(row[j])}
        if "setting" in extra and (scored := split_label(extra["setting"], aliases)).metric_raw:
            # 'single attempt (pass@1)': the setting, and the metric it was scored in
            extra["setting"], extra["metric"] = scored.name, extra.get("metric") or scored.metric_raw
        if not any(holds_score(c) for c in row[layout.label_cols :]) and (
            restated := corner_metric(label, aliases)
        ):
            # the header repeated inside the table with another metric ('Benchmark (Elo)')
            section_metric = restated
            continue
        if label and i in sections:
            # a category row such as 'Math' sets the task of the rows below; over model rows it is a section;
            # a section row that is a metric ('Accuracy (%)') is the metric of the rows below
            section_bench = bench_metric = None  # a benchmark section ends at the next section row
            if aliases.metric(label):
                section_metric, task = label, None
            else:
                section_bench = leading_benchmark(label, aliases) if layout.models_on == "columns" else None
                task = label if layout.models_on == "columns" and not section_bench else None
                if section_bench:
                    # 'BOLD sentiment score (avg ± std)': the words after the benchmark name its metric
                    bench_metric = metric_words(
                        split_trailing_parens(label[len(section_bench) :].strip())[0], aliases
                    )
            continue
        if layout.models_on == "columns" and DESCRIPTOR.search(label):
            continue  # '# Activated Params', 'Architecture': a description of the models, not a score
        lead = [0] if i in layout.lead_scores and layout.models_on == "columns" else []
        for j in [*lead, *range(layout.label_cols, table.n_cols)]:
            if not label or not columns[j] or (layout.models_on == "rows" and DESCRIPTOR.search(columns[j])):
                continue
            if (i, j) in spanned:
                continue
            column = SETTING_PAIR.sub("", columns[j]).strip() if j in pairs else columns[j]
            dataset, model, metric, benchmark = cell_labels(layout, i, label, column, context, aliases)
            if mixed and benchmark == context and AVERAGE.match(dataset):
                # the average of the table's mix: no benchmark's score (left unknown, flagged)
                benchmark = None
            dataset, row_variant = split_variant_note(dataset)
            parent = (
                facts.parent
                if facts.parent and alias_key(facts.parent) != alias_key(dataset) and not metric
                else None
            )
            row_bench = row_benchmark(layout, i, index.benchmark(dataset, aliases) is not None, aliases)
            if (
                section_bench
                and not row_bench
                and not part_named_as_benchmark(dataset, section_bench, aliases)
            ):
                row_bench = section_bench
            benchmark = benchmark or column_benchmark(layout, j, parts_of_context) or row_bench or parent
            above = subsets_above(layout, j, benchmark, facts)
            for parsed, dataset_raw, part in cell_values(
                layout.lead_scores[i] if j < layout.label_cols else row[j], dataset, column, aliases
            ):
                # under a benchmark, a part of it
                group = "" if benchmark and layout.models_on == "rows" else layout.groups[j]
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
                rec = cell_record(
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
                    or caption_metric(
                        facts, dataset_raw, model, index.benchmark(dataset_raw, aliases), aliases
                    ),
                    task_raw=task_raw or None,
                    setting_raw="; ".join(s for s in settings if s) or None,
                    global_rank=parse_rank(extra.get("rank") or ""),
                    flags=_flags(layout, index.benchmark(dataset_raw, aliases) is not None, model)
                    + (["in-house-benchmark"] if facts.in_house else [])
                    + (["label-offset"] if i in offset else []),
                    benchmark_raw=benchmark,
                    subset_raw="; ".join(s for s in (*above, part.subset) if s) or None,
                    variant_raw=row_variant or facts.variant,
                    cell_part=part.index,
                    # the paper's own variant, left out of leaderboards
                    model_role="ablation"
                    if facts.kind == "ablation" or own_variants or OWN_VARIANT.search(model)
                    else None,
                )
                out.append(with_notes(rec, notes, index, aliases))
    return out
