"""Tables drawn as pictures: a large image with no text layer of its own, where the page speaks of
results or a caption says 'Table'. OCR reads them where Tesseract is installed (ocr.py); where it is
not, a user must hear that they were there, and how to have them read."""

from __future__ import annotations

import ctypes
import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractor.model.document import Document
from extractor.readers.pdf import bulk
from extractor.readers.pdf.drawing_settings import DrawingSettings
from extractor.vocab.patterns import FIGURE_CAPTION_LINE, TABLE_CAPTION_LINE

_RESULTS_WORDS = re.compile(
    r"\b(benchmarks?|results?|evaluations?|evaluated|scores?|performance|leaderboard)\b", re.I
)


def _image_bounds(
    page: pdfium.PdfPage, max_depth: int, native: bool = True
) -> list[tuple[float, float, float, float]]:
    """Each image object's bounds (left, bottom, right, top), forms included down to `max_depth`
    levels, in pypdfium2's `get_objects` order, by the native helper where it is built, else
    through the raw calls: its object wrappers cost more than the walk when a page holds
    thousands of objects."""
    found_natively = bulk.image_bounds(page.raw, max_depth) if native else None
    if found_natively is not None:
        return found_natively
    found: list[tuple[float, float, float, float]] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]

    def walk(objects, level: int) -> None:
        for obj in objects:
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                if not pdfium_c.FPDFPageObj_GetBounds(obj, *refs):
                    raise pdfium.PdfiumError("Failed to locate pageobject.")
                found.append((left.value, bottom.value, right.value, top.value))
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and level < max_depth - 1:
                n = pdfium_c.FPDFFormObj_CountObjects(obj)
                walk([pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(n)], level + 1)

    n = pdfium_c.FPDFPage_CountObjects(page.raw)
    walk([pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(n)], 0)
    return found


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
    for left, bottom, right, top in _image_bounds(page, settings.image_max_depth):
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
