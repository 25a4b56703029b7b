"""The benchmark's scoring functions on tiny hand-made grids (no corpus needed)."""

from __future__ import annotations

from collections import Counter

import pytest

from benchmarks.table_scores import (
    SpanCell,
    Tally,
    adjacency_relations,
    align,
    cell_key,
    cells_from_grid,
    compare_relations,
    greedy_assign,
    parse_icdar_structure,
    relation_key,
    spans_written_once,
    texts_equal,
)

# ----------------------------------------------------------------------------- texts


def test_cell_key_ignores_whitespace_and_typography():
    assert cell_key("Public Health\nOutlay") == cell_key("Public  Health Outlay") == "PublicHealthOutlay"
    assert cell_key("2010\u20132011") == "2010-2011"
    assert cell_key("\u201cquoted\u201d it\u2019s") == '"quoted"it\'s'
    assert cell_key("\ufb01nal") == "final"  # NFKC: the fi ligature
    assert cell_key("") == cell_key(None) == ""


def test_cell_key_drops_dot_leaders_but_not_decimals():
    assert cell_key("Robbery . . . . .\n. .") == cell_key("Robbery. . . . . . . . . .") == "Robbery"
    assert cell_key("1.5") == "1.5"
    assert cell_key("U.S.") == "U.S."


def test_right_to_left_text_compares_regardless_of_order():
    visual = "\ufe8e\ufe92\ufea3\ufeae\ufee3"  # presentation forms, visual order
    logical = "\u0645\u0631\u062d\u0628\u0627"  # the same word, logical order
    assert cell_key(visual) == cell_key(logical)
    assert cell_key("abc") != cell_key("cba")


def test_texts_equal_joins_words_hyphenated_at_a_line_break():
    assert texts_equal("Gov-\nernment", "Government")
    assert texts_equal("Gov-\nernment", "Gov- ernment")
    assert texts_equal("non-profit", "non-\nprofit")
    assert not texts_equal("Government", "Governments")


# ----------------------------------------------------------------------------- cell accuracy


def test_identical_grids_score_one():
    g = [["Model", "Score"], ["A", "1.0"], ["B", ""]]
    al = align(g, g)
    assert (al.accuracy, al.matched, al.total, al.row_offset, al.col_offset) == (1.0, 6, 6, 0, 0)


def test_extra_rows_and_columns_around_the_expected_grid_cost_nothing():
    expected = [["A", "1"], ["B", "2"]]
    got = [["Table 1", "", ""], ["x", "A", "1"], ["y", "B", "2"], ["note", "", ""]]
    al = align(expected, got)
    assert (al.accuracy, al.row_offset, al.col_offset) == (1.0, 1, 1)


def test_missing_row_costs_its_cells():
    expected = [["h1", "h2"], ["A", "1"], ["B", "2"], ["C", "3"]]
    got = [["A", "1"], ["B", "2"], ["C", "3"]]
    al = align(expected, got)
    assert (al.matched, al.total, al.row_offset) == (6, 8, -1)
    assert al.accuracy == 0.75


def test_wrong_cells_and_empty_cells_count():
    expected = [["A", ""], ["B", "2"]]
    got = [["A", "x"], ["B", "3"]]
    assert align(expected, got).accuracy == 0.5


def test_an_empty_expected_grid_is_trivially_matched_and_nothing_matches_an_empty_extraction():
    assert align([], [["a"]]).accuracy == 1.0
    assert align([["a", "b"]], []).accuracy == 0.0


def test_spans_may_be_repeated_or_written_once():
    # camelot writes a spanning header once; the tool's grid repeats it; its drawn cells give the other form
    expected = [["Group", ""], ["a", "b"]]
    got = [["Group", "Group"], ["a", "b"]]
    assert align(expected, got).accuracy == 0.75
    once = spans_written_once(2, 2, [(0, 0, "Group"), (1, 0, "a"), (1, 1, "b")])
    assert once == [["Group", ""], ["a", "b"]]
    assert align(expected, got, once).accuracy == 1.0
    # and camelot's copy_text (repeated) form is matched by the repeated grid
    assert align(got, got, once).accuracy == 1.0


def test_ragged_expected_rows():
    assert align([["a", "b"], ["c"]], [["a", "b"], ["c", "d"]]).accuracy == 1.0


