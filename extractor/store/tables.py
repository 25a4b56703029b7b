"""The store's tables: documents (keyed by source), their records, and reviewers' decisions."""

from __future__ import annotations

import types
import typing

from sqlalchemy import (
    Boolean,
    Column,
    Double,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

from extractor.model.stored import StoredRecord

metadata = MetaData()
documents = Table(
    "documents",
    metadata,
    Column("source", Text, primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("doc_id", Text, nullable=False),
    Column("title", Text),
    Column("kind", String(16), nullable=False),
)


# Reviewers' decisions (model.review), keyed by the record's address in its content; kept when a
# document is stored again, so a decision survives a re-run of the unchanged document. cell_part is
# -1 for a cell of one number: key columns cannot be NULL.
reviews = Table(
    "reviews",
    metadata,
    Column("source", Text, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("table_index", Integer, nullable=False),
    Column("row", Integer, nullable=False),
    Column("col", Integer, nullable=False),
    Column("cell_part", Integer, nullable=False),
    Column("decision", String(16), nullable=False),
    Column("value", Double),
    Column("dataset", Text),
    Column("model", Text),
    Column("metric", Text),
    Column("setting", Text),
    Column("reviewer", Text, nullable=False),
    Column("reviewed_at", String(40), nullable=False),
    PrimaryKeyConstraint("source", "sha256", "table_index", "row", "col", "cell_part", name="reviews_pk"),
)

_TYPES = {float: Double, int: Integer, bool: Boolean}


def _column(name: str, annotation: object) -> Column:
    kinds = set(typing.get_args(annotation)) if isinstance(annotation, types.UnionType) else {annotation}
    kind = next((_TYPES[t] for t in (float, bool, int) if t in kinds), Text)
    return Column(name, kind, nullable=name not in {"source", "sha256", "position"})


results = Table(
    "results",
    metadata,
    *[_column(name, f.annotation) for name, f in StoredRecord.model_fields.items()],
    PrimaryKeyConstraint("source", "position", name="results_pk"),
)
Index("results_benchmark", results.c.dataset, results.c.metric)
