"""Load one input (file or URL) into a Document; the type comes from the content.

Every format reader has one shape (`Reader`): the input's bytes, the name it goes by (a path or
URL), the run's options and the shared vocabulary in; a new Document out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from stat import S_ISREG

from extractor.model.document import Document, MediaType, make_doc_id
from extractor.model.errors import EmptyInputError, InputError, MissingInputError, UnsupportedInputError
from extractor.model.options import RunOptions, SourceOptions
from extractor.readers.html import read_html
from extractor.readers.image import read_image
from extractor.readers.inputs import InputData, InputRef, MappedFile, expand_inputs
from extractor.readers.pdf import read_pdf
from extractor.readers.sniff import sniff
from extractor.readers.text import read_text
from extractor.vocab import Vocabulary, load_vocabulary

__all__ = ["InputRef", "Reader", "expand_inputs", "load", "make_doc_id", "read_bytes"]

Reader = Callable[[InputData, str, RunOptions, Vocabulary], Document]
# a local file this large is mapped rather than read (inputs.MappedFile); smaller ones are read whole,
# which costs less than mapping them
MAP_FROM_BYTES = 4 * 1024 * 1024
_NOT_SPACE = re.compile(rb"\S")

_SUFFIX_TYPES = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
}


def read_bytes(ref: InputRef, options: SourceOptions) -> InputData:
    if ref.missing:
        raise MissingInputError("no such file or folder")
    if ref.is_url:
        from extractor.readers.url import fetch_url  # httpx (~18 MB) only in a worker given a URL

        data = fetch_url(ref.source, options)
    else:
        assert ref.path is not None
        try:
            data = _read_capped(ref, options.max_bytes)
        except FileNotFoundError:
            raise MissingInputError("no such file") from None
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}") from None
    if not _NOT_SPACE.search(data):
        raise EmptyInputError("empty file" if len(data) == 0 else "file holds only whitespace")
    return data


def _read_capped(ref: InputRef, max_bytes: int) -> InputData:
    """At most max_bytes: the size stat gives is checked first, but it is 0 for a device or a pipe
    (/dev/zero, a FIFO), so the read itself stops one byte past the limit. A large regular file is
    mapped, not read."""
    assert ref.path is not None
    stat = ref.path.stat()
    size = stat.st_size
    if size > max_bytes:
        raise InputError(f"file is {size} bytes, over the limit of {max_bytes}")
    if size >= MAP_FROM_BYTES and S_ISREG(stat.st_mode):
        return MappedFile.of(ref.path)
    with ref.path.open("rb") as f:
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"input is larger than the limit of {max_bytes} bytes")
    return data


def load(ref: InputRef, options: RunOptions) -> Document:
    given = read_bytes(ref, options.source)
    try:
        kind = sniff(given)
        if kind is None:
            raise UnsupportedInputError(
                "binary content that is neither PDF, HTML, text nor a PNG or JPEG picture"
            )
        # only the PDF reader takes a mapped file; the others want bytes
        data = given[:] if kind != "pdf" and isinstance(given, MappedFile) else given
        # the built-in names, as ever: the run's alias file (options.normalize) applies to the records
        doc = reader(kind)(data, ref.source, options, load_vocabulary())
    finally:
        if isinstance(given, MappedFile):
            given.close()
    named = _SUFFIX_TYPES.get(ref.path.suffix.lower()) if ref.path else None
    if named and named != kind:
        doc.warn("type-mismatch", f"named {ref.path.suffix} but holds {kind}; read as {kind}")
    return doc


def reader(kind: MediaType) -> Reader:
    """The reader of one type."""
    return _READERS[kind]


# Imported here, not when first asked for: the worker's forkserver preloads the pipeline, and with
# it every reader's libraries (pdfium, pdfplumber, lxml), so no document pays for those imports;
# Pillow and tesserocr, needed only by pictures, load when first used.
_READERS: dict[str, Reader] = {
    "pdf": read_pdf,
    "html": read_html,
    "text": read_text,
    "image": read_image,
}
