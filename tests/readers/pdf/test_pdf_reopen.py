"""A long PDF is opened afresh every `pages_per_opening` pages (pdfium keeps what it parsed until
its document closes): what is read is the same as in one opening."""

from __future__ import annotations

from extractor.model.options import RunOptions
from extractor.readers.pdf import PdfSettings, read_pdf
from extractor.vocab import load_vocabulary
from tests.support import pdf_cases as C
from tests.support.drawing import pdf
from tests.support.pdf import text_page


def _read(data: bytes, settings: PdfSettings):
    return read_pdf(data, "long.pdf", RunOptions(), load_vocabulary(), settings=settings)


def test_reopening_every_two_pages_reads_what_one_opening_reads():
    pages = [
        text_page(0),
        lambda p: C.ruled_grid(p),
        text_page(1),
        lambda p: C.ruled_grid(p, top=300),
        text_page(2),
    ]
    data = pdf(*pages)
    once, reopened = _read(data, PdfSettings()), _read(data, PdfSettings(pages_per_opening=2))
    assert [t.page for t in reopened.tables] == [2, 4]
    assert reopened.tables[1].grid == C.RULED
    assert reopened.model_dump() == once.model_dump()
