"""Whose model is it: the document's own (named in its title, or marked 'ours') or a baseline it compares
with."""

from __future__ import annotations

import re

# Title words that name the kind of document, not the model: 'X Technical Report', 'X Model Card'.
_GENERIC = re.compile(
    r"\b(technical|tech|report|model|card|system|paper|release|notes?|preview|overview|introducing|"
    r"evaluation|documentation|version|the|a|an)\b.*$",
    re.I,
)
# A title goes on to describe the model after these: 'Orca of Experts', 'X: Open-source ...'.
_DESCRIPTION = re.compile(r"\s(of|for|with|on|in|to|via|towards?|–|—|-)\s.*$|[:|].*$", re.I)
_OURS = re.compile(r"\(\s*ours\s*\)|\bours\b", re.I)
_DATE = re.compile(
    r"\b(19|20)\d\d([-./]\d\d?)*\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I
)


def name_words(name: str) -> list[str]:
    """'Nimbus-V2-Lite Chat' -> ['nimbus', 'v', '2', 'lite', 'chat']: case and punctuation dropped."""
    return re.findall(r"[a-z]+|\d+(?:\.\d+)?[a-z]*", name.casefold())


def own_names(title: str | None) -> list[list[str]]:
    """The model names a title announces, as words: 'X-14B: Open ... Models' -> [['x', '14b']];
    'A-120b & A-20b Model Card' -> two names."""
    if not title:
        return []
    head = _DESCRIPTION.sub("", title.strip())
    names = []
    for part in re.split(r"\s*(?:&|,|\band\b)\s*", head):
        part = _DATE.sub("", _GENERIC.sub("", part)).strip(" -–—")
        words = name_words(part)
        if words and len(words) <= 6:
            names.append(words)
    return names


def is_ours(label: str) -> bool:
    return bool(_OURS.search(label))


def strip_ours(label: str) -> str:
    return re.sub(r"\s+", " ", _OURS.sub("", label)).strip(" -")


def model_role(model: str, model_raw: str, own: list[list[str]]) -> str | None:
    """'own' when the name contains a name the title announces (as whole words, in order) or says 'ours';
    'baseline' otherwise; None when the document names no model of its own."""
    if is_ours(model_raw):
        return "own"
    if not own:
        return None
    words = name_words(model)
    for name in own:
        n = len(name)
        if any(words[i : i + n] == name for i in range(len(words) - n + 1)):
            return "own"
    return "baseline"
