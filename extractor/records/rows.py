"""What a wide table's model rows say of themselves before records are made: rows that are the paper's
own variants (an ablation), and rows whose name is drawn where it cannot be told which row it names."""

from __future__ import annotations

import re

from extractor.model.document import Table
from extractor.readers.roles import holds_score
from extractor.records.axes import Layout

# The paper's own variants as model labels: 'Dense 7B w/ MQA', '+ R1 Distill', 'Baseline', 'Nimbus-A@1.2T'.
OWN_VARIANT = re.compile(r"\bw/o?(?=\s|$)|^\s*\+\s*\w|\bbaseline\b|@\d+(?:\.\d+)?[BT]\b", re.I)


# A row's name whose middle lies this share of the row's height away from its scores' middle names another
# row.
_LABEL_OFFSET = 0.35


def offset_rows(table: Table, layout: Layout) -> set[int]:
    """Model rows whose name is drawn between this row and the next ('MPT' set over two rows while its
    family has one: a multirow left over), while the row's scores sit level: which row the name is
    for is a guess, and the names of the rows below shift with it. PDF tables only (cells with boxes)."""
    if layout.models_on != "rows":
        return set()
    by_row: dict[int, list] = {}
    for c in table.cells:
        if c.rowspan == 1 and c.bbox is not None and c.row >= layout.header_rows:
            by_row.setdefault(c.row, []).append(c)  # one pass over the cells: wide tables have many
    out = set()
    for i, cells in by_row.items():
        names = [
            c
            for c in cells
            if c.col < layout.label_cols and c.text.strip() and layout.kinds.get(c.col, "name") == "name"
        ]
        scores = [c for c in cells if c.col >= layout.label_cols and holds_score(c.text)]
        if not names or not scores:
            continue
        mid = sum((c.bbox.top + c.bbox.bottom) / 2 for c in scores) / len(scores)
        height = max(c.bbox.bottom - c.bbox.top for c in scores)
        if any(abs((c.bbox.top + c.bbox.bottom) / 2 - mid) > _LABEL_OFFSET * height for c in names):
            out.add(i)
    return out


def mostly_own_variants(layout: Layout, sections: set[int]) -> bool:
    """Most model labels are the paper's own variants ('w/o shared experts', '+ MTP'): the table is an
    ablation, and its reference row ('Nimbus-MoE 16B' above them) one of its arms, not a result to rank."""
    if layout.models_on == "rows":
        models = [
            lab
            for i, lab in enumerate(layout.labels)
            if i >= layout.header_rows and i not in sections and lab
        ]
    else:
        models = [c for c in dict.fromkeys(layout.columns[layout.label_cols :]) if c]
    return len(models) >= 3 and sum(1 for m in models if OWN_VARIANT.search(m)) > len(models) / 2
