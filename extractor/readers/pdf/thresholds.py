"""Tunable thresholds of the PDF stage, one model per part, composed into `PdfSettings`.
Lengths are in points unless named `*_em` (multiples of the local font size); `*_share` is a
fraction of a count, a width or an area."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class TextSettings(BaseModel):
    """pdfium's characters -> words -> lines (text.py)."""

    model_config = _FROZEN

    bold_weight: int = Field(600, gt=0, description="a font weight from this up is bold (600: semibold)")
    slant_tolerance_deg: float = Field(
        5, ge=0, description="text this close to a quarter turn is set at that turn"
    )
    turn_share: float = Field(
        0.5, gt=0, lt=1, description="a page is read turned when more of its chars than this run that way"
    )
    em_per_box_height: float = Field(
        1.2, gt=0, description="a char without a size gets its box height over this (line height ~1.2 em)"
    )
    word_gap_em: float = Field(
        0.25, gt=0, description="a wider jump of the pen between chars starts a new word"
    )
    word_same_size: float = Field(
        0.9,
        gt=0,
        description="chars this close in size are one font: a baseline jump between them breaks the word",
    )
    word_baseline_jump_em: float = Field(
        0.5, gt=0, description="a larger baseline change between same-size chars breaks the word"
    )
    superscript_size: float = Field(
        0.85, gt=0, description="a glyph at most this share of its base's size may be a superscript"
    )
    superscript_raise_em: float = Field(
        0.2, gt=0, description="a smaller glyph raised more than this is a footnote mark"
    )
    line_gutter_em: float = Field(
        1.5, gt=0, description="a wider gap on one baseline is a column gutter: the line ends"
    )
    line_baseline_jump_em: float = Field(0.6, gt=0, description="a larger baseline change ends the line")
    line_same_size: float = Field(
        0.9,
        gt=0,
        description="a glyph smaller than this share of the line's is a sub/superscript, not a new line",
    )


class LayoutSettings(BaseModel):
    """Lines -> blocks: page furniture, prose, captions, headings, paragraphs, columns, title, abstract (layout.py)."""

    model_config = _FROZEN

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


class DrawingSettings(BaseModel):
    """What pages draw: path objects -> rules and chart marks (paths.py, graphics.py), and images (images.py)."""

    model_config = _FROZEN

    max_form_depth: int = Field(4, ge=0, description="forms nested deeper than this are not read for paths")
    point_tolerance: float = Field(
        0.01, gt=0, description="coordinates closer than this are the same (float noise)"
    )
    min_paths: int = Field(
        2, gt=0, description="a page with fewer paths has no table rules (a footnote rule, an underline)"
    )
    filled_box_min: float = Field(
        3, gt=0, description="filled boxes wider and taller than this are backgrounds or bars, not rules"
    )
    polyline_max_points: int = Field(8, gt=2, description="longer polylines are drawings, not rules")
    chart_big_share: float = Field(
        0.5, gt=0, description="marks this share of the page's width or wider are backgrounds"
    )
    min_curve_size: float = Field(
        2.5, gt=0, description="smaller curves are dots of a dotted border, not chart ink"
    )
    bar_min_width: float = Field(
        3, gt=0, description="filled upright boxes wider than this may be chart bars"
    )
    image_min_area: float = Field(
        0.15, gt=0, le=1, description="share of the page an image must cover to be a picture table"
    )
    image_min_width: float = Field(0.4, gt=0, le=1, description="share of the page width it must span")
    image_max_text: int = Field(
        40, ge=0, description="more real text over the image (chars) and the table is readable"
    )
    image_caption_band: float = Field(
        60.0, gt=0, description="how far above and below the image its caption is looked for"
    )
    image_max_depth: int = Field(
        3, ge=0, description="forms nested deeper than this are not searched for images"
    )