def test_greedy_assign_gives_each_extracted_table_once():
    scores = {("t1", "x"): 0.9, ("t2", "x"): 0.95, ("t1", "y"): 0.5, ("t3", "y"): 0.2}
    assert greedy_assign(scores) == {"t2": ("x", 0.95), "t1": ("y", 0.5)}
    assert greedy_assign({}) == {}


# ----------------------------------------------------------------------------- adjacency relations


def test_relations_of_a_plain_grid():
    rel = adjacency_relations(cells_from_grid([["a", "b"], ["c", "d"]]))
    assert rel == Counter({("h", "a", "b"): 1, ("h", "c", "d"): 1, ("v", "a", "c"): 1, ("v", "b", "d"): 1})


def test_blank_cells_are_skipped_and_never_related():
    rel = adjacency_relations(cells_from_grid([["a", "", "b"], ["", "", ""], ["c", " ", "d"]]))
    assert rel == Counter({("h", "a", "b"): 1, ("h", "c", "d"): 1, ("v", "a", "c"): 1, ("v", "b", "d"): 1})


def test_a_spanning_cell_relates_to_every_cell_it_abuts():
    cells = [
        SpanCell(0, 0, 0, 1, "head"),
        SpanCell(1, 0, 1, 0, "x"),
        SpanCell(1, 1, 1, 1, "y"),
        SpanCell(0, 2, 1, 2, "side"),
    ]
    rel = adjacency_relations(cells)
    assert rel == Counter(
        {
            ("v", "head", "x"): 1,
            ("v", "head", "y"): 1,
            ("h", "head", "side"): 1,
            ("h", "x", "y"): 1,
            ("h", "y", "side"): 1,
        }
    )


def test_unoccupied_slots_are_blank():
    cells = [SpanCell(0, 0, 0, 0, "a"), SpanCell(0, 3, 0, 3, "b")]
    assert adjacency_relations(cells) == Counter({("h", "a", "b"): 1})
    assert adjacency_relations([]) == Counter()


def test_relation_texts_are_normalised():
    rel = adjacency_relations(cells_from_grid([["Total\namount", "1\u2013 2", "\u2022 \u00e9t\u00e9"]]))
    assert rel == Counter({("h", "totalamount", "1_2"): 1, ("h", "1_2", "_\u00e9t\u00e9"): 1})
    assert relation_key("(a) N/A") == relation_key("[A] n.a") == "_a_n_a"


def test_compare_relations_is_a_multiset_intersection():
    expected = Counter({("h", "a", "b"): 2, ("v", "a", "c"): 1})
    found = Counter({("h", "a", "b"): 1, ("v", "a", "x"): 1})
    t = compare_relations(expected, found)
    assert (t.correct, t.found, t.expected) == (1, 2, 3)
    assert t.precision == 0.5 and t.recall == pytest.approx(1 / 3) and t.f1 == pytest.approx(0.4)


def test_tally_edge_cases_and_sums():
    assert Tally(0, 0, 0).f1 == 1.0  # nothing expected, nothing found
    assert Tally(0, 0, 5).precision == 0.0 and Tally(0, 0, 5).f1 == 0.0
    assert Tally(0, 3, 0).precision == 0.0 and Tally(0, 3, 0).recall == 1.0
    s = Tally(1, 2, 3).add(Tally(3, 4, 5))
    assert (s.correct, s.found, s.expected) == (4, 6, 8)


def test_parse_icdar_structure():
    xml = """<?xml version="1.0" encoding="UTF-8"?>
<document filename="x-str.xml">
  <table id="1">
    <region col-increment="0" id="1" page="2" row-increment="0">
      <cell end-col="1" id="1" start-col="0" start-row="0">
        <bounding-box x1="100" x2="200" y1="700" y2="710"/><content>Head</content></cell>
      <cell id="2" start-col="0" start-row="1">
        <bounding-box x1="100" x2="140" y1="680" y2="690"/><content>a
b</content></cell>
      <cell id="3" start-col="1" start-row="1">
        <bounding-box x1='26\u00df' x2="200" y1="680" y2="690"/><content/></cell>
    </region>
  </table>
</document>"""
    (reg,) = parse_icdar_structure(xml)
    assert reg.table_id == "1" and reg.page == 2
    assert reg.cells == [SpanCell(0, 0, 0, 1, "Head"), SpanCell(1, 0, 1, 0, "a\nb"), SpanCell(1, 1, 1, 1, "")]
    assert reg.bbox == (100.0, 680.0, 200.0, 710.0)  # the unreadable box is left out
    assert adjacency_relations(reg.cells) == Counter({("v", "head", "ab"): 1})
