"""Documents and pages per second of whole runs, beside pypdfium2's bare text extraction (the floor),
and a worker's peak memory on one long PDF.

    .venv/bin/python benchmarks/throughput.py [FOLDER] [--workers 1 2] [--no-cluster] [--memory PAGES]

FOLDER defaults to ../shared/corpus/reports; its PDFs (subfolders included) are the inputs. Each
configuration is one fresh `extractor run` into a temporary folder (`--force`, no store), so
nothing is reused between them.

`--memory PAGES` (700 for the issue's figure) also joins the folder's PDFs, in order and repeated
as needed, into one PDF of PAGES pages, and runs the first 100, PAGES/2 and PAGES pages of it, each
in a fresh process doing what a worker does for one document (`tune_gc`, then `process_input`);
it prints each one's peak RSS and the growth per 100 pages between the shortest and the longest.
Those prefixes take in more of the reports' heaviest pages as they grow (a picture OCR decodes at
6022 x 5623 pixels, a chart of 100,000 objects pdfium takes ~95 MB to load), and one such page sets
a peak by itself; so the first 100 pages are also repeated to PAGES pages, whose growth is the
number of pages' alone.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from extractor.model.options import BatchOptions, ExportOptions, RunOptions
from extractor.run import run

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpus" / "reports"
FLOOR_RUNS = 3  # the floor is its fastest run: a first read from disk would flatter the ratios


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


# what a worker does for one document, in a fresh process; prints its peak RSS in MB
_WORKER = """
import resource, sys
from extractor.model.options import RunOptions
from extractor.readers.inputs import expand_inputs
from extractor.run.workers import tune_gc
from extractor.run.pipeline import process_input
tune_gc()
report, _ = process_input(expand_inputs([sys.argv[1]])[0], RunOptions())
assert report.status == "ok", report.error
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def joined_pdf(pdfs: list[Path], pages: int, out: Path) -> None:
    """The PDFs' pages in order, repeated as needed, up to `pages` pages, saved to `out`."""
    joined = pdfium.PdfDocument.new()
    while len(joined) < pages:
        for path in pdfs:
            src = pdfium.PdfDocument(path)
            take = min(len(src), pages - len(joined))
            if take > 0:
                joined.import_pages(src, list(range(take)))
            src.close()
    joined.save(out)
    joined.close()


def worker_peak_mb(pdf: Path) -> float:
    command = [sys.executable, "-c", _WORKER, str(pdf)]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return float(done.stdout.split()[-1])


def memory(pdfs: list[Path], pages: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        longest = Path(tmp) / f"joined-{pages}.pdf"
        joined_pdf(pdfs, pages, longest)
        peaks = {}
        for n in sorted({100, pages // 2, pages}):
            path = longest if n == pages else Path(tmp) / f"joined-{n}.pdf"
            if n != pages:
                joined_pdf([longest], n, path)
            peaks[n] = worker_peak_mb(path)
            print(f"one worker, {n:4d}-page PDF {peaks[n]:13.1f} MB peak RSS")
        _growth(peaks)
        first = Path(tmp) / "first-100.pdf"
        joined_pdf([longest], 100, first)
        repeated = Path(tmp) / f"repeated-{pages}.pdf"
        joined_pdf([first], pages, repeated)
        same = {100: peaks[100], pages: worker_peak_mb(repeated)}
        print(f"the first 100 pages repeated to {pages} {same[pages]:8.1f} MB peak RSS")
        _growth(same)


def _growth(peaks: dict[int, float]) -> None:
    low, high = min(peaks), max(peaks)
    if high > low:
        growth = (peaks[high] - peaks[low]) / (high - low) * 100
        print(f"growth per 100 pages {growth:17.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-cluster", action="store_true", help="skip the Dask LocalCluster run")
    parser.add_argument("--memory", type=int, metavar="PAGES", help="peak RSS of a worker on a PDF this long")
    args = parser.parse_args()
    pdfs = sorted(args.folder.rglob("*.pdf"))
    if not pdfs:
        raise SystemExit(f"no PDFs in {args.folder}")
    floor, pages = min(bare_text(pdfs) for _ in range(FLOOR_RUNS))  # the fastest: files in the page cache
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
    if args.memory:
        memory(pdfs, args.memory)


if __name__ == "__main__":
    main()
