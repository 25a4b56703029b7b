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
# a vertical rule between two header cells spans one or two lines (~12-20 pt): one this short is a
# rule only when it is thin, as a letter's stem of that height (a heading's `l`, ~3 pt) is not
SHORT_RULE_MIN_PT = 12.0
SHORT_RULE_MAX_WIDTH_PT = 1.0


def erase_rules(image, scale: float) -> tuple[Any, list[Box]]:
    """The picture with its rules painted white, and the rules (pixel boxes, one per rule, thin as
    drawn). A rule is a straight run of ink at least RULE_MIN_PT long (SHORT_RULE_MIN_PT for a thin
    vertical one); each pixel row (column) is averaged over RULE_STEP_PT steps first, so that a run
    is a run of dark steps, and a row of text, whose letters leave gaps, is never one."""
    gray = image.convert("L")
    step = max(1, round(RULE_STEP_PT * scale))
    out = None
    found: list[Box] = []
    for horizontal in (True, False):
        picture = gray if horizontal else gray.transpose(_TRANSPOSE)
        shortest = RULE_MIN_PT if horizontal else SHORT_RULE_MIN_PT
        for stroke in _strokes(_dark_runs(picture, step, shortest), step):
            a, b, y = stroke[0]  # a rule is where its first pixel row is
            long = b - a >= RULE_MIN_PT * scale
            if not long and stroke[-1][2] - y + 1 > SHORT_RULE_MAX_WIDTH_PT * scale:
                continue  # a letter's stem
            out = out or gray.copy()
            for ra, rb, ry in stroke:
                out.paste(255, (ra, ry - 1, rb, ry + 2) if horizontal else (ry - 1, ra, ry + 2, rb))
            if long:
                found.append((a + step, y, b - step, y) if horizontal else (y, a + step, y, b - step))
    return out or gray, found


def _dark_runs(picture, step: int, shortest_pt: float) -> list[tuple[int, int, int]]:
    """Each pixel row's runs of dark steps at least `shortest_pt` long, as (a, b, y) in pixels, the
    steps either side included (they hold the rule's ends: a dot left there reads as a mark)."""
    w, h = picture.size
    n = w // step
    if n < 2:
        return []
    run = re.compile(b"\\x01{%d,}" % max(2, round(shortest_pt / RULE_STEP_PT)))
    dark = picture.resize((n, h), _BOX).point(lambda v: 1 if v < RULE_DARK else 0).tobytes()
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
