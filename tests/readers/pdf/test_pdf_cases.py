"""One generated PDF per table case (tests/support/pdf_cases.py): the exact grid, spans, flags and
captions."""

from __future__ import annotations

from functools import cache

import pytest

from extractor.vocab.scores import parse_value
from tests.support import pdf_cases as C
from tests.support.pdf import load


@cache
def doc(name: str):
    return load(C.CASES[name]())


def only(name: str):
    tables = doc(name).tables
    assert len(tables) == 1, [(t.page, t.grid) for t in tables]
    return tables[0]


def flagged(table, flag: str) -> set[tuple[int, int]]:
    return {(c.row, c.col) for c in table.cells if getattr(c, flag)}


def spans(table) -> set[tuple[int, int, int, int]]:
    return {(c.row, c.col, c.rowspan, c.colspan) for c in table.cells if c.rowspan > 1 or c.colspan > 1}


def test_every_case_is_generated():
    assert set(C.CASES) == {
        "ruled",
        "benchmark_groups",
        "benchmark_groups_loose",
        "captions_below",
        "staggered_header",
        "booktabs_group_header",
        "header_above_rules",
        "wrapped_labels_rules",
        "centred_labels_rules",
        "wrapped_cells_rules",
        "ruled_groups",
        "unruled",
        "two_tables",
        "two_column",
        "row_span",
        "category_rows",
        "continued",
        "next_page_new_table",
        "sideways",
        "markers",
        "bold_underline",
        "numbers",
        "not_tables",
        "unruled_bold_categories",
        "rotated_page",
        "word_grid",
        "statement",
        "continued_bare",
        "tight_header",
    }


def test_ruled_grid():
    t = only("ruled")
    assert t.grid == C.RULED and t.caption == C.RULED_CAPTION
    assert (t.engine, t.header_rows, t.notes) == ("pdfplumber-lines", 1, [])
    assert flagged(t, "bold") == {(0, j) for j in range(4)}
    assert 0.5 <= t.confidence <= 1


def test_booktabs_group_header_spans_its_columns():
    t = only("booktabs_group_header")
    assert t.grid == C.GROUPED and t.caption == C.GROUP_CAPTION
    assert (t.engine, t.header_rows) == ("pdf-rules-text", 2)
    assert spans(t) == {(0, 1, 1, 2), (0, 3, 1, 2)}


def test_a_header_above_the_first_rule_is_the_tables_header():
    # no rule over the header: the rules below it part rows of values, so the first is no top rule
    t = only("header_above_rules")
    assert t.grid == C.HEADER_ABOVE and t.caption == C.HEADER_ABOVE_CAPTION
    assert (t.engine, t.header_rows) == ("pdf-rules-text", 1)


def test_labels_wrapped_around_two_rows_between_two_rules_part_into_those_rows():
    # a name beside both rows is the first one's; each note, centred on its row, is that row's
    t = only("wrapped_labels_rules")
    assert t.grid == C.WRAPPED and t.caption == C.WRAPPED_CAPTION
    assert (t.engine, t.header_rows) == ("pdf-rules-text", 1)


def test_a_label_centred_on_its_row_ends_where_the_next_rows_label_starts():
    # one run of lines down the label column: a name and its note centred on the first row, then the
    # second row's name on its values' line; it had all gone to one row, the other left unnamed
    t = only("centred_labels_rules")
    assert t.grid == C.CENTRED and t.caption == C.CENTRED_CAPTION
    assert (t.engine, t.header_rows) == ("pdf-rules-text", 1)


def test_a_rows_cells_wrapped_on_staggered_lines_between_two_rules_are_one_row():
    # a name whose last line is a date with slashes stays one label beside both its rows (the date
    # had been read as values, a row's label of its own); five lines whose cells share no baseline,
    # some starting with a score right of the name, are one row, not five
    t = only("wrapped_cells_rules")
    assert t.grid == C.WRAPPED_CELLS and t.caption == C.WRAPPED_CELLS_CAPTION
    assert (t.engine, t.header_rows) == ("pdf-rules-text", 1)
    name = next(c for c in t.cells if c.text.startswith("Code generation"))
    assert (name.row, name.rowspan) == (2, 2)


def test_a_category_on_its_groups_first_row_spans_the_group_between_its_rules():
    # `McEval` lies nearer `Reasoning` than `Coding`: the rules say which group it is in
    t = only("ruled_groups")
    assert t.grid == C.GROUPS and t.caption == C.GROUPS_CAPTION
    spans = {c.text: (c.row, c.rowspan) for c in t.cells if c.col == 0 and c.text}
    assert spans == {"Mathematics": (1, 2), "Coding": (3, 3), "Reasoning": (6, 1)}


