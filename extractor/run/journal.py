"""Resuming a run: which inputs already have complete output, and clearing what a killed run left.

`documents/<doc_id>.json` is the run's journal. It is written atomically when a document is done,
so its presence with the same content hash, extractor version and run options means the document
is complete; the combined files are rebuilt from every document at the end of each run.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pydantic import ValidationError

from extractor import __version__
from extractor.formats.documents import read_document
from extractor.model.document import make_doc_id
from extractor.model.errors import ExtractorError
from extractor.model.options import RunOptions
from extractor.model.report import DocumentResult, InputReport
from extractor.readers import InputRef, read_bytes


def clear_partial_files(outdir: Path) -> None:
    """Temp files of a write that was killed before its rename (see export.files.write_atomic)."""
    for folder in (outdir, outdir / "documents"):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)


def completed(outdir: Path, ref: InputRef, options: RunOptions) -> DocumentResult | None:
    """The earlier result of a file input whose output is complete and current, else None."""
    if ref.is_url or ref.missing or ref.path is None or not ref.path.is_file():
        return None  # a URL may have changed, a pipe may block: read them again, in a worker
    try:
        sha = hashlib.sha256(read_bytes(ref, options.source)).hexdigest()
    except ExtractorError:
        return None
    path = outdir / "documents" / f"{make_doc_id(ref.source, sha)}.json"
    try:
        done = read_document(path)
    except (OSError, ValidationError):
        return None
    if (done.sha256, done.extractor_version, done.options_digest) != (sha, __version__, options.digest()):
        return None
    return done if done.source == ref.source else None


def resumed_report(result: DocumentResult) -> InputReport:
    return InputReport(
        source=result.source,
        status="ok",
        doc_id=result.doc_id,
        media_type=result.media_type,
        seconds=0.0,
        resumed=True,
        tables=len(result.tables),
        records=len(result.records),
        warnings=[w.message for w in result.warnings],
    )
