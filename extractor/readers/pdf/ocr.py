"""Pictures read with OCR: a page without a text layer, or a large image that looks like a results
table (images.py), is rendered and read by Tesseract into the same words and lines a text layer
gives, so that the layout and the whitespace table finder treat them as they treat text. Tables
found on them say so (engine `ocr`) and their cells keep how sure Tesseract was (ocr_repair.py).

OCR runs only where it is needed: a page with a text layer and no picture of a table is neither
rendered nor shown to Tesseract. Where Tesseract is missing, the pictures are told of
(`table-image`) with how to enable OCR.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pypdfium2 as pdfium

from extractor.model.document import Document
from extractor.readers.pdf.frame import Frame
from extractor.readers.pdf.images import OCR_HINT, picture_tables, warn_picture_table
from extractor.readers.pdf.ocr_arrows import with_arrows
from extractor.readers.pdf.ocr_bars import with_bars
from extractor.readers.pdf.ocr_columns import page_areas
from extractor.readers.pdf.ocr_geometry import place_line
from extractor.readers.pdf.ocr_points import with_point
from extractor.readers.pdf.ocr_reread import reread_doubtful
from extractor.readers.pdf.ocr_rules import erase_rules
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.ocr_spaces import word_parts
from extractor.readers.pdf.ocr_sparse import sparse_bands
from extractor.readers.pdf.ocr_unread import unread_lines, with_dashes
from extractor.readers.pdf.tesseract import ocr_unavailable, read_lines
from extractor.readers.pdf.thresholds import PdfSettings
from extractor.readers.pdf.words import Line, PageText, Word

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in top-left display points

NO_TEXT_LAYER = "the page has no text layer"
Wanted = tuple[Box, str]  # an area OCR should read, and why
# a picture's edge glyphs must not be cut where its box is drawn tight around them
_AREA_PAD = 2.0
# a page rendered past this many pixels is rendered coarser (a poster at 300 dpi would take gigabytes)
_MAX_RENDER_PIXELS = 60_000_000
_HAIR = 0.01  # of a pixel
DOUBLE_SHARE = 0.6  # a word this much inside a longer one is a second reading of its ink
DOUBLE_MARK_SHARE = 0.5  # a mark this much inside a longer word is a part of its ink read again
DOUBLE_FUZZY_CHARS = 4  # a second reading this long may differ from the longer one by a letter


@dataclass(frozen=True)
class OcrArea:
    """A part of a page read with OCR, and the words read there."""

    page: int
    box: Box
    words: tuple[Word, ...]
    reason: str  # why it was read: NO_TEXT_LAYER, or why the picture looks like a table
    rules: tuple[Box, ...] = ()  # the rules erased before Tesseract read it: the ruled finders' edges


def why_no_ocr() -> str:
    """Why pictures go unread, with how to have them read."""
    return f"OCR is not available ({ocr_unavailable()}); to enable it, {OCR_HINT}"


def read_pictures(
    page: pdfium.PdfPage,
    text: PageText,
    wanted: list[Wanted] | Exception,
    doc: Document,
    settings: PdfSettings,
    enabled: bool,
) -> tuple[PageText, list[OcrArea]]:
    """The page's text with the words OCR read on its pictures of tables (or on the whole page
    when it has no text) added, and the areas read; `wanted` is what wanted_areas found on it, or
    why that failed. Pictures that stay unread get a `table-image` warning."""
    try:
        if isinstance(wanted, Exception):
            raise wanted
        read = _read_page(page, text, wanted, doc, settings, enabled) if wanted else []
    except Exception as e:  # an odd page must not stop the reading
        doc.warn("ocr-failed", f"OCR failed: {type(e).__name__}: {e}"[:300], page=text.number)
        read = []
    return (with_words(text, read, settings.text.line_gutter_em) if read else text), read


def wanted_areas(page: pdfium.PdfPage, text: PageText, settings: PdfSettings) -> list[Wanted]:
    """The areas of a page that OCR should read, each with why: the whole page when it has no text,
    else each picture that looks like a results table (found as they were for the warning alone)."""
    frame = Frame(page)
    if not text.words:
        return [((0.0, 0.0, frame.width, frame.height), NO_TEXT_LAYER)]
    return [(frame.box(*bounds), reason) for bounds, reason in picture_tables(page, settings.drawing)]


def _read_page(
    page: pdfium.PdfPage,
    text: PageText,
    wanted: list[Wanted],
    doc: Document,
    settings: PdfSettings,
    enabled: bool,
) -> list[OcrArea]:
    why = None
    if not enabled:
        why = "OCR is turned off"
    elif ocr_unavailable():
        why = why_no_ocr()
    elif text.turn:
        why = "its page is read turned, which OCR does not follow"
    if why:
        for _, reason in wanted:
            if reason != NO_TEXT_LAYER:
                warn_picture_table(doc, text.number, reason, why)
        return []
    scale = _scale(page, settings.ocr)
    found = []
    for picture, origin, box, reason in _pictures(page, wanted, scale):
        rules: list[Box] = []
        try:
            words = read_words(picture, box, scale, settings, rules, origin)
        except Exception as e:  # Tesseract stopped (timeout) or failed on this picture
            if reason != NO_TEXT_LAYER:
                warn_picture_table(doc, text.number, reason, f"OCR failed ({type(e).__name__}: {e})"[:200])
            continue
        found.append(OcrArea(text.number, box, tuple(words), reason, tuple(rules)))
    return found


def _scale(page: pdfium.PdfPage, settings: OcrSettings) -> float:
    """Pixels a point at the OCR resolution (coarser for a huge page)."""
    width, height = page.get_size()
    scale = settings.dpi / 72
    if width * height * scale * scale > _MAX_RENDER_PIXELS:
        scale = (_MAX_RENDER_PIXELS / (width * height)) ** 0.5
    return scale


def _pictures(page: pdfium.PdfPage, wanted: list[Wanted], scale: float):
    """(picture, its top-left pixel on the page, area, why) for each area OCR reads. A page without
    text is rendered whole in grayscale and read in parts (ocr_columns.py); a picture of a table
    alone, in colour, then made gray: pdfium's grayscale rendering of a large colour image holds
    twice its colour memory (a picture of 6022 x 5623 pixels: 182 MB against 83), and the area
    alone spares the rest of the page. Its pixels are the page's rendering's, gray within 3 levels."""
    for box, reason in wanted:
        if reason == NO_TEXT_LAYER:
            image = _render(page, scale)
            for area in page_areas(image, scale):
                yield image, (0, 0), area, reason
        else:
            pixels = _crop(box, scale, _page_pixels(page, scale))
            if pixels[2] - pixels[0] < 2 or pixels[3] - pixels[1] < 2:
                continue
            yield _render(page, scale, pixels, gray=False).convert("L"), pixels[:2], box, reason


def _page_pixels(page: pdfium.PdfPage, scale: float) -> tuple[int, int]:
    width, height = page.get_size()
    return math.ceil(width * scale), math.ceil(height * scale)  # as pypdfium2 sizes a rendering


def _crop(box: Box, scale: float, size: tuple[int, int]) -> tuple[int, int, int, int]:
    """The pixels of the page's rendering OCR reads for `box`: padded by _AREA_PAD."""
    x0, top = max(0.0, box[0] - _AREA_PAD), max(0.0, box[1] - _AREA_PAD)
    return (
        round(x0 * scale),
        round(top * scale),
        min(size[0], round((box[2] + _AREA_PAD) * scale)),
        min(size[1], round((box[3] + _AREA_PAD) * scale)),
    )


