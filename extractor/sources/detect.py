"""Decide an input's type from its bytes, not its name."""

from __future__ import annotations

import re

from extractor.document import MediaType

# PDF readers accept the header anywhere in the first 1024 bytes.
_PDF_MAGIC = b"%PDF-"
_HTML_START = re.compile(rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_HTML_TAGS = re.compile(rb"<(html|body|table|div|p|meta|head)\b[^>]*>", re.I)


def sniff(data: bytes) -> MediaType | None:
    """'pdf', 'html' or 'text'; None for binary content that is none of them."""
    head = data[:8192].lstrip(b"\xef\xbb\xbf")
    if _PDF_MAGIC in data[:1024]:
        return "pdf"
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    if b"\x00" in head and not _looks_utf16(head):
        return None
    return "text"


def _looks_utf16(head: bytes) -> bool:
    return head.startswith((b"\xff\xfe", b"\xfe\xff"))
