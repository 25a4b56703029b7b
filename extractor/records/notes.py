"""What a table's notes say of the scores and labels their marks point at.

A note is a sentence of the caption, or a line under a PDF table that begins with a mark ('* conducted
on the text-only HLE subset'); the caption's notes come first. A note that speaks of a subset or split
and names one of the marked benchmark's subsets (whole words) puts the marked scores on it; one that
says the marked results are not comparable flags them; a clause saying the authors built some of the
benchmarks ('the audio versions of X and Y are newly constructed') makes those benchmarks' records no
public benchmark's. Other notes ('† reported by the original authors') change nothing.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from extractor.model.document import Table, TextBlock
from extractor.model.record import ResultRecord
from extractor.records.caption import SENTENCE_END, named_benchmarks, settings_in
from extractor.records.label_index import LabelIndex
from extractor.vocab.names import Vocabulary, alias_key
from extractor.vocab.patterns import FOOTNOTE_MARKS

# '∗' and '⋆' are the same mark as '*'.
_SAME_MARK = str.maketrans({"∗": "*", "⋆": "*"})
_MARKS = re.escape(FOOTNOTE_MARKS)
# A note that begins with its mark, or a sentence saying what a mark stands for.
_LEADING = re.compile(rf"(?:^|(?<=[.!?;])\s*|(?<=\s))(?P<mark>[{_MARKS}]+)\s*(?P<text>[^{_MARKS}]+)")
_STANDS_FOR = re.compile(
    rf"(?:marked|denoted|indicated|labell?ed)\s+(?:with|by|as)\s*[\"“”'‘’]?(?P<mark>[{_MARKS}]+)|"
    rf"(?P<mark2>[{_MARKS}]+)[\"“”'‘’]?\s+(?:denotes?|indicates?|means?|marks?)\b",
    re.I,
)
# Results a note says are not like the others: a reader must check them before they are ranked.
_CAVEAT = re.compile(
    r"\bfor reference only\b|\bnot (?:directly )?comparable\b|\bnon-standard\b|\bunofficial\b|"
    r"\bnot (?:the )?official\b|\b(?:spoken|audio|speech|translated) versions?\b|\bcontaminat",
    re.I,
)
# A clause saying the authors made a benchmark themselves ('newly constructed ... in this study').
_BUILT = re.compile(
    r"\b(?:newly|we)\s+(?:constructed|built|created|collected|curated)\b|"
    r"\bconstructed (?:by us|in this (?:work|study|paper))\b",
    re.I,
)
_CLAUSES = re.compile(rf";|,\s*(?=(?:while|whereas|but)\b)|{SENTENCE_END.pattern}")


class TableNotes(BaseModel):
    marks: dict[str, str] = {}  # mark -> the note that says what it stands for
    built: list[str] = []  # benchmarks (canonical) the notes say the authors built


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def lines_under(table: Table, tables: list[Table], blocks: list[TextBlock]) -> list[str]:
    """The texts under a PDF table that begin with a mark, down to the next table below it on its page.
    HTML and text pages give none: their blocks have no place on a page to tell which table they are under."""
    if table.page is None or table.bbox is None:
        return []
    top = table.bbox.bottom - 1
    below = [t.bbox.top for t in tables if t.page == table.page and t.bbox is not None and t.bbox.top > top]
    bottom = min(below, default=float("inf"))
    return [
        b.text
        for b in blocks
        if b.page == table.page
        and b.bbox is not None
        and top <= b.bbox.top < bottom
        and b.text.lstrip()[:1] in tuple(FOOTNOTE_MARKS)
    ]


def read_notes(caption: str | None, lines: list[str], vocab: Vocabulary) -> TableNotes:
    """`lines`: the footnote lines under the table, each beginning with its mark (see `lines_under`)."""
    marks: dict[str, str] = {}
    built: list[str] = []
    # the caption's own notes first: a line under the table cannot override what the caption says
    for sentence in _sentences(re.sub(r"\s+", " ", caption or "")):
        if m := _STANDS_FOR.search(sentence):
            marks.setdefault((m.group("mark") or m.group("mark2")).translate(_SAME_MARK), sentence)
        for clause in _CLAUSES.split(sentence):
            if _BUILT.search(clause):
                built += [name for name in named_benchmarks(clause, vocab) if name not in built]
    for line in lines:
        for m in _LEADING.finditer(line):
            marks.setdefault(m.group("mark").translate(_SAME_MARK), m.group("text").strip())
    return TableNotes(marks=marks, built=built)


def trailing_marks(label: str) -> str:
    """The marks after a label's words: 'TriviaQA*' -> '*'."""
    m = re.search(rf"[{_MARKS}]+$", label.strip())
    return m.group(0).translate(_SAME_MARK) if m else ""


# A note about what the marked scores were measured on, not how they were got ('averaged over multiple runs').
_ON_PART = re.compile(r"\b(subsets?|splits?|sets?|only|portion|part)\b", re.I)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[\w+]+(?:-[\w+]+)*", text.casefold())) + " "


def mark_subset(note: str, subsets: list[str]) -> str | None:
    """The one subset of the marked benchmark a note names as what the scores were measured on ('conducted
    on the text-only HLE subset'): whole words only, and the note must speak of a subset or split."""
    if not _ON_PART.search(note):
        return None
    words = _words(note)
    found = [s for s in subsets if len(alias_key(s)) > 3 and _words(s) in words]
    return found[0] if len(found) == 1 else None


def is_caveat(note: str) -> bool:
    return bool(_CAVEAT.search(note))


def with_notes(rec: ResultRecord, notes: TableNotes, index: LabelIndex, aliases: Vocabulary) -> ResultRecord:
    """The record as the notes on its marks have it: a subset its score was measured on, or a caveat
    (flagged); and flagged when its benchmark is one the notes say the authors built. `rec` is left as
    it is."""
    flags, subset_raw, setting_raw = rec.flags, rec.subset_raw, rec.setting_raw
    benchmark = index.benchmark(rec.dataset_raw, aliases) or index.benchmark(
        rec.dataset_raw.rstrip(FOOTNOTE_MARKS), aliases
    )
    if benchmark and benchmark in notes.built:
        flags = [*flags, "in-house-benchmark"]
    marks = {
        m
        for m in (
            (rec.markers or "").translate(_SAME_MARK),
            trailing_marks(rec.dataset_raw),
            trailing_marks(rec.model_raw),
        )
        if m
    }
    for mark in sorted(marks):
        note = notes.marks.get(mark)
        if note is None:
            continue
        entry = aliases.dataset(benchmark) if benchmark else None
        if entry and (subset := mark_subset(note, entry.entry.subsets)):
            subset_raw = "; ".join(s for s in (subset_raw, subset) if s)
        elif is_caveat(note):
            flags = [*flags, "marked-caveat"]
        elif settings := settings_in(note):
            # '** with no thinking': this score's setting too; a thinking mode it names wins over the label's
            setting_raw = "; ".join(s for s in (setting_raw, *settings) if s)
    return rec.model_copy(update={"flags": flags, "subset_raw": subset_raw, "setting_raw": setting_raw})
