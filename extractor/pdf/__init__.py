"""The PDF stage: bytes -> a Document with title, abstract, text blocks and tables.

pdfium reads the text (chars -> words -> lines -> blocks); pdfplumber reads the rules of pages
that draw any; tables come from crossing rules, from stacks of horizontal rules, or from text
aligned in columns. A problem with one page becomes a warning, not a failure.
"""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

from extractor.document import BBox, Document, TextBlock
from extractor.errors import CorruptPdfError
from extractor.options import PdfOptions
from extractor.pdf.grid import Candidate
from extractor.pdf.hyphens import Vocabulary, build_vocabulary
from extractor.pdf.layout import Block, body_size, caption_kind, find_abstract, find_title, furniture, page_blocks
from extractor.pdf.opening import open_pdfium, open_plumber
from extractor.pdf.ruled import Graphics, has_rules, page_graphics
from extractor.pdf.settings import TableFinderSettings
from extractor.pdf.tables import (
    PageLayout,
    attach_captions,
    beside_figure_captions,
    find_page_tables,
    has_evidence,
    reading_order,
    set_apart_tables,
    to_table,
)
from extractor.pdf.text import PageText, read_page

__all__ = ["TableFinderSettings", "load_pdf"]


@dataclass
class _Source:
    doc: Document
    pdf: pdfium.PdfDocument
    data: bytes
    password: str | None


def load_pdf(
    data: bytes,
    doc: Document,
    options: PdfOptions,
    password: str | None = None,
    settings: TableFinderSettings | None = None,
) -> Document:
    """Fill `doc` from PDF bytes. Raises CorruptPdfError or EncryptedPdfError when it cannot open them."""
    src = _Source(doc, open_pdfium(data, password), data, password)
    try:
        doc.page_count = len(src.pdf)
        pages = read_pages(src.pdf, doc, options.max_pages)
        _analyse(src, pages, options, settings or TableFinderSettings())
    finally:
        src.pdf.close()
    return doc


def read_pages(pdf: pdfium.PdfDocument, doc: Document, max_pages: int | None) -> list[PageText]:
    total = len(pdf)
    limit = min(total, max_pages or total)
    if limit < total:
        doc.warn("pages-skipped", f"read the first {limit} of {total} pages (max_pages); the rest were skipped")
    pages: list[PageText] = []
    for i in range(limit):
        try:
            page = pdf[i]
            try:
                pages.append(read_page(page, i + 1))
            finally:
                page.close()
        except Exception as e:  # one bad page must not lose the others
            doc.warn("page-unreadable", f"page {i + 1} could not be read: {type(e).__name__}: {e}"[:300], page=i + 1)
    if not pages:
        raise CorruptPdfError("corrupt or truncated PDF: no page could be read")
    if not any(p.words for p in pages):
        doc.warn("no-text", "the PDF has no text layer (scanned or image-only pages); nothing to extract")
    return pages


def _analyse(src: _Source, pages: list[PageText], options: PdfOptions, settings: TableFinderSettings) -> None:
    doc = src.doc
    body = body_size(pages)
    skip = furniture(pages)
    blocks = [b for p in pages for b in page_blocks(p, skip, body)]
    vocab = build_vocabulary(ln.text for p in pages for ln in p.lines)
    doc.title = _title(src.pdf, blocks, vocab, body)
    layouts = {p.number: PageLayout.of(p, blocks, body) for p in pages}
    cands = find_tables(src, pages, layouts, options, settings)
    cands = _captioned(cands, blocks, vocab, body, settings)
    blocks = set_apart_tables(blocks, cands)
    doc.abstract = find_abstract(blocks, vocab) if blocks else None
    by_number = {p.number: p for p in pages}
    doc.tables = [to_table(c, i, by_number[c.page].to_display) for i, c in enumerate(reading_order(cands, layouts))]
    doc.blocks = [_text_block(b, vocab, by_number[b.page]) for b in blocks]
    turned = [p.number for p in pages if p.turn]
    if turned:
        doc.warn("sideways-text", f"text runs sideways on pages {turned}; it was read turned upright")


def _title(pdf: pdfium.PdfDocument, blocks: list[Block], vocab: Vocabulary, body: float) -> str | None:
    """The title on the first page (its blocks become kind 'title'), else the metadata's."""
    title, lines = find_title(blocks, vocab, body) if blocks else (None, [])
    for b in blocks:
        if any(ln in lines for ln in b.lines):
            b.kind = "title"
    if title:
        return title
    try:
        return (pdf.get_metadata_value("Title") or "").strip() or None
    except Exception:
        return None


def _captioned(
    cands: list[Candidate], blocks: list[Block], vocab: Vocabulary, body: float, settings: TableFinderSettings
) -> list[Candidate]:
    """Captions attached; candidates without evidence, or that are a figure's text, dropped."""
    captions = [b for b in blocks if b.kind == "caption"]
    attach_captions(cands, [b for b in captions if caption_kind(b.first) == "table"], vocab, body, settings)
    figures = [b for b in captions if caption_kind(b.first) == "figure"]
    in_figures = beside_figure_captions(cands, figures, body, settings)
    return [c for i, c in enumerate(cands) if has_evidence(c) and i not in in_figures]


def find_tables(
    src: _Source, pages: list[PageText], layouts: dict[int, PageLayout], options: PdfOptions, settings: TableFinderSettings
) -> list[Candidate]:
    plumber = _LazyPlumber(src)
    found: list[Candidate] = []
    try:
        for page in pages:
            try:
                found += find_page_tables(layouts[page.number], lambda: plumber.graphics(page), options, settings)
            except Exception as e:  # a bug or an odd page must not lose the other pages' tables
                src.doc.warn("tables-failed", f"table search failed: {type(e).__name__}: {e}"[:300], page=page.number)
    finally:
        plumber.close()
    return found


class _LazyPlumber:
    """pdfplumber, opened on the first page that draws any paths: parsing with it costs time."""

    def __init__(self, src: _Source):
        self.src = src
        self.pdf = None
        self.failed = False

    def graphics(self, text: PageText) -> Graphics | None:
        page = self.src.pdf[text.number - 1]
        try:
            if not has_rules(page):
                return None
        finally:
            page.close()
        if self.pdf is None and not self.failed:
            self.pdf = open_plumber(self.src.data, self.src.password)
            self.failed = self.pdf is None
            if self.failed:
                self.src.doc.warn("rules-unreadable", "pdfplumber could not parse the file; ruled tables were not searched")
        if self.pdf is None:
            return None
        plumber_page = self.pdf.pages[text.number - 1]
        try:
            return page_graphics(plumber_page, text.turn)
        finally:
            plumber_page.close()

    def close(self) -> None:
        if self.pdf is not None:
            self.pdf.close()


def _text_block(b: Block, vocab: Vocabulary, page: PageText) -> TextBlock:
    x0, top, x1, bottom = page.to_display((b.x0, b.top, b.x1, b.bottom))
    return TextBlock(
        text=b.text(vocab),
        page=b.page,
        bbox=BBox(x0=round(x0, 2), top=round(top, 2), x1=round(x1, 2), bottom=round(bottom, 2)),
        font_size=round(b.size, 2),
        bold=all(ln.bold for ln in b.lines),
        kind=b.kind if b.kind in ("title", "heading", "paragraph", "caption") else "other",
    )
