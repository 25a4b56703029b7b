"""Open PDF bytes with pdfium, turning its failures into ours (pdfplumber says why when pdfium cannot)."""

from __future__ import annotations

import io
import logging

import pypdfium2 as pdfium

from extractor.model.errors import CorruptPdfError, EncryptedPdfError

_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_REASONS = {
    1: "unknown error",
    2: "file not found or unreadable",
    3: "not a PDF or damaged",
    5: "unsupported security",
}

NEED_PASSWORD = "encrypted PDF: a password is needed (--password)"
WRONG_PASSWORD = "encrypted PDF: the password is wrong"


def open_pdfium(data: bytes, password: str | None) -> pdfium.PdfDocument:
    if b"%%EOF" not in data:
        raise CorruptPdfError("corrupt or truncated PDF: the file ends before its end-of-file marker")
    try:
        pdf = pdfium.PdfDocument(data, password=password or None)
    except pdfium.PdfiumError as e:
        if getattr(e, "err_code", None) == _PASSWORD_ERROR:
            raise EncryptedPdfError(WRONG_PASSWORD if password else NEED_PASSWORD) from None
        reason = _REASONS.get(getattr(e, "err_code", None) or 1, "unreadable")
        if _plumber_pages(data, password) == 0:
            reason = "it has no pages"  # pdfium refuses a document without pages; say why
        raise CorruptPdfError(f"corrupt or truncated PDF: {reason}") from None
    except Exception as e:  # pdfium's loader should not raise anything else; never let it escape raw
        raise CorruptPdfError(f"corrupt or truncated PDF: {type(e).__name__}") from None
    try:
        pages = len(pdf)
    except Exception:
        pages = 0
    if pages == 0:
        pdf.close()
        raise CorruptPdfError("corrupt or truncated PDF: it has no pages")
    return pdf


def _plumber_pages(data: bytes, password: str | None) -> int | None:
    pdf = open_plumber(data, password)
    if pdf is None:
        return None
    try:
        return len(pdf.pages)
    except Exception:
        return None
    finally:
        close_quietly(pdf)


def close_quietly(pdf) -> None:
    """pdfminer walks the page tree again on close and may raise there too; closing must not fail."""
    try:
        pdf.close()
    except Exception:
        pass


def open_plumber(data: bytes, password: str | None):
    """pdfplumber on the same bytes, or None when pdfminer cannot parse what pdfium could."""
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        return pdfplumber.open(io.BytesIO(data), password=password or "")
    except Exception:
        return None
