"""extractor: technical reports in, validated leaderboard result records out."""

__version__ = "0.1.0"

# Bumped when a stored file's shape changes; written into every output file.
SCHEMA_VERSION = "1.1"  # 1.1: table cells carry column_header, row_header, row_section
