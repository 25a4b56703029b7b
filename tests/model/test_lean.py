import pickle
from pathlib import Path

import pytest
from pydantic import ValidationError

from extractor.model.document import BBox, Cell, Table, TextBlock
from extractor.model.record import ResultRecord


def test_lean_models_share_one_set_of_all_their_fields():
    """One set per class, however an instance is made (built, validated, copied, unpickled), and
    assigning a field leaves it as it was, so no instance ever gets a set of its own again."""
    box = BBox(x0=1, top=2, x1=3, bottom=4)
    cells = [
        Cell(row=0, col=0, text="MMLU", bbox=box),
        Cell.model_validate({"row": 1, "col": 0, "text": "71.2"}),
        Cell(row=0, col=1, text="x").model_copy(update={"text": "GSM8K"}),
        Cell(row=0, col=2, text="y").model_copy(deep=True),
        pickle.loads(pickle.dumps(Cell(row=2, col=0, text="z"))),
    ]
    assert all(c.__pydantic_fields_set__ is cells[0].__pydantic_fields_set__ for c in cells)
    assert cells[0].model_fields_set == set(Cell.model_fields)
    assert cells[2].text == "GSM8K" and cells[1].bbox is None
    block = TextBlock(text="Results")
    block.kind = "heading"
    assert block.__pydantic_fields_set__ is TextBlock(text="other").__pydantic_fields_set__
    assert block.model_fields_set == set(TextBlock.model_fields)
    table = Table.from_grid([["Model", "MMLU"], ["A", "71.2"]], engine="html")
    assert table.__pydantic_fields_set__ is Table.from_grid([["x"]], engine="html").__pydantic_fields_set__
    assert box.__pydantic_fields_set__ == {"x0", "top", "x1", "bottom"}


def test_nothing_dumps_with_exclude_unset():
    """Every field of a lean model reads as set, so `exclude_unset` would write the defaults too:
    the extractor must not rely on it (lean.py)."""
    package = Path(__file__).parents[2] / "extractor"
    users = [
        p.name for p in package.rglob("*.py") if "exclude_unset" in p.read_text() and p.name != "lean.py"
    ]
    assert users == []


def test_a_record_stays_valid_on_assignment():
    given = dict(doc_id="d", source="s", dataset="MMLU", model="A", metric="Accuracy", value=71.2)
    given.update(value_raw="71.2", dataset_raw="MMLU", model_raw="A", table_index=0, row=1, col=1)
    record = ResultRecord(**given)
    record.value = 72.0
    assert record.value == 72.0 and record.model_fields_set == set(ResultRecord.model_fields)
    with pytest.raises(ValidationError):
        record.value = "not a number"
    assert record.value == 72.0
