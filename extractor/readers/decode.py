"""Bytes of a text file -> str, and repair of text that was mis-decoded before we got it."""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

import ftfy

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Legacy code pages that UTF-8 gets mis-read as and that ftfy does not know. Each byte takes its
# character from the first page that defines it: cp874 (Thai Windows) leaves holes that real
# pages fill from cp1252 (the '˜' of 'โ€˜' is cp1252's 0x98); latin-1 fills the rest.
LEGACY_PAGES = ("cp874", "cp1252", "latin-1")


def _cp1252_or_latin1(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decode error handler: a byte that is not UTF-8 is read as cp1252 (latin-1 where undefined)."""
    bad = error.object[error.start : error.end]
    return "".join(_byte_char(b, ("cp1252", "latin-1")) for b in bad), error.end


codecs.register_error("extractor-cp1252", _cp1252_or_latin1)


def decode_text(data: bytes) -> str:
    """A BOM decides; else UTF-8, with any byte that is not UTF-8 read as cp1252. Never raises.
    Line ends become '\\n'."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            break
    else:
        text = data.decode("utf-8", errors="extractor-cp1252")
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


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
