"""The text columns of one row of a flattened table, split without knowing the page's names.

Labelled columns (task, dataset, metric) are peeled off the ends, the right end first; the model
keeps the rest. For each labelled column, the first rule that applies wins:
  1. the longest run of words the alias data know as that kind of label;
  2. the same words as that column in the row above;
  3. everything up to where the next column's label, known to the alias data, starts;
  4. structure: the ending shared with the rows above and below (minus a version number or a
     bracketed setting reaching back into the model); a dataset ends where a word starts that
     begins a model name on rows placed by rules 1-3, else where the start shared with the rows
     around ends; a task ends at its action noun ('... Reasoning'), else is that shared start
     minus its last word;
  5. one word, with the bracketed group that qualifies it ('Average (%)').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.vocab.names import Vocabulary
from extractor.vocab.scores import parse_value

_MAX_LABEL = 8  # words in the longest label the alias data are asked about
# Papers with Code task names end in an action noun: 'Question Answering', 'Code Generation'.
_TASK_HEAD = re.compile(r"^[A-Z][A-Za-z-]*(?:ing|ion|sis)$")
_LOOKUPS = {"task": Vocabulary.task, "dataset": Vocabulary.dataset, "metric": Vocabulary.metric}


@dataclass
class Context:
    aliases: Vocabulary
    previous: dict[int, list[str]]  # column -> words of that cell in the row above
    near: list[list[str]]  # the same text of the rows just above and below
    heads: set[str]  # first words of model names the alias data placed with certainty


def split_text(
    toks: list[str], roles: list[str | None], cols: list[int], ctx: Context
) -> tuple[list[tuple[int, int]], bool]:
    """Token span of each text column, and whether the alias data (or the row above) fixed every
    boundary. Labelled columns (task, dataset, metric) are peeled off both ends, the right end
    first; the one free column (the model) keeps what remains."""
    spans: list[tuple[int, int]] = [(0, 0)] * len(roles)
    lo, hi, a, b, sure = 0, len(roles), 0, len(toks), True
    while hi - lo > 1 and (roles[hi - 1] in _LOOKUPS or roles[lo] in _LOOKUPS):
        side = "right" if roles[hi - 1] in _LOOKUPS else "left"
        j = hi - 1 if side == "right" else lo
        # the rows around, aligned: only those that share what has been peeled off so far
        tail = len(toks) - b
        near = [
            o[a : len(o) - tail]
            for o in ctx.near
            if len(o) > a + tail and o[:a] == toks[:a] and o[len(o) - tail :] == toks[b:]
        ]
        n, ok = _take(toks[a:b], roles, cols, j, side, hi - lo - 1, ctx, near)
        sure = sure and ok
        if side == "right":
            spans[j], b, hi = (b - n, b), b - n, hi - 1
        else:
            spans[j], a, lo = (a, a + n), a + n, lo + 1
    for j in range(lo, hi - 1):  # free columns side by side: nothing tells them apart
        spans[j], a, sure = (a, a + 1), a + 1, False
    spans[hi - 1] = (a, b)
    return spans, sure


def _take(
    toks: list[str],
    roles: list[str | None],
    cols: list[int],
    j: int,
    side: str,
    need: int,
    ctx: Context,
    near: list[list[str]],
) -> tuple[int, bool]:
    """How many words at one end of `toks` belong to column j (leaving `need` for the others)."""
    limit = len(toks) - need

    def part(words: list[str], n: int) -> list[str]:
        return words[:n] if side == "left" else words[len(words) - n :]

    def known(role: str | None, words: list[str]) -> bool:
        return role in _LOOKUPS and bool(words) and _LOOKUPS[role](ctx.aliases, " ".join(words)) is not None

    for n in range(min(limit, _MAX_LABEL), 0, -1):  # 1. the longest label the alias data know
        if known(roles[j], part(toks, n)):
            return n, True
    prev = ctx.previous.get(cols[j])  # 2. the same label as the row above
    if prev and len(prev) <= limit and part(toks, len(prev)) == prev:
        return len(prev), True
    inner = j + 1 if side == "left" else j - 1
    neighbour = roles[inner] if 0 <= inner < len(roles) else None
    if neighbour in _LOOKUPS:  # 3. up to where the next column's known label starts
        for n in range(1, limit + 1):
            rest = toks[n:] if side == "left" else toks[: len(toks) - n]
            if any(known(neighbour, part(rest, m)) for m in range(1, min(len(rest), _MAX_LABEL) + 1)):
                return n, True
    return _guess(toks, roles[j], neighbour, side, limit, ctx.heads, near), False


def _guess(
    toks: list[str],
    role: str | None,
    neighbour: str | None,
    side: str,
    limit: int,
    heads: set[str],
    near: list[list[str]],
) -> int:
    """Structure, when the alias data cannot tell (4.), else one word with its brackets (5.)."""
    if side == "right":  # the ending shared with the rows around: 'Solve Rate'
        shared = min((n for n in (_shared_end(toks, o, limit) for o in near) if n), default=0)
        return shared or _one_word(toks, side, limit)
    start = min((n for n in (_shared_start(toks, o, limit) for o in near) if n), default=0)
    if neighbour == "model":  # up to a word that starts the page's model names, else the start shared around
        head = next((n for n in range(1, limit + 1) if n < len(toks) and toks[n].casefold() in heads), 0)
        return head or start or _one_word(toks, side, limit)
    if role == "task":  # the action noun that ends a task name, else the shared start but its last word
        i = next((i for i, t in enumerate(toks[:limit]) if _TASK_HEAD.match(t)), None)
        if i is not None:
            n = i + 1
            while n < limit and _TASK_HEAD.match(toks[n]):
                n += 1
            return n
        if start > 1:
            return start - _one_word(toks[:start], "right", start - 1)
    return _one_word(toks, side, limit)


def _shared_start(toks: list[str], other: list[str], limit: int) -> int:
    n = 0
    while n < min(len(toks), len(other), limit) and toks[n] == other[n]:
        n += 1
    return n


def _shared_end(toks: list[str], other: list[str], limit: int) -> int:
    """Words at the end shared with another row, minus what reaches back into a model name: up to
    a number (a version) and a leading bracketed setting."""
    n = 0
    while n < min(len(toks), len(other), limit) and toks[-1 - n] == other[-1 - n]:
        n += 1
    words = toks[len(toks) - n :]
    words = words[max((i + 1 for i, w in enumerate(words) if parse_value(w)), default=0) :]
    if words and words[0].startswith("("):
        close = next((i for i, w in enumerate(words) if w.endswith(")")), len(words) - 1)
        words = words[close + 1 :]
    return len(words)


def _one_word(toks: list[str], side: str, limit: int) -> int:
    """One word, with the bracketed group that qualifies it: 'ARC (Challenge)', 'Average (%)'."""
    n = 1
    if side == "left" and limit > 1 and toks[1].startswith("("):
        n = 2
        while n < limit and not toks[n - 1].endswith(")"):
            n += 1
    elif side == "right" and toks[-1].endswith(")"):
        while n < limit and not toks[-n].startswith("("):
            n += 1
        n += n < limit
    return n
