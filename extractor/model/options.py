"""One small validated options model per pipeline stage; CLI flags fill them, library callers build them."""

from __future__ import annotations

import hashlib
import os
from enum import Enum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field


class _Options(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SourceOptions(_Options):
    password: str | None = Field(default=None, description="password for encrypted PDFs")
    max_bytes: int = Field(default=200 * 1024 * 1024, gt=0, description="inputs larger than this are refused")
    url_timeout: float = Field(default=30.0, gt=0, description="seconds for fetching a URL")


class PdfOptions(_Options):
    max_pages: int | None = Field(default=None, gt=0, description="read at most this many pages")
    pages: frozenset[int] | None = Field(
        default=None, description="read only these pages (1-based); None: all"
    )
    page_limit: int | None = Field(
        default=1000, gt=0, description="a PDF with more pages fails (unless max_pages reads fewer)"
    )
    ruled_tables: bool = Field(default=True, description="look for tables drawn with rules (pdfplumber)")
    text_tables: bool = Field(default=True, description="look for tables aligned by whitespace only")
    ocr: bool = Field(
        default=True,
        description="read pictures of tables and pages without text with OCR, where Tesseract is installed",
    )
    max_inflated_mb: int = Field(
        default=1024,
        gt=0,
        description="a PDF whose streams inflate past this many MB fails (a decompression bomb)",
    )


class TableOptions(_Options):
    min_value_cells: int = Field(
        default=2, ge=1, description="a table with fewer numeric cells gives no records"
    )


class NormalizeOptions(_Options):
    aliases: Path | None = Field(
        default=None, description="an extra alias file (TOML) merged over the built-in one"
    )


class Format(str, Enum):
    csv = "csv"
    jsonl = "jsonl"


class ExportOptions(_Options):
    formats: frozenset[Format] = frozenset({Format.csv, Format.jsonl})
    db: str | None = Field(
        default=None,
        description="results store: a PostgreSQL URL or a SQLite path; default OUTDIR/results.db",
    )
    store: bool = Field(default=True, description="write each document's records into the results store")


class RunOptions(_Options):
    source: SourceOptions = SourceOptions()
    pdf: PdfOptions = PdfOptions()
    tables: TableOptions = TableOptions()
    normalize: NormalizeOptions = NormalizeOptions()
    export: ExportOptions = ExportOptions()

    def digest(self) -> str:
        """What a document's output depends on besides its bytes and the extractor version."""
        return hashlib.sha256(self.model_dump_json(exclude={"export"}).encode()).hexdigest()[:16]


# A worker's address space by default: the machines this runs on have 2 cores and 24 GB, and the
# default two workers then take at most 8 GB, leaving the rest to the parent, the store and the OS
# (a 700-page report peaks near 0.5 GB; pdfium's and Python's reservations count here too).
DEFAULT_MEMORY_MB = 4096


class BatchOptions(_Options):
    """How a run spreads its documents; none of it changes what a document gives."""

    workers: int = Field(
        default_factory=lambda: os.cpu_count() or 1,
        ge=0,
        description="worker processes; 0 runs in this process, with no time limit",
    )
    timeout: float = Field(default=120.0, gt=0, description="seconds a document may take before it fails")
    force: bool = Field(default=False, description="redo inputs that already have complete output")
    cluster: str | None = Field(default=None, description="a Dask scheduler address, tcp://HOST:PORT")
    memory_mb: int = Field(
        default=DEFAULT_MEMORY_MB,
        ge=0,
        description="address space each worker process may use, in MB (RLIMIT_AS); 0 for no limit",
    )


class ValidateOptions(_Options):
    outlier_factor: float = Field(
        default=1.0,
        gt=0,
        description="a value is far when its nearest other value of the benchmark is further than this many "
        "times the larger of their spread and half their median",
    )
    outlier_min_others: int = Field(
        default=2,
        ge=1,
        description="the outlier check needs at least this many other values of the benchmark",
    )
    tolerance: float = Field(
        default=1e-6, ge=0, description="values closer than this are equal when compared with a reference"
    )
    all_reference: bool = Field(
        default=False, description="compare every record of both sides, not only those on datasets both have"
    )


class LeaderboardOptions(_Options):
    """What `extractor leaderboard` shows; each filter matches exactly, ignoring case."""

    task: str | None = None
    dataset: str | None = None
    metric: str | None = None
    setting: str | None = Field(default=None, description="only records of this setting ('5-shot')")
    by_setting: bool = Field(default=False, description="one board per setting instead of one per benchmark")
    reviewed_only: bool = Field(
        default=False, description="only records a reviewer accepted or corrected (`extractor review`)"
    )
    include_doubtful: bool = Field(
        default=False, description="keep records carrying a flag of extractor.leaderboard.DOUBTFUL_FLAGS"
    )


class BoardFormat(str, Enum):
    """How leaderboards are given: a table for people (plain text when written to a file), CSV, JSON
    (schemas/leaderboard.schema.json), Papers with Code's evaluation-tables JSON, or Hugging Face
    model-index YAML (a block per model)."""

    table = "table"
    csv = "csv"
    json = "json"
    evaluation_tables = "evaluation-tables"
    model_index = "model-index"
