"""The command-line options, each declared once with one help text; a command names the ones it takes.

Each alias names its flags, so a command's parameter name cannot change them. An option several
commands share is one alias here (`--db`, `--aliases`, the report `--format`). Where
a name means different things, each meaning is its own alias: `--out` is a run's output folder, the
schema folder or a leaderboard file; `--format` chooses record files, a report's form or a
leaderboard's. tests/test_cli.py fails when a command declares a shared option with another text.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from extractor.model.options import BoardFormat, Format


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


# --- shared by several commands

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Results store: a PostgreSQL URL (postgresql://user@host/db) or a SQLite file. "
        "Default: results.db in the output folder (OUT or OUTDIR; output/ for a command without one).",
    ),
]
OutFolder = Annotated[
    Path, typer.Option("--out", "-o", help="Output folder; its results.db is the default results store.")
]
Aliases = Annotated[
    Path | None,
    typer.Option(
        "--aliases",
        help="Extra alias file (TOML, same layout as the built-in one) merged over the built-in names.",
        exists=True,
        dir_okay=False,
    ),
]
ReportFormat = Annotated[
    OutputFormat, typer.Option("--format", "-f", help="table (for people) or json (for machines).")
]

# --- `--out` and `--format` of one command, where they mean something else

SchemaFolder = Annotated[Path, typer.Option("--out", "-o", help="Folder for the JSON Schema files.")]
BoardFile = Annotated[
    Path | None, typer.Option("--out", "-o", help="Write to this file (atomically) instead of stdout.")
]
RecordFormats = Annotated[
    list[Format] | None,
    typer.Option(
        "--format",
        "-f",
        help="Combined record files to write (repeatable): csv, jsonl. Default: both. "
        "documents/<doc_id>.json are always written: they are the run's journal.",
    ),
]
BoardFormats = Annotated[
    BoardFormat,
    typer.Option(
        "--format",
        "-f",
        help="table, csv, json, evaluation-tables (Papers with Code's JSON) or model-index (Hugging Face "
        "card metadata YAML, a block per model; needs extractor[hub]).",
    ),
]

# --- a run's limits

MaxMemory = Annotated[
    int,
    typer.Option(
        "--max-memory",
        "--memory-limit",  # its earlier name, still taken
        help="MB of address space each worker process may use; a document past it fails alone "
        "(ran out of memory). 0: no limit. Not applied with --workers 0 or --cluster.",
        min=0,
    ),
]
MaxInflated = Annotated[
    int,
    typer.Option(
        "--max-inflated",
        metavar="MB",
        help="A PDF whose streams (images aside) inflate past this many MB fails alone "
        "(a decompression bomb?), before it is parsed.",
        min=1,
    ),
]

# --- the leaderboard filters (LeaderboardOptions)

Task = Annotated[str | None, typer.Option("--task", help="Only this task.")]
Dataset = Annotated[str | None, typer.Option("--dataset", help="Only this dataset.")]
Metric = Annotated[str | None, typer.Option("--metric", help="Only this metric.")]
Setting = Annotated[str | None, typer.Option("--setting", help="Only this setting ('5-shot').")]
ReviewedOnly = Annotated[
    bool,
    typer.Option("--reviewed-only", help="Only records a reviewer accepted or corrected (extractor review)."),
]
BySetting = Annotated[
    bool, typer.Option("--by-setting", help="One board per setting instead of one per benchmark.")
]
IncludeDoubtful = Annotated[
    bool,
    typer.Option(
        "--include-doubtful",
        help="Keep records flagged as doubtful (unknown dataset, guessed orientation, ...).",
    ),
]
