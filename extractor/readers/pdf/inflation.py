"""A bounded look at how far a PDF's streams inflate, before pdfium or pdfplumber parse the file.

A few MB of deflate data can inflate to GBs (a decompression bomb); pdfium would inflate a page's
content stream whole, and only a worker's RLIMIT_AS (--max-memory) would stop it, nothing with
--workers 0. So every `stream` after a dictionary is inflated here, in small pieces that are thrown
away, and the inflated bytes are summed until the budget (--max-inflated) is passed. zlib stops at
the end of each deflate stream by itself, so /Length is not trusted; data that is not deflate
(JPEG, encrypted streams, other filters) fails at once and is skipped. ASCII85 and ASCIIHex
filters before a deflate one are undone first. Object streams (/ObjStm), content streams, fonts
and forms all count.

Image XObjects (/Subtype /Image) do not count, and are not inflated: pdfium decodes an image only
when a page is rendered or its bitmap asked for, and the extractor only asks where images lie
(images.py). Inflating them would also cost the most time, as they are most of a report's bytes.
"""

from __future__ import annotations

import base64
import re
import zlib

from extractor.model.errors import InflationLimitError

MB = 1024 * 1024
_IN_PIECE = 64 * 1024  # compressed bytes given to zlib at once: zlib copies what it leaves unread
_OUT_PIECE = 1024 * 1024  # inflated bytes asked for at once: the most the check holds in memory
_HEADER_WINDOW = 4096  # how far back from `stream` its dictionary's `obj` keyword is looked for

_STREAM = re.compile(rb">>\s*stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_TEXT_FILTERS = {b"ASCII85Decode", b"A85", b"ASCIIHexDecode", b"AHx"}  # undone first, as pdfium would


def check_inflation(data: bytes, max_mb: int) -> None:
    """Raise InflationLimitError when the file's streams inflate past max_mb MB in all."""
    if inflated_size(data, max_mb * MB) > max_mb * MB:
        raise InflationLimitError(
            f"PDF streams inflate past {max_mb} MB (a decompression bomb?); "
            "raise --max-inflated if the file is genuine"
        )


def inflated_size(data: bytes, budget: int) -> int:
    """The bytes the file's non-image streams inflate to, counted up to just past `budget`."""
    view = memoryview(data)
    total, pos = 0, 0
    while total <= budget:
        found = _STREAM.search(data, pos)
        if found is None:
            break
        start = found.end()
        filters = _filters(data, found.start())
        if filters is None:  # an image
            size, used = 0, 0
        elif filters and filters[0] in _TEXT_FILTERS:
            size, used = _inflate(memoryview(_untext(data, start, filters)), 0, budget - total)[0], 0
        else:
            size, used = _inflate(view, start, budget - total)
        total += size
        pos = start + used if used else _after_stream(data, start)
    return total


def _filters(data: bytes, dict_end: int) -> list[bytes] | None:
    """The names of the stream's filters, in order; None for an image."""
    window = max(0, dict_end - _HEADER_WINDOW)
    begin = data.rfind(b"obj", window, dict_end)
    header = data[begin if begin >= 0 else window : dict_end]
    if _IMAGE.search(header):
        return None
    found = _FILTER.search(header)
    return _NAME.findall(found.group(1)) if found else []


def _untext(data: bytes, start: int, filters: list[bytes]) -> bytes:
    """The stream's data with its leading ASCII85/ASCIIHex filters undone (b"" when it is not so encoded)."""
    end = _after_stream(data, start)
    text = data[start:end]
    try:
        for name in filters:
            if name in (b"ASCII85Decode", b"A85"):
                text = base64.a85decode(
                    text.split(b"~>", 1)[0].replace(b"<~", b""), ignorechars=b" \t\n\r\f\0"
                )
            elif name in (b"ASCIIHexDecode", b"AHx"):
                digits = re.sub(rb"\s", b"", text.split(b">", 1)[0])
                text = bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
            else:
                break
    except (ValueError, UnicodeDecodeError):
        return b""
    return text


def _after_stream(data: bytes, start: int) -> int:
    end = data.find(b"endstream", start)
    return len(data) if end < 0 else end


def _inflate(view: memoryview, start: int, limit: int) -> tuple[int, int]:
    """(inflated bytes, compressed bytes read) of the deflate stream at `start`, stopping once more
    than `limit` came out; (0, 0) when the data there is not deflate."""
    inflater = zlib.decompressobj()
    size, pos, pending = 0, start, b""
    try:
        while not inflater.eof and size <= limit:
            if not pending:
                if pos >= len(view):
                    break
                pending = view[pos : pos + _IN_PIECE]
                pos += _IN_PIECE
            size += len(inflater.decompress(pending, _OUT_PIECE))
            pending = inflater.unconsumed_tail
    except zlib.error:
        if size == 0:
            return 0, 0
    used = min(pos, len(view)) - start - len(pending) - len(inflater.unused_data)
    return size, max(used, 0)
