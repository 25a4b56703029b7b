"""Table candidates of a page from every finder, the best of overlapping ones, their captions,
and the `Table` models they become."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from extractor.model.document import BBox, Cell, Table
from extractor.model.options import PdfOptions
from extractor.readers.pdf.grid import Box, Candidate, is_numeric, is_value, split_chunks
from extractor.readers.pdf.hyphens import Vocabulary
from extractor.readers.pdf.page_layout import Block, find_gutter, is_prose, is_section_heading, page_rows
from extractor.readers.pdf.ruled import (
    GRID_ENGINE,
    RULES_ENGINE,
    Edge,
    Graphics,
    count_marks,
    grid_boxes,
    grid_candidate,
    merged_edges,
    region_candidate,
    rule_regions,
)
from extractor.readers.pdf.thresholds import PdfSettings, TableFinderSettings
from extractor.readers.pdf.unruled import WORD_GRID, find_text_tables, inside
from extractor.readers.pdf.words import Line, PageText, Word
from extractor.readers.roles import mark_cell_roles

_PRIORITY = {"pdfplumber-lines": 3, "pdf-rules-text": 2, "pdf-text-columns": 1}


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


# --- finding -----------------------------------------------------------------------------------


def ruled_candidates(layout: PageLayout, edges: list[Edge], settings: TableFinderSettings) -> list[Candidate]:
    edges = merged_edges(edges, settings)
    page = layout.page.number
    found: list[Candidate | None] = []
    if len(edges) <= settings.max_edges:
        found += [
            grid_candidate(boxes, layout.words, page, settings) for boxes in grid_boxes(edges, settings)
        ]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    for region in rule_regions(horizontal, layout.breaks, layout.prose, settings):
        found.append(region_candidate(region, layout.words, edges, page, settings))
    return [c for c in found if c is not None]


def find_page_tables(
    layout: PageLayout,
    graphics: Callable[[], Graphics | None],
    options: PdfOptions,
    pdf_settings: PdfSettings,
) -> list[Candidate]:
    """Every finder's candidates on one page, overlaps resolved, text inside charts left out.
    `graphics` is called once, and only when rules are looked for."""
    settings = pdf_settings.tables
    found: list[Candidate] = []
    drawn = graphics() if options.ruled_tables or options.text_tables else None
    if options.ruled_tables and drawn and drawn.edges:
        found += ruled_candidates(layout, drawn.edges, settings)
    found = best_of(found, settings)
    if options.text_tables:
        words = layout.text_words([c.bbox for c in found], settings)
        gutter = find_gutter(layout.prose, layout.page.width, pdf_settings.layout)
        found += find_text_tables(words, layout.prose, layout.barriers, layout.page.number, gutter, settings)
    if drawn and drawn.marks:
        found = [c for c in found if count_marks(c.bbox, drawn.marks) < settings.max_chart_marks]
    found = best_of(found, settings)
    if drawn and drawn.edges:
        mark_underlines(found, drawn.edges, settings)
    return found


def mark_underlines(cands: Sequence[Candidate], edges: Sequence[Edge], settings: TableFinderSettings) -> None:
    """A short rule just under a cell's text and about as wide as it underlines it (papers
    underline the second-best result). Rules of the table itself are far wider than the text."""
    rules = [e for e in edges if e["orientation"] == "h" and e["x1"] - e["x0"] < settings.underline_max_width]
    for c in cands:
        for cell in c.cells:
            if cell.text and cell.bbox[2] > cell.bbox[0]:
                test = _inside_ruled_cell if c.engine == GRID_ENGINE else _under_text
                cell.underline = any(test(cell.bbox, e, settings) for e in rules)


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


def _area(b: Box) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def _overlap(a: Box, b: Box) -> float:
    """The shared area as a share of the smaller box."""
    inter = (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))
    return _area(inter) / max(1e-6, min(_area(a), _area(b)))


def _score(c: Candidate, grid_weight: float) -> tuple[float, int]:
    """Filled cells times confidence; cells closed by rules count more than cells cut from text:
    lines of text in one ruled cell are that cell's, not rows of their own."""
    filled = sum(1 for cell in c.cells if cell.text)
    weight = grid_weight if c.engine == GRID_ENGINE else 1.0
    return filled * c.confidence * weight, _PRIORITY.get(c.engine, 0)


