"""Table benchmarks on ../shared/corpus: prints figures (it asserts nothing; tests/benchmarks does).

    .venv/bin/python benchmarks/tables.py                      # camelot + icdar
    .venv/bin/python benchmarks/tables.py --suite speed        # seconds/page and peak memory
    .venv/bin/python benchmarks/tables.py --suite camelot -v   # one line per table, misses explained

Suites (how they count: README "Benchmarks" and benchmarks/table_scores.py):

- camelot: camelot's expected grids (camelot/expected_tables_from_tests_data_py.json). A *table*
  is one (pdf, pages, camelot table index); camelot's flavors gave one or more expected grids for
  it (variants) and the best variant counts. Each PDF is read once in the tool's default mode (no
  per-file options; the password of the protected file is passed, since it is input). An
  extracted table on the same pages serves one expected table at most (greedy, by accuracy). A
  table is found when its cell accuracy is >= 0.95.
- icdar: ICDAR 2013 competition (icdar2013/*/*-str.xml), the competition's adjacency relations,
  over all the tables the tool finds in each whole document (complete process: detection errors
  count), micro-averaged over documents; per-document mean F1 and a figure restricted to tables
  overlapping a ground-truth region are printed beside it.
- speed: every reports/*.pdf, each run in a fresh child process: the whole pipeline (load +
  records, no writing) against pypdfium2's bare text extraction of the same pages (the floor).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.table_scores import (  # noqa: E402
    Alignment,
    GtRegion,
    SpanCell,
    Tally,
    adjacency_relations,
    align,
    cells_from_grid,
    compare_relations,
    greedy_assign,
    parse_icdar_structure,
    spans_written_once,
)

CORPUS = REPO.parent / "shared" / "corpus"
FOUND_AT = 0.95


# --------------------------------------------------------------------------- running the tool


def extract_pdf(path: Path, password: str | None = None):
    """The tool's Document for one PDF, exactly as `extractor run` loads it (default options)."""
    from extractor import readers
    from extractor.model.options import RunOptions, SourceOptions
    from extractor.readers import InputRef

    options = RunOptions(source=SourceOptions(password=password))
    return readers.load(InputRef(source=str(path), path=path), options)


def table_cells(table) -> list[SpanCell]:
    if table.cells:
        return [
            SpanCell(c.row, c.col, c.row + c.rowspan - 1, c.col + c.colspan - 1, c.text) for c in table.cells
        ]
    return cells_from_grid(table.grid)


def once_grid(table) -> list[list[str]] | None:
    """The table's grid with spanning cells written once (None when it has no drawn cells)."""
    if not table.cells:
        return None
    return spans_written_once(table.n_rows, table.n_cols, ((c.row, c.col, c.text) for c in table.cells))


def _pages(spec: str) -> list[int]:
    out: list[int] = []
    for part in str(spec).split(","):
        part = part.strip()
        if "-" in part:
            a, b = part.split("-")
            out += list(range(int(a), int(b) + 1))
        elif part:
            out.append(int(part))
    return out


def _short(text: str, n: int = 24) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------- camelot


@dataclass
class CamelotTable:
    pdf: str  # path under camelot/, e.g. tests/files/health.pdf
    pages: str
    index: int  # camelot's table index on those pages
    variants: dict[str, list[list[str]]] = field(default_factory=dict)  # camelot variable -> expected grid
    password: str | None = None

    @property
    def key(self) -> str:
        return f"{self.pdf} p{self.pages} #{self.index}"


@dataclass
class CamelotResult:
    table: CamelotTable
    accuracy: float = 0.0
    variant: str | None = None
    alignment: Alignment | None = None
    extracted: int | None = None  # index of the tool's table
    shape: tuple[int, int] | None = None  # the tool's table (rows, cols)
    candidates: int = 0  # tool tables on those pages
    error: str | None = None
    grid: list[list[str]] | None = None  # the tool's table that serves this one
    once: list[list[str]] | None = None  # the same with spanning cells written once

    @property
    def found(self) -> bool:
        return self.accuracy >= FOUND_AT


