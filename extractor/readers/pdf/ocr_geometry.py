"""Where OCR's words stand: Tesseract boxes a word around whatever ink it took for it (a speck, a
descender, a rule's remnant), so its box's bottom is no baseline. A word's baseline is read from the
picture instead: the lowest pixel row that the word's letters fill as densely as their body (a
descender's tail is a thin stroke; the body of capitals, digits and lower-case letters is not).
Words of one Tesseract line on nearly one baseline are set on one; a label centred on two header
lines, half a line off, keeps its own."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from extractor.readers.pdf.ocr_settings import OcrSettings

# Pillow's box resampling (Image.Resampling.BOX), named without importing Pillow when this loads
_BOX = 4
# a pixel row of a word darker than this share of its darkest row is the letters' body (a row
# through the tail of a `p` or a `g` in a word of six letters is under a fifth of it)
BODY_ROW_SHARE = 0.3
# letters that hang below the baseline, by how much (em), and those that reach the capitals' height
_DESCENDERS = re.compile(r"[gjpqy,;()\[\]{}]")
_DESCENDER_EM = 0.21
_TALL = re.compile(r"[A-Z0-9bdfhklt]")
# a word's box over its font size: capitals and digits are 0.72 em high, a word with a descender 0.95
HEIGHT_EM = 0.8


@dataclass(frozen=True)
class Boxed:
    """A word as Tesseract boxed it, in pixels of the picture it read."""

    text: str
    left: int
    top: int
    width: int
    height: int
    confidence: float  # Tesseract's, 0-1
    contested: bool = False  # another reading of it gave other digits, nearly as surely (ocr_reread.py)


def place_line(
    picture, words: Sequence[Boxed], cap_height_em: float, same_em: float
) -> tuple[float, list[float]]:
    """The font size of one OCR line and each word's baseline (pixels). The size is a capital's
    height above the baseline over `cap_height_em`, measured on words holding a tall letter (a box's
    height also holds descenders: `pass@1` boxed 1.4 times as tall as `Model`)."""
    inked = [ink_baseline(picture, w.left, w.top, w.width, w.height) for w in words]
    caps = [b - w.top for w, b in zip(words, inked, strict=True) if b is not None and _TALL.search(w.text)]
    size = statistics.median(caps or [w.height for w in words]) / cap_height_em
    own = [
        b if b is not None else _box_baseline(w, size, cap_height_em)
        for w, b in zip(words, inked, strict=True)
    ]
    return size, shared_baselines(own, size, same_em)


def on_baselines(line: Sequence[Boxed], baselines: Sequence[float]) -> list[list[Boxed]]:
    """A line's words grouped by the baselines place_line gave them, top to bottom: a Tesseract
    line may hold two header lines, or a row's label set on a line of its own."""
    return [[w for w, b in zip(line, baselines, strict=True) if b == base] for base in sorted(set(baselines))]


def line_parts(picture, line: Sequence[Boxed], ocr: OcrSettings) -> list[list[Boxed]]:
    """A Tesseract line's words by baseline (on_baselines of place_line): a line may run a row's
    label, set on its own line (`en | zh | yue | fr`), into the row beside it."""
    if not line:
        return []
    return on_baselines(line, place_line(picture, line, ocr.cap_height_em, ocr.same_baseline_em)[1])


def index_runs(indexes: np.ndarray, gap: int = 1) -> list[tuple[int, int]]:
    """Runs of ascending indexes less than `gap` apart (consecutive ones by default), as (start, end)."""
    runs: list[list[int]] = []
    for k in indexes.tolist():
        if runs and k - runs[-1][1] < gap:
            runs[-1][1] = k + 1
        else:
            runs.append([k, k + 1])
    return [(a, b) for a, b in runs]


def _box_baseline(word: Boxed, size: float, cap_height_em: float) -> float:
    """Where a word without ink found in its box stands: its box's bottom, unless a letter hangs below."""
    bottom = word.top + word.height
    if not _DESCENDERS.search(word.text):
        return float(bottom)
    if _TALL.search(word.text):
        return word.top + cap_height_em * size
    return bottom - _DESCENDER_EM * size


def ink_baseline(picture, left: int, top: int, width: int, height: int) -> float | None:
    """The baseline (pixel row, below the body's last row) of the word boxed at (left, top, width,
    height) in `picture` (grayscale, white paper), or None for a box without ink."""
    if width < 1 or height < 1:
        return None
    rows = picture.crop((left, top, left + width, top + height)).resize((1, height), _BOX).tobytes()
    darkness = [255 - v for v in rows]
    darkest = max(darkness)
    if darkest == 0:
        return None
    body = [k for k, d in enumerate(darkness) if d >= BODY_ROW_SHARE * darkest]
    return float(top + body[-1] + 1)


def shared_baselines(baselines: Sequence[float], size: float, same_em: float) -> list[float]:
    """Each word's baseline of one OCR line, words within `same_em` (of the font size) of their
    neighbour in height set on their group's median: a line's words then share one baseline unless
    they stand apart (a label centred on two header lines)."""
    order = sorted(range(len(baselines)), key=lambda k: baselines[k])
    groups: list[list[int]] = []
    for k in order:
        if groups and baselines[k] - baselines[groups[-1][-1]] <= same_em * size:
            groups[-1].append(k)
        else:
            groups.append([k])
    out = [0.0] * len(baselines)
    for group in groups:
        common = statistics.median(baselines[k] for k in group)
        for k in group:
            out[k] = common
    return out
