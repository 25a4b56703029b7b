"""A PDF whose streams inflate past --max-inflated fails alone, before pdfium parses (and inflates) it."""

from __future__ import annotations

import base64
import tracemalloc
import zlib

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.model.errors import InflationLimitError, PdfError
from extractor.readers.pdf.inflation import MB, check_inflation, inflated_size
from tests.support.paths import SAMPLES
from tests.support.pdf import load

SAMPLE = SAMPLES / "ruled-table.pdf"
TEXT = b"BT /F1 12 Tf 72 720 Td (A page over a sea of spaces.) Tj ET\n"


def spaces_deflated(mb: int, then: bytes = b"") -> bytes:
    """zlib data that inflates to `mb` MB of spaces followed by `then`, built from one compressed MB
    repeated (each piece ends in a full flush, so the pieces are the same bytes): about 1 KB a MB."""
    chunk = b" " * MB
    deflater = zlib.compressobj(9)
    first = deflater.compress(chunk) + deflater.flush(zlib.Z_FULL_FLUSH)
    head, piece = first[:2], first[2:]
    rest = deflater.compress(then) + deflater.flush(zlib.Z_FULL_FLUSH) if then else b""
    check = 1
    for _ in range(mb):
        check = zlib.adler32(chunk, check)
    check = zlib.adler32(then, check)
    return head + piece * mb + rest + b"\x03\x00" + check.to_bytes(4, "big")


def pdf_with_content(content: bytes, extra: bytes = b"") -> bytes:
    """A one-page PDF, written by hand, whose page content is the deflate data `content`; `extra`
    is one more object's body (number 6), referenced by nothing."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ] + ([extra] if extra else [])
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_the_hand_built_pdf_reads_when_it_inflates_under_the_budget():
    doc = load(pdf_with_content(spaces_deflated(2, TEXT)), max_inflated_mb=4)
    assert "A page over a sea of spaces." in doc.text


def test_a_flate_bomb_fails_alone_with_the_reason_and_the_batch_goes_on(tmp_path):
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(pdf_with_content(spaces_deflated(300, TEXT)))
    assert bomb.stat().st_size < 400 * 1024
    result = CliRunner().invoke(
        app,
        ["run", str(bomb), str(SAMPLE), "-o", str(tmp_path / "o"), "--workers", "0", "--max-inflated", "16"],
    )
    assert result.exit_code == 1
    reason = (
        "PDF streams inflate past 16 MB (a decompression bomb?); raise --max-inflated if the file is genuine"
    )
    assert reason in result.stderr
    lines = (tmp_path / "o" / "results.csv").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 + 9 and all("ruled-table" in line for line in lines[1:])


def test_the_check_stops_at_the_budget_without_holding_what_it_inflates():
    data = pdf_with_content(spaces_deflated(2048))  # 2 GB of spaces in about 2 MB
    tracemalloc.start()
    try:
        size = inflated_size(data, 64 * MB)
        with pytest.raises(InflationLimitError, match=r"^PDF streams inflate past 64 MB \(a decompression"):
            check_inflation(data, 64)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert 64 * MB < size <= 66 * MB
    assert peak < len(data) + 8 * MB
    assert issubclass(InflationLimitError, PdfError)


def test_the_streams_of_a_pdf_are_summed_and_its_images_left_out():
    image = b"<< /Type /XObject /Subtype /Image /Width 1024 /Height 1024 /ColorSpace /DeviceGray"
    image += b" /BitsPerComponent 8 /Filter /FlateDecode >>\nstream\n" + spaces_deflated(1) + b"\nendstream"
    objstm = b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n"
    objstm += spaces_deflated(3) + b"\nendstream"
    assert inflated_size(pdf_with_content(spaces_deflated(2), image), 1 << 40) == 2 * MB
    assert inflated_size(pdf_with_content(spaces_deflated(2), objstm), 1 << 40) == 5 * MB


def test_data_that_is_not_deflate_counts_nothing():
    jpeg_like = b"<< /Length 6 /Filter /DCTDecode >>\nstream\n\xff\xd8\xff\xe0\x00\x10\nendstream"
    assert inflated_size(pdf_with_content(zlib.compress(TEXT), jpeg_like), 1 << 40) == len(TEXT)


@pytest.mark.parametrize("name", ["ruled-table.pdf", "model-card.pdf", "two-column-paper.pdf"])
def test_the_samples_pass_under_the_default_budget(name):
    data = (SAMPLES / name).read_bytes()
    check_inflation(data, 1024)
    assert 0 < inflated_size(data, 1024 * MB) < MB
    assert load(data).page_count >= 1


@pytest.mark.parametrize("wrap", ["ASCIIHexDecode", "ASCII85Decode"])
def test_a_bomb_behind_a_text_filter_is_counted(wrap):
    deflated = spaces_deflated(8)
    text = deflated.hex().encode() + b">" if wrap == "ASCIIHexDecode" else base64.a85encode(deflated) + b"~>"
    stream = b"<< /Filter [/%s /FlateDecode] >>\nstream\n" % wrap.encode() + text + b"\nendstream"
    assert inflated_size(pdf_with_content(zlib.compress(TEXT), stream), 1 << 40) == len(TEXT) + 8 * MB
    with pytest.raises(InflationLimitError):
        check_inflation(pdf_with_content(zlib.compress(TEXT), stream), 4)


def lzw_spaces(cycles: int, top: int = 4094) -> bytes:
    """LZW data of runs of spaces: after each clear code, a space, then every table entry as soon as it
    is defined (each one space longer); 7 MB a cycle in about 5 KB. Codes widen as PDF's decoders expect."""
    codes = [c for _ in range(cycles) for c in (256, 32, *range(258, top + 1))] + [257]
    out, acc, bits, width, entries, first = bytearray(), 0, 0, 9, 258, True
    for code in codes:
        acc, bits = (acc << width) | code, bits + width
        while bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xFF)
        acc &= (1 << bits) - 1
        if code == 256:
            width, entries, first = 9, 258, True
        elif first:
            first = False
        elif entries < 4096:
            entries += 1
            width = min(width + 1, 12) if entries + 1 >= 1 << width else width
    return bytes(out + (bytes([(acc << (8 - bits)) & 0xFF]) if bits else b""))


def test_lzw_and_run_length_streams_are_measured_without_decoding_them():
    from pdfminer.lzw import lzwdecode

    small = lzw_spaces(2, top=1200)
    assert len(lzwdecode(small)) == 892_080  # pdfminer decodes it: the oracle
    lzw = b"<< /Filter /LZWDecode >>\nstream\n" + small + b"\nendstream"
    assert inflated_size(pdf_with_content(zlib.compress(TEXT), lzw), 1 << 40) == len(TEXT) + 892_080
    bomb = b"<< /Filter /LZWDecode >>\nstream\n" + lzw_spaces(40) + b"\nendstream"  # 290 MB in 210 KB
    with pytest.raises(InflationLimitError):
        check_inflation(pdf_with_content(zlib.compress(TEXT), bomb), 16)
    runs = b"\x81 " * 4096 + b"\x02abc\x80"  # 4096 runs of 128 spaces, then 3 bytes copied
    rle = (
        b"<< /Filter [/ASCIIHexDecode /RunLengthDecode] >>\nstream\n" + runs.hex().encode() + b">\nendstream"
    )
    assert inflated_size(pdf_with_content(zlib.compress(TEXT), rle), 1 << 40) == len(TEXT) + 4096 * 128 + 3
