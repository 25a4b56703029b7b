"""Ink Tesseract left unread. Where lines are set close (a category's name on two lines beside the
rows it spans), Tesseract's page layout may skip a whole line of a table, scores and all, with no
word and no doubt to tell of it. The picture still holds it: with every word read painted out, the
pixel rows where ink is left, as tall as a line of the words read, are read again, alone, and the
words read there with confidence are added."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

import numpy as np

from extractor.readers.pdf.ocr_geometry import Boxed
from extractor.readers.pdf.ocr_reread import BLOCK, read_crop
from extractor.readers.pdf.ocr_settings import OcrSettings

INK = 160  # a pixel darker than this (0-255) is ink; an anti-aliased rim of a letter read is not
_ROW_INK_PX = 2  # a pixel row with fewer inked pixels left holds no unread text
_JOIN_EM = 0.15  # ink rows this close (of the words' height) are one band: a letter's parts
_BAND_MIN = 0.5  # a band lower than this share of the words' height is specks or a rule's end
_BAND_MAX = 3.0  # a band taller than this many words' heights is a figure, not lines left out
_PAD_PX = 3


def unread_lines(picture, lines: Sequence[Sequence[Boxed]], ocr: OcrSettings) -> list[list[Boxed]]:
    """The lines read in the bands of `picture` (grayscale, white paper) where ink is left once the
    words of `lines` are painted out; only words read with `ocr.min_confidence` or more."""
    words = [w for ln in lines for w in ln]
    if not words:
        return []
    height = statistics.median(w.height for w in words)
    ink = np.asarray(picture) < INK
    for w in words:
        ink[max(0, w.top - 1) : w.top + w.height + 1, max(0, w.left - 1) : w.left + w.width + 1] = False
    blank = picture.copy()  # the words read painted out: only what is left is read
    for w in words:
        blank.paste(255, (w.left, w.top, w.left + w.width, w.top + w.height))
    found: list[list[Boxed]] = []
    for top, bottom in _bands(ink.sum(axis=1) >= _ROW_INK_PX, height):
        cols = np.flatnonzero(ink[top:bottom].any(axis=0))
        box = (
            max(0, int(cols[0]) - _PAD_PX),
            max(0, top - _PAD_PX),
            min(picture.width, int(cols[-1]) + 1 + _PAD_PX),
            min(picture.height, bottom + _PAD_PX),
        )
        for ln in read_crop(blank, box, 1.0, ocr, BLOCK):
            kept = [w for w in ln if w.confidence >= ocr.min_confidence]
            if kept:
                found.append(kept)
    return found


def _bands(inked: np.ndarray, height: float) -> list[tuple[int, int]]:
    """Runs of inked pixel rows, joined across gaps under _JOIN_EM of the words' height, as tall
    as a line (between _BAND_MIN and _BAND_MAX words' heights)."""
    rows = np.flatnonzero(inked)
    if not len(rows):
        return []
    runs: list[list[int]] = [[int(rows[0]), int(rows[0]) + 1]]
    for r in rows[1:]:
        if r - runs[-1][1] <= _JOIN_EM * height:
            runs[-1][1] = int(r) + 1
        else:
            runs.append([int(r), int(r) + 1])
    return [(a, b) for a, b in runs if _BAND_MIN * height <= b - a <= _BAND_MAX * height]
