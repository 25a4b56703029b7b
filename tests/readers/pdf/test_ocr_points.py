"""A decimal point Tesseract left out of a number is put back where the picture shows it, never for
a comma, a number without one, or where the digits cannot be counted."""

from __future__ import annotations

from PIL import Image, ImageDraw, ImageOps

from extractor.readers.pdf.ocr_geometry import Boxed
from extractor.readers.pdf.ocr_points import with_point
from tests.support.pictures import font


def _read_as(printed: str, read: str, confidence: float = 0.92) -> tuple[Image.Image, Boxed]:
    """`printed` drawn, and boxed as Tesseract would box it had it read `read`."""
    img = Image.new("L", (400, 120), 255)
    ImageDraw.Draw(img).text((20, 80), printed, fill=0, font=font(40), anchor="ls")
    x0, top, x1, bottom = ImageOps.invert(img).getbbox()
    return img, Boxed(read, x0, top, x1 - x0, bottom - top, confidence)


def test_a_point_the_picture_shows_is_put_back_where_it_stands():
    for printed, read in (("18.1%", "181%"), ("62.1", "621"), ("7.25", "725")):
        img, word = _read_as(printed, read)
        fixed = with_point(img, word, sure=0.8)
        assert (fixed.text, fixed.contested) == (printed, False)
        assert (fixed.left, fixed.width) == (word.left, word.width)


def test_a_number_read_with_doubt_gets_its_point_but_stays_in_doubt():
    img, word = _read_as("71.9", "719", confidence=0.64)  # its `7` may be a misread too
    fixed = with_point(img, word, sure=0.8)
    assert (fixed.text, fixed.contested) == ("71.9", True)


def test_no_point_is_made_of_a_comma_or_of_nothing():
    for printed, read in (("2,061", "2061"), ("181%", "181%"), ("2046", "2046")):
        img, word = _read_as(printed, read)
        assert with_point(img, word, sure=0.8) == word