def test_unruled_table_without_caption():
    t = only("unruled")
    assert t.grid == C.UNRULED and t.caption is None
    assert (t.engine, t.header_rows) == ("pdf-text-columns", 1)


def test_two_tables_on_one_page_in_order():
    first, second = doc("two_tables").tables
    assert (first.grid, first.caption, first.engine) == (C.RULED, C.RULED_CAPTION, "pdfplumber-lines")
    assert (second.grid, second.caption, second.engine) == (C.SECOND, C.SECOND_CAPTION, "pdf-text-columns")
    assert (first.index, second.index) == (0, 1) and first.bbox.bottom < second.bbox.top


def test_captions_below_stacked_tables_go_to_the_table_above_them():
    first, second = doc("captions_below").tables
    assert (first.grid, first.caption) == (C.BELOW_FIRST, C.BELOW_CAPTIONS[0])
    assert (second.grid, second.caption) == (C.BELOW_SECOND, C.BELOW_CAPTIONS[1])


def test_staggered_model_names_a_section_in_pieces_and_a_label_wrapped_around_its_scores():
    # the scores alone set the columns: 'Use' makes none of its own; the wrapped label is one row
    t = only("staggered_header")
    assert t.grid == C.STAGGERED and t.caption == C.STAGGERED_CAPTION


def test_table_in_one_column_leaves_the_text_beside_it():
    t = only("two_column")
    assert t.grid == C.COLUMN and t.caption == C.COLUMN_CAPTION
    assert t.bbox.x0 >= 318
    texts = [b.text for b in doc("two_column").blocks if b.kind == "paragraph"]
    assert any(s.startswith("Language models are judged by") for s in texts)


def test_row_spans_of_a_ruled_grid():
    t = only("row_span")
    assert t.grid == C.ROWSPAN
    assert spans(t) == {(1, 0, 2, 1), (3, 0, 2, 1)}
    assert len(t.cells) == 18


def test_category_rows_stay_rows_of_the_table():
    t = only("category_rows")
    assert t.grid == C.CATEGORY and t.header_rows == 1
    assert [c.text for c in t.cells if c.col == 0] == [r[0] for r in C.CATEGORY]


def printed_on_two_pages(t) -> None:
    """One provenance item per page, each with the rows printed there; the cells' boxes on their page."""
    split = C.LONG_SPLIT + 1  # the first row joined from page 2 (under the head row of page 1)
    assert [(p.page, p.rows) for p in t.provenance] == [(1, (0, split - 1)), (2, (split, len(C.LONG_ROWS)))]
    first, second = (p.bbox for p in t.provenance)
    assert first.top == pytest.approx(600, abs=2) and second.top == pytest.approx(90, abs=2)
    assert all(first.top <= c.bbox.top < first.bottom for c in t.cells if c.row < split)
    assert all(second.top <= c.bbox.top < second.bottom for c in t.cells if c.row >= split)
    assert (t.page, t.bbox) == (1, first) and t.notes == []


def test_continued_table_is_joined_with_a_provenance_item_per_page():
    t = only("continued")
    assert t.grid == [C.LONG_HEAD, *C.LONG_ROWS]
    assert (t.page, t.caption, t.header_rows) == (1, C.LONG_CAPTION, 1)
    printed_on_two_pages(t)


def test_bare_continuation_without_caption_or_head_row_is_joined():
    t = only("continued_bare")
    assert t.grid == [C.LONG_HEAD, *C.LONG_ROWS] and t.caption == C.LONG_CAPTION
    printed_on_two_pages(t)


def test_same_columns_under_a_caption_of_its_own_stay_two_tables():
    first, second = doc("next_page_new_table").tables
    assert first.grid == [C.LONG_HEAD, *C.LONG_ROWS[: C.LONG_SPLIT]] and first.notes == []
    assert [p.page for p in first.provenance] == [1] and [p.page for p in second.provenance] == [2]
    assert (second.page, second.caption) == (2, C.NEXT_CAPTION)
    assert second.grid == [C.LONG_HEAD, *C.LONG_ROWS[C.LONG_SPLIT :]]


