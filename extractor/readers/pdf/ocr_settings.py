"""The thresholds of reading pictures with OCR (`OcrSettings`): how finely a picture is rendered,
how Tesseract is asked to read it and which of its readings are trusted. Lengths and shares as in
thresholds.py."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class OcrSettings(BaseModel):
    """Pictures of tables and pages without text -> words (ocr.py) and the repairs of their
    scores (ocr_repair.py)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    dpi: float = Field(
        300,
        gt=0,
        description="render resolution: a 7 pt digit of a table is then ~20 px tall, the height "
        "Tesseract reads best; 150 dpi misread header words of the test tables",
    )
    psm: int = Field(
        6,
        ge=0,
        le=13,
        description="Tesseract's page segmentation mode: 6 (one uniform block) keeps each table row a "
        "line; 11 and 12 (sparse text) give every word a line of its own",
    )
    language: str = Field("eng", min_length=1, description="Tesseract's language data")
    timeout_s: float = Field(
        60, gt=0, description="Tesseract is stopped on an area after this long (a huge scan)"
    )
    min_confidence: float = Field(
        0.6,
        ge=0,
        le=1,
        description="a word Tesseract read with less confidence (0-1) is in doubt: its scores are "
        "flagged ocr-low-confidence (misread words of the test tables scored 0.3-0.6, clean ones 0.9)",
    )
    cap_height_em: float = Field(
        0.72, gt=0, description="a line's box height over this is its font size (capitals and digits)"
    )
    reread_below: float = Field(
        0.8,
        ge=0,
        le=1,
        description="a stretch of a line holding a word read with less confidence is read again",
    )
    reread_scales: tuple[float, ...] = Field(
        (1.0, 2.0),
        min_length=1,
        description="a doubtful stretch is read again alone at these enlargements, the surest reading "
        "kept (on the OCR benchmark, 1 and 2: records 65.6% -> 69.6%; adding 1.5 and 3: 68.3%)",
    )
    check_below: float = Field(
        0.95,
        ge=0,
        le=1,
        description="a score read in a sure stretch with less confidence than this is read again alone "
        "(a light small digit misread in its line: `21.0%` at 0.89 where `21.6%` is printed)",
    )
    stacked_em: float = Field(
        1.3,
        gt=1,
        description="a word whose box is taller than this share of its line's font size holds lines "
        "Tesseract ran together (a note set small on two lines beside a row): it is read again as a "
        "block (on a model card's table 1.38-2.1 such boxes, single words 0.9-1.1 and 1.31 for a "
        "bold word of a line of smaller text)",
    )
    contest_margin: float = Field(
        0.25,
        ge=0,
        le=1,
        description="a score kept from the readings of a stretch that no other reading confirms is in "
        "doubt when one gave other digits with a confidence this close (`79.2` at 0.78, `19.2` at "
        "0.81 where `75.2` is printed)",
    )
    same_baseline_em: float = Field(
        0.25,
        gt=0,
        description="words of one OCR line whose baselines (read from their ink) differ by at most this "
        "share of the font size are on one baseline; a label centred on two header lines stands ~0.5 off",
    )
    min_peers: int = Field(
        2,
        ge=1,
        description="a slip is repaired for sure only when this many other scores of its column agree",
    )
    agree_share: float = Field(
        0.75,
        gt=0.5,
        le=1,
        description="the share of a column's other scores that must share a shape (decimals, %) for a "
        "repair to that shape to be certain",
    )
    lost_point_factor: float = Field(
        5.0,
        gt=1,
        description="an integer this many times the largest of a column of decimals lost its point",
    )
    point_range_factor: float = Field(
        2.0,
        gt=1,
        description="an integer over this many times the largest decimal of its column, whose point put "
        "back lands among them, lost its point (`100%` among scores up to `95.1%` is a true score)",
    )
    label_min_chars: int = Field(
        4,
        ge=1,
        description="a label's name shorter than this (letters and digits) is never repaired: too many "
        "names are that near it",
    )
    label_edits: int = Field(
        2,
        ge=1,
        description="a benchmark's name misread by at most this many letters is repaired to it (one letter "
        "below `label_two_edits_chars`)",
    )
    label_two_edits_chars: int = Field(
        9, ge=1, description="a name this long may be misread by `label_edits` letters; a shorter one, by one"
    )
