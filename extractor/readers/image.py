"""PNG and JPEG inputs: a picture is a one-page document whose page is the picture. Pillow makes it
a PDF page at the picture's own resolution and the PDF stage reads it: a page without text, so OCR
reads it, and the tables found on it are engine `ocr`. Without OCR a picture cannot be read at all:
it fails, saying how to enable OCR."""

from __future__ import annotations

from io import BytesIO

from extractor.model.document import Document
from extractor.model.errors import InputError, UnsupportedInputError
from extractor.model.options import RunOptions
from extractor.readers.inputs import new_document
from extractor.readers.pdf import ocr, read_pdf_into
from extractor.vocab import Vocabulary

# a picture that says nothing of its resolution is taken as a screenshot's (CSS pixels)
_DEFAULT_DPI = 96.0
# more pixels than this is no table picture but a decompression bomb, or a poster OCR would take minutes on
_MAX_PIXELS = 100_000_000


def read_image(data: bytes, source: str, options: RunOptions, vocab: Vocabulary) -> Document:
    """A new Document of a PNG's or JPEG's bytes, read with OCR. Raises UnsupportedInputError when
    OCR is not available or turned off, InputError when the picture cannot be decoded. `vocab` repairs
    the benchmark names OCR misread, as in the PDF reader."""
    if not options.pdf.ocr:
        raise UnsupportedInputError("a picture is read only with OCR, which is turned off")
    if ocr.ocr_unavailable():
        raise UnsupportedInputError(f"a picture is read only with OCR: {ocr.why_no_ocr()}")
    return read_pdf_into(new_document(data, source, "image"), as_pdf(data), options, vocab=vocab)


def as_pdf(data: bytes) -> bytes:
    """The picture as a one-page PDF, a pixel for a pixel at its resolution."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(BytesIO(data)) as img:
            if img.width * img.height > _MAX_PIXELS:
                raise InputError(f"a picture of {img.width}x{img.height} pixels, over {_MAX_PIXELS:,}")
            dpi = float((img.info.get("dpi") or (_DEFAULT_DPI,))[0]) or _DEFAULT_DPI
            page = img.convert("L" if img.mode in ("1", "L", "LA", "I", "I;16") else "RGB")
            out = BytesIO()
            page.save(out, "PDF", resolution=dpi)
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as e:
        raise InputError(f"the picture cannot be decoded: {e}"[:300]) from None
    return out.getvalue()
