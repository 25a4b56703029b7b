"""A picture's rules, found and painted white before Tesseract reads it: Tesseract reads a row
drawn close to a rule as one smudge with it, and a rule's end as a dash or a bar; the ruled finders
want the rules a picture no longer draws."""

from __future__ import annotations

import re
from typing import Any

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in pixels

# Pillow's box resampling and transposition (Image.Resampling.BOX, Image.Transpose.TRANSPOSE), named
# without importing Pillow when this module loads
_BOX = 4
_TRANSPOSE = 5
# a rule: a run of ink this long (pt; the shortest rule under a column head), found in steps of
# this length (pt; two pixels at 300 dpi: the gap between two bold letters leaves a step lighter),
# each step of a pixel row averaging darker than RULE_DARK (0-255: the core of a thin
# anti-aliased rule is under it; steps of 1.5 pt took the tops of bold letters for a rule)
RULE_MIN_PT = 24.0
RULE_STEP_PT = 0.5
RULE_DARK = 128
# a horizontal rule may be light gray (~200: the rules between a model card's row groups): its steps
# need only be darker than RULE_LIGHT, and a stroke so found thicker than RULE_MAX_PT is a shaded
# band or a row of letters, whose steps straddle the gaps between letters, not a rule; a vertical
# stroke keeps RULE_DARK, as lighter steps lengthen letters' stems into rules
RULE_LIGHT = 230
RULE_MAX_PT = 2.5
# and such a gray stroke is a rule only on paper: the pixel rows PAPER_GAP_PX over and under it
# average lighter than PAPER and RULE_CONTRAST lighter than its darkest row (a photograph's or a
# shaded box's light lines are no rules)
PAPER = 235
PAPER_GAP_PX = 2
RULE_CONTRAST = 40
# a vertical rule between two header cells spans one or two lines (~12-20 pt): one this short is a
# rule only when it is thin, as a letter's stem of that height (a heading's `l`, ~3 pt) is not
SHORT_RULE_MIN_PT = 12.0
SHORT_RULE_MAX_WIDTH_PT = 1.0
# nor when other strokes join it along JOINED_ROWS of its length or more: an arrow's barbs (`↓` set at
# 12 pt has a stem of 11 pt); a rule stands alone (the horizontal rules it meets are painted out by then)
JOINED_ROWS = 0.1


def erase_rules(image, scale: float) -> tuple[Any, list[Box]]:
    """The picture with its rules painted white, and the rules (pixel boxes, one per rule, thin as
    drawn). A rule is a straight run of ink at least RULE_MIN_PT long (SHORT_RULE_MIN_PT for a thin
    vertical one); each pixel row (column) is averaged over RULE_STEP_PT steps first, so that a run
    is a run of dark steps, and a row of text, whose letters leave gaps, is never one. Horizontal
    rules are looked for twice: dark ones, then light-gray ones on paper (RULE_LIGHT)."""
    gray = image.convert("L")
    step = max(1, round(RULE_STEP_PT * scale))
    out = None
    found: list[Box] = []
    # (horizontal, darker than): dark rules either way, then light-gray horizontal ones
    for horizontal, dark in ((True, RULE_DARK), (False, RULE_DARK), (True, RULE_LIGHT)):
        picture = gray if horizontal else gray.transpose(_TRANSPOSE)
        shortest = RULE_MIN_PT if horizontal else SHORT_RULE_MIN_PT
        for stroke in _strokes(_dark_runs(picture, step, shortest, dark), step):
            a, b, y = stroke[0]  # a rule is where its first pixel row is
            long = b - a >= RULE_MIN_PT * scale
            thick = stroke[-1][2] - y + 1
            if not long and (thick > SHORT_RULE_MAX_WIDTH_PT * scale or _joined(out or gray, stroke)):
                continue  # a letter's stem, an arrow's
            if dark == RULE_LIGHT and (thick > RULE_MAX_PT * scale or not _gray_rule(gray, stroke)):
                continue  # a dark rule (found already), a shaded band, a row of letters, a photograph
            out = out or gray.copy()
            for ra, rb, ry in stroke:
                out.paste(255, (ra, ry - 1, rb, ry + 2) if horizontal else (ry - 1, ra, ry + 2, rb))
            if long:
                found.append((a + step, y, b - step, y) if horizontal else (y, a + step, y, b - step))
    return out or gray, found


def _joined(gray, stroke: list[tuple[int, int, int]]) -> bool:
    """Whether ink touches a vertical stroke (runs (a, b, x) of its pixel columns, a to b down) from
    either side, two pixels off, along JOINED_ROWS of its length."""
    a, b = min(s[0] for s in stroke), max(s[1] for s in stroke)
    left, right = max(0, stroke[0][2] - 2), min(gray.width - 1, stroke[-1][2] + 2)
    beside = zip(gray.crop((left, a, left + 1, b)).tobytes(), gray.crop((right, a, right + 1, b)).tobytes())
    return sum(min(pair) < RULE_DARK for pair in beside) >= JOINED_ROWS * (b - a)


def _mean(gray, box: tuple[int, int, int, int]) -> int:
    return gray.crop(box).resize((1, 1), _BOX).getpixel((0, 0))


def _gray_rule(gray, stroke: list[tuple[int, int, int]]) -> bool:
    """Whether a horizontal stroke found at RULE_LIGHT is a gray rule: no row of it darker than
    RULE_DARK (that one was found before, and erased: this is what is left of it), and paper over
    and under it."""
    a, b = min(s[0] for s in stroke), max(s[1] for s in stroke)
    first, last = stroke[0][2], stroke[-1][2]
    core = min(_mean(gray, (a, y, b, y + 1)) for y in range(first, last + 1))
    over, under = max(0, first - PAPER_GAP_PX), min(gray.height - 1, last + PAPER_GAP_PX)
    paper = min(_mean(gray, (a, over, b, over + 1)), _mean(gray, (a, under, b, under + 1)))
    return core >= RULE_DARK and paper >= PAPER and paper - core >= RULE_CONTRAST


def _dark_runs(picture, step: int, shortest_pt: float, dark: int) -> list[tuple[int, int, int]]:
    """Each pixel row's runs of dark steps at least `shortest_pt` long, as (a, b, y) in pixels, the
    steps either side included (they hold the rule's ends: a dot left there reads as a mark)."""
    w, h = picture.size
    n = w // step
    if n < 2:
        return []
    run = re.compile(b"\\x01{%d,}" % max(2, round(shortest_pt / RULE_STEP_PT)))
    dark = picture.resize((n, h), _BOX).point(lambda v: 1 if v < dark else 0).tobytes()
    return [
        ((m.start() - y * n - 1) * step, (m.end() - y * n + 1) * step, y)
        for y in range(h)
        for m in run.finditer(dark, y * n, (y + 1) * n)
    ]


def _strokes(runs: list[tuple[int, int, int]], step: int) -> list[list[tuple[int, int, int]]]:
    """Runs (by row) of consecutive pixel rows at nearly the same place, as one stroke each."""
    strokes: list[list[tuple[int, int, int]]] = []
    active: list[list[tuple[int, int, int]]] = []  # strokes reaching the row above, or this row
    row = None
    for a, b, y in runs:
        if y != row:
            active, row = [s for s in active if s[-1][2] == y - 1], y
        stroke = next(
            (s for s in active if abs(a - s[-1][0]) <= step and abs(b - s[-1][1]) <= step),
            None,
        )
        if stroke is None:
            stroke = []
            strokes.append(stroke)
            active.append(stroke)
        stroke.append((a, b, y))
    return strokes
