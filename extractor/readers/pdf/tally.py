"""What the layout needs to know of the whole document before it cuts any page into blocks, counted
page by page as the pages are read: the body font size, the page furniture (running headers,
footers, page numbers) and the words the hyphen joiner asks about. Counting as the pages come lets
a long document's pages wait on disk (page_store.py) instead of in memory."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from extractor.readers.pdf.hyphens import DocumentWords, VocabularyCounter
from extractor.readers.pdf.layout_settings import LayoutSettings
from extractor.readers.pdf.words import PageText

_PAGE_NUMBER = re.compile(r"^(page\s+)?(\d{1,4}|[ivxlc]{1,6})(\s*(/|of)\s*\d{1,4})?$", re.I)


@dataclass
class DocumentTally:
    settings: LayoutSettings
    pages: int = 0
    any_words: bool = False
    turned: list[int] = field(default_factory=list)  # pages read turned upright
    sizes: Counter[float] = field(default_factory=Counter)  # letters per font size (half points)
    margin_lines: dict[tuple[int, int], str] = field(default_factory=dict)  # (page, line): its key
    repeats: dict[str, set[int]] = field(default_factory=dict)  # margin key: pages it is on
    words: VocabularyCounter = field(default_factory=VocabularyCounter)

    def add(self, page: PageText) -> None:
        """One page, in reading order."""
        self.pages += 1
        self.any_words = self.any_words or bool(page.words)
        if page.turn:
            self.turned.append(page.number)
        sizes = self.sizes
        for w in page.words:
            sizes[round(w.size * 2) / 2] += len(w.text)
        share = self.settings.margin_share
        for i, line in enumerate(page.lines):
            if line.bottom < share * page.height or line.top > (1 - share) * page.height:
                key = re.sub(r"\d+", "#", line.text.lower()).strip()
                self.margin_lines[(page.number, i)] = key
                # a word repeated along one page's top is a table header: pages are counted, not lines
                self.repeats.setdefault(key, set()).add(page.number)
        self.words.feed(ln.text for ln in page.lines)

    def body_size(self) -> float:
        """The font size most of the document's letters are set in."""
        return self.sizes.most_common(1)[0][0] if self.sizes else self.settings.default_body_size

    def furniture(self) -> set[tuple[int, int]]:
        """(page, line index) of running headers, footers and page numbers: lines in the top or
        bottom margin that are a page number or repeat, digits aside, on several pages."""
        s = self.settings
        needed = (
            s.furniture_repeats
            if self.pages >= s.furniture_long_doc
            else max(s.furniture_min_repeats, self.pages)
        )
        return {
            k
            for k, key in self.margin_lines.items()
            if _PAGE_NUMBER.match(key.replace("#", "1")) or len(self.repeats[key]) >= needed
        }

    @property
    def vocab(self) -> DocumentWords:
        return self.words.vocab
