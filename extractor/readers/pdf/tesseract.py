"""The one place Tesseract is called: through tesserocr, Tesseract's own library in this process
(the wheel brings it), with the language data of Debian's `tesseract-ocr`. In process, a second
reading of a doubtful cell costs ~10 ms; starting the tesseract program for it cost ~300 ms.
Words come back cleaned (clean_word) and by Tesseract's lines, in its reading order."""

from __future__ import annotations

import functools
import os
import re
import threading
from pathlib import Path

from extractor.readers.pdf.ocr_geometry import Boxed
from extractor.readers.pdf.ocr_settings import OcrSettings

# where Debian (Tesseract 5 and 4), other distributions and Homebrew keep the language data;
# TESSDATA_PREFIX, when set, is looked in first
TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
)
# Tesseract's OpenMP threads make it 3-4 times slower on a machine of few cores, and documents are
# read in parallel workers anyway: one thread each, unless the user's environment says otherwise
_OMP_THREADS = "1"
# Tesseract's second, inverted reading of a line it doubts (tessedit_do_invert) stays on: it costs
# 11-16% of its time, but a scanned table's header on a dark ground is read right only by it
_WORD_LEVEL = "5"  # a word's row in Tesseract's TSV (1-4: page, block, paragraph, line)
# what OCR makes of a short rule or an underline: a word only of these, or a run of them at a word's
# end holding more than a hyphen
_RULE_MARKS = re.compile(r"[_|¦]+")
# specks read as punctuation: alone, never a table's cell (a dash is: an empty score)
_SPECKS = re.compile(r"[:;,.'\"`‘’“”]+")
_MARK_ENDS = re.compile(
    r"^(?:[_|¦]+|[-—–_|=~]*[—–_|=~][-—–_|=~]*)(?=\w)|(?<=[\w%)])(?:[_|¦]+|[-—–_|=~]*[—–_|=~][-—–_|=~]*)$"
)


def tessdata(language: str) -> Path | None:
    """The folder holding `language`'s trained data, or None."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    for folder in ([prefix, str(Path(prefix) / "tessdata")] if prefix else []) + list(TESSDATA_DIRS):
        if (Path(folder) / f"{language}.traineddata").is_file():
            return Path(folder)
    return None


@functools.cache
def ocr_unavailable(language: str = "eng") -> str | None:
    """Why OCR cannot run here (None when it can): tesserocr not installed, or no language data."""
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return "tesserocr is not installed"
    if tessdata(language) is None:
        return f"no Tesseract language data '{language}' (Debian's tesseract-ocr has it)"
    return None


_LOCAL = threading.local()


def _api(language: str):
    """One Tesseract per thread and language, kept: loading its model takes ~0.2 s, and one
    Tesseract must not read two pictures at once (a Dask worker runs documents in threads)."""
    apis = _LOCAL.__dict__.setdefault("apis", {})
    if language not in apis:
        os.environ.setdefault("OMP_THREAD_LIMIT", _OMP_THREADS)
        import tesserocr

        apis[language] = tesserocr.PyTessBaseAPI(path=str(tessdata(language)) + os.sep, lang=language)
    return apis[language]


def read_lines(picture, ocr: OcrSettings, psm: int | None = None) -> list[list[Boxed]]:
    """Tesseract's words of `picture` (a PIL image) in page segmentation mode `psm` (default
    `ocr.psm`), cleaned, by line. Raises TimeoutError past `ocr.timeout_s`."""
    api = _api(ocr.language)
    api.SetPageSegMode(ocr.psm if psm is None else psm)
    api.SetImage(picture)
    if not api.Recognize(timeout=round(ocr.timeout_s * 1000)):
        raise TimeoutError(f"Tesseract took over {ocr.timeout_s:g} s")
    lines: dict[tuple[str, str, str], list[Boxed]] = {}
    for row in api.GetTSVText(0).splitlines():
        level, _, block, par, line, _, left, top, width, height, conf, *text = row.split("\t")
        if level != _WORD_LEVEL or float(conf) < 0:
            continue
        confidence = float(conf) / 100
        word = clean_word("\t".join(text), confidence, ocr.min_confidence)
        if word:
            boxed = Boxed(word, int(left), int(top), int(width), int(height), confidence)
            lines.setdefault((block, par, line), []).append(boxed)
    return list(lines.values())


def clean_word(text: str, confidence: float, min_confidence: float) -> str:
    """A word as OCR read it, without what rules and underlines leave in it: marks at its ends
    (`2T-—`, `IB_`), or the whole word when it is only such marks or a lone mark read with doubt
    (`|` where a short rule divides two header cells). A dash read with confidence stays: it is a
    table's empty cell."""
    text = text.strip()
    if not text or _RULE_MARKS.fullmatch(text) or _SPECKS.fullmatch(text):
        return ""
    if not any(ch.isalnum() for ch in text):
        return text if confidence >= min_confidence else ""
    return _MARK_ENDS.sub("", text) or text
