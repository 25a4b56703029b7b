"""Resuming a run: which inputs already have complete output, and clearing what a killed run left
(one run at a time per folder: a second is refused while the first holds its lock).

`documents/<doc_id>.json` is the run's journal. It is written atomically when a document is done,
so its presence with the same content hash, extractor version and run options means the document
is complete; the combined files are rebuilt at the end of each run from the documents of that run's
inputs (done now or kept), not from every file in documents/.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

from pydantic import ValidationError

from extractor import __version__
from extractor.formats.documents import read_document
from extractor.model.document import make_doc_id
from extractor.model.errors import ExtractorError, FolderInUseError
from extractor.model.options import RunOptions
from extractor.model.report import DocumentResult, InputReport
from extractor.readers import InputRef, read_bytes

try:
    import fcntl
except ImportError:  # not on Windows: there only temp files older than PARTIAL_AGE are removed
    fcntl = None  # type: ignore[assignment]


PARTIAL_AGE = 15 * 60  # seconds: a temp file untouched this long has no live writer


class FolderClaim:
    """A run's exclusive lock on its output folder (flock on the folder itself, so no file is added;
    the system drops it when the process dies, even by SIGKILL)."""

    def __init__(self, outdir: Path):
        self.fd: int | None = None
        try:
            outdir.mkdir(parents=True, exist_ok=True)
            self.fd = os.open(outdir, os.O_RDONLY)
        except OSError:
            return  # an unusable folder: the first write says so, as it did before

    def lock(self) -> bool:
        """Take the lock if no other run holds it."""
        if self.fd is None or fcntl is None:
            return True
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def close(self) -> None:
        if self.fd is not None:
            os.close(self.fd)
            self.fd = None


def claim_folder(outdir: Path) -> FolderClaim:
    """Lock `outdir` for this run, then clear what killed runs left; close the claim when the run is
    done. One run at a time: the combined files (results.csv, results.jsonl, run.json) must be one
    run's, and a run alone knows every temp file there is a dead writer's. A second run into a
    locked folder is refused (FolderInUseError) before it writes anything. Without flock (Windows)
    nothing is locked and only temp files untouched for PARTIAL_AGE are removed."""
    claim = FolderClaim(outdir)
    if not claim.lock():
        claim.close()
        raise FolderInUseError(
            f"{outdir}: another extractor run is writing into this folder; wait for it to finish, "
            "or give another output folder (-o)"
        )
    clear_partial_files(outdir, 0.0 if fcntl is not None and claim.fd is not None else PARTIAL_AGE)
    return claim


def clear_partial_files(outdir: Path, older_than: float = PARTIAL_AGE) -> None:
    """Temp files of a write that was killed before its rename (see formats.atomic.write_atomic):
    those not modified for `older_than` seconds (a write in flight keeps its file young)."""
    cutoff = time.time() - older_than
    for folder in (outdir, outdir / "documents"):
        if folder.is_dir():
            for tmp in folder.glob(".*.tmp"):
                try:
                    if older_than <= 0 or tmp.stat().st_mtime < cutoff:
                        tmp.unlink()
                except FileNotFoundError:
                    pass  # renamed or removed by its writer meanwhile


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
