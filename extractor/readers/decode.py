"""Bytes -> text for every reader (`decode`), and the repair of text that was mis-decoded before we
got it.

A text file and a web page are decoded by the same steps: a byte order mark decides; else the
encoding the input declares, when its bytes are in it; else UTF-8; bytes that are none of these are
read as cp1252 (latin-1 where cp1252 has no character). They differ where their origins do:

- a web page is read as browsers read it (the WHATWG encoding rules, which pages are written
  against): only UTF-8 and UTF-16 marks, a declared label means what it means to a browser
  ("iso-8859-1" is cp1252), a page that is not UTF-8 is cp1252 as a whole, and only ftfy's
  encoding repairs are made, since quotes, ligatures and entities are the page's own choice;
- a text file may be stitched from several origins: UTF-32 marks count too, UTF-8 is kept where
  it is UTF-8 and each stray byte read as cp1252, line ends become '\\n', and mojibake is repaired
  by ftfy and through the legacy code pages ftfy does not know (`repair_mojibake`).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import ftfy

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Browsers know no UTF-32 mark: FF FE 00 00 opens a UTF-16 LE page.
_WHATWG_BOMS = tuple((bom, encoding) for bom, encoding in _BOMS if not encoding.startswith("utf-32"))

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
_PAGE_FIXES = ftfy.TextFixerConfig(
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

# Legacy code pages that UTF-8 gets mis-read as and that ftfy does not know. Each byte takes its
# character from the first page that defines it: cp874 (Thai Windows) leaves holes that real
# pages fill from cp1252 (the '˜' of 'โ€˜' is cp1252's 0x98); latin-1 fills the rest.
LEGACY_PAGES = ("cp874", "cp1252", "latin-1")


@dataclass
class Decoded:
    text: str
    encoding: str
    notes: list[str] = field(default_factory=list)  # what was guessed, worth a warning
    repaired: bool = False  # mojibake was repaired


def decode(data: bytes, declared: str | None = None, kind: Literal["text", "html"] = "text") -> Decoded:
    """The text of an input's bytes, mojibake repaired; never raises. `declared` is the encoding the
    input names for itself (a label or a codec name), `kind` says whether it is a text file or a
    web page (see the module's docstring)."""
    page = kind == "html"
    decoded = _decode(data, normalize_label(declared) if declared else None, page)
    if not page:
        decoded.text = _line_ends(decoded.text)
    fixed = ftfy.fix_text(decoded.text, _PAGE_FIXES) if page else repair_mojibake(decoded.text)
    if fixed != decoded.text:
        decoded.text = fixed
        decoded.repaired = True
    return decoded


def decode_text(data: bytes) -> str:
    """A text file's bytes as text, before any repair: a BOM decides; else UTF-8, with any byte that
    is not UTF-8 read as cp1252. Line ends become '\\n'."""
    return _line_ends(_decode(data, None, page=False).text)


def _decode(data: bytes, declared: str | None, page: bool) -> Decoded:
    for bom, encoding in _WHATWG_BOMS if page else _BOMS:
        if data.startswith(bom):
            return Decoded(data[len(bom) :].decode(encoding, errors="replace"), encoding)
    notes: list[str] = []
    if declared:
        try:
            return Decoded(data.decode(declared), declared)
        except UnicodeDecodeError:
            notes.append(f"page declares {declared} but its bytes are not {declared}")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", notes)
    except UnicodeDecodeError:
        pass
    if not page:  # a file of mixed origin: its UTF-8 stays, each stray byte is read as cp1252
        return Decoded(_leniently(data, "utf-8"), "utf-8", notes)
    if not declared:
        notes.append("no charset declared and not UTF-8; read as cp1252")
    return Decoded(_leniently(data, "cp1252"), "cp1252", notes)


def _leniently(data: bytes, encoding: str) -> str:
    """`data` in `encoding`, each byte it cannot read taken as cp1252, or latin-1 where cp1252 has no
    character (as browsers show cp1252's five holes). Python's surrogateescape keeps such bytes as
    lone surrogates, so no codec error handler of our own is registered."""
    return data.decode(encoding, errors="surrogateescape").translate(_escaped_bytes())


@lru_cache(maxsize=1)
def _escaped_bytes() -> dict[int, str]:
    return {0xDC00 + b: _byte_char(b, ("cp1252", "latin-1")) for b in range(0x80, 0x100)}


def _line_ends(text: str) -> str:
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def normalize_label(label: str) -> str | None:
    """The Python codec for an encoding label, as a browser reads the label; None when unknown."""
    try:
        info = codecs.lookup(label.strip().lower())
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):  # base64, hex, zlib: bytes-to-bytes, no charset
        return None
    name = info.name.replace("-", "_")
    if name == "utf_8":
        return "utf-8"
    return _SUPERSETS.get(name, name)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 that was decoded with the wrong code page: ftfy for the common pages, then the
    legacy pages ftfy does not know (LEGACY_PAGES)."""
    text = ftfy.fix_text(
        text,
        unescape_html=False,  # plain text: '&amp;' is what the author wrote
        uncurl_quotes=False,
        fix_character_width=False,
        explain=False,
    )
    return _RUN.sub(lambda m: _fix_run(m.group(0), m.string[m.end() : m.end() + 1]), text)


def _byte_char(byte: int, pages: tuple[str, ...] = LEGACY_PAGES) -> str:
    for page in pages:
        try:
            return bytes([byte]).decode(page)
        except UnicodeDecodeError:
            continue
    return chr(byte)


@lru_cache(maxsize=1)
def _reverse_map() -> dict[str, int]:
    """Character -> the byte it came from, through the layered 'sloppy' legacy page."""
    return {_byte_char(b): b for b in range(0x80, 0x100)}


def _lost_bytes() -> bytes:
    """Bytes no page but latin-1 defines: a lossy decoder dropped them, so mojibake lacks them."""
    return bytes(b for b in range(0x80, 0x100) if _byte_char(b, LEGACY_PAGES[:-1]) == chr(b))


# Runs of characters that stand for high bytes. Whitespace (the no-break space is 0xA0) is left
# out: next to mojibake it is nearly always a real space, and it would spoil the run's decoding.
_RUN = re.compile("[" + re.escape("".join(c for c in _reverse_map() if not c.isspace())) + "]+")


def _fix_run(run: str, following: str) -> str:
    """Re-encode the run through the legacy page and read it as UTF-8. Replace it only when the
    whole run decodes (or lacks just one dropped final byte), the result is shorter and plausible,
    so real text in that page (Thai) and ordinary symbols ('’', '…') stay as they are."""
    raw = bytes(_reverse_map()[c] for c in run)
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        if e.reason != "unexpected end of data" or len(raw) < 2:
            return run
        fixed = _complete_lost_byte(raw, following)
        if fixed is None:
            return run
    return fixed if len(fixed) < len(run) and _plausible(run, fixed) else run


def _complete_lost_byte(raw: bytes, following: str) -> str | None:
    """'โ€' + space was '”' (E2 80 9D) whose 0x9D was dropped: add the one lost byte that yields
    punctuation fitting the context (closing before a space, opening otherwise)."""
    closing = not following or following.isspace() or unicodedata.category(following).startswith("P")
    wanted = ("Pf", "Pe") if closing else ("Pi", "Ps")
    found = []
    for byte in _lost_bytes():
        try:
            text = (raw + bytes([byte])).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if unicodedata.category(text[-1]) in wanted:
            found.append(text)
    return found[0] if len(found) == 1 else None


def _plausible(run: str, fixed: str) -> bool:
    if any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in fixed):
        return False
    # A run made only of the first page's own letters may be real text ('แกง' decodes to a
    # Myanmar letter): accept it only when it turns into punctuation, symbols or Latin letters.
    native = all(unicodedata.category(c)[0] in "LM" for c in run)
    return not native or all(not c.isalpha() or unicodedata.name(c, "").startswith("LATIN") for c in fixed)
