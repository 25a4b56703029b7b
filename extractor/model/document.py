"""The document model every source produces: pages of text blocks and tables, each with provenance.

Coordinates are PDF points with a top-left origin (x grows right, y grows down), as in
pdfplumber; `page` is 1-based. HTML and text sources have no page or bbox (None).
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Literal
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field

from extractor import SCHEMA_VERSION

MediaType = Literal["pdf", "html", "text"]


class BlockKind(StrEnum):
    """What a text block is."""

    TITLE = "title"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"
    OTHER = "other"  # page furniture, lines set apart as a table's, text of no other kind


class TableEngine(StrEnum):
    """What found a table; the values are the strings the output files carry."""

    PDF_LINES = "pdfplumber-lines"  # a PDF grid of crossing rules
    PDF_RULES_TEXT = "pdf-rules-text"  # PDF text in columns between horizontal rules
    PDF_TEXT_COLUMNS = "pdf-text-columns"  # PDF text aligned in columns, no rules
    HTML = "html"  # an HTML <table>
    FLATTENED_TEXT = "flattened-text"  # a results table flattened to single spaces in a text page
    MARKDOWN_TEXT = "markdown-text"  # a Markdown pipe table
    TSV_TEXT = "tsv-text"  # tab-separated lines of a text page


class BBox(BaseModel):
    model_config = ConfigDict(frozen=True)

    x0: float
    top: float
    x1: float
    bottom: float

    def union(self, other: BBox) -> BBox:
        return BBox(
            x0=min(self.x0, other.x0),
            top=min(self.top, other.top),
            x1=max(self.x1, other.x1),
            bottom=max(self.bottom, other.bottom),
        )


class TextBlock(BaseModel):
    """A run of text as laid out: a line group (PDF) or an element (HTML/text)."""

    text: str
    page: int | None = None
    bbox: BBox | None = None
    font_size: float | None = None
    bold: bool = False
    kind: BlockKind = BlockKind.PARAGRAPH


class Cell(BaseModel):
    """One cell as the source drew it; a spanning cell appears once here, at its top-left slot."""

    row: int
    col: int
    text: str
    rowspan: int = Field(default=1, ge=1)
    colspan: int = Field(default=1, ge=1)
    bbox: BBox | None = None
    bold: bool = False
    underline: bool = False
    column_header: bool = Field(
        default=False, description="a cell of a header row: a column's name or a group over columns"
    )
    row_header: bool = Field(default=False, description="a body cell left of the values: the row's label")
    row_section: bool = Field(
        default=False, description="the one cell of a section row ('Math', 'Open-source models')"
    )


class Table(BaseModel):
    """A table with its grid. `grid` has spans expanded: a spanning cell's text fills every slot it covers."""

    index: int = Field(ge=0, description="0-based position among the document's tables, in reading order")
    page: int | None = Field(default=None, ge=1)
    bbox: BBox | None = None
    caption: str | None = None
    grid: list[list[str]]
    cells: list[Cell] = Field(default_factory=list)
    header_rows: int | None = Field(
        default=None,
        ge=0,
        description="rows of column headers when the source marks them (HTML <th>, text header line)",
    )
    engine: TableEngine = Field(description="what found the table")
    confidence: float | None = Field(default=None, ge=0, le=1)
    notes: list[str] = Field(default_factory=list)

    @property
    def n_rows(self) -> int:
        return len(self.grid)

    @property
    def n_cols(self) -> int:
        return max((len(r) for r in self.grid), default=0)


class DocumentWarning(BaseModel):
    """Something a user checking the output should know; never fatal."""

    code: str
    message: str
    page: int | None = None
    table_index: int | None = None


class Document(BaseModel):
    schema_version: str = SCHEMA_VERSION
    doc_id: str
    source: str
    sha256: str
    media_type: MediaType
    title: str | None = None
    abstract: str | None = None
    page_count: int | None = None
    blocks: list[TextBlock] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    warnings: list[DocumentWarning] = Field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    def warn(self, code: str, message: str, page: int | None = None, table_index: int | None = None) -> None:
        self.warnings.append(DocumentWarning(code=code, message=message, page=page, table_index=table_index))


def make_doc_id(source: str, sha256: str) -> str:
    """A readable, stable id: the file name's stem as a slug, plus 8 hex digits of the content hash."""
    name = PurePosixPath(urlparse(source).path).name if "://" in source else Path(source).name
    stem = name.rsplit(".", 1)[0] if "." in name else name
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:60] or "document"
    return f"{slug}-{sha256[:8]}"
