"""The command line: a thin typer app over the library (extractor.run.pipeline, extractor.formats.schemas)."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractor import __version__
from extractor.model.errors import ClusterError, ExtractorError, StoreError
from extractor.model.options import (
    BatchOptions,
    ExportOptions,
    Format,
    NormalizeOptions,
    PdfOptions,
    RunOptions,
    SourceOptions,
)
from extractor.model.report import InputReport, RunReport
from extractor.readers import expand_inputs

app = typer.Typer(
    help="Turn technical reports (PDF, HTML, text pages) into validated leaderboard result records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
MAX_WARNINGS_SHOWN = 3
DB_HELP = (
    "Results store: a PostgreSQL URL (postgresql://user@host/db) or a SQLite file. Default: OUT/results.db."
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"extractor {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn technical reports (PDF, HTML, text pages) into validated leaderboard result records."""


def _report_line(item: InputReport) -> list[str]:
    if item.status == "failed":
        return [f"error: {item.source}: {item.error}"]
    lines = [f"warning: {item.source}: {w}" for w in item.warnings[:MAX_WARNINGS_SHOWN]]
    if len(item.warnings) > MAX_WARNINGS_SHOWN:
        lines.append(
            f"warning: {item.source}: {len(item.warnings) - MAX_WARNINGS_SHOWN} more in documents/{item.doc_id}.json"
        )
    return lines


def _print_problems(item: InputReport) -> None:
    for line in _report_line(item):
        err.print(line, markup=False)


def _run_with_progress(inputs: list[str], out: Path, options: RunOptions, batch: BatchOptions) -> RunReport:
    from extractor.run import run

    refs = expand_inputs(inputs)
    if not sys.stderr.isatty():

        def plain(item: InputReport) -> None:
            n = len(plain.done) + 1  # type: ignore[attr-defined]
            plain.done.append(item)  # type: ignore[attr-defined]
            if item.status == "ok":
                err.print(
                    f"[{n}/{len(refs)}] ok {item.source} ({item.records} records, {item.seconds:.1f} s)",
                    markup=False,
                )
            _print_problems(item)

        plain.done = []  # type: ignore[attr-defined]
        return run(inputs, out, options, on_input=plain, refs=refs, batch=batch)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("extracting", total=len(refs))

        def tick(item: InputReport) -> None:
            progress.advance(task)
            for line in _report_line(item):
                progress.console.print(line, markup=False)

        return run(inputs, out, options, on_input=tick, refs=refs, batch=batch)


@app.command("run")
def run_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="PDF, HTML or text files, folders (searched recursively), globs or http(s) URLs.",
            show_default=False,
        ),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("output"),
    formats: Annotated[
        list[Format] | None,
        typer.Option(
            "--format",
            "-f",
            help="Combined record files to write (repeatable): csv, jsonl. Default: both. documents/<doc_id>.json are always written: they are the run's journal.",
        ),
    ] = None,
    password: Annotated[str | None, typer.Option(help="Password for encrypted PDFs.")] = None,
    max_pages: Annotated[
        int | None, typer.Option(help="Read at most this many pages of each PDF.", min=1)
    ] = None,
    page_limit: Annotated[
        int, typer.Option(help="A PDF with more pages fails (unless --max-pages reads fewer).", min=1)
    ] = 1000,
    aliases: Annotated[
        Path | None,
        typer.Option(
            help="Extra alias file (TOML, same layout as the built-in one) merged over the built-in names.",
            exists=True,
            dir_okay=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes (default: the number of cores); 0 runs in this process with no time limit.",
            min=0,
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option(help="Seconds a document may take before it fails.", min=0.1)
    ] = 120.0,
    force: Annotated[
        bool, typer.Option("--force", help="Redo inputs whose complete output is already in OUT.")
    ] = False,
    cluster: Annotated[
        str | None, typer.Option(help="Run on a Dask cluster: the scheduler address, tcp://HOST:PORT.")
    ] = None,
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """Extract title, abstract, tables and result records from every input.

    Writes OUT/results.csv, OUT/results.jsonl, OUT/documents/<doc_id>.json and OUT/run.json.
    Every input is processed; the exit status is 1 when any input failed. Inputs whose complete
    output is already in OUT (same content, extractor version and options) are kept, not redone.
    """
    options = RunOptions(
        source=SourceOptions(password=password),
        pdf=PdfOptions(max_pages=max_pages, page_limit=page_limit),
        normalize=NormalizeOptions(aliases=aliases),
        export=ExportOptions(db=db, **({"formats": frozenset(formats)} if formats else {})),
    )
    batch = BatchOptions(
        timeout=timeout, force=force, cluster=cluster, **({"workers": workers} if workers is not None else {})
    )
    try:
        report = _run_with_progress(inputs, out, options, batch)
    except (StoreError, ClusterError) as e:
        err.print(f"error: {e}", markup=False)
        raise typer.Exit(code=2) from None
    ok = len(report.inputs) - len(report.failed)
    records = sum(i.records for i in report.inputs)
    err.print(f"{ok} ok, {len(report.failed)} failed, {records} records -> {out}", markup=False)
    if report.failed:
        raise typer.Exit(code=1)


@app.command("schema")
def schema_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the JSON Schema files.")] = Path(
        "schemas"
    ),
) -> None:
    """Write the JSON Schemas of the output files (document, table, record, run) into a folder."""
    from extractor.formats.schemas import write_schemas

    for path in write_schemas(out):
        typer.echo(str(path))


