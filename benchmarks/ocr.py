"""How well OCR reads tables: corpus pages whose tables have a text layer are rendered into a PDF of
page pictures (no text), and the pipeline reads both; the text layer's reading is the truth.

    PYTHONPATH=. .venv/bin/python benchmarks/ocr.py [FOLDER] [--pages 24] [--per-doc 2] [--dpi 300]
        [--ocr-dpi 300] [--psm 6] [--min-confidence 0.6] [--reread-scales 1 2] [--misses] [--show]

FOLDER defaults to ../shared/corpus/reports. Pages are taken in file order, at most `--per-doc` of
each document, each holding a table of at least `--min-scores` score cells. Printed: score cells
read exactly (share), all cells read exactly, records equal on (dataset, model, value), and seconds
per OCR page (and records equal once model names are compared by identity, as leaderboards join
them; and of the records whose dataset, model and setting are the text layer's but whose value is not, the
share flagged `ocr-low-confidence`). A cell counts as read when the OCR table cell at its centre
holds its text (whitespace collapsed, `∗` read as `*` and `∼` as `~`: one glyph; `10, 518` as
`10,518`: one number); where no OCR cell is at its
centre (a ruled cell taller than its text, the text set off its middle), the OCR cell with the most
of its box, at least half, inside the cell's box. The issue's targets: scores
>= 99%, cells >= 95%, records >= 95%.
"""

from __future__ import annotations

import argparse
import re
import time
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium

from extractor.model.document import Document, Table, TableEngine
from extractor.model.options import PdfOptions, RunOptions
from extractor.readers.pdf import PdfSettings, read_pdf
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.roles import holds_score
from extractor.run.pipeline import extract_document
from extractor.vocab import load_vocabulary
from extractor.vocab.model_identity import model_key

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "corpus" / "reports"
_MOST_INSIDE = 0.5  # an OCR cell counts as at a text-layer cell's place when half its box lies in it
JPEG_QUALITY = 95  # a scan's pictures are JPEGs; at this quality their artefacts do not blur digits


@dataclass
class Tally:
    scores: int = 0
    scores_read: int = 0
    cells: int = 0
    cells_read: int = 0
    records: int = 0
    records_read: int = 0
    records_joined: int = 0  # equal once model names are compared as leaderboards join them
    misread: int = 0  # records with the text layer's dataset, model and setting but another value
    misread_flagged: int = 0  # of those, flagged ocr-low-confidence (left out until reviewed)
    right_flagged: int = 0  # records equal to the text layer's yet flagged ocr-low-confidence
    pages: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)  # with --show: each page's differing cells and records


# code points a picture cannot tell apart, one glyph printed: the text layer's `∗` (U+2217, LaTeX's
# math asterisk) is the `*` OCR reads, its `∼` (U+223C, the tilde operator) the `~`
_SAME_GLYPH = str.maketrans({"\u2217": "*", "\u223c": "~"})


# a thousands separator's comma and the thin space LaTeX's math mode sets after it (`10, 518` in
# the text layer): the picture shows one number, which OCR reads `10,518`
_DIGIT_GROUP = re.compile(r"(?<=\d),\s+(?=\d{3}\b)")


def _norm(text: str) -> str:
    return " ".join(_DIGIT_GROUP.sub(",", text.translate(_SAME_GLYPH)).split())


def table_pages(doc: Document, per_doc: int, min_scores: int) -> list[int]:
    """Pages holding a table with at least `min_scores` score cells, the first `per_doc` of them."""
    pages = []
    for t in doc.tables:
        scores = sum(1 for c in t.cells if holds_score(c.text))
        if t.page and t.page not in pages and scores >= min_scores:
            pages.append(t.page)
    return pages[:per_doc]


