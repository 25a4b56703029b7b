"""Documents and pages per second of whole runs, beside pypdfium2's bare text extraction (the floor).

    .venv/bin/python benchmarks/throughput.py [FOLDER] [--workers 1 2] [--no-cluster]

FOLDER defaults to ../shared/corpus/reports; its PDFs are the inputs. Each configuration is one
fresh `extractor run` into a temporary folder (`--force`, no store), so nothing is reused between
them.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from extractor.model.options import BatchOptions, ExportOptions, RunOptions
from extractor.run import run

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpus" / "reports"


def bare_text(pdfs: list[Path]) -> tuple[float, int]:
    """Seconds for pypdfium2 to open every PDF and read every page's text, and the page count."""
    start, pages = time.perf_counter(), 0
    for path in pdfs:
        pdf = pdfium.PdfDocument(path)
        for page in pdf:
            textpage = page.get_textpage()
            textpage.get_text_bounded()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return time.perf_counter() - start, pages


def timed_run(pdfs: list[Path], batch: BatchOptions) -> tuple[float, int, int]:
    """A run over the PDFs named one by one: the folder's README and other files are no input."""
    options = RunOptions(export=ExportOptions(store=False))
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        report = run([str(p) for p in pdfs], Path(out), options, batch=batch)
        seconds = time.perf_counter() - start
    failed = len(report.failed)
    return seconds, len(report.inputs), failed


def _line(name: str, seconds: float, docs: int, pages: int, floor: float, failed: int = 0) -> str:
    note = f", {failed} failed" if failed else ""
    return (
        f"{name:<32} {seconds:8.1f} s  {docs / seconds:6.2f} docs/s  {pages / seconds:7.1f} pages/s  "
        f"{seconds / floor:6.1f}x floor{note}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-cluster", action="store_true", help="skip the Dask LocalCluster run")
    args = parser.parse_args()
    pdfs = sorted(args.folder.glob("*.pdf"))
    if not pdfs:
        raise SystemExit(f"no PDFs in {args.folder}")
    floor, pages = bare_text(pdfs)
    print(f"{len(pdfs)} PDFs, {pages} pages, {os.cpu_count()} cores")
    print(_line("pypdfium2 bare text", floor, len(pdfs), pages, floor))
    for workers in args.workers:
        seconds, docs, failed = timed_run(pdfs, BatchOptions(workers=workers, force=True))
        print(_line(f"extractor --workers {workers}", seconds, docs, pages, floor, failed))
    if not args.no_cluster:
        from dask.distributed import LocalCluster

        with LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster:
            seconds, docs, failed = timed_run(
                pdfs, BatchOptions(cluster=cluster.scheduler_address, force=True)
            )
        print(_line("extractor Dask LocalCluster(2)", seconds, docs, pages, floor, failed))


if __name__ == "__main__":
    main()
