"""The command line: a thin typer app over the library (extractor.pipeline, extractor.schemas)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractor import __version__
from extractor.options import ExportOptions, Format, NormalizeOptions, PdfOptions, RunOptions, SourceOptions
from extractor.report import InputReport, RunReport
from extractor.sources import expand_inputs

app = typer.Typer(
    help="Turn technical reports (PDF, HTML, text pages) into validated leaderboard result records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
MAX_WARNINGS_SHOWN = 3


def _version(value: bool) -> None:
    if value:
        typer.echo(f"extractor {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Turn technical reports (PDF, HTML, text pages) into validated leaderboard result records."""


def _report_line(item: InputReport) -> list[str]:
    if item.status == "failed":
        return [f"error: {item.source}: {item.error}"]
    lines = [f"warning: {item.source}: {w}" for w in item.warnings[:MAX_WARNINGS_SHOWN]]
    if len(item.warnings) > MAX_WARNINGS_SHOWN:
        lines.append(f"warning: {item.source}: {len(item.warnings) - MAX_WARNINGS_SHOWN} more in documents/{item.doc_id}.json")
    return lines


def _print_problems(item: InputReport) -> None:
    for line in _report_line(item):
        err.print(line, markup=False)


def _run_with_progress(inputs: list[str], out: Path, options: RunOptions) -> RunReport:
    from extractor.pipeline import run

    refs = expand_inputs(inputs)
    if not sys.stderr.isatty():
        def plain(item: InputReport) -> None:
            n = len(plain.done) + 1  # type: ignore[attr-defined]
            plain.done.append(item)  # type: ignore[attr-defined]
            if item.status == "ok":
                err.print(f"[{n}/{len(refs)}] ok {item.source} ({item.records} records, {item.seconds:.1f} s)", markup=False)
            _print_problems(item)

        plain.done = []  # type: ignore[attr-defined]
        return run(inputs, out, options, on_input=plain, refs=refs)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("extracting", total=len(refs))

        def tick(item: InputReport) -> None:
            progress.advance(task)
            for line in _report_line(item):
                progress.console.print(line, markup=False)

        return run(inputs, out, options, on_input=tick, refs=refs)


@app.command("run")
def run_command(
    inputs: Annotated[list[str], typer.Argument(help="PDF, HTML or text files, folders (searched recursively), globs or http(s) URLs.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("output"),
    formats: Annotated[list[Format] | None, typer.Option("--format", "-f", help="Formats to write (repeatable): csv, jsonl, json (documents/<doc_id>.json). Default: all.")] = None,
    password: Annotated[str | None, typer.Option(help="Password for encrypted PDFs.")] = None,
    max_pages: Annotated[int | None, typer.Option(help="Read at most this many pages of each PDF.", min=1)] = None,
    aliases: Annotated[Path | None, typer.Option(help="Extra alias file (TOML, same layout as the built-in one) merged over the built-in names.", exists=True, dir_okay=False)] = None,
) -> None:
    """Extract title, abstract, tables and result records from every input.

    Writes OUT/results.csv, OUT/results.jsonl, OUT/documents/<doc_id>.json and OUT/run.json.
    Every input is processed; the exit status is 1 when any input failed.
    """
    options = RunOptions(
        source=SourceOptions(password=password),
        pdf=PdfOptions(max_pages=max_pages),
        normalize=NormalizeOptions(aliases=aliases),
        export=ExportOptions(formats=frozenset(formats)) if formats else ExportOptions(),
    )
    report = _run_with_progress(inputs, out, options)
    ok = len(report.inputs) - len(report.failed)
    records = sum(i.records for i in report.inputs)
    err.print(f"{ok} ok, {len(report.failed)} failed, {records} records -> {out}", markup=False)
    if report.failed:
        raise typer.Exit(code=1)


@app.command("schema")
def schema_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the JSON Schema files.")] = Path("schemas"),
) -> None:
    """Write the JSON Schemas of the output files (document, table, record, run) into a folder."""
    from extractor.schemas import write_schemas

    for path in write_schemas(out):
        typer.echo(str(path))
