"""Rule-bounded (booktabs) tables: horizontal rules of one width stacked over each other, with no
vertical rules. The rows and columns inside come from the text (grid.py); the first inner rule
separates the header, and short rules under a header cell give its span."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.model.document import TableEngine
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.folds import cut_under_header_gaps, fold_centred_rows, header_from_cells
from extractor.readers.pdf.graphics import Edge
from extractor.readers.pdf.grid import (
    Box,
    Candidate,
    Chunk,
    GridCell,
    Row,
    body_bands,
    cluster_rows,
    first_value_row,
    holds_values,
    is_numeric,
    split_chunks,
)
from extractor.readers.pdf.placement import grid_cells
from extractor.readers.pdf.words import Line, Word

RULES_ENGINE = TableEngine.PDF_RULES_TEXT
# a date written with slashes (`2/1/2025`, the end of a benchmark's time window) reads as values
# split by `/`; beside rows of values it is a label's line
_SLASHED_DATE = re.compile(r"\d{1,2}/\d{1,2}/(?:19|20)\d{2}")


@dataclass
class Region:
    box: Box
    inner: list[float]  # y of the rules between top and bottom


def rule_regions(
    h_edges: Sequence[Edge], breaks: Sequence[Line], prose: Sequence[Line], settings: TableFinderSettings
) -> list[Region]:
    """Stacks of horizontal rules of one width; a caption, a section heading or a paragraph
    between two of them ends one table and starts another."""
    rules = sorted(
        (e for e in h_edges if e["x1"] - e["x0"] >= settings.min_rule_length), key=lambda e: e["top"]
    )
    tol = settings.rule_extent_tolerance
    stacks: list[list[Edge]] = []
    for e in rules:
        stack = next(
            (s for s in stacks if abs(s[0]["x0"] - e["x0"]) <= tol and abs(s[0]["x1"] - e["x1"]) <= tol), None
        )
        if stack is None:
            stacks.append([e])
        else:
            stack.append(e)
    regions: list[Region] = []
    for stack in stacks:
        regions.extend(_split_stack(stack, breaks, prose, settings))
    return regions


def header_above(
    region: Region, words: Sequence[Word], barriers: Sequence[Line], settings: TableFinderSettings
) -> Region | None:
    """The region grown up over its header when its first rule is no top rule: the lines between it
    and the next rule hold values (a table ruled under its header and between row groups, with no
    rule over the header). The lines just above that rule, each within `header_above_gap_em` of the
    one below, none of them prose, a heading or a caption, a row of values or filling its width with
    words, are its header, up to `header_above_lines` of them, when one of them holds two cells at
    least. None when a row of values stands just above: the table goes on above the rules (drawn
    lighter elsewhere, or under some rows only), and the other finders read it whole."""
    x0, top, x1, bottom = region.box
    pad = settings.region_pad
    across = [w for w in words if x0 - pad <= w.cx <= x1 + pad]
    first = region.inner[0] if region.inner else bottom
    under = [w for w in across if top < (w.top + w.bottom) / 2 < first]
    if sum(1 for w in under if is_numeric(w.text)) < settings.min_cols:
        return region  # a header between the first two rules: a top rule
    stops = {id(w) for ln in barriers for w in ln.words}
    rows = cluster_rows((w for w in across if w.bottom <= top + 1), settings.row_tolerance_em)
    header: list[list[Word]] = []
    edge = top
    for row in reversed(rows):
        size = max(w.size for w in row)
        if len(header) == settings.header_above_lines or edge - max(w.bottom for w in row) > (
            settings.header_above_gap_em * size
        ):
            break
        if any(id(w) in stops for w in row):
            break
        if sum(w.x1 - w.x0 for w in row) > settings.header_above_ink_share * (x1 - x0):
            break  # a line of running text fills its width; a header's cells leave gaps
        chunks = split_chunks(row, settings.cell_gap_em, settings.number_gap_em)
        if 2 * sum(1 for c in chunks if holds_values(c.text)) >= len(chunks):
            return None  # a row of values: the table goes on above the rule; these rules are a part of it
        header.append(row)
        edge = min(w.top for w in row)
    if not any(len(split_chunks(r, settings.cell_gap_em, settings.number_gap_em)) >= 2 for r in header):
        return region
    return Region((x0, edge - pad, x1, bottom), [top, *region.inner])


def _between(a: Edge, b: Edge, lines: Sequence[Line]) -> int:
    return sum(
        1
        for ln in lines
        if a["top"] < (ln.top + ln.bottom) / 2 < b["top"] and ln.x0 < a["x1"] and ln.x1 > a["x0"]
    )


def _split_stack(
    stack: list[Edge], breaks: Sequence[Line], prose: Sequence[Line], settings: TableFinderSettings
) -> list[Region]:
    groups: list[list[Edge]] = [[stack[0]]]
    for a, b in zip(stack, stack[1:]):
        if _between(a, b, breaks) or _between(a, b, prose) >= settings.region_break_prose:
            groups.append([b])
        else:
            groups[-1].append(b)
    regions = []
    for g in groups:
        if len(g) >= 2 and g[-1]["top"] - g[0]["top"] > settings.region_min_height:
            box = (min(e["x0"] for e in g), g[0]["top"], max(e["x1"] for e in g), g[-1]["top"])
            regions.append(Region(box, [e["top"] for e in g[1:-1]]))
    return regions


def region_candidate(
    region: Region, words: Sequence[Word], edges: Sequence[Edge], page: int, settings: TableFinderSettings
) -> Candidate | None:
    """The text between the rules of one region, cut into rows and columns."""
    x0, top, x1, bottom = region.box
    pad = settings.region_pad
    inside = [w for w in words if x0 - pad <= w.cx <= x1 + pad and top < (w.top + w.bottom) / 2 < bottom]
    if not inside:
        return None
    cuts = [
        e["x0"]
        for e in edges
        if e["orientation"] == "v"
        and e["top"] < bottom
        and e["bottom"] > top
        and x0 + pad < e["x0"] < x1 - pad
    ]
    rows = [
        split_chunks(r, settings.cell_gap_em, settings.number_gap_em, cuts)
        for r in cluster_rows(inside, settings.row_tolerance_em)
    ]
    rows = merge_ruled_rows(rows, region, settings.wrap_full_row_cells, settings.wrap_line_pitch_em)
    if sum(len(r) < 2 for r in rows) > settings.region_lone_share * len(rows):
        return None  # running text or a list between rules, not a table
    header = _rule_header(rows, region, settings.max_header_rows)
    rows = cut_under_header_gaps(rows, header or 0)
    spans = [
        (e["x0"], e["x1"], e["top"])
        for e in edges
        if e["orientation"] == "h"
        and top < e["top"] < bottom
        and e["x1"] - e["x0"] < x1 - x0 - settings.span_rule_margin
    ]
    body = [r for r in rows[header or 0 :] if len(r) >= 2]
    if not body:
        return None
    bands = body_bands(body, settings, [r for r in rows[header or 0 :] if len(r) == 1])
    cells = grid_cells(rows, bands, settings, header or 0, spans)
    if len(bands) < settings.min_cols or len(rows) < settings.min_rows:
        return None
    if any(len(c.text) > settings.max_cell_chars for c in cells):
        return None
    cells, n_rows = fold_centred_rows(cells, rows, settings)
    header = _rule_header_after(cells, n_rows, region, settings.max_header_rows)
    cells = _span_ruled_labels(cells, n_rows, region, header or 0)
    filled = len(cells) / max(1, n_rows * len(bands))
    conf = round(
        min(settings.region_conf_max, settings.region_conf_base + settings.region_conf_fill * filled), 2
    )
    return Candidate(
        page, (x0, top, x1, bottom), cells, n_rows, len(bands), RULES_ENGINE, conf, header_rows=header
    )


def _span_ruled_labels(cells: list[GridCell], n_rows: int, region: Region, header: int) -> list[GridCell]:
    """A label on the first row between two rules spans the rows of values under it, down to the
    next rule, that leave its column empty (a benchmark's name beside its 'single attempt' and
    'multiple attempts' rows): a cell between two rules holds all that lies between them, as a
    grid drawn with lines reads it."""
    if len(region.inner) < 2:
        return cells
    band: dict[int, int] = {}  # row -> how many inner rules lie above it
    for c in cells:
        if c.rowspan == 1:
            band.setdefault(c.row, sum(1 for y in region.inner if (c.bbox[1] + c.bbox[3]) / 2 > y))
    taken = {(c.row + k, j) for c in cells for k in range(c.rowspan) for j in range(c.col, c.col + c.colspan)}
    scored = {c.row for c in cells if holds_values(c.text)}
    for c in cells:
        r = c.row
        if r < header or c.rowspan != 1 or band.get(r) is None or band.get(r - 1) == band[r]:
            continue  # a header's cell, a span already, or no first row of its band
        if (
            not c.text.strip()
            or holds_values(c.text)
            or any(o.row == r and o.col < c.col and holds_values(o.text) for o in cells)
        ):
            continue  # no label of its row: a value, or right of one
        end = r + 1
        while end < n_rows and band.get(end) == band[r]:
            end += 1
        under = range(r + 1, end)
        if under and all(
            k in scored and not any((k, j) in taken for j in range(c.col, c.col + c.colspan)) for k in under
        ):
            c.rowspan = end - r
    return cells


def merge_ruled_rows(rows: list[Row], region: Region, full_row: int, pitch_em: float) -> list[Row]:
    """Where rules separate the body's rows, the lines between two rules are one row whose cells
    wrap ("Reasoning &" over "Knowledge"), unless several of those lines fill `full_row` columns or
    hold values (a group of model rows between two rules, one score each) other than one row's
    cells wrapped (`_wrapped_values`); where lines of labels lie between rows of values, the labels
    wrapped around them are shared out (`_share_out`)."""
    if len(region.inner) < 2:
        return rows
    limits = list(region.inner) + [region.box[3]]
    segments: list[list[Row]] = [[] for _ in range(len(limits) + 1)]
    for row in rows:
        segments[sum(1 for y in limits[:-1] if row[0].baseline > y)].append(row)
    out: list[Row] = list(segments[0])  # the header keeps its lines: group headers over columns
    for seg in segments[1:]:
        values = [len(r) >= full_row or (len(r) >= 2 and holds_values(r[-1].text)) for r in seg]
        if len(seg) > 1 and (sum(values) <= 1 or _wrapped_values(seg, values)):
            out.append(_stack(seg))
        else:
            out.extend((_share_out(seg, values, pitch_em) if _labels_between(values) else None) or seg)
    return out


def _wrapped_values(seg: list[Row], values: list[bool]) -> bool:
    """Lines of values between two rules that are the lines of one row's cells, set on no common
    baseline (`76.5% /` over `72.7%` in one column, `82.2%` over `diff-fenced` in the next, a lone
    score centred in a third): some of those lines start with a value right of the others' labels,
    no label of their own, and no column holds a value on every one of them. Rows of a table
    share their columns (a label centred beside rows of shots and scores: every row fills the
    scores' columns); values left of the labels are row headers centred over rows (layers beside
    two rows of a method each: folds.py)."""
    rows = [r for r, v in zip(seg, values, strict=True) if v]
    labelled = [r for r in rows if not holds_values(r[0].text)]
    unlabelled = [r for r in rows if holds_values(r[0].text)]
    if not labelled or not unlabelled or min(r[0].x0 for r in unlabelled) < max(r[0].x1 for r in labelled):
        return False
    spans = [[(c.x0, c.x1) for c in r if holds_values(c.text)] for r in rows]
    return not any(all(any(a < x1 and x0 < b for a, b in other) for other in spans) for x0, x1 in spans[0])


def _labels_between(values: list[bool]) -> bool:
    """Lines without values between two rows of values: labels wrapped around them, not model rows
    one under another."""
    at = [i for i, v in enumerate(values) if v]
    return len(at) >= 2 and not all(values[at[0] : at[-1] + 1])


def _share_out(seg: list[Row], values: list[bool], pitch_em: float) -> list[Row] | None:
    """Rows of values between two rules with labels wrapped around them ('single attempt' over
    'multiple attempts' beside a benchmark's name of four lines), one row per row of values. A
    column's run of label lines, each right under the one before (within `pitch_em`), that reaches a
    row of values is a label of the first row it reaches (a name beside two rows names both, unless
    it is a label centred on one row over the next one's: _centred_labels); any
    other label line's chunk joins the row of values nearest it. None where a line without values
    is no wrapped cell's (a group's name centred beside its rows: folds.py reads it)."""
    at = [i for i, v in enumerate(values) if v]
    parts: list[list[Chunk]] = [[] for _ in at]
    runs: list[list[tuple[int, Chunk]]] = []
    for i, row in enumerate(seg):
        for chunk in row:
            if holds_values(chunk.text) and not _SLASHED_DATE.fullmatch(chunk.text.strip()):
                if not values[i]:
                    return None  # a value on a line of its own: not labels wrapped
                parts[at.index(i)].append(chunk)
                continue
            run = next((r for r in runs if _right_under(r[-1][1], chunk, pitch_em)), None)
            if run is None:
                runs.append([(i, chunk)])
            else:
                run.append((i, chunk))
    spans = [(min(c.top for c in seg[i]), max(c.bottom for c in seg[i])) for i in at]
    for run in [part for whole in runs for part in _centred_labels(whole, values, at, spans)]:
        reached = [at.index(i) for i, _ in run if values[i]]
        if any(values[a] and values[b] for (a, _), (b, _) in zip(run, run[1:])):
            return None  # a label on each of two rows one under the other: rows, not a wrapped label
        if not reached and len(run) == 1:  # one line: beside a row of values, or a group's name
            middle = (run[0][1].top + run[0][1].bottom) / 2
            reached = [k for k, (top, bottom) in enumerate(spans) if top <= middle <= bottom]
            if not reached:
                return None
        for _, chunk in run:
            middle = (chunk.top + chunk.bottom) / 2
            near = min(range(len(at)), key=lambda k: abs(sum(spans[k]) / 2 - middle))
            parts[reached[0] if reached else near].append(chunk)
    return [_stack([[c] for c in part]) for part in parts]


def _centred_labels(
    run: list[tuple[int, Chunk]], values: list[bool], at: list[int], spans: list[tuple[float, float]]
) -> list[list[tuple[int, Chunk]]]:
    """The run cut before each line that lies on a row of values while the lines above it are
    centred on an earlier row (`LiveCodeBench` over its note, centred on its row, then `FullStack`
    on the next row's line): a label for each row, not one name beside both. A name beside two
    rows is centred on neither (`Code generation` / `LiveCodeBench` / `UI: 2024 -` / `2025`)."""
    parts = [run]
    for k in range(len(run) - 1, 0, -1):
        i = run[k][0]
        head = parts[0][:k]
        middle = (min(c.top for _, c in head) + max(c.bottom for _, c in head)) / 2
        row = next((r for r, (top, bottom) in enumerate(spans) if top <= middle <= bottom), None)
        if values[i] and row is not None and at[row] < i:
            parts[:1] = [head, parts[0][k:]]
    return parts


def _right_under(above: Chunk, chunk: Chunk, pitch_em: float) -> bool:
    """`chunk` is the next line of the cell `above` ends: under it, across it, its middle at most a
    line's pitch lower (told by middles: a picture's word boxes are tight to their ink)."""
    drop = (chunk.top + chunk.bottom - above.top - above.bottom) / 2
    return 0 < drop <= pitch_em * chunk.size and chunk.x0 < above.x1 and chunk.x1 > above.x0


def _stack(rows: list[Row]) -> Row:
    """Chunks of several lines that overlap across the page joined top to bottom, one per column."""
    groups: list[list[Chunk]] = []
    for chunk in sorted((c for r in rows for c in r), key=lambda c: c.x0):
        if groups and chunk.x0 < max(c.x1 for c in groups[-1]):
            groups[-1].append(chunk)
        else:
            groups.append([chunk])
    return [Chunk(tuple(w for c in sorted(g, key=lambda c: c.baseline) for w in c.words)) for g in groups]


def _rule_header(rows: Sequence[Row], region: Region, max_rows: int) -> int | None:
    """Rows above the first inner rule are the header; without one, rows above the first number."""
    if region.inner:
        above = sum(1 for r in rows if r[0].bottom <= region.inner[0] + 1)
        if 0 < above < len(rows):
            return above
    first = first_value_row(rows)
    return first if first is not None and first <= max_rows else None


def _rule_header_after(cells: Sequence[GridCell], n_rows: int, region: Region, max_rows: int) -> int | None:
    """The header row count once centred rows are folded: rows wholly above the first inner rule."""
    if region.inner:
        below = {c.row for c in cells if c.bbox[3] > region.inner[0] + 1}
        above = [r for r in range(n_rows) if r not in below]
        if 0 < len(above) < n_rows and above == list(range(len(above))):
            return len(above)
    return header_from_cells(cells, max_rows)
