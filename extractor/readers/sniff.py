"""Decide an input's type from its bytes, not its name."""

from __future__ import annotations

import re

from extractor.model.document import MediaType
from extractor.readers.inputs import InputData

# PDF readers accept the header anywhere in the first 1024 bytes.
_PDF_MAGIC = b"%PDF-"
# pictures: PNG's signature, and JPEG's start-of-image marker followed by any segment's marker
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")
_HTML_START = re.compile(
    rb"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_HTML_TAGS = re.compile(rb"<(html|body|table|div|p|meta|head)\b[^>]*>", re.I)
# Markdown (a README) may embed <div>/<p> tags, yet it is text: headings and pipe tables say so.
_MARKDOWN = re.compile(rb"^(#{1,6} \S|\|.*\|\s*$)", re.M)


def sniff(data: InputData) -> MediaType | None:
    """'pdf', 'html', 'text' or 'image' (PNG, JPEG); None for binary content that is none of them."""
    if _PDF_MAGIC in data[:1024]:
        return "pdf"
    if data[:16].startswith(_IMAGE_MAGIC):
        return "image"
    head = _ascii_view(data[:8192])
    if _HTML_START.match(head):
        return "html"
    if len(_HTML_TAGS.findall(head)) >= 3 and len(_MARKDOWN.findall(head)) < 2:
        return "html"
    if b"\x00" in head:
        return None
    return "text"


def _ascii_view(head: bytes) -> bytes:
    """The head as UTF-8 bytes, so that a UTF-16 page (with its BOM) matches the same patterns."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore").encode("utf-8")
    return head.lstrip(b"\xef\xbb\xbf")
