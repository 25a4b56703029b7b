"""The text stage: a plain-text page's bytes into a Document (page.py); flattened results tables
rebuilt (flat.py, column_split.py)."""

from extractor.readers.text.page import read_text

__all__ = ["read_text"]
