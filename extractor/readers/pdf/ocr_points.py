"""A decimal point Tesseract left out of a number (`181%` for `18.1%`: the point set tight before a
narrow `1`). The point is still in the picture: a word read as an integer whose ink holds, besides
one part per digit, one small dot on the digits' baseline between two of them gets its point back
there. A comma (its tail hangs below the baseline) is no point. Where Tesseract was unsure of the
word, a digit may be misread too (`719` for `77.9`): the number is then in doubt."""

from __future__ import annotations

import re
import statistics
from dataclasses import replace

import numpy as np

from extractor.readers.pdf.ocr_geometry import Boxed
from extractor.readers.pdf.ocr_spaces import INK

_INTEGER = re.compile(r"^\d{2,}%?$")
# of the digits' height: a dot is at most this wide and tall, and sits this near their baseline
_DOT_MAX = 0.3
_ON_BASELINE = 0.1
_GLYPH_MIN = 0.6  # a part this tall is a glyph (a digit, the stroke of a `%`), not a dot or a ring


def with_point(picture, word: Boxed, sure: float) -> Boxed:
    """`word` with the decimal point its ink shows and its text lacks put back; contested when
    Tesseract read it with less confidence than `sure`."""
    if not _INTEGER.match(word.text) or word.width < 1 or word.height < 1:
        return word
    box = (
        np.asarray(picture.crop((word.left, word.top, word.left + word.width, word.top + word.height))) < INK
    )
    parts = _components(box)
    if not parts:
        return word
    tall = max(bottom - top for _, top, _, bottom in parts)
    glyphs = [p for p in parts if p[3] - p[1] >= _GLYPH_MIN * tall]  # a digit, a `%`'s stroke
    digits = sum(ch.isdigit() for ch in word.text)
    if len(glyphs) != digits + word.text.endswith("%"):
        return word  # a digit in two pieces, or two run together: no place to count from
    base = statistics.median(bottom for *_, bottom in glyphs)
    dots = [
        (left + right) / 2
        for left, top, right, bottom in parts
        if right - left <= _DOT_MAX * tall
        and bottom - top <= _DOT_MAX * tall
        and abs(bottom - base) <= _ON_BASELINE * tall
    ]
    if len(dots) != 1:
        return word
    k = sum(1 for left, _, right, _ in glyphs if (left + right) / 2 < dots[0])
    if not 0 < k < digits:
        return word
    text = f"{word.text[:k]}.{word.text[k:]}"
    return replace(word, text=text, contested=word.contested or word.confidence < sure)


def _components(ink: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The boxes (left, top, right, bottom) of the 8-connected parts of `ink`, a word's small mask."""
    seen = np.zeros_like(ink)
    height, width = ink.shape
    out = []
    for y, x in zip(*np.nonzero(ink), strict=True):
        if seen[y, x]:
            continue
        seen[y, x] = True
        stack, box = [(y, x)], [x, y, x + 1, y + 1]
        while stack:
            cy, cx = stack.pop()
            box = [min(box[0], cx), min(box[1], cy), max(box[2], cx + 1), max(box[3], cy + 1)]
            for ny in range(max(0, cy - 1), min(height, cy + 2)):
                for nx in range(max(0, cx - 1), min(width, cx + 2)):
                    if ink[ny, nx] and not seen[ny, nx]:
                        seen[ny, nx] = True
                        stack.append((ny, nx))
        out.append((box[0], box[1], box[2], box[3]))
    return out
