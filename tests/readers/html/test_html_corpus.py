"""Real pages from ../shared/corpus (skipped when absent): docling's table pages, readability's
and papis' web pages with their expected metadata. Floors are what the rules reach today."""

from __future__ import annotations

import json
import re

import pytest

from extractor.readers.html.metadata import strip_site_suffix
from tests.support.html import load_path
from tests.support.paths import corpus_path

pytestmark = pytest.mark.corpus

DOCLING = ("docling", "tests", "data", "html")
PAPIS = ("html", "papis", "tests", "downloaders", "resources")


def docling_doc(name: str):
    return load_path(corpus_path(*DOCLING, "sources", name))


# --- docling: spans and nesting, compared with what the markup says --------------------


def test_docling_rowspan_colspan_table():
    expected = [
        ["Header 1", "Header 2 & 3 (colspan)", "Header 2 & 3 (colspan)"],
        ["Row 1 & 2, Col 1 (rowspan)", "Row 1, Col 2", "Row 1, Col 3"],
        ["Row 1 & 2, Col 1 (rowspan)", "Row 2, Col 2 & 3 (colspan)", "Row 2, Col 2 & 3 (colspan)"],
        ["Row 3, Col 1", "Row 3, Col 2", "Row 3, Col 3"],
    ]
    for name in ("example_04.html", "example_05.html"):  # the second omits <html> and <body>
        doc = docling_doc(name)
        assert [t.grid for t in doc.tables] == [expected]
        assert doc.tables[0].header_rows == 1
        cells = {(c.row, c.col): (c.rowspan, c.colspan) for c in doc.tables[0].cells}
        assert cells[0, 1] == (1, 2) and cells[1, 0] == (2, 1) and cells[2, 1] == (1, 2)
    # docling's own accepted output for this page shows the same grid
    assert md_tables(corpus_path(*DOCLING, "groundtruth", "example_04.html.md").read_text()) == [expected]


def test_docling_pivot_tables_with_row_headers():
    doc = docling_doc("example_08.html")
    first = doc.tables[0]
    # The markup has a row holding only <th rowspan=6>2025</th>; we keep it, as the markup says.
    assert first.grid[:3] == [
        ["Year", "Month", "Revenue", "Cost"],
        ["2025", "", "", ""],
        ["2025", "January", "$134", "$162"],
    ]
    assert [row[0] for row in first.grid[1:]] == ["2025"] * 6
    assert first.header_rows == 1
    second, third = doc.tables[1], doc.tables[2]
    assert [row[:2] for row in second.grid[1:]] == [["2025", "Q1"]] * 4 + [["2025", "Q2"]] * 3
    # the third declares rowspan=8 over 7 rows: cut at the end of the table, otherwise the same
    assert third.grid == second.grid
    assert any("cut at the end" in note for note in third.notes)


def test_docling_nested_tables():
    doc = docling_doc("table_06.html")
    assert [t.grid for t in doc.tables] == [
        [["A", "B"], ["", "2..."]],
        [["A1", "B1", "C1"], ["D1", "", "F1"]],
        [["I", "II"], ["III", "IV"], ["V", ""], ["VII", "VIII"]],
        [["E1", "E2"], ["E3", "E4"]],
    ]
    assert doc.tables[3].notes == ["nested in a cell of table 2"]


def test_docling_rich_cells_and_captions():
    doc = docling_doc("html_rich_table_cells.html")
    assert [t.caption for t in doc.tables] == [
        "Basic duck facts",
        "Duck family tree (simplified)",
        "Duck\u2011related actions",
        None,  # the nested sound table has no caption of its own
        "Famous Ducks with Images",
    ]
    assert doc.tables[0].grid[4] == [
        "Teal",
        "Pond Marsh Riverbank",
        "Fly south in winter Build nest on ground",
    ]
    assert doc.tables[2].grid[1] == ["Swim", "Gracefully glide on H2O surfaces."]
    assert doc.tables[2].cells[1].bold is True  # <strong>Swim</strong>
    assert doc.tables[1].grid[1] == ["Aythya (Diving ducks)", "Hawser, Common Pochard"]


def test_docling_pages_agree_with_docling_groundtruth():
    """Tables docling wrote out as Markdown, compared after removing Markdown formatting.
    Known differences by design: we keep a row header's lone row (example_08), report nested
    tables separately (table_05/06), and drop navigation boxes and image-only rows."""
    folder = corpus_path(*DOCLING)
    total = agreeing = 0
    for source in sorted((folder / "sources").glob("*.html")):
        markdown = folder / "groundtruth" / f"{source.name}.md"
        if not markdown.exists():
            continue
        ours = [[[_plain(c) for c in row] for row in t.grid] for t in load_path(source).tables]
        for table in md_tables(markdown.read_text()):
            total += 1
            agreeing += [[_plain(c) for c in row] for row in table] in ours
    print(f"docling tables agreeing: {agreeing}/{total}")
    assert total >= 20
    assert agreeing >= 14


