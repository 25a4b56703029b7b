"""One small validated options model per pipeline stage; CLI flags fill them, library callers build them."""

from __future__ import annotations

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
    ruled_tables: bool = Field(default=True, description="look for tables drawn with rules (pdfplumber)")
    text_tables: bool = Field(default=True, description="look for tables aligned by whitespace only")


class TableOptions(_Options):
    min_value_cells: int = Field(default=2, ge=1, description="a table with fewer numeric cells gives no records")


class NormalizeOptions(_Options):
    aliases: Path | None = Field(default=None, description="an extra alias file (TOML) merged over the built-in one")


class Format(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    json = "json"  # documents/<doc_id>.json


class ExportOptions(_Options):
    formats: frozenset[Format] = frozenset({Format.csv, Format.jsonl, Format.json})


class RunOptions(_Options):
    source: SourceOptions = SourceOptions()
    pdf: PdfOptions = PdfOptions()
    tables: TableOptions = TableOptions()
    normalize: NormalizeOptions = NormalizeOptions()
    export: ExportOptions = ExportOptions()