def camelot_tables(corpus: Path = CORPUS) -> list[CamelotTable]:
    data = json.loads((corpus / "camelot" / "expected_tables_from_tests_data_py.json").read_text())
    tables: dict[tuple[str, str, int], CamelotTable] = {}
    for t in data["tables"]:
        grid = [[str(c) for c in row] for row in t["rows"]]
        for use in t["used_in"]:
            key = (use["pdf"], str(use["pages"]), int(use.get("table_index", 0)))
            ct = tables.setdefault(key, CamelotTable(*key))
            ct.variants.setdefault(t["variable"], grid)
            pw = (use.get("other_read_pdf_kwargs") or {}).get("password")
            if pw and not ct.password:
                ct.password = pw
    return list(tables.values())


def camelot_pdf(corpus: Path, pdf: str) -> Path:
    """The file camelot read: under camelot/, or for its copy of the ICDAR 2013 dataset (not kept
    twice in the corpus), the same file under icdar2013/."""
    path = corpus / "camelot" / pdf
    marker = "tests/files/tabula/icdar2013-dataset/"
    if not path.exists() and pdf.startswith(marker):
        path = corpus / "icdar2013" / pdf[len(marker) :]
    return path


def camelot_expected_grids(tables: list[CamelotTable]) -> int:
    return len({(t.pdf, t.pages, v) for t in tables for v in t.variants})


def _map(fn: Callable, items: list, jobs: int):
    """fn over items, in order; in `jobs` worker processes when jobs > 1 (each reads its own PDFs)."""
    if jobs <= 1 or len(items) <= 1:
        yield from map(fn, items)
        return
    import multiprocessing

    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        yield from pool.imap(fn, items)


def run_camelot(
    corpus: Path = CORPUS, log: Callable[[str], None] | None = None, jobs: int = 1, only: str | None = None
) -> list[CamelotResult]:
    by_pdf: dict[str, list[CamelotTable]] = {}
    for t in camelot_tables(corpus):
        if only and only not in t.pdf:
            continue
        by_pdf.setdefault(t.pdf, []).append(t)
    results: list[CamelotResult] = []
    for group in _map(_camelot_pdf, [(corpus, group) for _, group in sorted(by_pdf.items())], jobs):
        results += group
        if log:
            for r in group:
                log(_camelot_line(r))
    return results


def _camelot_pdf(job: tuple[Path, list[CamelotTable]]) -> list[CamelotResult]:
    """The expected tables of one PDF against what the tool finds in it."""
    corpus, group = job
    password = next((t.password for t in group if t.password), None)
    try:
        doc = extract_pdf(camelot_pdf(corpus, group[0].pdf), password)
    except Exception as e:  # a failure to load is a miss for every table of that PDF
        return [CamelotResult(t, error=f"{type(e).__name__}: {e}") for t in group]
    tables = {str(x.index): x for x in doc.tables}
    scores: dict[tuple[str, str], float] = {}
    best: dict[tuple[str, str], tuple[str, Alignment]] = {}
    ncand: dict[str, int] = {}
    for t in group:
        pages = set(_pages(t.pages))
        cands = [x for x in doc.tables if x.page in pages]
        ncand[t.key] = len(cands)
        for x in cands:
            alt = once_grid(x)
            for name, grid in t.variants.items():
                al = align(grid, x.grid, alt)
                k = (t.key, str(x.index))
                if k not in scores or al.accuracy > scores[k]:
                    scores[k] = al.accuracy
                    best[k] = (name, al)
    chosen = greedy_assign(scores)
    results = []
    for t in group:
        r = CamelotResult(t, candidates=ncand[t.key])
        if t.key in chosen:
            xi, acc = chosen[t.key]
            x = tables[xi]
            r.accuracy, r.extracted, r.shape = acc, x.index, (x.n_rows, x.n_cols)
            r.variant, r.alignment = best[(t.key, xi)]
            r.grid, r.once = [list(row) for row in x.grid], once_grid(x)
        results.append(r)
    return results


