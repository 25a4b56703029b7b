"""Tables found on OCR words: marked engine `ocr`, each cell with the lowest confidence of its words,
and the typical slips of score cells repaired where the column makes the reading certain.

Tesseract mistakes digits for letters that look like them (`O` for `0`, `l` or `I` for `1`, `S`
for `5`), loses a decimal point, reads `%` as `96`, or reads an underline or a rule's end beside a
score as a dash or a quote (`—71.0`). A slip is repaired only when the other scores of its column
agree on the shape the repair gives (the same number of decimals, all with `%` or all without;
`agree_share` of them, since a column may hold another slip) and the repair changes one character
(or drops marks beside the number); a repair the column does not confirm, or a
word read with low confidence, leaves the cell in doubt (`ocr_doubt`): the records stage flags its
records `ocr-low-confidence`. The text as OCR read it stays in `ocr_text`, which records keep as
`value_raw`.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from extractor.model.document import Cell, Table, TableEngine
from extractor.readers.pdf.ocr import OcrArea
from extractor.readers.pdf.ocr_labels import (
    repair_label,
    repair_name_words,
    repair_notes,
    repair_series_cells,
)
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.ocr_siblings import join_split_words, repair_header_dates, repair_repeated_headers
from extractor.readers.roles import holds_score, mark_cell_roles
from extractor.vocab.names import Vocabulary
from extractor.vocab.scores import parse_value

# letters OCR reads in place of the digits they look like, and a colon for a decimal point (`51:9`)
_DIGIT_LOOKALIKES = str.maketrans(
    {"O": "0", "o": "0", "D": "0", "l": "1", "I": "1", "|": "1", "S": "5", "s": "5", ":": "."}
)
_NUMBER = re.compile(r"^[+-]?\d+(?:\.(\d+))?(%?)$")
_LOOKS_NUMERIC = re.compile(r"^[+-]?[\dOoDlI|Ss]+(?:[.:][\dOoDlI|Ss]+)?%?$")
# a size after a name (`-1B`, ` 13B`, `(0.5B)`) with a digit read as `I`, `l` or `O`
_SIZE = re.compile(r"(?<=[-\s(])(?=[\dIlO.]*[IlO])[\dIlO]+(?:\.[\dIlO]+)?(?=[BMK]\b)")
_HEADER_NOTE = re.compile(r"\([^()]+\)")  # `(high)`: a note in parentheses, alone in a header cell
_WHOLE = 100.0  # a percentage past it is rarely a score
# marks OCR makes of an underline, a rule's end or a bold score's shading, before or after the number
_STRAY = re.compile(r"^[—–_=«»‘’\"'~|:;,.*]+(?=\d)|(?<=[\d%])[—–_=«»‘’\"'~|:;,]+$")


def ocr_table(
    table: Table, areas: dict[int, list[OcrArea]], settings: OcrSettings, vocab: Vocabulary | None = None
) -> Table:
    """The table as found on OCR words (engine ocr, cells with their confidence, slips repaired, and
    labels the table's other cells or caption make certain: ocr_siblings.py; with `vocab`, benchmark
    names misread repaired too: ocr_labels.py), or the table unchanged when its words are a text
    layer's."""
    if not any(in_area(table, a) for a in areas.get(table.page or 0, [])):
        return table
    words = [w for p in areas.values() for a in p for w in a.words]
    table = _without_empty_columns(table)
    cells = [_with_confidence(c, words, settings) for c in table.cells]
    cells = [_repair_size(c) for c in _repair_columns(cells, table, settings)]
    cells = _join_header_notes(_doubt_magnitudes([_doubt_past_whole(c) for c in cells], settings))
    cells = join_split_words(repair_header_dates(repair_repeated_headers(cells)), table.caption)
    if vocab is not None:
        cells = [repair_name_words(repair_label(c, vocab, settings), vocab) for c in cells]
        cells = repair_series_cells(repair_notes(cells, vocab), vocab)
    return mark_cell_roles(table.model_copy(update={"cells": tuple(cells), "engine": TableEngine.OCR}))


