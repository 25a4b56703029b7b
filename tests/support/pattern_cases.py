"""Table patterns of LLM technical reports drawn as booktabs tables (drawing.Case), one pattern a
case, with the few page layouts a Case alone cannot draw: two tables on one page, stacked or side by
side, and a footnote set between a table and its caption. The models are invented."""

from __future__ import annotations

from dataclasses import replace

from tests.support.drawing import ROMAN, TOP, Case, Page, Span, case_bottom, draw_case, pdf


def stacked_pdf(first: Case, second: Case, gap: float = 16.0) -> bytes:
    """`second` set under `first` (and under its caption) on the same page, as two floats stacked at
    the top of a page; the page's title and text are `first`'s."""

    def draw(page: Page) -> None:
        draw_case(page, first)
        draw_case(page, replace(second, title="", text=""), top=case_bottom(first, TOP) + 18 + gap)

    return pdf(draw)


def side_by_side_pdf(left: Case, right: Case) -> bytes:
    """Two narrow tables at the same height, each with its own caption under it."""

    def draw(page: Page) -> None:
        draw_case(page, left)
        draw_case(page, replace(right, title="", text=""))

    return pdf(draw)


def footnoted_pdf(case: Case, footnote: str) -> bytes:
    """The table, a footnote in 7pt under its bottom rule, then the caption (threeparttable's order)."""

    def draw(page: Page) -> None:
        draw_case(page, replace(case, caption=""))
        y = case_bottom(case, TOP)
        page.text(case.cols[0], y + 12, footnote, ROMAN, 7)
        page.text(case.cols[0], y + 26, case.caption, ROMAN, 9)

    return pdf(draw)


# --- 1. captions below their tables, a second table under the first's caption -------------------

BELOW_FIRST = Case(
    title="Nimbus 2: Compact Language Models",
    caption="Table 1: Results of base models on reasoning benchmarks.",
    cols=[120, 230, 300, 370, 440],
    header=[["Benchmark", "Nimbus 2 7B", "Nimbus 2 14B", "Orca-X 13B"]],
    body=[["GSM8K", "51.7", "61.3", "29.6"], ["MATH", "20.4", "28.9", "10.2"]],
)
BELOW_SECOND = Case(
    title="",
    caption="Table 2: Results of instruction-tuned models on code benchmarks.",
    cols=[120, 230, 300, 370, 440],
    header=[["Benchmark", "Nimbus 2 7B", "Nimbus 2 14B", "Orca-X 13B"]],
    body=[["HumanEval", "48.2", "59.1", "35.4"], ["MBPP", "52.0", "60.8", "41.3"]],
)

# --- 2. what the caption says about every record ------------------------------------------------

CAPTION_FACTS = Case(
    title="Nimbus 2: Compact Language Models",
    caption="Table 3: Zero-shot performance of instruction-tuned models, measured by exact match.",
    cols=[120, 240, 310, 380],
    header=[["Benchmark", "Nimbus 2 7B", "Orca-X 13B"]],
    body=[["TriviaQA", "62.4", "58.1"], ["Natural Questions", "28.7", "25.3"]],
)
CAPTION_PARENT = Case(
    title="Nimbus 2: Compact Language Models",
    caption="Table 4: Results on the subsets of AGIEval.",
    cols=[120, 220, 290, 360],
    header=[["Subset", "Nimbus 2 7B", "Orca-X 13B"]],
    body=[
        ["SAT-Math", "52.7", "49.1"],
        ["LSAT-AR", "21.3", "20.0"],
        ["LSAT-LR", "45.9", "40.2"],
        ["Average", "40.0", "36.4"],
    ],
    groups=[3],
)

# --- 3. headers over several rows ---------------------------------------------------------------