def _camelot_line(r: CamelotResult) -> str:
    t = r.table
    mark = "ok  " if r.found else "MISS"
    if r.error:
        return f"{mark} {t.key}: error {r.error}"
    if r.variant is None:
        shapes = ", ".join(f"{k} {_shape_of(g)}" for k, g in t.variants.items())
        return f"{mark} {t.key}: no table found on the page (expected {shapes})"
    al = r.alignment
    exp = t.variants[r.variant]
    return (
        f"{mark} {t.key}: accuracy {r.accuracy:.3f} ({al.matched}/{al.total}) vs {r.variant} "
        f"{_shape_of(exp)};"
        f" tool table {r.extracted} {r.shape[0]}x{r.shape[1]} at offset ({al.row_offset},{al.col_offset});"
        f" {r.candidates} table(s) on the page"
    )


def _shape_of(grid) -> str:
    return f"{len(grid)}x{max((len(r) for r in grid), default=0)}"


def camelot_misses(r: CamelotResult, limit: int = 6) -> list[str]:
    """A few expected cells that do not match, with what the tool has there."""
    if r.variant is None or r.grid is None:
        return []
    from benchmarks.table_scores import texts_equal

    al = r.alignment
    out = []
    for i, row in enumerate(r.table.variants[r.variant]):
        for j, want in enumerate(row):
            gi, gj = i + al.row_offset, j + al.col_offset
            inside = 0 <= gi < len(r.grid) and 0 <= gj < len(r.grid[gi])
            got = r.grid[gi][gj] if inside else ""
            got2 = r.once[gi][gj] if inside and r.once else None
            if not (texts_equal(want, got) or (got2 is not None and texts_equal(want, got2))):
                out.append(
                    f"      [{i},{j}] want {_short(want)!r} got {_short(got) if inside else '(outside)'!r}"
                )
                if len(out) >= limit:
                    return out
    return out


def camelot_summary(results: list[CamelotResult]) -> dict:
    n = len(results)
    found = sum(r.found for r in results)
    return {
        "tables": n,
        "found": found,
        "found_share": found / n if n else 0.0,
        "mean_accuracy": sum(r.accuracy for r in results) / n if n else 0.0,
        "mean_accuracy_found": (sum(r.accuracy for r in results if r.found) / found) if found else 0.0,
    }


# --------------------------------------------------------------------------- ICDAR 2013


@dataclass
class IcdarResult:
    name: str
    tally: Tally
    in_regions: Tally  # only the tool's tables overlapping a ground-truth region
    gt_tables: int
    tool_tables: int
    seconds: float
    error: str | None = None
    missing: list[tuple[str, str, str]] = field(default_factory=list)  # expected relations not found
    extra: list[tuple[str, str, str]] = field(default_factory=list)  # found relations not expected


def icdar_documents(corpus: Path = CORPUS) -> list[tuple[Path, list[Path]]]:
    """Each ICDAR 2013 PDF with its ground-truth structure files: two (`eu-009a`, `eu-009b`) where
    the annotators gave two readings of one document; the better-scoring reading counts."""
    docs: dict[Path, list[Path]] = {}
    for xml in sorted((corpus / "icdar2013").glob("*/*-str.xml")):
        stem = xml.name[: -len("-str.xml")]
        pdf = xml.with_name(stem + ".pdf")
        if not pdf.exists() and stem[-1:] in "ab":
            pdf = next(
                (p for p in (xml.with_name(stem[:-1] + s + ".pdf") for s in ("", "a", "b")) if p.exists()),
                pdf,
            )
        docs.setdefault(pdf, []).append(xml)
    return sorted(docs.items())


