"""Captions matched to table candidates: each caption block to the table just above or below it, on
the side the page's captions keep; candidates beside a figure's caption found."""

from __future__ import annotations

from collections.abc import Sequence

from extractor.readers.pdf.between_rules import RULES_ENGINE
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.grid import Candidate, is_numeric
from extractor.readers.pdf.hyphens import DocumentWords
from extractor.readers.pdf.page_layout import Block


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
    vocab: DocumentWords,
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
