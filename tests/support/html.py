"""Helpers for the HTML stage tests: build a Document from a string and run the loader."""

from __future__ import annotations

from pathlib import Path

from extractor.model.document import Document
from extractor.model.options import RunOptions
from extractor.readers.html import read_html
from extractor.vocab import load_vocabulary

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "paper-page.html"


def load_bytes(data: bytes, source: str = "test.html") -> Document:
    return read_html(data, source, RunOptions(), load_vocabulary())


def load_string(markup: str, encoding: str = "utf-8") -> Document:
    return load_bytes(markup.encode(encoding))


def load_path(path: Path) -> Document:
    return load_bytes(path.read_bytes(), source=str(path))


def page(body: str, head: str = "") -> str:
    """A minimal page around the given body and head markup."""
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def grids(doc: Document) -> list[list[list[str]]]:
    return [table.grid for table in doc.tables]


def codes(doc: Document) -> list[str]:
    return [warning.code for warning in doc.warnings]
