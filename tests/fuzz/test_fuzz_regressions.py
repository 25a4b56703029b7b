"""Inputs the fuzz tests once crashed on, kept as plain tests."""

from __future__ import annotations

import hashlib

import pytest

from extractor.model.document import Document
from extractor.model.errors import ExtractorError
from extractor.model.options import PdfOptions
from extractor.readers.pdf import load_pdf
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
    doc = Document(doc_id="d", source="d.pdf", sha256=hashlib.sha256(data).hexdigest(), media_type="pdf")
    doc = load_pdf(data, doc, PdfOptions())
    assert doc.title == "Benchmark Results for Compact Language Models"
    assert doc.page_count == 1


def test_a_page_tree_pdfminer_cannot_walk_on_close_is_a_clear_error():
    """Found by atheris from the ruled sample: pdfium refuses it and pdfminer raised while closing."""
    data = (REPO / "tests" / "fuzz" / "crashes" / "pdfminer-close-none-objid.pdf").read_bytes()
    doc = Document(doc_id="d", source="d.pdf", sha256=hashlib.sha256(data).hexdigest(), media_type="pdf")
    with pytest.raises(ExtractorError, match="corrupt or truncated PDF"):
        load_pdf(data, doc, PdfOptions(max_pages=2))
