"""Patterns more than one stage reads, each written here once: caption labels ('Table 3:'), model sizes
('7B'), the 'Abstract' label, footnote marks and plain numbers.

Where stages accept different shapes of one thing (a PDF line has its typography to fall back on, an
HTML block has none), each shape is here under its own name, built from the same parts, and a stage that
accepts less than a pattern says so where it uses it.
"""

from __future__ import annotations

import re

# --- caption labels: 'Table 3:', 'TABLE II', 'Tab. A3', 'Figure 5' ---------------------------------

TABLE_WORD = r"(?:table|tab\.)"
FIGURE_WORD = r"(?:figure|fig\.)"
ROMAN_NUMBER = r"[ivxlc]+"

# A caption's table number: 'Table 5: ...', 'Table A3 | ...' (group 1), as the records stage and the
# PDF reader (a table continued on the next page) compare captions.
TABLE_NUMBER = re.compile(r"^\s*table\s+([A-Z]?\d+)", re.I)
# A table named in running text ('see Table 6', 'Tab. 2'), its number in group 1.
TABLE_MENTION = re.compile(rf"\b{TABLE_WORD}\s*([A-Z]?\d+)\b", re.I)
# A web page's line before a table that reads as its label: 'Table 3', 'TABLE IV', 'Table A.1'.
TABLE_LABEL = re.compile(rf"^{TABLE_WORD}\s*(?:[0-9]+|{ROMAN_NUMBER}\b|[a-z]\.?[0-9]+)", re.I)
# A PDF line opening a caption: the word (group 1), the number (2) and the punctuation after it (3,
# '' at the line's end); without punctuation the reader decides from the line's typography.
CAPTION_LABEL = re.compile(
    rf"^({TABLE_WORD}|{FIGURE_WORD})\s*(\d+|{ROMAN_NUMBER})\b\s*([:.|\u2014\u2013-]|$)?", re.I
)
# A web page's text block that is a caption by its label alone: punctuation must follow the number.
CAPTION_BLOCK = re.compile(rf"^(?:{TABLE_WORD}|{FIGURE_WORD})\s*[0-9ivxlc]+\b\s*[:.\u2014\u2013-]", re.I)
# A ruled PDF table's title line ('Table 2 ...', 'Exhibit 3 ...').
TABLE_TITLE = re.compile(rf"^(?:{TABLE_WORD}|exhibit)\s*[A-Z]?\d", re.I)
# A line of PDF text near an image that captions it as a table or as a figure.
TABLE_CAPTION_LINE = re.compile(r"(^|\n)\s*table\s*\d", re.I)
FIGURE_CAPTION_LINE = re.compile(rf"(^|\n)\s*({FIGURE_WORD})\s*\d", re.I)

# --- model sizes: '7B', '1.5T', '70M' ------------------------------------------------------------

_AMOUNT = r"\d+(?:\.\d+)?"
# A model's parameter count as names print it: '7B', '1.8B', '8x22B' (experts x size), '70M', '1.5T'.
MODEL_SIZE = rf"(?:\d+x)?{_AMOUNT}[BMT]"
# As a size column or a label that is only a size prints it: a space may come before the unit, and K
# counts thousands ('7 B', '350K'). Its groups are named: one use per pattern.
SIZE_CELL = rf"(?:(?P<experts>\d+)x)?(?P<amount>{_AMOUNT})\s?(?P<unit>[BMKT])"
# A size after a name in running text or a model-like label ('Nimbus 7B', 'Nimbus 1.5 T').
SIZE_IN_TEXT = rf"{_AMOUNT}\s?[BMT]"

# --- the 'Abstract' label ------------------------------------------------------------------------

# 'Abstract', 'ABSTRACT:', 'Abstract —' opening a text: `lead` is the space before it, `bounded` is
# '' (not None) when the word ends there ('Abstracts' is no label), `sep` the punctuation after it
# with the space before that; the match takes the space after it too.
ABSTRACT_LABEL = re.compile(r"^(?P<lead>\s*)abstract(?P<bounded>\b)?(?P<sep>\s*[:.\u2014\u2013-])?\s*", re.I)

# --- marks and numbers ---------------------------------------------------------------------------

# Footnote marks after a label or a score ('TriviaQA*', 'Nimbus†'); '∗' and '⋆' are drawn for '*'.
FOOTNOTE_MARKS = "*∗⋆†‡§¶"
# A bare score: '71.2', '88', '64.5%'.
PLAIN_NUMBER = re.compile(r"^\d+(?:\.\d+)?%?$")
# a header label marked by which way is better ('SS ↑', 'WER (%) (↓)'): a metric, whatever its name
DIRECTION_MARKED = re.compile(r"^(?P<label>\S.*?)\s*(?:\(\s*[↑↓]\s*\)|[↑↓])$")
