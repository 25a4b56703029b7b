"""The thresholds of reading a page's text: characters -> words -> lines (`TextSettings`).
Lengths and shares as in thresholds.py."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class TextSettings(BaseModel):
    """pdfium's characters -> words -> lines (chars.py, words.py)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    bold_weight: int = Field(600, gt=0, description="a font weight from this up is bold (600: semibold)")
    slant_tolerance_deg: float = Field(
        5, ge=0, description="text this close to a quarter turn is set at that turn"
    )
    turn_share: float = Field(
        0.5, gt=0, lt=1, description="a page is read turned when more of its chars than this run that way"
    )
    em_per_box_height: float = Field(
        1.2, gt=0, description="a char without a size gets its box height over this (line height ~1.2 em)"
    )
    word_gap_em: float = Field(
        0.25, gt=0, description="a wider jump of the pen between chars starts a new word"
    )
    word_same_size: float = Field(
        0.9,
        gt=0,
        description="chars this close in size are one font: a baseline jump between them breaks the word",
    )
    word_baseline_jump_em: float = Field(
        0.5, gt=0, description="a larger baseline change between same-size chars breaks the word"
    )
    superscript_size: float = Field(
        0.85, gt=0, description="a glyph at most this share of its base's size may be a superscript"
    )
    superscript_raise_em: float = Field(
        0.2, gt=0, description="a smaller glyph raised more than this is a footnote mark"
    )
    line_gutter_em: float = Field(
        1.5, gt=0, description="a wider gap on one baseline is a column gutter: the line ends"
    )
    line_baseline_jump_em: float = Field(0.6, gt=0, description="a larger baseline change ends the line")
    line_same_size: float = Field(
        0.9,
        gt=0,
        description="a glyph smaller than this share of the line's is a sub/superscript, not a new line",
    )
