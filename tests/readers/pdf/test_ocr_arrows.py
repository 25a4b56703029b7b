"""Arrows marking a metric's direction (`SS ↑`, `CER (%) ↓`), which Tesseract reads as `t`, `+` or
nothing: found in the ink and read as `↑` / `↓` words; the letters and marks that share an arrow's
stem are not arrows."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from extractor.model.options import RunOptions
from extractor.readers import load
from extractor.readers.inputs import InputRef
from extractor.readers.pdf.ocr_arrows import arrow_of, with_arrows
from extractor.readers.pdf.ocr_geometry import Boxed
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.tesseract import ocr_unavailable
from extractor.run.pipeline import extract_document
from tests.support.pictures import (
    ARROWS_DATASETS,
    ARROWS_METRICS,
    ARROWS_ROWS,
    arrow,
    arrows_table_image,
    font,
    png,
)

needs_tesseract = pytest.mark.skipif(ocr_unavailable() is not None, reason=f"OCR: {ocr_unavailable()}")


def _glyph(draw_it, size: int = 120) -> np.ndarray:
    """The ink of what `draw_it(draw)` draws, cropped to it."""
    img = Image.new("L", (size, size), 255)
    draw_it(ImageDraw.Draw(img))
    ink = np.asarray(img) < 160
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return ink[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


@pytest.mark.parametrize("em", [30, 42, 60])
def test_arrows_drawn_at_table_sizes_are_read_with_their_direction(em):
    assert arrow_of(_glyph(lambda d: arrow(d, 60, 80, em, up=True))) == "↑"
    assert arrow_of(_glyph(lambda d: arrow(d, 60, 80, em, up=False))) == "↓"


def _dagger(draw: ImageDraw.ImageDraw) -> None:
    draw.line([(60, 20), (60, 90)], fill=0, width=4)
    draw.line([(48, 36), (72, 36)], fill=0, width=4)


@pytest.mark.parametrize("letter", ["t", "+", "T", "f", "1", "Y", "l", "I", "!", "4", "J"])
def test_letters_that_share_an_arrows_stem_are_not_arrows(letter):
    assert arrow_of(_glyph(lambda d: d.text((30, 10), letter, fill=0, font=font(60)))) is None


def test_a_dagger_whose_bar_widens_at_once_is_not_an_arrow():
    assert arrow_of(_glyph(_dagger)) is None


def test_an_arrow_read_as_a_letter_becomes_an_arrow_and_one_left_unread_is_added():
    img = Image.new("L", (400, 80), 255)
    draw = ImageDraw.Draw(img)
    draw.text((20, 50), "SS", fill=0, font=font(42), anchor="ls")
    arrow(draw, 100, 50, 42, up=True)
    draw.text((200, 50), "CER", fill=0, font=font(42), anchor="ls")
    arrow(draw, 306, 50, 42, up=False)
    line = [
        Boxed("SS", 20, 20, 50, 30, 0.9),
        Boxed("t", 92, 18, 16, 40, 0.5),
        Boxed("CER", 200, 20, 85, 30, 0.9),
    ]
    [out] = with_arrows(img, [line], OcrSettings())
    assert [w.text for w in out] == ["SS", "↑", "CER", "↓"]
    # each in its own box, barbs and all (a barb reaches 10 px, a quarter em, either side of its stem)
    assert [(w.left, w.left + w.width) for w in out][1::2] == [(89, 112), (295, 318)]


@needs_tesseract
@pytest.mark.parametrize("size_pt", [9, 11])
def test_metrics_marked_with_arrows_are_read_and_become_the_columns_metrics(tmp_path, size_pt):
    path = tmp_path / "arrows.png"
    path.write_bytes(png(arrows_table_image(size_pt)))
    doc = load(InputRef(source=str(path), path=path), RunOptions())
    [table] = doc.tables
    header = ["Model", *(f"{label} {direction}" for label, direction in ARROWS_METRICS)]
    assert table.grid == [
        ["", *(d for d in ARROWS_DATASETS for _ in (0, 1))],
        header,
        *map(list, ARROWS_ROWS),
    ]
    records = extract_document(doc, RunOptions()).records
    metrics = ("CER", "SS", "WER", "SS")
    datasets = [d for d in ARROWS_DATASETS for _ in (0, 1)]
    assert sorted((r.dataset, r.model, r.metric, r.value) for r in records) == sorted(
        (datasets[k], row[0], metrics[k], float(score))
        for row in ARROWS_ROWS
        for k, score in enumerate(row[1:])
    )
