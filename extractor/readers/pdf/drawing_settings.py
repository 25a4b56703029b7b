"""The thresholds of what pages draw: rules, chart marks and images (`DrawingSettings`).
Lengths and shares as in thresholds.py."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class DrawingSettings(BaseModel):
    """What pages draw: path objects -> rules and chart marks (paths.py, graphics.py), and images
    (images.py)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_form_depth: int = Field(4, ge=0, description="forms nested deeper than this are not read for paths")
    point_tolerance: float = Field(
        0.01, gt=0, description="coordinates closer than this are the same (float noise)"
    )
    min_paths: int = Field(
        2, gt=0, description="a page with fewer paths has no table rules (a footnote rule, an underline)"
    )
    filled_box_min: float = Field(
        3, gt=0, description="filled boxes wider and taller than this are backgrounds or bars, not rules"
    )
    polyline_max_points: int = Field(8, gt=2, description="longer polylines are drawings, not rules")
    chart_big_share: float = Field(
        0.5, gt=0, description="marks this share of the page's width or wider are backgrounds"
    )
    min_curve_size: float = Field(
        2.5, gt=0, description="smaller curves are dots of a dotted border, not chart ink"
    )
    bar_min_width: float = Field(
        3, gt=0, description="filled upright boxes wider than this may be chart bars"
    )
    image_min_area: float = Field(
        0.15, gt=0, le=1, description="share of the page an image must cover to be a picture table"
    )
    image_min_width: float = Field(0.4, gt=0, le=1, description="share of the page width it must span")
    image_max_text: int = Field(
        40, ge=0, description="more real text over the image (chars) and the table is readable"
    )
    image_caption_band: float = Field(
        60.0, gt=0, description="how far above and below the image its caption is looked for"
    )
    image_max_depth: int = Field(
        3, ge=0, description="forms nested deeper than this are not searched for images"
    )
