"""Visible text of an element, as a reader sees it: hidden parts dropped, whitespace collapsed.

Walks use lxml's iterwalk rather than recursion, so deeply nested pages cannot exhaust the stack.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from lxml import etree

# Never shown as text: code, styling, embedded media, form widgets.
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "meta", "link", "base",
        "svg", "canvas", "iframe", "object", "embed", "audio", "video", "map",
        "button", "select", "option", "textarea", "input", "datalist",
    }
)  # fmt: skip

# Elements that break the line: their text never runs into a neighbour's.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "nav", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BOLD_TAGS = frozenset({"b", "strong"})
# Footnote markers and indices attach to what precedes them: "71.2<sup>†</sup>" is "71.2†".
GLUED_TAGS = frozenset({"sup", "sub"})

_HIDDEN_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b", re.I)
_BOLD_STYLE = re.compile(r"(?:^|;)\s*font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b", re.I)
_NAV_ROLES = {"navigation", "menu", "menubar"}
# Characters that take no room: zero-width spaces, word joiners, BOMs, soft hyphens.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad"), None)


def collapse(text: str) -> str:
    """Whitespace runs (including non-breaking spaces) to one space; invisible characters removed."""
    return " ".join(text.translate(_INVISIBLE).split())


def tag_of(el) -> str:
    """Lower-case tag name, or "" for comments and processing instructions."""
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def is_hidden(el, *, aria: bool = False) -> bool:
    """Hidden by the page itself (hidden attribute, inline display:none); `aria` adds aria-hidden."""
    if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    if el.get("type", "").lower() == "hidden":
        return True
    return aria and (el.get("aria-hidden") or "").strip().lower() == "true"


def is_skipped(el, *, aria: bool = False) -> bool:
    return tag_of(el) in SKIP_TAGS or not tag_of(el) or is_hidden(el, aria=aria)


def is_navigation(el) -> bool:
    """A menu or navigation bar: <nav>, or an element whose ARIA role says so."""
    return tag_of(el) == "nav" or (el.get("role") or "").strip().lower() in _NAV_ROLES


def in_navigation(el) -> bool:
    return is_navigation(el) or any(is_navigation(a) for a in el.iterancestors())


def has_bold_style(el) -> bool:
    return bool(_BOLD_STYLE.search(el.get("style") or ""))


def in_hidden_subtree(el, *, aria: bool = False) -> bool:
    """Whether this element or any ancestor is hidden or never shown."""
    node = el
    while node is not None:
        if is_skipped(node, aria=aria):
            return True
        node = node.getparent()
    return False


def visible_text(el, *, skip: Collection = (), aria: bool = False) -> str:
    """The element's visible text, collapsed; subtrees in `skip` are left out."""
    return collapse("".join(piece for piece, _ in text_pieces(el, skip=skip, aria=aria)))


def text_pieces(el, *, skip: Collection = (), aria: bool = False) -> list[tuple[str, bool | None]]:
    """(text, bold) runs in reading order; block boundaries and <br> give a space.

    `bold` is None for footnote markers (<sup>/<sub>): a bold value with a plain marker is still bold.
    """
    bold_depth = 0
    glued_depth = 0
    pieces: list[tuple[str, bool | None]] = []

    def add(text: str) -> None:
        pieces.append((text, None if glued_depth else bold_depth > 0))

    walker = etree.iterwalk(el, events=("start", "end"))
    for event, node in walker:
        tag = tag_of(node)
        if event == "start":
            if node is not el and (node in skip or is_skipped(node, aria=aria)):
                walker.skip_subtree()
                continue
            bold_depth += _is_bold(node, tag)
            glued_depth += tag in GLUED_TAGS
            if tag in BLOCK_TAGS or tag == "br":
                pieces.append((" ", None))
            elif tag in GLUED_TAGS:
                _glue(pieces)
            if node.text:
                add(node.text)
            continue
        if node is el:
            break
        if not (node in skip or is_skipped(node, aria=aria)):
            bold_depth -= _is_bold(node, tag)
            glued_depth -= tag in GLUED_TAGS
            if tag in BLOCK_TAGS:
                pieces.append((" ", None))
        if node.tail:
            add(node.tail)
    return pieces


def _is_bold(node, tag: str) -> bool:
    return tag in BOLD_TAGS or has_bold_style(node)


def _glue(pieces: list[tuple[str, bool | None]]) -> None:
    """Drop whitespace just before a <sup>/<sub> so the marker joins the value it annotates."""
    while pieces and not pieces[-1][0].strip():
        pieces.pop()
    if pieces:
        text, bold = pieces[-1]
        pieces[-1] = (text.rstrip(), bold)


def wholly_bold(pieces) -> bool:
    """True when there is text and every visible character of it sits inside bold markup."""
    seen = False
    for text, bold in pieces:
        if bold is None or not text.strip():
            continue
        if not bold:
            return False
        seen = True
    return seen
