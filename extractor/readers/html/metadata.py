"""A page's <meta> tags and its title.

Title, first found wins: citation_title, og:title, dc.title (dcterms.title), the first visible
<h1> (one that the <title> repeats is preferred), then <title> less a trailing " | Site" part.
A metadata title that copies the <title> ("Topic - Site") loses the suffix when the page's
<h1> confirms it.
"""

from __future__ import annotations

import html
import re

from extractor.readers.html.element_text import collapse, in_hidden_subtree, tag_of, visible_text

_TITLE_KEYS = ("citation_title", "og:title", "dc.title", "dcterms.title")
_SITE_KEYS = ("og:site_name", "application-name")

# " | Site", " - Site", " — Site", " · Site" at the end of a <title>.
_SEPARATOR = re.compile(r"\s+(?:[|\-\u2013\u2014\u00b7\u2022:]{1,2}|::|\u00ab|\u00bb)\s+")
_SITE_WORDS = 4
_SITE_CHARS = 40
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);")


def read_meta(root) -> dict[str, list[str]]:
    """name/property (lower-cased) -> contents, in page order."""
    found: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        content = _clean(meta.get("content") or "")
        if not content:
            continue
        for attr in ("name", "property", "itemprop"):
            key = (meta.get(attr) or "").strip().lower()
            if key:
                found.setdefault(key, []).append(content)
    return found


def _clean(text: str) -> str:
    """Collapse whitespace; decode entities a page escaped twice ("&amp;amp;")."""
    if _ENTITY.search(text):
        text = html.unescape(text)
    return collapse(text)


def find_title(root, meta: dict[str, list[str]]) -> str | None:
    headings = _visible_h1s(root)
    for key in _TITLE_KEYS:
        if meta.get(key):
            return _drop_confirmed_suffix(meta[key][0], headings)
    page_title = _page_title(root)
    heading = _title_heading(headings, page_title)
    if heading is not None:
        return visible_text(heading)
    if page_title:
        return strip_site_suffix(page_title, site_names(meta))
    return None


def _page_title(root) -> str | None:
    for title in root.iter("title"):
        # An <svg><title> is a tooltip, not the page's title.
        if not any(tag_of(a) == "svg" for a in title.iterancestors()):
            return _clean(title.text_content()) or None
    return None


def _visible_h1s(root) -> list:
    return [h for h in root.iter("h1") if not in_hidden_subtree(h) and visible_text(h)]


def _drop_confirmed_suffix(title: str, headings: list) -> str:
    """Metadata titles copy the <title> on some sites ("Topic - Site"); when the page's <h1> is
    exactly the part before the separator, the rest is the site's name."""
    head, suffix = _split_suffix(title)
    if not head or len(suffix.split()) > _SITE_WORDS:
        return title
    lowered = head.lower()
    return head if any(visible_text(h).lower() == lowered for h in headings) else title


def _title_heading(headings: list, page_title: str | None):
    """The first visible <h1>, unless the <title> repeats another one: then the longest such
    (a site's logo is often an earlier <h1>, and the <title> names the site too)."""
    lowered = (page_title or "").lower()
    repeated = [h for h in headings if visible_text(h).lower() in lowered]
    if repeated:
        return max(repeated, key=lambda h: len(visible_text(h)))
    return headings[0] if headings else None


def site_names(meta: dict[str, list[str]]) -> set[str]:
    return {v.lower() for key in _SITE_KEYS for v in meta.get(key, [])}


def strip_site_suffix(title: str, sites: set[str] = frozenset()) -> str:
    """Drop a trailing " | Site Name" when it is clearly a separator and a site name."""
    head, suffix = _split_suffix(title)
    if head and suffix and (suffix.lower() in sites or _looks_like_site(suffix)):
        return head
    return title


def _split_suffix(title: str) -> tuple[str, str]:
    """(before, after) the last separator; ("", "") when there is none."""
    separators = list(_SEPARATOR.finditer(title))
    if not separators:
        return "", ""
    last = separators[-1]
    return title[: last.start()].strip(), title[last.end() :].strip()


def _looks_like_site(suffix: str) -> bool:
    words = suffix.split()
    if len(words) > _SITE_WORDS or len(suffix) > _SITE_CHARS:
        return False
    if re.search(r"[?!,;:]", suffix):
        return False
    # Site names are capitalised words, acronyms, camel case or domains ("The Blog", "arXiv", "example.org").
    return all(re.search(r"[A-Z0-9]", w) for w in words) or bool(re.search(r"\w\.\w", suffix))
