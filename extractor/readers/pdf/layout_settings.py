"""The thresholds of a page's layout: lines -> blocks, title and abstract (`LayoutSettings`).
Lengths and shares as in thresholds.py."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class LayoutSettings(BaseModel):
    """Lines -> blocks: page furniture, prose, captions, headings, paragraphs, columns, title,
    abstract (page_layout.py)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    default_body_size: float = Field(10.0, gt=0, description="the body size of a document with no words")
    margin_share: float = Field(
        0.1, gt=0, lt=0.5, description="lines in this top or bottom share of the page may be running headers"
    )
    furniture_repeats: int = Field(3, ge=2, description="a margin line on this many pages is page furniture")
    furniture_long_doc: int = Field(
        4, ge=2, description="documents with fewer pages need the line on every page"
    )
    furniture_min_repeats: int = Field(
        2, ge=2, description="even a short document needs a margin line on this many pages"
    )
    prose_min_words: int = Field(
        5, gt=0, description="a line of fewer words (citations left out) is not running text"
    )
    prose_wordy_share: float = Field(
        0.7, gt=0, le=1, description="running text has at least this share of words mostly letters"
    )
    prose_lower_share: float = Field(
        0.3,
        gt=0,
        le=1,
        description="running text has at least this share of lowercase words; less is a header row",
    )
    prose_label_gap_em: float = Field(
        3, gt=0, description="a wider gap after a line's first words makes it cells, not prose"
    )
    prose_max_gap_em: float = Field(1.2, gt=0, description="prose has no word gap wider than this")
    prose_gap_median_ratio: float = Field(3, gt=0, description="nor a gap this many times its median gap")
    prose_min_gap_em: float = Field(
        0.8, gt=0, description="gaps up to this are word spaces however tight the line's median"
    )
    caption_label_gap_em: float = Field(
        0.8, gt=0, description="a wider gap after 'Table 2' sets the label apart: a caption"
    )
    cell_split_gap_em: float = Field(1.5, gt=0, description="a wider word gap parts the cells of a table row")
    heading_min_letters: int = Field(3, gt=0, description="a heading has at least this many letters")
    heading_max_chars: int = Field(120, gt=0, description="a longer line is not a heading")
    heading_max_words: int = Field(
        16, gt=0, description="a line of more words is a row of cells, not a heading"
    )
    heading_size_gain: float = Field(
        1.0, ge=0, description="text this much larger than the body (points) is styled as a heading"
    )
    block_size_change: float = Field(
        0.6, ge=0, description="a larger size change (points) between lines starts a block"
    )
    block_short_words: int = Field(
        4, gt=0, description="a line of fewer words changing boldness starts a block"
    )
    paragraph_gap_em: float = Field(0.6, gt=0, description="a wider gap between lines ends the paragraph")
    indent_em: float = Field(0.6, gt=0, description="a line indented more than this may open a paragraph")
    margin_return_em: float = Field(
        0.3, gt=0, description="when the next line returns within this of the margin"
    )
    row_baseline_em: float = Field(0.3, gt=0, description="lines with baselines this close share a row")
    row_far_cell_em: float = Field(
        2, gt=0, description="a short cell this far left of a prose-like line still makes a row"
    )
    gutter_overhang_share: float = Field(
        0.05, ge=0, description="a column's lines may cross the page's middle by this share of its width"
    )
    gutter_min_line_share: float = Field(
        0.2, gt=0, description="lines narrower than this share of the page say nothing of columns"
    )
    gutter_min_lines: int = Field(3, gt=0, description="each text column has at least this many prose lines")
    gutter_min_prose_share: float = Field(
        0.5, gt=0, le=1, description="the two columns hold at least this share of the page's prose"
    )
    gutter_left_quantile: float = Field(
        0.9, ge=0, le=1, description="the left column's edge: this quantile of its lines' right ends"
    )
    gutter_right_quantile: float = Field(
        0.1, ge=0, le=1, description="the right column's edge: this quantile of its lines' left ends"
    )
    title_min_letters: int = Field(3, gt=0, description="a title line has at least this many letters")
    title_size_gain: float = Field(
        1.5, ge=0, description="the title is at least this much larger than the body (points)"
    )
    title_size_tolerance: float = Field(
        0.5, ge=0, description="title lines are within this of the largest size (points)"
    )
    title_line_gap_em: float = Field(0.8, gt=0, description="a wider gap between title lines ends the title")
    abstract_pages: int = Field(3, gt=0, description="the abstract is looked for on this many first pages")
    abstract_size_change: float = Field(
        0.6, ge=0, description="a paragraph in a font this much smaller or larger ends the abstract"
    )
