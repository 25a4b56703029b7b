"""Every test PDF of pdfplumber and camelot (malformed, empty, encrypted, scanned, odd encodings) ends ok or
with a clear one-line error: none hangs, none takes the batch down, none is an internal error."""

from __future__ import annotations

from extractor.model.options import BatchOptions, PdfOptions, RunOptions
from extractor.run import run
from tests.support.paths import corpus_path

EXPECTED_FAILURES = {
    "empty.pdf": "empty file",
    "password-example.pdf": "encrypted PDF: a password is needed (--password)",
    "health_protected.pdf": "encrypted PDF: a password is needed (--password)",
}


def test_library_test_pdfs_end_ok_or_with_a_clear_error(tmp_path):
    folders = [corpus_path("pdfplumber", "tests", "pdfs"), corpus_path("camelot", "tests", "files")]
    # The first pages only: what breaks loaders is in the file's structure; the full run is a benchmark.
    options = RunOptions(pdf=PdfOptions(max_pages=3))
    report = run([str(f) for f in folders], tmp_path, options, batch=BatchOptions(workers=2, timeout=60))
    assert len(report.inputs) >= 90
    failed = {i.source.rsplit("/", 1)[-1]: i.error for i in report.inputs if i.status == "failed"}
    assert failed == EXPECTED_FAILURES
    crashed = [(i.source, w) for i in report.inputs for w in i.warnings if "Error" in w]
    assert crashed == []
