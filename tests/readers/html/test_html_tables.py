"""Which tables count, their captions, nesting, and what a cell's text is."""

from __future__ import annotations

from tests.support.html import codes, grids, load_string, page

SMALL = "<table><tr><th>Model</th><th>Score</th></tr><tr><td>m</td><td>1.0</td></tr></table>"


def one_table(body: str, head: str = ""):
    doc = load_string(page(body, head))
    assert len(doc.tables) == 1, grids(doc)
    return doc.tables[0]


def cell_texts(cells_markup: str) -> list[str]:
    """Texts of a one-row data table's cells (a header row is added so the table counts)."""
    n = cells_markup.count("<td")
    header = "<tr>" + "".join(f"<th>h{i}</th>" for i in range(n)) + "</tr>"
    table = one_table(f"<table>{header}<tr>{cells_markup}</tr></table>")
    return table.grid[1]


# --- cell text -------------------------------------------------------------------------


def test_cell_text_whitespace_br_and_entities():
    assert cell_texts("<td>  a \n\t b </td><td>x<br>y</td><td>&nbsp;</td><td>A &amp; B</td>") == [
        "a b",
        "x y",
        "",
        "A & B",
    ]


def test_sup_marker_joins_its_value():
    assert cell_texts("<td>71.2<sup>†</sup></td><td>56.0 <sup>*</sup></td><td>H<sub>2</sub>O</td>") == [
        "71.2†",
        "56.0*",
        "H2O",
    ]


def test_script_style_and_hidden_text_removed():
    texts = cell_texts(
        "<td>a<script>var x = 1;</script></td><td><style>.c{}</style>b</td>"
        "<td><span style='display:none'>0042</span>42</td><td><span hidden>no</span>yes</td>"
    )
    assert texts == ["a", "b", "42", "yes"]


def test_block_children_are_separated():
    assert cell_texts("<td><p>one</p><p>two</p></td><td><ul><li>x</li><li>y</li></ul></td>") == [
        "one two",
        "x y",
    ]


def test_bold_cells():
    table = one_table(
        "<table><tr><th>a</th><th>b</th><th>c</th><th>d</th><th>e</th><th>f</th></tr><tr>"
        "<td><b>1</b></td><td><strong> 2 </strong></td><td style='font-weight: 700'>3</td>"
        "<td><b>4</b> and 5</td><td><b>71.2</b><sup>†</sup></td><td>6</td></tr></table>"
    )
    bold = {c.text: c.bold for c in table.cells if c.row == 1}
    assert bold == {"1": True, "2": True, "3": True, "4 and 5": False, "71.2†": True, "6": False}
    assert not any(c.bold for c in table.cells if c.row == 0)


# --- which tables count -----------------------------------------------------------------


def test_layout_tables_are_skipped():
    body = (
        "<table><tr><td>one row</td><td>only</td></tr></table>"
        "<table><tr><td>one</td></tr><tr><td>column</td></tr></table>"
        "<table><tr><td></td><td> </td></tr><tr><td></td><td></td></tr></table>"
        "<table role='presentation'><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
        "<table style='display:none'><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>"
        "<nav><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></nav>"
        "<table><tr><td><a href='/a'>Home</a></td><td><a href='/b'>News</a></td></tr>"
        "<tr><td><a href='/c'>About</a></td><td><a href='/d'>Contact</a></td></tr></table>"
    )
    doc = load_string(page(body))
    assert doc.tables == []
    assert "no-tables" in codes(doc)
    # a skipped layout table's text is still running text
    assert "one row" in doc.text and "column" in doc.text


def test_tables_indexed_in_document_order():
    doc = load_string(page(f"<p>x</p>{SMALL}<div>{SMALL.replace('1.0', '2.0')}</div>"))
    assert [t.index for t in doc.tables] == [0, 1]
    assert [t.grid[1][1] for t in doc.tables] == ["1.0", "2.0"]


def test_stray_cells_outside_tr_form_a_row():
    table = one_table("<table><td>a</td><td>b</td><tr><td>c</td><td>d</td></tr></table>")
    assert table.grid == [["a", "b"], ["c", "d"]]


# --- nesting -----------------------------------------------------------------------------


def test_nested_table_is_its_own_table_and_not_in_the_outer_cell():
    doc = load_string(
        page(
            "<table><tr><td>A</td><td>B</td></tr>"
            "<tr><td>before <table><tr><td>x</td><td>y</td></tr><tr><td>1</td><td>2</td></tr></table>"
            " after</td>"
            "<td>C</td></tr></table>"
        )
    )
    assert grids(doc) == [[["A", "B"], ["before after", "C"]], [["x", "y"], ["1", "2"]]]
    assert "a cell holds table 1, left out of the cell text" in doc.tables[0].notes
    assert "nested in a cell of table 0" in doc.tables[1].notes


def test_skipped_nested_table_stays_as_cell_text():
    doc = load_string(
        page(
            "<table><tr><td>A</td><td>B</td></tr>"
            "<tr><td><table><tr><td>inner</td><td>row</td></tr></table></td><td>C</td></tr></table>"
        )
    )
    assert grids(doc) == [[["A", "B"], ["inner row", "C"]]]


def test_outer_layout_table_around_a_data_table():
    doc = load_string(page(f"<table><tr><td><h2>Results</h2>{SMALL}</td></tr></table>"))
    assert grids(doc) == [[["Model", "Score"], ["m", "1.0"]]]
    assert "Results" in doc.text


# --- captions ----------------------------------------------------------------------------


def test_caption_element():
    table = one_table("<table><caption> Table 1:  Main\nresults </caption>" + SMALL[7:])
    assert table.caption == "Table 1: Main results"


def test_figcaption_of_enclosing_figure():
    table = one_table(f"<figure><div>{SMALL}</div><figcaption>Table 4. Ablations</figcaption></figure>")
    assert table.caption == "Table 4. Ablations"


def test_caption_element_wins_over_figcaption():
    table = one_table(
        f"<figure><table><caption>own</caption>{SMALL[7:]}<figcaption>fig</figcaption></figure>"
    )
    assert table.caption == "own"


def test_preceding_table_label_paragraph():
    assert one_table(f"<p>Table 3: Results on MMLU.</p>{SMALL}").caption == "Table 3: Results on MMLU."
    assert (
        one_table(f"<p><b>Table 2.</b> Zero-shot results</p>\n<br>{SMALL}").caption
        == "Table 2. Zero-shot results"
    )
    assert one_table(f"<div><b>Table IV</b> — scores</div><div>{SMALL}</div>").caption == "Table IV — scores"
    assert one_table(f"<div>Table 5: inline label{SMALL}</div>").caption == "Table 5: inline label"


def test_preceding_text_that_is_not_a_label():
    assert one_table(f"<p>We compare models below.</p>{SMALL}").caption is None
    assert one_table(f"<p>Table 1: far away</p><p>Something else.</p>{SMALL}").caption is None
    assert one_table(f"<p>Tables are useful.</p>{SMALL}").caption is None


def test_figure_around_outer_table_does_not_caption_the_nested_one():
    doc = load_string(
        page(
            "<figure><table><tr><td>A</td><td>B</td></tr><tr><td>"
            "<table><tr><td>x</td><td>y</td></tr><tr><td>1</td><td>2</td></tr></table>"
            "</td><td>C</td></tr></table><figcaption>Table 1: outer</figcaption></figure>"
        )
    )
    assert [t.caption for t in doc.tables] == ["Table 1: outer", None]
