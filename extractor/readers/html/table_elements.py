"""Every data <table> of a page as a Table, in document order.

Rules (see also grid.py for spans):
- Nested tables: an inner table that is itself kept as a table is left out of the outer
  cell's text (the outer cell keeps only its own text, and the outer table gets a note);
  an inner table that is skipped stays in the outer cell as flattened text.
- Layout tables are skipped: role="presentation"/"none", hidden, fewer than 2 rows or
  2 columns once empty lines are dropped, or no text at all.
- Caption: <caption>; else the <figcaption> of the enclosing <figure>; else the nearest
  preceding text (a sibling, or a sibling of a wrapper the table opens) starting "Table N".
"""

from __future__ import annotations

from extractor.model.document import Table, TableEngine
from extractor.readers.html.element_text import (
    BLOCK_TAGS,
    collapse,
    has_bold_style,
    in_hidden_subtree,
    in_navigation,
    is_skipped,
    tag_of,
    text_pieces,
    visible_text,
    wholly_bold,
)
from extractor.readers.html.spans import SourceCell, SourceRow, layout_table
from extractor.readers.roles import mark_cell_roles
from extractor.vocab.patterns import TABLE_LABEL

_ROW_GROUPS = {"thead": 0, "tbody": 1, "tfoot": 2}  # also the order browsers draw them in
_CELL_TAGS = ("td", "th")
_LAYOUT_ROLES = {"presentation", "none"}
_CAPTION_CLIMB = 3  # wrapper levels to climb looking for a "Table N" line
_STOP_CLIMB = {"body", "html", "td", "th", "table"}


def extract_tables(root) -> list[tuple[object, Table]]:
    """(element, Table) for each data table, indexed in document order."""
    elements = [t for t in root.iter("table") if not (in_hidden_subtree(t) or in_navigation(t))]
    kept: dict[object, Table] = {}
    # Inner tables first, so an outer cell knows which inner tables to leave out.
    for element in reversed(elements):
        table = _build(element, kept)
        if table is not None:
            kept[element] = table
    ordered = [(e, kept[e]) for e in elements if e in kept]
    for index, (_, table) in enumerate(ordered):
        table.index = index
    _note_nesting(ordered, kept)
    return ordered


def _note_nesting(ordered: list, kept: dict) -> None:
    for element, table in ordered:
        outer = _enclosing_kept_table(element, kept)
        if outer is not None:
            table.notes.append(f"nested in a cell of table {outer.index}")
            outer.notes.append(f"a cell holds table {table.index}, left out of the cell text")


def _enclosing_kept_table(element, kept: dict) -> Table | None:
    node = element.getparent()
    while node is not None:
        if node in kept:
            return kept[node]
        node = node.getparent()
    return None


def _build(element, kept: dict) -> Table | None:
    if (element.get("role") or "").strip().lower() in _LAYOUT_ROLES:
        return None
    rows, cells = _source_rows(element, kept)
    layout = layout_table(rows)
    if len(layout.grid) < 2 or len(layout.grid[0]) < 2:
        return None  # one row or one column (or no text): a layout box, not a table
    if _link_grid(cells, rows):
        return None  # every cell is a link: a menu laid out as a table
    notes = list(dict.fromkeys(layout.notes))  # the same repair can repeat on every row
    return mark_cell_roles(
        Table.from_cells(
            layout.cells,
            n_rows=len(layout.grid),
            n_cols=len(layout.grid[0]),
            caption=find_caption(element),
            header_rows=layout.header_rows,
            engine=TableEngine.HTML,
            notes=notes,
        )
    )


def _source_rows(table, kept: dict) -> tuple[list[SourceRow], list]:
    """The table's own rows (not those of nested tables), thead first and tfoot last."""
    groups: list[tuple[int, int, list]] = []  # (draw order, group id, row elements)
    loose: list = []

    def close_loose() -> None:
        if loose:
            groups.append((1, len(groups), list(loose)))
            loose.clear()

    for child in table:
        tag = tag_of(child)
        if tag in _ROW_GROUPS:
            close_loose()
            groups.append((_ROW_GROUPS[tag], len(groups), _group_rows(child)))
        elif tag == "tr" or tag in _CELL_TAGS:
            loose.append(child)
    close_loose()
    groups.sort(key=lambda g: (g[0], g[1]))
    rows: list[SourceRow] = []
    elements: list = []
    for order, gid, members in groups:
        for cells in _split_rows(members):
            sources = [_source_cell(cell, kept) for cell in cells]
            rows.append(SourceRow(cells=sources, group=gid, in_thead=order == 0))
            elements += cells
    return rows, elements


