"""One score cell -> one raw result record: its number, unit, place in the table and labels as found."""

from __future__ import annotations

import re
from typing import Any

from extractor.model.document import Document, Table, TableEngine
from extractor.model.record import ResultRecord
from extractor.readers.roles import holds_score
from extractor.vocab.scores import ParsedValue
from extractor.vocab.settings import parse_setting

_PERCENT = re.compile(r"[(\[]\s*%\s*[)\]]|\bin\s+%|\bpercent(age)?s?\b", re.I)


def _implied_unit(table: Table, i: int, j: int) -> str | None:
    """A bare '52.4' under 'Accuracy (%)' in the caption, its column header or its row label is a
    percentage."""
    grid = table.grid  # a derived property: read once
    texts = [table.caption or "", grid[i][0] if grid[i] else ""]
    texts += [grid[h][j] for h in range(min(i, 3)) if j < len(grid[h])]
    return "%" if any(_PERCENT.search(t) for t in texts) else None


def spanned_below(table: Table) -> set[tuple[int, int]]:
    """The slots below the first row of each score cell spanning rows: the grid repeats its text
    there, but it is one score (a value centred on a label wrapped over two lines), so it gives one
    record, on its first row."""
    return {
        (r, k)
        for c in table.cells
        if c.rowspan > 1 and holds_score(c.text)
        for r in range(c.row + 1, c.row + c.rowspan)
        for k in range(c.col, c.col + c.colspan)
    }


def cell_record(
    doc: Document, table: Table, i: int, j: int, parsed: ParsedValue, **labels: Any
) -> ResultRecord:
    """The record of the score `parsed` read from cell (i, j); `labels` are the record's other fields (the
    labels as printed, and what the table says of them), `setting_raw` joined with a setting the cell
    notes. A cell OCR read keeps its reading as `value_raw` (`ocr_text`, where a slip was repaired),
    and every record of an OCR table is flagged `read-by-ocr`, so none reaches a leaderboard before a
    reviewer accepts it; one whose value is in doubt is flagged `ocr-low-confidence` as well."""
    cell = next((c for c in table.row_cells(i) if c.col == j), None)
    bold = cell is not None and cell.bold
    if table.engine == TableEngine.OCR:  # OCR's labels and values are right too rarely yet to publish unseen
        labels["flags"] = [*labels.get("flags", []), "read-by-ocr"]
    if cell is not None and cell.ocr_doubt:
        labels["flags"] = [*labels.get("flags", []), "ocr-low-confidence"]
    printed = cell.ocr_text if cell is not None and cell.ocr_text is not None else table.grid[i][j]
    setting_raw = labels.pop("setting_raw", None)
    if parsed.note and parse_setting(parsed.note):
        setting_raw = "; ".join(s for s in (setting_raw, parsed.note) if s)
    dataset_raw, model_raw = labels["dataset_raw"], labels["model_raw"]
    return ResultRecord(
        doc_id=doc.doc_id,
        source=doc.source,
        dataset=dataset_raw,
        model=model_raw,
        value=parsed.value,
        unit=parsed.unit or _implied_unit(table, i, j),
        spread=parsed.spread,
        markers=parsed.markers,
        value_raw=printed.strip(),
        page=table.page,
        table_index=table.index,
        row=i,
        col=j,
        bold=bold,
        setting_raw=setting_raw,
        **labels,
    )
