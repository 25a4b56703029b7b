"""A document's pages between reading and analysis: in memory for a short document, in a temporary
file for a long one, so that a worker's memory does not grow with the number of pages.

The layout cuts a page into blocks only once the whole document is counted (tally.py), so every
page's words wait for the last page to be read. A long report's words take ~0.3 MB a page as
objects; pickled to a file they take nothing in memory, and reading a page back costs less than a
tenth of reading it from the PDF again. The file is unnamed (gone when closed, or when the process
dies); where it cannot be written (a full disk), the pages stay in memory.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from dataclasses import fields
from itertools import starmap
from operator import attrgetter
from typing import BinaryIO

from extractor.readers.pdf.words import Line, PageText, Word


class PageStore:
    def __init__(self, on_disk: bool) -> None:
        self._file: BinaryIO | None = None
        if on_disk:
            try:
                self._file = tempfile.TemporaryFile(prefix="extractor-pages-")
            except OSError:  # no writable temporary folder: the pages stay in memory
                pass
        self._at: dict[int, tuple[int, int]] = {}  # page number: offset and length in the file
        self._held: dict[int, PageText] = {}
        self._writing = self._file is not None
        self.numbers: list[int] = []  # in reading order

    def add(self, page: PageText) -> None:
        self.numbers.append(page.number)
        if self._writing:
            assert self._file is not None
            data = encode(page)
            try:
                offset = self._file.seek(0, 2)
                self._file.write(data)
                self._file.flush()  # a full disk says so here, not when the page is read back
                self._at[page.number] = (offset, len(data))
                return
            except OSError:  # no room on disk: this page and the rest stay in memory
                self._writing = False
        self._held[page.number] = page

    def get(self, number: int) -> PageText:
        held = self._held.get(number)
        if held is not None:
            return held
        assert self._file is not None
        offset, length = self._at[number]
        self._file.seek(offset)
        return decode(self._file.read(length))

    def __iter__(self) -> Iterator[PageText]:
        for number in self.numbers:
            yield self.get(number)

    def __len__(self) -> int:
        return len(self.numbers)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
            self._at.clear()


# A page as rows of plain values, which pickle writes and reads in C: pickling the Word and Line
# objects themselves goes through a Python __setstate__ per object, five times slower.
_WORD_FIELDS = tuple(f.name for f in fields(Word))
_LINE_FIELDS = tuple(f.name for f in fields(Line) if f.name != "words")
_PAGE_FIELDS = tuple(f.name for f in fields(PageText) if f.name not in ("words", "lines"))
_word_row, _line_row, _page_row = (
    attrgetter(*_WORD_FIELDS),
    attrgetter(*_LINE_FIELDS),
    attrgetter(*_PAGE_FIELDS),
)


def encode(page: PageText) -> bytes:
    """The page as bytes; decode gives an equal page back."""
    counts = [len(ln.words) for ln in page.lines]
    in_lines = (w for ln in page.lines for w in ln.words)
    if sum(counts) != len(page.words) or any(a is not b for a, b in zip(page.words, in_lines)):
        return pickle.dumps((None, page), pickle.HIGHEST_PROTOCOL)  # words apart from their lines
    rows = (_page_row(page), list(map(_word_row, page.words)), counts, list(map(_line_row, page.lines)))
    return pickle.dumps(rows, pickle.HIGHEST_PROTOCOL)


def decode(data: bytes) -> PageText:
    head, *rest = pickle.loads(data)
    if head is None:
        return rest[0]
    word_rows, counts, line_rows = rest
    words = tuple(starmap(Word, word_rows))
    lines = []
    at = 0
    setattr_ = object.__setattr__
    for count, values in zip(counts, line_rows, strict=True):
        line = object.__new__(Line)
        setattr_(line, "words", words[at : at + count])
        at += count
        for name, value in zip(_LINE_FIELDS, values, strict=True):
            setattr_(line, name, value)
        lines.append(line)
    return PageText(**dict(zip(_PAGE_FIELDS, head, strict=True)), words=words, lines=tuple(lines))
