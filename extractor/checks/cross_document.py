"""Conflicts across reports (`extractor validate`, warning `cross-document-conflict`): one model,
benchmark, metric class and setting reported with different values by different documents, such
as a model's own report and a competitor's re-evaluation. Neither value is wrong on its face, but a
leaderboard shows only one of them (the better), so a curator should know there were two.

Only records a leaderboard would take count (no flag, no ablation variant); a model is its identity
(vocab.model_identity: 'LLaMA 2-13B' is 'LLAMA 2 13B'), a metric its class on the benchmark
(vocab.metric_classes: EM and accuracy on GSM8K are one). Values within CONFLICT_TOLERANCE are one
value (a score printed 71.3 in one report and 71.30 in another).
"""

from __future__ import annotations

from collections import defaultdict

from extractor.model.issues import Issue, RecordData, RecordRef
from extractor.model.record import RECORD_FLAGS
from extractor.vocab.metric_classes import board_metric
from extractor.vocab.model_identity import model_key
from extractor.vocab.names import Vocabulary

CONFLICT_TOLERANCE = 1e-6
_DOUBTS = frozenset(RECORD_FLAGS)


def leaderboard_takes(data: dict) -> bool:
    """No flag and not an ablation variant: what `extractor leaderboard` ranks."""
    flags = data.get("flags") or []
    return not _DOUBTS.intersection(flags) and data.get("model_role") != "ablation"


def _key(data: dict, vocab: Vocabulary) -> tuple | None:
    dataset, model, metric, value = (data.get(k) for k in ("dataset", "model", "metric", "value"))
    if not (isinstance(dataset, str) and isinstance(model, str) and isinstance(value, int | float)):
        return None
    metric = board_metric(metric, dataset, vocab) if isinstance(metric, str) and metric else None
    return (model_key(model), dataset, metric, data.get("setting"))


def _where(data: dict) -> str:
    page = f"page {data['page']}, " if data.get("page") is not None else ""
    # table_index, the record's field, counts from 0: not the number a caption prints
    return f"{data.get('value'):g} in {data.get('doc_id')} ({page}table_index {data.get('table_index')})"


def cross_document_conflicts(records: list[RecordData], others: list[dict], vocab: Vocabulary) -> list[Issue]:
    """One warning per (model, benchmark, metric class, setting) that documents give different values,
    on the first of its records in `records` (the folder's), listing every document's values.
    `others` are the records to compare with as well (the results store's), the folder's among them
    or not."""
    seen: dict[tuple, dict[tuple, dict]] = defaultdict(dict)  # key -> (doc, value) -> record
    first: dict[tuple, RecordRef] = {}
    for data in [d for d, _ in records] + others:
        key = _key(data, vocab) if leaderboard_takes(data) else None
        if key is not None:
            seen[key].setdefault((data.get("doc_id"), round(float(data["value"]) / CONFLICT_TOLERANCE)), data)
    for data, ref in records:
        key = _key(data, vocab) if leaderboard_takes(data) else None
        if key is not None:
            first.setdefault(key, ref)
    issues = []
    for key, ref in first.items():
        found = list(seen[key].values())
        docs = {d.get("doc_id") for d in found}
        values = {round(float(d["value"]) / CONFLICT_TOLERANCE) for d in found}
        if len(docs) > 1 and len(values) > 1:
            model, dataset, metric, setting = key
            what = f"{ref.model or model} on {dataset}" + (f" ({metric})" if metric else "")
            what += f", {setting}" if setting else ""
            reason = f"{what}: {len(values)} values from {len(docs)} documents: " + "; ".join(
                _where(d) for d in found
            )
            issues.append(
                Issue(
                    severity="warning",
                    code="cross-document-conflict",
                    reason=reason,
                    file=ref.file,
                    record=ref,
                )
            )
    return issues
