"""A bounded look at how far a PDF's streams inflate, before pdfium or pdfplumber parse the file.

A few MB of deflate data can inflate to GBs (a decompression bomb); pdfium would inflate a page's
content stream whole, and only a worker's RLIMIT_AS (--max-memory) would stop it, nothing with
--workers 0. So every `stream` after a dictionary is inflated here, in small pieces that are thrown
away, and the inflated bytes are summed until the budget (--max-inflated) is passed. zlib stops at
the end of each deflate stream by itself, so /Length is not trusted; data that is not deflate
(JPEG, encrypted streams, other filters) fails at once and is skipped. ASCII85 and ASCIIHex
filters before a deflate one are undone first; LZW and run-length data are measured by walking their
codes, without building what they decode to. Object streams (/ObjStm), content streams, fonts
and forms all count. The streams of an encrypted file cannot be measured before they are decrypted:
they look like no deflate data and pass.

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
_A85, _HEX = {b"ASCII85Decode", b"A85"}, {b"ASCIIHexDecode", b"AHx"}  # undone first, as pdfium would
_LZW, _RUN_LENGTH = {b"LZWDecode", b"LZW"}, {b"RunLengthDecode", b"RL"}  # counted without zlib
_COUNTED_APART = _A85 | _HEX | _LZW | _RUN_LENGTH
_LZW_CLEAR, _LZW_END, _LZW_MAX_CODES = 256, 257, 4096  # the LZW codes that reset, end; 12-bit codes


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
        elif filters and filters[0] in _COUNTED_APART:
            size, used = _decoded_size(data, start, filters, budget - total), 0
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


def _decoded_size(data: bytes, start: int, filters: list[bytes], limit: int) -> int:
    """The bytes a stream whose filters start with a text, LZW or run-length one decodes to."""
    encoded = data[start : _after_stream(data, start)]
    try:
        while filters and filters[0] in _A85 | _HEX:
            encoded = _untext(encoded, filters[0])
            filters = filters[1:]
    except (ValueError, UnicodeDecodeError):
        return 0
    if filters and filters[0] in _LZW:
        return _lzw_size(encoded, limit)
    if filters and filters[0] in _RUN_LENGTH:
        return _run_length_size(encoded, limit)
    return _inflate(memoryview(encoded), 0, limit)[0]


def _untext(text: bytes, name: bytes) -> bytes:
    if name in _A85:
        return base64.a85decode(text.split(b"~>", 1)[0].replace(b"<~", b""), ignorechars=b" \t\n\r\f\0")
    digits = re.sub(rb"\s", b"", text.split(b">", 1)[0])
    return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))


def _lzw_size(data: bytes, limit: int) -> int:
    """The bytes LZW data decodes to (codes widen early, PDF's default), from the length of each table
    entry alone: an entry is one byte longer than the one it grows from, so no string is built."""
    lengths = [1] * 256 + [0, 0]
    size, width, prev, buffer, count = 0, 9, -1, 0, 0
    for byte in data:
        buffer, count = (buffer << 8) | byte, count + 8
        if count < width:
            continue
        count -= width
        code, buffer = buffer >> count, buffer & ((1 << count) - 1)
        if code == _LZW_CLEAR:
            del lengths[258:]
            width, prev = 9, -1
            continue
        if code == _LZW_END or code > len(lengths) or (prev < 0 and code == len(lengths)):
            break
        if prev >= 0 and len(lengths) < _LZW_MAX_CODES:
            lengths.append(lengths[prev] + 1)
            if len(lengths) + 1 >= 1 << width:
                width = min(width + 1, 12)
        size += lengths[code]
        if size > limit:
            break
        prev = code
    return size


def _run_length_size(data: bytes, limit: int) -> int:
    """The bytes run-length data decodes to: a length byte below 128 copies that many bytes plus one,
    above 128 repeats the next byte 257 minus it times, 128 ends."""
    size, pos = 0, 0
    while pos < len(data) and size <= limit:
        n = data[pos]
        if n == 128:
            break
        size, pos = (size + n + 1, pos + n + 2) if n < 128 else (size + 257 - n, pos + 2)
    return size


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
