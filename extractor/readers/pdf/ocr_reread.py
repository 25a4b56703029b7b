"""A second reading of what Tesseract read with doubt. Read with its whole page, a cell set smaller
than its row (`MMLU (Pass@1)`), bold, or beside a rule is often misread (`crassa)`, `(Em)`); read
alone, enlarged, as one line, it mostly is not. Each stretch of a line (words up to a column
gutter) holding a doubtful word is read again so, and the reading Tesseract is surer of is kept;
a word still in doubt then is read alone. A score read in its line with a little doubt is read
alone too (in a line a light small digit is misread surely), and a word box as tall as two lines
is read as the block of lines it holds."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from extractor.readers.pdf.ocr_geometry import Boxed, on_baselines, place_line
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.tesseract import read_lines
from extractor.readers.roles import holds_score

# Pillow's Lanczos resampling (Image.Resampling.LANCZOS), named without importing Pillow here
_LANCZOS = 1
# a stretch is cut this close (px) around its words' boxes: the ascenders of the line below, in a
# looser cut, make Tesseract read the whole stretch as nothing
_EDGE_PX = 2
_MARGIN_PX = 10  # the white paper set around it
_SIDE_EM = 0.3  # and this much (of the font size) wider each side: a letter Tesseract left out of a box
# Tesseract's modes for one line of text, for a block of lines, and for words wherever they stand
SINGLE_LINE = 7
BLOCK = 6
SPARSE = 11


def _framed(picture, margin: int):
    """The picture on white paper `margin` pixels wider each side: Tesseract misreads ink at an edge."""
    from PIL import ImageOps

    return ImageOps.expand(picture, border=margin, fill=255)


def _stretches(line: Sequence[Boxed], gap_px: float) -> list[list[Boxed]]:
    """A line's words, left to right, cut where a gap is wider than `gap_px`: its cells."""
    out: list[list[Boxed]] = []
    for w in sorted(line, key=lambda w: w.left):
        if out and w.left - (out[-1][-1].left + out[-1][-1].width) <= gap_px:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def char_confidence(words: Sequence[Boxed]) -> float:
    """Tesseract's confidence in `words`, per character read."""
    chars = sum(len(w.text) for w in words)
    return sum(w.confidence * len(w.text) for w in words) / chars if chars else 0.0


def reread_doubtful(
    picture, lines: list[list[Boxed]], ocr: OcrSettings, gutter_em: float
) -> list[list[Boxed]]:
    """`lines` with each stretch holding a word under `ocr.reread_below` read again, alone, as one
    line, at each of `ocr.reread_scales`; the reading with the highest confidence (per character)
    is kept, the first reading on a tie, its scores contested where the readings disagree on them."""
    out = []
    for line in lines:
        size, baselines = place_line(picture, line, ocr.cap_height_em, ocr.same_baseline_em)
        stacked = {
            id(w): _unstacked(picture, w, lines, ocr) for w in line if w.height > ocr.stacked_em * size
        }
        if any(stacked.values()):
            out += [ln for got in stacked.values() if got for ln in got]
            line = [w for w in line if not stacked.get(id(w))]
            if not line:
                continue
            size, baselines = place_line(picture, line, ocr.cap_height_em, ocr.same_baseline_em)
        new_line: list[Boxed] = []
        # a Tesseract line may hold two header lines: a stretch is read on one baseline
        for on_it in on_baselines(line, baselines):
            for stretch in _stretches(on_it, gutter_em * size):
                doubtful = min(w.confidence for w in stretch) < ocr.reread_below
                if doubtful:
                    new_line += _surest(picture, stretch, size, ocr)
                else:
                    new_line += [v for w in stretch for v in _checked(picture, w, ocr)]
        out.append(new_line)
    return out


def _surest(picture, stretch: list[Boxed], size: float, ocr: OcrSettings) -> list[Boxed]:
    x0 = max(0, round(min(w.left for w in stretch) - _SIDE_EM * size))
    top = max(0, min(w.top for w in stretch) - _EDGE_PX)
    x1 = min(picture.width, round(max(w.left + w.width for w in stretch) + _SIDE_EM * size))
    bottom = min(picture.height, max(w.top + w.height for w in stretch) + _EDGE_PX)
    readings = [stretch]
    for factor in ocr.reread_scales:
        read = [w for ln in read_crop(picture, (x0, top, x1, bottom), factor, ocr, SINGLE_LINE) for w in ln]
        if read:
            readings.append(read)
    best = _contested(
        max(readings, key=char_confidence), readings, ocr.contest_margin
    )  # the first of the surest
    if len(stretch) == 1:
        return best
    # a word still in doubt (a note set smaller than its cell's name) is mostly read right alone
    return [r for w in best for r in _alone(picture, w, ocr)]


def _alone(picture, word: Boxed, ocr: OcrSettings) -> list[Boxed]:
    """A doubtful word read alone in its box (the surest of `reread_scales`), where that reading is
    sure (every word `reread_below` or over), keeps its digits and drops no letters; else the word
    as read. Alone, Tesseract reads digits for look-alike letters (an `o` before a digit as `0`)
    and loses an edge letter (`(3-shot` as `(3-sho`): a line's reading tells those better."""
    if word.confidence >= ocr.reread_below:
        return [word]
    box = _box(picture, word)
    readings = [
        [w for ln in read_crop(picture, box, f, ocr, SINGLE_LINE) for w in ln] for f in ocr.reread_scales
    ]
    best = max((r for r in readings if r), key=char_confidence, default=None)
    if (
        best is None
        or min(w.confidence for w in best) < ocr.reread_below
        or _digits_of(best) != _digits_of([word])
        or sum(len(w.text) for w in best) < len(word.text)
    ):
        return [word]
    if len(best) == 1:  # its own box: a reading alone boxes the ink a little apart
        return [replace(word, text=best[0].text, confidence=best[0].confidence)]
    return best


