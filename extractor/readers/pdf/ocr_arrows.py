"""Arrows marking a metric's direction (`SS ↑`, `CER (%) ↓`): Tesseract has no such glyph in its
model and reads one as `t`, `+`, `T`, `tT`, or nothing. The picture still shows it: a stem inked down
the glyph's whole height, centred, with barbs (or a filled head) either side at one end only,
spreading from a narrow tip over ARROW_HEAD of its height (a share) to the glyph's full width.
Letters that share a stem do not: `+` and `†` cross their stem part-way down, `T` is widest at its
top row, `t` and `1` have a foot, `f` and `Y` reach to one side or are widest at the tip.

An arrow found comes back as a `↑` or `↓` word: a word lying within it was a misreading and goes;
a word holding it and more is read again with the arrow painted out (as ocr_bars.py does a bar).
The records stage then reads the arrow-marked label as its column's metric."""

from __future__ import annotations

import statistics

import numpy as np

from extractor.readers.pdf.ocr_geometry import HEIGHT_EM, Boxed, index_runs, line_parts
from extractor.readers.pdf.ocr_reread import read_painted
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.ocr_spaces import INK

ARROW_HEIGHT_EM = 0.6  # an arrow reaches from above the capitals to below the baseline (~0.9 em)
ARROW_MIN_PX = 16  # fewer pixel rows are too few to tell an arrow's head from a `t`'s bar
ARROW_WIDTH = (0.35, 0.8)  # its width over its height (0.44-0.57 in the fonts measured)
_OVER_STEM = 2.5  # its head at least this many times as wide as its stem (0.3 for a serif `l`'s foot)
ARROW_HEAD = (0.08, 0.5)  # its head widens over this share of its height (below, its stem alone)
_SPREAD = (0.3, 0.85)  # the head's mean width over its widest: a head widens gradually
_STEP = 0.5  # and no row of it is wider than the one above by this share of its widest (a `†` is)
_STEM_INKED = 0.85  # a stem's column is inked down this share of the glyph's rows
_STEM_OFF_CENTRE = 0.2  # its middle at most this share of the width from the glyph's middle
_STEM_EDGE = 0.06  # ink this near the stem (share of the height) is the stem's own edge
_HEAD_TAIL = 0.12  # a barb's end may trail this share of the height below the head's widest row
_TIP_NARROW = 0.5  # an arrow's tip is at most this share of its width
_SIDES_EVEN = 0.5  # each side's barb reaches at least this share of the other's
_BAND_EM = 0.3  # a line's band is searched this far (em) around its words' boxes (`↓` hangs 0.2 below)
_MISREAD_SHARE = 0.7  # a word this much inside an arrow's columns is the arrow misread
_ARROW_CONFIDENCE = 0.9  # an arrow seen in the ink is as sure as a clean word
UP, DOWN = "↑", "↓"


def arrow_of(glyph: np.ndarray) -> str | None:
    """`↑` or `↓` if `glyph` (ink mask cropped to its ink, rows top to bottom) is an arrow, else None."""
    height, width = glyph.shape
    if height < ARROW_MIN_PX or not ARROW_WIDTH[0] <= width / height <= ARROW_WIDTH[1]:
        return None
    stem = np.flatnonzero(glyph.mean(axis=0) >= _STEM_INKED)
    if not len(stem) or stem[-1] - stem[0] + 1 != len(stem):
        return None
    if abs((stem[0] + stem[-1]) / 2 - (width - 1) / 2) > _STEM_OFF_CENTRE * width:
        return None
    if _head_up(glyph, stem):
        return UP
    return DOWN if _head_up(glyph[::-1], stem) else None


