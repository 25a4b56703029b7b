"""The four sample PDFs: exact grids, captions, titles, abstracts, boxes and bold cells."""

from __future__ import annotations

import pytest

from tests.support.paths import SAMPLES
from tests.support.pdf import generator, sample

G = generator()


def near(box, expected, tol):
    return all(abs(a - b) <= tol for a, b in zip((box.x0, box.top, box.x1, box.bottom), expected))


def only_table(name):
    doc = sample(name)
    assert len(doc.tables) == 1, [(t.page, t.grid) for t in doc.tables]
    return doc.tables[0]


def cell(table, row, col):
    return next(c for c in table.cells if c.row == row and c.col == col)


def test_samples_are_what_the_generator_writes(tmp_path):
    G.main(tmp_path)
    for name in G.SAMPLES:
        assert (tmp_path / name).read_bytes() == (SAMPLES / name).read_bytes(), (
            f"{name}: run samples/generate_pdfs.py"
        )


# --- ruled-table.pdf -------------------------------------------------------------------------


def test_ruled_table_grid_caption_and_box():
    t = only_table("ruled-table.pdf")
    assert t.grid == G.RULED_GRID
    assert t.caption == G.RULED_CAPTION
    assert (t.page, t.index, t.engine, t.header_rows) == (1, 0, "pdfplumber-lines", 1)
    assert near(t.bbox, G.RULED_BOX, 1.5)
    assert 0 < t.confidence <= 1


def test_ruled_table_cells_carry_boxes_and_bold():
    t = only_table("ruled-table.pdf")
    assert len(t.cells) == 16 and all(c.rowspan == c.colspan == 1 for c in t.cells)
    assert cell(t, 2, 2).text == "84.6" and cell(t, 2, 2).bold
    assert all(cell(t, 0, j).bold for j in range(4))
    assert not any(c.bold for c in t.cells if c.row > 0 and (c.row, c.col) != (2, 2))
    c = cell(t, 1, 0)
    assert near(c.bbox, (G.RULED_COLS[0], G.RULED_BOX[1] + 20, G.RULED_COLS[1], G.RULED_BOX[1] + 40), 1.5)


def test_ruled_sample_title_and_text():
    doc = sample("ruled-table.pdf")
    assert doc.title == G.RULED_TITLE
    assert doc.page_count == 1
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds[G.RULED_TITLE] == "title"
    assert kinds["1 Results"] == "heading"
    assert kinds[G.RULED_CAPTION] == "caption"
    assert kinds["1"] == "other"  # the page number


# --- booktabs-table.pdf ----------------------------------------------------------------------


def test_booktabs_grid_with_group_headers():
    t = only_table("booktabs-table.pdf")
    assert t.grid == G.BOOKTABS_GRID
    assert t.grid[0] == ["", "Base", "Base", "Chat", "Chat"]
    assert (t.header_rows, t.engine, t.page) == (2, "pdf-rules-text", 1)
    base, chat = cell(t, 0, 1), cell(t, 0, 3)
    assert (base.text, base.colspan, chat.text, chat.colspan) == ("Base", 2, "Chat", 2)
    assert not any(c.row == 0 and c.col in (2, 4) for c in t.cells)  # a spanning cell appears once


def test_booktabs_caption_below_and_box_from_the_rules():
    t = only_table("booktabs-table.pdf")
    assert t.caption == G.BOOKTABS_CAPTION
    assert near(t.bbox, G.BOOKTABS_BOX, 1.5)


def test_booktabs_sample_abstract_stops_at_the_table():
    doc = sample("booktabs-table.pdf")
    assert doc.title == G.BOOKTABS_TITLE
    assert doc.abstract.startswith("Both sizes of the base and the chat models")
    assert doc.abstract.endswith("on knowledge benchmarks the gains are small.")


# --- two-column-paper.pdf --------------------------------------------------------------------


def test_two_column_table_stays_in_its_column():
    t = only_table("two-column-paper.pdf")
    assert t.grid == G.PAPER_GRID
    assert t.caption == G.PAPER_CAPTION
    assert (t.header_rows, t.engine) == (1, "pdf-text-columns")
    assert t.bbox.x1 < G.RIGHT - 10 and t.bbox.x0 >= G.LEFT
    assert abs(t.bbox.top - G.PAPER_TABLE_TOP) < 4
    assert all(cell(t, 0, j).bold for j in range(3)) and not cell(t, 1, 1).bold


def test_two_column_title_and_abstract():
    doc = sample("two-column-paper.pdf")
    assert doc.title == G.PAPER_TITLE
    assert doc.abstract == G.PAPER_ABSTRACT  # "bench-/marks" joined, "pre-trained" kept
    headings = [b.text for b in doc.blocks if b.kind == "heading"]
    assert {"Abstract", "1 Introduction", "2 Method"} <= set(headings)


# --- model-card.pdf --------------------------------------------------------------------------


def test_model_card_unruled_uncaptioned_table():
    t = only_table("model-card.pdf")
    assert t.grid == G.CARD_GRID
    assert t.grid[0][0] == ""
    assert (t.page, t.caption, t.header_rows, t.engine) == (2, None, 1, "pdf-text-columns")
    last_baseline = G.CARD_TABLE_TOP + 10 + 18 * (len(G.CARD_GRID) - 1)
    assert near(t.bbox, (G.CARD_COLS[0], G.CARD_TABLE_TOP - 10, G.CARD_COLS[3] + 20, last_baseline + 2), 4)


def test_model_card_best_values_are_bold():
    t = only_table("model-card.pdf")
    bold = {(c.row, c.col) for c in t.cells if c.bold}
    assert bold == {(r, 3) for r in range(1, len(G.CARD_GRID))}


def test_model_card_title_and_abstract_from_the_introduction():
    doc = sample("model-card.pdf")
    assert doc.title == G.CARD_TITLE
    assert doc.abstract == G.CARD_ABSTRACT  # "reinforce-/ment" joined, "model-/generated" kept
    assert doc.page_count == 2


@pytest.mark.parametrize(
    "name", ["ruled-table.pdf", "booktabs-table.pdf", "two-column-paper.pdf", "model-card.pdf"]
)
def test_tables_are_numbered_and_well_formed(name):
    for i, t in enumerate(sample(name).tables):
        assert t.index == i
        assert t.n_rows >= 2 and t.n_cols >= 2
        assert all(len(row) == t.n_cols for row in t.grid)
        for c in t.cells:
            for r in range(c.row, c.row + c.rowspan):
                for k in range(c.col, c.col + c.colspan):
                    assert t.grid[r][k] == c.text
