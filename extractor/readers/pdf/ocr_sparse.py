"""Lines a block reading mixed up, read again as sparse text. Tesseract's block mode (psm 6) takes
a picture for lines of one pitch; a table header whose names stand on two lines beside names on one
(set half a line lower, centred on both) it reads as lines that hold pieces of both, words cut or
read as nothing. Its sparse mode (psm 11) finds each word where it stands and reads such a header
right; on a whole table it reads worse (measured: benchmarks/ocr.py, 80.9 -> 84.8% of records
on 42 pages, but some tables lose a tenth), and it reads specks and cut letters as words.

So only bands of troubled lines (TROUBLED_WORDS of their words read below
`OcrSettings.min_confidence`) are read sparse, and the two readings are merged word by word
(`_merged`): a sure sparse word takes the place of the block words it overlaps when those are in
doubt, hold fewer letters (`Nimb` for `Nimbus`, `Or` and `a` for `Orca-4-chat`; a box over two
lines counts none) or are the same word boxed over two lines, and is added where it overlaps none; a
word the sparse reading is not sure of is never taken."""

from __future__ import annotations

from extractor.readers.pdf.ocr_geometry import Boxed
from extractor.readers.pdf.ocr_reread import SPARSE, read_crop
from extractor.readers.pdf.ocr_settings import OcrSettings

TROUBLED_WORDS = 2
_EDGE_PX = 2  # a band is cut this close around its lines' words
_OVERLAP = 0.3  # two words overlap when this share of either's box is in the other's


def sparse_bands(picture, lines: list[list[Boxed]], ocr: OcrSettings) -> list[list[Boxed]]:
    """`lines` with each band of troubled lines (touching or overlapping each other) read again
    sparse, across the picture, and merged with it (`_merged`)."""
    troubled = [ln for ln in lines if ln and _troubled(ln, ocr)]
    out = lines
    for top, bottom in _bands(troubled):
        # the lines the band reaches into are read again with it, whole: a cut through a line's
        # letters reads as other words
        inside = [ln for ln in out if _top(ln) < bottom and _bottom(ln) > top]
        top, bottom = min(top, *map(_top, inside)), max(bottom, *map(_bottom, inside))
        box = (0, max(0, top - _EDGE_PX), picture.width, min(picture.height, bottom + _EDGE_PX))
        sparse = [
            [w for w in ln if top <= w.top + w.height / 2 <= bottom and w.confidence >= ocr.min_confidence]
            for ln in read_crop(picture, box, 1, ocr, SPARSE)
        ]
        out = _merged(out, [ln for ln in sparse if ln], ocr)
    return out


def _merged(lines: list[list[Boxed]], sparse: list[list[Boxed]], ocr: OcrSettings) -> list[list[Boxed]]:
    """`lines` with the sure `sparse` words put in, with their sparse lines: each in place of the
    block words it overlaps when those are all in doubt, hold fewer letters and digits, or are the
    word read alike in a box over two lines (a block reading boxes a word of a staggered header so);
    beside them when it overlaps none."""
    words = [w for ln in lines for w in ln]
    dropped: set[int] = set()
    taken: list[list[Boxed]] = []
    for ln in sparse:
        kept = []
        for s in ln:
            under = [w for w in words if _inside(s, w) >= _OVERLAP or _inside(w, s) >= _OVERLAP]
            # a box over two lines holds other words too: its letters are not all this word's
            flat = [w for w in under if w.height <= ocr.stacked_em * s.height]
            if (
                all(w.confidence < ocr.min_confidence for w in under)
                or _chars(flat) < _chars([s])
                or [w.text for w in under] == [s.text]
                and not flat
            ):
                dropped.update(id(w) for w in under)
                kept.append(s)
        if kept:
            taken.append(kept)
    if not taken:
        return lines
    left = [[w for w in ln if id(w) not in dropped] for ln in lines]
    return [ln for ln in left if ln] + taken


def _inside(a: Boxed, b: Boxed) -> float:
    """The share of `a`'s box inside `b`'s."""
    area = a.width * a.height
    return _common(a, b) / area if area > 0 else 0.0


def _common(a: Boxed, b: Boxed) -> int:
    w = min(a.left + a.width, b.left + b.width) - max(a.left, b.left)
    h = min(a.top + a.height, b.top + b.height) - max(a.top, b.top)
    return w * h if w > 0 and h > 0 else 0


def _chars(words: list[Boxed]) -> int:
    return sum(ch.isalnum() for w in words for ch in w.text)


def _troubled(line: list[Boxed], ocr: OcrSettings) -> bool:
    return sum(w.confidence < ocr.min_confidence for w in line) >= TROUBLED_WORDS


def _bands(lines: list[list[Boxed]]) -> list[tuple[int, int]]:
    """The vertical extents (top, bottom pixels) of the troubled lines, those that touch merged."""
    spans = sorted((_top(ln), _bottom(ln)) for ln in lines)
    bands: list[list[int]] = []
    for top, bottom in spans:
        if bands and top <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], bottom)
        else:
            bands.append([top, bottom])
    return [(a, b) for a, b in bands]


def _top(line: list[Boxed]) -> int:
    return min(w.top for w in line)


def _bottom(line: list[Boxed]) -> int:
    return max(w.top + w.height for w in line)
