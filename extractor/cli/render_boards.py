"""Leaderboards as readable tables (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from extractor.leaderboard import Leaderboard

ARROWS = {"higher": "higher is better", "lower": "lower is better", None: "direction unknown: not ranked"}


def board_title(board: Leaderboard) -> str:
    task = " > ".join([*board.parent_tasks, board.task])
    dataset = f"{board.dataset}: {board.subdataset}" if board.subdataset else board.dataset
    return f"{task} | {dataset} | {board.metric} ({ARROWS[board.direction]})"


def print_leaderboards(boards: list[Leaderboard], console: Console) -> None:
    if not boards:
        console.print("no leaderboard: the store has no records that match (flagged records are left out)", markup=False)
    for board in boards:
        table = Table(title=board_title(board), title_justify="left")
        for name, justify in (("rank", "right"), ("model", "left"), ("value", "right"), ("setting", "left"),
                              ("global rank", "right"), ("paper", "left")):
            table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
        for row in board.rows:
            paper = row.paper_title or row.paper_url or row.doc_id
            table.add_row("" if row.rank is None else str(row.rank), row.model, row.value_raw, row.setting or "",
                          "" if row.global_rank is None else str(row.global_rank), paper)
        console.print(table)