def _page_tops(path: Path) -> dict[int, float]:
    """Each page's top edge in PDF coordinates (the crop box, unrotated: the tables' top-left origin)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return {i + 1: pdf[i].get_cropbox()[3] for i in range(len(pdf))}
    finally:
        pdf.close()


def _overlaps(table, regions: list[GtRegion], tops: dict[int, float]) -> bool:
    """Whether the tool's table covers half of a truth region, or half of it lies in one."""
    if table.bbox is None or table.page is None:
        return False
    h = tops.get(table.page, 792.0)
    tx0, ty0, tx1, ty1 = table.bbox.x0, h - table.bbox.bottom, table.bbox.x1, h - table.bbox.top
    area_t = max(1e-6, (tx1 - tx0) * (ty1 - ty0))
    for reg in regions:
        if reg.page != table.page or reg.bbox is None:
            continue
        x0, y0, x1, y1 = reg.bbox
        inter = max(0.0, min(tx1, x1) - max(tx0, x0)) * max(0.0, min(ty1, y1) - max(ty0, y0))
        area_r = max(1e-6, (x1 - x0) * (y1 - y0))
        if inter / min(area_t, area_r) >= 0.5:
            return True
    return False


def run_icdar(
    corpus: Path = CORPUS, log: Callable[[str], None] | None = None, only: str | None = None, jobs: int = 1
) -> list[IcdarResult]:
    docs = [d for d in icdar_documents(corpus) if not only or only in d[0].stem]
    results = []
    for r in _map(_icdar_pdf, docs, jobs):
        results.append(r)
        if log:
            log(_icdar_line(r))
    return results


def _icdar_pdf(job: tuple[Path, list[Path]]) -> IcdarResult:
    """One ICDAR document: every table the tool finds against each ground-truth reading; the best reading."""
    pdf, xmls = job
    name = pdf.stem
    readings = [parse_icdar_structure(x.read_bytes()) for x in xmls]
    start = time.perf_counter()
    error = None
    tables = []
    tops: dict[int, float] = {}
    try:
        tables = extract_pdf(pdf).tables
        tops = _page_tops(pdf)
    except Exception as e:
        error = f"{type(e).__name__}: {e}"
    seconds = time.perf_counter() - start
    found: Counter = Counter()
    rels = [adjacency_relations(table_cells(t)) for t in tables]
    for rel in rels:
        found += rel
    best: IcdarResult | None = None
    for regions in readings:
        expected: Counter = Counter()
        for reg in regions:
            expected += adjacency_relations(reg.cells)
        inside: Counter = Counter()
        for t, rel in zip(tables, rels):
            if _overlaps(t, regions, tops):
                inside += rel
        r = IcdarResult(
            name,
            compare_relations(expected, found),
            compare_relations(expected, inside),
            len({reg.table_id for reg in regions}),
            len(tables),
            seconds,
            error,
            sorted((expected - found).elements()),
            sorted((found - expected).elements()),
        )
        if best is None or r.tally.f1 > best.tally.f1:
            best = r
    return best


def _icdar_line(r: IcdarResult) -> str:
    t = r.tally
    s = (
        f"{r.name}: P {t.precision:.3f} R {t.recall:.3f} F1 {t.f1:.3f}"
        f" ({t.correct}/{t.found} found, {t.expected} expected);"
        f" in regions F1 {r.in_regions.f1:.3f}; tables {r.tool_tables} (truth {r.gt_tables}); "
        f"{r.seconds:.1f}s"
    )
    return s + (f"; error {r.error}" if r.error else "")


def icdar_summary(results: list[IcdarResult]) -> dict:
    total = Tally()
    inside = Tally()
    for r in results:
        total = total.add(r.tally)
        inside = inside.add(r.in_regions)
    n = len(results)
    return {
        "documents": n,
        "precision": total.precision,
        "recall": total.recall,
        "f1": total.f1,
        "correct": total.correct,
        "found": total.found,
        "expected": total.expected,
        "mean_document_f1": sum(r.tally.f1 for r in results) / n if n else 0.0,
        "in_regions_precision": inside.precision,
        "in_regions_recall": inside.recall,
        "in_regions_f1": inside.f1,
    }


# --------------------------------------------------------------------------- speed


