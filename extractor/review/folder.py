"""What the review app shows: an output folder's documents (documents/<doc_id>.json, which hold the
tables beside the records) joined with the decisions in the results store.

The decision shown for a record is always the store's (store.reviews), matched by the record's
address in its content (RecordAddress: source, sha256 and cell), so a decision made on another
version of a document is not shown on this one. Documents are named by doc_id only in URLs, and a
doc_id is looked up among the files listed here: no path from a request ever reaches the disk.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from extractor.formats.documents import read_document
from extractor.model.document import Cell, Table
from extractor.model.record import ResultRecord
from extractor.model.report import DocumentResult
from extractor.model.review import Decision, RecordAddress, Review, apply_review
from extractor.store import Store

DOCUMENTS = "documents"
UNDECIDED = "none"  # the decision filter's value for records nobody has decided on
ANY_FLAG = "any"  # the flag filter's value for records with any flag


@dataclass(frozen=True)
class Filters:
    """The query parameters that narrow what is shown; names match case-insensitively, in part."""

    document: str = ""
    dataset: str = ""
    model: str = ""
    flag: str = ""
    decision: str = ""

    @classmethod
    def of(cls, params: dict[str, str]) -> Filters:
        return cls(**{name: params.get(name, "").strip() for name in cls.__dataclass_fields__})

    def query(self) -> dict[str, str]:
        """The filters as query parameters, the empty ones left out."""
        return {k: v for k, v in vars(self).items() if v}

    def keeps(self, view: RecordView) -> bool:
        rec = view.record
        if self.dataset and self.dataset.lower() not in rec.dataset.lower():
            return False
        if self.model and self.model.lower() not in rec.model.lower():
            return False
        if self.flag and not (rec.flags if self.flag == ANY_FLAG else self.flag in rec.flags):
            return False
        if self.decision:
            decided = view.review.decision.value if view.review else UNDECIDED
            if decided != self.decision:
                return False
        return True


@dataclass
class RecordView:
    """A record as reviewed (corrections applied), the record as extracted, and its decision."""

    key: str  # "table-row-col[-part]": the record's address within its document, for URLs and the page
    cell: str  # "table-row-col" of the cell the value was read from (its top-left slot)
    original: ResultRecord
    review: Review | None
    record: ResultRecord


@dataclass
class GridCell:
    """One <td> of a table's grid: a cell with its spans, or an empty slot."""

    text: str
    key: str
    rowspan: int = 1
    colspan: int = 1
    header: bool = False
    value: bool = False  # a record was read from it


@dataclass
class TableView:
    table: Table
    records: list[RecordView]
    grid: list[list[GridCell]] = field(default_factory=list)


def record_key(rec: ResultRecord) -> str:
    key = f"{rec.table_index}-{rec.row}-{rec.col}"
    return key if rec.cell_part is None else f"{key}-{rec.cell_part}"


def cell_key(table_index: int, cell: Cell) -> str:
    return f"{table_index}-{cell.row}-{cell.col}"


class ReviewFolder:
    """An output folder and its results store, read for the review pages."""

    def __init__(self, outdir: Path, store: Store):
        self.outdir = outdir
        self.store = store
        self._lock = threading.Lock()
        self._cache: dict[Path, tuple[tuple[int, int], DocumentResult]] = {}
        self.unreadable: dict[str, str] = {}  # file name -> why it cannot be read, for the index

    def documents(self) -> list[DocumentResult]:
        """The folder's documents, by doc_id; a file is read again only when it changed on disk, and one
        that cannot be read (a run writing it, a hand edit) is left out and said on the index."""
        found = []
        with self._lock:
            self.unreadable = {}
            for path in sorted((self.outdir / DOCUMENTS).glob("*.json")):
                try:
                    stat = path.stat()
                    stamp = (stat.st_mtime_ns, stat.st_size)
                    cached = self._cache.get(path)
                    if cached is None or cached[0] != stamp:
                        cached = (stamp, read_document(path))
                        self._cache[path] = cached
                except (OSError, ValidationError) as e:
                    self.unreadable[path.name] = str(e).splitlines()[0]
                    continue
                found.append(cached[1])
        return found

    def document(self, doc_id: str) -> DocumentResult | None:
        return next((d for d in self.documents() if d.doc_id == doc_id), None)

    def decisions(self, source: str | None = None) -> dict[RecordAddress, Review]:
        """The stored decisions (of one source), by address; a later one replaces an earlier one."""
        return {r.address: r for r in self.store.reviews(source)}

    def record_views(self, doc: DocumentResult, decisions: dict[RecordAddress, Review]) -> list[RecordView]:
        cells = {t.index: _covering(t) for t in doc.tables}
        views = []
        for rec in doc.records:
            review = decisions.get(RecordAddress.of(rec, doc.sha256))
            row, col = cells.get(rec.table_index, {}).get((rec.row, rec.col), (rec.row, rec.col))
            views.append(
                RecordView(
                    key=record_key(rec),
                    cell=f"{rec.table_index}-{row}-{col}",
                    original=rec,
                    review=review,
                    record=apply_review(rec, review),
                )
            )
        return views

    def table_views(self, doc: DocumentResult, filters: Filters) -> list[TableView]:
        """The document's tables that have records the filters keep, each with those records, flagged
        ones first (the doubts a reviewer is there for), then in reading order."""
        views = [v for v in self.record_views(doc, self.decisions(doc.source)) if filters.keeps(v)]
        out = []
        for table in doc.tables:
            mine = [v for v in views if v.original.table_index == table.index]
            if not mine:
                continue
            mine.sort(key=lambda v: not v.record.flags)  # stable: reading order within each group
            out.append(TableView(table, mine, _grid(table, {v.cell for v in mine})))
        return out


def progress(views: list[RecordView]) -> tuple[int, int]:
    """(records decided, records)."""
    return sum(v.review is not None for v in views), len(views)


def is_decision(text: str) -> bool:
    return text in {d.value for d in Decision}


def _covering(table: Table) -> dict[tuple[int, int], tuple[int, int]]:
    """Grid slot -> the top-left slot of the cell covering it."""
    slots = {}
    for c in table.cells:
        for r in range(c.row, c.row + c.rowspan):
            for k in range(c.col, c.col + c.colspan):
                slots[(r, k)] = (c.row, c.col)
    return slots


def _grid(table: Table, value_cells: set[str]) -> list[list[GridCell]]:
    """The table as HTML rows: each cell once with its spans, an empty <td> for a slot no cell covers."""
    covered: set[tuple[int, int]] = set()
    rows = []
    for r in range(table.n_rows):
        starts = {c.col: c for c in table.row_cells(r)}
        row = []
        for k in range(table.n_cols):
            if (r, k) in covered:
                continue
            c = starts.get(k)
            if c is None:
                row.append(GridCell("", f"{table.index}-{r}-{k}"))
                continue
            rowspan = min(c.rowspan, table.n_rows - r)
            colspan = min(c.colspan, table.n_cols - k)
            covered.update((r + i, k + j) for i in range(rowspan) for j in range(colspan))
            key = cell_key(table.index, c)
            row.append(GridCell(c.text, key, rowspan, colspan, c.column_header, key in value_cells))
        rows.append(row)
    return rows
