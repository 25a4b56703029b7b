"""Lines -> blocks (paragraphs, headings, captions, page furniture), the title and the abstract."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from extractor.readers.pdf.hyphens import DocumentWords, join_lines
from extractor.readers.pdf.layout_settings import LayoutSettings
from extractor.readers.pdf.words import Line, PageText
from extractor.vocab.labels import CITATION
from extractor.vocab.patterns import ABSTRACT_LABEL, CAPTION_LABEL

Kind = str  # "title" | "heading" | "paragraph" | "caption" | "other"

_SECTION_NUMBER = re.compile(r"^(\d+(\.\d+)*\.?|[IVX]+\.|[A-H]\.(\d+\.?)*)\s+(?=\S)")
_NAMED_HEADINGS = re.compile(
    r"^(abstract|introduction|references|bibliography|acknowledge?ments?|conclusions?|related work|"
    r"appendix|appendices|contents|summary|overview|background|discussion|limitations|results)\s*$",
    re.I,
)
_STOP_SECTIONS = re.compile(r"^(keywords|index terms|ccs concepts|key words)\b", re.I)


@dataclass
class Block:
    lines: list[Line]
    kind: Kind = "paragraph"

    @property
    def page(self) -> int:
        return self.lines[0].page

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def size(self) -> float:
        return self.lines[0].size

    @property
    def x0(self) -> float:
        return min(ln.x0 for ln in self.lines)

    @property
    def x1(self) -> float:
        return max(ln.x1 for ln in self.lines)

    @property
    def top(self) -> float:
        return min(ln.top for ln in self.lines)

    @property
    def bottom(self) -> float:
        return max(ln.bottom for ln in self.lines)

    def text(self, vocab: DocumentWords) -> str:
        return join_lines([ln.text for ln in self.lines], vocab)


# --- blocks --------------------------------------------------------------------------------


def is_prose(line: Line, settings: LayoutSettings) -> bool:
    """A line of running text: several words, mostly words rather than numbers, evenly spaced.
    Kept on the line: the layout and the table finders ask for it many times."""
    if line.prose is None:
        object.__setattr__(line, "prose", _is_prose(line, settings))
    return line.prose


def _is_prose(line: Line, settings: LayoutSettings) -> bool:
    words = line.words
    # 'Orca-Audio (Chu et al., 2023a)' in a table row is a name with its citation, not a sentence
    if (
        len(words) < settings.prose_min_words
        or len(CITATION.sub("", line.text).split()) < settings.prose_min_words
    ):
        return False
    wordy = sum(1 for w in words if sum(map(str.isalpha, w.text)) >= max(1, len(w.text) // 2))
    lower = sum(1 for w in words if w.text[:1].islower())
    if wordy < settings.prose_wordy_share * len(words) or lower < settings.prose_lower_share * len(words):
        return False  # numbers, or a row of capitalised names: a table header
    gaps = [b.x0 - a.x1 for a, b in zip(words, words[1:])]
    if max(gaps[:2]) > settings.prose_label_gap_em * line.size:
        return False
    rest = sorted(gaps[2:])  # a label ("Figure 3", "[12]", "•") may stand apart from its text
    s = settings
    return rest[-1] <= min(
        s.prose_max_gap_em * line.size,
        max(s.prose_gap_median_ratio * rest[len(rest) // 2], s.prose_min_gap_em * line.size),
    )


def caption_kind(line: Line, settings: LayoutSettings) -> str | None:
    """'table' or 'figure' when the line opens a caption: "Table 2:", "TABLE II", "Figure 5" set
    apart in bold or by a gap; not a sentence that starts "Table 2 shows"."""
    m = CAPTION_LABEL.match(line.text)
    if not m:
        return None
    kind = "table" if m.group(1).lower().startswith("tab") else "figure"
    if m.group(3) is not None or m.end() == len(line.text):
        return kind
    n = len(m.group(0).split())
    label, rest = line.words[:n], line.words[n:]
    if not rest:
        return kind
    if (
        all(w.bold for w in label)
        and not rest[0].bold
        or rest[0].x0 - label[-1].x1 > settings.caption_label_gap_em * line.size
    ):
        return kind
    return None


def is_section_heading(block: Block, body: float, settings: LayoutSettings) -> bool:
    """A heading that surely ends whatever is above it: numbered, or larger than the body text."""
    return block.kind == "heading" and (
        bool(_SECTION_NUMBER.match(block.first.text)) or block.size >= body + settings.heading_size_gain
    )


def is_cell_row(line: Line, settings: LayoutSettings) -> bool:
    """Words parted by gaps wider than any word space: the cells of a table row."""
    gaps = [b.x0 - a.x1 for a, b in zip(line.words[1:], line.words[2:])]
    return any(g > settings.cell_split_gap_em * line.size for g in gaps)


def is_heading(line: Line, body: float, settings: LayoutSettings) -> bool:
    text = line.text.strip()
    letters = sum(map(str.isalpha, text))
    if (
        letters < settings.heading_min_letters
        or len(text) > settings.heading_max_chars
        or text[-1] in ",;"
        or caption_kind(line, settings)
    ):
        return False
    if _NAMED_HEADINGS.match(_SECTION_NUMBER.sub("", text)):
        return True
    if len(line.words) > settings.heading_max_words or is_cell_row(line, settings):
        return False  # a row of cells, not a heading
    styled = line.size >= body + settings.heading_size_gain or line.bold
    if not styled or text.endswith(".") and not _SECTION_NUMBER.match(text):
        return False
    return text[0].isupper() or text[0].isdigit()


def _starts_block(prev: Line, line: Line, nxt: Line | None, settings: LayoutSettings) -> bool:
    size = max(prev.size, line.size)
    if (
        abs(prev.size - line.size) > settings.block_size_change
        or prev.bold != line.bold
        and (prev.bold or len(line.words) < settings.block_short_words)
    ):
        return True
    if line.top < prev.top or line.top - prev.bottom > settings.paragraph_gap_em * size:
        return True  # a paragraph gap, or a jump up to the next column
    if line.x0 > prev.x1 or line.x1 < prev.x0:
        return True
    if caption_kind(line, settings) or is_cell_row(line, settings) != is_cell_row(prev, settings):
        return True  # a table's header row under its caption is not more caption
    # an indented first line, when the paragraph's later lines return to the margin
    return (
        line.x0 > prev.x0 + settings.indent_em * size
        and nxt is not None
        and abs(nxt.x0 - prev.x0) < settings.margin_return_em * size
    )


def page_rows(page: PageText, settings: LayoutSettings) -> set[int]:
    """`lines_in_rows` of the page's lines, kept on the page: blocks and tables both ask."""
    if page.rows is None:
        object.__setattr__(page, "rows", lines_in_rows(page.lines, page.width, settings))
    return page.rows


