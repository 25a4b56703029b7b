"""Tables continued on the next page: joined into one, which remembers each page it is printed on.

A table ends one page and goes on at the top of the next with the same columns, under a
continuation caption ("Table 3 (continued)", "Table 3: ... cont.") or none. Its repeated header
rows are dropped; the joined rows keep the boxes they have on the later page, and the candidate's
`continued` list gets the later page, the table's box there and the first row joined from it (the
table's provenance items).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.grid import Box, Candidate, GridCell
from extractor.readers.pdf.words import Word
from extractor.vocab.patterns import TABLE_NUMBER

_CONTINUED = re.compile(r"\b(cont(inued|inuation|\.|'d|d)?)\b|\(cont", re.I)


def join_continued(
    cands: Sequence[Candidate], words: dict[int, Sequence[Word]], settings: TableFinderSettings
) -> list[Candidate]:
    """`cands` in reading order; `words` the body words of each page (no page furniture)."""
    out: list[Candidate] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and _continues(prev, c, words, settings):
            _append(prev, c, settings.max_header_rows)
        else:
            out.append(c)
    return out


def _continues(
    a: Candidate, b: Candidate, words: dict[int, Sequence[Word]], settings: TableFinderSettings
) -> bool:
    last_page = max(a.page, _last_page(a))
    if b.page != last_page + 1 or a.n_cols != b.n_cols or not _same_columns(a, b, settings):
        return False
    if b.caption and not _continuation_caption(a.caption, b.caption):
        return False
    margin = settings.continued_margin
    ends = not any(w.top > a.bbox[3] + margin and not _in(w, a.caption_box) for w in words.get(last_page, ()))
    starts = not any(
        w.bottom < b.bbox[1] - margin and not _in(w, b.caption_box) for w in words.get(b.page, ())
    )
    return ends and starts and (a.caption is not None or b.caption is not None)


def _last_page(c: Candidate) -> int:
    return max((page for page, _, _ in c.continued), default=c.page)


def _continuation_caption(first: str | None, later: str) -> bool:
    if _CONTINUED.search(later):
        return True
    a, b = TABLE_NUMBER.match(first or ""), TABLE_NUMBER.match(later)
    return bool(a and b and a.group(1) == b.group(1))


def _in(w: Word, box: Box | None) -> bool:
    return (
        box is not None
        and box[0] - 1 <= w.cx <= box[2] + 1
        and box[1] - 1 <= (w.top + w.bottom) / 2 <= box[3] + 1
    )


def _centres(c: Candidate) -> list[float | None]:
    out: list[float | None] = []
    for col in range(c.n_cols):
        xs = [(g.bbox[0] + g.bbox[2]) / 2 for g in c.cells if g.col == col and g.colspan == 1 and g.text]
        out.append(sorted(xs)[len(xs) // 2] if xs else None)
    return out


def _same_columns(a: Candidate, b: Candidate, settings: TableFinderSettings) -> bool:
    """Columns at the same places (within a share of the narrower table's mean column width)."""
    s = settings
    tol = (
        s.continued_col_share * min(a.bbox[2] - a.bbox[0], b.bbox[2] - b.bbox[0]) / max(1, a.n_cols)
        + s.continued_col_pad
    )
    pairs = [(x, y) for x, y in zip(_centres(a), _centres(b)) if x is not None and y is not None]
    return len(pairs) >= max(s.continued_min_cols, a.n_cols - 1) and all(abs(x - y) <= tol for x, y in pairs)


def _rows_text(c: Candidate, rows: range) -> list[list[tuple[int, str]]]:
    return [sorted((g.col, g.text) for g in c.cells if g.row == r) for r in rows]


def _append(a: Candidate, b: Candidate, max_header_rows: int) -> None:
    """b's rows under a's, leaving out the rows that repeat a's first rows (its header, marked
    or not); a's `continued` says where the rest came from."""
    repeated = (
        k
        for k in range(1, max_header_rows + 1)
        if k < b.n_rows and _rows_text(a, range(k)) == _rows_text(b, range(k))
    )
    skip = max(repeated, default=0)
    first = a.n_rows
    for g in b.cells:
        if g.row >= skip:
            row = g.row - skip + first
            a.cells.append(GridCell(row, g.col, g.text, g.bbox, g.rowspan, g.colspan, g.bold, g.underline))
    a.n_rows += b.n_rows - skip
    a.confidence = min(a.confidence, b.confidence)
    a.continued.append((b.page, b.bbox, first))
