"""http(s) inputs in a batch, against a server on 127.0.0.1 that the test starts."""

from __future__ import annotations

import pytest

from extractor.model.options import BatchOptions
from extractor.run import run
from tests.support.web import serve_pages


@pytest.fixture(scope="module")
def server():
    with serve_pages() as url:
        yield url


def test_urls_in_a_batch(server, tmp_path):
    report = run(
        [f"{server}/paper.pdf", f"{server}/gone", "ftp://127.0.0.1/x.pdf"],
        tmp_path,
        batch=BatchOptions(workers=2),
    )
    assert [(i.status, i.records, i.error) for i in report.inputs] == [
        ("ok", 9, None),
        ("failed", 0, "HTTP 404"),
        ("failed", 0, "unsupported URL scheme (only http and https): ftp"),
    ]
