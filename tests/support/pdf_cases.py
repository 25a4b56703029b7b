"""Generated PDFs, one per table case the PDF stage must handle, each with its exact grid.

Every case is drawn with tests/support/drawing.py at fixed positions (top-left coordinates, y grows
down), so a test knows the grid a reader sees. `CASES[name]()` gives the PDF's bytes; the expected grids
are the module's constants. Model names are invented; benchmark names are real.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from tests.support.drawing import BOLD, ITALIC, ROMAN, Page, W, pdf, width

PROSE = [
    "We evaluate every model with the same prompts and the same answer extraction, so that",
    "the numbers can be compared directly. Scores are accuracies unless the text says other-",
    "wise, and the best result in each row is set in bold type throughout this report.",
]


# --- ruled grid --------------------------------------------------------------------------------

RULED_CAPTION = "Table 1: Accuracy of three compact models on three benchmarks."
RULED = [
    ["Model", "MMLU", "GSM8K", "HumanEval"],
    ["Alpha-7B", "61.2", "45.1", "30.5"],
    ["Beta-7B", "63.8", "52.4", "33.1"],
    ["Gamma-13B", "66.0", "57.9", "36.6"],
]


def ruled_grid(s: Page, top: float = 140, caption: str = RULED_CAPTION, grid=RULED) -> float:
    xs = [130, 250, 320, 390, 470]
    s.text(130, top - 8, caption)
    for i, row in enumerate(grid):
        s.row(top + 18 * i + 12.5, row, xs, bold=range(4) if i == 0 else ())
    for i in range(len(grid) + 1):
        s.rule(xs[0], top + 18 * i, xs[-1])
    for x in xs:
        s.vrule(x, top, top + 18 * len(grid))
    return top + 18 * len(grid)


def case_ruled() -> bytes:
    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        bottom = ruled_grid(s)
        s.lines(72, bottom + 30, PROSE)

    return pdf(page)


# --- booktabs: top, mid and bottom rules, a group header over model columns -------------------

GROUP_CAPTION = "Table 2: Base and chat models of two sizes."
GROUPED = [
    ["", "Base", "Base", "Chat", "Chat"],
    ["Benchmark", "7B", "13B", "7B", "13B"],
    ["MMLU", "55.1", "60.3", "57.2", "62.0"],
    ["GSM8K", "31.5", "42.8", "40.6", "51.3"],
    ["HumanEval", "18.3", "24.4", "29.9", "35.4"],
]
GROUP_XS = [130, 240, 300, 360, 420, 480]


def case_booktabs_group_header() -> bytes:
    xs = GROUP_XS

    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        top = 150
        s.text(130, top - 8, GROUP_CAPTION)
        s.rule(xs[0], top, xs[-1], 1.0)
        s.centred((xs[1] + xs[3]) / 2, top + 12, "Base")
        s.centred((xs[3] + xs[5]) / 2, top + 12, "Chat")
        s.rule(xs[1] + 3, top + 16, xs[3] - 3)
        s.rule(xs[3] + 3, top + 16, xs[5] - 3)
        s.row(top + 27, GROUPED[1], xs)
        s.rule(xs[0], top + 31, xs[-1])
        s.rows(top + 43, GROUPED[2:], xs, 13)
        s.rule(xs[0], top + 35 + 13 * 3, xs[-1], 1.0)
        s.lines(72, top + 110, PROSE)

    return pdf(page)


# --- unruled ----------------------------------------------------------------------------------

UNRULED = [
    ["", "Alpha-7B", "Beta-13B", "Gamma-70B"],
    ["MMLU (5-shot)", "61.2%", "66.0%", "78.4%"],
    ["GSM8K (8-shot)", "45.1%", "57.9%", "80.2%"],
    ["HumanEval (0-shot)", "30.5%", "36.6%", "55.1%"],
    ["ARC-Challenge (25-shot)", "70.4%", "74.8%", "85.3%"],
]


def unruled_table(s: Page, top: float, grid=UNRULED, xs=(110, 250, 330, 410, 490), bold=()) -> float:
    return s.rows(top, grid, xs, 14, bold)


def case_unruled() -> bytes:
    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        bottom = unruled_table(s, 150)
        s.lines(72, bottom + 30, PROSE)

    return pdf(page)


# --- two tables on one page -------------------------------------------------------------------

SECOND_CAPTION = "Table 2: Accuracy of the same models in the chat setting."
SECOND = [
    ["Model", "MMLU", "GSM8K"],
    ["Alpha-7B-Chat", "62.5", "50.3"],
    ["Beta-7B-Chat", "64.1", "55.0"],
]


def case_two_tables() -> bytes:
    def page(s: Page) -> None:
        bottom = ruled_grid(s, top=110)
        s.lines(72, bottom + 25, PROSE)
        s.text(150, bottom + 80, SECOND_CAPTION)
        unruled_table(s, bottom + 100, SECOND, xs=(150, 280, 350, 420))
        s.lines(72, bottom + 170, PROSE)

    return pdf(page)


# --- two-column page: a table in the right column, text in the left ---------------------------

LEFT_TEXT = [
    "Language models are judged by",
    "their scores on public bench-",
    "marks. We compare several",
    "models of similar size using",
    "the same prompts, and we re-",
    "port every number ourselves",
    "so that differences in setup",
    "do not blur the comparison.",
    "Each score is the mean of",
    "three runs with fixed seeds.",
    "The table on the right gives",
    "the accuracy of every model.",
]
COLUMN_CAPTION = "Table 3: Accuracy of two models."
COLUMN = [
    ["Benchmark", "Alpha", "Beta"],
    ["MMLU", "61.2", "63.8"],
    ["GSM8K", "45.1", "52.4"],
    ["HumanEval", "30.5", "33.1"],
    ["MBPP", "38.2", "41.0"],
]


def case_two_column() -> bytes:
    def page(s: Page) -> None:
        s.centred(W / 2, 70, "A Comparison of Compact Models", BOLD, 14)
        s.lines(72, 110, LEFT_TEXT + LEFT_TEXT[:6])
        s.lines(320, 110, LEFT_TEXT[:3])
        s.text(320, 160, COLUMN_CAPTION)
        s.rule(320, 166, 540, 1.0)
        unruled_table(s, 178, COLUMN[:1], xs=(320, 420, 480, 540))
        s.rule(320, 182, 540)
        unruled_table(s, 194, COLUMN[1:], xs=(320, 420, 480, 540))
        s.rule(320, 194 + 14 * 4 - 8, 540, 1.0)
        s.lines(320, 270, LEFT_TEXT[3:12])

    return pdf(page)


# --- row spans (ruled) ------------------------------------------------------------------------

ROWSPAN = [
    ["Model", "Setting", "MMLU", "GSM8K"],
    ["Alpha-7B", "Base", "55.1", "31.5"],
    ["Alpha-7B", "Chat", "57.2", "40.6"],
    ["Beta-13B", "Base", "60.3", "42.8"],
    ["Beta-13B", "Chat", "62.0", "51.3"],
]


def case_row_span() -> bytes:
    xs = [130, 230, 300, 370, 440]

    def page(s: Page) -> None:
        top = 120
        s.text(130, top - 8, "Table 4: Base and chat settings of two models.")
        s.row(top + 12.5, ROWSPAN[0], xs)
        for i, row in enumerate(ROWSPAN[1:]):
            y = top + 18 * (i + 1) + 12.5
            s.row(y, ["", *row[1:]], xs)
            if i % 2 == 0:
                s.text(xs[0] + 4, y + 9, row[0])  # centred on the two rows it spans
        for i in range(len(ROWSPAN) + 1):
            s.rule(xs[0] if i % 2 == 1 or i == 0 else xs[1], top + 18 * i, xs[-1])
        for x in xs:
            s.vrule(x, top, top + 18 * len(ROWSPAN))
        s.lines(72, top + 130, PROSE)

    return pdf(page)


# --- category rows inside a table -------------------------------------------------------------

CATEGORY = [
    ["Benchmark", "Alpha-7B", "Beta-13B"],
    ["Math", "", ""],
    ["GSM8K", "45.1", "52.4"],
    ["MATH", "12.3", "15.8"],
    ["Code", "", ""],
    ["HumanEval", "30.5", "33.1"],
    ["MBPP", "38.2", "41.0"],
]


def case_category_rows() -> bytes:
    xs = [150, 270, 350, 430]

    def page(s: Page) -> None:
        top = 120
        s.text(150, top - 8, "Table 5: Results by category.")
        s.rule(xs[0], top, xs[-1], 1.0)
        s.row(top + 12, CATEGORY[0], xs)
        s.rule(xs[0], top + 16, xs[-1])
        for i, row in enumerate(CATEGORY[1:]):
            italic = ITALIC if not row[1] else ROMAN
            if italic != ROMAN:
                s.text(xs[0] + 4, top + 28 + 13 * i, row[0], ITALIC, 9)
            else:
                s.row(top + 28 + 13 * i, row, xs)
        s.rule(xs[0], top + 20 + 13 * 6, xs[-1], 1.0)
        s.lines(72, top + 130, PROSE)

    return pdf(page)


# --- a table continued on the next page -------------------------------------------------------

LONG_CAPTION = "Table 6: Accuracy on every benchmark of the suite."
LONG_HEAD = ["Benchmark", "Alpha-7B", "Beta-13B", "Gamma-70B"]
LONG_ROWS = [
    [f"Task-{k:02d}", f"{40 + k}.{k % 10}", f"{45 + k}.{(k + 3) % 10}", f"{50 + k}.{(k + 7) % 10}"]
    for k in range(1, 15)
]
LONG_SPLIT = 8  # rows on the first page


def _long_part(s: Page, top: float, caption: str | None, rows: Sequence[Sequence[str]]) -> None:
    """Caption and head row, or neither (a bare continuation)."""
    xs = [130, 250, 330, 410, 490]
    s.rule(xs[0], top, xs[-1], 1.0)
    if caption is not None:
        s.text(130, top - 8, caption)
        s.row(top + 12, LONG_HEAD, xs)
        s.rule(xs[0], top + 16, xs[-1])
    s.rows(top + 28, rows, xs, 13)
    s.rule(xs[0], top + 20 + 13 * len(rows), xs[-1], 1.0)


def _two_pages(second_caption: str | None) -> bytes:
    def first(s: Page) -> None:
        s.lines(72, 90, PROSE * 12)
        _long_part(s, 600, LONG_CAPTION, LONG_ROWS[:LONG_SPLIT])
        s.centred(W / 2, 760, "1")

    def second(s: Page) -> None:
        _long_part(s, 90, second_caption, LONG_ROWS[LONG_SPLIT:])
        s.lines(72, 220, PROSE * 6)
        s.centred(W / 2, 760, "2")

    return pdf(first, second)


def case_continued() -> bytes:
    return _two_pages("Table 6: (continued)")


def case_continued_bare() -> bytes:
    """The rest of the table at the top of the next page, with no caption and no head row."""
    return _two_pages(None)


NEXT_CAPTION = "Table 7: Accuracy on the held-out tasks."


def case_next_page_new_table() -> bytes:
    """The same columns on the next page, under a caption of its own: a table of its own."""
    return _two_pages(NEXT_CAPTION)


# --- bold category rows in a table without rules ----------------------------------------------


def case_unruled_bold_categories() -> bytes:
    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        xs = (150, 270, 350, 430)
        for i, row in enumerate(CATEGORY):
            y = 150 + 14 * i
            if row[1]:
                s.row(y, row, xs, bold=range(3) if i == 0 else ())
            else:
                s.text(xs[0] + 4, y, row[0], BOLD, 9)
        s.lines(72, 150 + 14 * len(CATEGORY) + 20, PROSE)

    return pdf(page)


# --- a landscape table printed sideways -------------------------------------------------------

SIDEWAYS = [
    ["Model", "MMLU", "GSM8K", "MATH", "HumanEval", "MBPP", "ARC-C"],
    ["Alpha-7B", "61.2", "45.1", "12.3", "30.5", "38.2", "70.4"],
    ["Beta-13B", "66.0", "57.9", "15.8", "36.6", "41.0", "74.8"],
    ["Gamma-70B", "78.4", "80.2", "30.1", "55.1", "60.7", "85.3"],
]


def case_sideways() -> bytes:
    # drawn on a canvas turned a quarter: coordinates below are the landscape page's (792 x 612)
    def page(s: Page) -> None:
        s.lines(72, 80, PROSE)
        xs = [90, 200, 280, 360, 440, 520, 600, 680]
        s.text(90, 132, "Table 7: Accuracy on six benchmarks.")
        s.rule(xs[0], 140, xs[-1], 1.0)
        s.row(152, SIDEWAYS[0], xs)
        s.rule(xs[0], 156, xs[-1])
        s.rows(168, SIDEWAYS[1:], xs, 13)
        s.rule(xs[0], 160 + 13 * 3, xs[-1], 1.0)

    return pdf(page, turned=True)


def case_rotated_page() -> bytes:
    """A portrait page with /Rotate 90: shown turned, its text runs down the screen."""

    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        ruled_grid(s)

    return pdf(page, rotate=90)


# --- markers, bold and underline, spreads, separators -----------------------------------------

MARKED = [
    ["Model", "MMLU", "GSM8K", "HumanEval"],
    ["Alpha-7B", "61.2†", "45.1*", "30.5"],
    ["Beta-13B", "66.0", "57.9¹", "36.6ᵃ"],
]


def case_markers() -> bytes:
    xs = [130, 250, 330, 410, 490]
    raised = {(1, 1): "†", (1, 2): "*", (2, 2): "1", (2, 3): "a"}

    def page(s: Page) -> None:
        top = 120
        s.text(130, top - 8, "Table 8: Scores with footnote marks.")
        s.rule(xs[0], top, xs[-1], 1.0)
        s.row(top + 12, MARKED[0], xs)
        s.rule(xs[0], top + 16, xs[-1])
        for i in (1, 2):
            y = top + 16 + 13 * i
            for j, cell in enumerate(MARKED[i]):
                mark = raised.get((i, j))
                value = cell[:-1] if mark else cell
                if j == 0:
                    s.text(xs[0] + 4, y, value)
                    continue
                end = s.centred((xs[j] + xs[j + 1]) / 2, y, value)
                if mark:
                    s.text(end + 0.3, y - 3.5, mark, ROMAN, 6)
        s.rule(xs[0], top + 16 + 13 * 2 + 5, xs[-1], 1.0)
        s.lines(72, top + 80, PROSE)

    return pdf(page)


EMPHASIS = [
    ["Benchmark", "Alpha-7B", "Beta-13B", "Gamma-70B"],
    ["MMLU", "61.2", "66.0", "78.4"],
    ["GSM8K", "45.1", "80.2", "57.9"],
    ["HumanEval", "55.1", "30.5", "36.6"],
]
EMPHASIS_BOLD = {(1, 3), (2, 2), (3, 1)}
EMPHASIS_UNDERLINED = {(1, 2), (2, 3), (3, 3)}


def case_bold_underline() -> bytes:
    xs = [130, 250, 330, 410, 490]

    def page(s: Page) -> None:
        top = 120
        s.text(130, top - 8, "Table 9: Best results in bold, second best underlined.")
        s.rule(xs[0], top, xs[-1], 1.0)
        s.row(top + 12, EMPHASIS[0], xs)
        s.rule(xs[0], top + 16, xs[-1])
        for i in range(1, 4):
            y = top + 16 + 13 * i
            s.row(y, EMPHASIS[i], xs, bold=[j for (r, j) in EMPHASIS_BOLD if r == i])
            for r, j in EMPHASIS_UNDERLINED:
                if r == i:
                    w = width(EMPHASIS[i][j], ROMAN, 9)
                    cx = (xs[j] + xs[j + 1]) / 2
                    s.rule(cx - w / 2, y + 1.5, cx + w / 2, 0.4)
        s.rule(xs[0], top + 16 + 13 * 3 + 5, xs[-1], 1.0)
        s.lines(72, top + 90, PROSE)

    return pdf(page)


NUMBERS = [
    ["Model", "Accuracy", "Tokens", "Win rate"],
    ["Alpha-7B", "71.2 ± 0.3", "1,024", "12.5%"],
    ["Beta-13B", "74.8 ± 0.5", "12,288", "47.0%"],
    ["Gamma-70B", "80.1 ± 0.2", "1,310,720", "88.25%"],
]


def case_numbers() -> bytes:
    def page(s: Page) -> None:
        s.text(110, 112, "Table 10: Spreads, thousands and percentages.")
        s.rule(110, 120, 490, 1.0)
        unruled_table(s, 132, NUMBERS[:1])
        s.rule(110, 136, 490)
        unruled_table(s, 148, NUMBERS[1:])
        s.rule(110, 148 + 14 * 2 + 6, 490, 1.0)
        s.lines(72, 220, PROSE)

    return pdf(page)


# --- a statement: sentence-like labels, a blank line, a bold group and a bold total ------------

STATEMENT = [
    ["Number of prompts in the evaluation set", "12,480"],
    ["Share of prompts answered in the first turn", "87.5%"],
    ["Safety", ""],
    ["Number of prompts refused by the model", "1,024"],
    ["Number of refusals judged to be wrong", "96"],
    ["Total number of prompts that were reviewed", "13,600"],
]


def case_statement() -> bytes:
    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        y = 150
        for i, (label, value) in enumerate(STATEMENT):
            y += 26 if i in (2, 5) else 13  # a blank line before the group and before the total
            bold = i in (2, 5)
            s.text(110, y, label, BOLD if bold else ROMAN, 9)
            if value:
                s.right(480, y, value, BOLD if bold else ROMAN, 9)
        s.lines(72, y + 40, PROSE)

    return pdf(page)


# --- a table of labels, no numbers -----------------------------------------------------------

WORDS = [
    ["Model", "Family", "License", "Access"],
    ["Alpha", "Dense", "Open", "Weights"],
    ["Beta", "Mixture", "Open", "Weights"],
    ["Gamma", "Dense", "Closed", "API"],
    ["Delta", "Mixture", "Closed", "API"],
]


def case_word_grid() -> bytes:
    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        unruled_table(s, 150, WORDS, xs=(110, 230, 310, 390, 470), bold=[(0, j) for j in range(4)])
        s.lines(72, 240, PROSE)

    return pdf(page)


# --- text that is never a table ---------------------------------------------------------------

AUTHORS = [["Ada Example", "Bo Sample", "Cy Person"], ["Dee Writer", "Eve Author", "Fay Scholar"]]
REFERENCES = [
    "[1] A. Example and B. Sample. Scaling laws for compact models. In Proc. of the 12th",
    "     Conference on Learning, pages 1-14, 2021.",
    "[2] C. Person. Measuring reasoning in 7B and 13B models. Journal of Tests, 45(3):",
    "     201-219, 2022.",
    "[3] D. Writer, E. Author, and F. Scholar. 1,000 prompts for 100 tasks. arXiv 2305.01234,",
    "     2023.",
    "[4] G. Reader. Benchmarks at 8k and 32k context. Tech. rep. 17, 2024.",
]


def case_not_tables() -> bytes:
    def page(s: Page) -> None:
        s.text(72, 40, "Preprint. Under review.", ROMAN, 8)
        s.text(500, 40, "Version 2.1", ROMAN, 8)
        s.centred(W / 2, 90, "Notes on Compact Language Models", BOLD, 16)
        for i, names in enumerate(AUTHORS):
            for j, name in enumerate(names):
                s.centred(166 + 140 * j, 120 + 24 * i, name, ROMAN, 11)
                s.centred(166 + 140 * j, 130 + 24 * i, f"{i * 3 + j + 1} University of Examples", ROMAN, 7)
        s.text(72, 190, "Abstract", BOLD, 11)
        s.lines(72, 206, PROSE)
        s.text(72, 260, "References", BOLD, 11)
        s.lines(72, 276, REFERENCES, size=9, leading=11)
        s.centred(W / 2, 760, "1")

    return pdf(page)


# --- a tightly set header under its caption: two column heads read as one line of words ---------

TIGHT_CAPTION = "Table 4: Results of base models on three benchmarks."
TIGHT = [
    ["Model", "Zeta 1.5", "Lynx3", "Orca"],
    ["MMLU", "61.2", "63.0", "58.1"],
    ["GSM8K", "44.0", "47.9", "40.3"],
    ["HumanEval", "25.6", "29.1", "22.0"],
]


def case_tight_header() -> bytes:
    """As some reports set them: the caption's last line, then 'Model' and the column heads on one
    baseline with only word spaces between two heads, over columns of values."""
    first, second = "Zeta 1.5", "Lynx3"
    space = width(" ", ROMAN, 9)
    c2 = 260.0
    c3 = c2 + width(first, ROMAN, 9) / 2 + space + width(second, ROMAN, 9) / 2
    centres = [c2, c3, c3 + 60]

    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        top = 150
        s.text(110, top, TIGHT_CAPTION, ROMAN, 10)
        s.rule(108, top + 3, 420, 1.0)
        s.text(112, top + 11.5, "Model")
        for cx, head in zip(centres, TIGHT[0][1:]):
            s.centred(cx, top + 11.5, head)
        s.rule(108, top + 18, 420)
        for i, row in enumerate(TIGHT[1:]):
            s.text(112, top + 29 + 11 * i, row[0])
            for cx, cell in zip(centres, row[1:]):
                s.centred(cx, top + 29 + 11 * i, cell)
        s.rule(108, top + 22 + 11 * 3, 420, 1.0)
        s.lines(72, top + 80, PROSE)

    return pdf(page)


# --- one benchmark printed once beside its group of model rows, splits in one cell -----------------

GROUPS_CAPTION = "Table 4: Performance of Nimbus-Audio and baseline models on ASR."
# (benchmark lines, model rows); the benchmark's lines sit between the model rows, as reports set them
GROUPS = [
    (
        ["LibriSpeech", "test-clean | test-other"],
        [("Orca-Audio", "1.74 | 4.04"), ("Falcon-Speech", "3.02 | 6.04"), ("Nimbus-Audio", "1.28 | 2.42")],
    ),
    (["AISHELL-1"], [("Orca-Audio", "1.52"), ("Falcon-Speech", "1.93"), ("Nimbus-Audio", "0.60")]),
]


# the same, with no rule between the groups, one benchmark twice, and parts whose names have spaces
LOOSE_GROUPS = [
    (
        ["VoiceBench [8]", "AlpacaEval | Web Questions"],
        [("Orca-Audio", "3.69 | 35.40"), ("Falcon-Speech", "4.00 | 49.64"), ("Nimbus-Audio", "4.46 | 63.12")],
    ),
    (
        ["VoiceBench [8]", "SD-QA | MMSU"],
        [
            ("Orca-Audio", "49.01 | 22.57"),
            ("Falcon-Speech", "63.30 | 41.32"),
            ("Nimbus-Audio", "83.52 | 61.10"),
        ],
    ),
]


def case_benchmark_groups_loose() -> bytes:
    return case_benchmark_groups(LOOSE_GROUPS, inner_rules=False)


def case_benchmark_groups(groups=GROUPS, inner_rules: bool = True) -> bytes:
    xs = (110, 250, 380, 500)

    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        top = 150
        s.text(110, top - 8, GROUPS_CAPTION)
        s.rule(xs[0], top, xs[-1], 1.0)
        s.row(top + 12, ["Datasets", "Model", "Performance (WER)"], xs)
        y = top + 18
        s.rule(xs[0], y, xs[-1])
        for names, models in groups:
            first = y + 12
            for k, (model, value) in enumerate(models):
                s.row(first + 11 * k, ["", model, value], xs)
            middle = first + 11 * (len(models) - 1) / 2 - 5.5 * (len(names) - 1)
            for k, name in enumerate(names):  # centred on the group, between its model rows
                s.text(xs[0] + 4, middle + 11 * k + 5.5 * (len(names) % 2 == 0), name)
            y = first + 11 * (len(models) - 1) + 6
            last = (names, models) == groups[-1]
            if inner_rules or last:
                s.rule(xs[0], y, xs[-1], 1.0 if last else 0.5)
            else:
                y -= 6
        s.lines(72, y + 30, PROSE)

    return pdf(page)


# --- ruled under its header and between rows, no rule over the header (a model card's style) ---

HEADER_ABOVE_CAPTION = "Table 3: Results of the three models; rules part the rows."
HEADER_ABOVE = [
    ["Benchmark", "Alpha-7B", "Beta-13B", "Gamma-70B"],
    ["MMLU", "61.2", "66.0", "78.4"],
    ["GSM8K", "45.1", "57.9", "80.2"],
    ["HumanEval", "30.5", "36.6", "55.1"],
]


def case_header_above_rules() -> bytes:
    xs = (110, 250, 330, 410, 490)

    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        s.text(110, 142, HEADER_ABOVE_CAPTION)
        s.row(162, HEADER_ABOVE[0], xs)
        y = 168.0
        for row in HEADER_ABOVE[1:]:
            s.rule(xs[0], y, xs[-1])
            s.row(y + 13, row, xs)
            y += 19
        s.rule(xs[0], y, xs[-1])
        s.lines(72, y + 30, PROSE)

    return pdf(page)


# --- labels wrapped around two rows of values between the same two rules (a model card's style) ---

WRAPPED_CAPTION = "Table 4: Results of the three models; a benchmark's rows share its rules."
WRAPPED = [
    ["Benchmark", "", "Alpha-7B", "Beta-13B", "Gamma-70B"],
    ["MMLU", "", "61.2", "66.0", "78.4"],
    ["Code generation LiveCodeBench (2024-2025)", "single attempt", "30.5", "36.6", "55.1"],
    # the name between the rules spans both rows, as a grid drawn with lines reads it
    ["Code generation LiveCodeBench (2024-2025)", "multiple attempts", "34.0", "40.1", "60.3"],
    ["GSM8K", "", "45.1", "57.9", "80.2"],
]


def case_wrapped_labels_rules() -> bytes:
    """The benchmark's name, three lines beside its first row of values, and each row's note, two
    lines centred on it, lie between the same two rules as the rows: one row per row of values."""
    xs = (90, 200, 290, 370, 450, 530)

    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        s.text(90, 142, WRAPPED_CAPTION)
        s.row(162, WRAPPED[0], xs)
        s.rule(xs[0], 168, xs[-1])
        s.row(181, WRAPPED[1], xs)
        s.rule(xs[0], 187, xs[-1])
        first, second = 210.0, 236.0  # the two rows of values
        for k, line in enumerate(("Code generation", "LiveCodeBench", "(2024-2025)")):
            s.text(xs[0], first + 10 * (k - 1), line)
        for y, note in ((first, "single attempt"), (second, "multiple attempts")):
            for k, word in enumerate(note.split()):
                s.text(xs[1], y - 5 + 10 * k, word)
        for y, row in ((first, WRAPPED[2]), (second, WRAPPED[3])):
            s.row(y, ["", "", *row[2:]], xs)
        s.rule(xs[0], 250, xs[-1])
        s.row(263, WRAPPED[4], xs)
        s.rule(xs[0], 269, xs[-1])
        s.lines(72, 300, PROSE)

    return pdf(page)


# --- a label and its note centred on their row, the next row's label right under them ------------

CENTRED_CAPTION = "Table 7: Results of the three models; rows of a group share its rules."
CENTRED = [
    ["Benchmark", "Alpha-7B", "Beta-13B", "Gamma-70B"],
    ["MMLU", "61.2", "66.0", "78.4"],
    ["LiveCodeBench (2408-2505)", "30.5", "36.6", "55.1"],
    ["FullStackBench", "34.0", "40.1", "60.3"],
    ["GSM8K", "45.1", "57.9", "80.2"],
]


def case_centred_labels_rules() -> bytes:
    """Two rows between the same two rules: the first row's name and its note set small under it,
    centred on the row's values, and the next row's name on its own values' line just under the
    note, as one run of lines down the label column: a label for each row."""
    xs = (90, 230, 310, 390, 470)

    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        s.text(90, 142, CENTRED_CAPTION)
        s.row(162, CENTRED[0], xs)
        s.rule(xs[0], 168, xs[-1])
        s.row(181, CENTRED[1], xs)
        s.rule(xs[0], 187, xs[-1])
        first = 203.0
        s.text(xs[0], first - 4, "LiveCodeBench")
        s.text(xs[0], first + 4, "(2408-2505)", size=6)
        s.row(first, ["", *CENTRED[2][1:]], xs)
        s.row(first + 13, CENTRED[3], xs)
        s.rule(xs[0], 222, xs[-1])
        s.row(235, CENTRED[4], xs)
        s.rule(xs[0], 241, xs[-1])
        s.lines(72, 280, PROSE)

    return pdf(page)


# --- between rules: a name ending in a slashed date, one row's cells wrapped on staggered lines ----

WRAPPED_CELLS_CAPTION = "Table 8: Results of the three models; each benchmark's rows share its rules."
WRAPPED_CELLS = [
    ["Benchmark", "", "Alpha-7B", "Beta-13B", "Gamma-70B"],
    ["MMLU", "", "61.2", "66.0", "78.4"],
    ["Code generation LiveCodeBench UI: 10/1/2024 - 2/1/2025", "single attempt", "30.5", "36.6", "55.1"],
    ["Code generation LiveCodeBench UI: 10/1/2024 - 2/1/2025", "multiple attempts", "34.0", "40.1", "60.3"],
    ["Code editing Aider Polyglot", "", "76.5% / 72.7% whole / diff", "74.0% / 68.6% whole/diff"]
    + ["82.2% diff"],
    ["GSM8K", "", "45.1", "57.9", "80.2"],
]


def case_wrapped_cells_rules() -> bytes:
    """Rows between rules: a benchmark's name of four lines beside two rows, its last line a date
    with slashes on the second row's line; then one row whose cells wrap over five lines set on no
    common baseline (two scores and a note stacked in two columns, a score and its note centred in
    the third, the name's two lines between them)."""
    xs = (90, 210, 290, 370, 450, 530)
    centres = [(a + b) / 2 for a, b in zip(xs[2:], xs[3:])]

    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        s.text(90, 142, WRAPPED_CELLS_CAPTION)
        s.row(162, WRAPPED_CELLS[0], xs)
        s.rule(xs[0], 168, xs[-1])
        s.row(181, WRAPPED_CELLS[1], xs)
        s.rule(xs[0], 187, xs[-1])
        first, second = 201.0, 231.0
        for k, line in enumerate(("Code generation", "LiveCodeBench", "UI: 10/1/2024 -", "2/1/2025")):
            s.text(xs[0], first + 10 * k, line)
        s.row(first, ["", "single attempt", *WRAPPED_CELLS[2][2:]], xs)
        s.row(second, ["", "multiple attempts", *WRAPPED_CELLS[3][2:]], xs)
        s.rule(xs[0], 238, xs[-1])
        y = 251.0  # the wrapped row's first line; its lines are 6 pt apart
        for k, texts in enumerate(
            (
                ["", "76.5% /", "74.0% /", ""],
                ["Code editing", "", "", "82.2%"],
                ["", "72.7%", "68.6%", ""],
                ["Aider Polyglot", "", "", "diff"],
                ["", "whole / diff", "whole/diff", ""],
            )
        ):
            if texts[0]:
                s.text(xs[0], y + 6 * k, texts[0], size=6)
            for cx, text in zip(centres, texts[1:]):
                if text:
                    s.centred(cx, y + 6 * k, text, size=6)
        s.rule(xs[0], y + 30, xs[-1])
        s.row(y + 43, WRAPPED_CELLS[5], xs)
        s.rule(xs[0], y + 49, xs[-1])
        s.lines(72, y + 80, PROSE)

    return pdf(page)


# --- a category on the first row of each group of rows between rules -----------------------------

GROUPS_CAPTION = "Table 9: Results of the two models, benchmarks grouped by capability."
GROUPS = [
    ["", "", "Alpha-7B", "Beta-13B"],
    ["Mathematics", "AIME2024", "23.3", "40.1"],
    ["Mathematics", "MATH", "77.4", "87.2"],
    ["Coding", "LiveCodeBench", "18.1", "35.3"],
    ["Coding", "FullstackBench", "45.1", "57.8"],
    ["Coding", "McEval", "42.3", "63.5"],
    ["Reasoning", "BBH", "86.5", "68.1"],
]


def case_ruled_groups() -> bytes:
    """Each group's category on its first row only, a rule between groups: a category spans its
    group's rows, not the rows nearest it (`McEval` is nearer `Reasoning` than `Coding`)."""
    xs = (90, 180, 300, 400, 500)

    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        s.text(90, 142, GROUPS_CAPTION)
        s.rule(xs[0], 152, xs[-1], 1.0)
        s.row(162, GROUPS[0], xs)
        s.rule(xs[0], 167, xs[-1])
        y = 178.0
        for k, row in enumerate(GROUPS[1:], start=1):
            first = k == 1 or GROUPS[k - 1][0] != row[0]
            if first and k > 1:
                s.rule(xs[0], y - 8, xs[-1])
            s.row(y, [row[0] if first else "", *row[1:]], xs)
            y += 11
        s.rule(xs[0], y - 6, xs[-1], 1.0)
        s.lines(72, y + 30, PROSE)

    return pdf(page)


# --- captions set below their tables, two tables stacked close ------------------------------------

BELOW_CAPTIONS = (
    "Table 5: Accuracy of three compact models in slow-thinking mode.",
    "Table 6: Accuracy of the same models in fast-thinking mode.",
)
BELOW_FIRST = [
    ["Model", "MMLU", "GSM8K", "MATH"],
    ["Alpha-7B", "61.2", "45.1", "30.5"],
    ["Beta-7B", "63.8", "52.4", "33.1"],
]
BELOW_SECOND = [
    ["Model", "MMLU", "GSM8K", "MATH"],
    ["Alpha-7B", "58.0", "40.2", "22.4"],
    ["Beta-7B", "60.1", "47.7", "25.0"],
]


def case_captions_below() -> bytes:
    """The first table's caption sits nearer the second table than the first: the side every
    caption of the page keeps (below) decides, not the distance."""

    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        bottom = unruled_table(s, 150, BELOW_FIRST)
        s.text(110, bottom + 8, BELOW_CAPTIONS[0])
        bottom = unruled_table(s, bottom + 20, BELOW_SECOND)
        s.text(110, bottom + 8, BELOW_CAPTIONS[1])
        s.lines(72, bottom + 40, PROSE)

    return pdf(page)


# --- model names set over several staggered lines, a label wrapped around its scores -------------

STAGGERED_CAPTION = "Table 2 | Performance of Nimbus-M1 on core benchmarks."
STAGGERED = [  # the first two lines of names share a row: they lie closer than a line apart
    ["Tasks", "Gemini 2.5", "Seed-", "Orca-", "Nimbus-"],
    ["", "", "Thinking-", "", ""],
    ["", "Pro", "", "R1", "M1-40k"],
    ["", "", "v1.5", "", ""],
    ["AIME 2024", "91.6", "86.7", "79.8", "83.3"],
    ["", "", "Agentic Tool", "Use", ""],
    ["LiveCodeBench (24/8-25/5)", "75.8", "67.5", "55.9", "62.3"],
    ["SWE-bench Verified", "69.1", "47.0", "49.2", "55.6"],
]


def case_staggered_header() -> bytes:
    """Each model's name on its own lines, the lines of neighbouring names interleaved (a one-word
    last line 'v1.5' centred on the whole header); a section title set in two pieces; a label
    wrapped on two lines with its scores set half-way between them."""
    xs = (80, 210, 270, 330, 390, 450)
    centres = [(a + b) / 2 for a, b in zip(xs[1:], xs[2:])]

    def page(s: Page) -> None:
        s.lines(72, 90, PROSE)
        top = 150
        s.text(80, top - 10, STAGGERED_CAPTION)
        s.rule(xs[0], top, xs[-1], 1.0)
        s.text(84, top + 14, "Tasks")
        for k, line in enumerate(
            [
                ["", "Seed-", "", ""],
                ["Gemini 2.5", "", "Orca-", "Nimbus-"],
                ["", "Thinking-", "", ""],
                ["Pro", "", "R1", "M1-40k"],
                ["", "v1.5", "", ""],
            ]
        ):
            for cx, text in zip(centres, line):
                if text:
                    s.centred(cx, top + 10 + 5 * k, text)
        y = top + 40
        s.rule(xs[0], y, xs[-1])
        y += 14
        s.text(84, y, "AIME 2024")
        for cx, v in zip(centres, ["91.6", "86.7", "79.8", "83.3"]):
            s.centred(cx, y, v)
        y += 16
        s.text(centres[1] - 20, y, "Agentic Tool")
        s.text(centres[2] + 8, y, "Use")
        y += 14
        s.text(84, y, "LiveCodeBench")
        s.text(90, y + 11, "(24/8-25/5)", size=6)
        for cx, v in zip(centres, ["75.8", "67.5", "55.9", "62.3"]):
            s.centred(cx, y + 5.5, v)
        y += 24
        s.text(84, y, "SWE-bench Verified")
        for cx, v in zip(centres, ["69.1", "47.0", "49.2", "55.6"]):
            s.centred(cx, y, v)
        s.rule(xs[0], y + 6, xs[-1], 1.0)
        s.lines(72, y + 40, PROSE)

    return pdf(page)


CASES: dict[str, Callable[[], bytes]] = {
    name[len("case_") :]: fn
    for name, fn in sorted(globals().items())
    if name.startswith("case_") and callable(fn)
}
