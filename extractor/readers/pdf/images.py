"""Tables drawn as pictures: a large image with no text layer of its own, where the page speaks of
results or a caption says 'Table'. They cannot be read, but a user must hear that they were there."""

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


def picture_table_pages(page: pdfium.PdfPage, settings: DrawingSettings) -> list[str]:
    """Why each large image of the page looks like a table drawn as a picture (empty when none does)."""
    width, height = page.get_size()
    found: list[str] = []
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
            if TABLE_CAPTION_LINE.search(around):
                found.append(f"a captioned table is an image ({share:.0%} of the page)")
            elif not FIGURE_CAPTION_LINE.search(around) and _RESULTS_WORDS.search(page_text):
                found.append(
                    f"an image covering {share:.0%} of the page, on a page about results, may be a table"
                )
    finally:
        textpage.close()
    return found


def warn_picture_tables(
    pdf: pdfium.PdfDocument, doc: Document, settings: DrawingSettings, numbers: list[int] | None = None
) -> None:
    """A `table-image` warning naming the page for each picture that looks like a results table,
    on the pages read (1-based `numbers`; all when None)."""
    for i in (n - 1 for n in numbers) if numbers is not None else range(len(pdf)):
        try:
            page = pdf[i]
            try:
                reasons = picture_table_pages(page, settings)
            finally:
                page.close()
        except Exception:  # an odd page must not stop the reading; this is only a warning
            continue
        for reason in reasons:
            doc.warn(
                "table-image",
                f"page {i + 1}: {reason}; a table drawn as a picture is not read, its scores give no records",
                page=i + 1,
            )
