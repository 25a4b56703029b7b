"""Reviewers' decisions are applied wherever leaderboards are read: corrections used, rejected records
left out, accepted ones in whatever their flags, --reviewed-only keeping only decided ones."""

import json
from datetime import UTC, datetime

from typer.testing import CliRunner

from extractor.cli import app
from extractor.leaderboard import store_leaderboards
from extractor.model.options import LeaderboardOptions
from extractor.model.review import RecordAddress, Review
from extractor.store import open_store
from tests.support.store import TABLE

runner = CliRunner()
WHEN = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


def _store(tmp_path):
    page = tmp_path / "results.txt"
    page.write_text(TABLE, encoding="utf-8")
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(page), "-o", str(out), "--workers", "0"]).exit_code == 0
    return out / "results.db"


def _decide(db, pick, **decision):
    with open_store(db) as store:
        (doc,) = store.documents()
        rec = next(r for r in store.records() if pick(r))
        address = RecordAddress.of(rec, doc.sha256)
        store.save_review(Review(address=address, reviewer="ann", reviewed_at=WHEN, **decision))


def _rows(db, **options):
    boards = store_leaderboards(db, LeaderboardOptions(**options))
    return {b.dataset: [(r.model, r.value, r.review) for r in b.rows] for b in boards}


def test_corrections_rejections_and_reviewed_only(tmp_path):
    db = _store(tmp_path)
    assert _rows(db) == {
        "MMLU": [("Nimbus 2", 78.5, None), ("Nimbus 1", 70.0, None)],
        "GSM8K": [("Nimbus 2", 88.0, None), ("Nimbus 1", 61.2, None)],
    }
    _decide(db, lambda r: r.dataset == "MMLU" and r.model == "Nimbus 1", decision="correct", value=80.0)
    _decide(db, lambda r: r.dataset == "GSM8K" and r.model == "Nimbus 2", decision="reject")
    _decide(db, lambda r: r.dataset == "GSM8K" and r.model == "Nimbus 1", decision="accept")
    assert _rows(db) == {
        "MMLU": [("Nimbus 1", 80.0, "corrected"), ("Nimbus 2", 78.5, None)],
        "GSM8K": [("Nimbus 1", 61.2, "accepted")],
    }
    assert _rows(db, reviewed_only=True) == {
        "MMLU": [("Nimbus 1", 80.0, "corrected")],
        "GSM8K": [("Nimbus 1", 61.2, "accepted")],
    }
    exported = runner.invoke(
        app, ["leaderboard", "--db", str(db), "-f", "evaluation-tables", "--reviewed-only"]
    )
    assert exported.exit_code == 0, exported.stderr
    names = {
        (d["dataset"], row["model_name"]): row["metrics"]
        for task in json.loads(exported.stdout)
        for d in task["datasets"]
        for row in d["sota"]["rows"]
    }
    assert names == {("MMLU", "Nimbus 1"): {"Average (%)": 80.0}, ("GSM8K", "Nimbus 1"): {"Accuracy": 61.2}}


def test_an_accepted_flagged_record_is_ranked_and_a_changed_document_drops_old_decisions(tmp_path):
    db = _store(tmp_path)
    with open_store(db) as store:
        (doc,) = store.documents()
        records = store.records()
        flagged = records[0].model_copy(update={"flags": ["orientation-guessed"]})
        store.replace_document(doc, [flagged, *records[1:]])
    assert ("Nimbus 2", 78.5, None) not in _rows(db)["MMLU"]
    _decide(db, lambda r: r.flags, decision="accept")
    assert ("Nimbus 2", 78.5, "accepted") in _rows(db)["MMLU"]
    with open_store(db) as store:  # the same source with other content: the decision no longer applies
        store.replace_document(doc.model_copy(update={"sha256": "b" * 64}), [flagged, *records[1:]])
    assert ("Nimbus 2", 78.5, "accepted") not in _rows(db)["MMLU"]


def test_a_rerun_writes_the_decisions_into_the_record_files_and_the_folder_still_validates(tmp_path):
    db = _store(tmp_path)
    out = db.parent
    _decide(db, lambda r: r.dataset == "MMLU" and r.model == "Nimbus 1", decision="correct", value=80.0)
    _decide(db, lambda r: r.dataset == "GSM8K" and r.model == "Nimbus 2", decision="reject")
    documents_before = {p.name: p.read_bytes() for p in (out / "documents").iterdir()}
    again = runner.invoke(app, ["run", str(tmp_path / "results.txt"), "-o", str(out), "--workers", "0"])
    assert again.exit_code == 0, again.stderr
    lines = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["dataset"], r["model"], r["value"], r["value_raw"], r["review"]) for r in lines] == [
        ("MMLU", "Nimbus 2", 78.5, "78.5", None),
        ("GSM8K", "Nimbus 2", 88.0, "88.0", "rejected"),
        ("MMLU", "Nimbus 1", 80.0, "70.0", "corrected"),
        ("GSM8K", "Nimbus 1", 61.2, "61.2", None),
    ]
    header = (out / "results.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert "review" in header
    assert {p.name: p.read_bytes() for p in (out / "documents").iterdir()} == documents_before  # as extracted
    checked = runner.invoke(app, ["validate", str(out)])
    assert checked.exit_code == 0, checked.stdout
