"""Load one input (file or URL) into a Document; the type comes from the content."""

from __future__ import annotations

import hashlib

from extractor.model.document import Document, make_doc_id
from extractor.model.errors import EmptyInputError, InputError, MissingInputError, UnsupportedInputError
from extractor.model.options import RunOptions, SourceOptions
from extractor.readers.inputs import InputRef, expand_inputs
from extractor.readers.sniff import sniff
from extractor.readers.url import fetch_url

__all__ = ["InputRef", "expand_inputs", "load", "make_doc_id", "read_bytes"]

_SUFFIX_TYPES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".xhtml": "html"}


def read_bytes(ref: InputRef, options: SourceOptions) -> bytes:
    if ref.missing:
        raise MissingInputError("no such file or folder")
    if ref.is_url:
        data = fetch_url(ref.source, options)
    else:
        assert ref.path is not None
        try:
            size = ref.path.stat().st_size
            if size > options.max_bytes:
                raise InputError(f"file is {size} bytes, over the limit of {options.max_bytes}")
            data = ref.path.read_bytes()
        except FileNotFoundError:
            raise MissingInputError("no such file") from None
        except OSError as e:
            raise InputError(f"cannot read: {e.strerror or e}") from None
    if not data.strip():
        raise EmptyInputError("empty file" if data == b"" else "file holds only whitespace")
    return data


def load(ref: InputRef, options: RunOptions) -> Document:
    data = read_bytes(ref, options.source)
    kind = sniff(data)
    if kind is None:
        raise UnsupportedInputError("binary content that is neither PDF, HTML nor text")
    sha = hashlib.sha256(data).hexdigest()
    doc = Document(doc_id=make_doc_id(ref.source, sha), source=ref.source, sha256=sha, media_type=kind)
    if kind == "pdf":
        from extractor.readers.pdf import load_pdf

        doc = load_pdf(data, doc, options.pdf, password=options.source.password)
    elif kind == "html":
        from extractor.readers.html import load_html

        doc = load_html(data, doc)
    else:
        from extractor.readers.text.page import load_text

        doc = load_text(data, doc)
    named = _SUFFIX_TYPES.get(ref.path.suffix.lower()) if ref.path else None
    if named and named != kind:
        doc.warn("type-mismatch", f"named {ref.path.suffix} but holds {kind}; read as {kind}")
    return doc
