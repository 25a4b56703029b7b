"""Underlined cells: short rules under a cell's text (papers underline the second-best result)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from extractor.readers.pdf.crossing_rules import GRID_ENGINE
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.graphics import Edge
from extractor.readers.pdf.grid import Box, Candidate


def mark_underlines(cands: Sequence[Candidate], edges: Sequence[Edge], settings: TableFinderSettings) -> None:
    """A short rule just under a cell's text and about as wide as it underlines it (papers
    underline the second-best result). Rules of the table itself are far wider than the text."""
    rules = sorted(
        (e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] < settings.underline_max_width),
        key=lambda e: e["top"],
    )
    tops = [e["top"] for e in rules]
    for c in cands:
        ruled = c.engine == GRID_ENGINE
        test = _inside_ruled_cell if ruled else _under_text
        for cell in c.cells:
            if cell.text and cell.bbox[2] > cell.bbox[0]:
                low, high = _window(cell.bbox, ruled, settings)
                near = rules[bisect_left(tops, low) : bisect_right(tops, high)]
                cell.underline = any(test(cell.bbox, e, settings) for e in near)


def _window(box: Box, ruled: bool, settings: TableFinderSettings) -> tuple[float, float]:
    """The tops a rule may have to pass the test (bounds included; the test decides): a page's
    rules are searched by binary search, not each against every cell."""
    top, bottom = box[1], box[3]
    height = bottom - top
    if ruled:
        return top + settings.ruled_underline_depth * height, bottom - 1
    return bottom - settings.underline_above * height, bottom + settings.underline_below * height


def _under_text(box: Box, e: Edge, settings: TableFinderSettings) -> bool:
    x0, top, x1, bottom = box
    width, height = x1 - x0, bottom - top
    s = settings
    near = bottom - s.underline_above * height <= e["top"] <= bottom + s.underline_below * height
    inset = s.underline_inset * width
    return (
        near
        and e["x0"] <= x0 + inset
        and e["x1"] >= x1 - inset
        and e["x1"] - e["x0"] <= s.underline_max_ratio * width + s.underline_pad
    )


def _inside_ruled_cell(box: Box, e: Edge, settings: TableFinderSettings) -> bool:
    """In a ruled cell the box is the cell's frame: an underline lies strictly inside it."""
    x0, top, x1, bottom = box
    return (
        x0 + 1 < e["x0"]
        and e["x1"] < x1 - 1
        and top + settings.ruled_underline_depth * (bottom - top) < e["top"] < bottom - 1
    )
