"""The abstract of a page, from metadata, marked-up containers or the lead paragraph.

First found wins: citation_abstract (or a Dublin Core abstract); the longest abstract container
(an element whose id/class names "abstract", or a heading "Abstract" and what follows it);
og:description, description, dc.description, twitter:description, skipping a description of
the site itself; last, the first long paragraph after the title heading, for landing pages
that mark nothing up. A description cut short ("...", or mid-sentence) gives way to a longer
text that begins the same way: another description, a container, or the page's own paragraph.
"""

from __future__ import annotations

import re

from extractor.readers.html.element_text import (
    HEADING_TAGS,
    collapse,
    in_hidden_subtree,
    tag_of,
    visible_text,
)
from extractor.readers.html.metadata import site_names
from extractor.vocab.patterns import ABSTRACT_LABEL

_ABSTRACT_KEYS = ("citation_abstract", "dc.description.abstract", "dcterms.abstract")
_DESCRIPTION_KEYS = (
    "og:description",
    "description",
    "dc.description",
    "dcterms.description",
    "twitter:description",
)

_TRUNCATED = re.compile(r"(?:\.\.\.|\u2026)\s*$")
_ENDS_SENTENCE = re.compile(r"[.!?)\]\"'\u201d\u2019]\s*$")

# An abstract is a paragraph or a few, not a label and not a whole section of the page.
_MIN_ABSTRACT_WORDS = 12
_MAX_ABSTRACT_CHARS = 6000
_LEAD_MIN_WORDS = 40  # a lead paragraph long enough to be a summary, not a byline
# Help texts of edit forms, links ("Show abstract") and menus mention abstracts without being one.
_NOT_ABSTRACT_TAGS = {"form", "label", "button", "textarea", "select", "option", "a", "nav"}
_STOPWORDS = set("a an and are as at by for from in into is of on or the to with".split())


def find_abstract(root, meta: dict[str, list[str]], title: str | None, blocks: list[str] = ()) -> str | None:
    """`blocks` are the page's text blocks, to complete a description that was cut short."""
    containers = abstract_containers(root)
    for key in _ABSTRACT_KEYS:
        if meta.get(key):
            return _complete(_strip_label(meta[key][0]), containers, meta, blocks)
    if containers:
        return max(containers, key=len)
    for key in _DESCRIPTION_KEYS:
        for text in meta.get(key, []):
            if not _is_site_blurb(text, title, meta):
                return _complete(text, containers, meta, blocks)
    return lead_paragraph(root, title)


def _complete(text: str, containers: list[str], meta: dict, blocks: list[str]) -> str:
    """A description cut short gives way to a longer text that begins the same way: another
    description, an abstract container, or the page's own paragraph(s)."""
    stem = _TRUNCATED.sub("", text).rstrip()
    candidates = containers + [v for key in _DESCRIPTION_KEYS for v in meta.get(key, [])]
    longer = [c for c in candidates if c.startswith(stem) and len(_TRUNCATED.sub("", c).rstrip()) > len(stem)]
    if longer:
        return max(longer, key=len)
    if _TRUNCATED.search(text) or not _ENDS_SENTENCE.search(text):
        return _in_page(stem, blocks) or text
    return text


def _in_page(stem: str, blocks: list[str]) -> str | None:
    """The page text from where `stem` starts to the end of the block where it ends."""
    joined = " ".join(blocks)
    start = joined.find(stem)
    if start < 0 or not stem:
        return None
    position = 0
    for block in blocks:
        position += len(block) + 1
        if position > start + len(stem):
            return joined[start : position - 1]
    return None


def _strip_label(text: str) -> str:
    return ABSTRACT_LABEL.sub("", text, count=1).strip()


