"""Write the sample PDFs of this folder: run `python samples/generate_pdfs.py` (needs reportlab).

Each page is drawn line by line at fixed positions, so the tests know exactly where every table
is and what it holds. The models are invented; the benchmarks are real names. `invariant=1`
makes the files byte-identical on every run.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
W, H = 612.0, 792.0


class Page:
    """A reportlab canvas addressed in top-left coordinates (y grows down), as the tests read it."""

    def __init__(self, c: canvas.Canvas):
        self.c = c

    def text(self, x: float, baseline: float, s: str, font: str = "Times-Roman", size: float = 10) -> float:
        self.c.setFont(font, size)
        self.c.drawString(x, H - baseline, s)
        return x + stringWidth(s, font, size)

    def centred(
        self, cx: float, baseline: float, s: str, font: str = "Times-Roman", size: float = 10
    ) -> None:
        self.text(cx - stringWidth(s, font, size) / 2, baseline, s, font, size)

    def right(self, x1: float, baseline: float, s: str, font: str = "Times-Roman", size: float = 10) -> None:
        self.text(x1 - stringWidth(s, font, size), baseline, s, font, size)

    def rule(self, x0: float, y: float, x1: float, width: float = 0.5) -> None:
        self.c.setLineWidth(width)
        self.c.line(x0, H - y, x1, H - y)

    def vrule(self, x: float, top: float, bottom: float, width: float = 0.5) -> None:
        self.c.setLineWidth(width)
        self.c.line(x, H - top, x, H - bottom)

    def lines(
        self,
        x: float,
        baseline: float,
        lines: list[str],
        font: str,
        size: float,
        leading: float,
        width: float,
    ) -> float:
        """Draw pre-broken lines; each must fit `width`. Returns the baseline after the last line."""
        for s in lines:
            assert stringWidth(s, font, size) <= width + 0.01, f"line too wide: {s!r}"
            self.text(x, baseline, s, font, size)
            baseline += leading
        return baseline


def _canvas(folder: Path, name: str) -> canvas.Canvas:
    return canvas.Canvas(str(folder / name), pagesize=(W, H), invariant=1)


# --- ruled-table.pdf -------------------------------------------------------------------------

RULED_TITLE = "Benchmark Results for Compact Language Models"
RULED_CAPTION = "Table 1: Accuracy (%) of three models on MMLU, GSM8K and HumanEval."
RULED_GRID = [
    ["Model", "MMLU", "GSM8K", "HumanEval"],
    ["Falcon-Lite 7B", "45.3", "21.8", "18.9"],
    ["Nimbus 2", "78.1", "84.6", "70.2"],
    ["Nimbus Instant", "71.4", "79.0", "61.5"],
]
RULED_BOX = (150.0, 300.0, 500.0, 380.0)  # x0, top, x1, bottom of the outer rules
RULED_COLS = [150.0, 280.0, 350.0, 420.0, 500.0]


def ruled_table(folder: Path = HERE) -> None:
    c = _canvas(folder, "ruled-table.pdf")
    p = Page(c)
    p.centred(W / 2, 90, RULED_TITLE, "Times-Bold", 16)
    p.centred(W / 2, 112, "Ada Example and Bo Sample", "Times-Roman", 11)
    p.text(72, 160, "1 Results", "Times-Bold", 12)
    body = [
        "We compare three compact models on three public benchmarks. Every model is evaluated",
        "with the same prompts and the same answer extraction, so the numbers below can be",
        "compared directly. Table 1 lists the accuracy of each model on each benchmark.",
    ]
    p.lines(72, 182, body, "Times-Roman", 10, 12, W - 144)
    p.text(150, 288, RULED_CAPTION, "Times-Roman", 9)
    top, bottom = RULED_BOX[1], RULED_BOX[3]
    for i, row in enumerate(RULED_GRID):
        baseline = top + 20 * i + 14
        for j, cell in enumerate(row):
            bold = i == 0 or (i, j) == (2, 2)
            font = "Times-Bold" if bold else "Times-Roman"
            if j == 0:
                p.text(RULED_COLS[0] + 6, baseline, cell, font, 10)
            else:
                p.centred((RULED_COLS[j] + RULED_COLS[j + 1]) / 2, baseline, cell, font, 10)
    for i in range(len(RULED_GRID) + 1):
        p.rule(RULED_BOX[0], top + 20 * i, RULED_BOX[2])
    for x in RULED_COLS:
        p.vrule(x, top, bottom)
    after = [
        "The larger model leads on every benchmark; the gap is widest on GSM8K, where careful",
        "multi-step arithmetic matters most.",
    ]
    p.lines(72, 410, after, "Times-Roman", 10, 12, W - 144)
    p.centred(W / 2, 750, "1", "Times-Roman", 10)
    c.showPage()
    c.save()


# --- booktabs-table.pdf ----------------------------------------------------------------------

BOOKTABS_TITLE = "Base and Chat Variants of the Nimbus Family"
BOOKTABS_CAPTION = "Table 2: Accuracy (%) of the Nimbus base and chat models on five benchmarks."
BOOKTABS_GRID = [
    ["", "Base", "Base", "Chat", "Chat"],
    ["Benchmark", "7B", "13B", "7B", "13B"],
    ["MMLU", "45.3", "54.8", "47.0", "53.6"],
    ["GSM8K", "14.6", "28.7", "22.1", "36.4"],
    ["HumanEval", "12.8", "18.3", "20.1", "24.4"],
    ["ARC-Challenge", "53.1", "59.4", "55.0", "60.2"],
    ["HellaSwag", "77.2", "80.7", "76.5", "79.9"],
]
BOOKTABS_BOX = (130.0, 250.0, 480.0, 398.0)  # top rule to bottom rule
BOOKTABS_COLS = [130.0, 250.0, 307.5, 365.0, 422.5, 480.0]


def booktabs_table(folder: Path = HERE) -> None:
    c = _canvas(folder, "booktabs-table.pdf")
    p = Page(c)
    p.centred(W / 2, 90, BOOKTABS_TITLE, "Times-Bold", 16)
    p.text(72, 140, "2 Evaluation", "Times-Bold", 12)
    body = [
        "Both sizes of the base and the chat models were evaluated with the same harness.",
        "The chat models gain most on GSM8K and HumanEval, where instruction tuning helps",
        "the model follow the answer format; on knowledge benchmarks the gains are small.",
    ]
    p.lines(72, 162, body, "Times-Roman", 10, 12, W - 144)
    x0, top, x1, bottom = BOOKTABS_BOX
    cols = BOOKTABS_COLS
    p.rule(x0, top, x1, 1.0)
    p.centred(cols[2], top + 14, "Base", "Times-Roman", 10)
    p.centred(cols[4], top + 14, "Chat", "Times-Roman", 10)
    header = BOOKTABS_GRID[1]
    p.text(cols[0] + 6, top + 28, header[0], "Times-Roman", 10)
    for j in range(1, 5):
        p.centred((cols[j] + cols[j + 1]) / 2, top + 28, header[j], "Times-Roman", 10)
    mid = top + 34
    p.rule(x0, mid, x1, 0.6)
    for i, row in enumerate(BOOKTABS_GRID[2:]):
        baseline = mid + 16 + 20 * i
        p.text(cols[0] + 6, baseline, row[0], "Times-Roman", 10)
        for j in range(1, 5):
            p.centred((cols[j] + cols[j + 1]) / 2, baseline, row[j], "Times-Roman", 10)
    p.rule(x0, bottom, x1, 1.0)
    p.text(x0, bottom + 16, BOOKTABS_CAPTION, "Times-Roman", 9)
    after = [
        "Scaling from 7B to 13B helps every benchmark, and more on reasoning than on recall.",
    ]
    p.lines(72, 450, after, "Times-Roman", 10, 12, W - 144)
    p.centred(W / 2, 750, "1", "Times-Roman", 10)
    c.showPage()
    c.save()


# --- two-column-paper.pdf --------------------------------------------------------------------

PAPER_TITLE = "Compact Models Are Strong Few-Shot Learners"
PAPER_CAPTION = "Table 1: Accuracy (%) on two benchmarks."
PAPER_GRID = [
    ["Model", "MMLU", "GSM8K"],
    ["Falcon-Lite 7B", "45.3", "21.8"],
    ["Nimbus Instant", "71.4", "79.0"],
    ["Nimbus 2", "78.1", "84.6"],
]
PAPER_ABSTRACT_LINES = [
    "We study how well compact language models learn",
    "from a handful of examples. Across two bench-",
    "marks, a well pre-trained seven billion parameter",
    "model comes close to models ten times larger.",
    "We release our evaluation code and all prompts.",
]
PAPER_ABSTRACT = (
    "We study how well compact language models learn from a handful of examples. Across two "
    "benchmarks, a well pre-trained seven billion parameter model comes close to models ten times "
    "larger. We release our evaluation code and all prompts."
)
LEFT, RIGHT, COL_W = 72.0, 316.0, 224.0
PAPER_TABLE_TOP = 420.0  # top of the header row's letters, about


def _right_column_text() -> list[str]:
    base = [
        "Our method samples five worked examples for each",
        "question and places them before it in the prompt.",
        "The examples come from the training split of each",
        "benchmark and never overlap the test questions.",
        "We score the first answer the model writes and do",
        "not use any majority vote or external verifier in",
        "these experiments, so the numbers reflect a single",
        "greedy sample from each model under comparison.",
    ]
    return base * 5


def two_column_paper(folder: Path = HERE) -> None:
    c = _canvas(folder, "two-column-paper.pdf")
    p = Page(c)
    p.centred(W / 2, 86, PAPER_TITLE, "Times-Bold", 16)
    p.centred(W / 2, 108, "Ada Example   Bo Sample", "Times-Roman", 11)
    p.centred(W / 2, 122, "Example Institute of Technology", "Times-Italic", 10)
    # left column: abstract, introduction, the table, more text
    p.centred(LEFT + COL_W / 2, 160, "Abstract", "Times-Bold", 11)
    y = p.lines(LEFT + 8, 178, PAPER_ABSTRACT_LINES, "Times-Roman", 10, 12, COL_W - 16)
    p.text(LEFT, y + 16, "1 Introduction", "Times-Bold", 11)
    intro = [
        "Large models are strong few-shot learners, but",
        "they are costly to serve. We ask whether a small",
        "model, trained with care, can match them on the",
        "benchmarks that matter for everyday questions.",
        "Table 1 gives the headline numbers of our study.",
    ]
    y = p.lines(LEFT, y + 34, intro, "Times-Roman", 10, 12, COL_W)
    p.text(LEFT, PAPER_TABLE_TOP - 14, PAPER_CAPTION, "Times-Roman", 9)
    xs = [LEFT + 4, LEFT + 130, LEFT + 185]
    for i, row in enumerate(PAPER_GRID):
        baseline = PAPER_TABLE_TOP + 8 + 14 * i
        font = "Times-Bold" if i == 0 else "Times-Roman"
        p.text(xs[0], baseline, row[0], font, 10)
        p.centred(xs[1], baseline, row[1], font, 10)
        p.centred(xs[2], baseline, row[2], font, 10)
    after = [
        "The smallest model trails the others on GSM8K,",
        "where arithmetic over several steps is needed.",
    ]
    p.lines(LEFT, PAPER_TABLE_TOP + 80, after, "Times-Roman", 10, 12, COL_W)
    # right column: running text from top to bottom, beside the table
    p.text(RIGHT, 160, "2 Method", "Times-Bold", 11)
    p.lines(RIGHT, 178, _right_column_text(), "Times-Roman", 10, 12, COL_W)
    p.centred(W / 2, 760, "1", "Times-Roman", 10)
    c.showPage()
    c.save()


# --- model-card.pdf --------------------------------------------------------------------------

CARD_TITLE = "Model Card and Evaluations for Nimbus Models"
CARD_INTRO = [
    [
        "This report describes the Nimbus family of language models and the evaluations we ran before",
        "releasing them. The newest model, Nimbus 2, continues a line of assistants trained with reinforce-",
        "ment learning from human feedback and careful filtering of the pretraining data.",
    ],
    [
        "Most aspects of training are documented in our earlier papers. Here we summarise the model",
        "details, intended uses and limitations, and report results on public benchmarks, including tests",
        "written with the help of language model-",
        "generated questions that humans checked one by one.",
    ],
    [
        "This report is not comprehensive; we expect to publish further findings as our evaluation",
        "of the models continues.",
    ],
]
CARD_ABSTRACT = (
    "This report describes the Nimbus family of language models and the evaluations we ran before releasing "
    "them. The newest model, Nimbus 2, continues a line of assistants trained with reinforcement learning "
    "from "
    "human feedback and careful filtering of the pretraining data. Most aspects of training are documented "
    "in "
    "our earlier papers. Here we summarise the model details, intended uses and limitations, and report "
    "results "
    "on public benchmarks, including tests written with the help of language model-generated questions that "
    "humans checked one by one. This report is not comprehensive; we expect to publish further findings as "
    "our evaluation of the models continues."
)
CARD_GRID = [
    ["", "Nimbus Instant", "Nimbus 1.5", "Nimbus 2"],
    ["MMLU (5-shot)", "61.2%", "68.0%", "74.5%"],
    ["GSM8K (0-shot CoT)", "55.4%", "63.9%", "81.2%"],
    ["HumanEval (0-shot)", "40.1%", "47.6%", "66.3%"],
    ["ARC-Challenge (25-shot)", "79.8%", "84.0%", "88.9%"],
    ["TriviaQA (5-shot)", "70.2%", "76.5%", "80.7%"],
    ["HellaSwag (10-shot)", "81.0%", "85.3%", "89.4%"],
]
CARD_COLS = [160.0, 310.0, 385.0, 455.0]  # left edge of the labels, centres of the value columns
CARD_TABLE_TOP = 180.0  # baseline of the header row


def model_card(folder: Path = HERE) -> None:
    c = _canvas(folder, "model-card.pdf")
    p = Page(c)
    p.centred(W / 2, 100, CARD_TITLE, "Helvetica-Bold", 17)
    p.centred(W / 2, 140, "Example Lab", "Helvetica-Bold", 13)
    p.text(72, 190, "1 Introduction", "Helvetica-Bold", 12)
    y = 214.0
    for para in CARD_INTRO:
        y = p.lines(72, y, para, "Helvetica", 9.5, 11.5, W - 144) + 6
    p.text(72, y + 14, "2 Model Details", "Helvetica-Bold", 12)
    details = [
        "Nimbus 2 and Nimbus Instant 1.2 are transformer language models trained on public web data.",
        "Some of the feedback data comes from model-written comparisons that people reviewed.",
    ]
    p.lines(72, y + 38, details, "Helvetica", 9.5, 11.5, W - 144)
    p.centred(W / 2, 750, "1", "Helvetica", 9.5)
    c.showPage()

    p.text(72, 90, "3 Evaluations", "Helvetica-Bold", 12)
    p.lines(
        72,
        112,
        [
            "We evaluated every model on six public benchmarks with the shot counts given in each row.",
            "The best result in each row is set in bold.",
        ],
        "Helvetica",
        9.5,
        11.5,
        W - 144,
    )
    for i, row in enumerate(CARD_GRID):
        baseline = CARD_TABLE_TOP + (0 if i == 0 else 10 + 18 * i)
        p.text(CARD_COLS[0], baseline, row[0], "Helvetica", 9.5)
        values = row[1:]
        best = max(range(3), key=lambda k: float(values[k].rstrip("%"))) if i else -1
        for k, value in enumerate(values):
            font = "Helvetica-Bold" if k == best else "Helvetica"
            p.centred(CARD_COLS[k + 1], baseline, value, font, 9.5)
    p.lines(
        72,
        CARD_TABLE_TOP + 160,
        [
            "Nimbus 2 leads on every benchmark; the largest gain over Nimbus 1.5 is on GSM8K.",
        ],
        "Helvetica",
        9.5,
        11.5,
        W - 144,
    )
    p.centred(W / 2, 750, "2", "Helvetica", 9.5)
    c.showPage()
    c.save()


def encrypted_bytes(user: str = "userpass", owner: str = "ownerpass") -> bytes:
    """A one-page PDF that needs a password (the tests build it in memory; nothing is written)."""
    from io import BytesIO

    buf = BytesIO()
    c = canvas.Canvas(buf, pagesize=(W, H), invariant=1, encrypt=StandardEncryption(user, owner))
    Page(c).text(72, 100, "A locked page with a single line of text.")
    c.showPage()
    c.save()
    return buf.getvalue()


SAMPLES = {
    "ruled-table.pdf": ruled_table,
    "booktabs-table.pdf": booktabs_table,
    "two-column-paper.pdf": two_column_paper,
    "model-card.pdf": model_card,
}


def main(folder: Path = HERE) -> None:
    for write in SAMPLES.values():
        write(folder)


if __name__ == "__main__":
    main()