class TableFinderSettings(BaseModel):
    """Table candidates from rules and from aligned text; their cells, captions and continuations."""

    model_config = _FROZEN

    # words -> rows -> cells
    row_tolerance_em: float = Field(0.45, gt=0, description="baselines closer than this share a row")
    cell_gap_em: float = Field(0.5, gt=0, description="a wider gap between words starts a new cell")
    number_gap_em: float = Field(0.5, gt=0, description="a wider gap between two numbers starts a new cell")
    # whitespace tables
    run_gap_em: float = Field(
        3.2, gt=0, description="rows further apart than this (edge to edge) end a table"
    )
    min_rows: int = Field(2, ge=2, description="a table has at least this many rows")
    min_cols: int = Field(2, ge=2, description="a table has at least this many columns")
    min_numeric_rows: int = Field(
        2, ge=1, description="whitespace tables need this many rows holding numbers"
    )
    max_header_rows: int = Field(
        3, ge=0, description="rows above the first row of numbers that may be headers"
    )
    max_cell_chars: int = Field(90, gt=0, description="a longer cell is running text, not a table cell")
    max_head_lines: int = Field(
        3, ge=0, description="single-cell rows kept on top of a whitespace table: a head over its columns"
    )
    wide_cols: int = Field(
        4, gt=0, description="rows of this many cells hold code columns between name columns"
    )
    wide_share: float = Field(
        0.8, gt=0, le=1, description="when this share of the rows is that wide the table is a wide one"
    )
    wide_numeric_share: float = Field(
        0.3, gt=0, le=1, description="share of a wide table's cells that must be numbers"
    )
    numeric_share: float = Field(
        0.5, gt=0, le=1, description="share of other tables' cells that must be numbers"
    )
    multi_row_share: float = Field(
        0.5, gt=0, le=1, description="share of the rows that must have several cells"
    )
    text_conf_max: float = Field(
        0.9, ge=0, le=1, description="a whitespace table's confidence is at most this: no rules confirm it"
    )
    text_conf_base: float = Field(0.3, ge=0, le=1, description="its confidence before its cells are counted")
    text_conf_fill: float = Field(0.3, ge=0, description="added per share of its grid filled")
    text_conf_numeric: float = Field(0.3, ge=0, description="added per share of its cells that are numbers")
    word_grid_min: int = Field(
        4, gt=0, description="a grid of labels without numbers has at least this many rows and columns"
    )
    word_grid_max_words: int = Field(3, gt=0, description="its cells hold at most this many words")
    word_grid_max_chars: int = Field(24, gt=0, description="and at most this many chars")
    word_grid_fill: float = Field(0.6, gt=0, le=1, description="share of its grid that must be filled")
    word_grid_align: float = Field(
        1.0, ge=0, description="its columns' cells share an edge or centre within this"
    )
    word_grid_conf: float = Field(0.5, ge=0, le=1, description="confidence of a grid of labels")
    # rules
    snap_tolerance: float = Field(3.0, ge=0, description="rules this close are snapped together (pdfplumber)")
    join_tolerance: float = Field(3.0, ge=0, description="collinear rules with a smaller gap are joined")
    intersection_tolerance: float = Field(3.0, ge=0, description="how near a rule must pass to cross another")
    min_edge_length: float = Field(3, ge=0, description="merged rules shorter than this are dots or ticks")
    min_rule_length: float = Field(20.0, gt=0, description="shorter horizontal rules are not table rules")
    rule_extent_tolerance: float = Field(
        4.0, ge=0, description="rules whose ends differ by less span one table"
    )
    max_chart_marks: int = Field(
        6, gt=0, description="a table area holding this many curves or bars is a chart"
    )
    max_edges: int = Field(
        4000, gt=0, description="pages with more rules (charts) skip the ruled-grid search"
    )
    axis_tolerance: float = Field(1.5, ge=0, description="cell sides closer than this are one grid line")
    grid_min_filled: int = Field(3, gt=0, description="a ruled grid has at least this many filled cells")
    grid_min_filled_share: float = Field(
        0.3, ge=0, le=1, description="and at least this share of its cells filled"
    )
    framed_text_factor: int = Field(
        4, gt=0, description="a ruled cell longer than this many max_cell_chars is a framed paragraph"
    )
    grid_conf_max: float = Field(0.95, ge=0, le=1, description="a ruled grid's confidence is at most this")
    grid_conf_base: float = Field(
        0.6, ge=0, le=1, description="its confidence before its cells are counted: rules close every cell"
    )
    grid_conf_fill: float = Field(0.35, ge=0, description="added per share of its cells filled")
    banner_min_rows: int = Field(
        3, gt=0, description="a grid of more rows may have a title or notes row across it"
    )
    region_break_prose: int = Field(
        2, gt=0, description="this many prose lines between two rules part two tables"
    )
    region_min_height: float = Field(8, gt=0, description="rules closer than this enclose no table")
    region_pad: float = Field(
        2, ge=0, description="words and vertical rules this near a region's sides count as its own"
    )
    region_lone_share: float = Field(
        0.5, gt=0, le=1, description="more single-cell rows than this share: text or a list between rules"
    )
    span_rule_margin: float = Field(
        4, ge=0, description="inner rules this much narrower than the region are spans under header cells"
    )
    wrap_full_row_cells: int = Field(
        3,
        gt=0,
        description="a line of this many cells between two rules is a row of its own, not a wrapped cell",
    )
    region_conf_max: float = Field(
        0.9,
        ge=0,
        le=1,
        description="a rule-bounded table's confidence is at most this: its columns come from text",
    )
    region_conf_base: float = Field(
        0.55, ge=0, le=1, description="its confidence before its cells are counted"
    )
    region_conf_fill: float = Field(0.35, ge=0, description="added per share of its grid filled")
    # grid of chunks (grid.py, folds.py)
    min_score_rows: int = Field(2, gt=0, description="rows of scores set the columns when at least this many")
    band_overlap: float = Field(
        0.5, ge=0, description="a chunk must overlap a column by more than this to lie in it"
    )
    centred_gap_min: float = Field(
        3.0, ge=0, description="a header in a column gap is centred over both when its sides differ by this"
    )
    centred_gap_share: float = Field(0.5, ge=0, description="or by this share of the wider side")
    span_rule_reach_em: float = Field(
        1.2, gt=0, description="a short rule this far under a header chunk gives its span"
    )
    split_max_words: int = Field(
        8, gt=0, description="header chunks of more words are not split over columns"
    )
    shared_gap_em: float = Field(
        1.5, gt=0, description="chunks further apart than this that claim one column stay two cells"
    )
    above_overlap_share: float = Field(
        0.5, gt=0, le=1, description="a cell above covering this share of a header cell is its upper line"
    )
    group_centre_min: float = Field(
        2.0, ge=0, description="a group header is centred over columns within this"
    )
    group_centre_share: float = Field(0.05, ge=0, description="or within this share of their width")
    under_overlap_share: float = Field(
        0.8, gt=0, le=1, description="a lower cell covering this share of a group's text is its next line"
    )
    centred_row_span_em: float = Field(
        2.8, gt=0, description="a centred row's neighbours are at most this far apart"
    )
    centred_row_offset_em: float = Field(
        0.25, ge=0, description="and it sits within this of half-way between them"
    )
    stacked_line_em: float = Field(
        1.5, gt=0, description="lines of one cell set on several lines are this close"
    )
    # page layout seen by the table finders
    category_max_words: int = Field(
        4, gt=0, description="a category row (or a short line above a table) has at most this many words"
    )
    category_reach_em: float = Field(
        3.2, gt=0, description="a category row has table rows within this above and below"
    )
    category_flush: float = Field(2, ge=0, description="it starts within this of their first cells")
    value_line_max_words: int = Field(
        2, gt=0, description="a numeric line of at most this many words is a row's value"
    )
    value_row_baseline_em: float = Field(
        0.3, gt=0, description="a label within this of its value's baseline is on its row"
    )
    stacked_label_max_words: int = Field(
        6,
        gt=0,
        description="a label line set around its scores: a name and a short note ('(MCQ in 57 subjects)')",
    )
    stacked_reach_em: float = Field(1.2, gt=0, description="its lines lie within this of the scores' middle")
    stacked_gap_em: float = Field(0.5, ge=0, description="and nearly touch: a gap below this")
    # underlines, overlaps
    underline_max_width: float = Field(
        200, gt=0, description="wider rules are the table's own, not underlines"
    )
    underline_above: float = Field(
        0.45, ge=0, description="an underline lies at most this share of the text height above its bottom"
    )
    underline_below: float = Field(0.4, ge=0, description="and at most this share below it")
    underline_inset: float = Field(
        0.15, ge=0, description="it reaches within this share of the text's width of its ends"
    )
    underline_max_ratio: float = Field(
        1.3, gt=0, description="it is at most this many times as wide as the text"
    )
    underline_pad: float = Field(4, ge=0, description="plus this much")
    ruled_underline_depth: float = Field(
        0.4, ge=0, le=1, description="in a ruled cell an underline lies below this share of its height"
    )
    grid_score_weight: float = Field(
        1.3, gt=0, description="cells closed by rules count this much more than cells cut from text"
    )
    overlap_share: float = Field(
        0.5, gt=0, le=1, description="candidates sharing this share of the smaller's area are one table"
    )
    evidence_min_numbers: int = Field(
        2, gt=0, description="text between rules with no caption needs this many numbers"
    )
    between_rules_numeric_share: float = Field(
        0.3, ge=0, le=1, description="text between rules this numeric is a table even inside a figure"
    )
    # captions, reading order, continued tables
    caption_distance_em: float = Field(
        4.0, gt=0, description="a caption further from its table than this is not its caption"
    )
    caption_overlap: float = Field(2, ge=0, description="a caption may overlap its table's edge by this")
    column_slack: float = Field(
        2, ge=0, description="a table starting this near the gutter is in the right column"
    )
    continued_margin: float = Field(
        2, ge=0, description="words this far past a table's edge are text after or before it"
    )
    continued_col_share: float = Field(
        0.1, ge=0, description="continued columns agree within this share of a mean column width"
    )
    continued_col_pad: float = Field(4, ge=0, description="plus this much")
    continued_min_cols: int = Field(2, gt=0, description="at least this many columns must agree")


class PdfSettings(BaseModel):
    """Every threshold of the PDF stage; `resolve` makes one from what a caller passed."""

    model_config = _FROZEN

    text: TextSettings = Field(default_factory=TextSettings, description="chars -> words -> lines")
    layout: LayoutSettings = Field(
        default_factory=LayoutSettings, description="lines -> blocks, title, abstract"
    )
    drawing: DrawingSettings = Field(
        default_factory=DrawingSettings, description="rules, chart marks and images"
    )
    tables: TableFinderSettings = Field(default_factory=TableFinderSettings, description="the table finders")

    @classmethod
    def resolve(cls, settings: PdfSettings | TableFinderSettings | None) -> PdfSettings:
        """Defaults for None; table-finder settings alone keep the other parts' defaults."""
        if settings is None:
            return cls()
        if isinstance(settings, TableFinderSettings):
            return cls(tables=settings)
        return settings