def _head_up(glyph: np.ndarray, stem: np.ndarray) -> bool:
    """Whether `glyph` has an arrow's head on top of `stem` (its columns): from a narrow tip each row
    is as wide as the one above or wider, gradually, up to its widest row; below, the stem alone,
    and the head reaches about as far either side."""
    height, width = glyph.shape
    inked = glyph.any(axis=1)
    first = np.where(inked, glyph.argmax(axis=1), stem[0])
    last = np.where(inked, width - 1 - glyph[:, ::-1].argmax(axis=1), stem[-1])
    extent = last - first + 1
    widest = int(np.argmax(extent))  # the first row as wide as the glyph: where the head ends
    if not ARROW_HEAD[0] * height <= widest <= ARROW_HEAD[1] * height:
        return False
    if extent[widest] < _OVER_STEM * len(stem):
        return False
    edge = max(1, round(_STEM_EDGE * height))
    below = slice(widest + max(edge, round(_HEAD_TAIL * height)) + 1, height)
    if (first[below] < stem[0] - edge).any() or (last[below] > stem[-1] + edge).any():
        return False  # ink beside the stem under the head: a `t`'s foot, a `‡`'s second bar
    head = extent[: widest + 1]
    steps = np.diff(head)
    if head[0] > _TIP_NARROW * width or (steps < -1).any() or (steps > _STEP * extent[widest]).any():
        return False
    if not _SPREAD[0] <= head.mean() / extent[widest] <= _SPREAD[1]:
        return False
    reach_left, reach_right = stem[0] - first[: widest + 1].min(), last[: widest + 1].max() - stem[-1]
    return min(reach_left, reach_right) >= _SIDES_EVEN * max(reach_left, reach_right, 1)


def with_arrows(picture, lines: list[list[Boxed]], ocr: OcrSettings) -> list[list[Boxed]]:
    """`lines` with each arrow standing in a line's band read as a `↑` or `↓` word (once: two
    lines, or two baselines of one, may share a band)."""
    ink = np.asarray(picture) < INK
    placed: set[tuple[int, int]] = set()
    out = []
    for line in lines:
        arrows = {(a.left, a.top): a for part in line_parts(picture, line, ocr) for a in _arrows(ink, part)}
        if not arrows:
            out.append(line)
            continue
        kept = _without_misreadings(picture, line, list(arrows.values()), ocr)
        out.append(sorted(kept + [a for at, a in arrows.items() if at not in placed], key=lambda w: w.left))
        placed.update(arrows)
    return out


def _arrows(ink: np.ndarray, line: list[Boxed]) -> list[Boxed]:
    """The arrows standing in `line`'s band, as words: each glyph a run of inked pixel columns, and
    of inked rows within it."""
    if not line:
        return []
    em = statistics.median(w.height for w in line) / HEIGHT_EM
    reach = round(_BAND_EM * em)
    top = max(0, min(w.top for w in line) - reach)
    bottom = min(ink.shape[0], max(w.top + w.height for w in line) + reach)
    left = max(0, round(min(w.left for w in line) - em))
    right = min(ink.shape[1], round(max(w.left + w.width for w in line) + em))
    band = ink[top:bottom, left:right]
    found = []
    for a, b in index_runs(np.flatnonzero(band.any(axis=0))):
        # the run's glyphs one above another: the next line's letters may stand in the band too
        for r0, r1 in index_runs(np.flatnonzero(band[:, a:b].any(axis=1))):
            if r1 - r0 < ARROW_HEIGHT_EM * em or r0 == 0 or r1 == band.shape[0]:
                continue  # too short for an arrow, or running out of the band (a rule, a glyph cut)
            cols = np.flatnonzero(band[r0:r1, a:b].any(axis=0))
            x0, x1 = a + int(cols[0]), a + int(cols[-1]) + 1
            direction = arrow_of(band[r0:r1, x0:x1])
            if direction:
                found.append(Boxed(direction, left + x0, top + r0, x1 - x0, r1 - r0, _ARROW_CONFIDENCE))
    return found


def _without_misreadings(picture, line: list[Boxed], arrows: list[Boxed], ocr: OcrSettings) -> list[Boxed]:
    """`line`'s words without the arrows' misreadings: a word mostly within an arrow's columns goes,
    one holding an arrow and more is read again with the arrow painted out (and goes if then
    nothing is read)."""
    out: list[Boxed] = []
    for w in line:
        inside = [a for a in arrows if w.left < a.left + a.width and a.left < w.left + w.width]
        if not inside:
            out.append(w)
            continue
        covered = sum(min(w.left + w.width, a.left + a.width) - max(w.left, a.left) for a in inside)
        if covered >= _MISREAD_SHARE * w.width:
            continue
        # nothing read with the arrow painted out: the word was the arrow and a speck beside it
        out += read_painted(picture, w, [(a.left, a.left + a.width) for a in inside], ocr) or []
    return out