# A family over its version over its variants, beside a family over its sizes.
FAMILY_VERSION = Case(
    title="Evaluating Hosted and Open Models",
    caption="Table 5: Results on knowledge and math benchmarks.",
    cols=[110, 190, 250, 310, 370, 430],
    header=[["", "", "", "", ""], ["", "", "", "", ""], ["Benchmark", "Flash", "Pro", "7B", "13B"]],
    header_spans=[
        Span("Nimbus", 0, 1, col_end=2),
        Span("1.5", 1, 1, col_end=2),
        Span("Orca-X", 0, 3, col_end=4),
    ],
    body=[["MMLU-Pro", "67.3", "75.8", "40.1", "47.9"], ["MATH-500", "77.9", "86.5", "45.0", "51.2"]],
)
# A language printed once over the benchmarks it is a subset of.
LANGUAGE_OVER = Case(
    title="Nimbus 2: Multilingual Evaluation",
    caption="Table 6: Translated benchmarks in French and German.",
    cols=[80, 160, 205, 255, 300, 345, 395, 440],
    header=[
        ["", "", "", "", "", "", ""],
        ["Model", "ARC-c", "HellaSwag", "MMLU", "ARC-c", "HellaSwag", "MMLU"],
    ],
    header_spans=[Span("French", 0, 1, col_end=3), Span("German", 0, 4, col_end=6)],
    body=[
        ["Nimbus 2 7B", "58.2", "70.3", "70.9", "54.3", "68.1", "71.5"],
        ["Orca-X 13B", "55.0", "66.2", "64.8", "52.9", "63.0", "65.2"],
    ],
)
# A benchmark, its split and its metric in three header rows.
THREE_ROW_BENCHMARK = Case(
    title="Nimbus-R: Reasoning Models",
    caption="Table 7: Reasoning benchmarks.",
    cols=[110, 200, 270, 340],
    header=[["Model", "GPQA", "AIME 2024"], ["", "Diamond", ""], ["", "pass@1", "pass@1"]],
    body=[["Nimbus-R 32B", "62.1", "72.6"], ["Orca-X 70B", "48.3", "40.0"]],
)
# Group titles printed once over the model columns they gather.
GROUP_TITLES = Case(
    title="Nimbus-R: Reasoning Models",
    caption="Table 8: Comparison with open-weight models.",
    cols=[100, 180, 250, 320, 390, 460],
    header=[
        ["", "", "", "", ""],
        ["Benchmark", "Nimbus-R 8B", "Nimbus-R 32B", "Orca-X 70B", "Falcon-Lite 8x7B"],
    ],
    header_spans=[Span("Our Models", 0, 1, col_end=2), Span("Open-Weight Models", 0, 3, col_end=4)],
    body=[["AIME 2024", "55.0", "72.6", "40.0", "25.4"], ["MATH-500", "88.2", "94.3", "80.1", "70.6"]],
)
# A thinking budget per column under one model's name.
THINKING_BUDGETS = Case(
    title="Nimbus-M1: Long-Thinking Models",
    caption="Table 9: Nimbus-M1 against an open reasoning model.",
    cols=[100, 190, 250, 310, 370],
    header=[["Benchmark", "Orca-R 70B", "", ""], ["Thinking budget", "32K", "40K", "80K"]],
    header_spans=[Span("Nimbus-M1", 0, 2, col_end=3)],
    body=[["AIME 2024", "79.8", "83.3", "86.0"], ["LiveCodeBench", "55.9", "62.3", "65.0"]],
)

# --- 4. labels beside the label that names the record -------------------------------------------

# A category printed once beside the benchmarks of its group.
CATEGORY_COLUMN = Case(
    title="Nimbus 2: Compact Language Models",
    caption="Table 10: Code and math benchmarks.",
    cols=[90, 140, 230, 300, 370],
    header=[["", "Benchmark", "Nimbus 2 7B", "Orca-X 13B"]],
    body=[
        ["", "HumanEval", "48.2", "35.4"],
        ["", "MBPP", "52.0", "41.3"],
        ["", "LiveCodeBench", "20.1", "12.7"],
        ["", "GSM8K", "70.4", "55.2"],
        ["", "MATH", "30.8", "18.6"],
    ],
    body_spans=[Span("Code", 0, 0, row_end=2), Span("Math", 3, 0, row_end=4)],
    groups=[3],
)
# Activated parameters beside the model names: they describe the model, they are not its size.
ACTIVE_PARAMS = Case(
    title="Nimbus-MoE: Sparse Language Models",
    caption="Table 11: Comparison with dense and sparse models.",
    cols=[100, 200, 270, 330, 390],
    header=[["Model", "# Act. Params", "MMLU", "GSM8K"]],
    body=[
        ["Orca-X 13B", "13B", "55.0", "29.6"],
        ["Falcon-Lite 8x7B", "13B", "70.6", "58.4"],
        ["Nimbus-MoE", "2.4B", "58.3", "41.1"],
    ],
)
# A prompting condition printed as a row under the model it applies to.
SETTING_ROW = Case(
    title="Nimbus 2: Compact Language Models",
    caption="Table 12: Chat models with and without a system prompt.",
    cols=[100, 210, 280, 350],
    header=[["Model", "MMLU", "IFEval"]],
    body=[
        ["Nimbus 2 7B Chat", "63.2", "71.4"],
        ["No system prompt", "62.8", "66.0"],
        ["Orca-X 13B Chat", "57.1", "60.2"],
    ],
)

