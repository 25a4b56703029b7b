"""Hostile input: the loaders and the flattened-table parser end with a Document or one of our errors, never
another exception. Bounded for CI: a fixed number of examples each, no deadline per example."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.model.errors import ExtractorError
from extractor.model.options import RunOptions
from extractor.readers.text.flat import find_flattened_tables
from extractor.vocab import load_vocabulary
from tests.support.paths import REPO

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
SEED_PDF = (REPO / "samples" / "ruled-table.pdf").read_bytes()
SEED_HTML = (REPO / "samples" / "paper-page.html").read_bytes()
SEED_TEXT = (REPO / "samples" / "results-page.txt").read_text(encoding="utf-8")


def _mutations(seed: bytes):
    """Truncations, overwritten byte runs and inserted junk of a valid file."""
    cut = st.integers(0, len(seed)).map(lambda n: seed[:n])
    patch = st.tuples(st.integers(0, len(seed) - 1), st.binary(min_size=1, max_size=64)).map(
        lambda p: seed[: p[0]] + p[1] + seed[p[0] + len(p[1]) :]
    )
    insert = st.tuples(st.integers(0, len(seed)), st.binary(min_size=1, max_size=256)).map(
        lambda p: seed[: p[0]] + p[1] + seed[p[0] :]
    )
    return st.one_of(cut, patch, insert)


@FUZZ
@given(_mutations(SEED_PDF))
def test_pdf_loader_survives_damaged_pdfs(data):
    from extractor.readers.pdf import read_pdf

    try:
        read_pdf(data, "fuzz", RunOptions(), load_vocabulary())
    except ExtractorError:
        pass


@FUZZ
@given(st.one_of(_mutations(SEED_HTML), st.binary(max_size=2000).map(lambda b: b"<html><table>" + b)))
def test_html_loader_survives_damaged_pages(data):
    from extractor.readers.html import read_html

    try:
        read_html(data, "fuzz", RunOptions(), load_vocabulary())
    except ExtractorError:
        pass


@FUZZ
@given(st.one_of(_mutations(SEED_TEXT.encode()), st.binary(max_size=2000)))
def test_text_loader_survives_any_bytes(data):
    from extractor.readers.text import read_text

    try:
        read_text(data, "fuzz", RunOptions(), load_vocabulary())
    except ExtractorError:
        pass


_TOKENS = st.sampled_from(
    [
        "Task",
        "Dataset",
        "Model",
        "Metric",
        "Name",
        "Value",
        "Global",
        "Rank",
        "#",
        "1",
        "4.80%",
        "-",
        "GSM8K",
        "MMLU",
        "(5-shot)",
        "Accuracy",
        "Resolved",
        "(assisted)",
        "Model 2",
        "",
        " ",
        "·",
    ]
)


@FUZZ
@given(st.lists(st.lists(_TOKENS, max_size=12).map(" ".join), max_size=12))
def test_flattened_table_parser_survives_any_lines(lines):
    header = "Task Dataset Model Metric Name Metric Value Global Rank"
    for table in find_flattened_tables([header, *lines]):
        assert all(len(row) == len(table.rows[0]) for row in table.rows) if hasattr(table, "rows") else True


def test_atheris_finds_no_crash_in_a_bounded_run(tmp_path):
    """A short coverage-guided run from the samples as seeds (where atheris installs)."""
    import shutil
    import subprocess
    import sys

    import pytest

    pytest.importorskip("atheris", reason="atheris does not install on this platform")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("ruled-table.pdf", "paper-page.html", "results-page.txt"):
        shutil.copy(REPO / "samples" / name, seeds / name)
    harness = REPO / "tests" / "fuzz" / "atheris_harness.py"
    done = subprocess.run(
        [sys.executable, str(harness), "-runs=400", "-max_len=20000", "-rss_limit_mb=2048", str(seeds)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Done 400 runs" in done.stderr
    assert not list(tmp_path.glob("crash-*"))
