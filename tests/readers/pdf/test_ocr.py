"""Tables that are pictures, read with OCR (issue 14): a picture of a table on a PDF page under its
caption, and the same picture as a PNG, give the table's records; pages with a text layer are not
OCRed; a reading in doubt is flagged; without Tesseract the warning says how to enable OCR."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.model.document import BBox, Cell, Table, TableEngine
from extractor.model.errors import UnsupportedInputError
from extractor.model.options import RunOptions
from extractor.readers import InputRef, load
from extractor.readers.pdf import ocr as ocr_module
from extractor.readers.pdf.ocr_repair import _repair_columns, _with_confidence
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.words import Word
from extractor.readers.sniff import sniff
from extractor.run.pipeline import extract_document
from tests.support.pdf import load as load_pdf
from tests.support.pdf_cases import case_unruled
from tests.support.pictures import (
    CENTRED_HEADER_ROWS,
    HEADER,
    ROWS,
    centred_header_image,
    picture_page_pdf,
    png,
    table_image,
)
from tests.support.report_cases import picture_table_pdf

needs_tesseract = pytest.mark.skipif(
    ocr_module.ocr_unavailable() is not None, reason=f"OCR unavailable: {ocr_module.ocr_unavailable()}"
)

EXPECTED = sorted(
    (dataset, model, float(value))
    for model, *values in ROWS
    for dataset, value in zip(("MMLU", "GSM8K", "HumanEval"), values, strict=True)
)


def _run(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    doc = load(InputRef(source=str(path), path=path), RunOptions())
    return doc, extract_document(doc, RunOptions())


def _records(result) -> list[tuple[str, str, float]]:
    return sorted((r.dataset, r.model, r.value) for r in result.records)


@needs_tesseract
def test_a_picture_of_a_table_on_a_pdf_page_gives_its_records(tmp_path):
    doc, result = _run(tmp_path, "picture.pdf", picture_page_pdf())
    assert [t.engine for t in doc.tables] == [TableEngine.OCR]
    table = doc.tables[0]
    assert table.caption == "Table 1: Results"
    assert table.grid == [list(HEADER), *map(list, ROWS)]
    assert _records(result) == EXPECTED
    assert all(0.6 <= c.ocr_confidence <= 1 for c in table.cells)
    assert not [w for w in doc.warnings if w.code == "table-image"]
    # every OCR record waits for a reviewer: none reaches a leaderboard unseen
    assert {tuple(r.flags) for r in result.records} == {("read-by-ocr",)}


@needs_tesseract
def test_a_png_input_gives_the_same_records(tmp_path):
    picture = png(table_image())
    assert sniff(picture) == "image"
    doc, result = _run(tmp_path, "table.png", picture)
    assert doc.media_type == "image" and doc.page_count == 1
    assert [t.engine for t in doc.tables] == [TableEngine.OCR]
    assert _records(result) == EXPECTED


@needs_tesseract
def test_a_jpeg_input_is_read_too(tmp_path):
    picture = png(table_image(), "JPEG")
    assert sniff(picture) == "image"
    doc, result = _run(tmp_path, "table.bin", picture)  # the content decides, not the name
    assert _records(result) == EXPECTED


def test_a_page_with_a_text_layer_is_not_ocred(monkeypatch):
    def never(*args):
        raise AssertionError("OCR called on a page with a text layer")

    monkeypatch.setattr(ocr_module, "read_words", never)
    monkeypatch.setattr(ocr_module, "_render", never)
    doc = load_pdf(case_unruled())
    assert doc.tables and all(t.engine != TableEngine.OCR for t in doc.tables)
    # nor is a picture that is a figure: only pictures that look like tables are read
    doc = load_pdf(picture_table_pdf("Figure 3: Training loss over steps."))
    assert doc.warnings == []


def _column(*texts: str, confidence: float = 0.95) -> list[Cell]:
    return [Cell(row=0, col=1, text="MMLU", column_header=True)] + [
        Cell(row=i + 1, col=1, text=t, ocr_confidence=confidence) for i, t in enumerate(texts)
    ]


def _repairs(*texts: str) -> list[tuple[str, str | None, bool]]:
    cells = _column(*texts)
    table = Table.from_cells(cells, engine=TableEngine.OCR)
    return [(c.text, c.ocr_text, c.ocr_doubt) for c in _repair_columns(cells, table, OcrSettings())[1:]]


@pytest.mark.parametrize(
    ("slip", "repair"),
    [
        ("7O.3", "70.3"),
        ("7l.3", "71.3"),
        ("6I.2", "61.2"),
        ("S5.2", "55.2"),
        ("713", "71.3"),
        ("71:3", "71.3"),
    ],
)
def test_a_slip_the_column_confirms_is_repaired(slip, repair):
    assert _repairs("64.8", slip, "80.5") == [
        ("64.8", None, False),
        (repair, slip, False),
        ("80.5", None, False),
    ]


def test_a_percent_read_as_96_is_repaired_in_a_column_of_percentages():
    assert _repairs("64.8%", "71.396", "80.5%")[1] == ("71.3%", "71.396", False)


def test_a_lost_point_is_put_back_where_it_lands_among_the_columns_decimals():
    # several cells of the column lost their point: too many integers for the column to agree on a shape
    column = ("64.8", "885", "80.5", "712", "90.1", "77.2", "69.9", "72.0")
    assert [(t, r) for t, r, _ in _repairs(*column)][1:4] == [
        ("88.5", "885"),
        ("80.5", None),
        ("71.2", "712"),
    ]
    assert _repairs("64.8%", "181%", "12.5%", "20.1%")[1] == ("18.1%", "181%", False)
    # a score near the largest (`100%`), or one the point would put out of range, stays as read, in
    # doubt: a round number, or `10.0%` and `6.5` with their points lost
    assert _repairs("64.8%", "100%", "80.5%", "95.1%")[1] == ("100%", None, True)
    assert _repairs("14.8", "65", "20.5", "12.1")[1] == ("65", None, True)
    # a column of counts mixed with decimals: its integers are true
    counts = ("15.5", "155", "65", "1.7", "43", "901", "9.6", "529", "56.8")
    assert [r for _, r, _ in _repairs(*counts)] == [None] * len(counts)


def test_a_lost_point_is_put_back_in_a_column_crossed_by_a_row_of_ratings():
    # a column of one model's scores (datasets are the rows) with a row of ratings: those are no true
    # integers of the column, and `785` still lost its point
    rows = [
        ["64.8", "71.3", "60.2"],
        ["785", "90.2", "83.1"],
        ["2029", "1820", "1316"],
        ["80.5", "77.0", "70.4"],
        ["69.9", "72.4", "66.0"],
    ]
    cells = [
        Cell(row=0, col=c, text=n, column_header=True) for c, n in enumerate(("Orca", "Lynx", "Ibis"), 1)
    ]
    cells += [
        Cell(row=r, col=c, text=t) for r, row in enumerate(rows, start=1) for c, t in enumerate(row, start=1)
    ]
    table = Table.from_cells(cells, engine=TableEngine.OCR)
    assert [c.text for c in _repair_columns(cells, table, OcrSettings()) if c.col == 1 and c.row] == [
        "64.8",
        "78.5",
        "2029",
        "80.5",
        "69.9",
    ]


def test_a_slip_the_column_does_not_confirm_is_in_doubt():
    # the other values disagree on their decimals: the reading of 'l' is a guess
    assert _repairs("64.8", "7l.3", "80")[1] == ("71.3", "7l.3", True)
    # two slips in one cell: more than the one character a sure repair changes
    assert _repairs("64.8", "7l.O", "80.5")[1] == ("71.0", "7l.O", True)
    # nothing to repair: values that agree with their column stay as read
    assert _repairs("64.8", "71.3", "80")[1] == ("71.3", None, False)


def test_a_score_its_row_agrees_with_is_no_slip():
    # datasets as rows: a rating among percentages, in a row of ratings
    cells = [
        Cell(row=0, col=1, text="Orca", column_header=True),
        Cell(row=0, col=2, text="Nimbus", column_header=True),
        Cell(row=0, col=3, text="Lynx", column_header=True),
        *(
            Cell(row=r, col=c, text=t)
            for r, row in enumerate(
                [
                    ["71.3", "64.8", "80.5"],
                    ["2029", "1820", "1316"],
                    ["55.2", "48.0", "79.9"],
                    ["30.1", "27.4", "52.6"],
                ],
                start=1,
            )
            for c, t in enumerate(row, start=1)
        ),
    ]
    table = Table.from_cells(cells, engine=TableEngine.OCR)
    assert [c.text for c in _repair_columns(cells, table, OcrSettings()) if c.row == 2] == [
        "2029",
        "1820",
        "1316",
    ]


def test_a_score_one_other_of_its_row_agrees_with_is_kept_as_read_in_doubt():
    # two models as columns, a row of ratings among percentages: the row's one other score reads
    # as `2046` does, too little to call it no slip and too much to put a point in it
    rows = [["85.0", "85.0"], ["80.7", "79.9"], ["2046", "2121"], ["76.1", "74.5"], ["68.4", "67.8"]]
    cells = [Cell(row=0, col=c, text=n, column_header=True) for c, n in enumerate(("Orca", "Lynx"), 1)]
    cells += [
        Cell(row=r, col=c, text=t) for r, row in enumerate(rows, start=1) for c, t in enumerate(row, start=1)
    ]
    table = Table.from_cells(cells, engine=TableEngine.OCR)
    repaired = [c for c in _repair_columns(cells, table, OcrSettings()) if c.row == 3]
    assert [(c.text, c.ocr_text, c.ocr_doubt) for c in repaired] == [
        ("2046", None, True),
        ("2121", None, True),
    ]
    # a row whose other score is a decimal still has its lost point put back, for sure
    rows[2] = ["804", "79.9"]
    cells = cells[:2] + [
        Cell(row=r, col=c, text=t) for r, row in enumerate(rows, start=1) for c, t in enumerate(row, start=1)
    ]
    repaired = [c for c in _repair_columns(cells, table, OcrSettings()) if c.row == 3]
    assert [(c.text, c.ocr_doubt) for c in repaired] == [("80.4", False), ("79.9", False)]


def test_a_cell_holding_a_contested_word_is_in_doubt_however_sure_tesseract_was():
    cell = Cell(row=1, col=1, text="19.2", bbox=BBox(x0=10, top=10, x1=40, bottom=20))

    def word(contested: bool) -> Word:
        return Word("19.2", 12, 11, 38, 19, 18, 8, False, confidence=0.81, contested=contested)

    sure, contested = (_with_confidence(cell, [word(c)], OcrSettings()) for c in (False, True))
    assert (sure.ocr_confidence, sure.ocr_doubt) == (0.81, False)
    assert (contested.ocr_confidence, contested.ocr_doubt) == (0.81, True)


def test_a_size_read_with_letters_for_digits_is_repaired():
    from extractor.readers.pdf.ocr_repair import _repair_size

    assert [
        _repair_size(Cell(row=1, col=0, text=t)).text for t in ("Nimbus-V2-IB", "Orca l3B", "Orca-7B", "OLMo")
    ] == [
        "Nimbus-V2-1B",
        "Orca 13B",
        "Orca-7B",
        "OLMo",
    ]


def test_stray_marks_beside_a_score_are_dropped():
    assert _repairs("64.8", "—_71.0", "80.5")[1] == ("71.0", "—_71.0", False)
    assert _repairs("64.8%", "«49.7%", "80.5%")[1] == ("49.7%", "«49.7%", False)


@needs_tesseract
def test_a_value_read_with_low_confidence_is_flagged_and_keeps_its_reading(tmp_path, monkeypatch):
    real = ocr_module.read_words

    def doubtful(*args):  # Tesseract unsure of one score, and one digit read as a letter
        words = real(*args)
        out = []
        for w in words:
            if w.text == "55.2":
                w = type(w)(**{**_fields(w), "confidence": 0.3})
            if w.text == "48.0":
                w = type(w)(**{**_fields(w), "text": "48.O"})
            out.append(w)
        return out

    monkeypatch.setattr(ocr_module, "read_words", doubtful)
    doc, result = _run(tmp_path, "picture.pdf", picture_page_pdf())
    flagged = {
        (r.model, r.dataset, r.value_raw, r.value) for r in result.records if "ocr-low-confidence" in r.flags
    }
    assert flagged == {("Nimbus-7B", "GSM8K", "55.2", 55.2)}
    repaired = next(r for r in result.records if r.model == "Orca-13B" and r.dataset == "GSM8K")
    assert (repaired.value, repaired.value_raw, repaired.flags) == (48.0, "48.O", ["read-by-ocr"])


def _fields(w) -> dict:
    return {name: getattr(w, name) for name in w.__slots__}


def _without_tesseract(monkeypatch):
    monkeypatch.setattr(ocr_module, "ocr_unavailable", lambda: "tesserocr is not installed")


def test_without_tesseract_the_warning_says_how_to_enable_ocr(tmp_path, monkeypatch):
    _without_tesseract(monkeypatch)
    doc, result = _run(tmp_path, "picture.pdf", picture_page_pdf())
    assert doc.tables == [] and result.records == []
    [warning] = [w for w in doc.warnings if w.code == "table-image"]
    assert warning.page == 1
    assert "OCR is not available (tesserocr is not installed)" in warning.message
    assert "install Tesseract (Debian: apt-get install tesseract-ocr) and pip install 'extractor[ocr]'" in (
        warning.message
    )


def test_without_tesseract_a_png_input_fails_saying_how_to_enable_ocr(tmp_path, monkeypatch):
    _without_tesseract(monkeypatch)
    path = tmp_path / "table.png"
    path.write_bytes(png(table_image()))
    with pytest.raises(UnsupportedInputError, match=r"apt-get install tesseract-ocr.*extractor\[ocr\]"):
        load(InputRef(source=str(path), path=path), RunOptions())


@needs_tesseract
def test_a_picture_ocr_finds_no_table_in_is_still_told_of():
    from extractor.readers.pdf import read_pdf
    from extractor.vocab import load_vocabulary

    doc = read_pdf(picture_table_pdf(), "pic.pdf", RunOptions(), load_vocabulary())
    [warning] = [w for w in doc.warnings if w.code == "table-image"]
    assert "OCR read it but found no table in it" in warning.message


@pytest.mark.parametrize(
    ("read", "repair"),
    [
        ("GSMS8K (EM)", "GSM8K (EM)"),  # a letter too many: the note after the name stays as read
        ("HeliaSwag", "HellaSwag"),
        ("AIME 2025", "AIME 2025"),  # a digit changed is another benchmark, never a slip
        ("MBPP", "MBPP"),
        ("Humaneval", "Humaneval"),  # a known name, however spelt
        ("Nimbus-7B", "Nimbus-7B"),  # no benchmark near
        ("HumanEvaI+", "HumanEval+"),
    ],
)
def test_a_benchmark_name_misread_by_a_letter_is_repaired_to_the_one_it_is_near(read, repair):
    from extractor.readers.pdf.ocr_labels import repair_label
    from extractor.vocab import load_vocabulary

    cell = repair_label(Cell(row=1, col=0, text=read), load_vocabulary(), OcrSettings())
    assert (cell.text, cell.ocr_text) == (repair, None if repair == read else read)


def test_a_name_two_benchmarks_are_as_near_to_is_left_as_read():
    from extractor.readers.pdf.ocr_labels import _closest
    from extractor.vocab.names import DatasetEntry, Vocabulary

    vocab = Vocabulary(datasets={n: DatasetEntry(name=n) for n in ("Orca-Bench", "Orca-Bunch", "Lynx-Eval")})
    # `orcabnch` is one letter short of both: no one repair is certain; `lynxeva1` is a slip of one
    assert _closest("orcabnch", vocab, OcrSettings()) is None
    assert _closest("lynxevai", vocab, OcrSettings()) == "Lynx-Eval"
    # a letter read as one unlike it is no slip: `General` is not a misread `GenEval`
    assert _closest("lynxevax", vocab, OcrSettings()) is None


def test_a_name_one_word_short_of_a_benchmark_is_not_repaired_into_it():
    from extractor.readers.pdf.ocr_labels import repair_label
    from extractor.vocab.names import DatasetEntry, Vocabulary

    # a model family's name in a table's label column (`VegaMM`) is not the benchmark `VegaMM Q`
    # read with its last word lost; a letter lost inside a word is a slip (`VegaMM-Qiz`)
    vocab = Vocabulary(datasets={n: DatasetEntry(name=n) for n in ("VegaMM Q", "VegaMM-Quiz")})
    assert repair_label(Cell(row=1, col=0, text="VegaMM"), vocab, OcrSettings()).text == "VegaMM"
    assert repair_label(Cell(row=1, col=0, text="VegaMM-Qiz"), vocab, OcrSettings()).text == "VegaMM-Quiz"


def test_words_and_a_note_whose_parentheses_were_lost_are_not_repaired_into_a_name():
    from extractor.readers.pdf.ocr_labels import repair_label
    from extractor.vocab.names import DatasetEntry, Vocabulary

    vocab = Vocabulary(datasets={n: DatasetEntry(name=n) for n in ("GenEval", "Lynx-Eval")})
    for text in ("General", "Lynx-Eval em"):  # a word of the table; `(EM)` read as `em`
        assert repair_label(Cell(row=1, col=0, text=text), vocab, OcrSettings()).text == text
    assert repair_label(Cell(row=1, col=0, text="LynxEvai em"), vocab, OcrSettings()).text == "Lynx-Eval em"


@needs_tesseract
def test_a_header_label_centred_on_two_lines_stays_in_the_header(tmp_path):
    # Tesseract reads `MATH` on the line of `Diamond`; with one baseline for them the header was lost
    doc, result = _run(tmp_path, "centred.png", png(centred_header_image()))
    assert doc.tables[0].grid[:2] == [["", "MATH", "GPQA"], ["Model", "MATH", "Diamond"]]
    assert _records(result) == sorted(
        (dataset, model, float(value))
        for model, *values in CENTRED_HEADER_ROWS
        for dataset, value in zip(("MATH", "GPQA Diamond"), values, strict=True)
    )


@pytest.mark.parametrize(
    ("read", "repair"),
    [
        ("OpenAl ol-mini", "OpenAI o1-mini"),  # an organisation's `I` read `l`, a series' `1` read `l`
        ("Anthrop1c", "Anthropic"),
        ("03-mini-high", "o3-mini-high"),  # a variant word follows: a series name
        ("OpenAI 01-1217", "OpenAI o1-1217"),  # after an organisation's name
        ("Preview 05-06", "Preview 05-06"),  # a date: digits follow
        ("01-2024-12-17", "o1-2024-12-17"),  # a release date follows: no date has three parts after
        ("01-2024-12", "01-2024-12"),  # no whole date: left as read
        ("ChatGPT-40-latest", "ChatGPT-4o-latest"),  # a lexicon family's `o` after a digit
        ("Orca 03", "Orca 03"),  # no organisation before it
        ("Beta", "Beta"),  # a word near no organisation by look-alike letters (`Meta`: m is no b)
    ],
)
def test_a_model_name_misread_by_look_alike_letters_is_put_back_where_certain(read, repair):
    from extractor.readers.pdf.ocr_labels import repair_name_words
    from extractor.vocab import load_vocabulary

    cell = repair_name_words(Cell(row=0, col=1, text=read), load_vocabulary())
    assert (cell.text, cell.ocr_text) == (repair, None if repair == read else read)


def test_a_metric_note_misread_with_its_parenthesis_is_put_back_to_the_tables_spelling():
    from extractor.readers.pdf.ocr_labels import repair_notes
    from extractor.vocab import load_vocabulary

    read = ["BBH cm)", "MMLU ccm)", "ARC-Easy (EM)", "PIQA (EM)", "RACE (em)", "DROP cy", "MATH cam)"]
    read += ["HumanEval (Pass@1)", "Nimbus-7B", "71.3"]
    cells = [Cell(row=k, col=0, text=t) for k, t in enumerate(read)]
    repaired = repair_notes(cells, load_vocabulary())
    assert [c.text for c in repaired] == [
        "BBH (EM)",  # `(E` read `c`: two look-alike edits from `(EM)`, the spelling two labels print
        "MMLU (EM)",
        "ARC-Easy (EM)",
        "PIQA (EM)",
        "RACE (EM)",  # a metric in small capitals read in lower case: the vocabulary's capitals
        "DROP",  # near no note of the table: unreadable, dropped (the benchmark's row is kept)
        "MATH",  # `a` for `E` is no look-alike slip: unreadable too
        "HumanEval (Pass@1)",
        "Nimbus-7B",
        "71.3",
    ]
    assert repaired[0].ocr_text == "BBH cm)" and repaired[2].ocr_text is None
    assert repaired[6].ocr_text == "MATH cam)" and repaired[4].ocr_text == "RACE (em)"
    # a note the vocabulary spells in no capitals stays as read; a mixed-case reading takes them too
    kept = repair_notes(
        [Cell(row=0, col=0, text="MMLU (Pass@1)"), Cell(row=1, col=0, text="GSM8K (Em)")], load_vocabulary()
    )
    assert [c.text for c in kept] == ["MMLU (Pass@1)", "GSM8K (EM)"]


def test_an_unreadable_note_is_dropped_only_after_a_benchmark_in_a_table_that_prints_notes():
    from extractor.readers.pdf.ocr_labels import repair_notes
    from extractor.vocab import load_vocabulary

    def repaired(read):
        cells = [Cell(row=k, col=0, text=t) for k, t in enumerate(read)]
        return [c.text for c in repair_notes(cells, load_vocabulary())]

    # no label of the table prints a metric note: nothing says what `cy` was
    assert repaired(["DROP cy", "MMLU", "GSM8K"]) == ["DROP cy", "MMLU", "GSM8K"]
    # not a benchmark's name; a setting (`cot`); a version (`v2)`): left as read
    read = ["BBH (EM)", "Nimbus cm", "MMLU cot", "DROP v2)"]
    assert repaired(read) == read


def test_a_misread_note_near_two_metrics_of_the_table_is_left_as_read():
    from extractor.readers.pdf.ocr_labels import repair_notes
    from extractor.vocab import load_vocabulary

    # `cPass@1)` is one edit from `(Pass@1)` and two from `(Pass@10)`: which it is, nothing says
    read = ["MBPP (Pass@1)", "HumanEval (Pass@10)", "DROP cf)", "APPS cPass@1)"]
    cells = [Cell(row=k, col=0, text=t) for k, t in enumerate(read)]
    assert [c.text for c in repair_notes(cells, load_vocabulary())][3] == "APPS cPass@1)"


def test_a_repeated_header_read_with_digits_for_letters_is_put_back_to_its_siblings_reading():
    from extractor.readers.pdf.ocr_siblings import repair_repeated_headers

    read = ["CER ↓", "55 ↑", "WER ↓", "SS ↑", "5S ↑", "2O23", "2023", "Nimbus-3B", "Nimbus-EB"]
    cells = [Cell(row=1, col=k, text=t, column_header=True) for k, t in enumerate(read)]
    cells += [Cell(row=2, col=1, text="55 ↑", column_header=True), Cell(row=3, col=1, text="5S")]
    repaired = repair_repeated_headers(cells)
    assert [c.text for c in repaired] == [
        "CER ↓",
        "SS ↑",  # `S` read as `5`: the row's other `SS ↑` makes it certain
        "WER ↓",
        "SS ↑",
        "SS ↑",
        "2O23",  # the sibling's word is no word of letters: a year stays as read either way
        "2023",
        "Nimbus-3B",  # a size is not turned into letters
        "Nimbus-EB",
        "55 ↑",  # no sibling on its row
        "5S",  # a body cell
    ]
    assert [c.ocr_text for c in repaired[:3]] == [None, "55 ↑", None]


def test_a_release_dates_zero_read_as_a_letter_is_put_back_where_the_header_prints_dates():
    from extractor.readers.pdf.ocr_siblings import repair_header_dates

    def repaired(read: list[str]) -> list[str]:
        cells = [Cell(row=0, col=k, text=t, column_header=True) for k, t in enumerate(read)]
        return [c.text for c in repair_header_dates(cells + [Cell(row=1, col=0, text="Q5-06")])]

    # an underlined link's line under `05-06` reads as a `Q`'s tail; `R1 05-28` prints a date
    assert repaired(["Nimbus (Preview Q5-06)", "Orca (Q3-25)", "Kite R1 05-28"]) == [
        "Nimbus (Preview 05-06)",
        "Orca (03-25)",
        "Kite R1 05-28",
        "Q5-06",  # a body cell
    ]
    # no date in digits among the headers: a quarter may be meant; nor a word of more digits
    assert repaired(["Nimbus (Preview Q5-06)", "Orca"])[0] == "Nimbus (Preview Q5-06)"
    assert repaired(["Nimbus Q5-061", "Kite 05-28"])[0] == "Nimbus Q5-061"


def test_a_name_read_as_two_words_is_joined_where_the_table_spells_it_as_one():
    from extractor.readers.pdf.ocr_siblings import join_split_words

    read = ["Nimbus Voice", "NimbusVoice 2", "Kite Voice", "Orca Lab", "61.2 3.4", "Vega Net", "Kite ViT-6B"]
    cells = [Cell(row=k, col=0, text=t) for k, t in enumerate(read)]
    joined = join_split_words(cells, "Table 3: Results of Vegan et al. with Orcalab and KiteViT-6B.")
    assert [c.text for c in joined] == [
        "NimbusVoice",  # another row reads it as one word
        "NimbusVoice 2",
        "Kite Voice",  # spelt as one word nowhere
        "OrcaLab",  # the caption spells it so; the cell's letters are kept
        "61.2 3.4",  # scores are never joined
        "Vega Net",  # `Vegan` is no word of the name
        "KiteViT-6B",
    ]
    assert (joined[0].ocr_text, joined[2].ocr_text) == ("Nimbus Voice", None)


@pytest.mark.parametrize(
    "read, repair",
    [
        ("liveCodeBench (24/8~25/5)", "LiveCodeBench (24/8~25/5)"),  # an `L` read `l`: the vocabulary's
        ("mMLU", "MMLU"),
        ("mmlu", "mmlu"),  # more than the first letter in another case: left as read
        ("Nimbus", "Nimbus"),
    ],
)
def test_a_benchmarks_first_letter_read_in_the_other_case_takes_the_vocabularys_spelling(read, repair):
    from extractor.readers.pdf.ocr_labels import repair_label
    from extractor.readers.pdf.ocr_settings import OcrSettings
    from extractor.vocab import load_vocabulary

    cell = repair_label(Cell(row=1, col=0, text=read), load_vocabulary(), OcrSettings())
    assert (cell.text, cell.ocr_text) == (repair, None if repair == read else read)


def test_a_series_name_under_an_organisations_header_cell_is_put_back():
    from extractor.readers.pdf.ocr_labels import repair_series_cells
    from extractor.vocab import load_vocabulary

    header = [("OpenAI", 1), ("OpenAI", 2), ("Orca", 3), ("Preview", 4)]
    second = [("01-1217", 1), ("03", 2), ("01-1217", 3), ("05-06", 4)]
    cells = [Cell(row=0, col=c, text=t) for t, c in header] + [Cell(row=1, col=c, text=t) for t, c in second]
    repaired = repair_series_cells(cells, load_vocabulary())
    # under an organisation: a series name; under a model's own name, or a date: left as read
    assert [c.text for c in repaired[4:]] == ["o1-1217", "o3", "01-1217", "05-06"]


def test_a_families_o_after_a_digit_read_as_a_zero_is_put_back():
    from extractor.readers.pdf.ocr_labels import repair_name_words
    from extractor.vocab.names import Vocabulary

    vocab = Vocabulary(api_families=["Orca", "Orca-4o", "Orca-40B"])
    read = ["Orca-40 0513", "Orca-40-mini", "orca-40", "Orca-4o", "Orca-40B", "Nimbus-40", "Orca-400"]
    repaired = [repair_name_words(Cell(row=0, col=k, text=t), vocab) for k, t in enumerate(read)]
    # the family `Orca-4o` misread; `Orca-40B` is a family of its own, the others no family's form
    assert [c.text for c in repaired] == [
        "Orca-4o 0513",
        "Orca-4o-mini",
        "orca-4o",
        "Orca-4o",
        "Orca-40B",
        "Nimbus-40",
        "Orca-400",
    ]
    assert repaired[0].ocr_text == "Orca-40 0513" and repaired[3].ocr_text is None
    both = Vocabulary(api_families=["Orca-4o", "Orca-40"])  # a family named with the zero: as read
    assert repair_name_words(Cell(row=0, col=1, text="Orca-40"), both).text == "Orca-40"


def test_a_note_ocr_set_apart_from_a_spanning_header_cell_joins_it():
    from extractor.readers.pdf.ocr_repair import _join_header_notes

    def header(text, col, colspan=1, row=0):
        return Cell(row=row, col=col, colspan=colspan, text=text, column_header=True)

    cells = [
        header("Nimbus", 1, 2),
        header("Nimbus baselines", 3, 2),
        header("(high)", 5),
        header("(low)", 6),  # right of a single column's cell: a column of its own
        header("Orca (7B)", 7, 2),
        header("(chat)", 9),  # the span already ends in a note: left as read
        header("o3", 5, row=1),
        Cell(row=2, col=5, text="(90.4)"),  # not a header cell
    ]
    joined = _join_header_notes(cells)
    assert [(c.row, c.col, c.colspan, c.text) for c in joined] == [
        (0, 1, 2, "Nimbus"),
        (0, 3, 3, "Nimbus baselines (high)"),
        (0, 6, 1, "(low)"),
        (0, 7, 2, "Orca (7B)"),
        (0, 9, 1, "(chat)"),
        (1, 5, 1, "o3"),
        (2, 5, 1, "(90.4)"),
    ]


def test_a_score_with_a_digit_more_than_its_column_and_row_is_in_doubt():
    from extractor.readers.pdf.ocr_repair import _doubt_magnitudes

    def doubted(rows):
        header = [Cell(row=0, col=c, text=t, column_header=True) for c, t in enumerate(["", "A", "B", "C"])]
        body = [Cell(row=r + 1, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)]
        return [c.text for c in _doubt_magnitudes(header + body, OcrSettings()) if c.ocr_doubt]

    scores = [
        ["Nimbus", "75.0", "80.4", "82.7"],
        ["Wren", "71.3", "77.7", "80.0"],
        ["Kite", "70.2", "78.1", "79.9"],
    ]
    assert doubted([*scores, ["Orca", "795.0", "81.2", "84.6"]]) == ["795.0"]  # a 9 read twice
    # a row of ratings among percentages: its row reads as it does
    assert doubted([*scores, ["Arena", "1352", "1340", "1350"]]) == []
    # a column of mixed magnitudes says nothing
    mixed = [
        ["Nimbus", "9.5", "80.4", "82.7"],
        ["Wren", "12.3", "77.7", "80.0"],
        ["Kite", "45.6", "78.1", "79.9"],
    ]
    assert doubted([*mixed, ["Orca", "795.0", "81.2", "84.6"]]) == []


def test_a_percentage_past_100_is_in_doubt_where_no_column_repairs_it():
    from extractor.readers.pdf.ocr_repair import _doubt_past_whole

    cells = [Cell(row=1, col=1, text=t) for t in ("571%", "100%", "57.1%", "2046", "150.0%")]
    assert [(c.text, c.ocr_doubt) for c in map(_doubt_past_whole, cells)] == [
        ("571%", True),
        ("100%", False),
        ("57.1%", False),
        ("2046", False),  # no percentage: a rating
        ("150.0%", True),
    ]
