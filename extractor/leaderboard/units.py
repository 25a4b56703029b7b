"""One unit per board: a report that prints a share as a fraction ('0.168') is shown beside those
printing percentages ('16.8') as the percentage it is.

A table column is read as fractions when its metric is a share (a metric of a class in
vocab/data/metric_classes.toml: accuracy, EM, Pass@1 ...), it gives no unit, it has at least
MIN_FRACTIONS values, every one within 0..1 and printed with at least FRACTION_DECIMALS decimals
('0.168'; a lone '0.3' may be 0.3%, as base models score on AIME). Its values are then multiplied
by 100 on boards and in exports, with the unit '%'; the record keeps `value_raw` as printed, and the
row says `value_scale: 100`. Other metrics (a hallucination rate, F1) are left as printed.
"""

from __future__ import annotations

import re
from collections import defaultdict

from extractor.model.stored import StoredRecord
from extractor.vocab.metric_classes import is_share_metric

FRACTION_DECIMALS = 2
MIN_FRACTIONS = 2  # one value alone says nothing about how its column is printed
_FRACTION = re.compile(rf"(?<![\d.])[01]?\.\d{{{FRACTION_DECIMALS},}}(?![\d.])")

RecordKey = tuple


def record_key(rec: StoredRecord) -> RecordKey:
    return (rec.source, rec.table_index, rec.row, rec.col, rec.cell_part, rec.metric)


def fraction_columns(records: list[StoredRecord]) -> set[RecordKey]:
    """The records of table columns printed as fractions of a share metric."""
    columns: dict[tuple, list[StoredRecord]] = defaultdict(list)
    for rec in records:
        if rec.metric and is_share_metric(rec.metric):
            columns[(rec.source, rec.table_index, rec.col, rec.metric)].append(rec)
    found: set[RecordKey] = set()
    for recs in columns.values():
        if len(recs) >= MIN_FRACTIONS and all(
            r.unit is None and 0 <= r.value <= 1 and _FRACTION.search(r.value_raw) for r in recs
        ):
            found.update(record_key(r) for r in recs)
    return found


def as_percentages(records: list[StoredRecord]) -> tuple[list[StoredRecord], set[RecordKey]]:
    """The records with fraction-printed shares as percentages, and which ones were changed."""
    scaled = fraction_columns(records)
    return [
        r.model_copy(update={"value": round(r.value * 100, 10), "unit": "%"})
        if record_key(r) in scaled
        else r
        for r in records
    ], scaled