def lines_in_rows(lines: Sequence[Line], width: float, settings: LayoutSettings) -> set[int]:
    """Indexes of lines sharing their baseline with another line that is not running text: cells
    of a table row, which are never headings however bold. Lines on the two sides of a
    two-column page's gutter are not one row."""
    gutter = find_gutter([ln for ln in lines if is_prose(ln, settings)], width, settings)
    order = sorted(range(len(lines)), key=lambda i: lines[i].baseline)
    found: set[int] = set()
    for a, b in zip(order, order[1:]):
        la, lb = sorted((lines[a], lines[b]), key=lambda ln: ln.x0)
        if gutter is not None and la.x1 < gutter < lb.x0:
            continue
        size = max(la.size, lb.size)
        if abs(la.baseline - lb.baseline) >= settings.row_baseline_em * size:
            continue
        # a tightly set header row can look like prose; a short cell far to its left still makes it a row
        prose = is_prose(la, settings) + is_prose(lb, settings)
        if prose == 0 or prose == 1 and lb.x0 - la.x1 > settings.row_far_cell_em * size:
            found.update((a, b))
    return found


def find_gutter(prose: Sequence[Line], width: float, settings: LayoutSettings) -> float | None:
    """The x of the gap between two text columns, when the page's running text has two."""
    mid = width / 2
    s = settings
    over, least = s.gutter_overhang_share * width, s.gutter_min_line_share * width
    left = [ln for ln in prose if ln.x1 < mid + over and ln.x1 - ln.x0 > least]
    right = [ln for ln in prose if ln.x0 > mid - over and ln.x1 - ln.x0 > least]
    if (
        len(left) < s.gutter_min_lines
        or len(right) < s.gutter_min_lines
        or len(left) + len(right) < s.gutter_min_prose_share * len(prose)
    ):
        return None
    left_edge = sorted(ln.x1 for ln in left)[int(s.gutter_left_quantile * (len(left) - 1))]
    right_edge = sorted(ln.x0 for ln in right)[int(s.gutter_right_quantile * (len(right) - 1))]
    return (left_edge + right_edge) / 2 if left_edge < right_edge else None


