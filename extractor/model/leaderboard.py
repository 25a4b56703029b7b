"""A leaderboard as `extractor leaderboard` shows and exports it: per benchmark (task, dataset, subset)
and metric class, ranked rows, one per model."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from extractor.vocab.directions import Direction

NO_TASK = "Unspecified task"
NO_METRIC = "Unspecified metric"


class LeaderboardRow(BaseModel):
    rank: int | None = Field(
        description="rank within this leaderboard (ties equal); none when the metric's direction is unknown"
    )
    model: str = Field(description="the model, in the spelling most records of the store use")
    model_raw: str | None = Field(default=None, description="the name as the row's source printed it")
    value: float
    unit: str | None = None
    value_raw: str
    value_scale: int | None = Field(
        default=None, description="100 when a share printed as a fraction ('0.168') is shown as a percentage"
    )
    metric_raw: str | None = Field(
        default=None, description="the metric as the source printed it (the board's metric is its class)"
    )
    setting: str | None = None
    review: Literal["accepted", "corrected"] | None = Field(
        default=None, description="a reviewer's decision on the row's record; corrections are applied"
    )
    global_rank: int | None = Field(
        default=None, description="the rank the source printed (a leaderboard page's Global Rank), never ours"
    )
    rank_source: Literal["source"] | None = Field(
        default=None, description="'source' when global_rank is there (kept for readers of earlier files)"
    )
    paper_title: str | None = None
    paper_url: str | None = None
    paper_date: str | None = None
    doc_id: str
    source: str


class Leaderboard(BaseModel):
    task: str
    parent_tasks: list[str] = Field(default_factory=list)
    dataset: str
    subdataset: str | None = None
    metric: str = Field(description="the benchmark's default metric when its metric class joins several")
    direction: Direction | None = None
    unit: str | None = Field(default=None, description="the unit the rows' values share; none if they differ")
    setting: str | None = Field(
        default=None, description="the one setting of the board, when split by setting"
    )
    rows: list[LeaderboardRow] = Field(default_factory=list)