def _child(mode: str, path: str) -> None:
    """Run in a fresh process: one document, then print seconds, pages and peak RSS as JSON."""
    import pypdfium2 as pdfium

    if mode == "floor":
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        best = float("inf")
        for _ in range(3):  # the floor is short and noisy on a shared machine: best of three
            start = time.perf_counter()
            pdf = pdfium.PdfDocument(path)
            pages = len(pdf)
            chars = 0
            for i in range(pages):
                page = pdf[i]
                tp = page.get_textpage()
                chars += len(tp.get_text_range())
                tp.close()
                page.close()
            pdf.close()
            best = min(best, time.perf_counter() - start)
        start = time.perf_counter() - best
    else:
        import pdfplumber  # noqa: F401  imports are a one-off per process: done before the clock starts

        import extractor.readers.pdf  # noqa: F401
        from extractor.model.options import RunOptions
        from extractor.readers import InputRef
        from extractor.run.pipeline import process_input

        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        report, result = process_input(InputRef(source=path, path=Path(path)), RunOptions())
        pages = result.page_count if result else 0
        chars = len(result.records) if result else -1
    seconds = time.perf_counter() - start
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    print(
        json.dumps(
            {"seconds": seconds, "pages": pages, "peak_mb": rss / 1024, "base_mb": rss0 / 1024, "n": chars}
        )
    )


def _spawn(mode: str, path: Path) -> dict:
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", mode, str(path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=str(REPO),
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_speed(
    corpus: Path = CORPUS, log: Callable[[str], None] | None = None, only: str | None = None
) -> list[dict]:
    rows = []
    for pdf in sorted((corpus / "reports").glob("*.pdf")):
        if only and only not in pdf.name:
            continue
        floor = _spawn("floor", pdf)
        full = _spawn("pipeline", pdf)
        row = {
            "name": pdf.name,
            "pages": floor["pages"],
            "floor_s": floor["seconds"],
            "pipeline_s": full["seconds"],
            "floor_peak_mb": floor["peak_mb"],
            "peak_mb": full["peak_mb"],
            "base_mb": full["base_mb"],
            "records": full["n"],
        }
        rows.append(row)
        if log:
            log(
                f"{pdf.name}: {row['pages']} pages; pipeline {row['pipeline_s'] / row['pages']:.3f} s/page,"
                f" floor {row['floor_s'] / row['pages']:.4f} s/page"
                f" (x{row['pipeline_s'] / max(row['floor_s'], 1e-9):.0f});"
                f" peak {row['peak_mb']:.0f} MB (after imports {row['base_mb']:.0f}); {row['records']} "
                "records"
            )
    return rows


