"""Leaderboards for library callers: `extractor.leaderboard(db)` gives every ranked row, one mapping
per row (the board's task, dataset, subdataset, metric and direction, its unit and setting as
`board_unit` and `board_setting`, beside the row's own fields), and `to_pandas()` turns them into
a DataFrame (pandas is not a dependency: install it to use that)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from extractor.model.errors import ExportError
from extractor.model.leaderboard import Leaderboard, LeaderboardRow

BOARD_COLUMNS = ("task", "parent_tasks", "dataset", "subdataset", "metric", "direction")
# The board's unit and setting beside the row's own (a row's unit is its record's).
BOARD_EXTRA = ("board_unit", "board_setting")


class BoardRows(Sequence[dict[str, Any]]):
    """Every row of some leaderboards, flattened; `boards` keeps them as boards."""

    def __init__(self, boards: list[Leaderboard]):
        self.boards = boards
        self._rows = [
            {
                **board.model_dump(include=set(BOARD_COLUMNS)),
                "board_unit": board.unit,
                "board_setting": board.setting,
                **row.model_dump(),
            }
            for board in boards
            for row in board.rows
        ]

    def __getitem__(self, index):  # type: ignore[override]
        return self._rows[index]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self._rows)

    def to_pandas(self):
        """A pandas DataFrame with a column per field, a row per ranked row, in board order."""
        try:
            import pandas
        except ImportError:
            raise ExportError("to_pandas() needs pandas: pip install pandas") from None
        columns = [*BOARD_COLUMNS, *BOARD_EXTRA, *LeaderboardRow.model_fields]
        frame = pandas.DataFrame(self._rows, columns=columns)
        return frame.astype({"rank": "Int64", "global_rank": "Int64"})  # whole numbers, gaps as <NA>