# --- 5. labels that carry a metric, a subset or a setting ---------------------------------------

# Labels printing the metric, the setting or the split with the benchmark's name; a mark whose note
# (SPOKEN_FOOTNOTE) is set under the table.
LABELS_WITH_PARTS = Case(
    title="Nimbus 3: Open Models",
    caption="Table 13: Results on general benchmarks.",
    cols=[90, 230, 300, 370],
    header=[["Benchmark", "Nimbus 3 27B", "Orca-X 70B"]],
    body=[
        ["IF-Eval (Prompt Strict)", "86.1", "80.5"],
        ["DROP (3-shot F1)", "89.0", "79.6"],
        ["LiveCodeBench (Pass@1-COT)", "40.5", "30.2"],
        ["Chatbot Arena ELO Rating", "1338", "1257"],
        ["GPQA Diamond", "42.4", "36.7"],
        ["MMLU*", "70.2", "66.9"],
    ],
)
SPOKEN_FOOTNOTE = "* spoken version"

# --- 6. cells holding several numbers -----------------------------------------------------------

# Two sizes under each family, their columns so close (tabcolsep 2pt) that the reader takes each
# family's two numbers as one cell ('59.6 74.5'); a wider gap between the families.
CLOSE_COLUMNS = Case(
    title="Nimbus 3: Open Models",
    caption="Table 14: Pre-trained models on two benchmarks.",
    cols=[110, 190, 210, 230, 240, 260, 280],
    header=[["", "", "", "", "", ""], ["Benchmark", "4B", "12B", "", "8B", "70B"]],
    header_spans=[Span("Nimbus 3", 0, 1, col_end=2), Span("Orca-X", 0, 4, col_end=5)],
    body=[["MMLU", "59.6", "74.5", "", "66.6", "79.3"], ["GSM8K", "38.4", "71.0", "", "56.8", "83.7"]],
)
# The same with no wider gap between the families: every column as close as the next.
CLOSE_COLUMNS_EVEN = replace(
    CLOSE_COLUMNS,
    cols=[110, 190, 210, 230, 250, 270],
    header=[["", "", "", ""], ["Benchmark", "4B", "12B", "8B", "70B"]],
    header_spans=[Span("Nimbus 3", 0, 1, col_end=2), Span("Orca-X", 0, 3, col_end=4)],
    body=[["MMLU", "59.6", "74.5", "66.6", "79.3"], ["GSM8K", "38.4", "71.0", "56.8", "83.7"]],
)
# Two settings named under each benchmark, one number for each in every cell.
TWO_SETTINGS = Case(
    title="Nimbus 2.5: A Coding Model",
    caption="Table 15: Knowledge and code editing results.",
    cols=[100, 180, 270, 370],
    header=[["Model", "MMLU", "Aider Polyglot"], ["", "0-shot / 5-shot", "whole / diff"]],
    body=[["Nimbus 2.5", "78.3% / 81.2%", "76.5% / 72.7%"], ["Orca-X 70B", "75.1% / 79.0%", "61.3% / 58.4%"]],
)


def _wrapped(caption: str, labels: list[tuple[str, str | None]], scores: list[tuple[str, str]]) -> Case:
    """Benchmark labels with their setting on a second line (makecell), the scores set centred on
    the label's lines, as LaTeX centres the other cells of the row."""
    body, spans = [], []
    for (name, second), values in zip(labels, scores):
        if second is None:
            body.append([name, *values])
            continue
        body += [[name, "", ""], [second, "", ""]]
        spans += [Span(v, len(body) - 2, j, row_end=len(body) - 1) for j, v in enumerate(values, start=1)]
    return Case(
        title="Nimbus 2: Compact Language Models",
        caption=caption,
        cols=[110, 190, 260, 330],
        header=[["Benchmark", "Nimbus 2 7B", "Orca-X 13B"]],
        body=body,
        body_spans=spans,
    )


