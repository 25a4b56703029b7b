"""The thresholds of the table finders: candidates from rules and aligned text, their cells,
captions and continuations (`TableFinderSettings`). Lengths and shares as in thresholds.py."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class TableFinderSettings(BaseModel):
    """Table candidates from rules and from aligned text; their cells, captions and continuations."""

    model_config = ConfigDict(frozen=True, extra="forbid")

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
    header_above_lines: int = Field(
        6,
        ge=0,
        description="a table whose first rule has value rows under it (no top rule) takes up to this "
        "many lines just above that rule as its header (a model card's wrapped column names)",
    )
    header_above_gap_em: float = Field(
        1.0, ge=0, description="a gap wider than this (of the font size) above such a header ends it"
    )
    header_above_ink_share: float = Field(
        0.75,
        gt=0,
        le=1,
        description="a line above whose words fill more of the table's width than this is running "
        "text (a justified line's words fill ~0.9 of it), not a header",
    )
    region_pad: float = Field(
        2, ge=0, description="words and vertical rules this near a region's sides count as its own"
    )
    region_lone_share: float = Field(
        0.5, gt=0, le=1, description="more single-cell rows than this share: text or a list between rules"
    )
    span_rule_margin: float = Field(
        4, ge=0, description="inner rules this much narrower than the region are spans under header cells"
    )
    wrap_line_pitch_em: float = Field(
        1.6,
        gt=0,
        description="a cell's next line is at most this many ems under its line (rows between rules)",
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
    # grid of chunks (grid.py, placement.py, folds.py)
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
