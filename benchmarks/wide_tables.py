"""Seconds to extract one HTML page holding one wide table, by its number of rows (issue 11).

    .venv/bin/python benchmarks/wide_tables.py [--rows 1000 2000 4000 20000] [--profile N]

Each page is a generated table of N rows x 5 columns (a model name and four scores under a header
row), read through the pipeline as one input. Time should grow about linearly with N.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from extractor.model.options import RunOptions
from extractor.readers.inputs import InputRef
from extractor.run.pipeline import process_input

COLUMNS = ("Model", "MMLU", "GSM8K", "HumanEval", "ARC")


def wide_page(rows: int) -> str:
    """An HTML page with one table of `rows` model rows and four scores each."""
    head = "".join(f"<th>{name}</th>" for name in COLUMNS)
    body = "".join(
        f"<tr><td>model-{i}</td>"
        + "".join(f"<td>{(i * 7 + k * 13) % 1000 / 10:.1f}</td>" for k in range(4))
        + "</tr>"
        for i in range(rows)
    )
    return (
        "<html><head><title>Wide results</title></head><body><h1>Results</h1>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>"
    )


def timed(rows: int, folder: Path) -> tuple[float, float, int]:
    """Wall and CPU seconds of one page of `rows` rows through the pipeline, and its records."""
    path = folder / f"wide-{rows}.html"
    path.write_text(wide_page(rows), encoding="utf-8")
    start, cpu = time.perf_counter(), time.process_time()
    report, _ = process_input(InputRef(source=str(path), path=path), RunOptions())
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if report.status != "ok":
        raise SystemExit(f"{rows} rows: {report.error}")
    return seconds, cpu, report.records


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, nargs="+", default=[1000, 2000, 4000, 20000])
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile one page of N rows")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.profile:
            import cProfile
            import pstats

            with cProfile.Profile() as profile:
                timed(args.profile, folder)
            pstats.Stats(profile).sort_stats("tottime").print_stats(40)
            return
        timed(10, folder)  # the vocabulary and lazy imports load once, outside the figures
        for rows in args.rows:
            seconds, cpu, records = timed(rows, folder)
            print(
                f"{rows:>7} rows  {seconds:8.2f} s  {cpu:8.2f} s CPU  {cpu / rows * 1e6:7.1f} us CPU/row  "
                f"{records} records",
                flush=True,
            )


if __name__ == "__main__":
    main()
