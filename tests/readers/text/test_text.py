"""read_text: plain-text pages -> Document."""

import pytest

from extractor.model.document import Document
from extractor.model.errors import EmptyInputError
from extractor.model.options import RunOptions
from extractor.readers import InputRef, load
from extractor.readers.text import read_text
from extractor.vocab import load_vocabulary
from tests.support.paths import SAMPLES, corpus_path

SAMPLE = SAMPLES / "results-page.txt"
HEADER = ["Task", "Dataset", "Model", "Metric Name", "Metric Value", "Global Rank"]
MOJIBAKE = ("\u0e22", "\u0e42", "\u20ac", "â€")


def read(data: bytes) -> Document:
    return read_text(data, "t.txt", RunOptions(), load_vocabulary())


def test_corpus_page():
    doc = read(corpus_path("pwc-pages", "claude-2-model-card.txt").read_bytes())
    assert doc.title == "Model Card and Evaluations for Claude Models"
    assert doc.abstract.startswith(
        "This report includes the model card [1] for Claude models, focusing on Claude 2,"
    )
    assert doc.abstract.endswith(
        "However, we hope it provides useful insight into Claude 2’s capabilities and limitations."
    )
    assert "less capable ‘helpful and harmless’ language assistants" in doc.abstract
    assert "our paper “Red-Teaming Language Models to Reduce Harms” [4]" in doc.abstract
    assert "not comprehensive – we expect" in doc.abstract
    assert not any(m in doc.abstract for m in MOJIBAKE)
    assert [(b.kind, b.text) for b in doc.blocks[:2]] == [
        ("title", "Model Card and Evaluations for Claude Models"),
        ("paragraph", "Technical Report 2023 · Anthropic ·"),
    ]
    assert [b.text for b in doc.blocks[3:]] == [
        "PDF",
        "Results from the Paper",
        "Methods",
        "No methods listed for this paper. Add relevant methods here",
    ]
    assert all(b.page is None for b in doc.blocks)
    (table,) = doc.tables
    assert (table.index, table.engine, table.header_rows, table.caption) == (
        0,
        "flattened-text",
        1,
        "Results from the Paper",
    )
    assert table.grid[0] == HEADER
    assert len(table.grid) == 21
    assert table.grid[1] == [
        "Common Sense Reasoning",
        "ARC (Challenge)",
        "Claude Instant 1.1 (few-shot, k=5)",
        "Accuracy",
        "85.7",
        "# 11",
    ]
    assert table.grid[16:18] == [
        ["Bug fixing", "SWE-bench", "Claude 2", "Resolved (unassisted)", "1.96%", "# 1"],
        ["Bug fixing", "SWE-bench", "Claude 2", "Resolved (assisted)", "4.80%", "# 1"],
    ]
    assert [r[3] for r in table.grid[10:13]] == ["Average (%)"] * 3
    assert doc.warnings == []


def test_sample_page():
    doc = read(SAMPLE.read_bytes())
    assert doc.title == "Nimbus 2: Sparse Experts for Everyday Reasoning"
    assert doc.blocks[1].text == "Technical Report 2024 · Ada Quill, Ben Okafor · Cirrus Labs"
    assert doc.abstract == (
        "We introduce Nimbus 2, a sparse mixture-of-experts language model, and Nimbus Instant 1.2, its "
        "smaller and faster sibling. Both are trained on a curated mixture of web text, code and "
        "mathematics. Nimbus 2’s routing keeps only two experts active per token, which makes the model’s "
        "inference cost close to that of a dense 7B model such as Falcon-Lite 7B. We evaluate both models on "
        "standard reasoning, coding and knowledge benchmarks and on LogiQuest, a new suite of “logic puzzles "
        "in plain words” that we release with this report."
    )
    (table,) = doc.tables
    assert table.caption == "Results from the Paper"
    assert table.grid[0] == HEADER
    assert len(table.grid) == 15
    assert table.grid[10] == [
        "Logical Reasoning",
        "LogiQuest",
        "Nimbus Instant 1.2 (5-shot)",
        "Accuracy",
        "58.3",
        "# 4",
    ]
    assert table.grid[13:] == [
        ["Bug fixing", "SWE-bench", "Nimbus 2", "Resolved (unassisted)", "2.35%", "# 3"],
        ["Bug fixing", "SWE-bench", "Nimbus 2", "Resolved (assisted)", "5.10%", "# 2"],
    ]
    assert [(w.code, w.table_index) for w in doc.warnings] == [("flat-split-guessed", 0)]


