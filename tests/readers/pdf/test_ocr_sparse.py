"""Bands of lines a block reading mixed up (a staggered header: names on two lines beside names
on one, centred between them) are read again as sparse text, and replaced where that is surer."""

from __future__ import annotations

import pytest
from PIL import Image

from extractor.model.options import RunOptions
from extractor.readers import load
from extractor.readers.inputs import InputRef
from extractor.readers.pdf import ocr_sparse
from extractor.readers.pdf.ocr_geometry import Boxed
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.tesseract import ocr_unavailable
from extractor.run.pipeline import extract_document
from tests.support.pictures import (
    STAGGERED_HEADER,
    STAGGERED_ROWS,
    png,
    staggered_header_page,
)

TITLE = [Boxed("Results", 10, 10, 90, 20, 0.96)]
# a block reading of a staggered header: pieces of two lines, two read as nothing sure
MIXED = [
    Boxed("Vega", 120, 50, 60, 20, 0.91),
    Boxed("PAPE", 220, 58, 50, 20, 0.05),
    Boxed("a", 300, 58, 12, 20, 0.2),
    Boxed("Whis", 340, 50, 40, 20, 0.9),
]
ROW = [Boxed("MMLU", 10, 120, 70, 20, 0.95), Boxed("61.2", 200, 120, 50, 20, 0.96)]


def _sparse(monkeypatch, *reading: list[Boxed], lines=(TITLE, MIXED, ROW)):
    asked = []

    def read_crop(picture, box, factor, ocr, psm):
        asked.append((box, psm))
        return [list(ln) for ln in reading]

    monkeypatch.setattr(ocr_sparse, "read_crop", read_crop)
    picture = Image.new("L", (400, 160), 255)
    return ocr_sparse.sparse_bands(picture, list(lines), OcrSettings()), asked


def _texts(lines) -> list[list[str]]:
    return [[w.text for w in ln] for ln in lines]


def test_sure_words_read_sparse_take_the_place_of_block_words_in_doubt_or_shorter(monkeypatch):
    reading = [
        [Boxed("Vega", 121, 50, 60, 20, 0.95), Boxed("Orca-4", 218, 57, 80, 20, 0.93)],
        [Boxed("Whisper", 340, 50, 58, 20, 0.94)],
        [Boxed("Nimbus", 20, 55, 60, 20, 0.94)],  # where the block reading read nothing
    ]
    lines, asked = _sparse(monkeypatch, *reading)
    # only the troubled line's band is read again, across the picture, in sparse mode
    assert asked == [((0, 48, 400, 80), ocr_sparse.SPARSE)]
    # `Vega`, read alike, stays the block's; `PAPE` (in doubt) and `Whis` (shorter) give way to
    # the sparse words over them; `a` overlaps no sparse word and stays
    assert _texts(lines) == [
        ["Results"],
        ["Vega", "a"],
        ["MMLU", "61.2"],
        ["Orca-4"],
        ["Whisper"],
        ["Nimbus"],
    ]


def test_a_word_the_sparse_reading_is_not_sure_of_is_never_taken(monkeypatch):
    lines, _ = _sparse(monkeypatch, [Boxed("Orca-4", 218, 57, 80, 20, 0.4)])
    assert lines == [TITLE, MIXED, ROW]


def test_words_a_sparse_reading_finds_outside_the_band_are_left_out(monkeypatch):
    # the ascenders of the row below, read as a word at the band's edge, are not the band's
    lines, _ = _sparse(
        monkeypatch, [Boxed("Orca-4", 218, 57, 80, 20, 0.95)], [Boxed("nn", 10, 76, 70, 8, 0.99)]
    )
    assert _texts(lines) == [["Results"], ["Vega", "a", "Whis"], ["MMLU", "61.2"], ["Orca-4"]]


def test_a_word_boxed_over_two_lines_takes_its_sparse_box(monkeypatch):
    tall = [
        Boxed("Base", 120, 40, 50, 46, 0.95),
        Boxed("PAPE", 220, 40, 50, 20, 0.1),
        Boxed("ee", 300, 40, 20, 20, 0.1),
    ]
    lines, _ = _sparse(monkeypatch, [Boxed("Base", 120, 66, 50, 20, 0.95)], lines=(TITLE, tall, ROW))
    assert [(w.text, w.top) for ln in lines for w in ln if w.text == "Base"] == [("Base", 66)]


@pytest.mark.skipif(ocr_unavailable() is not None, reason=f"OCR unavailable: {ocr_unavailable()}")
@pytest.mark.parametrize("size_pt", [6, 7, 8])
def test_a_small_table_with_a_staggered_header_on_a_scanned_page_gives_its_records(tmp_path, size_pt):
    # read as one block, the header at 6 and 7 pt gave models `aoe`, `Lynx a rain` or no table
    path = tmp_path / "staggered.png"
    path.write_bytes(png(staggered_header_page(size_pt)))
    doc = load(InputRef(source=str(path), path=path), RunOptions())
    models = [" ".join(name) for name in STAGGERED_HEADER]
    [table] = doc.tables
    assert table.grid[0][1:] == [name[0] for name in STAGGERED_HEADER]
    records = extract_document(doc, RunOptions()).records
    assert sorted((r.dataset, r.model, r.value) for r in records) == sorted(
        (row[0], model, float(value))
        for row in STAGGERED_ROWS
        for model, value in zip(models, row[1:], strict=True)
    )
