"""What a table's notes say of its marked scores and labels: a subset, a caveat, a benchmark the
authors built. From an HTML caption and from a generated PDF whose note is a line under the table."""

from __future__ import annotations

from extractor.model.options import RunOptions
from extractor.readers.html import read_html
from extractor.readers.pdf import read_pdf
from extractor.records.notes import read_notes
from extractor.run.pipeline import extract_document
from extractor.vocab import load_vocabulary
from tests.support.drawing import ROMAN, Case, Page, draw_case, pdf


def _html(table: str, caption: str) -> list:
    data = f"<html><body><table><caption>{caption}</caption>{table}</table></body></html>".encode()
    doc = read_html(data, "d.html", RunOptions(), load_vocabulary())
    return extract_document(doc, RunOptions()).records


def test_a_mark_the_caption_calls_for_reference_only_is_flagged_and_built_benchmarks_are_in_house():
    records = _html(
        "<tr><th>Model</th><th>Web Questions</th><th>TriviaQA*</th><th>ComplexBench</th></tr>"
        "<tr><td>Nimbus-Voice</td><td>27.6</td><td>22.8</td><td>66.0</td></tr>",
        "Table 6: Voice chat models on public benchmarks. Web Questions and TriviaQA are public datasets, "
        "while the audio versions of ComplexBench are newly constructed in this study. TriviaQA’s results "
        "are for reference only and marked with ”*”.",
    )
    assert [(r.dataset, r.value, r.flags) for r in records] == [
        ("WebQuestions", 27.6, []),
        ("TriviaQA", 22.8, ["marked-caveat"]),
        ("ComplexBench", 66.0, ["in-house-benchmark"]),
    ]


def test_a_note_that_only_says_who_reported_a_score_changes_nothing():
    notes = read_notes(
        "Table 2: Results. † reported by the original authors.",
        ["‡ We tested all models with the full set."],
        load_vocabulary(),
    )
    assert notes.marks == {"‡": "We tested all models with the full set."} and notes.built == []
    records = _html(
        "<tr><th>Model</th><th>MMLU</th><th>GSM8K</th></tr>"
        "<tr><td>Nimbus 7B</td><td>61.2†</td><td>51.7</td></tr>",
        "Table 2: Results. † reported by the original authors.",
    )
    assert [(r.dataset, r.value, r.markers, r.flags) for r in records] == [
        ("MMLU", 61.2, "†", []),
        ("GSM8K", 51.7, None, []),
    ]


def _case_with_note(case: Case, note: str, y: float) -> bytes:
    """A generated table page with a footnote line `y` points from the top, under the table."""

    def draw(page: Page) -> None:
        draw_case(page, case)
        page.text(100, y, note, ROMAN, 8)

    return pdf(draw)


def _pdf_with_note(note: str) -> bytes:
    case = Case(
        title="Nimbus: reasoning models",
        caption="Table 3: Reasoning benchmarks.",
        cols=[100, 260, 340, 420],
        header=[["Benchmark", "Nimbus-R 40K", "Orca-X"]],
        body=[["HLE (no tools)", "8.4∗", "7.6∗"], ["GPQA Diamond", "70.0", "71.5"]],
    )
    return _case_with_note(case, note, 260)


def _pdf_records(note: str) -> list:
    doc = read_pdf(_pdf_with_note(note), "n.pdf", RunOptions(), load_vocabulary())
    return extract_document(doc, RunOptions()).records


def test_a_footnote_line_under_the_table_naming_a_subset_puts_the_marked_scores_on_it():
    records = _pdf_records("* conducted on the text-only HLE subset.")
    assert [(r.dataset, r.model, r.setting, r.value, r.flags) for r in records] == [
        ("Humanity's Last Exam (text-only)", "Nimbus-R 40K", "no tools", 8.4, []),
        ("Humanity's Last Exam (text-only)", "Orca-X", "no tools", 7.6, []),
        ("GPQA Diamond", "Nimbus-R 40K", None, 70.0, []),
        ("GPQA Diamond", "Orca-X", None, 71.5, []),
    ]


def test_a_footnote_line_saying_the_marked_scores_are_a_spoken_version_flags_them():
    records = _pdf_records("* scores on the spoken version of the benchmark.")
    assert [(r.dataset, r.value, r.flags) for r in records] == [
        ("Humanity's Last Exam", 8.4, ["marked-caveat"]),
        ("Humanity's Last Exam", 7.6, ["marked-caveat"]),
        ("GPQA Diamond", 70.0, []),
        ("GPQA Diamond", 71.5, []),
    ]


def test_a_note_names_a_subset_only_as_whole_words_and_only_when_it_speaks_of_one():
    from extractor.records.notes import mark_subset

    assert (
        mark_subset(
            "Scores are averaged over multiple runs with human-verified answers.", ["Multiple", "human"]
        )
        is None
    )
    assert mark_subset("* conducted on the text-only HLE subset.", ["text-only", "no tools"]) == "text-only"
    assert mark_subset("* on the subset of the latest problems", ["test"]) is None  # 'test' inside 'latest'


def test_footnote_lines_belong_to_the_table_above_them_only():
    from extractor.model.document import BBox, Table, TextBlock
    from extractor.records.notes import lines_under

    upper = Table.from_grid(
        [["a"]], page=3, bbox=BBox(x0=50, top=100, x1=500, bottom=200), engine="pdf-text-columns"
    )
    lower = Table.from_grid(
        [["a"]], index=1, page=3, bbox=BBox(x0=50, top=300, x1=500, bottom=400), engine="pdf-text-columns"
    )
    blocks = [
        TextBlock(text="* on the text-only subset.", page=3, bbox=BBox(x0=50, top=210, x1=300, bottom=218)),
        TextBlock(text="† our reproduction.", page=3, bbox=BBox(x0=50, top=410, x1=300, bottom=418)),
        TextBlock(text="* another page.", page=4, bbox=BBox(x0=50, top=410, x1=300, bottom=418)),
    ]
    assert lines_under(upper, [upper, lower], blocks) == ["* on the text-only subset."]
    assert lines_under(lower, [upper, lower], blocks) == ["† our reproduction."]
    assert lines_under(upper.model_copy(update={"provenance": []}), [upper], blocks) == []


def test_a_footnote_giving_a_setting_is_that_scores_setting_and_a_label_of_subsets_is_composed():
    case = Case(
        title="Nimbus 2.5: long context",
        caption="Table 2: Long-context results.",
        cols=[100, 260, 340, 440],
        header=[["Benchmark", "Nimbus 2.5", "Orca 4 32K Thinking"]],
        body=[["MRCR v2 (8-needle) 128k", "58.0", "16.1**"], ["GPQA Diamond", "84.0", "79.6"]],
    )
    pdf = _case_with_note(case, "* evaluated on text problems only ** with no thinking and API refusals", 230)
    doc = extract_document(
        read_pdf(pdf, "n.pdf", RunOptions(), load_vocabulary()),
        RunOptions(),
    )
    assert [(r.dataset, r.model, r.setting, r.value) for r in doc.records] == [
        ("MRCR v2 (8-needle, 128k)", "Nimbus 2.5", None, 58.0),
        ("MRCR v2 (8-needle, 128k)", "Orca 4", "no thinking", 16.1),
        ("GPQA Diamond", "Nimbus 2.5", None, 84.0),
        ("GPQA Diamond", "Orca 4", "32k thinking", 79.6),
    ]