def scanned(data: bytes, pages: list[int], dpi: float) -> bytes:
    """A PDF of the `pages` (1-based) as grayscale pictures at `dpi`: no text layer."""
    pdf = pdfium.PdfDocument(data)
    try:
        images = [pdf[p - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for p in pages]
    finally:
        pdf.close()
    out = BytesIO()
    images[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=images[1:], quality=JPEG_QUALITY)
    return out.getvalue()


def _cell_at(tables: list[Table], box) -> str | None:
    """The text of the OCR cell at the middle of `box` (a text-layer cell's), or where none is there,
    of the one whose box lies most inside it (a ruled cell is taller than the text it holds)."""
    x, y = (box.x0 + box.x1) / 2, (box.top + box.bottom) / 2
    best, most = None, 0.0
    for t in tables:
        for c in t.cells:
            b = c.bbox
            if b is None:
                continue
            if b.x0 - 1 <= x <= b.x1 + 1 and b.top - 1 <= y <= b.bottom + 1:
                return c.text
            w = min(b.x1, box.x1) - max(b.x0, box.x0)
            h = min(b.bottom, box.bottom) - max(b.top, box.top)
            area = (b.x1 - b.x0) * (b.bottom - b.top)
            inside = w * h / area if w > 0 and h > 0 and area > 0 else 0.0
            if inside > most:
                best, most = c.text, inside
    return best if most >= _MOST_INSIDE else None


def compare(truth: Document, ocr: Document, pages: list[int], tally: Tally, source: str) -> None:
    for k, page in enumerate(pages, start=1):
        mine = [t for t in ocr.tables if t.page == k and t.engine == TableEngine.OCR]
        for t in (t for t in truth.tables if t.page == page and len(t.provenance) == 1):
            for c in t.cells:
                if not c.text.strip() or c.bbox is None:
                    continue
                read = _cell_at(mine, c.bbox)
                exact = read is not None and _norm(read) == _norm(c.text)
                score = holds_score(c.text)
                tally.cells += 1
                tally.cells_read += exact
                tally.scores += score
                tally.scores_read += score and exact
                if score and not exact and len(tally.misses) < 40:
                    tally.misses.append(f"{source} p{page}: {c.text!r} read {read!r}")
                if not exact:
                    tally.shown.append(f"  cell p{page} r{c.row} c{c.col}: {c.text!r} read {read!r}")
    opts = RunOptions()
    wanted = [
        r
        for r in extract_document(truth, opts).records
        if r.page in pages and _one_page(truth, r.table_index)
    ]
    want = {_record(r) for r in wanted}
    read = extract_document(ocr, opts).records
    got = {_record(r) for r in read}
    truth_values: dict[tuple, set[float]] = {}
    for r in wanted:
        truth_values.setdefault((r.dataset, r.model, r.setting), set()).add(r.value)
    tally.right_flagged += sum(1 for r in read if "ocr-low-confidence" in r.flags and _record(r) in want)
    for r in read:
        values = truth_values.get((r.dataset, r.model, r.setting))
        if values is not None and len(values) == 1 and r.value not in values:
            tally.misread += 1
            tally.misread_flagged += "ocr-low-confidence" in r.flags
            flagged = "(flagged)" if "ocr-low-confidence" in r.flags else "(NOT flagged)"
            tally.shown.append(
                f"  value {r.dataset!r} {r.model!r}: {sorted(values)} read {r.value} {flagged}"
            )
    tally.records += len(want)
    tally.records_read += len(want & got)
    tally.records_joined += len(_joined(want) & _joined(got))
    tally.shown += [f"  lost  {r}" for r in sorted(want - got, key=str)]
    tally.shown += [f"  extra {r}" for r in sorted(got - want, key=str)]


def _record(r) -> tuple:
    """(dataset, model, value), the names' glyphs a picture cannot tell apart counted as one."""
    return (
        r.dataset and r.dataset.translate(_SAME_GLYPH),
        r.model and r.model.translate(_SAME_GLYPH),
        r.value,
    )


def _joined(records: set[tuple]) -> set[tuple]:
    """(dataset, model identity, value): `LLaMA3 70B` and `LLaMA 3 70B` are one model on a board."""
    return {(d, model_key(m), v) for d, m, v in records}


def _one_page(doc: Document, index: int) -> bool:
    return len(doc.tables[index].provenance) == 1


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.1%}" if whole else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--pages", type=int, default=24, help="OCR at most this many pages in all")
    parser.add_argument("--per-doc", type=int, default=2, help="at most this many pages of a document")
    parser.add_argument("--min-scores", type=int, default=8, help="a page's table holds this many scores")
    parser.add_argument("--dpi", type=float, default=300, help="the scan's resolution")
    parser.add_argument("--ocr-dpi", type=float, default=OcrSettings().dpi, help="OCR's rendering resolution")
    parser.add_argument(
        "--psm", type=int, default=OcrSettings().psm, help="Tesseract's page segmentation mode"
    )
    parser.add_argument(
        "--min-confidence",
        type=float,
        default=OcrSettings().min_confidence,
        help="a word read with less confidence is in doubt (flagged)",
    )
    parser.add_argument(
        "--reread-scales",
        type=float,
        nargs="+",
        default=OcrSettings().reread_scales,
        help="a doubtful stretch is read again at these enlargements",
    )
    parser.add_argument("--misses", action="store_true", help="print the score cells misread")
    parser.add_argument(
        "--show",
        action="store_true",
        help="print per document the cells misread and the records lost or extra",
    )
    args = parser.parse_args()
    vocab = load_vocabulary()
    ocr = OcrSettings(
        psm=args.psm,
        dpi=args.ocr_dpi,
        min_confidence=args.min_confidence,
        reread_scales=tuple(args.reread_scales),
    )
    settings = PdfSettings(ocr=ocr)
    tally = Tally()
    for path in sorted(args.folder.glob("*.pdf")):
        if tally.pages >= args.pages:
            break
        data = path.read_bytes()
        truth = read_pdf(data, str(path), RunOptions(pdf=PdfOptions(ocr=False)), vocab)
        pages = table_pages(truth, min(args.per_doc, args.pages - tally.pages), args.min_scores)
        if not pages:
            continue
        scan = scanned(data, pages, args.dpi)
        start = time.perf_counter()
        ocr = read_pdf(scan, f"{path.name}-scan.pdf", RunOptions(), vocab, settings=settings)
        tally.seconds += time.perf_counter() - start
        tally.pages += len(pages)
        before = (tally.scores_read, tally.scores, tally.records_read, tally.records)
        compare(truth, ocr, pages, tally, path.name)
        s = [
            b - a
            for a, b in zip(before, (tally.scores_read, tally.scores, tally.records_read, tally.records))
        ]
        print(f"{path.name:<56} pages {pages}  scores {s[0]}/{s[1]}  records {s[2]}/{s[3]}", flush=True)
        if args.show:
            print("\n".join(tally.shown), flush=True)
        tally.shown.clear()
    print()
    print(f"score cells read exactly   {_share(tally.scores_read, tally.scores)}   (target >= 99%)")
    print(f"all cells read exactly     {_share(tally.cells_read, tally.cells)}   (target >= 95%)")
    print(f"records equal (d, m, v)    {_share(tally.records_read, tally.records)}   (target >= 95%)")
    print(f"  models as boards join    {_share(tally.records_joined, tally.records)}")
    print(f"values misread, flagged    {_share(tally.misread_flagged, tally.misread)}")
    print(f"right values flagged       {_share(tally.right_flagged, tally.records_read)}")
    if tally.pages:
        print(f"seconds per OCR page       {tally.seconds / tally.pages:.2f} ({tally.pages} pages)")
    if args.misses:
        print("\n".join(tally.misses))


if __name__ == "__main__":
    main()