def _render(
    page: pdfium.PdfPage, scale: float, pixels: tuple[int, int, int, int] | None = None, gray: bool = True
):
    """The page, or its `pixels` (left, top, right, bottom of the whole rendering), as a PIL image."""
    crop = (0.0, 0.0, 0.0, 0.0)
    if pixels is not None:
        width, height = _page_pixels(page, scale)
        # pypdfium2 rounds a crop's points up to pixels: a hair under each edge's pixel keeps it
        left, top, right, bottom = pixels
        crop = tuple(max(0.0, (n - _HAIR) / scale) for n in (left, height - bottom, width - right, top))
    return page.render(scale=scale, crop=crop, grayscale=gray).to_pil()


def read_words(
    image,
    box: Box,
    scale: float,
    settings: PdfSettings,
    rules: list[Box] | None = None,
    origin: tuple[int, int] = (0, 0),
) -> list[Word]:
    """Tesseract's words in `box` of the rendered page (`image`, whose top-left pixel is `origin`
    of the page's rendering), in page points; each a `Word` with its confidence, in Tesseract's
    reading order (block, paragraph, line, word). The rules erased from the picture first are
    added to `rules`, in page points (a line's box, thin as drawn)."""
    ocr = settings.ocr
    size = (origin[0] + image.width, origin[1] + image.height)
    crop = _crop(box, scale, size)
    if crop[2] - crop[0] < 2 or crop[3] - crop[1] < 2:
        return []
    ox, oy = origin
    picture, found = erase_rules(image.crop((crop[0] - ox, crop[1] - oy, crop[2] - ox, crop[3] - oy)), scale)
    if rules is not None:
        rules += [
            (
                a / scale + crop[0] / scale,
                b / scale + crop[1] / scale,
                c / scale + crop[0] / scale,
                d / scale + crop[1] / scale,
            )
            for a, b, c, d in found
        ]
    found_lines = sparse_bands(picture, read_lines(picture, ocr), ocr)
    found_lines = reread_doubtful(picture, found_lines, ocr, settings.text.line_gutter_em)
    found_lines = with_arrows(picture, with_bars(picture, found_lines, ocr), ocr)
    found_lines = with_dashes(picture, found_lines + unread_lines(picture, found_lines, ocr))
    left, up = crop[0] / scale, crop[1] / scale
    words: list[Word] = []
    for boxed in found_lines:
        size_px, placed = place_line(picture, boxed, ocr.cap_height_em, ocr.same_baseline_em)
        size = size_px / scale
        for w, baseline in sorted(zip(boxed, placed, strict=True), key=lambda p: p[0].left):
            for part in (with_point(picture, p, ocr.reread_below) for p in word_parts(picture, w, size_px)):
                x, y = part.left / scale + left, part.top / scale + up
                words.append(
                    Word(
                        text=part.text.strip(),
                        x0=x,
                        top=y,
                        x1=x + part.width / scale,
                        bottom=y + part.height / scale,
                        baseline=baseline / scale + up,
                        size=size,
                        bold=False,
                        confidence=round(part.confidence, 3),
                        contested=part.contested,
                    )
                )
    return without_doubles(words)


