"""What the results store holds: documents (keyed by their source) and their records.

A stored record is a ResultRecord plus what a leaderboard needs beside it: the paper it came from,
the result row ("entry") it belongs to, and the task/dataset nesting of evaluation tables.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Literal

from pydantic import BaseModel, Field

from extractor.model.record import ResultRecord
from extractor.model.report import DocumentResult

DocumentKind = Literal["extracted", "reference"]


class StoredDocument(BaseModel):
    source: str = Field(min_length=1, description="the input as named, its URL or file path: the store's key")
    sha256: str = Field(min_length=1, description="sha256 of the document's content (not a key)")
    doc_id: str
    title: str | None = None
    kind: DocumentKind = "extracted"


class StoredRecord(ResultRecord):
    sha256: str = Field(min_length=1, description="the document's sha256")
    position: int = Field(default=0, ge=0, description="order of the record within its document")
    entry: int = Field(
        default=0,
        ge=0,
        description="result row within the document: its records form one evaluation-tables row",
    )
    paper_title: str | None = None
    paper_url: str | None = None
    paper_date: str | None = None
    parent_tasks: list[str] = Field(
        default_factory=list,
        description="evaluation tables: the tasks this task is a subtask of, outermost first",
    )
    subdataset: str | None = Field(
        default=None, description="evaluation tables: the subdataset of `dataset` this result is on"
    )


def _paper_url(source: str) -> str | None:
    return source if source.startswith(("http://", "https://")) else None


def assign_entries(records: list[ResultRecord]) -> list[int]:
    """Group a document's records into result rows: one model (and setting) in one table, each
    (dataset, metric) once; a second value for the same pair starts a new row."""
    entries: dict[tuple, list[int]] = defaultdict(list)
    used: list[set[tuple]] = []
    out: list[int] = []
    for rec in records:
        key = (rec.table_index, rec.model, rec.setting)
        pair = (rec.dataset, rec.metric)
        entry = next((e for e in entries[key] if pair not in used[e]), None)
        if entry is None:
            entry = len(used)
            used.append(set())
            entries[key].append(entry)
        used[entry].add(pair)
        out.append(entry)
    return out


def from_document(result: DocumentResult) -> tuple[StoredDocument, list[StoredRecord]]:
    """A run's DocumentResult as the store keeps it; the document's title is the paper's."""
    doc = StoredDocument(sha256=result.sha256, doc_id=result.doc_id, source=result.source, title=result.title)
    url = _paper_url(result.source)
    records = [
        StoredRecord(
            **rec.model_dump(),
            sha256=result.sha256,
            position=i,
            entry=entry,
            paper_title=result.title,
            paper_url=url,
        )
        for i, (rec, entry) in enumerate(zip(result.records, assign_entries(result.records)))
    ]
    return doc, records
