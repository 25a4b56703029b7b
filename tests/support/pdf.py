"""Helpers shared by the PDF tests: the sample generator, a loader, and small PDFs made in memory."""

from __future__ import annotations

import importlib.util
from functools import cache, lru_cache
from io import BytesIO
from pathlib import Path

from extractor.model.document import Document
from extractor.model.options import PdfOptions
from extractor.readers.pdf import load_pdf

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"


@lru_cache(maxsize=1)
def generator():
    """samples/generate_pdfs.py as a module: its constants are what the samples hold."""
    spec = importlib.util.spec_from_file_location("generate_pdfs", SAMPLES / "generate_pdfs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(data: bytes, password: str | None = None, **options) -> Document:
    doc = Document(doc_id="test", source="test.pdf", sha256="0" * 64, media_type="pdf")
    return load_pdf(data, doc, PdfOptions(**options), password)


@cache
def sample(name: str) -> Document:
    return load((SAMPLES / name).read_bytes())


def pdf_bytes(draw, pages: int = 1, rotation: int = 0, encrypt=None) -> bytes:
    """A PDF drawn by `draw(canvas, page_index)` on letter pages."""
    from reportlab.pdfgen import canvas

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=(612, 792), invariant=1, encrypt=encrypt)
    for i in range(pages):
        if rotation:
            c.setPageRotation(rotation)
        draw(c, i)
        c.showPage()
    c.save()
    return buf.getvalue()


def text_page(c, i) -> None:
    c.setFont("Times-Roman", 10)
    lines = [
        "This page holds only running text. It talks about evaluation in general terms and names",
        "no numbers at all, so nothing on it should ever be read as a table by the extractor, even",
        "though some lines are long and others are short.",
    ]
    for k, line in enumerate(lines):
        c.drawString(72, 700 - 12 * k - 60 * i, line)
