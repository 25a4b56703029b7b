"""Broken, locked, empty and odd PDFs: clear errors, warnings instead of failures, options honoured."""

from __future__ import annotations

import pytest

from extractor.model.errors import CorruptPdfError, EncryptedPdfError, PdfError
from tests.support.drawing import Page, pdf
from tests.support.paths import SAMPLES
from tests.support.pdf import generator, load, text_page

G = generator()


def zero_page_pdf() -> bytes:
    import io

    import pypdfium2

    buf = io.BytesIO()
    pypdfium2.PdfDocument.new().save(buf)
    return buf.getvalue()


def test_truncated_pdf_is_corrupt():
    data = (SAMPLES / "model-card.pdf").read_bytes()
    for cut in (len(data) // 2, len(data) - 40, 200):
        with pytest.raises(CorruptPdfError, match=r"^corrupt or truncated PDF: \S"):
            load(data[:cut])


def test_garbage_after_a_pdf_header_is_corrupt():
    with pytest.raises(CorruptPdfError, match="^corrupt or truncated PDF: "):
        load(b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")


def test_pdf_without_pages_is_corrupt():
    with pytest.raises(CorruptPdfError, match="no pages"):
        load(zero_page_pdf())


def test_encrypted_pdf_needs_the_right_password():
    data = G.encrypted_bytes("userpass", "ownerpass")
    with pytest.raises(EncryptedPdfError) as missing:
        load(data)
    assert str(missing.value) == "encrypted PDF: a password is needed (--password)"
    with pytest.raises(EncryptedPdfError) as wrong:
        load(data, password="nope")
    assert str(wrong.value) == "encrypted PDF: the password is wrong"
    for password in ("userpass", "ownerpass"):
        doc = load(data, password=password)
        assert doc.page_count == 1
        assert "A locked page with a single line of text." in doc.text


def test_errors_belong_to_the_pdf_error_tree():
    assert issubclass(CorruptPdfError, PdfError) and issubclass(EncryptedPdfError, PdfError)


def test_text_only_pdf_has_no_tables():
    doc = load(pdf(*(text_page(n) for n in range(3))))
    assert doc.tables == []
    assert doc.page_count == 3
    assert [b.page for b in doc.blocks] == [1, 2, 3]
    assert doc.blocks[0].text.startswith("This page holds only running text.")
    assert not doc.warnings


def test_pdf_without_text_warns():
    doc = load(pdf(lambda page: page.box(100, 492, 300, 692)))
    assert doc.tables == [] and doc.blocks == []
    assert [w.code for w in doc.warnings] == ["no-text"]


def test_max_pages_reads_the_first_pages_and_warns():
    data = (SAMPLES / "model-card.pdf").read_bytes()
    doc = load(data, max_pages=1)
    assert doc.page_count == 2
    assert doc.tables == []  # the table is on page 2
    assert {b.page for b in doc.blocks} == {1}
    assert doc.title == G.CARD_TITLE and doc.abstract == G.CARD_ABSTRACT
    [warning] = doc.warnings
    assert warning.code == "pages-skipped" and "1 of 2" in warning.message


def test_table_finders_can_be_switched_off():
    card = (SAMPLES / "model-card.pdf").read_bytes()
    assert load(card, text_tables=False).tables == []
    ruled = (SAMPLES / "ruled-table.pdf").read_bytes()
    by_text = load(ruled, ruled_tables=False).tables
    assert all(t.engine == "pdf-text-columns" for t in by_text)
    assert [t.grid for t in by_text] == [G.RULED_GRID]


def test_a_page_that_fails_becomes_a_warning(monkeypatch):
    import extractor.readers.pdf as pdf_stage

    real = pdf_stage.read_page

    def flaky(page, number, settings):
        if number == 1:
            raise RuntimeError("simulated damage")
        return real(page, number, settings)

    monkeypatch.setattr(pdf_stage, "read_page", flaky)
    doc = load((SAMPLES / "model-card.pdf").read_bytes())
    assert [(w.code, w.page) for w in doc.warnings] == [("page-unreadable", 1)]
    assert [t.grid for t in doc.tables] == [G.CARD_GRID]


def _sideways_table(page: Page) -> None:
    """The model card's table on a turned page: a landscape table on a portrait page."""
    for r, row in enumerate(G.CARD_GRID):
        baseline = 186 + (0 if r == 0 else 10 + 18 * r)
        page.text(146, baseline, row[0], "Helvetica", 9.5)
        for k, value in enumerate(row[1:]):
            page.centred(296 + 75 * k, baseline, value, "Helvetica", 9.5)


@pytest.mark.parametrize("rotation", [0, 90])
def test_sideways_tables_are_read_turned(rotation):
    doc = load(pdf(_sideways_table, turned=True, rotate=rotation))
    [t] = doc.tables
    assert t.grid == G.CARD_GRID
    assert [w.code for w in doc.warnings] == (["sideways-text"] if rotation == 0 else [])
    # the box is on the page as displayed: tall and narrow when the text runs up the page
    width, height = t.bbox.x1 - t.bbox.x0, t.bbox.bottom - t.bbox.top
    assert (height > width) if rotation == 0 else (width > height)
    assert 0 <= t.bbox.x0 < t.bbox.x1 <= (612 if rotation == 0 else 792)
    if rotation == 0:  # drawn at (306, 396) turned: labels low on the page, header row at the left
        box = (t.bbox.x0, t.bbox.top, t.bbox.x1, t.bbox.bottom)
        assert all(abs(a - b) < 8 for a, b in zip(box, (177, 326, 306, 646))), box
