"""One OCR word split where the picture shows a space Tesseract left out, never inside a number,
and at a bar read between two header cells."""

from __future__ import annotations

from PIL import Image, ImageChops, ImageDraw, ImageOps

from extractor.readers.pdf.ocr_geometry import Boxed
from extractor.readers.pdf.ocr_spaces import SPACE_EM, ink_runs, word_parts
from tests.support.pictures import font

PX = 40  # the font size in pixels: one em
BASELINE = 80


def _ink(text: str, x: int) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """`text` drawn with its origin at x, and its ink's box (a glyph's box holds its side bearings)."""
    img = Image.new("L", (600, 140), 255)
    ImageDraw.Draw(img).text((x, BASELINE), text, fill=0, font=font(PX), anchor="ls")
    return img, ImageOps.invert(img).getbbox()


def _read_as_one(left: str, right: str, gap_em: float) -> tuple[Image.Image, Boxed, int]:
    """`left` and `right` drawn `gap_em` apart, ink to ink, and boxed as one word, as Tesseract
    would read them; and where `right`'s ink starts."""
    img, (x0, top, x1, bottom) = _ink(left, 20)
    _, (rx0, _, _, _) = _ink(right, 0)
    right_ink = x1 + round(gap_em * PX)
    other, (_, rtop, rx1, rbottom) = _ink(right, right_ink - rx0)
    img = ImageChops.darker(img, other)
    top, bottom = min(top, rtop), max(bottom, rbottom)
    return img, Boxed(left + right, x0, top, rx1 - x0, bottom - top, 0.9), right_ink


def test_a_space_left_out_between_a_name_and_its_version_splits_the_word():
    img, word, right_ink = _read_as_one("LLaMA", "3", 0.3)
    parts = word_parts(img, word, PX)
    assert [p.text for p in parts] == ["LLaMA", "3"]
    assert parts[0].left == word.left and parts[1].left == right_ink
    assert parts[1].left + parts[1].width == word.left + word.width
    assert all(p.confidence == 0.9 and p.top == word.top for p in parts)


def test_letters_closer_than_a_space_stay_one_word():
    img, word, _ = _read_as_one("Qwen", "1.5", SPACE_EM * 0.8)
    assert [p.text for p in word_parts(img, word, PX)] == ["Qwen1.5"]


def test_a_number_is_never_split_however_wide_its_digits_stand():
    img, word, _ = _read_as_one("7", "1.1", 0.5)
    assert [p.text for p in word_parts(img, word, PX)] == ["71.1"]


def test_a_word_whose_letters_touch_is_left_whole():
    # 'rn' drawn touching: fewer runs of ink than characters, so no run can be named a letter
    img, word, _ = _read_as_one("Mode", "l", 0.4)
    touching = Boxed("Moderl", word.left, word.top, word.width, word.height, 0.9)
    assert [p.text for p in word_parts(img, touching, PX)] == ["Moderl"]


def test_a_bar_between_two_letters_ends_one_word():
    img, word, _ = _read_as_one("Nimbus", "Orca", 0.1)
    barred = Boxed("Nimbus|Orca", word.left, word.top, word.width, word.height, 0.8)
    parts = word_parts(img, barred, PX)
    assert [p.text for p in parts] == ["Nimbus", "Orca"]
    assert parts[0].left == word.left and parts[1].left + parts[1].width == word.left + word.width


def test_a_number_a_space_after_letters_that_touch_is_split_off():
    # `ff` touching leaves fewer runs than letters, but the digits after the space stand apart
    img, word, right_ink = _read_as_one("Griffin", "3", 0.3)
    assert len(ink_runs(img, word)) < len("Griffin3")
    parts = word_parts(img, word, PX)
    assert [p.text for p in parts] == ["Griffin", "3"] and parts[1].left == right_ink
    assert parts[1].left + parts[1].width == word.left + word.width
    # closer than a space, it stays one word
    img, word, _ = _read_as_one("Griffin", "3", SPACE_EM * 0.6)
    assert [p.text for p in word_parts(img, word, PX)] == ["Griffin3"]