def _join_header_notes(cells: list[Cell]) -> list[Cell]:
    """A header cell holding only a note in parentheses, just right of a header cell spanning
    columns on its row (`Nimbus baselines` over two columns, `(high)` over the third), is the end of
    that cell's text, which OCR's words set apart: it joins the span, as the text layer reads it."""
    by_end = {
        (c.row, c.col + c.colspan): c
        for c in cells
        if c.column_header and c.colspan >= 2 and not c.text.rstrip().endswith(")")
    }
    joined: dict[int, Cell] = {}  # id of a spanning cell -> it with its note
    moved = set()  # ids of the notes that joined one
    for c in cells:
        left = by_end.get((c.row, c.col))
        if left is not None and c.column_header and c.colspan == 1 and _HEADER_NOTE.fullmatch(c.text.strip()):
            text = f"{left.text.strip()} {c.text.strip()}"
            joined[id(left)] = left.model_copy(update={"text": text, "colspan": left.colspan + 1})
            moved.add(id(c))
    return [joined.get(id(c), c) for c in cells if id(c) not in moved]


def _without_empty_columns(table: Table) -> Table:
    """The table without the columns no cell writes in: labels OCR could not read (set sideways,
    a category over its rows) leave a column that would stand where the rows' labels are looked for."""
    filled = {k for c in table.cells if c.text.strip() for k in range(c.col, c.col + c.colspan)}
    empty = [k for k in range(table.n_cols) if k not in filled]
    if not empty or len(empty) == table.n_cols:
        return table

    def moved(col: int) -> int:
        return col - sum(1 for k in empty if k < col)

    cells = [
        c.model_copy(update={"col": moved(c.col), "colspan": moved(c.col + c.colspan) - moved(c.col)})
        for c in table.cells
        if c.text.strip() or any(k in filled for k in range(c.col, c.col + c.colspan))
    ]
    return table.model_copy(update={"cells": tuple(cells), "n_cols": table.n_cols - len(empty)})


def in_area(table: Table, area: OcrArea) -> bool:
    """Whether the table starts inside the area OCR read (its first page's box centred in it)."""
    b = table.bbox
    if b is None or table.page != area.page:
        return False
    cx, cy = (b.x0 + b.x1) / 2, (b.top + b.bottom) / 2
    return area.box[0] <= cx <= area.box[2] and area.box[1] <= cy <= area.box[3]


def _with_confidence(cell: Cell, words, settings: OcrSettings) -> Cell:
    if cell.bbox is None or not cell.text.strip():
        return cell
    b = cell.bbox
    inside = [
        w
        for w in words
        if w.confidence is not None
        and b.x0 - 1 <= w.cx <= b.x1 + 1
        and b.top - 1 <= (w.top + w.bottom) / 2 <= b.bottom + 1
    ]
    if not inside:
        return cell
    low = min(w.confidence for w in inside)
    doubt = low < settings.min_confidence or any(w.contested for w in inside)
    return cell.model_copy(update={"ocr_confidence": low, "ocr_doubt": doubt})


def _repair_size(cell: Cell) -> Cell:
    """A model's size with a digit read as a letter (`Nimbus-V2-IB`, `Orca-l3B`) made digits again;
    the label as read stays in `ocr_text`."""
    fixed = _SIZE.sub(lambda m: m.group(0).translate(_DIGIT_LOOKALIKES), cell.text)
    if fixed == cell.text:
        return cell
    return cell.model_copy(update={"text": fixed, "ocr_text": cell.ocr_text or cell.text})


def _shape(text: str) -> tuple[int, str] | None:
    """(decimals, '%' or '') of a plain score, None for anything else."""
    m = _NUMBER.match(text.strip())
    return (len(m.group(1) or ""), m.group(2)) if m else None


def _body(cells: list[Cell]) -> list[int]:
    """The indexes of the body cells that may hold scores: below the header, right of the labels."""
    header = max((c.row + 1 for c in cells if c.column_header), default=1)
    return [k for k, c in enumerate(cells) if c.col >= 1 and c.row >= header and c.colspan == 1]


