"""The shared vocabulary every stage reads; it imports nothing else of the package.

Benchmarks, metrics, tasks and model aliases (`names`, data in `data/`), the setting grammar
(`settings`), label splitting (`labels`), the one score-cell grammar (`scores`), metric directions
(`directions`, data in `data/metric_directions.toml`) and patterns shared across stages (`patterns`).
"""

from extractor.vocab.names import (
    DatasetEntry,
    DatasetMatch,
    MetricEntry,
    Vocabulary,
    alias_key,
    load_vocabulary,
)

__all__ = ["DatasetEntry", "DatasetMatch", "MetricEntry", "Vocabulary", "alias_key", "load_vocabulary"]
