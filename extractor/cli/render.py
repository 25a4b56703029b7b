"""What the commands print for people (rich): a run's progress and problems, leaderboards and
validation reports as readable tables. `--format json` is for machines."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from extractor.cli.text import printable
from extractor.model.issues import Comparison, Counts, Pairing, ValidationReport
from extractor.model.leaderboard import Leaderboard, LeaderboardRow
from extractor.model.report import InputReport, RunReport
from extractor.readers import InputRef

MAX_WARNINGS_SHOWN = 3


def problem_lines(item: InputReport) -> list[str]:
    """An input's problems, one line each (control characters escaped): its error, or its first warnings."""
    source = printable(item.source)
    if item.status == "failed":
        return [f"error: {source}: {printable(item.error)}"]
    lines = [f"warning: {source}: {printable(w)}" for w in item.warnings[:MAX_WARNINGS_SHOWN]]
    if len(item.warnings) > MAX_WARNINGS_SHOWN:
        more = len(item.warnings) - MAX_WARNINGS_SHOWN
        lines.append(f"warning: {source}: {more} more in documents/{printable(item.doc_id)}.json")
    return lines


def _cell(value: object) -> Text:
    """A table cell: printable, and plain text (never read as rich markup)."""
    return Text(printable(value))


class RunProgress:
    """What `extractor run` prints while it runs, on stderr: on a terminal a progress bar, when piped one
    line per input done; either way each problem is one line. `start` and `done` are run()'s hooks."""

    COLUMNS = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())

    def __init__(self, console: Console):
        self.console = console
        self.bar = Progress(*self.COLUMNS, console=console, transient=True) if sys.stderr.isatty() else None
        self.task: TaskID | None = None
        self.total = self.count = 0

    def __enter__(self) -> RunProgress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def start(self, refs: list[InputRef]) -> None:
        self.total = len(refs)
        if self.bar is not None:
            self.task = self.bar.add_task("extracting", total=self.total)

    def done(self, item: InputReport) -> None:
        self.count += 1
        console = self.console
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task)
            console = self.bar.console
        elif item.status == "ok":
            done = f"({item.records} records, {item.seconds:.1f} s)"
            console.print(f"[{self.count}/{self.total}] ok {printable(item.source)} {done}", markup=False)
        for line in problem_lines(item):
            console.print(line, markup=False)


def print_run_summary(report: RunReport, out: Path, console: Console) -> None:
    ok = len(report.inputs) - len(report.failed)
    records = sum(i.records for i in report.inputs)
    console.print(
        f"{ok} ok, {len(report.failed)} failed, {records} records -> {printable(out)}", markup=False
    )


ARROWS = {"higher": "higher is better", "lower": "lower is better", None: "direction unknown: not ranked"}


_DECIMALS = re.compile(r"\d+(?:\.(\d+))?")


def board_title(board: Leaderboard) -> str:
    task = " > ".join([*board.parent_tasks, board.task])
    dataset = f"{board.dataset}: {board.subdataset}" if board.subdataset else board.dataset
    unit = f" in {board.unit}" if board.unit else ""
    setting = f" | {board.setting}" if board.setting else ""
    return printable(f"{task} | {dataset} | {board.metric}{unit} ({ARROWS[board.direction]}){setting}")


def shown_value(row: LeaderboardRow) -> str:
    """The value one way on every row, with the decimals printed ('95.8%' beside '95.9' shows 95.8;
    the unit is the board's), marks and units left out."""
    printed = _DECIMALS.search(row.value_raw)
    if not printed:
        return f"{row.value:g}"
    decimals = len(printed.group(1) or "") - (2 if row.value_scale == 100 else 0)  # '0.168' shows 16.8
    return f"{row.value:.{max(decimals, 0)}f}"


def print_leaderboards(boards: list[Leaderboard], console: Console) -> None:
    if not boards:
        console.print(
            "no leaderboard: the store has no records that match (flagged records are left out)", markup=False
        )
    for board in boards:
        table = Table(title=Text(board_title(board)), title_justify="left")
        for name, justify in (
            ("rank", "right"),
            ("model", "left"),
            ("value", "right"),
            ("metric as printed", "left"),
            ("setting", "left"),
            ("source's rank", "right"),
            ("paper", "left"),
        ):
            table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
        for row in board.rows:
            paper = row.paper_title or row.paper_url or row.doc_id
            table.add_row(
                "" if row.rank is None else str(row.rank),
                _cell(row.model),
                shown_value(row),
                _cell(row.metric_raw or ""),
                _cell(row.setting or ""),
                "" if row.global_rank is None else str(row.global_rank),
                _cell(paper),
            )
        console.print(table)


# --- validation reports


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _summary_table(title: str, what: str, counts: dict[str, Counts]) -> Table:
    table = Table(title=title, title_justify="left")
    for name, justify in ((what, "left"), ("errors", "right"), ("warnings", "right")):
        table.add_column(name, justify=justify, overflow="fold")  # type: ignore[arg-type]
    for key, c in sorted(counts.items(), key=lambda kv: (-kv[1].errors, -kv[1].warnings, kv[0])):
        table.add_row(_cell(key), str(c.errors), str(c.warnings))
    return table


def _issues_table(report: ValidationReport) -> Table:
    table = Table(title=f"Issues ({report.errors} errors, {report.warnings} warnings)", title_justify="left")
    for name in ("severity", "check", "record", "reason"):
        table.add_column(name, overflow="fold")
    for issue in report.issues:
        where = issue.record.label() if issue.record else (issue.file or "")
        table.add_row(issue.severity, issue.code, _cell(where), _cell(issue.reason))
    return table


MAX_MISSING_SHOWN = 20  # missing records can be many; --format json lists them all


def _pairings(title: str, rows: list[Pairing], limit: int | None = None) -> Table:
    shown = rows[:limit] if limit else rows
    more = f", first {len(shown)} shown; --format json lists all" if len(shown) < len(rows) else ""
    table = Table(title=f"{title} ({len(rows)}{more})", title_justify="left")
    for name in ("dataset", "model", "metric", "setting", "output", "reference"):
        table.add_column(name, overflow="fold")
    for p in shown:
        names = (_cell(n) for n in (p.dataset, p.model, p.metric, p.setting or ""))
        table.add_row(*names, _fmt(p.value), _fmt(p.reference_value))
    return table


def print_report(report: ValidationReport, console: Console) -> None:
    console.print(
        f"{printable(report.outdir)}: {report.files_checked} files, {report.records_checked} records checked",
        markup=False,
        soft_wrap=True,
    )
    if report.issues:
        console.print(_summary_table("Issues per check", "check", report.summary.by_check))
        console.print(_summary_table("Issues per document", "document", report.summary.by_document))
        console.print(_issues_table(report))
    c: Comparison | None = report.comparison
    if c is not None:
        console.print(
            f"against {printable(c.reference)}: {len(c.matches)} match, {len(c.mismatches)} mismatch, "
            f"{len(c.missing_in_output)} missing in output, "
            f"{len(c.missing_in_reference)} missing in reference",
            markup=False,
            soft_wrap=True,
        )
        for title, rows, limit in (
            ("Mismatches", c.mismatches, None),
            ("Missing in output", c.missing_in_output, MAX_MISSING_SHOWN),
            ("Missing in reference", c.missing_in_reference, MAX_MISSING_SHOWN),
        ):
            if rows:
                console.print(_pairings(title, rows, limit))
    verdict = "FAILED" if report.errors else "OK"
    console.print(
        f"{verdict}: {report.errors} errors, {report.warnings} warnings", markup=False, soft_wrap=True
    )
