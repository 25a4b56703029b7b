"""Join lines into running text, undoing line-end hyphenation with the document's own vocabulary."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from extractor.readers.pdf.chars import HYPHEN_MARK

_BREAK_MARKS = (HYPHEN_MARK, "\u00ad", "-", "\u2010")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-\u2010'’][^\W\d_]+)*")
_LAST_TOKEN = re.compile(r"([^\W\d_]+)[" + "".join(map(re.escape, _BREAK_MARKS)) + r"]$")
_FIRST_TOKEN = re.compile(r"^([^\W\d_]+)")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "\u00a0": " "})
# Endings that never stand as the second half of a compound: "reinforce-ment" is one word.
PURE_SUFFIXES = frozenset(
    "ment ments tion tions sion sions ation ations ing ings ed er ers est ly ness ity ities able ible "
    "al ally ial ous ive ives ize ized izes ise ised ance ence ship less ful ism ist ists ure ures ate "
    "ated ates ize izing ising ically ical".split()
)


@dataclass
class DocumentWords:
    """Words of one document, counted where no line break cut them."""

    words: set[str] = field(default_factory=set)
    compounds: set[str] = field(default_factory=set)  # "open-ended"
    heads: set[str] = field(default_factory=set)  # "non" from "non-English"
    tails: set[str] = field(default_factory=set)  # "ended" from "open-ended"

    def add(self, text: str) -> None:
        for token in _TOKEN.findall(text):
            token = token.lower().replace("\u2010", "-")
            if "-" in token:
                self.compounds.add(token)
                parts = token.split("-")
                self.heads.add(parts[0])
                self.tails.add(parts[-1])
                self.words.update(parts)
            else:
                self.words.add(token)

    def has_word(self, word: str) -> bool:
        """The word or a light inflection of it ("generated" finds "generate")."""
        w = word.lower()
        variants = {w, w + "s", w + "d", w + "ed", w + "es"}
        if w.endswith(("s", "d")):
            variants.add(w[:-1])
        if w.endswith(("ed", "es")):
            variants.add(w[:-2])
        if w.endswith("ing"):
            variants.update({w[:-3], w[:-3] + "e"})
        return any(v in self.words for v in variants)


def build_vocabulary(lines: Iterable[str]) -> DocumentWords:
    """Count every line's words, leaving out the two halves of a word a line break cut."""
    counter = VocabularyCounter()
    counter.feed(lines)
    return counter.vocab


@dataclass
class VocabularyCounter:
    """build_vocabulary fed page by page, in reading order (a word cut at a page's last line has
    its second half on the next page's first)."""

    vocab: DocumentWords = field(default_factory=DocumentWords)
    cut_before: bool = False

    def feed(self, lines: Iterable[str]) -> None:
        vocab, cut_before = self.vocab, self.cut_before
        for text in lines:
            text = text.translate(_LIGATURES)
            cut_after = bool(_LAST_TOKEN.search(text))
            if cut_before:
                text = _FIRST_TOKEN.sub("", text, count=1)
            if cut_after:
                text = _LAST_TOKEN.sub("", text)
            vocab.add(text)
            cut_before = cut_after
        self.cut_before = cut_before


def keep_hyphen(left: str, right: str, vocab: DocumentWords) -> bool:
    """Whether "left-" at a line end and "right" at the next line's start are a hyphenated compound.

    The document decides, in this order:
    1. a capitalised second half keeps the hyphen ("non-English");
    2. the joined word occurring elsewhere joins ("reinforce-ment" -> "reinforcement");
    3. the hyphenated form occurring elsewhere keeps ("open-ended");
    4. the first half heading other compounds ("non-", "model-") or the second half ending
       other compounds keeps;
    5. both halves occurring as words by themselves, the second half not a pure suffix
       like "-ment" or "-tion", keeps ("model-generated");
    6. anything else joins: a syllable break ("lan-guage", "thor-oughly").
    """
    if right[:1].isupper():
        return True
    lo, ro = left.lower(), right.lower()
    if (lo + ro) in vocab.words:
        return False
    if f"{lo}-{ro}" in vocab.compounds or lo in vocab.heads or ro in vocab.tails:
        return True
    return len(lo) > 1 and lo in vocab.words and ro not in PURE_SUFFIXES and vocab.has_word(ro)


def join_lines(lines: Sequence[str], vocab: DocumentWords) -> str:
    """Lines of one paragraph -> one string with single spaces and line-end hyphens resolved."""
    out = ""
    for raw_line in lines:
        line = " ".join(raw_line.translate(_LIGATURES).split())
        if not line:
            continue
        out = _join_two(out, line, vocab) if out else line
    return out.replace(HYPHEN_MARK, "-").replace("\u00ad", "")


def _join_two(left: str, right: str, vocab: DocumentWords) -> str:
    # only the last word of what is joined so far can end in a break: searching all of it made
    # joining a paragraph's lines quadratic in its length
    words = left.rsplit(maxsplit=1)
    head = _LAST_TOKEN.search(words[-1]) if words else None
    tail = _FIRST_TOKEN.match(right)
    if not head or not tail:
        return f"{left} {right}"
    if keep_hyphen(head.group(1), tail.group(1), vocab):
        return left[:-1] + "-" + right
    return left[:-1] + right