class OutputFormat(str, Enum):
    table = "table"
    json = "json"


class BoardFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    evaluation_tables = "evaluation-tables"


@app.command("validate")
def validate_command(
    outdir: Annotated[Path, typer.Argument(help="An output folder of `extractor run`.", show_default=False)],
    against: Annotated[
        Path | None,
        typer.Option(
            "--against",
            help="Reference: evaluation-tables JSON, a CSV with the record columns, or a folder of them.",
        ),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(
            "--db",
            help="Results store the outlier check compares with. Default: OUTDIR/results.db when it exists.",
        ),
    ] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table (for people) or json (for machines).")
    ] = OutputFormat.table,
    all_reference: Annotated[
        bool,
        typer.Option(
            "--all-reference",
            help="Compare every record of both sides, not only those on datasets both have.",
        ),
    ] = False,
) -> None:
    """Check an output folder against the schemas, for meaning, and against a reference.

    Schemas: every file. Meaning: percentages in 0..100, dataset and model present, one value per
    dataset/model/metric/setting, known metric direction, no far outliers in the store. With
    --against: matches, mismatches and records missing on either side. The exit status is 1 when
    there are errors (warnings alone give 0), 2 when OUTDIR or the reference cannot be read.
    """
    from extractor.checks.folder import validate_outdir
    from extractor.cli.render import print_report
    from extractor.model.options import ValidateOptions

    try:
        report = validate_outdir(outdir, against, db, ValidateOptions(all_reference=all_reference))
    except ExtractorError as e:
        err.print(f"error: {e}", markup=False)
        raise typer.Exit(code=2) from None
    if fmt == OutputFormat.json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        print_report(report, Console(highlight=False, soft_wrap=False, width=max(Console().width, 120)))
    if report.errors:
        raise typer.Exit(code=1)


@app.command("explain")
def explain_command(
    source: Annotated[
        str, typer.Argument(help="One PDF, HTML or text file, or an http(s) URL.", show_default=False)
    ],
    tables: Annotated[
        list[int] | None,
        typer.Option("--table", "-t", help="Only this table (its 0-based index; repeatable)."),
    ] = None,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table (for people) or json (for machines).")
    ] = OutputFormat.table,
    aliases: Annotated[
        Path | None,
        typer.Option(
            help="Extra alias file merged over the built-in names, as for `run`.", exists=True, dir_okay=False
        ),
    ] = None,
) -> None:
    """Show how each table of one input is read before records are made.

    Per table: what the caption says of every record (variant, setting, metric, parent benchmark,
    kind), which axis holds the models, and what each value column (header path, benchmark, group,
    subset, metric, setting) and each row (label, category, section) stands for. Nothing is written.
    The exit status is 2 when the input cannot be read.
    """
    from extractor.normalize import aliases_for
    from extractor.readers import load
    from extractor.records.semantics import read_semantics

    options = RunOptions(normalize=NormalizeOptions(aliases=aliases))
    refs = expand_inputs([source])
    if len(refs) != 1:
        err.print(f"error: {source}: explain reads one input, this names {len(refs)}", markup=False)
        raise typer.Exit(code=2)
    try:
        doc = load(refs[0], options)
    except ExtractorError as e:
        err.print(f"error: {source}: {e}", markup=False)
        raise typer.Exit(code=2) from None
    vocab = aliases_for(options.normalize)
    found = [read_semantics(t, vocab) for t in doc.tables if tables is None or t.index in tables]
    if fmt == OutputFormat.json:
        typer.echo("[" + ",\n".join(s.model_dump_json(indent=2) for s in found) + "]")
    else:
        typer.echo("\n\n".join(s.render() for s in found) or "no tables")


