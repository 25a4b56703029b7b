"""Split a table label into a name, a setting and a metric: 'MMLU (Acc.) (5-shot)' -> MMLU, 5-shot, Acc."""

from __future__ import annotations

import re

from pydantic import BaseModel

from extractor.vocab.names import Vocabulary
from extractor.vocab.settings import parse_setting, split_trailing_parens, split_trailing_setting


class LabelParts(BaseModel):
    name: str
    setting: str | None = None
    setting_raw: str | None = None
    metric_raw: str | None = None


def clean_label(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def split_label(label: str, aliases: Vocabulary) -> LabelParts:
    """Peel trailing '(...)' groups that are settings or metrics; a group that is neither stays in the name."""
    label = clean_label(label)
    if aliases.dataset(label) or aliases.model(label):
        return LabelParts(name=label)
    base, groups = split_trailing_parens(label)
    settings: list[str] = []
    raw: list[str] = []
    metric: str | None = None
    while groups:
        inner = groups[-1]
        setting = parse_setting(inner)
        if setting:
            settings.insert(0, setting)
            raw.insert(0, inner)
        elif metric is None and aliases.metric(inner):
            metric = inner
        else:
            break
        groups.pop()
    name = " ".join([base, *(f"({g})" for g in groups)]).strip()
    name, trailing = split_trailing_setting(name)
    if trailing:
        settings.insert(0, trailing)
        raw.insert(0, label[len(name):].strip().split("(")[0].strip())
    return LabelParts(
        name=name or label,
        setting=" ".join(settings) or None,
        setting_raw="; ".join(raw) or None,
        metric_raw=metric,
    )
