"""The page's running text as TextBlocks: one per heading, paragraph or caption, in reading order.

Text belongs to its innermost block element, so "<div>intro<p>para</p>tail</div>" gives
three blocks. Data tables are not repeated here (their <caption> is, as a caption block);
layout tables are read as ordinary text. Navigation menus are left out.
"""

from __future__ import annotations

from lxml import etree

from extractor.model.document import BlockKind, TextBlock
from extractor.readers.html.element_text import (
    BLOCK_TAGS,
    GLUED_TAGS,
    HEADING_TAGS,
    collapse,
    is_navigation,
    is_skipped,
    tag_of,
    visible_text,
)
from extractor.vocab.patterns import CAPTION_BLOCK

_CAPTION_TAGS = {"caption", "figcaption"}


def extract_blocks(root, data_tables: set, title: str | None) -> list[TextBlock]:
    body = root.find("body")
    walker = _BlockWalker(data_tables)
    walker.walk(body if body is not None else root)
    _mark_title(walker.blocks, title)
    return walker.blocks


class _BlockWalker:
    def __init__(self, data_tables: set):
        self.data_tables = data_tables
        self.blocks: list[TextBlock] = []
        self.buffer: list[str] = []
        self.open: list[str] = []  # tags of the block elements we are inside

    def walk(self, top) -> None:
        walker = etree.iterwalk(top, events=("start", "end"))
        for event, node in walker:
            tag = tag_of(node)
            skipped = node in self.data_tables or is_navigation(node) or is_skipped(node)
            if event == "start":
                if skipped:
                    walker.skip_subtree()
                    if node in self.data_tables:
                        self._table_caption(node)
                    continue
                self._start(node, tag)
            else:
                if not skipped:
                    self._end(tag)
                if node is not top and node.tail:
                    self.buffer.append(node.tail)
        self._flush()

    def _start(self, node, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
            self.open.append(tag)
        elif tag == "br":
            self.buffer.append(" ")
        elif tag in GLUED_TAGS and self.buffer:
            self.buffer[-1] = self.buffer[-1].rstrip()
        if node.text:
            self.buffer.append(node.text)

    def _end(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self._flush()
            if self.open:
                self.open.pop()

    def _flush(self) -> None:
        text = collapse("".join(self.buffer))
        self.buffer.clear()
        if text:
            self.blocks.append(TextBlock(text=text, kind=self._kind(text)))

    def _kind(self, text: str) -> BlockKind:
        for tag in reversed(self.open):
            if tag in HEADING_TAGS:
                return BlockKind.HEADING
            if tag in _CAPTION_TAGS:
                return BlockKind.CAPTION
        return BlockKind.CAPTION if CAPTION_BLOCK.match(text) else BlockKind.PARAGRAPH

    def _table_caption(self, table) -> None:
        self._flush()
        for child in table:
            if tag_of(child) == "caption":
                text = visible_text(child)
                if text:
                    self.blocks.append(TextBlock(text=text, kind=BlockKind.CAPTION))


def _mark_title(blocks: list[TextBlock], title: str | None) -> None:
    """The heading that shows the document's title is its title block."""
    if not title:
        return
    for block in blocks:
        if block.kind == BlockKind.HEADING and block.text == title:
            block.kind = BlockKind.TITLE
            return