def test_sample_through_load():
    doc = load(InputRef(source=str(SAMPLE), path=SAMPLE), RunOptions())
    assert doc.media_type == "text"
    assert doc.title == "Nimbus 2: Sparse Experts for Everyday Reasoning"
    assert len(doc.tables) == 1


MARKDOWN = """\
# Nimbus

Some words about the models.

### Base models

| **Model** | MMLU | GSM8K \\| 8-shot |
|:----------|:----:|-----:|
| Falcon-Lite 7B | 45.3 | - |
| [Nimbus 2](https://example.org) | **77.4** | 78.9<sup>†</sup> |
| Nimbus&nbsp;Mini | 50.1 |

```
| not | a table |
|-----|---------|
```
"""


def test_markdown_table():
    doc = read(MARKDOWN.encode())
    assert doc.title == "Nimbus"
    (table,) = doc.tables
    assert (table.engine, table.header_rows, table.caption) == ("markdown-text", 1, "Base models")
    assert table.grid == [
        ["Model", "MMLU", "GSM8K | 8-shot"],
        ["Falcon-Lite 7B", "45.3", "-"],
        ["Nimbus 2", "77.4", "78.9†"],
        ["Nimbus Mini", "50.1", ""],
    ]
    assert [(c.row, c.col) for c in table.cells if c.bold] == [(0, 0), (2, 1)]
    assert [(b.kind, b.text) for b in doc.blocks[:3]] == [
        ("title", "Nimbus"), ("paragraph", "Some words about the models."), ("heading", "Base models"),
    ]  # fmt: skip


def test_tab_separated_table():
    doc = read(b"Scores\n\nModel\tMMLU\tGSM8K\nNimbus 2\t77.4\t78.9\nFalcon-Lite 7B\t45.3\t20.1\n\nEnd.\n")
    (table,) = doc.tables
    assert (table.engine, table.header_rows, table.caption) == ("tsv-text", 1, "Scores")
    assert table.grid == [
        ["Model", "MMLU", "GSM8K"],
        ["Nimbus 2", "77.4", "78.9"],
        ["Falcon-Lite 7B", "45.3", "20.1"],
    ]


def test_no_tables_warns():
    words = " ".join(["word"] * 45) + "."
    doc = read(f"A Title Line\n\nBy Someone\n\n{words}\n".encode("utf-16"))
    assert (doc.title, doc.abstract, doc.tables) == ("A Title Line", words, [])
    assert [(w.code, w.message) for w in doc.warnings] == [("no-tables", "no tables found")]


@pytest.mark.parametrize(
    "text, title, abstract",
    [
        ("This first line is a sentence.\n\nShort.", None, None),
        ("Title\n\nAbstract\n\nA short abstract.\n\nMore.", "Title", "A short abstract."),
        ("Title\n\nAbstract: A short  abstract\non two lines.\n", "Title", "A short abstract on two lines."),
        ("Title\n\nAbstractions are not abstracts.\n", "Title", None),
    ],
)
def test_title_and_abstract_rules(text, title, abstract):
    doc = read(text.encode())
    assert (doc.title, doc.abstract) == (title, abstract)


@pytest.mark.parametrize("data", [b" \n\t\r\n", b"\xef\xbb\xbf\n", b"--- ... ---\n", "\u00a0\u2003".encode()])
def test_no_words_is_empty_input(data):
    with pytest.raises(EmptyInputError, match="text file has no text"):
        read(data)


def test_title_abstract_in_one_paragraph_and_table_first():
    words = " ".join(["word"] * 40)
    doc = read(f"A Title\n{words}\n".encode())
    assert (doc.title, doc.abstract) == ("A Title", words)
    assert [b.kind for b in doc.blocks] == ["title", "paragraph"]
    doc = read(
        b"Task Dataset Model Metric Name Metric Value\n"
        b"Code Generation MBPP Nimbus 2 Accuracy 61.0\n\nMethods\n"
    )
    assert doc.title is None
    assert [b.text for b in doc.blocks] == ["Methods"]
    assert doc.tables[0].caption is None
