"""JSON Schemas of the output files, generated from the pydantic models (`extractor schema`)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from extractor.formats.leaderboard_files import LeaderboardFile
from extractor.model.document import Table
from extractor.model.issues import ValidationReport
from extractor.model.record import ResultRecord
from extractor.model.report import DocumentResult, RunReport

SCHEMAS: dict[str, type[BaseModel]] = {
    "document.schema.json": DocumentResult,
    "table.schema.json": Table,
    "record.schema.json": ResultRecord,
    "run.schema.json": RunReport,
    "validation.schema.json": ValidationReport,
    "leaderboard.schema.json": LeaderboardFile,
}


def schema_texts() -> dict[str, str]:
    return {
        name: json.dumps(model.model_json_schema(mode="serialization"), indent=2, ensure_ascii=False) + "\n"
        for name, model in SCHEMAS.items()
    }


def write_schemas(folder: Path) -> list[Path]:
    from extractor.formats.atomic import write_atomic

    paths = []
    for name, text in schema_texts().items():
        write_atomic(folder / name, text)
        paths.append(folder / name)
    return paths
