"""The PDF stage: bytes -> a Document with title, abstract, text blocks and tables.

pdfium reads the text (chars -> words -> lines -> blocks) and the rules of pages that draw any;
Tesseract reads pages without text and pictures of tables into the same words (ocr.py); tables come
from crossing rules, from stacks of horizontal rules, or from text aligned in columns. A problem
with one page becomes a warning, not a failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pypdfium2 as pdfium

from extractor.model.document import BBox, Document, TableEngine, TextBlock
from extractor.model.errors import CorruptPdfError, PageLimitError
from extractor.model.options import PdfOptions, RunOptions
from extractor.readers.inputs import InputData, new_document, release
from extractor.readers.pdf import ocr
from extractor.readers.pdf.barriers import PageLayout
from extractor.readers.pdf.continued import join_continued
from extractor.readers.pdf.finder import (
    find_page_tables,
    has_evidence,
    reading_order,
    set_apart_tables,
    to_table,
)
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.graphics import Graphics, has_rules, page_graphics
from extractor.readers.pdf.grid import Candidate
from extractor.readers.pdf.hyphens import DocumentWords, build_vocabulary
from extractor.readers.pdf.images import warn_picture_table
from extractor.readers.pdf.inflation import check_inflation
from extractor.readers.pdf.layout_settings import LayoutSettings
from extractor.readers.pdf.ocr import NO_TEXT_LAYER, OcrArea, Wanted, read_pictures, wanted_areas
from extractor.readers.pdf.ocr_repair import in_area, ocr_table
from extractor.readers.pdf.opening import open_pdfium
from extractor.readers.pdf.page_layout import (
    Block,
    body_size,
    caption_kind,
    find_abstract,
    find_title,
    furniture,
    page_blocks,
)
from extractor.readers.pdf.paths import edge
from extractor.readers.pdf.table_captions import attach_captions, beside_figure_captions
from extractor.readers.pdf.thresholds import PdfSettings
from extractor.readers.pdf.words import PageText, read_page
from extractor.vocab import Vocabulary

__all__ = ["PdfSettings", "TableFinderSettings", "read_pdf", "read_pdf_into"]


@dataclass
class _Source:
    doc: Document
    pdf: pdfium.PdfDocument
    data: InputData
    password: str | None
    # each page's rules and chart marks (or why they could not be read), taken while its text is
    # read: opening a page again costs as much as reading its text does in pdfium
    graphics: dict[int, Graphics | None | Exception] = field(default_factory=dict)

    def reopen(self) -> None:
        """The same PDF opened afresh: pdfium keeps every object it parsed until its document is
        closed (a long report's would grow by ~0.25 MB a page), a new one starts empty."""
        self.pdf.close()
        self.pdf = open_pdfium(self.data, self.password)


def read_pdf(
    data: InputData,
    source: str,
    options: RunOptions,
    vocab: Vocabulary,
    *,
    settings: PdfSettings | TableFinderSettings | None = None,
) -> Document:
    """A new Document of a PDF's bytes. Raises CorruptPdfError or EncryptedPdfError when it cannot
    open them, InflationLimitError before parsing them when their streams inflate past
    max_inflated_mb. A PDF's hyphens are undone with its own words; `vocab` repairs the benchmark names
    OCR misread. `settings` replaces the default thresholds (table-finder settings alone keep the other
    parts' defaults)."""
    return read_pdf_into(new_document(data, source, "pdf"), data, options, settings, vocab)


def read_pdf_into(
    doc: Document,
    data: InputData,
    options: RunOptions,
    settings: PdfSettings | TableFinderSettings | None = None,
    vocab: Vocabulary | None = None,
) -> Document:
    """`doc` (a new Document) filled from the PDF `data`: read_pdf's work, for a reader whose input
    is made into a PDF first (a picture)."""
    resolved = PdfSettings.resolve(settings)
    password = options.source.password
    check_inflation(data, options.pdf.max_inflated_mb)  # before pdfium inflates a bomb whole
    src = _Source(doc, open_pdfium(data, password), data, password)
    release(data)  # a mapped file: pdfium reads the file itself from here on
    pdf_options = options.pdf
    try:
        doc.page_count = len(src.pdf)
        _check_page_limit(doc.page_count, pdf_options)
        wanted = src.graphics if pdf_options.ruled_tables or pdf_options.text_tables else None
        pictures: dict[int, list[Wanted] | Exception] = {}
        pages = read_pages(src, resolved, pdf_options.max_pages, pdf_options.pages, wanted, pictures)
        # pictures of tables and pages without text read by OCR, or told of (table-image)
        pages, areas = read_pictures(src.pdf, doc, pages, resolved, pdf_options.ocr, pictures)
        if wanted is not None:
            _add_rules(src, areas, resolved)
        if not any(p.words for p in pages):
            doc.warn("no-text", _no_text(pdf_options.ocr))
        _analyse(src, pages, pdf_options, resolved)
        if areas:
            _mark_ocr_tables(doc, areas, resolved, vocab)
    finally:
        src.pdf.close()
    return doc


def _add_rules(src: _Source, areas: list[OcrArea], settings: PdfSettings) -> None:
    """The rules OCR found in pictures join their pages' drawn rules, for the ruled finders."""
    tol = settings.drawing.point_tolerance
    for a in areas:
        if not a.rules:
            continue
        drawn = src.graphics.get(a.page)
        if isinstance(drawn, Exception):
            continue
        edges = [edge(x0, top, x1, bottom, "line", tol) for x0, top, x1, bottom in a.rules]
        src.graphics[a.page] = Graphics(drawn.edges + edges, drawn.marks) if drawn else Graphics(edges, [])


def _no_text(enabled: bool) -> str:
    said = "the PDF has no text layer (scanned or image-only pages); nothing to extract"
    if not enabled:
        return f"{said} (OCR is turned off)"
    return f"{said}: {ocr.why_no_ocr()}" if ocr.ocr_unavailable() else f"{said}, and OCR read no words"


def _mark_ocr_tables(
    doc: Document, areas: list[OcrArea], settings: PdfSettings, vocab: Vocabulary | None
) -> None:
    """Tables found on words OCR read: engine ocr, each cell's confidence kept, slips repaired."""
    by_page: dict[int, list[OcrArea]] = {}
    for a in areas:
        by_page.setdefault(a.page, []).append(a)
    doc.tables = [ocr_table(t, by_page, settings.ocr, vocab) for t in doc.tables]
    for a in areas:
        if a.reason != NO_TEXT_LAYER and not any(
            t.engine == TableEngine.OCR and in_area(t, a) for t in doc.tables
        ):
            warn_picture_table(doc, a.page, a.reason, "OCR read it but found no table in it")


def _check_page_limit(count: int, options: PdfOptions) -> None:
    if (
        options.page_limit
        and count > options.page_limit
        and not (options.max_pages and options.max_pages <= options.page_limit)
    ):
        raise PageLimitError(
            f"{count} pages, over the page limit of {options.page_limit}"
            " (--page-limit, or read the first pages with --max-pages)"
        )


def read_pages(
    src: _Source,
    settings: PdfSettings,
    max_pages: int | None,
    selected: frozenset[int] | None = None,
    graphics: dict[int, Graphics | None | Exception] | None = None,
    pictures: dict[int, list[Wanted] | Exception] | None = None,
) -> list[PageText]:
    """Each page's text; with `graphics` and `pictures`, its rules and the areas OCR should read,
    taken while the page is open (opening it again costs as much as reading its text). The PDF is
    opened afresh every `pages_per_opening` pages read, which keeps pdfium's memory flat."""
    doc, total = src.doc, len(src.pdf)
    limit = min(total, max_pages or total)
    if limit < total:
        doc.warn(
            "pages-skipped", f"read the first {limit} of {total} pages (max_pages); the rest were skipped"
        )
    pages: list[PageText] = []
    opened = 0  # pages read since the PDF was opened
    for i in range(limit):
        if selected is not None and i + 1 not in selected:
            continue
        if opened == settings.pages_per_opening:
            src.reopen()
            opened = 0
        opened += 1
        try:
            page = src.pdf[i]
            try:
                pages.append(read_page(page, i + 1, settings.text))
                if graphics is not None:
                    graphics[i + 1] = _graphics(page, pages[-1], settings)
                if pictures is not None:
                    try:
                        pictures[i + 1] = wanted_areas(page, pages[-1], settings)
                    except Exception as e:  # told of when OCR reads the page, as before
                        pictures[i + 1] = e
            finally:
                page.close()
        except Exception as e:  # one bad page must not lose the others
            doc.warn(
                "page-unreadable",
                f"page {i + 1} could not be read: {type(e).__name__}: {e}"[:300],
                page=i + 1,
            )
    if not pages:
        raise CorruptPdfError("corrupt or truncated PDF: no page could be read")
    return pages


def _analyse(src: _Source, pages: list[PageText], options: PdfOptions, settings: PdfSettings) -> None:
    doc = src.doc
    lay = settings.layout
    body = body_size(pages, lay)
    skip = furniture(pages, lay)
    blocks = [b for p in pages for b in page_blocks(p, skip, body, lay)]
    vocab = build_vocabulary(ln.text for p in pages for ln in p.lines)
    doc.title = _title(src.pdf, blocks, vocab, body, lay)
    by_page: dict[int, list[Block]] = {}
    for b in blocks:
        by_page.setdefault(b.page, []).append(b)
    layouts = {p.number: PageLayout.of(p, by_page.get(p.number, []), body, settings) for p in pages}
    cands = find_tables(src, pages, layouts, options, settings)
    cands = _captioned(cands, blocks, vocab, body, settings)
    blocks = set_apart_tables(blocks, cands)
    doc.abstract = find_abstract(blocks, vocab, lay) if blocks else None
    by_number = {p.number: p for p in pages}
    ordered = join_continued(
        reading_order(cands, layouts, settings), {n: p.words for n, p in layouts.items()}, settings.tables
    )
    doc.tables = [
        to_table(c, i, lambda page, box: by_number[page].to_display(box)) for i, c in enumerate(ordered)
    ]
    doc.blocks = [_text_block(b, vocab, by_number[b.page]) for b in blocks]
    turned = [p.number for p in pages if p.turn]
    if turned:
        doc.warn("sideways-text", f"text runs sideways on pages {turned}; it was read turned upright")


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


def find_tables(
    src: _Source,
    pages: list[PageText],
    layouts: dict[int, PageLayout],
    options: PdfOptions,
    settings: PdfSettings,
) -> list[Candidate]:
    found: list[Candidate] = []
    for page in pages:
        try:
            found += find_page_tables(
                layouts[page.number], lambda: _drawn(src, page.number), options, settings
            )
        except Exception as e:  # a bug or an odd page must not lose the other pages' tables
            src.doc.warn(
                "tables-failed", f"table search failed: {type(e).__name__}: {e}"[:300], page=page.number
            )
    return found


def _graphics(page: pdfium.PdfPage, text: PageText, settings: PdfSettings) -> Graphics | None | Exception:
    """The page's rules and chart marks, when it draws any paths; a failure is kept to be told
    where the tables are searched."""
    try:
        return page_graphics(page, text.turn, settings.drawing) if has_rules(page, settings.drawing) else None
    except Exception as e:
        return e


def _drawn(src: _Source, number: int) -> Graphics | None:
    drawn = src.graphics.get(number)
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
