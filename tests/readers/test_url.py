"""http(s) inputs fetched from a server on 127.0.0.1 that the test starts."""

from __future__ import annotations

import pytest

from extractor.model.errors import FetchError, UnsupportedInputError
from extractor.model.options import SourceOptions
from extractor.readers.url import fetch_url
from tests.support.web import HTML, PDF, serve_pages


@pytest.fixture(scope="module")
def server():
    with serve_pages() as url:
        yield url


def test_a_pdf_and_a_page_by_url_and_a_redirect(server):
    assert fetch_url(f"{server}/paper.pdf", SourceOptions()) == PDF
    assert fetch_url(f"{server}/moved", SourceOptions()) == PDF
    assert fetch_url(f"{server}/paper.html", SourceOptions()) == HTML


@pytest.mark.parametrize(
    "path, options, reason",
    [
        ("/gone", SourceOptions(), "HTTP 404"),
        ("/loop", SourceOptions(), "more than 5 redirects"),
        ("/logo.png", SourceOptions(), "content type 'image/png' is not a PDF, HTML or text page"),
        ("/big.txt", SourceOptions(max_bytes=1000), "larger than 1000 bytes"),
        ("/slow", SourceOptions(url_timeout=0.5), "timed out after 0.5 s"),
        # a byte every 0.1 s for 10 s: no read waits long, the whole fetch does (old main read it all)
        ("/drip", SourceOptions(url_timeout=0.5), "timed out after 0.5 s"),
    ],
)
def test_url_failures_have_one_clear_reason(server, path, options, reason):
    with pytest.raises(FetchError) as caught:
        fetch_url(server + path, options)
    assert str(caught.value) == reason


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/paper.pdf", "file:///etc/passwd"])
def test_other_schemes_are_refused(url):
    with pytest.raises(UnsupportedInputError, match="unsupported URL scheme"):
        fetch_url(url, SourceOptions())


@pytest.mark.parametrize("url", ["http://[::1", "https://[::1:8080/"])
def test_a_malformed_url_is_one_clear_error(url):
    with pytest.raises(FetchError, match="not a valid URL"):
        fetch_url(url, SourceOptions())
