"""Small pure functions of the PDF stage: hyphenation, numbers, cells, columns, captions, prose."""

from __future__ import annotations

import pytest

from extractor.readers.pdf.chars import HYPHEN_MARK
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.folds import fold_centred_rows, header_from_cells
from extractor.readers.pdf.grid import Chunk, GridCell, column_bands, is_numeric, split_chunks
from extractor.readers.pdf.hyphens import build_vocabulary, join_lines, keep_hyphen
from extractor.readers.pdf.layout_settings import LayoutSettings
from extractor.readers.pdf.page_layout import caption_kind, is_prose
from extractor.readers.pdf.placement import grid_cells, place_span, widen_groups
from extractor.readers.pdf.words import Line, Word

LAYOUT, TABLES = LayoutSettings(), TableFinderSettings()

DOC = [
    "We use reinforcement learning and open-ended prompts in non-English data.",
    "Some tests are model-written; we generate them and check the language of each.",
]


def word(text, x0, x1, baseline=100.0, size=10.0, bold=False):
    return Word(text, x0, baseline - 0.8 * size, x1, baseline + 0.2 * size, baseline, size, bold)


def line(*texts, gap=2.5, size=10.0, bold=False):
    words, x = [], 72.0
    for t in texts:
        w = 5.0 * len(t)
        words.append(word(t, x, x + w, size=size, bold=bold))
        x += w + gap
    return Line(tuple(words), 1)


# --- hyphenation ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "left,right,kept",
    [
        ("reinforce", "ment", False),  # the joined word occurs
        ("lan", "guage", False),  # a syllable break
        ("thor", "oughly", False),
        ("open", "ended", True),  # the compound occurs
        ("non", "deployed", True),  # "non-" heads other compounds
        ("model", "generated", True),  # "model-" heads "model-written"
        ("non", "English", True),  # capitalised second half
        ("prompt", "ing", False),  # a pure suffix
    ],
)
def test_keep_hyphen_decides_by_the_documents_words(left, right, kept):
    assert keep_hyphen(left, right, build_vocabulary(DOC)) is kept


def test_the_cut_halves_do_not_count_as_words():
    vocab = build_vocabulary(["we study lan" + HYPHEN_MARK, "guage models here"])
    assert "lan" not in vocab.words and "guage" not in vocab.words
    assert {"we", "study", "models", "here"} <= vocab.words


def test_join_lines_repairs_breaks_and_spaces():
    vocab = build_vocabulary(DOC)
    lines = [
        "Training uses reinforce" + HYPHEN_MARK,
        "ment  learning on",
        "open-",
        "ended tasks and lan\u00ad",
        "guage data.",
    ]
    assert (
        join_lines(lines, vocab)
        == "Training uses reinforcement learning on open-ended tasks and language data."
    )


# --- numbers and cells -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "85.2%",
        "0.955",
        "1,024",
        "71.2 ± 0.3",
        "165 (~95th percentile)",
        "76.5% (153/200)",
        "-3.1",
        "42*",
        "(85.2)",
        "~95",
        "<0.1",
        "€12",
        "85,2",
        "10.1∗",
        "2.09×",
        "1.0e+20",
    ],
)
def test_numeric_values(text):
    assert is_numeric(text)


# bracketed settings and sizes are labels, and a superscript minus is an exponent, not a footnote mark
@pytest.mark.parametrize(
    "text",
    [
        "(3)",
        "GSM8K",
        "7B model",
        "1 University of Somewhere",
        "",
        "N/A",
        "(5-shot)",
        "(13B)",
        "(32K)",
        "(2408-2505)",
        "10⁻²",
        ".5",
    ],
)
def test_not_numeric(text):
    assert not is_numeric(text)


def test_split_chunks_at_wide_gaps_between_numbers_and_rules():
    row = [word("Codex", 72, 100), word("P@1", 102.5, 118), word("52.8%", 180, 205), word("56.0%", 211, 236)]
    assert [c.text for c in split_chunks(row, 0.5, 0.5)] == ["Codex P@1", "52.8%", "56.0%"]
    assert [c.text for c in split_chunks(row[:2], 0.5, 0.5, cuts=[101])] == ["Codex", "P@1"]


def chunk(text, x0, x1, baseline=100.0):
    return Chunk((word(text, x0, x1, baseline),))


def test_column_bands_merge_overlapping_cells():
    rows = [[chunk("a", 10, 40), chunk("1", 60, 70)], [chunk("bb", 10, 55), chunk("22", 58, 72)]]
    assert column_bands(rows) == [(10, 55), (58, 72)]


def test_group_header_spans_the_columns_it_is_centred_on():
    bands = [(10, 50), (60, 80), (90, 110), (120, 140), (150, 170)]
    placed = [(2, 2, [chunk("French", 80, 120)])]  # centred on 60..140
    assert [(a, b) for a, b, _ in widen_groups(placed, bands, TABLES)] == [(1, 3)]