def _link_grid(cells: list, rows: list[SourceRow]) -> bool:
    texts = [source.text for row in rows for source in row.cells]
    filled = [(cell, text) for cell, text in zip(cells, texts, strict=True) if text]
    return bool(filled) and all(_only_links(cell, text) for cell, text in filled)


def _only_links(cell, text: str) -> bool:
    linked = "".join(visible_text(a) for a in cell.iter("a"))
    return linked.replace(" ", "") == text.replace(" ", "")


def _group_rows(group) -> list:
    return [c for c in group if tag_of(c) == "tr" or tag_of(c) in _CELL_TAGS]


def _split_rows(members: list) -> list[list]:
    """Rows of visible cells; cells sitting outside any <tr> (bad markup) form a row together."""
    rows: list[list] = []
    stray: list = []
    for member in members:
        if tag_of(member) == "tr":
            if stray:
                rows.append(stray)
                stray = []
            if not in_hidden_subtree(member):
                # the row and all above it are shown: a cell is hidden only by itself (no walk to the
                # root for every cell)
                rows.append([c for c in member if tag_of(c) in _CELL_TAGS and not is_skipped(c)])
        elif not in_hidden_subtree(member):
            stray.append(member)
    if stray:
        rows.append(stray)
    return rows


def _source_cell(cell, kept: dict) -> SourceCell:
    inner = {t for t in cell.iter("table") if t in kept}
    pieces = text_pieces(cell, skip=inner)
    text = collapse("".join(p for p, _ in pieces))
    return SourceCell(
        text=text,
        header=tag_of(cell) == "th",
        bold=bool(text) and (has_bold_style(cell) or wholly_bold(pieces)),
        rowspan=cell.get("rowspan"),
        colspan=cell.get("colspan"),
    )


def find_caption(table) -> str | None:
    for child in table:
        if tag_of(child) == "caption":
            text = visible_text(child)
            if text:
                return text
    figure = _enclosing_figure(table)
    if figure is not None:
        for caption in figure.iter("figcaption"):
            text = visible_text(caption)
            if text and _enclosing_figure(caption) is figure:  # not a sub-figure's caption
                return text
    return _preceding_label(table)


def _enclosing_figure(element):
    node = element.getparent()
    while node is not None:
        tag = tag_of(node)
        if tag == "figure":
            return node
        if tag in _CELL_TAGS:
            return None  # a figure around the outer table does not caption a nested one
        node = node.getparent()
    return None


def _preceding_label(table) -> str | None:
    """The nearest text before the table, when it reads like "Table 3: ..."."""
    node = table
    for _ in range(_CAPTION_CLIMB + 1):
        text = _text_before(node)
        if text is not None:
            return text if TABLE_LABEL.match(text) else None
        node = node.getparent()
        if node is None or tag_of(node) in _STOP_CLIMB:
            return None
    return None


def _text_before(node) -> str | None:
    """Text between the previous block and `node` within its parent: the inline run if any,
    else the previous block's text; None when the parent holds nothing before `node`."""
    run: list[str] = []
    sibling = node.getprevious()
    while sibling is not None:
        run.insert(0, sibling.tail or "")
        if tag_of(sibling) and not is_skipped(sibling):
            text = visible_text(sibling)
            if tag_of(sibling) in BLOCK_TAGS:
                inline = collapse("".join(run))
                if inline or text:
                    return inline or text
            else:
                run.insert(0, text)
        sibling = sibling.getprevious()
    parent = node.getparent()
    run.insert(0, (parent.text or "") if parent is not None else "")
    return collapse("".join(run)) or None
