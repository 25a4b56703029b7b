"""The command line: a thin typer app over the library. Each command is one library call plus what it
prints (cli.render); the options are declared once, in cli.option_groups."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from extractor import __version__
from extractor.cli.option_groups import (
    Aliases,
    BoardFile,
    BoardFormats,
    BySetting,
    Dataset,
    Db,
    IncludeDoubtful,
    MaxInflated,
    MaxMemory,
    Metric,
    OutFolder,
    OutputFormat,
    RecordFormats,
    ReportFormat,
    ReviewedOnly,
    SchemaFolder,
    Setting,
    Task,
)
from extractor.cli.text import printable
from extractor.model.errors import (
    AliasFileError,
    ClusterError,
    ExtractorError,
    FolderInUseError,
    OutputError,
    StoreError,
)
from extractor.model.issues import ISSUE_CODES
from extractor.model.options import (
    DEFAULT_MEMORY_MB,
    BatchOptions,
    BoardFormat,
    ExportOptions,
    LeaderboardOptions,
    NormalizeOptions,
    PdfOptions,
    RunOptions,
    SourceOptions,
    ValidateOptions,
)

app = typer.Typer(
    help="Turn technical reports (PDF, HTML, text pages) into validated leaderboard result records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def _error(message: object, code: int = 2) -> typer.Exit:
    """Print the one line `error: ...` on stderr (control characters escaped); the caller raises the Exit
    with the status returned."""
    err.print(f"error: {printable(message)}", markup=False)
    return typer.Exit(code=code)


def _wide() -> Console:
    """stdout, at least 120 columns wide, for tables."""
    return Console(highlight=False, soft_wrap=False, width=max(Console().width, 120))


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


@app.command("run")
def run_command(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="PDF, HTML or text files, folders (searched recursively), globs or http(s) URLs.",
            show_default=False,
        ),
    ],
    out: OutFolder = Path("output"),
    formats: RecordFormats = None,
    password: Annotated[str | None, typer.Option(help="Password for encrypted PDFs.")] = None,
    max_pages: Annotated[
        int | None, typer.Option(help="Read at most this many pages of each PDF.", min=1)
    ] = None,
    page_limit: Annotated[
        int, typer.Option(help="A PDF with more pages fails (unless --max-pages reads fewer).", min=1)
    ] = 1000,
    max_inflated: MaxInflated = 1024,
    aliases: Aliases = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes (default: the number of cores); "
            "0 runs in this process with no time limit.",
            min=0,
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option(help="Seconds a document may take before it fails.", min=0.1)
    ] = 120.0,
    max_memory: MaxMemory = DEFAULT_MEMORY_MB,
    force: Annotated[
        bool, typer.Option("--force", help="Redo inputs whose complete output is already in OUT.")
    ] = False,
    cluster: Annotated[
        str | None, typer.Option(help="Run on a Dask cluster: the scheduler address, tcp://HOST:PORT.")
    ] = None,
    db: Db = None,
) -> None:
    """Extract title, abstract, tables and result records from every input.

    Writes OUT/results.csv, OUT/results.jsonl, OUT/documents/<doc_id>.json and OUT/run.json.
    Every input is processed; the exit status is 1 when any input failed. Inputs whose complete
    output is already in OUT (same content, extractor version and options) are kept, not redone.
    """
    from extractor.cli.render import RunProgress, print_run_summary
    from extractor.run import run

    options = RunOptions(
        source=SourceOptions(password=password),
        pdf=PdfOptions(max_pages=max_pages, page_limit=page_limit, max_inflated_mb=max_inflated),
        normalize=NormalizeOptions(aliases=aliases),
        export=ExportOptions(db=db, **({"formats": frozenset(formats)} if formats else {})),
    )
    batch = BatchOptions(
        timeout=timeout,
        memory_mb=max_memory,
        force=force,
        cluster=cluster,
        **({"workers": workers} if workers is not None else {}),
    )
    try:
        with RunProgress(err) as progress:
            report = run(inputs, out, options, batch=batch, on_start=progress.start, on_input=progress.done)
    except (StoreError, ClusterError, AliasFileError, FolderInUseError, OutputError) as e:
        raise _error(e) from None
    print_run_summary(report, out, err)
    if report.failed:
        raise typer.Exit(code=1)


@app.command("schema")
def schema_command(out: SchemaFolder = Path("schemas")) -> None:
    """Write the JSON Schemas of the output files (document, table, record, run) into a folder."""
    from extractor.formats.schemas import write_schemas

    for path in write_schemas(out):
        typer.echo(printable(path))


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
    db: Db = None,
    fmt: ReportFormat = OutputFormat.table,
    all_reference: Annotated[
        bool,
        typer.Option(
            "--all-reference",
            help="Compare every record of both sides, not only those on datasets both have.",
        ),
    ] = False,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only", metavar="CHECK", help="Only this check's issues (repeatable): " + ", ".join(ISSUE_CODES)
        ),
    ] = None,
    document: Annotated[
        str | None, typer.Option("--document", metavar="DOC_ID", help="Only the issues of this document.")
    ] = None,
) -> None:
    """Check an output folder against the schemas, for meaning, and against a reference.

    Schemas: every file. Meaning: percentages in 0..100, dataset and model present, one value per
    dataset/model/metric/setting, known metric direction, no far outliers in the results store
    (--db, else OUTDIR/results.db when it exists). With --against: matches, mismatches and records
    missing on either side. The exit status is 1 when there are errors (warnings alone give 0), 2
    when OUTDIR or the reference cannot be read.
    """
    from extractor.checks.folder import narrow, validate_outdir
    from extractor.cli.render import print_report

    try:
        report = validate_outdir(outdir, against, db, ValidateOptions(all_reference=all_reference))
        report = narrow(report, set(only or []), document)
    except ExtractorError as e:
        raise _error(e) from None
    if fmt == OutputFormat.json:
        typer.echo(report.model_dump_json(indent=2))
    else:
        print_report(report, _wide())
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
    fmt: ReportFormat = OutputFormat.table,
    aliases: Aliases = None,
) -> None:
    """Show how each table of one input is read before records are made.

    Per table: what the caption says of every record (variant, setting, metric, parent benchmark,
    kind), which axis holds the models, and what each value column (header path, benchmark, group,
    subset, metric, setting) and each row (label, category, section) stands for. Nothing is written.
    The exit status is 2 when the input cannot be read.
    """
    from extractor.run.pipeline import explain_input

    try:
        found = explain_input(source, RunOptions(normalize=NormalizeOptions(aliases=aliases)), tables)
    except ExtractorError as e:
        raise _error(f"{source}: {e}") from None
    if fmt == OutputFormat.json:
        typer.echo("[" + ",\n".join(s.model_dump_json(indent=2) for s in found) + "]")
    else:
        text = "\n\n".join(s.render() for s in found) or "no tables"
        typer.echo("\n".join(printable(line) for line in text.split("\n")))


@app.command("leaderboard")
def leaderboard_command(
    db: Db = None,
    task: Task = None,
    dataset: Dataset = None,
    metric: Metric = None,
    setting: Setting = None,
    by_setting: BySetting = False,
    fmt: BoardFormats = BoardFormat.table,
    out: BoardFile = None,
    include_doubtful: IncludeDoubtful = False,
    reviewed_only: ReviewedOnly = False,
) -> None:
    """Rank models per benchmark and metric class from the results store.

    One board per benchmark (task, dataset) and metric class (accuracy, EM and Pass@1 on a
    multiple-choice benchmark are one), one row per model (spellings of one model merged) with its
    best result, the setting and the paper it came from, ties ranked equal; records with a doubtful
    flag and ablation variants are left out.
    """
    from extractor.cli.render import print_leaderboards
    from extractor.formats.atomic import write_text
    from extractor.leaderboard import publish, store_leaderboards

    options = LeaderboardOptions(
        task=task,
        dataset=dataset,
        metric=metric,
        setting=setting,
        by_setting=by_setting,
        include_doubtful=include_doubtful,
        reviewed_only=reviewed_only,
    )
    try:
        if fmt != BoardFormat.table:
            return publish(db, options, fmt, out)
        boards = store_leaderboards(db, options)
    except ExtractorError as e:
        raise _error(e) from None
    if out is None:
        return print_leaderboards(boards, _wide())
    page = Console(file=io.StringIO(), highlight=False, soft_wrap=False, width=120, color_system=None)
    print_leaderboards(boards, page)
    write_text(out, page.file.getvalue())  # the same tables as printed, as plain text


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
    db: Db = None,
    out: OutFolder = Path("output"),
) -> None:
    """Load Papers with Code evaluation-tables JSON into the results store.

    Each file is one document, keyed by its path: importing it again replaces what that path had.
    """
    from extractor.model.stored import StoredDocument, StoredRecord
    from extractor.store import import_evaluation_tables

    def imported(path: Path, doc: StoredDocument, records: list[StoredRecord]) -> None:
        err.print(printable(f"{path}: {len(records)} records -> {doc.doc_id}"), markup=False)

    try:
        import_evaluation_tables(files, db, out, on_file=imported)
    except ExtractorError as e:
        raise _error(e) from None


@app.command("review")
def review_command(
    outdir: Annotated[Path, typer.Argument(help="An output folder of `extractor run`.", show_default=False)],
    db: Db = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; the default serves this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8765,
    reviewer: Annotated[
        str | None, typer.Option(help="Name the decisions are signed with (default: your user name).")
    ] = None,
) -> None:
    """Review the records in a browser: accept, reject or correct each, its page beside it.

    Serves a local web app over OUTDIR and its results store (--db, else OUTDIR/results.db) and prints
    its address; decisions are stored in the results store. Ctrl-C stops it. The exit status is 2 when
    the store cannot be opened.
    """
    from extractor.review import serve

    def ready(address: str) -> None:
        typer.echo(printable(f"reviewing {outdir} at {address} (Ctrl-C stops)"))

    if not (outdir / "documents").is_dir():
        raise _error(f"{outdir}: no documents/ folder: run `extractor run` into it first")
    try:
        serve(outdir, db, host, port, reviewer, on_ready=ready)
    except ExtractorError as e:
        raise _error(e) from None