WRAPPED_SETTING = _wrapped(
    "Table 16: Knowledge benchmarks.",
    [("MMLU", "(5-shot)"), ("ARC-c", "(25-shot)"), ("GSM8K", None)],
    [("64.3", "55.0"), ("60.1", "52.4"), ("51.0", "40.2")],
)
WRAPPED_EVERY_ROW = _wrapped(
    "Table 16: Knowledge benchmarks.",
    [("MMLU", "(5-shot)"), ("ARC-c", "(25-shot)"), ("GSM8K", "(8-shot)")],
    [("64.3", "55.0"), ("60.1", "52.4"), ("51.0", "40.2")],
)

# --- 7. long-form tables and tables side by side ------------------------------------------------

# One row per (dataset, model), each dataset printed once, centred on its model rows.
LONG_FORM = Case(
    title="Nimbus-Audio: Speech Recognition",
    caption="Table 17: Word error rate (WER) on LibriSpeech and LibriTTS.",
    cols=[100, 180, 260, 320, 380],
    header=[["Dataset", "Model", "test-clean", "test-other"]],
    body=[
        ["", "Orca-Audio", "1.74", "4.04"],
        ["", "Falcon-Speech", "3.02", "6.04"],
        ["", "Nimbus-Audio", "1.28", "2.42"],
        ["", "Orca-Audio", "2.10", "4.90"],
        ["", "Nimbus-Audio", "1.90", "3.80"],
    ],
    body_spans=[Span("LibriSpeech", 0, 0, row_end=2), Span("LibriTTS", 3, 0, row_end=4)],
    groups=[3],
)
# Two narrow tables side by side (side_by_side_pdf), the right one a row longer.
SIDE_LEFT = Case(
    title="Nimbus 2: Compact Language Models",
    caption="Table 18: Math benchmarks.",
    cols=[72, 150, 200, 250],
    header=[["Model", "GSM8K", "MATH"]],
    body=[["Nimbus 2 7B", "70.4", "30.8"], ["Orca-X 13B", "55.2", "18.6"]],
)
SIDE_RIGHT = Case(
    title="",
    caption="Table 19: Code benchmarks.",
    cols=[320, 398, 458, 508],
    header=[["Model", "HumanEval", "MBPP"]],
    body=[
        ["Nimbus 2 7B", "48.2", "52.0"],
        ["Orca-X 13B", "35.4", "41.3"],
        ["Falcon-Lite 7B", "30.5", "38.2"],
    ],
)

# --- 8. tables of the paper's own variants and of statistics ------------------------------------

# The paper's own variants under the model they change; the caption does not say 'ablation'.
ABLATION = Case(
    title="Nimbus-MoE: Sparse Language Models",
    caption="Table 20: Architecture variants of Nimbus-MoE 16B.",
    cols=[100, 230, 290, 350],
    header=[["Model", "MMLU", "GSM8K"]],
    body=[
        ["Nimbus-MoE 16B", "58.3", "41.1"],
        ["w/o shared experts", "56.9", "38.0"],
        ["+ MTP", "59.0", "43.2"],
        ["Dense 7B w/ MQA", "52.1", "33.4"],
    ],
)
# Routing shares, memory and a difference row under model names; the caption names no statistic.
STATISTICS = Case(
    title="Nimbus-MoE: Sparse Language Models",
    caption="Table 21: Nimbus-MoE 16B and 64B in BF16 and FP8.",
    cols=[100, 250, 330, 410],
    header=[["", "Nimbus-MoE 16B", "Nimbus-MoE 64B"]],
    body=[
        ["Top expert share (%)", "12.4", "9.8"],
        ["Shared expert share (%)", "31.0", "27.5"],
        ["Memory, BF16 (GB)", "32.1", "128.4"],
        ["Memory, FP8 (GB)", "17.3", "66.0"],
        ["\u2206", "-14.8", "-62.4"],
    ],
    groups=[2, 4],
)