def abstract_containers(root) -> list[str]:
    """Texts of the page's abstract containers, each with its "Abstract" label removed."""
    texts = []
    for element in root.iter():
        if not tag_of(element) or not _names_abstract(element):
            continue
        if _in_form(element) or in_hidden_subtree(element, aria=True):
            continue
        if tag_of(element) in HEADING_TAGS or _is_label(element):
            text = _after_heading(element)
        else:
            text = _strip_label(visible_text(element))
        if _plausible_abstract(text):
            texts.append(text)
    for heading in _abstract_headings(root):
        text = _after_heading(heading)
        if _plausible_abstract(text):
            texts.append(text)
    return texts


def _names_abstract(element) -> bool:
    names = f"{element.get('id') or ''} {element.get('class') or ''}".lower()
    return "abstract" in names


def _is_label(element) -> bool:
    """An element whose whole text is the word "Abstract" (a heading styled with a class)."""
    return ABSTRACT_LABEL.sub("", visible_text(element)) == "" and bool(visible_text(element))


def _in_form(element) -> bool:
    chain = [element, *element.iterancestors()]
    return any(tag_of(a) in _NOT_ABSTRACT_TAGS for a in chain)


def _abstract_headings(root):
    for element in root.iter(*HEADING_TAGS, "strong", "b", "dt"):
        if _is_label(element) and not _in_form(element) and not in_hidden_subtree(element, aria=True):
            yield element


def _after_heading(heading) -> str:
    """Text of the siblings after a heading, up to the next heading."""
    # A label alone in its paragraph ("<p><b>Abstract</b></p>") heads what follows the paragraph.
    while heading.getparent() is not None and tag_of(heading.getparent()) not in ("body", "html"):
        if visible_text(heading.getparent()) != visible_text(heading):
            break
        heading = heading.getparent()
    parts = []
    tail = collapse(heading.tail or "")
    if tail:
        parts.append(tail)
    for sibling in heading.itersiblings():
        if tag_of(sibling) in HEADING_TAGS:
            break
        if tag_of(sibling) and not in_hidden_subtree(sibling):
            parts.append(visible_text(sibling))
        parts.append(collapse(sibling.tail or ""))
    return collapse(" ".join(parts))


def _plausible_abstract(text: str) -> bool:
    return len(text.split()) >= _MIN_ABSTRACT_WORDS and len(text) <= _MAX_ABSTRACT_CHARS


def _is_site_blurb(text: str, title: str | None, meta: dict) -> bool:
    """A description about the site ("Since its start, Site X has published ..."), not the page."""
    sites = site_names(meta)
    if not sites or not any(re.search(rf"\b{re.escape(s)}\b", text, re.I) for s in sites):
        return False
    return not (_content_words(text) & _content_words(title or ""))


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in _STOPWORDS}


def lead_paragraph(root, title: str | None) -> str | None:
    """The first long paragraph after the title heading: many landing pages show the abstract
    there without marking it. Paragraphs that follow it in a container of nothing but
    paragraphs belong to it, as long as the whole stays abstract-sized."""
    heading = _heading_with_text(root, title) if title else None
    if heading is None:
        return None
    for element in _following(heading):
        if tag_of(element) == "p" and not in_hidden_subtree(element):
            text = visible_text(element)
            if len(text.split()) >= _LEAD_MIN_WORDS:
                return _with_sibling_paragraphs(element, text)
    return None


def _with_sibling_paragraphs(paragraph, text: str) -> str:
    parent = paragraph.getparent()
    if parent is None or any(tag_of(child) != "p" for child in parent):
        return text
    whole = visible_text(parent)
    return whole if len(whole) <= _MAX_ABSTRACT_CHARS else text


def _heading_with_text(root, text: str):
    wanted = text.lower()
    for heading in root.iter(*HEADING_TAGS):
        if visible_text(heading).lower() == wanted:
            return heading
    return None


def _following(element):
    """Elements after `element` in document order (not its descendants)."""
    node = element
    while node is not None:
        for sibling in node.itersiblings():
            yield sibling
            yield from sibling.iterdescendants()
        node = node.getparent()
