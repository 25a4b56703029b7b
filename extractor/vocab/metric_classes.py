"""Metric classes: which metric names measure the same thing on one benchmark. From data
(`data/metric_classes.toml`, which says why for each class), never from code."""

from __future__ import annotations

import tomllib
from functools import lru_cache

from pydantic import BaseModel, Field

from extractor.vocab.names import DATA_DIR, Vocabulary, alias_key

DATA = DATA_DIR / "metric_classes.toml"


class MetricClass(BaseModel):
    name: str
    metrics: list[str] = Field(description="canonical metric names of the class")
    defaults: list[str] = Field(
        description="the class applies to benchmarks with one of these default metrics"
    )
    source: str

    def model_post_init(self, _context: object) -> None:
        self._metrics = {alias_key(m) for m in self.metrics}
        self._defaults = {alias_key(m) for m in self.defaults}

    def joins(self, metric: str, default: str) -> bool:
        return alias_key(default) in self._defaults and alias_key(metric) in self._metrics


@lru_cache(maxsize=1)
def load_metric_classes() -> tuple[MetricClass, ...]:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return tuple(MetricClass(name=name, **spec) for name, spec in data.get("classes", {}).items())


def benchmark_default_metric(dataset: str, vocab: Vocabulary) -> str | None:
    """The default metric of the benchmark `dataset` names ('MMLU (STEM)' is MMLU's subset)."""
    match = vocab.dataset(dataset) or (vocab.dataset(dataset.split(" (")[0]) if " (" in dataset else None)
    return match.entry.metric if match else None


def board_metric(metric: str, dataset: str, vocab: Vocabulary) -> str:
    """The metric a leaderboard of `dataset` ranks `metric` under: the benchmark's default metric when
    a class joins the two ('EM' on MMLU is ranked as 'Accuracy'), else `metric` itself."""
    default = benchmark_default_metric(dataset, vocab)
    if default is None or alias_key(default) == alias_key(metric):
        return default or metric
    return default if any(c.joins(metric, default) for c in load_metric_classes()) else metric


def is_share_metric(metric: str) -> bool:
    """A metric some class counts as a share answered right (accuracy, EM, Pass@1 ...)."""
    key = alias_key(metric)
    return any(key in c._metrics for c in load_metric_classes())
