"""documents/<doc_id>.json (one document's result, also the run's journal) and run.json: written
atomically, read back validated."""

from __future__ import annotations

from pathlib import Path

from extractor.formats.atomic import write_atomic
from extractor.model.report import DocumentResult, RunReport


def write_document(outdir: Path, result: DocumentResult) -> Path:
    path = outdir / "documents" / f"{result.doc_id}.json"
    write_atomic(path, result.model_dump_json(indent=2) + "\n")
    return path


def write_run(outdir: Path, report: RunReport) -> None:
    write_atomic(outdir / "run.json", report.model_dump_json(indent=2) + "\n")


def read_document(path: Path) -> DocumentResult:
    """A documents/<doc_id>.json file; raises OSError or pydantic's ValidationError."""
    return DocumentResult.model_validate_json(path.read_bytes())
