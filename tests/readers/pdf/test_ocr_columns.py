"""A page without text cut into the parts OCR reads apart: two columns of running text each on its
own, a page that is one table (a blank band down its middle) or a single column read whole."""

from __future__ import annotations

from PIL import Image, ImageDraw

from extractor.readers.pdf.ocr_columns import page_areas

SCALE = 300 / 72
WIDTH, HEIGHT = 612, 792


def _px(v: float) -> int:
    return round(v * SCALE)


def _page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    img = Image.new("L", (_px(WIDTH), _px(HEIGHT)), 255)
    return img, ImageDraw.Draw(img)


def _line(draw: ImageDraw.ImageDraw, x0: float, x1: float, y: float) -> None:
    """A justified line of running text from x0 to x1: words 18-30 pt long, 3 pt apart."""
    x, k = x0, 0
    while x < x1:
        end = min(x1, x + 18 + 6 * (k % 3))
        draw.rectangle([_px(x), _px(y), _px(end), _px(y + 7)], fill=0)
        x, k = end + 3, k + 1


def _row(draw: ImageDraw.ImageDraw, cells: list[tuple[float, float]], y: float) -> None:
    for a, b in cells:
        draw.rectangle([_px(a), _px(y), _px(b), _px(y + 7)], fill=0)


def test_two_columns_of_text_are_read_apart_and_a_title_across_the_page_whole():
    img, draw = _page()
    _line(draw, 150, 460, 60)  # a title across the gutter
    for k in range(40):
        y = 100 + 12 * k
        _line(draw, 300 + 12, 540, y)  # the right column's text
        if 10 <= k < 18:  # a table in the left column: a label, then two numbers
            _row(draw, [(72, 72 + 30 + 4 * (k % 4)), (200, 220), (250, 270)], y)
        else:
            _line(draw, 72, 300 - 12, y)
    areas = [tuple(round(v) for v in a) for a in page_areas(img, SCALE)]
    split = [a for a in areas if a[2] < WIDTH or a[0] > 0]
    assert len(split) == 2 and split[0][2] == split[1][0] and 288 < split[0][2] < 312
    # the columns from their first line to their last
    assert split[0][1] < 100 and split[0][3] > 100 + 12 * 39
    assert areas[0] == (0, 0, WIDTH, split[0][1])  # the title read across the page


def test_a_page_that_is_one_table_with_a_blank_band_down_its_middle_is_read_whole():
    img, draw = _page()
    for k in range(40):  # labels of several lengths, numbers right of a wide gap
        _row(draw, [(72, 72 + 40 + 9 * (k % 7)), (330, 350), (400, 420), (470, 490)], 100 + 12 * k)
    assert page_areas(img, SCALE) == [(0.0, 0.0, WIDTH, HEIGHT)]


def test_a_single_column_of_text_is_read_whole():
    img, draw = _page()
    for k in range(40):
        _line(draw, 72, 540, 100 + 12 * k)
    assert page_areas(img, SCALE) == [(0.0, 0.0, WIDTH, HEIGHT)]
