"""Page images for the review app: a PDF page rendered once with pdfium and kept as a PNG under
OUTDIR/.review/pages/, so a reviewer sees where each value was read.

The PDF is found from the document's source (a path; a relative one is taken from the current
folder, as `extractor run` was given it) and must still hold the content the document was read from
(its sha256): boxes drawn over another version of a file would point at the wrong places. Every
failure is a reason shown to the reviewer instead of the image, never an error page.
"""

from __future__ import annotations

import hashlib
import os
import struct
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from extractor.model.document import BBox, Table

CACHE_FOLDER = Path(".review") / "pages"
# Pixels per PDF point: 2 renders a letter page 1224 px wide, small print still readable on screen.
SCALE = 2.0
_PNG_SIZE_AT = 16  # the IHDR chunk's width and height, two big-endian 32-bit numbers, start here
_HASH_CHUNK = 1 << 20  # bytes read at a time when hashing a source file
# pdfium is not safe to call from two threads at once; the app serves requests from a thread pool.
_PDFIUM = threading.Lock()


@dataclass(frozen=True)
class PageImage:
    """A cached page image: its file and the page's size in PDF points (for the overlay's viewBox)."""

    path: Path
    width: float
    height: float


class PageUnavailable(Exception):
    """Why a page cannot be shown; the message is for the reviewer."""


def cache_path(outdir: Path, doc_id: str, page: int) -> Path:
    return outdir / CACHE_FOLDER / f"{doc_id}-p{page}.png"


def pdf_source(source: str) -> Path:
    """The PDF file a document was read from, or PageUnavailable saying why there is none."""
    if "://" in source:
        raise PageUnavailable(f"the document was read from {source}, not a local file")
    path = Path(source)
    if not path.is_absolute():
        path = Path.cwd() / path
    if not path.is_file():
        raise PageUnavailable(f"the PDF {source} is not there any more (looked at {path})")
    return path


def page_image(outdir: Path, doc_id: str, source: str, sha256: str, page: int) -> PageImage:
    """The page's image, rendered into the cache on first use (atomically: a reader sees the whole PNG
    or none)."""
    target = cache_path(outdir, doc_id, page)
    if not target.is_file():
        path = pdf_source(source)
        if _sha256(path) != sha256:
            raise PageUnavailable(
                f"the PDF {source} has changed since it was read; run `extractor run` again"
            )
        _render(path, page, target)
    width, height = _png_size(target)
    return PageImage(target, width / SCALE, height / SCALE)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(_HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _render(pdf: Path, page: int, target: Path) -> None:
    import pypdfium2

    target.parent.mkdir(parents=True, exist_ok=True)
    with _PDFIUM:
        try:
            document = pypdfium2.PdfDocument(pdf)
        except pypdfium2.PdfiumError as e:
            raise PageUnavailable(f"pdfium cannot open {pdf}: {e}") from e
        try:
            if not 1 <= page <= len(document):
                raise PageUnavailable(f"{pdf} has no page {page}")
            image = document[page - 1].render(scale=SCALE).to_pil()
        finally:
            document.close()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            image.save(f, format="PNG")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _png_size(path: Path) -> tuple[int, int]:
    with path.open("rb") as f:
        head = f.read(_PNG_SIZE_AT + 8)
    return struct.unpack(">II", head[_PNG_SIZE_AT:])


@dataclass
class PageView:
    """One page a table is printed on: its image (or why there is none) and the boxes to draw over it,
    in PDF points."""

    page: int
    width: float = 0.0
    height: float = 0.0
    reason: str | None = None
    table_box: BBox | None = None  # the table's box on this page, when known
    boxes: list[tuple[str, BBox]] = field(default_factory=list)  # (cell key, box) of each value cell here


def table_pages(
    outdir: Path, doc_id: str, source: str, sha256: str, table: Table, value_cells: set[str]
) -> list[PageView]:
    """The pages of `table` (one per provenance item), each with its value cells' boxes; rendering the
    images here, before the page is sent, lets a failure be said in words beside the grid."""
    views = []
    for prov in table.provenance:
        first, last = prov.rows
        boxes = [
            (key, c.bbox)
            for c in table.cells
            if c.bbox is not None
            and first <= c.row <= last
            and (key := f"{table.index}-{c.row}-{c.col}") in value_cells
        ]
        view = PageView(page=prov.page, table_box=prov.bbox, boxes=boxes)
        try:
            image = page_image(outdir, doc_id, source, sha256, prov.page)
            view.width, view.height = image.width, image.height
        except PageUnavailable as e:
            view.reason = str(e)
        except OSError as e:
            view.reason = f"the page image cannot be made: {e.strerror or e}"
        views.append(view)
    return views
