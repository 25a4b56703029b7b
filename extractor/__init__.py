"""extractor: technical reports in, validated leaderboard result records out."""

__version__ = "0.1.0"

# Bumped when a stored file's shape changes; written into every output file.
# 1.1: table cells carry column_header, row_header, row_section.
# 2.0: a table is its cells: n_rows and n_cols are stored and grid is derived from the cells (written last,
# ignored on reading); page and bbox give way to a provenance list of (page, bbox, rows), one per page, so
# a table continued on the next page has two items and no "continued on page N" note; engine is one of
# the TableEngine values.
SCHEMA_VERSION = "2.0"


def __getattr__(name: str):
    """`extractor.leaderboard(db)` without importing the pipeline with the package (PEP 562)."""
    if name == "leaderboard":
        import importlib

        return importlib.import_module("extractor.leaderboard")
    raise AttributeError(f"module 'extractor' has no attribute {name!r}")
