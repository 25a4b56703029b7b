"""Each document's cost is bounded: a time limit per document, and a document past it fails alone."""

from __future__ import annotations

import os

from extractor.model.options import BatchOptions
from extractor.run import run
from tests.support.drawing import pdf
from tests.support.paths import REPO


def test_a_document_that_hangs_fails_alone_at_its_time_limit(tmp_path):
    fifo = tmp_path / "stalled.txt"
    os.mkfifo(fifo)  # reading it blocks for ever: nobody writes to it
    sample = REPO / "samples" / "ruled-table.pdf"
    report = run([str(fifo), str(sample)], tmp_path / "o", batch=BatchOptions(workers=2, timeout=2))
    stalled, ok = report.inputs
    assert (stalled.status, stalled.error) == ("failed", "timed out after 2 s (--timeout)")
    assert 2 <= stalled.seconds < 10
    assert (ok.status, ok.records) == ("ok", 9)
    assert (tmp_path / "o" / "results.csv").read_text(encoding="utf-8").count("\n") == 1 + 9


def test_a_pdf_over_the_page_limit_fails_alone(tmp_path):
    from extractor.model.options import PdfOptions, RunOptions

    sample = tmp_path / "three-pages.pdf"
    pages = [lambda page, n=n: page.text(72, 72, f"Page {n + 1} of a long report.") for n in range(3)]
    sample.write_bytes(pdf(*pages))
    ruled = REPO / "samples" / "ruled-table.pdf"
    tight = RunOptions(pdf=PdfOptions(page_limit=1))
    report = run([str(sample), str(ruled)], tmp_path / "o", tight, batch=BatchOptions(workers=0))
    assert [(i.status, i.error) for i in report.inputs] == [
        (
            "failed",
            "3 pages, over the page limit of 1 (--page-limit, or read the first pages with --max-pages)",
        ),
        ("ok", None),
    ]
    first_page = RunOptions(pdf=PdfOptions(page_limit=1, max_pages=1))
    report = run([str(sample)], tmp_path / "o2", first_page, batch=BatchOptions(workers=0))
    assert report.inputs[0].status == "ok"
