"""Ink Tesseract left unread: a table line its layout skipped is read again from the ink left once
the words read are painted out; a doubtful word read alone is kept only where that reading is sure,
keeps its digits and drops no letter."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from extractor.readers.pdf import ocr_reread
from extractor.readers.pdf.ocr_geometry import Boxed
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.ocr_unread import unread_lines
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
    assert [[w.text for w in ln] for ln in found] == [list(ROWS[1])]
    [gsm] = [w for w in found[0] if w.text == "GSM8K"]
    assert abs(gsm.left - lines[1][0].left) <= 3 and abs(gsm.top - lines[1][0].top) <= 3
    # every line read: no ink is left, nothing more is read
    assert unread_lines(img, lines, OcrSettings()) == []


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