def best_of(cands: Sequence[Candidate], settings: TableFinderSettings) -> list[Candidate]:
    """Of candidates covering the same place, the one with most filled cells (rules win ties)."""
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: _score(c, settings.grid_score_weight), reverse=True):
        if all(_overlap(c.bbox, k.bbox) < settings.overlap_share for k in kept):
            kept.append(c)
    return kept


# --- captions ----------------------------------------------------------------------------------


def _above(cap: Block, table: Candidate, slack: float) -> bool:
    return cap.bottom <= table.bbox[1] + slack


def _caption_pairs(
    cands: Sequence[Candidate], captions: Sequence[Block], reach: float, slack: float
) -> list[tuple[float, int, int]]:
    """(gap, caption, table) for every caption just above or below a table it overlaps."""
    pairs = []
    for ci, cap in enumerate(captions):
        for ti, t in enumerate(cands):
            if cap.page != t.page or cap.x1 < t.bbox[0] or cap.x0 > t.bbox[2]:
                continue
            gap = t.bbox[1] - cap.bottom if _above(cap, t, slack) else cap.top - t.bbox[3]
            if -slack <= gap <= reach:
                pairs.append((gap, ci, ti))
    return pairs


def beside_figure_captions(
    cands: Sequence[Candidate], figures: Sequence[Block], body: float, settings: TableFinderSettings
) -> set[int]:
    """Indexes of uncaptioned candidates right next to a figure's caption: text of the figure, or
    a diagram of boxes. Text between horizontal rules that is mostly numbers stays: authors do
    put tables in figures."""
    pairs = _caption_pairs(cands, figures, settings.caption_distance_em * body, settings.caption_overlap)
    share = settings.between_rules_numeric_share
    return {
        ti for _, _, ti in pairs if cands[ti].caption is None and not _numeric_between_rules(cands[ti], share)
    }


def _numeric_between_rules(c: Candidate, share: float) -> bool:
    values = sum(1 for cell in c.cells if is_numeric(cell.text))
    return c.engine == RULES_ENGINE and values >= share * c.n_rows * c.n_cols


def _assign(pairs: Sequence[tuple[float, int, int]]) -> list[tuple[int, int]]:
    """In the order given, each caption and each table used once: (caption, table)."""
    caps: set[int] = set()
    tables: set[int] = set()
    out = []
    for _, ci, ti in pairs:
        if ci not in caps and ti not in tables:
            caps.add(ci)
            tables.add(ti)
            out.append((ci, ti))
    return out


def _caption_side(
    pairs: Sequence[tuple[float, int, int]],
    cands: Sequence[Candidate],
    captions: Sequence[Block],
    slack: float,
) -> dict[int, bool]:
    """Per page, whether captions sit above their tables. Authors keep one side: the side that gives
    more captions a table wins ('Table 3' between two tables, 'Table 4' under the second: below);
    a page where both sides pair as many follows the document's count, else no side."""
    above = [p for p in pairs if _above(captions[p[1]], cands[p[2]], slack)]
    below = [p for p in pairs if p not in above]
    count: dict[int, list[int]] = {}
    for k, side in enumerate((above, below)):
        for ci, _ in _assign(sorted(side)):
            count.setdefault(captions[ci].page, [0, 0])[k] += 1
    doc = [sum(c[k] for c in count.values() if c[0] != c[1]) for k in (0, 1)]
    out = {}
    for page, (a, b) in count.items():
        if a != b or doc[0] != doc[1]:
            out[page] = a > b if a != b else doc[0] > doc[1]
    return out