def speed_summary(rows: list[dict]) -> dict:
    pages = sum(r["pages"] for r in rows)
    full = sum(r["pipeline_s"] for r in rows)
    floor = sum(r["floor_s"] for r in rows)
    return {
        "documents": len(rows),
        "pages": pages,
        "pipeline_s_per_page": full / pages if pages else 0.0,
        "floor_s_per_page": floor / pages if pages else 0.0,
        "ratio": full / floor if floor else 0.0,
        "peak_mb_max": max((r["peak_mb"] for r in rows), default=0.0),
        "floor_peak_mb_max": max((r["floor_peak_mb"] for r in rows), default=0.0),
        "worst_ratio": max((r["pipeline_s"] / max(r["floor_s"], 1e-9) for r in rows), default=0.0),
    }


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--suite",
        action="append",
        choices=["camelot", "icdar", "speed", "all"],
        help="repeatable; default: camelot and icdar",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per table/document, with misses")
    ap.add_argument("--only", help="only documents whose name (camelot: path) contains this")
    ap.add_argument(
        "--json",
        action="store_true",
        help="print the figures as one JSON object at the end, each table's/document's score under items",
    )
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument(
        "-j", "--jobs", type=int, default=1, help="camelot/icdar: documents read in this many processes"
    )
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        _child(*args.child)
        return 0
    if not args.corpus.exists():
        print(f"corpus absent: {args.corpus}", file=sys.stderr)
        return 2
    suites = args.suite or ["camelot", "icdar"]
    if "all" in suites:
        suites = ["camelot", "icdar", "speed"]
    log = print if args.verbose else None
    summary: dict[str, dict] = {}
    if "camelot" in suites:
        start = time.perf_counter()
        results = run_camelot(args.corpus, log, args.jobs, args.only)
        s = camelot_summary(results)
        s["seconds"] = time.perf_counter() - start
        s["expected_grids"] = camelot_expected_grids([r.table for r in results])
        summary["camelot"] = s
        s["items"] = {r.table.key: round(r.accuracy, 4) for r in results}
        if args.verbose:
            _print_camelot_misses(results)
        print(
            f"camelot: {s['found']}/{s['tables']} tables found ({s['found_share']:.1%}) at cell accuracy >= "
            f"{FOUND_AT};"
            f" mean cell accuracy {s['mean_accuracy']:.3f} (found ones {s['mean_accuracy_found']:.3f});"
            f" {s['expected_grids']} expected grids; {s['seconds']:.0f}s"
        )
    if "icdar" in suites:
        start = time.perf_counter()
        results = run_icdar(args.corpus, log, args.only, args.jobs)
        s = icdar_summary(results)
        s["seconds"] = time.perf_counter() - start
        summary["icdar"] = s
        s["items"] = {
            r.name: [round(r.tally.precision, 4), round(r.tally.recall, 4), round(r.tally.f1, 4)]
            for r in results
        }
        if args.verbose:
            _print_icdar_worst(results)
        print(
            f"icdar2013: {s['documents']} documents; adjacency relations P {s['precision']:.3f} R "
            f"{s['recall']:.3f}"
            f" F1 {s['f1']:.3f} ({s['correct']} correct, {s['found']} found, {s['expected']} expected);"
            f" mean document F1 {s['mean_document_f1']:.3f}; tables overlapping a truth region only:"
            f" P {s['in_regions_precision']:.3f} R {s['in_regions_recall']:.3f} F1 {s['in_regions_f1']:.3f};"
            f" {s['seconds']:.0f}s"
        )
    if "speed" in suites:
        rows = run_speed(args.corpus, log, args.only)
        s = speed_summary(rows)
        summary["speed"] = s
        s["items"] = {r["name"]: round(r["pipeline_s"] / max(r["pages"], 1), 4) for r in rows}
        print(
            f"speed: {s['documents']} PDFs, {s['pages']} pages; pipeline {s['pipeline_s_per_page']:.3f} "
            "s/page,"
            f" pypdfium2 text floor {s['floor_s_per_page']:.4f} s/page: x{s['ratio']:.1f} the floor (worst "
            "document"
            f" x{s['worst_ratio']:.1f}); peak RSS {s['peak_mb_max']:.0f} MB (floor "
            f"{s['floor_peak_mb_max']:.0f} MB)"
        )
    if args.json:
        print(json.dumps(summary, indent=1))
    return 0


def _print_camelot_misses(results: list[CamelotResult]) -> None:
    misses = [r for r in results if not r.found and r.variant is not None]
    if misses:
        print("camelot misses, first cells that differ (expected row, col):")
    for r in misses:
        print(f"  {r.table.key} ({r.variant}):")
        for line in camelot_misses(r):
            print(line)


def _print_icdar_worst(results: list[IcdarResult], n: int = 10) -> None:
    print("icdar2013 worst documents, a few relations missing / extra:")
    for r in sorted(results, key=lambda r: r.tally.f1)[:n]:
        print(f"  {r.name}: F1 {r.tally.f1:.3f}")
        for d, a, b in r.missing[:4]:
            print(f"      missing {d} {_short(a)!r} -> {_short(b)!r}")
        for d, a, b in r.extra[:3]:
            print(f"      extra   {d} {_short(a)!r} -> {_short(b)!r}")


if __name__ == "__main__":
    sys.exit(main())
