"""The review page in a real headless browser (Debian's chromium through Playwright), against the app
served by uvicorn: a click on a record highlights its cell in the grid and on the page image (and a
click on a cell selects its record), a and r decide with the keyboard, the form corrects, and after a
reload the three decisions are shown. Skipped, saying why, when no browser can be had."""

from __future__ import annotations

import pytest

from extractor.formats.documents import read_document
from extractor.leaderboard import store_leaderboards
from extractor.review.app import create_app
from extractor.review.folder import record_key
from tests.support.browser import browser, served


@pytest.fixture
def doc(outdir):
    (path,) = (outdir / "documents").glob("*.json")
    return read_document(path)


@pytest.fixture
def page(outdir, store):
    with browser() as chromium, served(create_app(outdir, store, reviewer="tester")) as base:
        tab = chromium.new_page(viewport={"width": 1400, "height": 1000})
        errors: list[str] = []
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.on("console", lambda m: m.type == "error" and errors.append(m.text))
        tab.base = base
        yield tab
        assert errors == []  # no script error, no resource the page's policy refused


def _key(doc, dataset, model):
    return record_key(next(r for r in doc.records if r.dataset_raw == dataset and r.model.startswith(model)))


def test_clicking_a_record_highlights_its_cell_and_back(page, doc):
    page.goto(f"{page.base}/doc/{doc.doc_id}")
    key = _key(doc, "GSM8K", "Falcon")
    cell = key  # one number per cell: the record's key is its cell's
    page.click(f"#r-{key} td.value")
    assert "selected" in page.get_attribute(f"#r-{key}", "class")
    assert "highlight" in page.get_attribute(f'table.grid [data-cell="{cell}"]', "class")
    assert "highlight" in page.get_attribute(f'svg rect.cell-box[data-cell="{cell}"]', "class")
    assert page.locator(".highlight").count() == 2  # that cell only, in the grid and on the page
    other = _key(doc, "MMLU", "Orca")
    page.click(f'table.grid [data-cell="{other}"]')
    assert "selected" in page.get_attribute(f"#r-{other}", "class")
    assert "selected" not in page.get_attribute(f"#r-{key}", "class")
    page.click(f'svg rect.cell-box[data-cell="{key}"]', force=True)
    assert "selected" in page.get_attribute(f"#r-{key}", "class")
    # the page image itself loaded
    assert page.evaluate("document.querySelector('svg.overlay image').getBBox().width") > 0


def test_keyboard_and_form_decisions_are_shown_after_a_reload(page, doc, store, outdir):
    page.goto(f"{page.base}/doc/{doc.doc_id}")
    accepted, rejected = _key(doc, "MMLU", "Nimbus"), _key(doc, "GSM8K", "Nimbus")
    corrected = _key(doc, "ARC-c", "Orca")

    page.click(f"#r-{accepted} td.value")
    with page.expect_navigation():
        page.keyboard.press("a")
    # back on the page, the next record selected
    page.click(f"#r-{rejected} td.value")
    with page.expect_navigation():
        page.keyboard.press("r")

    page.click(f"#r-{corrected} td.value")
    page.keyboard.press("c")  # opens the correction form, the value focused
    form = page.locator(f"#r-{corrected} details.correct form")
    form.locator("input[name=value]").fill("52.8")
    form.locator("input[name=setting]").fill("5-shot")
    with page.expect_navigation():
        form.locator("button.save").click()

    page.reload()
    assert "accept" in page.get_attribute(f"#r-{accepted}", "class")
    assert page.inner_text(f"#r-{accepted} td.decision").startswith("accepted by tester")
    assert page.inner_text(f"#r-{rejected} td.decision").startswith("rejected by tester")
    shown = page.inner_text(f"#r-{corrected} td.decision")
    assert shown.startswith("corrected by tester") and "value: 52.3 → 52.8" in shown
    assert page.inner_text(f"#r-{corrected} td.value").startswith("52.8")
    assert f"reviewed 3 of {len(doc.records)}" in page.inner_text("#progress")
    assert {r.decision.value for r in store.reviews()} == {"accept", "reject", "correct"}
    # and the leaderboards read from the store follow them
    boards = {
        b.dataset: {r.model: (r.value, r.review) for r in b.rows} for b in store_leaderboards(store.url)
    }
    assert boards["MMLU"]["Nimbus 7B"] == (61.2, "accepted")
    assert "Nimbus 7B" not in boards["GSM8K"]
    assert boards["ARC (Challenge)"]["Orca-X 13B"] == (52.8, "corrected")


def test_j_and_k_move_the_selection(page, doc):
    page.goto(f"{page.base}/doc/{doc.doc_id}")
    rows = page.locator("tr.record")
    first, second = rows.nth(0).get_attribute("id"), rows.nth(1).get_attribute("id")
    assert "selected" in rows.nth(0).get_attribute("class")
    page.keyboard.press("j")
    assert "selected" in page.get_attribute(f"#{second}", "class")
    page.keyboard.press("k")
    assert "selected" in page.get_attribute(f"#{first}", "class")
    page.keyboard.press("n")
    assert "selected" in page.get_attribute(f"#{second}", "class")
