"""Bytes to text for HTML pages: BOM, then the page's own charset declaration, then UTF-8, then cp1252.

Browsers follow the WHATWG encoding rules, and pages are written against browsers, so we
follow the same order and the same label substitutions (e.g. "iso-8859-1" means cp1252).
Mojibake that survives decoding (UTF-8 bytes that someone once read as cp1252 and saved
again, "â€™") is repaired with ftfy, limited to encoding fixes so quotes and ligatures stay.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

import ftfy

# Where the charset may be declared: browsers look at the first 1024 bytes; real pages
# sometimes put long <script>/<style> blocks first, so we look further.
_PRESCAN_BYTES = 8192
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF16_LE, "utf-16-le"))

# WHATWG maps these labels to a superset; Python's codecs for the narrow ones reject bytes
# that browsers show fine (e.g. 0x93 curly quotes in pages labelled iso-8859-1).
_SUPERSETS = {
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "iso8859_9": "cp1254",
    "iso8859_11": "cp874",
    "tis_620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "euc_kr": "cp949",
    "shift_jis": "cp932",
    # A <meta> can only be read if the page is ASCII-compatible, so a UTF-16 label there is wrong.
    "utf_16": "utf-8",
    "utf_16_le": "utf-8",
    "utf_16_be": "utf-8",
    "utf_32": "utf-8",
}

# Only encoding repairs: quote styles, ligatures, widths and entities are the page's own choice.
_FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)


@dataclass
class Decoded:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)
    repaired: bool = False


def decode_html(data: bytes) -> Decoded:
    """Decode a page the way a browser would, then repair mojibake."""
    decoded = _decode(data)
    fixed = ftfy.fix_text(decoded.text, _FTFY_CONFIG)
    if fixed != decoded.text:
        decoded.text = fixed
        decoded.repaired = True
    return decoded


def _decode(data: bytes) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(encoding, errors="replace"), encoding)
    notes: list[str] = []
    declared = declared_encoding(data)
    if declared:
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            notes.append(f"page declares {declared} but its bytes are not {declared}")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", notes)
    except UnicodeDecodeError:
        pass
    if not declared:
        notes.append("no charset declared and not UTF-8; read as cp1252")
    return Decoded(data.decode("cp1252", errors="latin1_fallback"), "cp1252", notes)


def declared_encoding(data: bytes) -> str | None:
    """The Python codec for the charset a page declares (<meta> or XML declaration), if known."""
    head = data[:_PRESCAN_BYTES]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if not match:
        return None
    return normalize_label(match.group(1).decode("ascii", errors="ignore"))


def normalize_label(label: str) -> str | None:
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    name = name.replace("-", "_")
    if name == "utf_8":
        return "utf-8"
    return _SUPERSETS.get(name, name)


def _latin1_fallback(error: UnicodeError) -> tuple[str, int]:
    # cp1252 leaves five bytes undefined; browsers show them as the same-numbered code point.
    assert isinstance(error, UnicodeDecodeError)
    chunk = error.object[error.start : error.end]
    return bytes(chunk).decode("latin-1"), error.end


codecs.register_error("latin1_fallback", _latin1_fallback)
