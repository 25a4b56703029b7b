"""A web server on 127.0.0.1 for the URL tests: the sample PDF and page, a redirect and a redirect
loop, a picture, a large page, a missing page, a slow one and one that drips a byte at a time."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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
        elif self.path == "/drip":
            self._drip()
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, "text/plain", b"late")
        else:
            self._send(*self.routes.get(self.path, (404, "text/plain", b"no")))

    def _drip(self, seconds: float = 10.0, gap: float = 0.1) -> None:
        """A byte every `gap` seconds: each read is quick, the whole body takes `seconds`."""
        n = int(seconds / gap)
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(n))
            self.end_headers()
            for _ in range(n):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(gap)
        except (BrokenPipeError, ConnectionResetError):
            pass

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


@contextmanager
def serve_pages() -> Iterator[str]:
    """The server's base URL while it runs."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}"
    finally:
        httpd.shutdown()
