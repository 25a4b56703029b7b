"""docs/review.png, the README's picture of the review page: a real report of the corpus run through
`extractor run` into tmp, its review page opened in headless chromium at its first table with records,
one record selected. Skipped without the corpus or a browser."""

from __future__ import annotations

import pytest

from extractor.model.options import BatchOptions
from extractor.review.app import create_app
from extractor.run import run
from extractor.store import open_store
from tests.support.browser import browser, served
from tests.support.paths import REPO, corpus_path

REPORT = ("reports", "mistral-7b_arXiv-2310.06825v1.pdf")
SHOT = REPO / "docs" / "review.png"
VIEWPORT = {"width": 1500, "height": 950}


@pytest.mark.corpus
def test_screenshot_of_a_corpus_reports_review_page(tmp_path):
    source = corpus_path(*REPORT)
    out = tmp_path / "out"
    report = run([str(source)], out, batch=BatchOptions(workers=0))
    assert not report.failed and report.inputs[0].records > 0
    with open_store(None, out, must_exist=True) as store, browser() as chromium:
        with served(create_app(out, store, reviewer="curator")) as base:
            tab = chromium.new_page(viewport=VIEWPORT)
            tab.goto(f"{base}/doc/{report.inputs[0].doc_id}")
            section = tab.locator("section.table-view").first
            assert section.locator("svg.overlay rect.cell-box").count() > 0  # the page image with its boxes
            section.locator("tr.record td.value").nth(1).click()
            assert tab.locator("table.grid .highlight").count() == 1
            section.scroll_into_view_if_needed()
            tab.evaluate("document.querySelector('section.table-view').scrollIntoView()")
            SHOT.parent.mkdir(exist_ok=True)
            tab.screenshot(path=str(SHOT))
    assert SHOT.stat().st_size > 10_000
