"""The PDF stage: bytes -> a Document with title, abstract, text blocks and tables.

pdfium reads the text (chars -> words -> lines -> blocks) and the rules of pages that draw any;
Tesseract reads pages without text and pictures of tables into the same words (ocr.py); tables come
from crossing rules, from stacks of horizontal rules, or from text aligned in columns. A problem
with one page becomes a warning, not a failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pypdfium2 as pdfium

from extractor.model.document import Document, TableEngine
from extractor.model.errors import CorruptPdfError, PageLimitError
from extractor.model.options import PdfOptions, RunOptions
from extractor.readers.inputs import InputData, new_document, release
from extractor.readers.pdf import ocr
from extractor.readers.pdf.analysis import analyse
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.graphics import Graphics, has_rules, page_graphics
from extractor.readers.pdf.images import warn_picture_table
from extractor.readers.pdf.inflation import check_inflation
from extractor.readers.pdf.ocr import NO_TEXT_LAYER, OcrArea, Wanted, read_pictures, wanted_areas
from extractor.readers.pdf.ocr_repair import in_area, ocr_table
from extractor.readers.pdf.opening import open_pdfium, reopen_pdfium
from extractor.readers.pdf.page_store import PageStore
from extractor.readers.pdf.paths import edge
from extractor.readers.pdf.tally import DocumentTally
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
        self.pdf = reopen_pdfium(self.data, self.password)


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
    pages: PageStore | None = None
    try:
        doc.page_count = len(src.pdf)
        _check_page_limit(doc.page_count, pdf_options)
        wanted = src.graphics if pdf_options.ruled_tables or pdf_options.text_tables else None
        pages, tally, areas = read_pages(src, resolved, pdf_options, wanted)
        if wanted is not None:
            _add_rules(src, areas, resolved)
        if not tally.any_words:
            doc.warn("no-text", _no_text(pdf_options.ocr))
        analyse(doc, src.pdf, pages, tally, src.graphics, pdf_options, resolved)
        if areas:
            _mark_ocr_tables(doc, areas, resolved, vocab)
    finally:
        src.pdf.close()
        if pages is not None:
            pages.close()
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
    options: PdfOptions,
    graphics: dict[int, Graphics | None | Exception] | None = None,
) -> tuple[PageStore, DocumentTally, list[OcrArea]]:
    """Each page's text, with the words OCR read on its pictures of tables (or on the whole page
    when it has no text), counted into the document's tally; with `graphics`, its rules too. All is
    taken while the page is open: opening it again costs as much as reading its text. The PDF is
    opened afresh every `pages_per_opening` pages read, which keeps pdfium's memory flat."""
    doc, total = src.doc, len(src.pdf)
    limit = min(total, options.max_pages or total)
    if limit < total:
        doc.warn(
            "pages-skipped", f"read the first {limit} of {total} pages (max_pages); the rest were skipped"
        )
    chosen = [i for i in range(limit) if options.pages is None or i + 1 in options.pages]
    pages = PageStore(on_disk=len(chosen) > settings.pages_in_memory)
    tally = DocumentTally(settings.layout)
    areas: list[OcrArea] = []
    first_warning = len(doc.warnings)
    try:  # the store's file is closed on any way out but the return
        opened = 0  # pages read since the PDF was opened
        for i in chosen:
            if opened == settings.pages_per_opening:
                src.reopen()
                opened = 0
            opened += 1
            try:
                text, read = _read_page(src, i, settings, options.ocr, graphics)
            except Exception as e:  # one bad page must not lose the others
                doc.warn(
                    "page-unreadable",
                    f"page {i + 1} could not be read: {type(e).__name__}: {e}"[:300],
                    page=i + 1,
                )
                continue
            areas += read
            tally.add(text)
            pages.add(text)
    except BaseException:
        pages.close()
        raise
    if not pages:
        pages.close()
        raise CorruptPdfError("corrupt or truncated PDF: no page could be read")
    # the pages' own warnings first, then the pictures', as when pictures were read after all pages
    said = doc.warnings[first_warning:]
    doc.warnings[first_warning:] = [w for w in said if w.code == "page-unreadable"] + [
        w for w in said if w.code != "page-unreadable"
    ]
    return pages, tally, areas


def _read_page(
    src: _Source,
    index: int,
    settings: PdfSettings,
    ocr_enabled: bool,
    graphics: dict[int, Graphics | None | Exception] | None,
) -> tuple[PageText, list[OcrArea]]:
    """One page's text, its rules into `graphics`, and what OCR read of its pictures, all while
    it is open; raises where pdfium cannot load or read the page."""
    page = src.pdf[index]
    try:
        text = read_page(page, index + 1, settings.text)
        if graphics is not None:
            graphics[index + 1] = _graphics(page, text, settings)
        try:
            pictures: list[Wanted] | Exception = wanted_areas(page, text, settings)
        except Exception as e:  # told of as OCR failing on the page
            pictures = e
        return read_pictures(page, text, pictures, src.doc, settings, ocr_enabled)
    finally:
        page.close()


def _graphics(page: pdfium.PdfPage, text: PageText, settings: PdfSettings) -> Graphics | None | Exception:
    """The page's rules and chart marks, when it draws any paths; a failure is kept to be told
    where the tables are searched."""
    try:
        return page_graphics(page, text.turn, settings.drawing) if has_rules(page, settings.drawing) else None
    except Exception as e:
        return e