def test_every_docling_page_loads():
    for source in sorted(corpus_path(*DOCLING, "sources").glob("*.html")):
        doc = load_path(source)
        assert doc.blocks or doc.tables, source.name


def md_tables(text: str) -> list[list[list[str]]]:
    tables: list[list[list[str]]] = []
    current: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip()[1:-1].split(" | ")]
            if not all(c and set(c) <= set("-: ") for c in cells):
                current.append(cells)
        elif current:
            tables.append(current)
            current = []
    return tables


def _plain(cell: str) -> str:
    """Markdown cell or our cell text, without formatting (links, emphasis, list bullets, images)
    or whitespace (docling spaces out inline markup: "H 2 O", "Large , loud")."""
    cell = cell.replace("<!-- image -->", " ")
    cell = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", cell)
    cell = re.sub(r"(^|\s)(?:#+|-|\d+\.)\s", " ", cell)
    for mark in ("**", "~~", "*", "`"):
        cell = cell.replace(mark, "")
    cell = cell.replace("\u2011", "-")
    return "".join(cell.split())


# --- readability and papis: titles and abstracts ------------------------------------------


def readability_pages():
    folder = corpus_path("html", "readability", "test-pages")
    return sorted(p for p in folder.iterdir() if (p / "expected-metadata.json").exists())


def test_readability_titles():
    exact = close = 0
    pages = readability_pages()
    for folder in pages:
        expected = json.loads((folder / "expected-metadata.json").read_text())["title"]
        got = load_path(folder / "source.html").title
        exact += got == expected
        # readability keeps a " - Site" suffix that we drop on purpose
        close += got in (expected, strip_site_suffix(expected))
        if got != expected:
            print(f"title {folder.name}: got {got!r}, expected {expected!r}")
    print(f"readability titles: {exact}/{len(pages)} exact, {close}/{len(pages)} up to a site suffix")
    assert len(pages) == 13
    assert exact >= 8
    assert close >= 9


def test_readability_pages_with_tables():
    got = {folder.name: load_path(folder / "source.html") for folder in readability_pages()}
    films = got["wikipedia-4"].tables[0]
    assert films.caption == "Films with time loops"
    assert films.grid[0] == ["Film", "Year", "Description"]
    assert films.header_rows == 1
    patches = got["links-in-tables"].tables[0]
    assert patches.grid[1] == ["Farm Heroes Super Saga", "71.1 MB", "13.4 MB (-81%)", "8.0 MB (-89%)"]
    symptoms = got["google-sre-book-1"].tables[0]
    assert symptoms.caption == "Table 6-1. Example symptoms and causes"
    assert symptoms.grid[0] == ["Symptom", "Cause"]
    for name in ("ietf-1", "mathjax", "quanta-1", "v8-blog"):
        assert "no-tables" in [w.code for w in got[name].warnings], name


def papis_cases():
    folder = corpus_path(*PAPIS)
    return sorted(folder.glob("*_Out.json"))


def test_papis_titles_and_abstracts():
    cases = papis_cases()
    titles = abstracts = with_abstract = 0
    for expected_file in cases:
        expected = json.loads(expected_file.read_text())
        doc = load_path(expected_file.with_name(expected_file.name.replace("_Out.json", ".html")))
        titles += doc.title == expected["title"]
        if "abstract" in expected:
            with_abstract += 1
            abstracts += doc.abstract == expected["abstract"]
            if doc.abstract != expected["abstract"]:
                print(f"abstract {expected_file.name}: got {doc.abstract!r}")
        if doc.title != expected["title"]:
            print(f"title {expected_file.name}: got {doc.title!r}, expected {expected['title']!r}")
    print(f"papis titles {titles}/{len(cases)}, abstracts {abstracts}/{with_abstract}")
    assert len(cases) == 6
    assert titles == 6
    assert with_abstract == 2 and abstracts == 2


def test_papis_pages_without_abstract_metadata_still_find_one():
    """Landing pages that carry the abstract only in the page: a labelled card or the lead paragraph."""
    folder = corpus_path(*PAPIS)
    for name in ("ACL_2021.naacl-main.208.html", "USENIX_goyal.html", "USENIX_bulekov.html"):
        abstract = load_path(folder / name).abstract
        assert abstract and len(abstract.split()) > 80, name
        assert not abstract.lower().startswith("abstract"), name
