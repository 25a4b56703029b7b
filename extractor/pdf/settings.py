"""Tunable thresholds of the PDF table finder. Lengths are in points unless named `*_em`
(multiples of the local font size)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class TableFinderSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # words -> rows -> cells
    row_tolerance_em: float = Field(0.45, gt=0, description="baselines closer than this share a row")
    cell_gap_em: float = Field(0.5, gt=0, description="a wider gap between words starts a new cell")
    number_gap_em: float = Field(0.5, gt=0, description="a wider gap between two numbers starts a new cell")
    # whitespace tables
    run_gap_em: float = Field(3.2, gt=0, description="rows further apart than this (edge to edge) end a table")
    min_rows: int = Field(2, ge=2, description="a table has at least this many rows")
    min_cols: int = Field(2, ge=2, description="a table has at least this many columns")
    min_numeric_rows: int = Field(2, ge=1, description="whitespace tables need this many rows holding numbers")
    max_header_rows: int = Field(3, ge=0, description="rows above the first row of numbers that may be headers")
    max_cell_chars: int = Field(90, gt=0, description="a longer cell is running text, not a table cell")
    # rules
    snap_tolerance: float = Field(3.0, ge=0, description="rules this close are snapped together (pdfplumber)")
    join_tolerance: float = Field(3.0, ge=0, description="collinear rules with a smaller gap are joined")
    intersection_tolerance: float = Field(3.0, ge=0, description="how near a rule must pass to cross another")
    min_rule_length: float = Field(20.0, gt=0, description="shorter horizontal rules are not table rules")
    rule_extent_tolerance: float = Field(4.0, ge=0, description="rules whose ends differ by less span one table")
    max_chart_marks: int = Field(6, gt=0, description="a table area holding this many curves or bars is a chart")
    max_edges: int = Field(4000, gt=0, description="pages with more rules (charts) skip the ruled-grid search")
    # captions
    caption_distance_em: float = Field(4.0, gt=0, description="a caption further from its table than this is not its caption")
