"""Ink Tesseract left unread: a table line its layout skipped is read again from the ink left once
the words read are painted out; a doubtful word read alone is kept only where that reading is sure,
keeps its digits and drops no letter."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from extractor.readers.pdf import ocr_reread
from extractor.readers.pdf.ocr_geometry import Boxed
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.ocr_unread import unread_lines, with_dashes
from extractor.readers.pdf.tesseract import ocr_unavailable, read_lines
from tests.support.pictures import font

ROWS = [("MMLU", "61.2", "66.0"), ("GSM8K", "45.1", "57.9"), ("MATH", "30.5", "36.6")]


def _table() -> Image.Image:
    img = Image.new("L", (900, 260), 255)
    draw, face = ImageDraw.Draw(img), font(36)
    for k, row in enumerate(ROWS):
        for text, x in zip(row, (30, 400, 650), strict=True):
            draw.text((x, 70 + 70 * k), text, fill=0, font=face, anchor="ls")
    return img


@pytest.mark.skipif(ocr_unavailable() is not None, reason=f"OCR unavailable: {ocr_unavailable()}")
def test_a_line_left_unread_is_read_from_the_ink_left():
    img = _table()
    lines = read_lines(img, OcrSettings())
    assert [[w.text for w in ln] for ln in lines] == [list(r) for r in ROWS]
    found = unread_lines(img, [lines[0], lines[2]], OcrSettings())
    # read as sparse text: each word where it stands, the row's words on its line
    assert [w.text for ln in found for w in ln] == list(ROWS[1])
    [gsm] = [w for ln in found for w in ln if w.text == "GSM8K"]
    assert abs(gsm.left - lines[1][0].left) <= 3 and abs(gsm.top - lines[1][0].top) <= 3
    # every line read: no ink is left, nothing more is read
    assert unread_lines(img, lines, OcrSettings()) == []
    # a box that left a word's first letter out: that letter is no word left unread
    first = lines[1][0]  # `GSM8K`
    cut = Boxed(first.text, first.left + 30, first.top, first.width - 30, first.height, first.confidence)
    assert unread_lines(img, [lines[0], [cut, *lines[1][1:]], lines[2]], OcrSettings()) == []


def test_a_doubtful_word_read_alone_is_kept_only_where_that_reading_is_sure_and_whole(monkeypatch):
    img = Image.new("L", (200, 60), 255)
    word = Boxed("¢ass@1)", 20, 10, 80, 30, 0.38)

    def alone(*readings: tuple[str, float]) -> list[str]:
        boxed = [[Boxed(t, 22, 12, 76, 26, c)] for t, c in readings]
        monkeypatch.setattr(ocr_reread, "read_crop", lambda *a: [boxed.pop(0)] if boxed else [])
        return [w.text for w in ocr_reread._alone(img, word, OcrSettings())]

    assert alone(("(Pass@1)", 0.91), ("(Pass@1)", 0.93)) == ["(Pass@1)"]
    assert alone(("(Pass@1)", 0.71), ("(Pass@1)", 0.72)) == ["¢ass@1)"]  # not sure enough
    assert alone(("(Pass@7)", 0.95), ("(Pass@7)", 0.95)) == ["¢ass@1)"]  # a digit changed
    assert alone(("ass@1)", 0.95), ("ass@1)", 0.95)) == ["¢ass@1)"]  # a letter dropped
    # the reading alone takes the word's own box: its line's baseline stays where it was
    monkeypatch.setattr(ocr_reread, "read_crop", lambda *a: [[Boxed("(Pass@1)", 25, 14, 70, 20, 0.9)]])
    [kept] = ocr_reread._alone(img, word, OcrSettings())
    assert (kept.left, kept.top, kept.width, kept.height) == (20, 10, 80, 30)


def _row_with_bars() -> tuple[Image.Image, list[Boxed]]:
    """`MMLU`, an em dash, `61.2` underlined, a hyphen and `=` drawn on one row, the words boxed."""
    img = Image.new("L", (900, 140), 255)
    draw, face = ImageDraw.Draw(img), font(36)
    words = []
    for text, x in (("MMLU", 30), ("61.2", 420)):
        draw.text((x, 80), text, fill=0, font=face, anchor="ls")
        x0, top, x1, bottom = draw.textbbox((x, 80), text, font=face, anchor="ls")
        words.append(Boxed(text, x0, top, x1 - x0, bottom - top, 0.95))
    draw.rectangle((250, 66, 282, 68), fill=0)  # an em dash: a bar about an em wide
    draw.rectangle((420, 86, 490, 87), fill=0)  # the score's underline
    draw.rectangle((600, 66, 611, 68), fill=0)  # a hyphen
    draw.rectangle((700, 62, 730, 63), fill=0)  # a true `=`: two bars
    draw.rectangle((700, 70, 730, 71), fill=0)
    return img, words


def test_a_dash_tesseract_dropped_is_read_from_its_bar_and_joins_its_line():
    img, words = _row_with_bars()
    equals = Boxed("=", 700, 62, 31, 10, 0.8)
    [line] = with_dashes(img, [[*words, equals]])
    assert [w.text for w in line] == ["MMLU", "—", "61.2", "-", "="]  # no dash made of the underline
    dash = line[1]
    assert (dash.left, dash.top, dash.width, dash.height) == (250, 66, 33, 3)


def test_a_dash_read_as_an_equals_sign_is_a_dash():
    img, words = _row_with_bars()
    read = Boxed("=", 250, 66, 33, 3, 0.4)
    [line] = with_dashes(img, [[words[0], read, words[1]]])
    assert [w.text for w in line][:3] == ["MMLU", "—", "61.2"]


def test_a_score_read_in_its_line_with_some_doubt_is_read_again_alone(monkeypatch):
    img = Image.new("L", (200, 60), 255)
    word = Boxed("21.0%", 20, 10, 80, 30, 0.89)

    def checked(*readings: tuple[str, float]) -> list[tuple[str, bool]]:
        boxed = [[Boxed(t, 22, 12, 76, 26, c)] for t, c in readings]
        monkeypatch.setattr(ocr_reread, "read_crop", lambda *a: [boxed.pop(0)] if boxed else [])
        return [(w.text, w.contested) for w in ocr_reread._checked(img, word, OcrSettings())]

    # both readings alone agree, surer: theirs is kept
    assert checked(("21.6%", 0.96), ("21.6%", 0.96)) == [("21.6%", False)]
    # they disagree, as surely: the surest is kept, contested
    assert checked(("21.6%", 0.93), ("27.6%", 0.91)) == [("21.6%", True)]
    # a reading alone that is no score is no rival; a sure score is not read again
    assert checked(("2l.o", 0.99), ("21.0%", 0.90)) == [("21.0%", False)]
    sure = Boxed("21.0%", 20, 10, 80, 30, 0.97)
    monkeypatch.setattr(ocr_reread, "read_crop", lambda *a: [[Boxed("99.9%", 22, 12, 76, 26, 0.99)]])
    assert ocr_reread._checked(img, sure, OcrSettings()) == [sure]
