"""http(s) inputs against a server on 127.0.0.1 that the test starts."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from extractor.model.errors import FetchError, UnsupportedInputError
from extractor.model.options import BatchOptions, SourceOptions
from extractor.readers.url import fetch_url
from extractor.run import run
from tests.support.paths import REPO

PDF = (REPO / "samples" / "ruled-table.pdf").read_bytes()
HTML = (REPO / "samples" / "paper-page.html").read_bytes()


class _Pages(BaseHTTPRequestHandler):
    routes = {
        "/paper.pdf": (200, "application/pdf", PDF),
        "/paper.html": (200, "text/html; charset=utf-8", HTML),
        "/logo.png": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
        "/big.txt": (200, "text/plain", b"x" * 5000),
        "/gone": (404, "text/html", b"<h1>Not Found</h1>"),
    }

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.path == "/loop":
            self._send(302, "text/plain", b"", location="/loop")
        elif self.path == "/moved":
            self._send(301, "text/plain", b"", location="/paper.pdf")
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, "text/plain", b"late")
        else:
            self._send(*self.routes.get(self.path, (404, "text/plain", b"no")))

    def _send(self, code: int, ctype: str, body: bytes, location: str | None = None) -> None:
        try:
            self._write(code, ctype, body, location)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the timeout test)

    def _write(self, code: int, ctype: str, body: bytes, location: str | None) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


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
