"""The per-table label index: every distinct label of a table (header cells, row labels, category and
section rows) classified once, from the vocabulary and where the label sits, not once per score cell.

`extractor explain` prints it (TableSemantics.labels); the records stage asks it which benchmark of the
vocabulary a dataset label names, so a label repeated down a column is looked up once.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from extractor.model.document import Table
from extractor.readers.roles import section_rows_of
from extractor.records.axes import DESCRIPTOR, Layout
from extractor.vocab.labels import AVERAGE, AVERAGE_OF, known_benchmark
from extractor.vocab.names import DatasetMatch, Vocabulary
from extractor.vocab.patterns import MODEL_SIZE
from extractor.vocab.settings import is_header_setting, parse_setting

LabelRole = Literal[
    "benchmark",
    "subset",
    "metric",
    "setting",
    "model",
    "size",
    "variant",
    "category",
    "descriptor",
    "aggregate",
    "unknown",
]
# where a label sits: over value columns, naming a row, as a section row, in a category column, in another
# label column
Position = Literal["column-header", "row-label", "section", "category-column", "label-column"]

_SIZE = re.compile(rf"^{MODEL_SIZE}$", re.I)


class LabelEntry(BaseModel):
    label: str  # as printed, whitespace collapsed
    role: LabelRole
    # the vocabulary's name for it in its role (benchmark, metric, language, task)
    canonical: str | None = None
    # the benchmark it names, by itself or once its setting and metric are split off, whatever its role
    benchmark: str | None = None
    positions: list[Position] = []


def classify_label(
    label: str,
    position: Position,
    vocab: Vocabulary,
    models_axis: bool = False,
    match: DatasetMatch | None = None,
) -> tuple[LabelRole, str | None]:
    """One label's role. In a category column it is a category; elsewhere the vocabulary decides, and a
    label it does not know takes the role of its axis: a model where the models are, else `unknown`.
    `match`: the label's benchmark, when the caller has looked it up already."""
    text = " ".join(label.split())
    if position == "category-column" and not AVERAGE.match(text):
        return "category", vocab.task(text)  # 'Math' beside its benchmarks is a category, not MATH
    if AVERAGE.match(text) or AVERAGE_OF.match(text):
        return "aggregate", None
    if (metric := vocab.metric(text)) and not vocab.dataset(text):
        return "metric", metric.name
    if parse_setting(text) or is_header_setting(text):
        return "setting", parse_setting(text) or text.casefold()
    match = match or known_benchmark(text, vocab)
    if match:
        return "benchmark", match.entry.name
    if language := vocab.language(text):
        return "subset", language
    if vocab.model(text):
        return "model", vocab.model(text)
    if _SIZE.match(text):
        return "size", None
    if vocab.is_variant(text):
        return "variant", None
    if DESCRIPTOR.search(text):
        return "descriptor", None
    if vocab.task(text) or position == "section":
        return "category", vocab.task(text)
    return ("model", None) if models_axis else ("unknown", None)


class LabelIndex(BaseModel):
    """The labels of one table, each once, in the order they are first met."""

    entries: dict[str, LabelEntry] = {}

    def add(
        self, label: str, position: Position, vocab: Vocabulary, models_axis: bool = False
    ) -> LabelEntry | None:
        text = " ".join(label.split())
        if not text:
            return None
        entry = self.entries.get(text)
        if entry is None:
            match = known_benchmark(text, vocab)
            role, canonical = classify_label(text, position, vocab, models_axis, match)
            entry = self.entries[text] = LabelEntry(
                label=text, role=role, canonical=canonical, benchmark=match.entry.name if match else None
            )
        if position not in entry.positions:
            entry.positions.append(position)
        return entry

    def benchmark(self, label: str, vocab: Vocabulary) -> str | None:
        """The vocabulary's benchmark a dataset label names; a label first met here (a part of a cell's
        label) joins the index."""
        entry = self.entries.get(" ".join(label.split())) or self.add(label, "row-label", vocab)
        return entry.benchmark if entry else None


def index_labels(table: Table, layout: Layout, vocab: Vocabulary) -> LabelIndex:
    """Every label of a wide table: the header cells over the value columns, the row labels, the
    section rows and the cells of label columns that are not the row's name (categories, sizes)."""
    index = LabelIndex()
    models_on_columns = layout.models_on == "columns"
    sections = section_rows_of(table)
    for i, row in enumerate(table.grid):
        for j, cell in enumerate(row):
            if i < layout.header_rows:
                if j >= layout.label_cols:
                    index.add(cell, "column-header", vocab, models_axis=models_on_columns)
            elif i in sections:
                index.add(layout.labels[i] if i < len(layout.labels) else cell, "section", vocab)
                break
            elif j in layout.roles or j < layout.label_cols and layout.kinds.get(j, "name") != "name":
                category = layout.kinds.get(j) == "group" or layout.roles.get(j) == "task"
                index.add(cell, "category-column" if category else "label-column", vocab)
    for i in range(layout.header_rows, min(table.n_rows, len(layout.labels))):
        if i not in sections:
            index.add(layout.labels[i], "row-label", vocab, models_axis=not models_on_columns)
    return index
