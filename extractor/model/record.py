"""ResultRecord: one reported score. The field names are a contract other tools read:
add fields freely, never rename or drop one (see DEVELOPERS.md)."""

from __future__ import annotations

import math
from typing import Literal

from pydantic import ConfigDict, Field, field_validator

from extractor.model.lean import LeanModel

# Order of the CSV columns; the contract's fields first.
CONTRACT_FIELDS = (
    "doc_id",
    "source",
    "task",
    "dataset",
    "model",
    "metric",
    "value",
    "unit",
    "value_raw",
    "setting",
    "global_rank",
    "dataset_raw",
    "model_raw",
    "metric_raw",
    "page",
    "table_index",
    "row",
    "col",
)

UNITS = ("%", "pp", "x", "s", "ms", "tokens/s", "$", "points")


# Every flag a record may carry: doubts a reviewer should see. Leaderboard exports leave flagged records out.
RECORD_FLAGS: dict[str, str] = {
    "unknown-dataset": "the alias data does not know the dataset",
    "orientation-guessed": "which axis holds the models was guessed from model-like names",
    "maybe-not-results": "the table shows signs of configuration data and the benchmark is unknown",
    "model-incomplete": "the model name is only a size: its family was never printed",
    "model-is-setting": "the model label names a prompting condition ('No system prompt'), not a model",
    "model-placeholder": "the model label stands for whichever model did best ('Other Best'), naming none",
    "in-house-benchmark": (
        "the caption says the scores are on the authors' own benchmark: its labels are no public benchmark"
    ),
    "conflicting-values": (
        "the document gives the same dataset, model, metric and setting another value elsewhere"
    ),
    "label-offset": "the row's model name is drawn between two rows: which row it names is a guess",
    "marked-caveat": (
        "a note says the results its mark points at are not comparable (for reference only, a spoken version)"
    ),
    "direction-conflict": (
        "the table's arrow says the other way is better than the metric's known direction ('Accuracy ↓'): "
        "the metric read or the arrow is wrong, and a leaderboard would rank the values backwards"
    ),
    "ocr-low-confidence": (
        "the value was read by OCR with low confidence, or repaired from a slip its column does not confirm"
    ),
    "read-by-ocr": (
        "the table was read from a picture by OCR, whose labels and values are not yet right often enough "
        "to publish unreviewed (benchmarks/ocr.py); a reviewer's accept lets it on a leaderboard"
    ),
}


class ResultRecord(LeanModel):
    model_config = ConfigDict(validate_assignment=True)

    doc_id: str = Field(min_length=1)
    source: str = Field(min_length=1)
    task: str | None = None
    dataset: str = Field(min_length=1)
    model: str = Field(min_length=1)
    metric: str | None = None
    value: float
    unit: str | None = None
    value_raw: str = Field(min_length=1)
    setting: str | None = Field(
        default=None, description="canonical evaluation setting, e.g. '5-shot', '0-shot CoT', 'maj@8'"
    )
    global_rank: int | None = Field(default=None, ge=1)
    dataset_raw: str = Field(min_length=1)
    model_raw: str = Field(min_length=1)
    metric_raw: str | None = None
    page: int | None = Field(default=None, ge=1)
    table_index: int = Field(ge=0)
    row: int = Field(ge=0, description="0-based row of the value cell in the table grid")
    col: int = Field(ge=0, description="0-based column of the value cell in the table grid")
    # Fields beyond the contract.
    task_raw: str | None = None
    setting_raw: str | None = Field(
        default=None, description="the setting text as found, e.g. 'few-shot, k=5'"
    )
    spread: float | None = Field(default=None, description="the ± part of a value such as '71.2 ± 0.3'")
    markers: str | None = Field(
        default=None, description="footnote markers separated from the value, e.g. '*', '†'"
    )
    bold: bool = False
    model_role: Literal["own", "baseline", "ablation"] | None = Field(
        default=None,
        description="'own' when the model is the document's (named in its title, or marked 'ours'), "
        "'baseline' when it is one the document compares with, 'ablation' for a variant the document made "
        "to study itself (an ablation table); empty when the document names no model of its own. "
        "Leaderboards leave ablations out",
    )
    cell_part: int | None = Field(
        default=None,
        ge=0,
        description="which number of a cell holding several ('1.28 | 2.42'), 0-based; empty for one",
    )
    benchmark_raw: str | None = Field(
        default=None,
        description="the benchmark the dataset label is a part of, as a header or the caption prints it "
        "('AGIEval')",
    )
    subset_raw: str | None = Field(
        default=None,
        description="subsets a header or the caption prints over the dataset label, top to bottom and "
        "'; '-separated ('French' over 'ARC-c'; 'Reasoning' over 'Math' under the caption's benchmark)",
    )
    variant_raw: str | None = Field(
        default=None,
        description="the model variant the caption or a header states for the model ('IT', 'Base')",
    )
    flags: list[str] = Field(
        default_factory=list,
        description="doubts a reviewer should see; flagged records stay out of leaderboard exports",
    )
    review: Literal["accepted", "rejected", "corrected"] | None = Field(
        default=None,
        description="a reviewer's decision (`extractor review`): corrected fields are already applied; "
        "leaderboards leave rejected records out",
    )

    @field_validator("value")
    @classmethod
    def _finite(cls, v: float) -> float:
        if not math.isfinite(v):
            raise ValueError("value must be a finite number")
        return v

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, v: str | None) -> str | None:
        if v is not None and v not in UNITS:
            raise ValueError(f"unknown unit {v!r}; expected one of {', '.join(UNITS)}")
        return v

    @field_validator("dataset", "model", "dataset_raw", "model_raw")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be blank")
        return v
