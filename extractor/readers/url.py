"""Fetch an http(s) input with a time limit, a size limit and a bounded number of redirects.

The time limit is for the whole fetch, not for each read: httpx's timeout bounds one connect or
one read, so a server dripping a byte every few seconds would never hit it; the body is read
against a deadline as well, and a fetch ends at most one read (one timeout) after it."""

from __future__ import annotations

import time

import httpx

from extractor.model.errors import FetchError, UnsupportedInputError
from extractor.model.options import SourceOptions

ACCEPTED_TYPES = (
    "application/pdf",
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/octet-stream",
)
MAX_REDIRECTS = 5


def fetch_url(url: str, options: SourceOptions) -> bytes:
    if not url.lower().startswith(("http://", "https://")):
        raise UnsupportedInputError(f"unsupported URL scheme (only http and https): {url.split(':', 1)[0]}")
    deadline = time.monotonic() + options.url_timeout
    try:
        with httpx.Client(
            follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=options.url_timeout
        ) as client:
            with client.stream("GET", url) as response:
                response.raise_for_status()
                ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if ctype and ctype not in ACCEPTED_TYPES:
                    raise FetchError(f"content type {ctype!r} is not a PDF, HTML or text page")
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    if time.monotonic() > deadline:
                        raise httpx.ReadTimeout("the whole fetch took too long")
                    size += len(chunk)
                    if size > options.max_bytes:
                        raise FetchError(f"larger than {options.max_bytes} bytes")
                    chunks.append(chunk)
                return b"".join(chunks)
    except httpx.TooManyRedirects:
        raise FetchError(f"more than {MAX_REDIRECTS} redirects") from None
    except httpx.HTTPStatusError as e:
        raise FetchError(f"HTTP {e.response.status_code}") from None
    except httpx.TimeoutException:
        raise FetchError(f"timed out after {options.url_timeout:g} s") from None
    except httpx.HTTPError as e:
        raise FetchError(f"cannot fetch: {e}") from None
    except httpx.InvalidURL as e:  # not an HTTPError: a malformed host or port ('http://[::1')
        raise FetchError(f"not a valid URL: {e}") from None
