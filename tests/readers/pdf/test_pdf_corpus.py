"""Real documents from ../shared/corpus (each test skips when the corpus is absent)."""

from __future__ import annotations

from functools import cache

import pytest

from extractor.model.errors import EncryptedPdfError
from tests.support.paths import corpus_path
from tests.support.pdf import load

pytestmark = pytest.mark.corpus

CARD = ("claude2", "Model-Card-Claude-2.pdf")
CARD_TABLE = [
    ["", "Claude Instant", "Claude 1.3", "Claude 2"],
    ["Codex P@1 (0-shot)", "52.8%", "56.0%", "71.2%"],
    ["GSM8k (0-shot CoT)", "80.9%", "85.2%", "88.0%"],
    ["MMLU (5-shot CoT)", "73.4%", "77.0%", "78.5%"],
    ["TriviaQA (5-shot)", "78.9%", "86.7%", "87.5%"],
    ["QuALITY (5-shot)", "80.5%", "84.1%", "83.2%"],
    ["ARC-Challenge (5-shot)", "85.7%", "90.0%", "91.0%"],
    ["RACE-H (5-shot)", "85.5%", "88.8%", "88.3%"],
]
# UTF-8 punctuation that the saved page shows read as cp874/cp1252 (the closing quote lost its last byte).
MOJIBAKE = [("โ€˜", "‘"), ("โ€™", "’"), ("โ€œ", "“"), ("โ€“", "–"), ("โ€\x9d", "”"), ("โ€", "”")]


@cache
def corpus_doc(*parts: str, password: str | None = None, **options):
    return load(corpus_path(*parts).read_bytes(), password=password, **options)


def page_abstract() -> str:
    text = corpus_path("pwc-pages", "claude-2-model-card.txt").read_text(encoding="utf-8")
    paragraph = next(p for p in text.split("\n") if p.startswith("This report includes"))
    for bad, good in MOJIBAKE:
        paragraph = paragraph.replace(bad, good)
    return paragraph


def test_card_results_table_on_page_10():
    doc = corpus_doc(*CARD)
    [table] = [t for t in doc.tables if t.page == 10 and t.n_cols == 4]
    assert table.grid == CARD_TABLE
    assert table.caption is None and table.header_rows == 1
    box = table.bbox
    assert 140 < box.x0 < 165 and 450 < box.x1 < 470 and 115 < box.top < 135 and 275 < box.bottom < 295
    bold = {(c.row, c.col) for c in table.cells if c.bold}
    assert bold == {(1, 3), (2, 3), (3, 3), (4, 3), (5, 2), (6, 3), (7, 2)}


def test_card_results_table_without_rules_too():
    doc = corpus_doc(*CARD, ruled_tables=False)
    [table] = [t for t in doc.tables if t.page == 10 and t.n_cols == 4]
    assert table.grid == CARD_TABLE and table.engine == "pdf-text-columns"


def test_card_has_no_other_tables():
    doc = corpus_doc(*CARD)
    found = [(t.page, t.n_rows, t.n_cols) for t in doc.tables]
    assert found == [(10, 8, 4), (10, 3, 2), (11, 3, 2)]
    gre, usmle = doc.tables[1], doc.tables[2]
    assert gre.grid[0] == ["Verbal reasoning (5-shot)", "165 (~95th percentile)"]
    assert usmle.grid[2] == ["USMLE Step 3 (5-shot)", "67.2%"]


def test_card_title_and_abstract_match_the_paper_page():
    doc = corpus_doc(*CARD)
    assert doc.title == "Model Card and Evaluations for Claude Models"
    assert doc.abstract == page_abstract()
    assert doc.page_count == 14


def test_docling_page_with_spanning_cells():
    doc = corpus_doc("docling", "tests", "data", "pdf", "sources", "2305.03393v1-pg9.pdf")
    [table] = doc.tables
    assert table.caption.startswith("Table 1. HPO performed in OTSL and HTML representation")
    assert table.grid[0] == ["#", "#", "Language", "TEDs", "TEDs", "TEDs", "mAP", "Inference"]
    assert table.grid[1] == [
        "enc-layers",
        "dec-layers",
        "Language",
        "simple",
        "complex",
        "all",
        "(0.75)",
        "time (secs)",
    ]
    assert table.grid[2] == ["6", "6", "OTSL", "0.965", "0.934", "0.955", "0.88", "2.73"]
    assert table.grid[3] == ["6", "6", "HTML", "0.969", "0.927", "0.955", "0.857", "5.39"]
    assert (table.n_rows, table.header_rows) == (10, 2)
    assert doc.title is None  # one inner page: nothing larger than the body text


def test_protected_pdf_opens_with_either_password():
    path = ("camelot", "tests", "files", "health_protected.pdf")
    with pytest.raises(EncryptedPdfError):
        corpus_doc(*path)
    for password in ("userpass", "ownerpass"):
        doc = corpus_doc(*path, password=password)
        assert any(t.n_cols == 8 and t.grid[-1][0] == "Punjab" for t in doc.tables)


def test_sideways_ruled_table():
    doc = corpus_doc("camelot", "tests", "files", "clockwise_table_1.pdf")
    [table] = doc.tables
    assert (table.n_rows, table.n_cols, table.engine) == (13, 10, "pdfplumber-lines")
    assert table.grid[2][0] == "Kerala"


@pytest.mark.parametrize(
    "name",
    [
        "mistral-7b_arXiv-2310.06825v1.pdf",
        "mixtral-8x7b_arXiv-2401.04088v1.pdf",
        "gemma-3-technical-report_arXiv-2503.19786v1.pdf",
        "gpt-oss-120b-20b-model-card_2025-08-05.pdf",
    ],
)
def test_reports_load_and_captioned_tables_are_found(name):
    doc = corpus_doc("reports", name, max_pages=12)
    assert doc.title and not [w for w in doc.warnings if w.code != "pages-skipped"]
    assert doc.tables and all(t.n_rows >= 2 and t.n_cols >= 2 for t in doc.tables)
    assert sum(1 for t in doc.tables if t.caption and t.caption.lower().startswith("table")) >= 2


def test_mixtral_group_headers():
    doc = corpus_doc("reports", "mixtral-8x7b_arXiv-2401.04088v1.pdf", max_pages=8)
    [table] = [t for t in doc.tables if (t.caption or "").startswith("Table 4:")]
    assert table.grid[0][2:8] == ["French"] * 3 + ["German"] * 3
    assert table.grid[1][:5] == ["Model", "Params", "Arc-c", "HellaS", "MMLU"]
    assert table.grid[-1][:3] == ["Mixtral 8x7B", "13B", "58.2%"]
