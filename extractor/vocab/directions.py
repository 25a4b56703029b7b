"""Metric direction: is a higher or a lower value better? From data, never from code.

`extractor/vocab/data/metric_directions.toml`, the only place directions are given, names the
direction of canonical metrics (an alias takes its metric's) and keyword rules for the rest (error,
perplexity, latency, loss, WER ... are lower-is-better).
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field

from extractor.vocab.names import DATA_DIR, Vocabulary, alias_key, load_vocabulary

DATA = DATA_DIR / "metric_directions.toml"

Direction = Literal["higher", "lower"]


class Directions(BaseModel):
    metrics: dict[str, Direction] = Field(default_factory=dict)
    lower: list[str] = Field(default_factory=list)
    higher: list[str] = Field(default_factory=list)

    def model_post_init(self, _context: object) -> None:
        self._by_key = {alias_key(name): d for name, d in self.metrics.items()}
        self._rules = [(_keyword_rx(k), "lower") for k in self.lower] + [
            (_keyword_rx(k), "higher") for k in self.higher
        ]

    def of(self, metric: str | None, aliases: Vocabulary | None = None) -> Direction | None:
        """The metric's direction: its canonical name's entry, its own, then the keyword rules; None if
        unknown."""
        if not metric or not metric.strip():
            return None
        aliases = aliases or load_vocabulary()
        entry = aliases.metric(metric)
        for name in ([entry.name] if entry else []) + [metric]:
            if (d := self._by_key.get(alias_key(name))) is not None:
                return d
        text = metric.casefold()
        for rx, direction in self._rules:
            if rx.search(text):
                return direction  # type: ignore[return-value]
        return None


def _keyword_rx(keyword: str) -> re.Pattern[str]:
    # Whole words, except that a keyword ending in a symbol ('pass@') is a word start.
    tail = r"(?![a-z0-9])" if keyword[-1].isalnum() else ""
    return re.compile(r"(?<![a-z0-9])" + re.escape(keyword.casefold()) + tail)


@lru_cache(maxsize=1)
def load_directions() -> Directions:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    keywords = data.get("keywords", {})
    return Directions(
        metrics=data.get("metrics", {}), lower=keywords.get("lower", []), higher=keywords.get("higher", [])
    )


def metric_direction(metric: str | None, aliases: Vocabulary | None = None) -> Direction | None:
    return load_directions().of(metric, aliases)
