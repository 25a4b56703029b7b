"""Cells of an OCR table repaired from what the table's other cells print: a table repeats its
metrics' headers under each group of columns, names its models' releases alike, and spells a
name the same in every row; where one reading of these is right, the others' slips are certain.
The text as OCR read it stays in `ocr_text`."""

from __future__ import annotations

import re

from extractor.model.document import Cell
from extractor.readers.pdf.ocr_labels import LOOK_ALIKE_PAIRS
from extractor.readers.roles import holds_score

_DATE = re.compile(r"\d{2}-\d{2}")  # a release date in a model's name: `R1 05-28`
_DATE_READ = re.compile(r"(?<![^\s(])[OoDQ](?P<rest>\d-\d{2})(?=\)?(?:\s|$))")  # its `0` read as a letter
_EDGE_PUNCTUATION = ".,;:()[]"  # around a word of a caption or a label, not part of it


def repair_repeated_headers(cells: list[Cell]) -> list[Cell]:
    """The header cells with a word whose letters OCR read as digits (`55 ↑`, `5S ↑` for `SS ↑`) put
    back to the one other header cell of their row that prints that word in letters: a table
    repeats its metrics' headers under each group of columns (`SS ↑` under two test sets), and one
    read right makes the slip certain. Each changed character is a look-alike read as a digit; a
    word of digits is never turned into letters by a header read with a slip of its own
    (`2O23`: the word printed in letters must be letters only)."""
    headers = [c for c in cells if c.column_header and c.text.strip()]
    out = []
    for c in cells:
        near = {
            other.text.strip()
            for other in headers
            if c.column_header and other.row == c.row and _letters_read_as_digits(c.text, other.text)
        }
        if len(near) == 1:
            c = c.model_copy(update={"text": near.pop(), "ocr_text": c.ocr_text or c.text})
        out.append(c)
    return out


def join_split_words(cells: list[Cell], caption: str | None) -> list[Cell]:
    """Label cells with a word OCR read as two (`Cosy Voice`, `Intern ViT-6B`) joined where the table
    or its caption spells it as one word (`CosyVoice 2` in another row, `Cosyvoice.` in the caption):
    between two letters set close in a name (`y`, then `V`) the picture may show a blank as wide as
    a space. The first part is a word of letters, the second starts with one."""
    texts = [c.text for c in cells] + [caption or ""]
    known = {w.strip(_EDGE_PUNCTUATION).casefold() for t in texts for w in t.split()}
    out = []
    for c in cells:
        words: list[str] = []
        for w in c.text.split():
            if words and words[-1].isalpha() and w[:1].isalpha() and (words[-1] + w).casefold() in known:
                words[-1] += w
            else:
                words.append(w)
        if len(words) < len(c.text.split()) and not holds_score(c.text):
            c = c.model_copy(update={"text": " ".join(words), "ocr_text": c.ocr_text or c.text})
        out.append(c)
    return out


def repair_header_dates(cells: list[Cell]) -> list[Cell]:
    """The header cells with a release date in a model's name whose leading zero OCR read as a
    letter (`(Preview Q5-06)`: an underlined link's line under the `0` reads as a `Q`'s tail) put
    back, where another header cell of the table prints such a date in digits (`05-28`): a table
    names its models' releases alike. A quarter so printed (`Q3-25`) beside such a date would be
    misread; the header's other dates make the zero the likelier reading."""
    headers = [c for c in cells if c.column_header]
    if not any(_DATE.fullmatch(w.strip("()")) for c in headers for w in c.text.split()):
        return cells
    out = []
    for c in cells:
        fixed = _DATE_READ.sub(r"0\g<rest>", c.text) if c.column_header else c.text
        if fixed != c.text:
            c = c.model_copy(update={"text": fixed, "ocr_text": c.ocr_text or c.text})
        out.append(c)
    return out


def _letters_read_as_digits(read: str, printed: str) -> bool:
    """Whether `read` is `printed` but for words of letters read with look-alike digits in them."""
    a, b = read.split(), printed.split()
    if len(a) != len(b) or a == b:
        return False
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        if len(x) != len(y) or not y.isalpha():
            return False
        for p, q in zip(x, y, strict=True):
            if p != q and not (p.isdigit() and (p.casefold(), q.casefold()) in LOOK_ALIKE_PAIRS):
                return False
    return True