def test_bold_category_rows_do_not_cut_an_unruled_table():
    t = only("unruled_bold_categories")
    assert t.grid == C.CATEGORY and t.header_rows == 1 and t.engine == "pdf-text-columns"
    assert flagged(t, "bold") == {(0, 0), (0, 1), (0, 2), (1, 0), (4, 0)}


def test_sideways_table_is_read_turned():
    d = doc("sideways")
    [t] = d.tables
    assert t.grid == C.SIDEWAYS and t.caption == "Table 7: Accuracy on six benchmarks."
    assert "sideways-text" in [w.code for w in d.warnings]
    assert t.bbox.x1 - t.bbox.x0 < t.bbox.bottom - t.bbox.top  # the box as the page is displayed


def test_rotated_page_is_read_turned_and_boxed_as_displayed():
    d = doc("rotated_page")
    [t] = d.tables
    assert t.grid == C.RULED and t.engine == "pdfplumber-lines" and t.caption == C.RULED_CAPTION
    assert "sideways-text" in [w.code for w in d.warnings]
    # displayed 792 wide and 612 high: the grid's 4 rows of 18 pt now run across the screen
    assert t.bbox.x1 - t.bbox.x0 == pytest.approx(72, abs=1) and t.bbox.x1 <= 792


def test_footnote_marks_and_superscripts_stay_apart_from_values():
    t = only("markers")
    assert t.grid == C.MARKED
    parsed = {(r, c): parse_value(t.grid[r][c]) for r, c in [(1, 1), (1, 2), (2, 2), (2, 3)]}
    assert {k: (p.value, p.markers) for k, p in parsed.items()} == {
        (1, 1): (61.2, "†"),
        (1, 2): (45.1, "*"),
        (2, 2): (57.9, "¹"),
        (2, 3): (36.6, "ᵃ"),
    }


def test_bold_and_underlined_cells_are_flagged():
    t = only("bold_underline")
    assert t.grid == C.EMPHASIS
    assert flagged(t, "bold") == C.EMPHASIS_BOLD
    assert flagged(t, "underline") == C.EMPHASIS_UNDERLINED


def test_spreads_thousands_and_percent_stay_whole_cells():
    t = only("numbers")
    assert t.grid == C.NUMBERS
    spread = parse_value(t.grid[1][1])
    assert (spread.value, spread.spread) == (71.2, 0.3)
    assert parse_value(t.grid[3][2]).value == 1310720
    assert (parse_value(t.grid[3][3]).value, parse_value(t.grid[3][3]).unit) == (88.25, "%")


def test_sentence_like_labels_blank_lines_and_bold_totals_stay_in_the_table():
    t = only("statement")
    assert t.grid == C.STATEMENT and t.engine == "pdf-text-columns" and t.header_rows == 0
    assert flagged(t, "bold") == {(2, 0), (5, 0), (5, 1)}


def test_a_grid_of_labels_without_numbers_is_a_table():
    t = only("word_grid")
    assert t.grid == C.WORDS and t.engine == "pdf-text-columns" and t.header_rows == 1
    assert len(t.notes) == 1 and t.notes[0].startswith("no numbers")


def test_authors_references_and_furniture_are_not_tables():
    d = doc("not_tables")
    assert d.tables == []
    assert d.title == "Notes on Compact Language Models"


def test_page_selection_reads_only_the_pages_asked_for():
    d = load(C.CASES["next_page_new_table"](), pages=frozenset({2}))
    assert d.page_count == 2
    assert [(t.page, t.caption) for t in d.tables] == [(2, C.NEXT_CAPTION)]


def test_tight_header_under_its_caption_is_the_table_s_header():
    """Two column heads set with a word space between them are split over their columns, and the
    header row under the caption is the table's, not the caption's last words."""
    t = only("tight_header")
    assert t.grid == C.TIGHT and t.caption == C.TIGHT_CAPTION
    assert t.header_rows == 1


def test_model_rows_between_two_rules_stay_rows_when_each_holds_scores():
    # the lines between two rules are one wrapped row only when at most one of them holds values
    assert only("benchmark_groups").grid == [
        ["Datasets", "Model", "Performance (WER)"],
        ["", "Orca-Audio", "1.74 | 4.04"],
        ["LibriSpeech", "Falcon-Speech", "3.02 | 6.04"],
        ["test-clean | test-other", "Nimbus-Audio", "1.28 | 2.42"],
        ["", "Orca-Audio", "1.52"],
        ["AISHELL-1", "Falcon-Speech", "1.93"],
        ["", "Nimbus-Audio", "0.60"],
    ]
