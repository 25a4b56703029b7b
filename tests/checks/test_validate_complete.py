"""`extractor validate` fails a folder that is not one run's whole output: files missing, record files
of different runs side by side, files cut short, a results store out of step with the files."""

import json

import pytest
from sqlalchemy import delete
from typer.testing import CliRunner

from extractor.checks.complete import OUT_OF_STEP
from extractor.cli import app
from extractor.store import documents, open_store, results

runner = CliRunner()
TABLE = "| Model | MMLU | GSM8K |\n|---|---|---|\n| Nimbus 2 | 78.5 | 88.0 |\n| Nimbus 1 | 70.0 | 61.2 |\n"
OTHER = "| Model | MMLU | GSM8K |\n|---|---|---|\n| Nimbus 4 | 75.0 | 80.1 |\n| Nimbus 3 | 72.0 | 65.2 |\n"


def run(out, *inputs, options=()):
    result = runner.invoke(app, ["run", *map(str, inputs), "-o", str(out), "--workers", "0", *options])
    assert result.exit_code == 0, result.stderr


def report(outdir):
    result = runner.invoke(app, ["validate", str(outdir), "--format", "json"])
    data = json.loads(result.stdout)
    return result.exit_code, sorted((i["code"], i["file"] or "") for i in data["issues"]), data["issues"]


