"""Small PDFs drawn like the comparison tables of LLM technical reports: one booktabs table a page
(drawing.Case: top, mid and bottom rules; thin rules between row groups) or a ruled grid, and a
page whose table is only a picture. The models are invented.
"""

from __future__ import annotations

from tests.support.drawing import BOLD, ROMAN, Case, Page, Span, draw_case, pdf


def case_pdf(*cases: Case) -> bytes:
    """One page per case."""
    return pdf(*(lambda page, case=case: draw_case(page, case) for case in cases))


def picture_table_pdf(caption: str = "Table 3: Benchmark results of the Nimbus family.") -> bytes:
    """A page whose results table is only a picture: an image with no text over it, a caption below."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (600, 300), "white")
    draw = ImageDraw.Draw(img)
    for k in range(6):
        draw.line([(20, 30 + 45 * k), (580, 30 + 45 * k)], fill="black", width=2)

    def page(p: Page) -> None:
        p.text(72, 90, "Evaluation", BOLD, 15)
        p.text(72, 115, "The model was evaluated on a range of benchmarks; the results are below.", ROMAN, 10)
        p.image(img, 80, 150, 450, 300)
        p.text(80, 468, caption, ROMAN, 10)

    return pdf(page)


# --- the cases ---------------------------------------------------------------------------------

# Models as columns: a family over its sizes; rows that describe the models, not score them.
SIZES = Case(
    title="Nimbus: Open Foundation Models",
    caption="Table 1: Base models compared on two benchmarks.",
    cols=[100, 230, 300, 370, 440],
    header=[["Benchmark", "", "", "Orca-X"], ["", "7B", "14B", "13B"]],
    header_spans=[Span("Nimbus", 0, 1, col_end=2)],
    body=[
        ["# Activated Params", "7B", "14B", "13B"],
        ["Architecture", "Dense", "MoE", "Dense"],
        ["# Layers", "32", "40", "40"],
        ["MMLU", "61.2", "66.3", "55.0"],
        ["GSM8k", "51.7", "61.3", "29.6"],
    ],
    groups=[3],
)

# 'Benchmark (Metric)' and '# Shots' columns, a category column printed once per group, and a
# base model beside its chat model.
METRIC_SHOTS = Case(
    title="Nimbus-V2: A Strong Mixture-of-Experts Model",
    caption="Table 2: Nimbus-V2 Base and Nimbus-V2 against Nimbus 67B.",
    cols=[80, 130, 250, 300, 370, 450, 520],
    header=[
        ["", "Benchmark (Metric)", "# Shots", "Nimbus", "Nimbus-V2", "Nimbus-V2"],
        ["", "", "", "67B", "Base", ""],
    ],
    body=[
        ["", "BBH (EM)", "3-shot", "68.7", "78.9", "79.7"],
        ["", "MMLU (Acc.)", "5-shot", "71.3", "78.5", "77.8"],
        ["", "PIQA (Acc.)", "0-shot", "83.6", "83.7", "-"],
        ["", "HumanEval (Pass@1)", "0-shot", "45.1", "48.8", "81.1"],
        ["", "MBPP (Pass@1)", "3-shot", "57.4", "66.6", "72.0"],
        ["", "GSM8K (EM)", "8-shot", "63.4", "79.2", "92.2"],
        ["", "MATH (EM)", "4-shot", "18.7", "43.6", "53.9"],
    ],
    body_spans=[
        Span("English", 0, 0, row_end=2),
        Span("Code", 3, 0, row_end=4),
        Span("Math", 5, 0, row_end=6),
    ],
    groups=[3, 5],
)

# Category rows setting the task of the rows below.
CATEGORY_ROWS = Case(
    title="Category Rows",
    caption="Table 3: Results by category.",
    cols=[100, 230, 310, 390],
    header=[["Benchmark", "Falcon-Lite 7B", "Nimbus 14B"]],
    body=[
        ["English", "", ""],
        ["TriviaQA", "61.3", "70.2"],
        ["Code", "", ""],
        ["MBPP", "24.2", "40.8"],
        ["Chinese", "", ""],
        ["C-Eval", "56.3", "72.1"],
    ],
)

# Models as rows, the family printed once beside its sizes; group headers over dataset columns.
FAMILY_ROWS = Case(
    title="Family Rows",
    caption="Table 4: Results of models on reasoning and knowledge benchmarks.",
    cols=[90, 190, 240, 310, 380, 450, 520],
    header=[["Model", "Params", "", "", "", ""], ["", "", "GSM8K", "ARC-C", "MMLU", "TriviaQA"]],
    header_spans=[Span("Reasoning", 0, 2, col_end=3), Span("Knowledge", 0, 4, col_end=5)],
    body=[
        ["Falcon-Lite", "7B", "16.2", "45.1", "46.8", "61.2"],
        ["", "7B", "46.8", "50.3", "45.3", "63.8"],
        ["", "13B", "55.0", "59.1", "54.8", "73.1"],
        ["", "34B", "62.6", "64.0", "62.6", "78.4"],
        ["", "1.8B", "21.2", "38.9", "44.6", "45.0"],
        ["", "14B", "61.3", "75.6", "66.3", "77.9"],
    ],
    body_spans=[Span("Orca-X", 1, 0, row_end=3), Span("Nimbus", 4, 0, row_end=5)],
    groups=[1, 4],
)

# Values as reports print them: marks, notes, thousands, dashes, bold and underlined bests.
VALUES = Case(
    title="Printed Values",
    caption="Table 5: Scores with footnotes.",
    cols=[90, 210, 280, 350, 430, 520],
    header=[["Model", "MMLU", "GSM8K", "HumanEval", "Codeforces (Rating)"]],
    body=[
        ["Falcon-Lite 7B", "79.5*", "65.2 (5-shot)", "-", "1,234"],
        ["Nimbus 14B (Ours)", "81.0", "63.9\u2020", "48.8", "1,510"],
    ],
    bold={(1, 1)},
    underline={(0, 2)},
    ruled=True,
)

# The same benchmarks under the names different reports give them.
ALIASES = Case(
    title="Names",
    caption="Table 6: One benchmark, many names.",
    cols=[100, 250, 330],
    header=[["Benchmark", "Nimbus 14B"]],
    body=[
        ["GSM8k", "61.3"],
        ["GSM-8K (8-shot)", "61.9"],
        ["HumanEval (Pass@1)", "32.3"],
        ["Codex P@1", "32.0"],
        ["MMLU (EM)", "66.1"],
        ["MMLU (Acc.)", "66.3"],
    ],
)

# Tables that hold numbers but no results.
HYPERPARAMETERS = Case(
    title="Hyperparameters",
    caption="Table 7: Model sizes and optimisation settings.",
    cols=[90, 170, 230, 290, 370, 450],
    header=[["Params", "Layers", "Heads", "Learning rate", "Batch size"]],
    body=[["1.8B", "24", "16", "3.0", "4"], ["7B", "32", "32", "3.0", "4"], ["14B", "40", "40", "2.0", "4"]],
)
DATA_MIX = Case(
    title="Data",
    caption="Table 8: The pre-training data mixture.",
    cols=[100, 220, 320, 420],
    header=[["Source", "Proportion (%)", "Tokens (B)"]],
    body=[
        ["Web pages", "72.5", "1,450"],
        ["Code", "12.0", "240"],
        ["Books", "8.5", "170"],
        ["Papers", "7.0", "140"],
    ],
)
COMPUTE = Case(
    title="Compute",
    caption="Table 9: Training compute.",
    cols=[100, 220, 320, 420],
    header=[["Model", "GPU hours", "FLOPs (1e21)"]],
    body=[["Nimbus 7B", "184,320", "42.1"], ["Nimbus 14B", "368,640", "84.7"]],
)
