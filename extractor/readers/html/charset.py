"""The charset a web page declares for itself (its <meta> or XML declaration), read from its bytes
before they are decoded; decode.py decodes them with it."""

from __future__ import annotations

import re

from extractor.readers.decode import Decoded, decode, normalize_label

__all__ = ["declared_encoding", "decode_html", "normalize_label"]

# Where the charset may be declared: browsers look at the first 1024 bytes; real pages
# sometimes put long <script>/<style> blocks first, so we look further.
_PRESCAN_BYTES = 8192
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)


def declared_encoding(data: bytes) -> str | None:
    """The Python codec for the charset a page declares (<meta> or XML declaration), if known."""
    head = data[:_PRESCAN_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    return normalize_label(match.group(1).decode("ascii", errors="ignore"))


def decode_html(data: bytes) -> Decoded:
    """A page's bytes decoded the way a browser would, with the charset it declares."""
    return decode(data, declared_encoding(data), kind="html")
