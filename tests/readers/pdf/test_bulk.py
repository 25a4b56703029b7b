"""The native page reader (`_bulk.c`) and its pure-Python fallback give the same chars, words and
paths, value for value; a stale build is refused."""

from __future__ import annotations

import shutil
import sysconfig

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from extractor.readers.pdf import bulk
from extractor.readers.pdf.chars import NEWLINE, NO_BREAK, SPACE, read_chars
from extractor.readers.pdf.drawing_settings import DrawingSettings
from extractor.readers.pdf.frame import Frame
from extractor.readers.pdf.images import _image_bounds
from extractor.readers.pdf.paths import _frame_affine, count_paths, page_shapes
from extractor.readers.pdf.text_settings import TextSettings
from extractor.readers.pdf.words import group_lines
from tests.support.drawing import BOLD, Page, pdf
from tests.support.paths import corpus_path

needs_native = pytest.mark.skipif(bulk.NATIVE is None, reason="the native page reader is not built")


def _drawn(page: Page) -> None:
    end = page.text(72, 100, "Plain text, and ")
    page.text(end, 100, "bold", font=BOLD)
    page.text(page.text(72, 130, "57.9"), 126, "1", size=5)  # a raised footnote mark
    page.rule(72, 150, 300)
    page.vrule(200, 160, 220)
    page.box(320, 160, 360, 200)
    c = page.c
    c.bezier(72, 500, 100, 560, 140, 440, 180, 500)
    p = c.beginPath()
    p.moveTo(400, 500)
    p.lineTo(450, 500)
    p.lineTo(450, 540)
    p.close()
    c.drawPath(p, stroke=1, fill=1)
    c.saveState()
    c.translate(500, 300)
    c.rotate(90)
    c.drawString(0, 0, "turned words")
    c.restoreState()
    c.beginForm("rules")  # a form XObject: its paths go through its matrix
    c.line(0, 0, 100, 0)
    c.rect(0, 10, 50, 20)
    c.endForm()
    c.saveState()
    c.translate(100, 200)
    c.scale(1.5, 1.5)
    c.doForm("rules")
    c.restoreState()
    page.image(Image.new("L", (40, 20), 128), 300, 600, 120, 60)
    c.beginForm("picture")  # an image inside a form
    page.image(Image.new("L", (10, 10), 0), 0, page.h - 30, 30, 30)
    c.endForm()
    c.doForm("picture")


def _pages(data: bytes):
    doc = pdfium.PdfDocument(data)
    try:
        for page in doc:
            yield page
            page.close()
    finally:
        doc.close()


def _same_chars(page: pdfium.PdfPage) -> None:
    settings = TextSettings()
    textpage = page.get_textpage()
    try:
        (fast, frame_a), (slow, frame_b) = (
            read_chars(page, textpage, settings, native=n) for n in (True, False)
        )
    finally:
        textpage.close()
    assert fast.text == slow.text and frame_a.turn == frame_b.turn
    for name in ("x0", "top", "x1", "bottom", "baseline", "size", "bold", "upright", "gap"):
        assert np.array_equal(getattr(fast, name), getattr(slow, name)), name


def _same_paths(page: pdfium.PdfPage) -> None:
    settings = DrawingSettings()
    frame = _frame_affine(Frame(page))
    args = (page.raw, settings.max_form_depth, settings.point_tolerance, frame)
    assert bulk.read_paths(*args, native=True) == bulk.read_paths(*args, native=False)


def _same_objects(page: pdfium.PdfPage) -> int:
    """The page's path count and image bounds alike both ways; the number of images."""
    for enough in (1, 5, 10_000):
        for depth in (0, 2):
            counted = [count_paths(page, enough, depth, native=n) for n in (True, False)]
            assert counted[0] == counted[1]
    for depth in (1, 3):
        assert _image_bounds(page, depth, native=True) == _image_bounds(page, depth, native=False)
    return len(_image_bounds(page, 3, native=False))


@needs_native
@pytest.mark.parametrize("rotate", [0, 90])
def test_native_and_fallback_read_a_drawn_page_alike(rotate):
    for page in _pages(pdf(_drawn, rotate=rotate)):
        _same_chars(page)
        _same_paths(page)
        assert _same_objects(page) == 2  # the page's picture and the form's


@needs_native
def test_native_reads_a_page_of_more_images_than_its_first_room():
    def many(page: Page) -> None:
        for i in range(bulk._IMAGES_AT_FIRST + 5):
            page.image(Image.new("L", (4, 4), 0), 20 + 20 * (i % 20), 100 + 20 * (i // 20), 10, 10)

    for page in _pages(pdf(many)):
        assert _same_objects(page) == bulk._IMAGES_AT_FIRST + 5


@needs_native
def test_native_and_fallback_read_corpus_reports_alike():
    reports = sorted(corpus_path("reports").glob("*.pdf"))[:4]
    images = 0
    for path in reports:
        for page in _pages(path.read_bytes()):
            _same_chars(page)
            _same_paths(page)
            images += _same_objects(page)
    assert images  # the reports' pages hold pictures: their bounds were compared


def test_a_drawn_page_reads_as_drawn():
    """What both readers give: words, the footnote mark as a superscript, the turned run apart,
    the form's rules placed through its matrix, the closed triangle ending where it starts."""
    doc = pdfium.PdfDocument(pdf(_drawn))
    page = doc[0]
    settings = TextSettings()
    textpage = page.get_textpage()
    chars, frame = read_chars(page, textpage, settings, native=False)
    textpage.close()
    shapes = page_shapes(page, frame, DrawingSettings())
    page.close()
    doc.close()
    assert set(chars.gap.tolist()) == {NO_BREAK, SPACE, NEWLINE}
    lines = group_lines(chars, 1, settings)
    assert [ln.text for ln in lines[:2]] == ["Plain text, and bold", "57.9¹"]
    assert {w.upright for ln in lines[2:] for w in ln.words} == {False}  # the turned run
    bold = [w.text for ln in group_lines(chars, 1, settings) for w in ln.words if w.bold]
    assert bold == ["bold"]
    boxes = {tuple(round(v, 2) for v in s.box) for s in shapes}
    assert (100.0, 592.0, 250.0, 592.0) in boxes  # the form's line: (0,0)-(100,0) scaled 1.5 at (100,200)
    assert (100.0, 547.0, 175.0, 577.0) in boxes  # its rect (0,10,50,20) -> 75 x 30
    (triangle,) = [s for s in shapes if s.box == (400.0, 252.0, 450.0, 292.0)]
    assert len(triangle.points) == 4 and triangle.points[0] == triangle.points[-1] == (400.0, 292.0)
    curved = [s for s in shapes if s.curved]
    assert len(curved) == 1 and curved[0].box[0] == 72.0


def test_a_stale_native_build_is_refused(monkeypatch):
    monkeypatch.setattr(bulk, "BULK_VERSION", bulk.BULK_VERSION + 1)
    assert bulk._load() is None


@pytest.mark.skipif(
    shutil.which(sysconfig.get_config_var("CC").split()[0] if sysconfig.get_config_var("CC") else "cc")
    is None,
    reason="no C compiler: the fallback is used",
)
def test_the_native_reader_builds_where_a_compiler_is():
    assert bulk.NATIVE is not None, "reinstall (make .venv/.installed) to build extractor/readers/pdf/_bulk.c"
