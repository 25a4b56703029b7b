"""Leaderboard exports: CSV and JSON (one row per ranked model) and Papers with Code evaluation tables."""

from __future__ import annotations

import csv
import io

from pydantic import BaseModel, Field

from extractor import SCHEMA_VERSION, __version__
from extractor.model.leaderboard import Leaderboard, LeaderboardRow

BOARD_FIELDS = ("task", "parent_tasks", "dataset", "subdataset", "metric", "direction")
LEADERBOARD_CSV_FIELDS = [*BOARD_FIELDS, *LeaderboardRow.model_fields]


class LeaderboardFile(BaseModel):
    """The content of a leaderboard JSON export."""

    schema_version: str = SCHEMA_VERSION
    extractor_version: str = __version__
    leaderboards: list[Leaderboard] = Field(default_factory=list)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return " > ".join(value)
    if isinstance(value, float):
        return repr(value)
    return value


def leaderboards_csv(boards: list[Leaderboard]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=LEADERBOARD_CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for board in boards:
        head = board.model_dump(include=set(BOARD_FIELDS))
        for row in board.rows:
            writer.writerow({k: _cell(v) for k, v in {**head, **row.model_dump()}.items()})
    return buf.getvalue()


def leaderboards_json(boards: list[Leaderboard]) -> str:
    return LeaderboardFile(leaderboards=boards).model_dump_json(indent=2) + "\n"
