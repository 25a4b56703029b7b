"""Bars that part a cell's scores (`2.1 | 4.9`): read from the ink as `|` words, where Tesseract
reads them as `1`, glues them to their neighbours (`12.114.9`) or drops them."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from extractor.model.options import RunOptions
from extractor.readers import load
from extractor.readers.inputs import InputRef
from extractor.readers.pdf.ocr_bars import BAR_SIDE_EM, with_bars
from extractor.readers.pdf.ocr_geometry import HEIGHT_EM, Boxed
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.tesseract import ocr_unavailable
from extractor.run.pipeline import extract_document
from tests.support.pictures import BARS_HEADER, BARS_ROWS, bars_table_image, png

needs_tesseract = pytest.mark.skipif(ocr_unavailable() is not None, reason=f"OCR: {ocr_unavailable()}")


@needs_tesseract
@pytest.mark.parametrize("size_pt", [9, 12])
def test_cells_of_scores_parted_by_bars_are_read_as_printed(tmp_path, size_pt):
    path = tmp_path / "bars.png"
    path.write_bytes(png(bars_table_image(size_pt)))
    doc = load(InputRef(source=str(path), path=path), RunOptions())
    [table] = doc.tables
    assert table.grid == [list(BARS_HEADER), *map(list, BARS_ROWS)]
    # read as bars, no score glued to its neighbours gives a record (Tesseract alone read
    # `1.814.012.014.2`, and it completed the model's name: `Nimbus-Audio 1.814.012.014.2`); the
    # records stage splits bars in a row's label, not under a column header (README)
    records = extract_document(doc, RunOptions()).records
    assert sorted((r.dataset, r.model, r.value) for r in records) == sorted(
        ("AISHELL-1", model, float(score)) for model, _, score in BARS_ROWS
    )


def _bar_picture() -> Image.Image:
    img = Image.new("L", (400, 60), 255)
    draw = ImageDraw.Draw(img)
    for x in (100, 200, 300):
        draw.rectangle([x, 20, x + 2, 42], fill=0)  # a bar as tall as the digits, clear either side
    draw.rectangle([20, 20, 60, 42], fill=0)  # a word's ink: no bar
    draw.rectangle([64, 20, 65, 42], fill=0)  # an `l` set close after its letters: a letter
    return img


def test_a_bar_read_as_a_one_becomes_a_bar_and_one_left_unread_is_added():
    line = [
        Boxed("wordl", 18, 18, 50, 26, 0.95),
        Boxed("1", 99, 18, 5, 26, 0.7),
        Boxed("2.1", 210, 18, 80, 26, 0.9),
    ]
    [out] = with_bars(_bar_picture(), [line], OcrSettings())
    assert [(w.text, w.left + w.width / 2) for w in out] == [
        ("wordl", 43),
        ("|", 101.5),  # a stem's middle (x 100-102)
        ("|", 201.5),
        ("2.1", 250),
        ("|", 301.5),
    ]
    # a bar's box holds its side bearings, as a text layer's glyph does: 0.1 em either side
    em = 26 / HEIGHT_EM
    assert {w.width for w in out if w.text == "|"} == {3 + 2 * round(BAR_SIDE_EM * em)} != {3}
    # a word's solid ink, wider than a bar, is no bar, nor is an `l` a letter's width after it


def test_fewer_bars_than_a_picture_of_bars_holds_are_words():
    img = _bar_picture()
    ImageDraw.Draw(img).rectangle([195, 15, 310, 50], fill=255)  # two of the three bars gone
    line = [Boxed("l", 99, 18, 5, 26, 0.7)]
    assert with_bars(img, [line], OcrSettings()) == [line]
