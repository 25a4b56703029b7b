"""Open PDF bytes with pdfium, turning its failures into ours (pdfminer says why when pdfium cannot)."""

from __future__ import annotations

import io
import logging

import pypdfium2 as pdfium

from extractor.model.errors import CorruptPdfError, EncryptedPdfError
from extractor.readers.inputs import InputData, MappedFile

_PASSWORD_ERROR = 4  # FPDF_ERR_PASSWORD
_SECURITY_ERROR = 5  # FPDF_ERR_SECURITY
# Some damaged files fail to load without pdfium setting its last error, which then reads "success" or
# the previous document's error (a password needed, after an encrypted one): its code is believed only
# for a file that is encrypted; for any other, pdfminer is asked what is broken.
_ENCRYPTED = b"/Encrypt"
_SOME_OBJECTS = "damaged objects"  # what pdfminer blames when the cross-references and page tree are sound

NEED_PASSWORD = "encrypted PDF: a password is needed (--password)"
WRONG_PASSWORD = "encrypted PDF: the password is wrong"


def open_pdfium(data: InputData, password: str | None) -> pdfium.PdfDocument:
    """pdfium on the bytes, or on the file itself when they are a mapped file (pdfium then reads the
    parts it needs, and the mapping's pages can be let go)."""
    if data.rfind(b"%%EOF") < 0:
        raise CorruptPdfError("corrupt or truncated PDF: the file ends before its end-of-file marker")
    try:
        pdf = pdfium.PdfDocument(
            str(data.path) if isinstance(data, MappedFile) else data, password=password or None
        )
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None) if data.find(_ENCRYPTED) >= 0 else None
        if code == _PASSWORD_ERROR:
            raise EncryptedPdfError(WRONG_PASSWORD if password else NEED_PASSWORD) from None
        if code == _SECURITY_ERROR:
            raise CorruptPdfError("corrupt or truncated PDF: unsupported security") from None
        damage = _damage(data, password)
        reason = f"pdfium cannot parse it ({damage})"
        if damage == _SOME_OBJECTS and _plumber_pages(data, password) == 0:
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


def reopen_pdfium(data: InputData, password: str | None) -> pdfium.PdfDocument:
    """A PDF open_pdfium opened once, opened again. A mapped file is opened by its path without
    touching the mapping: a file cut shorter since (rewritten by another program) would kill the
    process with SIGBUS where the mapping is read past its new end; pdfium says so as an error."""
    if not isinstance(data, MappedFile):
        return open_pdfium(data, password)
    try:
        return pdfium.PdfDocument(str(data.path), password=password or None)
    except Exception as e:
        raise CorruptPdfError(f"the file changed while it was read ({type(e).__name__})") from None


def _damage(data: InputData, password: str | None) -> str:
    """What pdfminer finds broken, read strictly, in a file pdfium cannot parse: its cross-reference
    table, its catalog, its page tree or, when those are sound, some other objects."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)), password=password or "", fallback=False)
    except Exception:
        return "its cross-reference table is damaged or missing"
    catalog = getattr(doc, "catalog", None)
    if not isinstance(catalog, dict) or not catalog:
        return "its catalog is damaged"
    try:
        root = resolve1(catalog.get("Pages"))
        kids = resolve1(root.get("Kids")) if isinstance(root, dict) else None
        sound = isinstance(kids, list) and all(isinstance(resolve1(k), dict) for k in kids)
    except Exception:
        sound = False
    return _SOME_OBJECTS if sound else "its page tree is damaged"


def _plumber_pages(data: InputData, password: str | None) -> int | None:
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


def open_plumber(data: InputData, password: str | None):
    """pdfplumber on the same bytes, or None when pdfminer cannot parse what pdfium could."""
    import pdfplumber

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        return pdfplumber.open(io.BytesIO(data), password=password or "")
    except Exception:
        return None
