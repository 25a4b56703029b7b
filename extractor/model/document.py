"""The document model every source produces: pages of text blocks and tables, each with provenance.

Coordinates are PDF points with a top-left origin (x grows right, y grows down), as in
pdfplumber; `page` is 1-based. HTML and text sources have no pages: their text blocks have no page
or bbox (None) and their tables an empty provenance list.

A table is its cells (docling-core's TableData): each cell once, at its top-left slot, with its spans;
the grid of slot texts is derived from them. Where a table is printed is a list of provenance items
(docling-core's `prov`), one per page, so a table continued on the next page is two items.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path, PurePosixPath
from typing import Any, Literal
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PrivateAttr, computed_field

from extractor import SCHEMA_VERSION
from extractor.model.lean import LeanModel

MediaType = Literal["pdf", "html", "text", "image"]  # image: a PNG or JPEG, read as a one-page PDF


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
    OCR = "ocr"  # words read by OCR from a picture of a table or a page without text, aligned in columns


class BBox(LeanModel):
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


class TextBlock(LeanModel):
    """A run of text as laid out: a line group (PDF) or an element (HTML/text)."""

    text: str
    page: int | None = None
    bbox: BBox | None = None
    font_size: float | None = None
    bold: bool = False
    kind: BlockKind = BlockKind.PARAGRAPH


class Provenance(LeanModel):
    """Where a table is printed on one page: the page, its box there and the grid rows it holds."""

    model_config = ConfigDict(frozen=True)

    page: int = Field(ge=1)
    bbox: BBox | None = Field(default=None, description="the table's box on this page, when known")
    rows: tuple[NonNegativeInt, NonNegativeInt] = Field(
        description="first and last grid row printed on this page (the cells' boxes are on this page)"
    )


class Cell(LeanModel):
    """One cell as the source drew it; a spanning cell appears once here, at its top-left slot."""

    model_config = ConfigDict(frozen=True)  # a table's grid is derived from its cells

    row: int = Field(ge=0)
    col: int = Field(ge=0)
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
    ocr_confidence: float | None = Field(
        default=None, ge=0, le=1, description="OCR tables: the lowest confidence of the cell's words (0-1)"
    )
    ocr_text: str | None = Field(
        default=None, description="OCR tables: the text as OCR read it, where a repair changed it into `text`"
    )
    ocr_doubt: bool = Field(
        default=False,
        description="OCR tables: the reading is in doubt (a word read with low confidence, or a slip "
        "repaired without its column's say-so); its records are flagged ocr-low-confidence",
    )


class Table(LeanModel):
    """A table as its cells: `n_rows` x `n_cols` slots, each cell at its top-left slot with its spans;
    a slot no cell covers is empty. `grid` is derived: the slots' texts, a spanning cell's text in every
    slot it covers (where cells overlap, the later cell's). It is written to the output for people and
    tools that read grids, and ignored when a file is read back.

    `provenance` has an item per page the table is printed on, in order: a table continued on the next
    page has two, each with the rows printed there. HTML and text tables have none (no pages): their
    `page` and `bbox` are None. `page` and `bbox` are the first item's (where the table starts).
    """

    # Readers and tests build tables with `Table.from_cells`, or `Table.from_grid` from rows of texts.

    model_config = ConfigDict(validate_assignment=True)

    index: int = Field(ge=0, description="0-based position among the document's tables, in reading order")
    provenance: list[Provenance] = Field(
        default_factory=list,
        description="where the table is printed: one item per page; none for HTML and text",
    )
    caption: str | None = None
    n_rows: int = Field(ge=0)
    n_cols: int = Field(ge=0)
    cells: tuple[Cell, ...] = Field(
        default=(), description="the truth of the table; `grid` is derived from them"
    )
    header_rows: int | None = Field(
        default=None,
        ge=0,
        description="rows of column headers when the source marks them (HTML <th>, text header line)",
    )
    engine: TableEngine = Field(description="what found the table")
    confidence: float | None = Field(default=None, ge=0, le=1)
    notes: list[str] = Field(default_factory=list)

    # (cells, shape, grid) of the last derivation: cells is an immutable tuple of frozen cells, so the
    # same tuple and shape give the same grid
    _derived: tuple[tuple[Cell, ...], tuple[int, int], list[list[str]]] | None = PrivateAttr(default=None)
    # (cells, cells by the row they start in) of the last indexing, kept on the same terms
    _by_row: tuple[tuple[Cell, ...], dict[int, tuple[Cell, ...]]] | None = PrivateAttr(default=None)

    @computed_field(
        description="derived from the cells: spans expanded, a spanning cell's text in every slot"
    )
    @property
    def grid(self) -> list[list[str]]:
        shape = (self.n_rows, self.n_cols)
        derived = self._derived
        if derived is None or derived[0] is not self.cells or derived[1] != shape:
            derived = (self.cells, shape, _slots(self.cells, *shape))
            self._derived = derived
        return derived[2]

    def row_cells(self, row: int) -> tuple[Cell, ...]:
        """The cells that start in `row`, in the order of `cells`: a lookup in an index made once per
        tuple of cells, so a pass over the rows is no pass over all the cells for each."""
        by_row = self._by_row
        if by_row is None or by_row[0] is not self.cells:
            index: dict[int, list[Cell]] = {}
            for c in self.cells:
                index.setdefault(c.row, []).append(c)
            by_row = (self.cells, {r: tuple(cs) for r, cs in index.items()})
            self._by_row = by_row
        return by_row[1].get(row, ())

    @property
    def page(self) -> int | None:
        return self.provenance[0].page if self.provenance else None

    @property
    def bbox(self) -> BBox | None:
        return self.provenance[0].bbox if self.provenance else None

    @classmethod
    def from_cells(
        cls,
        cells: Sequence[Cell],
        *,
        n_rows: int | None = None,
        n_cols: int | None = None,
        page: int | None = None,
        bbox: BBox | None = None,
        **fields: Any,
    ) -> Table:
        """A table of `cells`; its shape, unless given, is what they cover. `page` (and `bbox`) make its
        one provenance item; a table printed over several pages passes `provenance=[...]` instead."""
        if n_rows is None:
            n_rows = max((c.row + c.rowspan for c in cells), default=0)
        if n_cols is None:
            n_cols = max((c.col + c.colspan for c in cells), default=0)
        if page is not None:
            fields["provenance"] = [Provenance(page=page, bbox=bbox, rows=(0, max(0, n_rows - 1)))]
        elif bbox is not None:
            raise ValueError("a table's box needs its page")
        fields.setdefault("index", 0)
        return cls(n_rows=n_rows, n_cols=n_cols, cells=tuple(cells), **fields)

    @classmethod
    def from_grid(cls, grid: Sequence[Sequence[str]], **fields: Any) -> Table:
        """A table of rows of texts (a reader that finds no spans, a test): a cell for every filled slot,
        the shape that of the grid (short rows end in empty slots). Keywords as for `from_cells`."""
        cells = [Cell(row=i, col=j, text=t) for i, row in enumerate(grid) for j, t in enumerate(row) if t]
        n_cols = max((len(r) for r in grid), default=0)
        return cls.from_cells(cells, n_rows=len(grid), n_cols=n_cols, **fields)


def _slots(cells: Sequence[Cell], n_rows: int, n_cols: int) -> list[list[str]]:
    grid = [[""] * n_cols for _ in range(n_rows)]
    for c in cells:
        for r in range(c.row, min(n_rows, c.row + c.rowspan)):
            row = grid[r]
            for k in range(c.col, min(n_cols, c.col + c.colspan)):
                row[k] = c.text
    return grid


class DocumentWarning(LeanModel):
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
