"""Tables drawn as pictures: a large image with no text layer of its own, where the page speaks of
results or a caption says 'Table'. OCR reads them where Tesseract is installed (ocr.py); where it is
not, a user must hear that they were there, and how to have them read."""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractor.model.document import Document
from extractor.readers.pdf.drawing_settings import DrawingSettings
from extractor.vocab.patterns import FIGURE_CAPTION_LINE, TABLE_CAPTION_LINE

_RESULTS_WORDS = re.compile(
    r"\b(benchmarks?|results?|evaluations?|evaluated|scores?|performance|leaderboard)\b", re.I
)


def _bounds(obj: pdfium.PdfObject) -> tuple[float, float, float, float]:
    get = getattr(obj, "get_pos", None) or obj.get_bounds
    left, bottom, right, top = get()[:4]
    return left, bottom, right, top


def _text(textpage: pdfium.PdfTextPage, left: float, bottom: float, right: float, top: float) -> str:
    if right <= left or top <= bottom:
        return ""
    return textpage.get_text_bounded(left=left, bottom=bottom, right=right, top=top) or ""


# how to have pictures of tables read, told wherever they are not
OCR_HINT = "install Tesseract (Debian: apt-get install tesseract-ocr) and pip install 'extractor[ocr]'"

Bounds = tuple[float, float, float, float]  # left, bottom, right, top in PDF user space (bottom-left origin)


def picture_table_pages(page: pdfium.PdfPage, settings: DrawingSettings) -> list[str]:
    """Why each large image of the page looks like a table drawn as a picture (empty when none does)."""
    return [reason for _, reason in picture_tables(page, settings)]


def picture_tables(page: pdfium.PdfPage, settings: DrawingSettings) -> list[tuple[Bounds, str]]:
    """Each large image of the page that looks like a table drawn as a picture: its bounds and why."""
    width, height = page.get_size()
    found: list[tuple[Bounds, str]] = []
    large = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=settings.image_max_depth):
        left, bottom, right, top = _bounds(obj)
        left, right = max(left, 0.0), min(right, width)
        bottom, top = max(bottom, 0.0), min(top, height)
        share = (right - left) * (top - bottom) / (width * height)
        if share >= settings.image_min_area and right - left >= settings.image_min_width * width:
            large.append((left, bottom, right, top, share))
    if not large:
        return found  # most pages: no text page needed (it costs as much as reading the page's text)
    textpage = page.get_textpage()
    try:
        page_text = textpage.get_text_range() or ""
        for left, bottom, right, top, share in large:
            inside = re.sub(r"\s+", "", _text(textpage, left, bottom, right, top))
            if len(inside) > settings.image_max_text:
                continue
            band = settings.image_caption_band
            around = (
                _text(textpage, left, top, right, min(height, top + band))
                + "\n"
                + _text(textpage, left, max(0.0, bottom - band), right, bottom)
            )
            bounds = (left, bottom, right, top)
            if TABLE_CAPTION_LINE.search(around):
                found.append((bounds, f"a captioned table is an image ({share:.0%} of the page)"))
            elif not FIGURE_CAPTION_LINE.search(around) and _RESULTS_WORDS.search(page_text):
                found.append(
                    (
                        bounds,
                        f"an image covering {share:.0%} of the page, on a page about results, may be a table",
                    )
                )
    finally:
        textpage.close()
    return found


def warn_picture_table(doc: Document, page: int, reason: str, why_unread: str) -> None:
    """The `table-image` warning of one picture that looks like a results table and was not read."""
    doc.warn(
        "table-image",
        f"page {page}: {reason}; a table drawn as a picture is not read, its scores give no records:"
        f" {why_unread}",
        page=page,
    )
