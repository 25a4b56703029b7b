"""Inputs the fuzz tests once crashed on, kept as plain tests."""

from __future__ import annotations

import pytest

from extractor.model.errors import ExtractorError
from extractor.model.options import PdfOptions, RunOptions
from extractor.readers.pdf import read_pdf
from extractor.vocab import load_vocabulary
from tests.support.paths import REPO

SEED = (REPO / "samples" / "ruled-table.pdf").read_bytes()


@pytest.mark.parametrize(
    "damage",
    [
        (
            b"/MediaBox [ 0 0 612 792 ]",
            b"/MediaBox \x00 0 612 792 ]",
        ),  # pdfminer raised on close: int not iterable
        (
            b"/MediaBox [ 0 0 612 792 ]",
            b"/MediaBox [ 0 0 612 \x01\x01 ]",
        ),  # pdfminer raised on close: invalid MediaBox
    ],
)
def test_a_broken_media_box_loses_the_ruled_tables_not_the_document(damage):
    data = SEED.replace(*damage)
    assert data != SEED
    doc = read_pdf(data, "d.pdf", RunOptions(), load_vocabulary())
    assert doc.title == "Benchmark Results for Compact Language Models"
    assert doc.page_count == 1


def test_a_page_tree_pdfminer_cannot_walk_on_close_is_a_clear_error():
    """Found by atheris from the ruled sample: pdfium refuses it and pdfminer raised while closing."""
    data = (REPO / "tests" / "fuzz" / "crashes" / "pdfminer-close-none-objid.pdf").read_bytes()
    with pytest.raises(ExtractorError, match="corrupt or truncated PDF"):
        read_pdf(data, "d.pdf", RunOptions(pdf=PdfOptions(max_pages=2)), load_vocabulary())
