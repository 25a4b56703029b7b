"""A leaderboard as `extractor leaderboard` shows and exports it: per (task, dataset, metric), ranked rows."""

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
    model: str
    value: float
    unit: str | None = None
    value_raw: str
    setting: str | None = None
    global_rank: int | None = None
    rank_source: Literal["source", "store"] | None = Field(
        default=None, description="where global_rank comes from"
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
    metric: str
    direction: Direction | None = None
    rows: list[LeaderboardRow] = Field(default_factory=list)
