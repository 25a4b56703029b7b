"""Bars that part a cell's values (`2.1 | 4.9` under `test-clean | test-other`): a table printing
several scores in one cell parts them with a vertical bar, a glyph as tall as a digit. Tesseract
reads it as `1` or `l`, joins it to its neighbours (`- | - | 2.1 | 4.9` read `121149`: a number)
or drops it. The picture still shows it: a solid vertical stroke, one column run of ink no wider
than BAR_WIDTH_EM, at least BAR_HEIGHT_EM tall, with a word space (BAR_CLEAR_EM) either side, that
does not run on past the line's words (a rule between two header cells does).

Where a picture holds at least MIN_BARS of them (a lone `I` or `l` between spaces is a word), they
come back as `|` words: a word read as a bar look-alike in a bar's place is the bar; a word holding a bar
is read again with its bars painted out, as one line, and split there; a bar no word holds is
added. The records stage then splits the cell at its bars as it does a text layer's."""

from __future__ import annotations

import statistics

import numpy as np

from extractor.readers.pdf.ocr_geometry import HEIGHT_EM, Boxed, index_runs, line_parts
from extractor.readers.pdf.ocr_reread import read_painted
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.ocr_spaces import INK

MIN_BARS = 3
BAR_WIDTH_EM = 0.12
BAR_HEIGHT_EM = 0.55
BAR_CLEAR_EM = 0.25  # a word space; letters stand ~0.1-0.2 em apart, a bar 0.5 on the corpus
# a bar word's box reaches this far either side of its stem, as a text layer's glyph box holds its
# side bearings: by ink alone the spaces around a bar are a text layer's plus 0.2 em, so a bar set
# after a label (`dev-other |`) stood a cell's gap apart and became a column of its own. Less than
# half of BAR_CLEAR_EM: the box never reaches a neighbour's ink
BAR_SIDE_EM = 0.1
_SOLID = 0.9  # a bar's stem is inked down its whole height; an antialiased edge column need not be
_LOOK_ALIKES = frozenset({"|", "1", "l", "!", "¦"})  # not `I`: read so, it is one
_BAR_CONFIDENCE = 0.9  # a bar seen in the ink is as sure as a clean word
Bar = tuple[int, int, int, int, int]  # a stem's left, right, top and bottom pixels; its box's side


def with_bars(picture, lines: list[list[Boxed]], ocr: OcrSettings) -> list[list[Boxed]]:
    """`lines` with the bars parting values in a cell read as `|` words, where the picture holds
    at least MIN_BARS of them."""
    ink = np.asarray(picture) < INK
    found = [[b for part in line_parts(picture, ln, ocr) for b in _bars(ink, part)] for ln in lines]
    if sum(len(b) for b in found) < MIN_BARS:
        return lines
    return [_with_bars(picture, ln, bars, ocr) if bars else ln for ln, bars in zip(lines, found, strict=True)]


def _with_bars(picture, line: list[Boxed], bars: list[Bar], ocr: OcrSettings) -> list[Boxed]:
    out: list[Boxed] = []
    placed: set[int] = set()
    for w in line:
        inside = [k for k, (x0, x1, *_) in enumerate(bars) if w.left <= (x0 + x1) / 2 < w.left + w.width]
        if not inside:
            out.append(w)
            continue
        if w.text in _LOOK_ALIKES and len(inside) == 1:
            placed.add(inside[0])
            out.append(_bar_word(bars[inside[0]]))
            continue
        placed.update(inside)  # read again or not, the word holds them
        parts = read_painted(picture, w, [bars[k][:2] for k in inside], ocr)
        if parts is None:
            out.append(w)
            continue
        # a reading of the box may take in a word beside it, read already
        others = [v for v in line if v is not w]
        out += [p for p in parts if not any(_same(p, v) for v in others)] + [
            _bar_word(bars[k]) for k in inside
        ]
    out += [_bar_word(b) for k, b in enumerate(bars) if k not in placed]
    return sorted(out, key=lambda w: w.left)


def _bars(ink: np.ndarray, line: list[Boxed]) -> list[Bar]:
    """The bars (left, right, top, bottom pixels of the stem, and the pixels its box reaches either
    side) standing in `line`'s band, one em past its ends."""
    if not line:
        return []
    em = statistics.median(w.height for w in line) / HEIGHT_EM
    top, bottom = min(w.top for w in line), max(w.top + w.height for w in line)
    left = max(0, round(min(w.left for w in line) - em))
    right = min(ink.shape[1], round(max(w.left + w.width for w in line) + em))
    band = ink[top:bottom, left:right]
    runs = index_runs(np.flatnonzero(band.any(axis=0)))
    found = []
    for k, (a, b) in enumerate(runs):
        before = a - runs[k - 1][1] if k else a
        after = runs[k + 1][0] - b if k + 1 < len(runs) else band.shape[1] - b
        if b - a > BAR_WIDTH_EM * em or min(before, after) < BAR_CLEAR_EM * em:
            continue
        rows = np.flatnonzero(band[:, a:b].any(axis=1))
        if not len(rows) or rows[-1] - rows[0] + 1 < BAR_HEIGHT_EM * em:
            continue
        stroke = band[rows[0] : rows[-1] + 1, a:b]
        if stroke.mean(axis=0).max() < _SOLID or not stroke.any(axis=1).all():
            continue
        # a rule between two header cells runs on past the line's words; a glyph stops within them
        x0, x1 = left + a, left + b
        up = rows[0] == 0 and top > 0 and ink[top - 1, x0:x1].any()
        down = rows[-1] == band.shape[0] - 1 and ink[min(bottom, ink.shape[0] - 1), x0:x1].any()
        if up or down:
            continue
        found.append((x0, x1, top + int(rows[0]), top + int(rows[-1]) + 1, round(BAR_SIDE_EM * em)))
    return found


def _same(a: Boxed, b: Boxed) -> bool:
    """Whether two words are one read twice: the same text, their boxes overlapping."""
    return a.text == b.text and a.left < b.left + b.width and b.left < a.left + a.width


def _bar_word(bar: Bar) -> Boxed:
    x0, x1, top, bottom, side = bar
    return Boxed("|", x0 - side, top, x1 - x0 + 2 * side, bottom - top, _BAR_CONFIDENCE)