@pytest.fixture
def inputs(tmp_path):
    (tmp_path / "a.txt").write_text(TABLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")
    return tmp_path / "a.txt", tmp_path / "b.txt"


@pytest.fixture
def outdir(tmp_path, inputs):
    run(tmp_path / "out", *inputs)
    return tmp_path / "out"


def test_an_empty_folder_fails(tmp_path):
    (tmp_path / "empty").mkdir()
    code, issues, full = report(tmp_path / "empty")
    assert code == 1
    assert issues == [("missing-file", ""), ("missing-file", "run.json")]
    assert all(i["severity"] == "error" and i["reason"] for i in full)
    table = runner.invoke(app, ["validate", str(tmp_path / "empty")])
    assert table.exit_code == 1 and "FAILED: 2 errors" in table.stdout


def test_a_folder_without_run_json_and_record_files_fails(outdir):
    for name in ("results.csv", "results.jsonl", "run.json"):
        (outdir / name).unlink()
    code, issues, full = report(outdir)
    assert code == 1 and issues == [("missing-file", ""), ("missing-file", "run.json")]
    assert "no combined record file" in " ".join(i["reason"] for i in full)


def test_a_complete_folder_and_a_csv_only_run_pass(outdir, inputs, tmp_path):
    assert report(outdir)[:2] == (0, [])
    run(tmp_path / "csv", *inputs, options=("-f", "csv"))
    assert not (tmp_path / "csv" / "results.jsonl").exists()
    assert report(tmp_path / "csv")[:2] == (0, [])
    run(tmp_path / "jsonl", *inputs, options=("-f", "jsonl"))
    assert report(tmp_path / "jsonl")[:2] == (0, [])


def test_a_stale_jsonl_beside_a_csv_only_rerun_fails(outdir, inputs):
    run(outdir, inputs[1], options=("-f", "csv"))  # results.jsonl still holds the first run's 8 records
    code, issues, full = report(outdir)
    assert code == 1
    assert issues == [("inconsistent", "results.jsonl"), ("inconsistent", "results.jsonl")]
    reasons = sorted(i["reason"] for i in full)
    assert reasons == [
        "8 records, but results.csv has 4: not the output of one run",
        "8 records, but run.json counts 4: not the output of this run",
    ]


def test_a_record_file_that_differs_from_the_documents_fails(outdir):
    lines = (outdir / "results.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (outdir / "results.jsonl").write_text("".join(lines[::-1]), encoding="utf-8")  # same records, reordered
    code, issues, full = report(outdir)
    assert code == 1 and ("inconsistent", "results.jsonl") in issues
    assert "record 1 differs from results.csv's" in " ".join(i["reason"] for i in full)


def test_a_document_listed_in_run_json_but_missing_fails(outdir):
    doc = sorted((outdir / "documents").glob("*.json"))[0]
    doc.unlink()
    code, issues, _ = report(outdir)
    assert code == 1 and ("missing-file", f"documents/{doc.name}") in issues


def test_a_jsonl_cut_short_fails(outdir):
    text = (outdir / "results.jsonl").read_text(encoding="utf-8")
    (outdir / "results.jsonl").write_text(text[:-1], encoding="utf-8")  # only the last newline gone
    code, issues, full = report(outdir)
    assert code == 1 and issues == [("truncated", "results.jsonl")]
    assert full[0]["reason"] == "cut short: its last line (line 8) has no newline"
    (outdir / "results.jsonl").write_text(text[: len(text) - 40], encoding="utf-8")  # mid-record
    code, issues, _ = report(outdir)
    assert code == 1 and ("truncated", "results.jsonl") in issues


def test_a_csv_cut_short_fails(outdir):
    text = (outdir / "results.csv").read_text(encoding="utf-8")
    (outdir / "results.csv").write_text(text[:-1], encoding="utf-8")
    code, issues, _ = report(outdir)
    assert code == 1 and issues == [("truncated", "results.csv")]
    last = text.rstrip("\n").rsplit("\n", 1)[1]
    cut = text[: len(text) - len(last) - 1] + ",".join(last.split(",")[:5]) + "\n"  # a row of 5 columns
    (outdir / "results.csv").write_text(cut, encoding="utf-8")
    code, issues, full = report(outdir)
    assert code == 1 and ("truncated", "results.csv") in issues
    reason = next(i["reason"] for i in full if i["code"] == "truncated")
    assert reason.startswith("row 8: 5 columns, expected ")


def _reasons(outdir):
    code, issues, full = report(outdir)
    return code, [(i["code"], i["file"], i["reason"]) for i in full]


def test_a_store_missing_a_document_of_the_run_fails(outdir, inputs):
    a, _ = inputs
    with open_store(None, outdir) as store, store.engine.begin() as conn:
        conn.execute(delete(results).where(results.c.source == str(a)))
        conn.execute(delete(documents).where(documents.c.source == str(a)))
    reason = f"the store has no document {a}, which run.json lists as done"
    assert _reasons(outdir) == (1, [("inconsistent", "results.db", reason)])


def test_a_store_holding_other_content_or_other_records_for_a_source_fails(outdir, inputs):
    a, b = inputs
    with open_store(None, outdir) as store:
        doc_a = next(d for d in store.documents() if d.source == str(a))
        store.replace_document(doc_a.model_copy(update={"sha256": "f" * 64}), store.records(str(a)))
        doc_b = next(d for d in store.documents() if d.source == str(b))
        store.replace_document(doc_b, store.records(str(b))[1:])  # a record lost
    code, got = _reasons(outdir)
    name_a, name_b = (f"documents/{d.doc_id}.json" for d in (doc_a, doc_b))
    assert code == 1 and got == [
        (
            "inconsistent",
            "results.db",
            f"the store holds other content for {a} (sha256 ffffffffffff), not {name_a}'s",
        ),
        ("inconsistent", "results.db", f"the store's {b}: 3 records, but {name_b} has 4: {OUT_OF_STEP}"),
    ]


def test_a_store_holding_more_than_the_run_passes(outdir, inputs, tmp_path):
    (tmp_path / "c.txt").write_text(OTHER.replace("Nimbus", "Orca"), encoding="utf-8")
    run(outdir, tmp_path / "c.txt")  # an earlier run's input stays in the store
    run(outdir, *inputs)
    with open_store(None, outdir) as store:
        assert len(store.documents()) == 3
    assert report(outdir)[:2] == (0, [])
