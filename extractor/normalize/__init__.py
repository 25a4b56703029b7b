"""Raw records -> canonical task, dataset, metric, model and setting names (the raw labels are kept)."""

from __future__ import annotations

import re

from extractor.model.document import Document
from extractor.model.errors import AliasFileError
from extractor.model.options import NormalizeOptions
from extractor.model.record import ResultRecord
from extractor.normalize.compose import compose_dataset, compose_model
from extractor.normalize.identity import model_role, own_names, strip_ours
from extractor.normalize.model_names import complete_model_names
from extractor.vocab.directions import metric_direction
from extractor.vocab.labels import (
    clean_label,
    printed_direction,
    split_label,
    without_direction,
    without_marks,
)
from extractor.vocab.names import Vocabulary, VocabularyError, load_vocabulary
from extractor.vocab.settings import (
    merge_settings,
    parse_setting,
    split_reasoning_level,
    split_trailing_parens,
)

__all__ = ["load_vocabulary", "normalize_records", "aliases_for"]


def aliases_for(options: NormalizeOptions) -> Vocabulary:
    """The vocabulary with the user's alias file merged in; a file that cannot be used fails the input
    with its reason (AliasFileError), not as an internal error."""
    try:
        return load_vocabulary(options.aliases)
    except VocabularyError as e:
        raise AliasFileError(str(e)) from None


def _setting(raw: str | None) -> str | None:
    """Each '; '-separated part in canonical form; a part that is already canonical (a header row's
    '32k budget' or 'high') is kept as it is."""
    parts = [p.strip() for p in (raw or "").split(";") if p.strip()]
    return merge_settings(*(parse_setting(p) or (p if p == p.casefold() else None) for p in parts))


def _without_maker(name: str, aliases: Vocabulary) -> str:
    """'Nimbus-3B-Omni (Acme Labs)' -> 'Nimbus-3B-Omni': the lab in brackets made the model; it is no part
    of its name."""
    base, groups = split_trailing_parens(name)
    if groups and base and aliases.is_organisation(groups[-1]):
        return " ".join([base, *(f"({g})" for g in groups[:-1])])
    return name


def normalize_record(
    rec: ResultRecord, aliases: Vocabulary, model_names: dict[str, str], own: list[list[str]] | None = None
) -> ResultRecord:
    ds = split_label(rec.dataset_raw, aliases)
    md = split_label(strip_ours(rec.model_raw) or rec.model_raw, aliases)
    name, level = split_reasoning_level(_without_maker(without_marks(md.name), aliases))
    md = md.model_copy(update={"name": name, "setting": merge_settings(md.setting, level)})
    own_match = aliases.dataset(rec.dataset_raw) or aliases.dataset(ds.name)
    dataset, match = compose_dataset(ds, rec.benchmark_raw, rec.subset_raw, aliases, own_match)
    metric_raw = rec.metric_raw or ds.metric_raw or md.metric_raw
    metric_entry = aliases.metric(metric_raw) if metric_raw else None
    if metric_raw:
        metric = metric_entry.name if metric_entry else clean_label(without_direction(metric_raw))
    else:
        metric = (match.implied_metric or match.entry.metric) if match else None
        if metric and metric.startswith("Pass@") and re.search(r"\b(maj|cons)@\d", rec.setting_raw or ""):
            metric = None  # a majority vote over 64 samples is no pass@1: the default does not hold
    # One task per benchmark: the data's task for a benchmark it knows, whatever category a table
    # prints beside it ('Code' over AIME); a table's category only for benchmarks the data does not know.
    task = (match.entry.task if match else None) or (aliases.task(rec.task_raw) if rec.task_raw else None)
    task = task or (clean_label(rec.task_raw) if rec.task_raw else None)
    model = compose_model(
        aliases.model(md.name) or model_names.get(md.name, md.name), rec.variant_raw, aliases
    )
    flags = rec.flags if match else [*rec.flags, "unknown-dataset"]
    if _direction_conflict(metric, metric_raw, rec, aliases):
        flags = [*flags, "direction-conflict"]
    setting_raw = "; ".join(s for s in (ds.setting_raw, md.setting_raw, rec.setting_raw) if s) or None
    return rec.model_copy(
        update={
            "dataset": dataset,
            "model": model,
            "metric": metric,
            "metric_raw": metric_raw,
            "task": task,
            "model_role": "ablation"
            if rec.model_role == "ablation"
            else model_role(model, rec.model_raw, own or []),
            "setting": merge_settings(ds.setting, md.setting, _setting(rec.setting_raw)),
            "setting_raw": setting_raw,
            "flags": flags,
        }
    )


def _direction_conflict(
    metric: str | None, metric_raw: str | None, rec: ResultRecord, aliases: Vocabulary
) -> bool:
    """The table's arrow ('Accuracy ↓', or one on the benchmark's label when the metric is implied)
    says the other way is better than the metric's known direction: the metric read, the arrow or the
    numbers are not what they seem, and a leaderboard would rank them backwards."""
    printed = printed_direction(metric_raw) or printed_direction(rec.dataset_raw)
    known = metric_direction(metric, aliases) if metric else None
    return printed is not None and known is not None and printed != known


def normalize_records(records: list[ResultRecord], doc: Document, aliases: Vocabulary) -> list[ResultRecord]:
    model_labels = {split_label(strip_ours(r.model_raw) or r.model_raw, aliases).name for r in records}
    model_names = complete_model_names(model_labels, doc.text)
    own = own_names(doc.title)
    return flag_conflicts([normalize_record(r, aliases, model_names, own) for r in records])


def flag_conflicts(records: list[ResultRecord]) -> list[ResultRecord]:
    """Records a leaderboard would take that give one (dataset, model, metric, setting) two values in one
    document are flagged `conflicting-values`: some label that tells them apart (a variant, a protocol,
    a test set) was never read, and which value is the score is a guess."""
    values: dict[tuple, set[float]] = {}
    for r in records:
        if not r.flags and r.model_role != "ablation":
            values.setdefault((r.dataset, r.model, r.metric, r.setting), set()).add(r.value)
    clash = {key for key, seen in values.items() if len(seen) > 1}
    return [
        r.model_copy(update={"flags": [*r.flags, "conflicting-values"]})
        if not r.flags and r.model_role != "ablation" and (r.dataset, r.model, r.metric, r.setting) in clash
        else r
        for r in records
    ]