def test_a_row_centred_between_two_rows_folds_into_a_rowspan():
    rows = [
        [chunk("OTSL", 60, 80, 100), chunk("0.9", 100, 110, 100)],
        [chunk("6", 10, 15, 106.5)],
        [chunk("HTML", 60, 80, 113), chunk("0.8", 100, 110, 113)],
    ]
    cells = [
        GridCell(0, 1, "OTSL", (0, 0, 0, 0)),
        GridCell(0, 2, "0.9", (0, 0, 0, 0)),
        GridCell(1, 0, "6", (0, 0, 0, 0)),
        GridCell(2, 1, "HTML", (0, 0, 0, 0)),
        GridCell(2, 2, "0.8", (0, 0, 0, 0)),
    ]
    folded, n = fold_centred_rows(cells, rows, TABLES)
    assert n == 2
    six = next(c for c in folded if c.text == "6")
    assert (six.row, six.rowspan) == (0, 2)
    assert sorted((c.row, c.text) for c in folded if c.text in ("OTSL", "HTML")) == [(0, "OTSL"), (1, "HTML")]


# --- captions and prose ---------------------------------------------------------------------------


def test_caption_kinds():
    assert caption_kind(line("Table", "1:", "Results", "on", "MMLU."), LAYOUT) == "table"
    assert caption_kind(line("TABLE", "IV"), LAYOUT) == "table"
    assert caption_kind(line("Table", "2", "|", "Comparison"), LAYOUT) == "table"
    assert caption_kind(line("Figure", "3.", "Scaling"), LAYOUT) == "figure"
    assert caption_kind(line("Table", "2", "provides", "a", "comparison"), LAYOUT) is None
    bold_label = Line(
        (word("Table", 72, 95, bold=True), word("3", 97, 102, bold=True), word("Results", 105, 140)), 1
    )
    assert caption_kind(bold_label, LAYOUT) == "table"


def test_prose_lines_and_table_rows():
    assert is_prose(line("we", "evaluated", "each", "model", "on", "the", "benchmarks", "below"), LAYOUT)
    assert not is_prose(line("Model", "MMLU", "HellaSwag", "WinoG", "PIQA", "GSM8K"), LAYOUT)  # a header row
    assert not is_prose(line("HTML", "0.969", "0.927", "0.955", "0.857", "5.39"), LAYOUT)
    assert not is_prose(line("we", "evaluated", "each", "model", "on", "the", gap=30), LAYOUT)


# --- placing header cells ----------------------------------------------------------------------

BANDS = [(100.0, 120.0), (200.0, 220.0), (300.0, 320.0)]


def test_header_text_in_a_gap_spans_both_columns_only_when_centred():
    assert place_span(150, 170, BANDS, TABLES, header=True) == (0, 1)  # centred in the gap
    assert place_span(126, 160, BANDS, TABLES, header=True) == (0, 0)  # flush after the left column
    assert place_span(126, 160, BANDS, TABLES) == (0, 0)  # a body cell goes to the nearest column


def at(text, x0, baseline=100.0, size=10.0):
    return Chunk((word(text, x0, x0 + 5 * len(text), baseline, size),))


def test_group_header_spans_the_columns_a_lower_header_row_divides():
    bands = [(0.0, 40.0), (100.0, 120.0), (130.0, 150.0), (160.0, 180.0)]
    rows = [[at("French", 125, 90)], [at("Model", 0), at("Arc", 100), at("Hella", 130), at("MMLU", 160)]]
    cells = grid_cells(rows, bands, TABLES, header_rows=2)
    assert [(c.row, c.col, c.colspan) for c in cells if c.row == 0] == [(0, 1, 3)]


def test_a_line_stacked_over_its_own_column_is_no_group_header():
    bands = [(0.0, 40.0), (100.0, 140.0), (200.0, 240.0), (300.0, 340.0)]
    rows = [
        [at("Code", 0, 80), at("Code", 200, 80)],
        [at("Town name", 100, 86), at("Area name", 300, 86)],
        [at("State", 0, 92), at("Area", 200, 92)],
    ]
    cells = grid_cells(rows, bands, TABLES, header_rows=3)
    assert all(c.colspan == 1 for c in cells)


def test_far_apart_header_words_sharing_a_column_stay_two_cells():
    bands = [(0.0, 40.0), (90.0, 150.0), (160.0, 220.0)]
    rows = [[at("Revenue", 60, 90), at("Capital", 150, 90)], [at("A", 0), at("1", 100), at("2", 170)]]
    cells = grid_cells(rows, bands, TABLES)
    assert [(c.col, c.text) for c in cells if c.row == 0] == [(1, "Revenue"), (2, "Capital")]


def test_a_category_row_over_the_first_values_is_not_a_header():
    cells = [
        GridCell(0, 0, "Task", (0, 0, 1, 1)),
        GridCell(0, 1, "Alpha", (0, 0, 1, 1)),
        GridCell(1, 0, "Math", (0, 0, 1, 1)),
        GridCell(2, 0, "GSM8K", (0, 0, 1, 1)),
        GridCell(2, 1, "45.1", (0, 0, 1, 1)),
    ]
    assert header_from_cells(cells, TABLES.max_header_rows) == 1


@pytest.mark.parametrize("text", ["8 €", "€8", "£1,200", "57.9¹", "36.6ᵃ"])
def test_currency_and_superscript_marks_are_numbers(text):
    assert is_numeric(text)
