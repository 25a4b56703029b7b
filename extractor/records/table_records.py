"""A document's tables -> raw result records, one per score cell, labels kept as found (normalize/
canonicalises); a table that holds values but gives none says why in a warning."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from extractor.model.document import Document, DocumentWarning, Table, TextBlock
from extractor.model.options import TableOptions
from extractor.model.record import ResultRecord
from extractor.readers.roles import holds_score, is_marked, mark_cell_roles
from extractor.records.axes import long_roles, read_layout
from extractor.records.caption import ablation_tables, document_variant_forms, read_caption, table_number
from extractor.records.long_tables import long_records
from extractor.records.notes import lines_under, read_notes
from extractor.records.wide_tables import wide_records
from extractor.vocab.names import Vocabulary

T = TypeVar("T", Table, TextBlock)


def table_records(
    doc: Document,
    table: Table,
    aliases: Vocabulary,
    options: TableOptions,
    forms: dict[str, str] | None = None,
    ablation: bool = False,
    notes: list[str] | None = None,
) -> tuple[list[ResultRecord], list[DocumentWarning]]:
    """Records of one table, and warnings for a table that holds values but gives none. `forms` are the
    short forms the document gives its variants ('Base' -> 'PT'); `ablation`: the text introduces the
    table as an ablation; `notes`: footnote lines near the table, each beginning with its mark."""
    values = sum(1 for row in table.grid for c in row if holds_score(c))
    if values < options.min_value_cells or not table.grid:
        return [], []
    roles = long_roles(table.grid[0])
    if roles:
        return long_records(doc, table, roles), []
    facts = read_caption(table.caption, aliases)
    if facts.variant and forms and facts.variant in forms:
        facts = facts.model_copy(update={"variant": forms[facts.variant]})
    if ablation and facts.kind is None:
        facts = facts.model_copy(update={"kind": "ablation"})
    if facts.kind == "not-results":
        return [], [
            _warning(
                table, "not-results", "is captioned as configuration or statistics, not results; no records"
            )
        ]
    table = table if is_marked(table) else mark_cell_roles(table)  # a table made by hand, not by a reader
    layout = read_layout(table, aliases)
    if layout is None:
        return [], [_no_axis(table)]
    if layout.non_results:
        return [], [
            _warning(
                table, "not-results", "looks like a configuration or data table, not results; no records"
            )
        ]
    return wide_records(
        doc, table, layout, aliases, facts, read_notes(table.caption, notes or [], aliases)
    ), []


def _warning(table: Table, code: str, text: str) -> DocumentWarning:
    where = f" on page {table.page}" if table.page else ""
    return DocumentWarning(
        code=code, message=f"table {table.index}{where} {text}", page=table.page, table_index=table.index
    )


def _no_axis(table: Table) -> DocumentWarning:
    return _warning(
        table,
        "no-header",
        "has values but no header row or label column naming models and datasets; no records",
    )


def extract_records(
    doc: Document, aliases: Vocabulary, options: TableOptions
) -> tuple[list[ResultRecord], list[DocumentWarning]]:
    """The records of every table of the document, and a warning for each table that gives none though it
    holds values; the document is only read (its caller adds the warnings to what it returns)."""
    records: list[ResultRecord] = []
    warnings: list[DocumentWarning] = []
    forms = document_variant_forms([t.caption for t in doc.tables if t.caption])
    ablations = ablation_tables([b.text for b in doc.blocks if b.kind == "paragraph"])
    tables_on, blocks_on = _by_page(doc.tables), _by_page(doc.blocks)  # not a pass over all per table
    for table in doc.tables:
        notes = lines_under(table, tables_on.get(table.page, []), blocks_on.get(table.page, []))
        found, unread = table_records(
            doc, table, aliases, options, forms, table_number(table.caption) in ablations, notes
        )
        records += found
        warnings += unread
    return records, warnings


def _by_page(items: Sequence[T]) -> dict[int | None, list[T]]:
    out: dict[int | None, list[T]] = {}
    for item in items:
        out.setdefault(item.page, []).append(item)
    return out
