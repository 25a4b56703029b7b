"""A PDF's read pages -> its title, abstract, text blocks and tables, one page at a time.

Each page is cut into blocks and searched for tables as soon as the document's tally (body size,
furniture, vocabulary) is known; then its words are let go. What the steps over the whole document
need stays: the blocks with their lines' text and boxes (caption blocks whole), the candidates,
and for the pages with a candidate their body words (continued tables) and column gutter.
"""

from __future__ import annotations

from dataclasses import replace

import pypdfium2 as pdfium

from extractor.model.document import BBox, Document, TextBlock
from extractor.model.options import PdfOptions
from extractor.readers.pdf.barriers import PageLayout
from extractor.readers.pdf.continued import join_continued
from extractor.readers.pdf.finder import (
    find_page_tables,
    has_evidence,
    page_gutter,
    reading_order,
    set_apart_tables,
    to_table,
)
from extractor.readers.pdf.graphics import Graphics
from extractor.readers.pdf.grid import Candidate
from extractor.readers.pdf.hyphens import DocumentWords
from extractor.readers.pdf.layout_settings import LayoutSettings
from extractor.readers.pdf.page_layout import Block, caption_kind, find_abstract, find_title, page_blocks
from extractor.readers.pdf.page_store import PageStore
from extractor.readers.pdf.table_captions import attach_captions, beside_figure_captions
from extractor.readers.pdf.tally import DocumentTally
from extractor.readers.pdf.thresholds import PdfSettings
from extractor.readers.pdf.words import PageText, Word, without_words

# each page's rules and chart marks, or why they could not be read; a page's are let go once done
Drawings = dict[int, Graphics | None | Exception]


def analyse(
    doc: Document,
    pdf: pdfium.PdfDocument,
    pages: PageStore,
    tally: DocumentTally,
    drawings: Drawings,
    options: PdfOptions,
    settings: PdfSettings,
) -> None:
    lay = settings.layout
    body, skip, vocab = tally.body_size(), tally.furniture(), tally.vocab
    blocks: list[Block] = []
    cands: list[Candidate] = []
    frames: dict[int, PageText] = {}  # each page without its text: where its boxes are displayed
    words: dict[int, list[Word]] = {}  # body words of the pages with a candidate
    gutters: dict[int, float | None] = {}
    titled = False
    for page in pages:
        mine = page_blocks(page, skip, body, lay)
        if mine and not titled:  # the title is on the first page with text
            doc.title, titled = _title(pdf, mine, vocab, body, lay), True
        layout = PageLayout.of(page, mine, body, settings)
        found = _page_tables(doc, layout, drawings, options, settings)
        drawings.pop(page.number, None)
        if found:
            cands += found
            words[page.number] = layout.words
            gutters[page.number] = page_gutter(layout, settings)
        blocks += [
            b if b.kind == "caption" else Block([without_words(ln) for ln in b.lines], b.kind) for b in mine
        ]
        frames[page.number] = replace(page, words=(), lines=(), rows=None)
    if not titled:
        doc.title = _title(pdf, [], vocab, body, lay)
    cands = _captioned(cands, blocks, vocab, body, settings)
    blocks = set_apart_tables(blocks, cands)
    doc.abstract = find_abstract(blocks, vocab, lay) if blocks else None
    ordered = join_continued(reading_order(cands, gutters, settings), words, settings.tables)
    doc.tables = [
        to_table(c, i, lambda page, box: frames[page].to_display(box)) for i, c in enumerate(ordered)
    ]
    doc.blocks = [_text_block(b, vocab, frames[b.page]) for b in blocks]
    if tally.turned:
        doc.warn("sideways-text", f"text runs sideways on pages {tally.turned}; it was read turned upright")


def _title(
    pdf: pdfium.PdfDocument, blocks: list[Block], vocab: DocumentWords, body: float, settings: LayoutSettings
) -> str | None:
    """The title on the first page (its blocks become kind 'title'), else the metadata's."""
    title, lines = find_title(blocks, vocab, body, settings) if blocks else (None, [])
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
    cands: list[Candidate], blocks: list[Block], vocab: DocumentWords, body: float, settings: PdfSettings
) -> list[Candidate]:
    """Captions attached; candidates without evidence, or that are a figure's text, dropped."""
    captions = [b for b in blocks if b.kind == "caption"]
    tables = settings.tables
    attach_captions(
        cands, [b for b in captions if caption_kind(b.first, settings.layout) == "table"], vocab, body, tables
    )
    figures = [b for b in captions if caption_kind(b.first, settings.layout) == "figure"]
    in_figures = beside_figure_captions(cands, figures, body, tables)
    return [c for i, c in enumerate(cands) if has_evidence(c, tables) and i not in in_figures]


def _page_tables(
    doc: Document, layout: PageLayout, drawings: Drawings, options: PdfOptions, settings: PdfSettings
) -> list[Candidate]:
    number = layout.page.number
    try:
        return find_page_tables(layout, lambda: _drawn(drawings, number), options, settings)
    except Exception as e:  # a bug or an odd page must not lose the other pages' tables
        doc.warn("tables-failed", f"table search failed: {type(e).__name__}: {e}"[:300], page=number)
        return []


def _drawn(drawings: Drawings, number: int) -> Graphics | None:
    drawn = drawings.get(number)
    if isinstance(drawn, Exception):
        raise drawn
    return drawn


def _text_block(b: Block, vocab: DocumentWords, page: PageText) -> TextBlock:
    x0, top, x1, bottom = page.to_display((b.x0, b.top, b.x1, b.bottom))
    return TextBlock(
        text=b.text(vocab),
        page=b.page,
        bbox=BBox(x0=round(x0, 2), top=round(top, 2), x1=round(x1, 2), bottom=round(bottom, 2)),
        font_size=round(b.size, 2),
        bold=all(ln.bold for ln in b.lines),
        kind=b.kind if b.kind in ("title", "heading", "paragraph", "caption") else "other",
    )
