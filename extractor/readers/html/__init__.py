"""The HTML stage: a web page's bytes into the Document's title, abstract, text blocks and tables.

charset.py         the charset a page declares; readers/decode.py decodes the bytes with it
parse.py           str -> lxml tree, with our errors instead of lxml's
metadata.py        <meta> tags and the title
abstract.py        the abstract
table_elements.py  <table> -> Table (which tables count, captions); spans.py lays out spans
element_text.py    an element's visible text
blocks.py          headings, paragraphs and captions as TextBlocks
"""

from __future__ import annotations

from lxml import etree

from extractor.model.document import Document
from extractor.model.errors import EmptyInputError, UnsupportedInputError
from extractor.model.options import RunOptions
from extractor.readers.decode import decode
from extractor.readers.html.abstract import find_abstract
from extractor.readers.html.blocks import extract_blocks
from extractor.readers.html.charset import declared_encoding
from extractor.readers.html.metadata import find_title, read_meta
from extractor.readers.html.parse import NO_TEXT, parse_html
from extractor.readers.html.table_elements import extract_tables
from extractor.readers.inputs import new_document
from extractor.vocab import Vocabulary

__all__ = ["read_html"]

# Table notes worth a warning: the markup was wrong and the grid is our best reading of it.
_REPAIR_WORDS = ("invalid", "overlapping")


def read_html(data: bytes, source: str, options: RunOptions, vocab: Vocabulary) -> Document:
    """A new Document of a web page's bytes; EmptyInputError when the page shows no text at all,
    UnsupportedInputError when it cannot be parsed. A page without tables only gets a warning.
    Neither `options` nor `vocab` changes how a page is read."""
    doc = new_document(data, source, "html")
    decoded = decode(data, declared_encoding(data), kind="html")
    for note in decoded.notes:
        doc.warn("html-encoding", note)
    if decoded.repaired:
        doc.warn("html-mojibake", "repaired text that had been decoded with the wrong encoding")
    try:
        _fill(parse_html(decoded.text), doc)
    except etree.LxmlError as error:  # lxml is forgiving; this is a last guard, not a path
        raise UnsupportedInputError(f"cannot read HTML: {' '.join(str(error).split())}") from None
    return doc


def _fill(root, doc: Document) -> None:
    meta = read_meta(root)
    title = find_title(root, meta)
    found = extract_tables(root)
    blocks = extract_blocks(root, {element for element, _ in found}, title)
    if not blocks and not found:
        raise EmptyInputError(NO_TEXT)
    doc.title = title
    doc.abstract = find_abstract(root, meta, title, [b.text for b in blocks])
    doc.blocks = blocks
    doc.tables = [table for _, table in found]
    if not doc.tables:
        doc.warn("no-tables", "no tables found")
    for table in doc.tables:
        repairs = [n for n in table.notes if any(w in n for w in _REPAIR_WORDS)]
        if repairs:
            doc.warn("table-markup", f"table {table.index}: {repairs[0]}", table_index=table.index)
