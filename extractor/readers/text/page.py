"""A plain-text page (a web page saved as text, a README) -> Document: title, abstract, paragraphs,
and its tables: flattened results tables, Markdown pipe tables and tab-separated tables."""

from __future__ import annotations

import html
import re

from extractor.model.document import BlockKind, Cell, Document, Table, TableEngine, TextBlock
from extractor.model.errors import EmptyInputError
from extractor.model.options import RunOptions
from extractor.readers.decode import decode
from extractor.readers.inputs import new_document
from extractor.readers.roles import mark_cell_roles
from extractor.readers.text.flat import find_flattened_tables
from extractor.vocab import Vocabulary
from extractor.vocab.patterns import ABSTRACT_LABEL

# The abstract is the first paragraph of at least this many words, unless a heading names it:
# bylines, affiliations, menus and link rows above it are shorter.
ABSTRACT_MIN_WORDS = 40
_TITLE_MAX_WORDS = 25
_CAPTION_MAX_WORDS = 15
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_DELIM_CELL = re.compile(r"^\s*:?-+:?\s*$")
_NOT_TITLE = re.compile(r"^(?:[<|\[]|[-*+•]\s|\d+[.)]\s)")  # markup, table rows, links, list items
_MARKUP = re.compile(r"^\s*<[^>]*>\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def read_text(data: bytes, source: str, options: RunOptions, vocab: Vocabulary) -> Document:
    """A new Document of a plain-text page's bytes; EmptyInputError when it holds no text. `vocab`
    splits the columns of flattened tables; `options` changes nothing here."""
    doc = new_document(data, source, "text")
    text = decode(data).text
    if not any(ch.isalnum() for ch in text):
        raise EmptyInputError("text file has no text")
    lines = text.split("\n")
    code = _code_lines(lines)
    found = _find_tables(lines, code, vocab)
    in_table = {no for first, end, _ in found for no in range(first, end)}
    for i, (first, _end, table) in enumerate(sorted(found, key=lambda f: f[0])):
        table.index = i
        table.caption = _caption(lines, first, in_table)
        if table.notes:
            message = f"{len(table.notes)} row(s) split by the table's structure, not the alias data"
            doc.warn("flat-split-guessed", message, table_index=i)
        doc.tables.append(mark_cell_roles(table))
    if not doc.tables:
        doc.warn("no-tables", "no tables found")
    paragraphs = _paragraphs(lines, in_table)
    first_line = next(no for no, line in enumerate(lines) if line.strip())
    doc.title = _title(paragraphs[0]) if paragraphs and paragraphs[0][0] == first_line else None
    body = [p for _, p in paragraphs]
    if doc.title is not None:  # the title line is its own block; the rest of its paragraph stays
        body[0] = body[0][1:]
    doc.blocks = ([TextBlock(text=doc.title, kind=BlockKind.TITLE)] if doc.title else []) + _blocks(body)
    doc.abstract = _abstract([p for p in body if p])
    return doc


def _code_lines(lines: list[str]) -> set[int]:
    """Lines inside ``` fences: code, never a table."""
    out, inside = set(), False
    for no, line in enumerate(lines):
        if _FENCE.match(line):
            inside = not inside
            out.add(no)
        elif inside:
            out.add(no)
    return out


def _find_tables(lines: list[str], code: set[int], vocab: Vocabulary) -> list[tuple[int, int, Table]]:
    """(first line, line after the last, table) for every table found."""
    found = []
    for flat in find_flattened_tables(lines, vocab):
        if flat.header_lines[0] not in code:
            table = Table.from_grid(
                flat.grid, header_rows=1, engine=TableEngine.FLATTENED_TEXT, notes=flat.notes
            )
            found.append((flat.header_lines[0], flat.end, table))
    taken = {no for first, end, _ in found for no in range(first, end)} | code
    no = 0
    while no < len(lines):
        hit = _markdown_table(lines, no, taken) or _tab_table(lines, no, taken)
        if hit is None:
            no += 1
            continue
        found.append((no, hit[0], hit[1]))
        no = hit[0]
    return found


def _pipe_cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [c.replace("\\|", "|") for c in re.split(r"(?<!\\)\|", inner)]


def _markdown_table(lines: list[str], no: int, taken: set[int]) -> tuple[int, Table] | None:
    """A header row, a delimiter row ('|---|:---:|'), then rows that contain a pipe."""
    if (
        no + 1 >= len(lines)
        or no in taken
        or no + 1 in taken
        or "|" not in lines[no]
        or "|" not in lines[no + 1]
    ):
        return None
    delim = _pipe_cells(lines[no + 1])
    if not all(_MD_DELIM_CELL.match(c) for c in delim):
        return None
    end = no + 2
    while end < len(lines) and end not in taken and "|" in lines[end] and lines[end].strip():
        end += 1
    raw = [_pipe_cells(lines[i]) for i in (no, *range(no + 2, end))]
    width = max(len(r) for r in raw)
    cells = [[_markdown_cell(c) for c in r] + [("", False)] * (width - len(r)) for r in raw]
    marks = [
        Cell(row=i, col=j, text=t, bold=b) for i, row in enumerate(cells) for j, (t, b) in enumerate(row)
    ]
    return end, Table.from_cells(
        marks, n_rows=len(cells), n_cols=width, header_rows=1, engine=TableEngine.MARKDOWN_TEXT
    )


def _markdown_cell(text: str) -> tuple[str, bool]:
    """Cell text as a reader sees it (links, tags and emphasis marks dropped), and whether bold."""
    text = re.sub(r"<br\s*/?>", " ", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = " ".join(html.unescape(text).split())
    bold = bool(re.fullmatch(r"(\*\*|__).+\1", text))
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", text).strip(), bold


def _tab_table(lines: list[str], no: int, taken: set[int]) -> tuple[int, Table] | None:
    """Two or more consecutive lines split by tabs into the same number (>= 2) of cells."""

    def cells(i: int) -> list[str] | None:
        if i >= len(lines) or i in taken or "\t" not in lines[i]:
            return None
        return [c.strip() for c in lines[i].strip("\n").split("\t")]

    first = cells(no)
    if not first or len(first) < 2:
        return None
    rows, end = [first], no + 1
    while (row := cells(end)) is not None and len(row) == len(first):
        rows.append(row)
        end += 1
    if len(rows) < 2:
        return None
    return end, Table.from_grid(rows, header_rows=1, engine=TableEngine.TSV_TEXT)


def _caption(lines: list[str], first: int, in_table: set[int]) -> str | None:
    """The short line just above the table, as 'Results from the Paper' or a Markdown heading."""
    no = first - 1  # past blank lines and bare markup ('<div align="center">')
    while no >= 0 and (not lines[no].strip() or _MARKUP.match(lines[no])) and first - no <= 4:
        no -= 1
    if no < 0 or no in in_table or not lines[no].strip():
        return None
    text = _MD_HEADING.sub("", lines[no]).strip().strip("*_").strip()
    short = len(text.split()) <= _CAPTION_MAX_WORDS and not text.endswith(".")
    return " ".join(text.split()) if short and text and not text.startswith(("<", "|")) else None


def _paragraphs(lines: list[str], skip: set[int]) -> list[tuple[int, list[str]]]:
    """(first line, lines) of each run of non-blank lines; table lines end a paragraph and belong to none."""
    out: list[tuple[int, list[str]]] = []
    for no, line in enumerate(lines):
        if not line.strip() or no in skip:
            continue
        if out and out[-1][0] + len(out[-1][1]) == no:
            out[-1][1].append(line)
        else:
            out.append((no, [line]))
    return out


def _collapse(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def _title(paragraph: tuple[int, list[str]]) -> str | None:
    """The first non-empty line, when it reads as a title: short, no final period, not markup."""
    text = _collapse([_MD_HEADING.sub("", paragraph[1][0])])
    looks = len(text.split()) <= _TITLE_MAX_WORDS and not text.endswith(".") and not _NOT_TITLE.match(text)
    return text if looks and any(ch.isalpha() for ch in text) else None


def _blocks(paragraphs: list[list[str]]) -> list[TextBlock]:
    """A block per paragraph, whitespace collapsed; a lone Markdown '#' line is a heading."""
    blocks = []
    for para in paragraphs:
        if not para:
            continue
        heading = len(para) == 1 and _MD_HEADING.match(para[0])
        text = _collapse([_MD_HEADING.sub("", para[0])] if heading else para)
        blocks.append(TextBlock(text=text, kind=BlockKind.HEADING if heading else BlockKind.PARAGRAPH))
    return blocks


def _abstract(paragraphs: list[list[str]]) -> str | None:
    """The paragraph after an 'Abstract' heading, or that starts with 'Abstract:'; else the first
    paragraph of ABSTRACT_MIN_WORDS words or more."""
    texts = [_collapse([_MD_HEADING.sub("", line) for line in p]) for p in paragraphs]
    for k, text in enumerate(texts):
        label = ABSTRACT_LABEL.match(text)
        label = label if label and label.group("bounded") is not None else None  # 'Abstracts' is none
        if label and label.end() == len(text) and k + 1 < len(texts):
            return texts[k + 1]
        if label and label.group("sep") and label.end() < len(text):
            return text[label.end() :]
    long = [t for t in texts if len(t.split()) >= ABSTRACT_MIN_WORDS and not t.startswith("<")]
    return long[0] if long else None