def _repair_columns(cells: list[Cell], table: Table, settings: OcrSettings) -> list[Cell]:
    """Each body cell of a score column repaired where its slip is certain, in doubt where not."""
    out = list(cells)
    body = _body(out)
    rows = {k: [out[m].text for m in body if m != k and out[m].row == out[k].row] for k in body}
    # an integer its row reads as (a row of ratings among percentages) is no true integer of its column
    own = {
        k
        for k in body
        if (s := _shape(out[k].text)) is not None and not s[0] and s == _agreed(rows[k], settings)
    }
    for k in body:
        cell = out[k]
        peers = [out[m].text for m in body if m != k and out[m].col == cell.col]
        kin = [out[m].text for m in body if m != k and m not in own and out[m].col == cell.col]
        out[k] = _repaired(cell, peers, rows[k], settings, kin)
    return out


def _doubt_past_whole(cell: Cell) -> Cell:
    """A percentage past 100 read from a picture is in doubt: mostly a point lost (`571%` for
    `57.1%`) where no column says so; a true gain of 150% is flagged too, the picture cannot tell."""
    shape = _shape(cell.text)
    if shape is None or not shape[1] or cell.ocr_doubt:
        return cell
    value = parse_value(cell.text)
    if value is None or value.value <= _WHOLE:
        return cell
    return cell.model_copy(update={"ocr_doubt": True})


def _doubt_magnitudes(cells: list[Cell], settings: OcrSettings) -> list[Cell]:
    """A score with more or fewer digits before its point than most (`agree_share`) other scores of
    its column have, and than every other score of its row (`795.0` among `75.0`, `80.4`: a digit
    read twice or lost; a row of ratings among percentages reads as it does), is put in doubt:
    which digit is wrong nothing says, so it is flagged, not repaired. A column needs more than
    `min_peers` other scores, a row `min_peers`."""
    out = list(cells)
    digits = {k: d for k in _body(out) if (d := _int_digits(out[k].text)) is not None}
    by_col: dict[int, Counter[int]] = defaultdict(Counter)
    by_row: dict[int, Counter[int]] = defaultdict(Counter)
    for k, d in digits.items():
        by_col[out[k].col][d] += 1
        by_row[out[k].row][d] += 1
    for k, d in digits.items():
        col, row = by_col[out[k].col].copy(), by_row[out[k].row]  # the others: this cell taken out
        col[d] -= 1
        peers, row_peers = col.total(), row.total() - 1
        common, count = max(col.items(), key=lambda item: item[1])
        agreed = common != d and count >= settings.agree_share * peers
        if agreed and row[d] == 1 and peers > settings.min_peers and row_peers >= settings.min_peers:
            out[k] = out[k].model_copy(update={"ocr_doubt": True})
    return out


def _int_digits(text: str) -> int | None:
    """How many digits a plain score has before its point, None for anything else."""
    m = _NUMBER.match(text.strip())
    return len(m.group(0).lstrip("+-").split(".")[0].rstrip("%")) if m else None


def _agreed(texts: list[str], settings: OcrSettings, least: int | None = None) -> tuple[int, str] | None:
    """The shape (decimals, %) that `agree_share` of the scores among `texts` share, if any (and
    there are at least `least` scores, default `min_peers`)."""
    shapes = [s for s in (_shape(t) for t in texts) if s is not None]
    if len(shapes) < (settings.min_peers if least is None else least):
        return None
    common = max(set(shapes), key=shapes.count)
    return common if shapes.count(common) >= settings.agree_share * len(shapes) else None


def _repaired(cell: Cell, peers: list[str], row: list[str], settings: OcrSettings, kin: list[str]) -> Cell:
    """`peers`: the column's other cells; `row`: the row's; `kin`: the peers their own rows do not
    read as they are. A score whose row agrees with how it was read (a row of Elo ratings in a column
    of percentages: datasets are the rows) is no slip. Where fewer than `min_peers` other scores of
    the row read as it does (`2046` beside `2121`: two models' ratings, or one slip twice), the
    column's repair is not made and the score is put in doubt."""
    shape = _shape(cell.text)
    if shape is not None and shape == _agreed(row, settings):
        return cell  # the row reads as the cell does: no slip of the column's shape
    repaired = _column_repair(cell, peers, settings, kin)
    if repaired.text != cell.text and shape is not None and shape == _agreed(row, settings, least=1):
        return cell.model_copy(update={"ocr_doubt": True})
    return repaired


