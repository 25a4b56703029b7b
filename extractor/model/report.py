"""What a run produces per document and per batch: results with a status, never an exception."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from extractor import SCHEMA_VERSION, __version__
from extractor.model.document import DocumentWarning, MediaType, Table
from extractor.model.record import ResultRecord

Status = Literal["ok", "failed"]


class DocumentResult(BaseModel):
    """The content of `documents/<doc_id>.json`."""

    schema_version: str = SCHEMA_VERSION
    extractor_version: str = __version__
    doc_id: str
    source: str
    sha256: str
    options_digest: str | None = Field(
        default=None, description="digest of the run options that made this output (resuming compares it)"
    )
    media_type: MediaType
    title: str | None = None
    abstract: str | None = None
    page_count: int | None = None
    tables: list[Table] = Field(default_factory=list)
    records: list[ResultRecord] = Field(default_factory=list)
    warnings: list[DocumentWarning] = Field(default_factory=list)


class InputReport(BaseModel):
    """One input of a run, as `run.json` lists it."""

    source: str
    status: Status
    error: str | None = Field(default=None, description="one-line reason when status is 'failed'")
    doc_id: str | None = None
    media_type: MediaType | None = None
    seconds: float = Field(ge=0)
    resumed: bool = Field(default=False, description="true when complete output from an earlier run was kept")
    tables: int = 0
    records: int = 0
    warnings: list[str] = Field(default_factory=list)


class RunReport(BaseModel):
    """The content of `run.json`."""

    schema_version: str = SCHEMA_VERSION
    extractor_version: str = __version__
    inputs: list[InputReport] = Field(default_factory=list)

    @property
    def failed(self) -> list[InputReport]:
        return [i for i in self.inputs if i.status == "failed"]