def _checked(picture, word: Boxed, ocr: OcrSettings) -> list[Boxed]:
    """A score Tesseract read in its line with less confidence than `ocr.check_below`, read again
    alone at each of `reread_scales` until a reading confirms it: in a line, a light small digit is
    misread with confidence (`21.0%` at 0.89 for `21.6%`, read alone at 0.96). The surest reading
    is kept, contested where the readings disagree on its digits and no other confirms it."""
    if word.confidence >= ocr.check_below or not holds_score(word.text):
        return [word]
    box = _box(picture, word)
    readings = [[word]]
    for factor in ocr.reread_scales:
        read = [w for ln in read_crop(picture, box, factor, ocr, SINGLE_LINE) for w in ln]
        if len(read) == 1 and holds_score(read[0].text):
            readings.append([replace(word, text=read[0].text, confidence=read[0].confidence)])
            if read[0].text == word.text:
                break  # confirmed: no need of a third reading
    return _contested(max(readings, key=char_confidence), readings, ocr.contest_margin)


def _digits_of(words: Sequence[Boxed]) -> str:
    return "".join(ch for w in words for ch in w.text if ch.isdigit())


def _box(picture, word: Boxed) -> tuple[int, int, int, int]:
    """The word's box, _EDGE_PX wider each side, inside the picture."""
    return (
        max(0, word.left - _EDGE_PX),
        max(0, word.top - _EDGE_PX),
        min(picture.width, word.left + word.width + _EDGE_PX),
        min(picture.height, word.top + word.height + _EDGE_PX),
    )


def read_crop(picture, box: tuple[int, int, int, int], factor: float, ocr: OcrSettings, psm: int):
    """Tesseract's lines of `box` of the picture read alone at `factor`, in the picture's pixels."""
    x0, top = box[0], box[1]
    crop = picture.crop(box)
    if factor != 1:
        crop = crop.resize((round(crop.width * factor), round(crop.height * factor)), _LANCZOS)
    margin = round(_MARGIN_PX * factor)
    return [
        [
            Boxed(
                w.text,
                round(x0 + (w.left - margin) / factor),
                round(top + (w.top - margin) / factor),
                max(1, round(w.width / factor)),
                max(1, round(w.height / factor)),
                w.confidence,
            )
            for w in ln
        ]
        for ln in read_lines(_framed(crop, margin), ocr, psm)
    ]


def _unstacked(picture, word: Boxed, lines: list[list[Boxed]], ocr: OcrSettings) -> list[list[Boxed]] | None:
    """The lines a word's tall box holds, read again as a block (the surest of `reread_scales`),
    without words the other lines already hold; None unless that gives two lines or more."""
    box = _box(picture, word)
    others = [w for ln in lines for w in ln if w is not word]
    readings = []
    for factor in ocr.reread_scales:
        read = [
            [w for w in ln if not any(_overlap(w, o) for o in others)]
            for ln in read_crop(picture, box, factor, ocr, BLOCK)
        ]
        read = [ln for ln in read if ln]
        if len(read) >= 2:
            readings.append(read)
    return max(readings, key=lambda r: char_confidence([w for ln in r for w in ln])) if readings else None


def _overlap(a: Boxed, b: Boxed) -> bool:
    """Whether half of `a`'s box or more lies in `b`'s: the same ink read by another line."""
    w = min(a.left + a.width, b.left + b.width) - max(a.left, b.left)
    h = min(a.top + a.height, b.top + b.height) - max(a.top, b.top)
    return w > 0 and h > 0 and w * h >= 0.5 * a.width * a.height


def _digits(reading: Sequence[Boxed]) -> tuple[str, ...]:
    return tuple(w.text for w in reading if any(ch.isdigit() for ch in w.text))


def _contested(best: list[Boxed], readings: list[list[Boxed]], margin: float) -> list[Boxed]:
    """`best` with its scores marked contested when no other reading of the stretch gave its digits
    and one gave others with a confidence within `margin` of it: which is right nothing says."""
    mine = _digits(best)
    if not any(holds_score(w.text) for w in best):
        return best
    others = [r for r in readings if r is not best]
    if any(_digits(r) == mine for r in others):
        return best
    if not any(_digits(r) and char_confidence(r) >= char_confidence(best) - margin for r in others):
        return best
    return [replace(w, contested=True) if holds_score(w.text) else w for w in best]


def read_painted(
    picture, word: Boxed, spans: Sequence[tuple[int, int]], ocr: OcrSettings
) -> list[Boxed] | None:
    """The words of `word`'s box read again as one line with the pixel columns of `spans` (start,
    end) painted out, a pixel wider each side (a glyph's grey edge reads as a `1`): a bar or an arrow
    Tesseract read into the word. The surest reading of `ocr.reread_scales`, or None when none
    finds a word (a dash it drops, ocr_unread.py reads from its bar)."""
    box = (word.left, word.top, word.left + word.width, word.top + word.height)
    crop = picture.crop(box)
    for x0, x1 in spans:
        crop.paste(255, (max(0, x0 - word.left - 1), 0, min(crop.width, x1 - word.left + 1), crop.height))
    best: list[Boxed] | None = None
    for factor in ocr.reread_scales:
        read = [
            w for ln in read_crop(crop, (0, 0, crop.width, crop.height), factor, ocr, SINGLE_LINE) for w in ln
        ]
        if read and (best is None or char_confidence(read) > char_confidence(best)):
            best = read
    if not best:
        return None
    return [replace(w, left=w.left + word.left, top=w.top + word.top) for w in best]
