"""The one helper every line the CLI prints goes through when it holds text from outside (a source
name, an error, a record's names): control characters escaped, so a file name cannot forge a line
(`\\n`) or drive the terminal (ESC, shown `\\x1b`)."""

from __future__ import annotations

import unicodedata

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Not category Cc but as dangerous on a terminal: line breaks and the bidirectional overrides.
_ALSO = {"\u2028", "\u2029", *map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A))}


def _escape(ch: str) -> str:
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` as one printable line: each control character written as its escape."""
    s = str(text)
    if s.isprintable():
        return s
    return "".join(_escape(ch) if ch in _ALSO or unicodedata.category(ch) == "Cc" else ch for ch in s)