def page_blocks(
    page: PageText, skip: set[tuple[int, int]], body: float, settings: LayoutSettings
) -> list[Block]:
    """One page's lines, in stream order, cut into blocks; furniture lines come out as 'other'."""
    blocks: list[Block] = []
    lines = page.lines
    in_rows = page_rows(page, settings)
    for i, line in enumerate(lines):
        if (page.number, i) in skip:
            blocks.append(Block([line], "other"))
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        last = blocks[-1] if blocks else None
        heading = i not in in_rows and is_heading(line, body, settings)
        # a cell of a table row ('Model' under a caption) never continues a paragraph, nor the reverse
        row_edge = i > 0 and (i in in_rows) != (i - 1 in in_rows)
        if (
            last
            and last.kind == "paragraph"
            and not heading
            and not row_edge
            and not _starts_block(last.lines[-1], line, nxt, settings)
        ):
            last.lines.append(line)
        else:
            blocks.append(Block([line], "heading" if heading else "paragraph"))
    for b in blocks:
        if b.kind == "paragraph" and caption_kind(b.first, settings):
            b.kind = "caption"
    return blocks


# --- title and abstract -------------------------------------------------------------------


def find_title(
    blocks: Sequence[Block], vocab: DocumentWords, body: float, settings: LayoutSettings
) -> tuple[str | None, list[Line]]:
    """The largest text on the first page with text, when it is larger than the body text;
    consecutive lines of that size together."""
    lines = [ln for b in blocks if b.kind != "other" for ln in b.lines if ln.page == blocks[0].page]
    lines = [
        ln
        for ln in lines
        if sum(map(str.isalpha, ln.text)) >= settings.title_min_letters and ln.words[0].upright
    ]
    if not lines:
        return None, []
    top = max(ln.size for ln in lines)
    if top < body + settings.title_size_gain:
        return None, []
    start = next(i for i, ln in enumerate(lines) if abs(ln.size - top) < settings.title_size_tolerance)
    picked = [lines[start]]
    for ln in lines[start + 1 :]:
        if (
            abs(ln.size - top) >= settings.title_size_tolerance
            or ln.top - picked[-1].bottom > settings.title_line_gap_em * top
            or ln.top < picked[-1].top
        ):
            break
        picked.append(ln)
    return join_lines([ln.text for ln in picked], vocab) or None, picked


def find_abstract(blocks: Sequence[Block], vocab: DocumentWords, settings: LayoutSettings) -> str | None:
    """The paragraphs under an "Abstract" heading (or after an inline "Abstract—"); without one,
    the body of the first section, headings left out."""
    early = [b for b in blocks if b.page < blocks[0].page + settings.abstract_pages] if blocks else []
    for i, b in enumerate(early):
        text = b.first.text.strip()
        label = ABSTRACT_LABEL.match(text)  # `text` is stripped: no space before or after it
        if label and label.end() == len(text) and label.group("sep") in (None, ".", ":"):
            return _section_text(early, i + 1, vocab, settings)  # 'Abstract', 'Abstract.', 'Abstract:'
        if label and label.group("sep") and b.kind != "other":  # 'Abstract — We ...'
            first = b.text(vocab)
            if (inline := ABSTRACT_LABEL.match(first)) and not inline.group("lead") and inline.group("sep"):
                first = first[inline.end() :]
            rest = _section_text(early, i + 1, vocab, settings, same_as=b)
            return " ".join(t for t in (first, rest) if t) or None
    for i, b in enumerate(early):
        if b.kind == "heading" and (
            _SECTION_NUMBER.match(b.first.text) or _NAMED_HEADINGS.match(b.first.text)
        ):
            return _section_text(early, i + 1, vocab, settings)
    return None


def _section_text(
    blocks: Sequence[Block],
    start: int,
    vocab: DocumentWords,
    settings: LayoutSettings,
    same_as: Block | None = None,
) -> str | None:
    """Paragraph blocks from `start` up to the next heading, in the font of the first of them."""
    parts: list[str] = []
    style = same_as
    for b in blocks[start:]:
        if b.kind in ("other", "table"):
            continue
        if b.kind != "paragraph" or _STOP_SECTIONS.match(b.first.text):
            break
        if style is None:
            style = b
        elif (
            abs(b.size - style.size) > settings.abstract_size_change
            or b.page == style.page
            and (b.x0 >= style.x1 or b.x1 <= style.x0)
        ):
            break  # a footnote in a smaller font, or the other column
        parts.append(b.text(vocab))
    return " ".join(parts) or None
