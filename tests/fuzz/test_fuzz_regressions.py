"""Inputs the fuzz tests once crashed on, kept as plain tests."""

from __future__ import annotations

import hashlib

import pytest
from conftest import REPO

from extractor.document import Document
from extractor.options import PdfOptions
from extractor.pdf import load_pdf

SEED = (REPO / "samples" / "ruled-table.pdf").read_bytes()


@pytest.mark.parametrize(
    "damage",
    [
        (b"/MediaBox [ 0 0 612 792 ]", b"/MediaBox \x00 0 612 792 ]"),  # pdfminer raised on close: int not iterable
        (b"/MediaBox [ 0 0 612 792 ]", b"/MediaBox [ 0 0 612 \x01\x01 ]"),  # pdfminer raised on close: invalid MediaBox
    ],
)
def test_a_broken_media_box_loses_the_ruled_tables_not_the_document(damage):
    data = SEED.replace(*damage)
    assert data != SEED
    doc = Document(doc_id="d", source="d.pdf", sha256=hashlib.sha256(data).hexdigest(), media_type="pdf")
    doc = load_pdf(data, doc, PdfOptions())
    assert doc.title == "Benchmark Results for Compact Language Models"
    assert doc.page_count == 1
