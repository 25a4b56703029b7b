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
    with pytest.raises(CorruptPdfError) as garbage:
        load(b"%PDF-1.7\n" + bytes(range(256)) * 20 + b"\n%%EOF\n")
    assert str(garbage.value) == (
        "corrupt or truncated PDF: pdfium cannot parse it (its cross-reference table is damaged or missing)"
    )


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


def packed_pdf(garbage_seed: int | None = None) -> bytes:
    """A one-page PDF with a cross-reference stream whose page tree root (object 2) sits in an object
    stream; `garbage_seed` overwrites that object stream's data with random bytes (garbage in the middle)."""
    import random
    import zlib

    loose = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        5: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    content = zlib.compress(b"BT /F1 12 Tf 72 720 Td (A page whose tree is packed.) Tj ET")
    loose[4] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream"
    body = zlib.compress(b"2 0\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\n")
    if garbage_seed is not None:
        body = random.Random(garbage_seed).randbytes(len(body))
    loose[6] = b"<< /Type /ObjStm /N 1 /First 4 /Length %d /Filter /FlateDecode >>\nstream\n" % len(body)
    loose[6] += body + b"\nendstream"
    out, offsets = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"), {}
    for number in sorted(loose):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + loose[number] + b"\nendobj\n"
    offsets[7] = len(out)
    rows = b"\x00\x00\x00\x00\x00\xff\xff" + b"".join(
        b"\x02\x00\x00\x00\x06\x00\x00" if n == 2 else b"\x01" + offsets[n].to_bytes(4, "big") + b"\x00\x00"
        for n in range(1, 8)
    )
    out += b"7 0 obj\n<< /Type /XRef /Size 8 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % len(rows)
    out += rows + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % offsets[7]
    return bytes(out)


PAGE_TREE_DAMAGED = "corrupt or truncated PDF: pdfium cannot parse it (its page tree is damaged)"


def test_garbage_in_the_middle_says_what_is_damaged():
    assert "A page whose tree is packed." in load(packed_pdf()).text
    with pytest.raises(CorruptPdfError) as damaged:
        load(packed_pdf(garbage_seed=0))  # pdfium fails without an error code: it read "unknown error"
    assert str(damaged.value) == PAGE_TREE_DAMAGED


def test_a_damaged_pdf_after_an_encrypted_one_is_not_said_to_need_a_password():
    with pytest.raises(EncryptedPdfError):
        load(G.encrypted_bytes("userpass", "ownerpass"))
    with pytest.raises(CorruptPdfError) as damaged:
        load(packed_pdf(garbage_seed=1))  # pdfium's last error is still the encrypted file's
    assert str(damaged.value) == PAGE_TREE_DAMAGED
