"""One OCR word split where it holds two: Tesseract's recogniser sometimes reads two words a narrow
space apart as one ('Nimbus 3' as `Nimbus3`, 'Orca 1.5' as `Orca1.5`), and a short rule between two
header cells as a bar inside one word (`Nimbus|Orca`).

The space is still in the picture. A word whose letters each stand apart (as many runs of inked
pixel columns as characters) is split where the blank between two runs is at least SPACE_EM of
its font size, when both characters there are letters or digits and not both digits: the space
after a letter is 0.28-0.36 em on the corpus pages measured, the widest blank inside a word
~0.2 em (`r|t`, `N|I`); between two digits a tabular `1` alone leaves ~0.36 em (`1|1`), so a
number is never split. A word whose letters touch (fewer runs than characters) is split only
before a number it ends in (`Nimbus3`), whose digits stand apart; else it is left whole: its runs
cannot be told apart from its letters."""

from __future__ import annotations

import re
from dataclasses import replace

from extractor.readers.pdf.ocr_geometry import Boxed

# Pillow's box resampling (Image.Resampling.BOX), named without importing Pillow when this loads
_BOX = 4
# a pixel darker than this (0-255) is ink; the light edge of an anti-aliased letter is not
INK = 160
SPACE_EM = 0.25
_INNER_BAR = re.compile(r"(?<=\w)[|¦](?=\w)")


def word_parts(picture, word: Boxed, size_px: float) -> list[Boxed]:
    """`word` (boxed in `picture`, grayscale, white paper; font size `size_px`) as the words it
    holds: split at a space the picture shows, then at a bar between letters."""
    return [bar for part in _at_spaces(picture, word, size_px) for bar in _at_bars(part)]


def ink_runs(picture, word: Boxed) -> list[tuple[int, int]]:
    """The runs of pixel columns of `word`'s box holding ink, as (start, end) from its left."""
    if word.width < 1 or word.height < 1:
        return []
    box = (word.left, word.top, word.left + word.width, word.top + word.height)
    ink = picture.crop(box).point(lambda v: 255 if v >= INK else 0)
    blank = [v == 255 for v in ink.resize((word.width, 1), _BOX).tobytes()]
    runs: list[tuple[int, int]] = []
    for k, empty in enumerate(blank):
        if empty:
            continue
        if runs and runs[-1][1] == k:
            runs[-1] = (runs[-1][0], k + 1)
        else:
            runs.append((k, k + 1))
    return runs


def _at_spaces(picture, word: Boxed, size_px: float) -> list[Boxed]:
    text = word.text
    if len(text) < 2 or any(ch.isspace() for ch in text):
        return [word]
    runs = ink_runs(picture, word)
    if len(runs) != len(text):
        return _before_number(word, runs, size_px)
    cuts = [
        k
        for k in range(1, len(text))
        if runs[k][0] - runs[k - 1][1] >= SPACE_EM * size_px
        and text[k - 1].isalnum()
        and text[k].isalnum()
        and not (text[k - 1].isdigit() and text[k].isdigit())
    ]
    if not cuts:
        return [word]
    parts = []
    for a, b in zip([0, *cuts], [*cuts, len(text)]):
        # the outer parts keep the word's own edges (its anti-aliased rims are lighter than INK)
        left = runs[a][0] if a else 0
        right = runs[b - 1][1] if b < len(text) else word.width
        parts.append(replace(word, text=text[a:b], left=word.left + left, width=right - left))
    return parts


def _before_number(word: Boxed, runs: list[tuple[int, int]], size_px: float) -> list[Boxed]:
    """A word whose letters touch, ending in a number set a space apart (`Nimbus3` in bold): the
    number's digits stand apart, one run each, so the blank before them is found from the right."""
    text = word.text
    digits = len(text) - len(text.rstrip("0123456789"))
    if not digits or digits == len(text) or not text[-digits - 1].isalpha() or len(runs) <= digits:
        return [word]
    last, first = runs[-digits - 1], runs[-digits]
    if first[0] - last[1] < SPACE_EM * size_px:
        return [word]
    cut = len(text) - digits
    return [
        replace(word, text=text[:cut], width=last[1]),
        replace(word, text=text[cut:], left=word.left + first[0], width=word.width - first[0]),
    ]


def _at_bars(word: Boxed) -> list[Boxed]:
    """A bar read between two letters ends one word and starts another; parts placed in
    proportion to their characters."""
    text = word.text
    if not _INNER_BAR.search(text):
        return [word]
    parts = []
    at = 0
    for part in (p for p in _INNER_BAR.split(text) if p):
        start = text.index(part, at)
        at = start + len(part)
        left = word.left + word.width * start / len(text)
        right = word.left + word.width * at / len(text)
        parts.append(replace(word, text=part, left=left, width=right - left))
    return parts
