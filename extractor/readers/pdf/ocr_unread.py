"""Ink Tesseract left unread. Where lines are set close (a category's name on two lines beside the
rows it spans), Tesseract's page layout may skip a whole line of a table, scores and all, with no
word and no doubt to tell of it. The picture still holds it: with every word read painted out, the
pixel rows where ink is left, as tall as a line of the words read, are read again, alone, as sparse
text (a staggered header left unread is lines of names set half a line apart: a block reading
runs them together), and the words read there with confidence, apart from the words read, are added."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from extractor.readers.pdf.ocr_geometry import HEIGHT_EM, Boxed, index_runs
from extractor.readers.pdf.ocr_reread import SPARSE, read_crop
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.ocr_spaces import INK

_ROW_INK_PX = 2  # a pixel row with fewer inked pixels left holds no unread text
_JOIN_EM = 0.15  # ink rows this close (of the words' height) are one band: a letter's parts
_BAND_MIN = 0.5  # a band lower than this share of the words' height is specks or a rule's end
_BAND_MAX = 6.0  # taller is a figure, not lines left out (a staggered header of four lines is ~5)
_PAD_PX = 3
_NEAR_EM = 0.3  # a word read in what is left this near a word read is a piece of that word's ink


def unread_lines(picture, lines: Sequence[Sequence[Boxed]], ocr: OcrSettings) -> list[list[Boxed]]:
    """The lines read in the bands of `picture` (grayscale, white paper) where ink is left once the
    words of `lines` are painted out; only words read with `ocr.min_confidence` or more."""
    words = [w for ln in lines for w in ln]
    if not words:
        return []
    height = statistics.median(w.height for w in words)
    ink = _words_out(np.asarray(picture) < INK, words)
    blank = None  # the picture with the words read painted out, made where a band is left
    found: list[list[Boxed]] = []
    for top, bottom in _bands(ink.sum(axis=1) >= _ROW_INK_PX, height):
        if blank is None:
            blank = picture.copy()
            for w in words:
                blank.paste(255, (w.left, w.top, w.left + w.width, w.top + w.height))
        cols = np.flatnonzero(ink[top:bottom].any(axis=0))
        box = (
            max(0, int(cols[0]) - _PAD_PX),
            max(0, top - _PAD_PX),
            min(picture.width, int(cols[-1]) + 1 + _PAD_PX),
            min(picture.height, bottom + _PAD_PX),
        )
        for ln in read_crop(blank, box, 1.0, ocr, SPARSE):
            kept = [w for w in ln if w.confidence >= ocr.min_confidence and not _beside(w, words, height)]
            if kept:
                found.append(kept)
    return found


def _words_out(ink: np.ndarray, words: Sequence[Boxed]) -> np.ndarray:
    """`ink` (changed in place) without the ink of the words read, a pixel beyond their boxes."""
    for w in words:
        ink[max(0, w.top - 1) : w.top + w.height + 1, max(0, w.left - 1) : w.left + w.width + 1] = False
    return ink


def _beside(new: Boxed, words: Sequence[Boxed], height: float) -> bool:
    """Whether `new` touches a word read (within _NEAR_EM of the words' height): the edge of a bold
    word whose box left some of its ink out, read as a letter (`Pa 2arameter`), not a word left out."""
    near = _NEAR_EM * height
    return any(
        new.left - near < w.left + w.width
        and w.left - near < new.left + new.width
        and new.top < w.top + w.height
        and w.top < new.top + new.height
        for w in words
    )


def _bands(inked: np.ndarray, height: float) -> list[tuple[int, int]]:
    """Runs of inked pixel rows, joined across gaps under _JOIN_EM of the words' height, as tall
    as a line (between _BAND_MIN and _BAND_MAX words' heights)."""
    runs = index_runs(np.flatnonzero(inked), int(_JOIN_EM * height) + 1)
    return [(a, b) for a, b in runs if _BAND_MIN * height <= b - a <= _BAND_MAX * height]


# Dashes: an empty cell's dash is a bar Tesseract often drops as a speck or reads as `=`
_DASH_READINGS = frozenset({"-", "–", "—", "=", "==", "--", "~", "_"})
_BAR_THICK = 0.15  # a bar is at most this many ems thick
_BAR_WIDTHS = (0.2, 1.3)  # and this wide: shorter is a speck, longer a rule
_BAR_CLEAR = 0.4  # with no ink and no word this near above or below it (an underline has its word)
# by its width (em): a hyphen `-` under this, an en dash `–` under the next, else an em dash `—`
# (measured on corpus pages: hyphens 0.26 em, em dashes 0.89)
_HYPHEN_MAX, _EN_DASH_MAX = 0.45, 0.75
_DASH_CONFIDENCE = 0.9  # a bar drawn alone is a dash for sure: what Tesseract gives a clean word


def with_dashes(picture, lines: list[list[Boxed]]) -> list[list[Boxed]]:
    """`lines` with each word Tesseract read as a dash or `=` whose ink is one bar made the dash its
    width says, and each bar left unread, alone in its cell, added as a dash to the line it stands
    in (or, where a line of bars was read as nothing, to a line of its own)."""
    words = [w for ln in lines for w in ln]
    if not words:
        return lines
    em = statistics.median(w.height for w in words) / HEIGHT_EM
    ink = np.asarray(picture) < INK
    lines = [[_as_dash(w, ink, em) for w in ln] for ln in lines]
    left = _words_out(ink.copy(), words)
    alone: list[list[Boxed]] = []
    for bar in _bars(left, words, em):
        middle = bar.top + bar.height / 2
        hosts = [ln for ln in lines if min(w.top for w in ln) <= middle <= max(w.top + w.height for w in ln)]
        if hosts:
            min(
                hosts, key=lambda ln: abs(statistics.median(w.top + w.height / 2 for w in ln) - middle)
            ).append(bar)
        elif alone and abs(alone[-1][0].top - bar.top) <= _BAR_THICK * em:
            alone[-1].append(bar)
        else:
            alone.append([bar])
    return [sorted(ln, key=lambda w: w.left) for ln in lines] + alone


def _dash(width: float, em: float) -> str:
    return "-" if width < _HYPHEN_MAX * em else "–" if width < _EN_DASH_MAX * em else "—"


def _as_dash(word: Boxed, ink: np.ndarray, em: float) -> Boxed:
    if word.text not in _DASH_READINGS:
        return word
    box = ink[word.top : word.top + word.height, word.left : word.left + word.width]
    rows = np.flatnonzero(box.any(axis=1))
    cols = np.flatnonzero(box.any(axis=0))
    if not len(rows) or rows[-1] - rows[0] + 1 != len(rows) or len(rows) > _BAR_THICK * em:
        return word  # two strokes (a true `=`), or no bar
    dash = _dash(cols[-1] - cols[0] + 1, em)
    return word if dash == word.text else replace(word, text=dash)


def _bars(left: np.ndarray, words: Sequence[Boxed], em: float) -> list[Boxed]:
    """The bars of ink left, each alone: thin, as wide as a dash, clear above and below (`em`:
    the words' font size)."""
    clear = round(_BAR_CLEAR * em)
    out = []
    for top, bottom in index_runs(np.flatnonzero(left.sum(axis=1) >= _ROW_INK_PX)):
        if bottom - top > _BAR_THICK * em:
            continue
        for x0, x1 in index_runs(np.flatnonzero(left[top:bottom].any(axis=0))):
            if not _BAR_WIDTHS[0] * em <= x1 - x0 <= _BAR_WIDTHS[1] * em:
                continue
            if left[max(0, top - clear) : top, x0:x1].any() or left[bottom : bottom + clear, x0:x1].any():
                continue
            if any(
                w.left < x1
                and w.left + w.width > x0
                and w.top < bottom + clear
                and w.top + w.height > top - clear
                for w in words
            ):
                continue  # an underline or a rule's end under a word
            text = _dash(x1 - x0, em)
            out.append(Boxed(text, int(x0), int(top), int(x1 - x0), int(bottom - top), _DASH_CONFIDENCE))
    return out
