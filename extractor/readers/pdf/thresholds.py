"""Tunable thresholds of the PDF stage, composed into `PdfSettings`; one model per part, each in its
own module (text_settings, layout_settings, drawing_settings, finder_settings, ocr_settings). Lengths are in
points unless named `*_em` (multiples of the local font size); `*_share` is a fraction of a count,
a width or an area."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from extractor.readers.pdf.drawing_settings import DrawingSettings
from extractor.readers.pdf.finder_settings import TableFinderSettings
from extractor.readers.pdf.layout_settings import LayoutSettings
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.pdf.text_settings import TextSettings


class PdfSettings(BaseModel):
    """Every threshold of the PDF stage; `resolve` makes one from what a caller passed."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: TextSettings = Field(default_factory=TextSettings, description="chars -> words -> lines")
    layout: LayoutSettings = Field(
        default_factory=LayoutSettings, description="lines -> blocks, title, abstract"
    )
    drawing: DrawingSettings = Field(
        default_factory=DrawingSettings, description="rules, chart marks and images"
    )
    tables: TableFinderSettings = Field(default_factory=TableFinderSettings, description="the table finders")
    ocr: OcrSettings = Field(default_factory=OcrSettings, description="pictures read with OCR")
    pages_per_opening: int = Field(
        50,
        gt=0,
        description="the PDF is opened afresh after this many pages: pdfium keeps what it parsed until then",
    )
    pages_in_memory: int = Field(
        100,
        ge=0,
        description="a PDF read to more pages keeps its pages' words in a temporary file between reading "
        "and analysis, not in memory (page_store.py)",
    )

    @classmethod
    def resolve(cls, settings: PdfSettings | TableFinderSettings | None) -> PdfSettings:
        """Defaults for None; table-finder settings alone keep the other parts' defaults."""
        if settings is None:
            return cls()
        if isinstance(settings, TableFinderSettings):
            return cls(tables=settings)
        return settings
