"""Papers with Code evaluation tables: the reference data round-trips through the store; import and
export commands."""

import json

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.formats.evaltables import (
    canonical_tables,
    evaluation_tables,
    load_evaluation_tables,
    read_json,
)
from extractor.model.errors import ReferenceDataError
from extractor.store import open_store
from tests.support.paths import corpus_path

runner = CliRunner()
REFERENCE = ("pwc-reference", "sota-extractor", "data", "tasks")
# Every file of the reference's tasks/ folder (examples/ holds a format sketch that is not valid JSON).
FILES = [
    "chexpert.json",
    "cmrc.json",
    "coqa.json",
    "eff.json",
    "hotpotqa.json",
    "nlp-progress.json",
    "nlpprogress.json",
    "ogb.json",
    "record.json",
    "redditsota.json",
    "snli.json",
    "squad.json",
]


@pytest.mark.corpus
@pytest.mark.parametrize("name", FILES)
def test_reference_round_trips_through_the_store(name, tmp_path):
    """Load -> store (SQLite) -> read back -> export -> equal to the reference in canonical form
    (extractor/formats/evaltables.py defines it: what the store keeps, values as numbers, rows as a
    multiset)."""
    path = corpus_path(*REFERENCE, name)
    doc, records = load_evaluation_tables(path)
    with open_store(tmp_path / "r.db") as store:
        store.replace_document(doc, records)
        stored = store.records()
    assert stored == records
    exported = json.loads(json.dumps(evaluation_tables(stored)))
    assert canonical_tables(exported) == canonical_tables(read_json(path)[1])
    assert canonical_tables(exported) == json.loads(
        json.dumps(canonical_tables(exported))
    )  # plain JSON, nothing lost


@pytest.mark.corpus
def test_the_round_trip_keeps_most_of_the_reference():
    """What the canonical form leaves out is small: rows with no number or no model name."""
    kept = total = 0
    for name in FILES:
        raw = read_json(corpus_path(*REFERENCE, name))[1]
        total += sum(
            len((ds.get("sota") or {}).get("rows") or []) for t in _tasks(raw) for ds in _datasets(t)
        )
        kept += sum(len(ds["sota"]["rows"]) for t in _tasks(canonical_tables(raw)) for ds in _datasets(t))
    assert total == 3826 and kept == 3704


def _tasks(tasks):
    for t in tasks:
        yield t
        yield from _tasks(t.get("subtasks") or [])


def _datasets(task):
    for ds in task.get("datasets") or []:
        yield ds
        yield from ds.get("subdatasets") or []


def test_what_is_not_evaluation_tables_is_refused(tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text('{"rows": []}', encoding="utf-8")
    with pytest.raises(ReferenceDataError, match="not evaluation tables"):
        load_evaluation_tables(bad)


SMALL = [
    {
        "task": "Question Answering",
        "datasets": [
            {
                "dataset": "SQuAD",
                "sota": {
                    "metrics": ["EM", "F1"],
                    "rows": [
                        {
                            "model_name": "Reader A",
                            "paper_title": "A",
                            "paper_url": "",
                            "paper_date": "2020-01-01",
                            "metrics": {"EM": "80.1", "F1": "88.0"},
                        },
                        {
                            "model_name": "Reader B",
                            "paper_title": "B",
                            "paper_url": "",
                            "paper_date": "",
                            "metrics": {"EM": "85.5*", "F1": "-"},
                        },
                        {
                            "model_name": "Reader C",
                            "paper_title": "C",
                            "paper_url": "",
                            "paper_date": "",
                            "metrics": {"EM": 80.1, "F1": 90.2},
                        },
                    ],
                },
            }
        ],
        "subtasks": [],
    }
]


def test_import_then_leaderboard_commands(tmp_path):
    ref = tmp_path / "squad.json"
    ref.write_text(json.dumps(SMALL), encoding="utf-8")
    db = tmp_path / "r.db"
    for _ in range(2):  # importing again replaces
        result = runner.invoke(app, ["import", str(ref), "--db", str(db)])
        assert result.exit_code == 0, result.stderr
    assert "5 records" in result.stderr
    table = runner.invoke(app, ["leaderboard", "--db", str(db)])
    assert table.exit_code == 0
    assert "Question Answering | SQuAD | EM (higher is better)" in table.stdout
    cells = [
        [c.strip() for c in line.split("│")[1:4]] for line in table.stdout.splitlines() if "Reader" in line
    ]
    assert cells[:3] == [
        ["1", "Reader B", "85.5"],  # the value, one way on every row (printed as 85.5*)
        ["2", "Reader A", "80.1"],
        ["2", "Reader C", "80.1"],
    ]  # tie: equal rank
    assert cells[3:] == [
        ["1", "Reader C", "90.2"],
        ["2", "Reader A", "88.0"],
    ]  # F1: Reader B's "-" is no result
    text = tmp_path / "board.txt"
    assert runner.invoke(app, ["leaderboard", "--db", str(db), "-o", str(text)]).exit_code == 0
    written = text.read_text(encoding="utf-8")  # the printed tables, as plain text (no colour codes)
    assert "Question Answering | SQuAD | EM (higher is better)" in written and "\x1b" not in written
    assert [line for line in written.splitlines() if "Reader" in line][:5] == [
        line for line in table.stdout.splitlines() if "Reader" in line
    ][:5]
    out = tmp_path / "board.json"
    assert (
        runner.invoke(
            app, ["leaderboard", "--db", str(db), "-f", "evaluation-tables", "-o", str(out)]
        ).exit_code
        == 0
    )
    assert canonical_tables(json.loads(out.read_text(encoding="utf-8"))) == canonical_tables(SMALL)
    csv_text = runner.invoke(app, ["leaderboard", "--db", str(db), "-f", "csv", "--metric", "f1"]).stdout
    assert [line.split(",")[6:8] for line in csv_text.splitlines()[1:]] == [
        ["1", "Reader C"],
        ["2", "Reader A"],
    ]


def test_leaderboard_without_a_store_is_one_clear_error(tmp_path):
    result = runner.invoke(app, ["leaderboard", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: no results store at {tmp_path / 'none.db'}")
    assert not (tmp_path / "none.db").exists()
