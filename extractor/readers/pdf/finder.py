"""Table candidates of a page from every finder and the best of overlapping ones; which of them
are tables, their reading order, the lines they take from the text, and the `Table` models they become."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from extractor.model.document import BBox, Cell, Provenance, Table, TableEngine
from extractor.model.options import PdfOptions
from extractor.readers.pdf.barriers import PageLayout
from extractor.readers.pdf.between_rules import header_above, region_candidate, rule_regions
from extractor.readers.pdf.crossing_rules import GRID_ENGINE, grid_boxes, grid_candidate
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.graphics import Edge, Graphics, count_marks, merged_edges
from extractor.readers.pdf.grid import Box, Candidate, is_numeric
from extractor.readers.pdf.page_layout import Block, find_gutter
from extractor.readers.pdf.thresholds import PdfSettings
from extractor.readers.pdf.underlines import mark_underlines
from extractor.readers.pdf.unruled import WORD_GRID, find_text_tables
from extractor.readers.pdf.words import Line
from extractor.readers.roles import mark_cell_roles

_PRIORITY = {TableEngine.PDF_LINES: 3, TableEngine.PDF_RULES_TEXT: 2, TableEngine.PDF_TEXT_COLUMNS: 1}


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
        grown = header_above(region, layout.words, layout.barriers, settings)
        if grown is not None:
            found.append(region_candidate(grown, layout.words, edges, page, settings))
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


def page_gutter(layout: PageLayout, settings: PdfSettings) -> float | None:
    """Where a two-column page's columns part, for reading_order."""
    return find_gutter(layout.prose, layout.page.width, settings.layout)


def reading_order(
    cands: Sequence[Candidate], gutters: dict[int, float | None], settings: PdfSettings
) -> list[Candidate]:
    """Page by page; on a two-column page (`gutters`, by page) the left column's tables first."""

    def key(c: Candidate) -> tuple[int, int, float]:
        gutter = gutters.get(c.page)
        column = 1 if gutter is not None and c.bbox[0] >= gutter - settings.tables.column_slack else 0
        return c.page, column, c.bbox[1]

    return sorted(cands, key=key)


def to_table(
    c: Candidate, index: int, to_display: Callable[[int, Box], Box] = lambda page, box: box
) -> Table:
    """A candidate as the document model has it: its cells, and where it is printed (a provenance item
    per page), boxes on each page as displayed (`to_display(page, box)`)."""
    parts = [(c.page, c.bbox, 0), *c.continued]  # (page, box, first row) of each page it is printed on
    ends = [first - 1 for _, _, first in parts[1:]] + [max(0, c.n_rows - 1)]
    provenance = [
        Provenance(page=page, bbox=_bbox(to_display(page, box)), rows=(first, last))
        for (page, box, first), last in zip(parts, ends, strict=True)
    ]
    cells = []
    for cell in sorted(c.cells, key=lambda x: (x.row, x.col)):
        page = next((p for p, _, first in reversed(parts) if first <= cell.row), c.page)
        cells.append(
            Cell(
                row=cell.row,
                col=cell.col,
                text=cell.text,
                rowspan=cell.rowspan,
                colspan=cell.colspan,
                bbox=_bbox(to_display(page, cell.bbox)),
                bold=cell.bold,
                underline=cell.underline,
            )
        )
    return mark_cell_roles(
        Table.from_cells(
            cells,
            n_rows=c.n_rows,
            n_cols=c.n_cols,
            index=index,
            provenance=provenance,
            caption=c.caption,
            header_rows=c.header_rows,
            engine=c.engine,
            confidence=c.confidence,
            notes=list(c.notes),
        )
    )


def _bbox(b: Box) -> BBox:
    return BBox(x0=round(b[0], 2), top=round(b[1], 2), x1=round(b[2], 2), bottom=round(b[3], 2))
