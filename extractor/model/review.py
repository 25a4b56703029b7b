"""A reviewer's decision on one extracted record: accept it, reject it, or correct it.

A decision names its record by where it was read in which content: the document's source and
sha256, and the cell (table_index, row, col, and cell_part for a cell of several numbers). So it
survives a re-run of the same unchanged document (the same cell gives the same record
again), and no longer applies once the document's content changes (its sha256 does). Decisions
live in the results store (store.reviews) and are applied wherever records are read: the
leaderboards and their exports, and the run's record files (the `review` column).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from extractor.model.record import ResultRecord

CORRECTABLE = ("value", "dataset", "model", "metric", "setting")
R = TypeVar("R", bound=ResultRecord)


class Decision(StrEnum):
    accept = "accept"
    reject = "reject"
    correct = "correct"


# What a record's `review` field says once a decision is applied.
REVIEW_STATES = {Decision.accept: "accepted", Decision.reject: "rejected", Decision.correct: "corrected"}


class RecordAddress(BaseModel):
    """Which record of which content a decision is about."""

    model_config = ConfigDict(frozen=True)

    source: str = Field(min_length=1)
    sha256: str = Field(min_length=1)
    table_index: int = Field(ge=0)
    row: int = Field(ge=0)
    col: int = Field(ge=0)
    cell_part: int | None = Field(default=None, ge=0)

    @classmethod
    def of(cls, rec: ResultRecord, sha256: str) -> RecordAddress:
        return cls(
            source=rec.source,
            sha256=sha256,
            table_index=rec.table_index,
            row=rec.row,
            col=rec.col,
            cell_part=rec.cell_part,
        )


class Review(BaseModel):
    """One decision; `correct` gives at least one corrected field, the others give none."""

    model_config = ConfigDict(extra="forbid")

    address: RecordAddress
    decision: Decision
    value: float | None = None
    dataset: str | None = None
    model: str | None = None
    metric: str | None = None
    setting: str | None = None
    reviewer: str = Field(min_length=1)
    reviewed_at: datetime

    @field_validator("value")
    @classmethod
    def _finite(cls, v: float | None) -> float | None:
        if v is not None and not math.isfinite(v):
            raise ValueError("a corrected value must be a finite number")
        return v

    @field_validator("dataset", "model", "metric", "setting")
    @classmethod
    def _stripped(cls, v: str | None) -> str | None:
        if v is not None and not v.strip():
            raise ValueError("a corrected name must not be blank (leave it out to keep the record's)")
        return v.strip() if v is not None else None

    @model_validator(mode="after")
    def _corrections_match_decision(self) -> Review:
        given = [name for name in CORRECTABLE if getattr(self, name) is not None]
        if self.decision == Decision.correct and not given:
            raise ValueError(
                "a correction must change at least one of value, dataset, model, metric, setting"
            )
        if self.decision != Decision.correct and given:
            raise ValueError(
                f"only a correction changes fields; {self.decision.value} was given {', '.join(given)}"
            )
        return self

    def corrections(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in CORRECTABLE if getattr(self, name) is not None}


def apply_review(rec: R, review: Review | None) -> R:
    """The record as reviewed: corrected fields replaced (`*_raw` stay as printed) and `review` set."""
    if review is None:
        return rec
    return rec.model_copy(update={**review.corrections(), "review": REVIEW_STATES[review.decision]})


def apply_reviews(records: Sequence[R], reviews: Iterable[Review], sha256: str | None = None) -> list[R]:
    """Each record as reviewed. `sha256` is the records' content (a run's document); stored records
    carry their own."""
    by_address = {review.address: review for review in reviews}
    if not by_address:
        return list(records)
    return [
        apply_review(rec, by_address.get(RecordAddress.of(rec, sha256 or getattr(rec, "sha256", ""))))
        for rec in records
    ]
