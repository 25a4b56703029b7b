"""Helpers shared by the PDF tests: the sample generator, a loader, and a page of running text."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cache, lru_cache

from extractor.model.document import Document
from extractor.model.options import PdfOptions, RunOptions, SourceOptions
from extractor.readers.pdf import read_pdf
from extractor.vocab import load_vocabulary
from tests.support.drawing import Page
from tests.support.paths import SAMPLES


@lru_cache(maxsize=1)
def generator():
    """samples/generate_pdfs.py as a module: its constants are what the samples hold."""
    spec = importlib.util.spec_from_file_location("generate_pdfs", SAMPLES / "generate_pdfs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load(data: bytes, password: str | None = None, **options) -> Document:
    options = RunOptions(source=SourceOptions(password=password), pdf=PdfOptions(**options))
    return read_pdf(data, "test.pdf", options, load_vocabulary())


@cache
def sample(name: str) -> Document:
    return load((SAMPLES / name).read_bytes())


def text_page(n: int = 0) -> Callable[[Page], None]:
    """A page of running text only, set 60pt lower on each later page `n` (from 0)."""

    def draw(page: Page) -> None:
        page.lines(72, 92 + 60 * n, TEXT_PAGE, size=10, leading=12)

    return draw


TEXT_PAGE = [
    "This page holds only running text. It talks about evaluation in general terms and names",
    "no numbers at all, so nothing on it should ever be read as a table by the extractor, even",
    "though some lines are long and others are short.",
]