def without_doubles(words: list[Word]) -> list[Word]:
    """The words without those read twice: Tesseract may take a bold number apart into two lines
    (`veOe` over `0%`), and the second reading of each part gives the whole (`93.0%`) and a part of
    it (`3.0%`). A word lying mostly (DOUBLE_SHARE of its box) inside a longer word that holds its
    text (`_part_of`) is that ink read again: left out; so is a mark half inside one that holds a
    mark (`°` over the ring of a `%`; a `+` inside a box read `MBPP` is its own)."""
    order = sorted(range(len(words)), key=lambda k: words[k].x0)
    dropped: set[int] = set()
    for n, k in enumerate(order):
        a = words[k]
        for m in order[n + 1 :]:
            b = words[m]
            if b.x0 >= a.x1:
                break
            inner, outer = (a, b) if len(a.text) < len(b.text) else (b, a)
            inside = _inside(inner, outer)
            mark = (
                not any(ch.isalnum() for ch in inner.text)
                and not all(ch.isalnum() for ch in outer.text)  # its reading holds a mark of that ink
                and inside >= DOUBLE_MARK_SHARE
            )
            if mark or (_part_of(inner.text, outer.text) and inside >= DOUBLE_SHARE):
                dropped.add(k if inner is a else m)
    return [w for k, w in enumerate(words) if k not in dropped]


def _part_of(inner: str, outer: str) -> bool:
    """Whether `inner` is a part of the longer `outer` as read: spelt in it, or, from
    DOUBLE_FUZZY_CHARS letters on, in it but for one letter (`Math` over `fathematics`, whose `M`
    the longer reading took for an `f`)."""
    if len(inner) >= len(outer):
        return False
    if inner in outer:
        return True
    if len(inner) < DOUBLE_FUZZY_CHARS:
        return False
    a, n = inner.casefold(), len(inner)
    b = outer.casefold()
    return any(sum(x != y for x, y in zip(a, b[k : k + n])) <= 1 for k in range(len(b) - n + 1))


def _inside(inner: Word, outer: Word) -> float:
    w = min(inner.x1, outer.x1) - max(inner.x0, outer.x0)
    h = min(inner.bottom, outer.bottom) - max(inner.top, outer.top)
    area = (inner.x1 - inner.x0) * (inner.bottom - inner.top)
    return max(0.0, w) * max(0.0, h) / area if area > 0 else 0.0


def ocr_lines(words: Sequence[Word], page: int, gutter_em: float) -> list[Line]:
    """OCR words -> lines: a line of Tesseract's (same baseline, in order) split where a gap is wider
    than a column gutter, as a text layer's lines are."""
    lines: list[Line] = []
    current: list[Word] = []
    for w in words:
        if current:
            prev = current[-1]
            new_line = prev.baseline != w.baseline or w.x0 < prev.x0
            if new_line or w.x0 - prev.x1 > gutter_em * max(prev.size, w.size):
                lines.append(Line(tuple(current), page))
                current = []
        current.append(w)
    if current:
        lines.append(Line(tuple(current), page))
    return lines


def with_words(text: PageText, areas: Sequence[OcrArea], gutter_em: float) -> PageText:
    """A new PageText: `text` with the lines OCR read in `areas`, each area's lines placed after the
    text line just above it (its caption), so that blocks follow the page's reading order."""
    lines = list(text.lines)
    for area in areas:
        added = ocr_lines(area.words, text.number, gutter_em)
        if not added:
            continue
        x0, top, x1, _ = area.box
        above = [
            k for k, ln in enumerate(lines) if ln.bottom <= top + _AREA_PAD and ln.x0 < x1 and ln.x1 > x0
        ]
        at = max(above, key=lambda k: lines[k].bottom) + 1 if above else len(lines)
        lines[at:at] = added
    words = tuple(w for ln in lines for w in ln.words)
    return PageText(
        text.number,
        text.width,
        text.height,
        words,
        tuple(lines),
        text.turn,
        text.display_width,
        text.display_height,
    )
