"""Text to an lxml tree. lxml repairs malformed markup; what it still refuses becomes our error."""

from __future__ import annotations

import re

from lxml import etree, html

from extractor.model.errors import EmptyInputError, UnsupportedInputError

# lxml refuses str input that still carries an XML encoding declaration; the bytes are decoded already.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Control characters have no place in HTML text and make libxml2 stop early.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")

NO_TEXT = "HTML page has no text"


def parse_html(text: str):
    """The document's root <html> element."""
    text = _CONTROL.sub(" ", _XML_DECLARATION.sub("", text, count=1))
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        return html.document_fromstring(text, parser=parser)
    except etree.ParserError as error:
        # lxml's "Document is empty": nothing but whitespace, comments or a doctype.
        if "empty" in str(error).lower():
            raise EmptyInputError(NO_TEXT) from None
        raise UnsupportedInputError(f"cannot parse HTML: {_one_line(error)}") from None
    except (etree.LxmlError, ValueError) as error:
        raise UnsupportedInputError(f"cannot parse HTML: {_one_line(error)}") from None


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split()) or type(error).__name__