def _column_repair(cell: Cell, peers: list[str], settings: OcrSettings, kin: list[str]) -> Cell:
    """The cell with the slip its column makes certain repaired, or the repair in doubt."""
    text = cell.text.strip()
    agreed = _agreed(peers, settings)
    point = _lost_point(text, kin, settings)
    if point is not None:
        return cell.model_copy(update={"text": point, "ocr_text": cell.text})
    stripped = _STRAY.sub("", text)
    if stripped != text and stripped:
        repair, certain = _repair(stripped, agreed, [p for p in peers if _shape(p)], settings)
        if repair is None:  # the marks were all of the slip
            repair, certain = stripped, _shape(stripped) is not None and _shape(stripped) == agreed
    else:
        repair, certain = _repair(text, agreed, [p for p in peers if _shape(p)], settings)
    if repair is None or repair == text:
        shape = _shape(text)
        if shape is not None and agreed is not None and not shape[0] and agreed[0] and shape[1] == agreed[1]:
            # an integer among decimals no repair makes sure of: a point lost (`26` for `2.6`), or
            # a round number printed so; nothing says which
            return cell.model_copy(update={"ocr_doubt": True})
        return cell
    return cell.model_copy(
        update={"text": repair, "ocr_text": cell.text, "ocr_doubt": cell.ocr_doubt or not certain}
    )


def _lost_point(text: str, peers: list[str], settings: OcrSettings) -> str | None:
    """An integer in a column of decimals of the same places (`885` among `71.3`, `90.2`) with its point
    put back, when it reads `point_range_factor` times their largest and the point lands it inside their
    range. `_agreed` misses these columns when several cells lost their point (or read as letters);
    here `agree_share` of the column's plain scores are such decimals, and every other integer of it
    is a slip of the same kind (a column of counts mixed with decimals keeps them all as read)."""
    shape = _shape(text)
    if shape is None or shape[0]:
        return None
    shapes = [s for s in (_shape(p) for p in peers) if s is not None]
    decimals = [parse_value(p) for p in peers if (s := _shape(p)) is not None and s[0] and s[1] == shape[1]]
    places = {s[0] for s in shapes if s[0]}
    if (
        len(decimals) < settings.min_peers
        or len(places) != 1
        or len(decimals) < settings.agree_share * len(shapes)
    ):
        return None
    d = places.pop()
    values = [v.value for v in decimals if v is not None]
    low, high = min(values), max(values)

    def slip(t: str) -> bool:
        v = parse_value(t)
        return (
            v is not None and v.value > settings.point_range_factor * high and low <= v.value / 10**d <= high
        )

    body = text.strip().rstrip("%")
    if len(body.lstrip("+-")) <= d or not slip(text):
        return None
    if not all(slip(p) for p in peers if (s := _shape(p)) is not None and not s[0]):
        return None
    return f"{body[:-d]}.{body[-d:]}{shape[1]}"


def _repair(
    text: str, agreed: tuple[int, str] | None, peers: list[str], settings: OcrSettings
) -> tuple[str | None, bool]:
    """The reading `text` most likely stands for and whether the column makes it certain; (None,
    False) when it needs no repair or none is found."""
    shape = _shape(text)
    if shape is not None:
        if agreed is None or shape == agreed:
            return None, False
        decimals, percent = agreed
        if shape == (0, percent) and decimals and len(text.rstrip("%")) > decimals:
            value = parse_value(text)
            largest = max((parse_value(p).value for p in peers), default=0.0)
            if value is not None and largest > 0 and value.value > settings.lost_point_factor * largest:
                digits = text.rstrip("%")
                return f"{digits[:-decimals]}.{digits[-decimals:]}{percent}", True  # a lost point
        if percent and not shape[1] and text.endswith("96") and _shape(text[:-2] + "%") == agreed:
            return text[:-2] + "%", True  # '%' read as '96'
        return None, False
    if holds_score(text) or not _LOOKS_NUMERIC.match(text) or not any(ch.isdigit() for ch in text):
        return None, False
    fixed = text.translate(_DIGIT_LOOKALIKES)
    if _shape(fixed) is None:
        return None, False
    changed = sum(a != b for a, b in zip(text, fixed, strict=True))
    return fixed, changed == 1 and agreed is not None and _shape(fixed) == agreed
