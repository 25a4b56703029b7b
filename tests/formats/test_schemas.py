import json

from extractor.formats.schemas import SCHEMAS, schema_texts
from tests.support.paths import REPO


def test_schema_files_are_current():
    """Fails when a model changed without `extractor schema` (make schema) being run."""
    for name, text in schema_texts().items():
        path = REPO / "schemas" / name
        assert path.exists(), f"{path} missing: run `extractor schema`"
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `extractor schema`"


def test_record_schema_keeps_the_contract_fields():
    props = json.loads(schema_texts()["record.schema.json"])["properties"]
    for field in (
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
    ):
        assert field in props
    assert set(SCHEMAS) == {
        "document.schema.json",
        "table.schema.json",
        "record.schema.json",
        "run.schema.json",
        "validation.schema.json",
        "leaderboard.schema.json",
    }