@app.command("leaderboard")
def leaderboard_command(
    db: Annotated[
        str | None,
        typer.Option(
            "--db", help="Results store: a PostgreSQL URL or a SQLite file. Default: output/results.db."
        ),
    ] = None,
    task: Annotated[str | None, typer.Option(help="Only this task.")] = None,
    dataset: Annotated[str | None, typer.Option(help="Only this dataset.")] = None,
    metric: Annotated[str | None, typer.Option(help="Only this metric.")] = None,
    fmt: Annotated[
        BoardFormat,
        typer.Option(
            "--format", "-f", help="table, csv, json, or evaluation-tables (Papers with Code's JSON)."
        ),
    ] = BoardFormat.table,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help="Write to this file (atomically) instead of stdout.")
    ] = None,
    include_doubtful: Annotated[
        bool,
        typer.Option(
            "--include-doubtful",
            help="Keep records flagged as doubtful (unknown dataset, guessed orientation, ...).",
        ),
    ] = False,
) -> None:
    """Rank models per (task, dataset, metric) from the results store.

    Ranked in the metric's direction, one row per model with its best result and the paper it came
    from, ties ranked equal; records with a doubtful flag are left out.
    """
    from extractor.cli.render import print_leaderboards
    from extractor.formats.atomic import write_text
    from extractor.formats.leaderboard import leaderboards_csv, leaderboards_json
    from extractor.leaderboard import build_leaderboards, export_evaluation_tables
    from extractor.model.options import LeaderboardOptions
    from extractor.store import open_store

    options = LeaderboardOptions(task=task, dataset=dataset, metric=metric, include_doubtful=include_doubtful)
    try:
        with open_store(db, must_exist=True) as store:
            records = store.records()
    except ExtractorError as e:
        err.print(f"error: {e}", markup=False)
        raise typer.Exit(code=2) from None
    if fmt == BoardFormat.evaluation_tables:
        return write_text(out, export_evaluation_tables(records, options))
    boards = build_leaderboards(records, options)
    if fmt == BoardFormat.table and out is None:
        return print_leaderboards(boards, Console(highlight=False, width=max(Console().width, 120)))
    write_text(out, leaderboards_csv(boards) if fmt == BoardFormat.csv else leaderboards_json(boards))


@app.command("import")
def import_command(
    files: Annotated[
        list[Path],
        typer.Argument(
            help="Evaluation-tables JSON files (Papers with Code's format).",
            show_default=False,
            exists=True,
            dir_okay=False,
        ),
    ],
    db: Annotated[str | None, typer.Option("--db", help=DB_HELP)] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output folder whose results.db is the default store.")
    ] = Path("output"),
) -> None:
    """Load Papers with Code evaluation-tables JSON into the results store.

    Each file is one document, keyed by its sha256: importing it again replaces it.
    """
    from extractor.formats.evaltables import load_evaluation_tables
    from extractor.store import open_store

    try:
        with open_store(db, out) as store:
            for path in files:
                doc, records = load_evaluation_tables(path)
                store.replace_document(doc, records)
                err.print(f"{path}: {len(records)} records -> {doc.doc_id}", markup=False)
    except ExtractorError as e:
        err.print(f"error: {e}", markup=False)
        raise typer.Exit(code=2) from None