def attach_captions(
    cands: Sequence[Candidate],
    captions: Sequence[Block],
    vocab: Vocabulary,
    body: float,
    settings: TableFinderSettings,
) -> None:
    """Each caption block goes to a table just above or below it, if near enough and over it: on the
    side the page's captions keep (see _caption_side), nearest first; then any pair left, nearest first."""
    slack = settings.caption_overlap
    pairs = [
        p
        for p in _caption_pairs(cands, captions, settings.caption_distance_em * body, slack)
        if cands[p[2]].caption is None
    ]
    side = _caption_side(pairs, cands, captions, slack)

    def off_side(pair: tuple[float, int, int]) -> bool:
        cap = captions[pair[1]]
        return cap.page in side and side[cap.page] != _above(cap, cands[pair[2]], slack)

    for ci, ti in _assign(sorted(pairs, key=lambda p: (off_side(p), p))):
        cap = captions[ci]
        cands[ti].caption = cap.text(vocab)
        cands[ti].caption_box = (cap.x0, cap.top, cap.x1, cap.bottom)


def has_evidence(c: Candidate, settings: TableFinderSettings) -> bool:
    """Crossing rules make a table by themselves; text between horizontal rules needs a caption
    or numbers (author lists and boxed notes are drawn between rules too)."""
    if c.engine == GRID_ENGINE or c.caption or WORD_GRID in c.notes:
        return True
    return sum(1 for cell in c.cells if is_numeric(cell.text)) >= settings.evidence_min_numbers


def set_apart_tables(blocks: Sequence[Block], cands: Sequence[Candidate]) -> list[Block]:
    """Lines inside a table leave their block and stand alone as kind 'table'."""
    boxes: dict[int, list[Box]] = {}
    for c in cands:
        boxes.setdefault(c.page, []).append(c.bbox)
    out: list[Block] = []
    for b in blocks:
        page_boxes = boxes.get(b.page, [])
        rest: list[Line] = []
        for ln in b.lines:
            if not any(_within(ln, box) for box in page_boxes):
                rest.append(ln)
                continue
            if rest:
                out.append(Block(rest, b.kind))
                rest = []
            out.append(Block([ln], "table"))
        if rest:
            out.append(Block(rest, b.kind))
    return out


def _within(line: Line, box: Box) -> bool:
    cx, cy = (line.x0 + line.x1) / 2, (line.top + line.bottom) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


# --- tables ------------------------------------------------------------------------------------


def reading_order(
    cands: Sequence[Candidate], pages: dict[int, PageLayout], settings: PdfSettings
) -> list[Candidate]:
    """Page by page; on a two-column page the left column's tables first."""

    def key(c: Candidate) -> tuple[int, int, float]:
        layout = pages.get(c.page)
        gutter = find_gutter(layout.prose, layout.page.width, settings.layout) if layout else None
        column = 1 if gutter is not None and c.bbox[0] >= gutter - settings.tables.column_slack else 0
        return c.page, column, c.bbox[1]

    return sorted(cands, key=key)


def to_table(c: Candidate, index: int, to_display: Callable[[Box], Box] = lambda b: b) -> Table:
    """A candidate as the document model has it: spans expanded in `grid`, boxes on the page as displayed."""
    grid = [["" for _ in range(c.n_cols)] for _ in range(c.n_rows)]
    cells = []
    for cell in sorted(c.cells, key=lambda x: (x.row, x.col)):
        for r in range(cell.row, min(c.n_rows, cell.row + cell.rowspan)):
            for col in range(cell.col, min(c.n_cols, cell.col + cell.colspan)):
                grid[r][col] = cell.text
        cells.append(
            Cell(
                row=cell.row,
                col=cell.col,
                text=cell.text,
                rowspan=cell.rowspan,
                colspan=cell.colspan,
                bbox=_bbox(to_display(cell.bbox)),
                bold=cell.bold,
                underline=cell.underline,
            )
        )
    return mark_cell_roles(
        Table(
            index=index,
            page=c.page,
            bbox=_bbox(to_display(c.bbox)),
            caption=c.caption,
            grid=grid,
            cells=cells,
            header_rows=c.header_rows,
            engine=c.engine,
            confidence=c.confidence,
            notes=list(c.notes),
        )
    )


def _bbox(b: Box) -> BBox:
    return BBox(x0=round(b[0], 2), top=round(b[1], 2), x1=round(b[2], 2), bottom=round(b[3], 2))
