"""What the table finders know of a page's lines (PageLayout): running text, headings and captions
no table crosses, and the category rows and row labels that only look like them."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.grid import Box, is_numeric, is_value, split_chunks
from extractor.readers.pdf.page_layout import Block, is_prose, is_section_heading, page_rows
from extractor.readers.pdf.thresholds import PdfSettings
from extractor.readers.pdf.unruled import inside
from extractor.readers.pdf.words import Line, PageText, Word


@dataclass
class PageLayout:
    """What the table finders need to know about one page's text."""

    page: PageText
    blocks: list[Block]
    prose: list[Line]
    barriers: list[Line]  # prose, headings and captions: never inside a table
    breaks: list[Line]  # captions, section headings: never inside a ruled table either
    words: list[Word]  # upright words outside page furniture
    rowed: set[int]  # ids of lines that share a baseline with other cells

    @classmethod
    def of(cls, page: PageText, blocks: Sequence[Block], body: float, settings: PdfSettings) -> PageLayout:
        mine = [b for b in blocks if b.page == page.number]
        valued = _labels_of_values(page.lines, settings)
        prose = [
            ln
            for b in mine
            if b.kind == "paragraph"
            for ln in b.lines
            if is_prose(ln, settings.layout) and id(ln) not in valued
        ]
        rowed_lines = [page.lines[i] for i in page_rows(page, settings.layout)]
        row_lines = rowed_lines + [ln for ln in page.lines if id(ln) in valued]
        category = {
            id(ln)
            for b in mine
            if b.kind == "heading"
            for ln in b.lines
            if _category_row(ln, row_lines, page.lines, settings)
        }
        category |= valued  # a bold label with its value on its line is a row ("Total ... 1,969,797")
        marked = [
            ln
            for b in mine
            if b.kind in ("heading", "caption", "title")
            for ln in b.lines
            if id(ln) not in category
        ]
        breaks = [
            ln
            for b in mine
            if b.kind in ("caption", "title") or is_section_heading(b, body, settings.layout)
            for ln in b.lines
            if id(ln) not in category
        ]
        words = [w for b in mine if b.kind != "other" for ln in b.lines for w in ln.words if w.upright]
        return cls(page, list(mine), prose, prose + marked, breaks, words, {id(ln) for ln in rowed_lines})

    def text_words(self, taken: Sequence[Box], settings: TableFinderSettings) -> list[Word]:
        """Words a whitespace table may hold: not running text, headings, captions or ruled tables."""
        skip = {id(ln) for ln in self.barriers}
        for b in self.blocks:
            for prev, ln in zip(b.lines, b.lines[1:]):
                if id(prev) in skip and id(ln) not in self.rowed and len(self._chunks(ln, settings)) == 1:
                    skip.add(id(ln))  # the short last line of a paragraph
        words = [
            w
            for b in self.blocks
            if b.kind != "other"
            for ln in b.lines
            if id(ln) not in skip
            for w in ln.words
        ]
        return [w for w in words if w.upright and not inside(w, taken)]

    @staticmethod
    def _chunks(line: Line, settings: TableFinderSettings) -> list:
        return split_chunks(line.words, settings.cell_gap_em, settings.number_gap_em)


def _category_row(line: Line, rows: Sequence[Line], lines: Sequence[Line], settings: PdfSettings) -> bool:
    """A short bold line between two table rows, flush with their first cells, is a category row
    of the table ("Math" over GSM8K and MATH), not a heading that ends it; so is the first one
    under the table's head when that is short lines ("2016", "(all amounts in EUR)")."""
    s = settings.tables
    if len(line.words) > s.category_max_words:
        return False
    reach = s.category_reach_em * line.size

    def flush(ln: Line) -> bool:
        return abs(ln.x0 - line.x0) <= s.category_flush or ln.x0 < line.x0 < ln.x1

    below = any(0 < ln.top - line.bottom <= reach and flush(ln) for ln in rows)
    if not below:
        return False
    if any(0 < line.top - ln.bottom <= reach and flush(ln) for ln in rows):
        return True
    near = [ln for ln in lines if 0 < line.top - ln.bottom <= reach]
    return bool(near) and all(
        len(ln.words) <= s.category_max_words and not ln.bold and not is_prose(ln, settings.layout)
        for ln in near
    )


def _labels_of_values(lines: Sequence[Line], settings: PdfSettings) -> set[int]:
    """Ids of lines with numbers only further right on their baseline: the label of a table row
    ("Number of units at 31 December ... 49,136"), however much it reads like a sentence."""
    s = settings.tables
    values = [
        ln
        for ln in lines
        if (len(ln.words) <= s.value_line_max_words and is_numeric(ln.text))
        or all(is_value(w.text) for w in ln.words)
    ]
    if not values:
        return set()
    by_row: dict[int, list[Line]] = {}
    for ln in lines:
        by_row.setdefault(round(ln.baseline), []).append(ln)
    out: set[int] = set()
    for v in values:
        near = (o for k in (-1, 0, 1) for o in by_row.get(round(v.baseline) + k, ()))
        out.update(
            id(o)
            for o in near
            if o is not v and o.x1 < v.x0 and abs(o.baseline - v.baseline) < s.value_row_baseline_em * v.size
        )
    return out | _stacked_labels(lines, values, settings)


def _stacked_labels(lines: Sequence[Line], values: Sequence[Line], settings: PdfSettings) -> set[int]:
    """Ids of the two lines of a label whose scores are set half-way between them ('MMLU' over
    '(5-shot)', the scores centred on the pair): the upper line ends above the scores' middle, the
    lower starts below it, the two overlap across and nearly touch. Running text beside a table (a
    two-column page) is never a label."""
    out: set[int] = set()
    s = settings.tables
    short = sorted(
        ((o.top + o.bottom) / 2, k)
        for k, o in enumerate(lines)
        if len(o.words) <= s.stacked_label_max_words and not is_prose(o, settings.layout)
    )
    mids = [m for m, _ in short]
    for v in values:
        mid = (v.top + v.bottom) / 2
        reach = s.stacked_reach_em * v.size
        near = short[bisect.bisect_left(mids, mid - reach) : bisect.bisect_right(mids, mid + reach)]
        left = [o for o in (lines[k] for _, k in near) if o is not v and o.x1 < v.x0]
        for a in left:
            for b in left:
                stacked = (
                    a.bottom <= mid <= b.top
                    and 0 <= b.top - a.bottom < s.stacked_gap_em * v.size
                    and a.x0 < b.x1
                    and b.x0 < a.x1
                )
                if stacked:
                    out.update((id(a), id(b)))
    return out
