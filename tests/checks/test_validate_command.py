"""`extractor validate OUTDIR [--against REF]`: schema checks, exit status, reference comparison."""

import json

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.formats.documents import read_document, write_document
from extractor.formats.results import records_csv, records_jsonl
from extractor.store import open_store

runner = CliRunner()
TABLE = (
    "A page\n\n| Model | MMLU | GSM8K |\n|---|---|---|\n"
    "| Nimbus 2 | 78.5 | 88.0 |\n| Nimbus 1 | 70.0 | 61.2 |\n"
)


@pytest.fixture
def outdir(tmp_path):
    (tmp_path / "results.txt").write_text(TABLE, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(tmp_path / "results.txt"), "-o", str(out), "--workers", "0"])
    assert result.exit_code == 0, result.stderr
    return out


def validate(*args):
    return runner.invoke(app, ["validate", *map(str, args)])


def report(*args):
    result = validate(*args, "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def test_a_clean_output_passes(outdir):
    result = validate(outdir)
    assert result.exit_code == 0, result.stdout
    assert "4 records checked" in result.stdout and "OK: 0 errors, 0 warnings" in result.stdout
    code, data = report(outdir)
    assert code == 0 and data["issues"] == [] and data["files_checked"] == 5 and data["records_checked"] == 4


def test_every_output_file_is_checked_against_its_schema(outdir):
    lines = (outdir / "results.jsonl").read_text(encoding="utf-8").splitlines()
    bad = json.loads(lines[1])
    bad["value"] = "high"
    lines[1] = json.dumps(bad)
    (outdir / "results.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    doc = next((outdir / "documents").glob("*.json"))
    data = json.loads(doc.read_text(encoding="utf-8"))
    del data["sha256"]
    doc.write_text(json.dumps(data), encoding="utf-8")
    csv = (outdir / "results.csv").read_text(encoding="utf-8").replace("doc_id,", "document,", 1)
    (outdir / "results.csv").write_text(csv, encoding="utf-8")
    (outdir / "run.json").write_text("{", encoding="utf-8")

    code, data = report(outdir)
    assert code == 1
    schema = sorted((i["file"], i["reason"].split(":")[0]) for i in data["issues"] if i["code"] == "schema")
    assert schema == sorted(
        [
            ("results.jsonl", "value"),
            (f"documents/{doc.name}", "sha256"),
            ("results.csv", "header is not the record columns"),
            ("run.json", "not readable JSON"),
        ]
    )
    jsonl = next(i for i in data["issues"] if i["file"] == "results.jsonl")
    assert (
        jsonl["record"]["line"] == 2
        and jsonl["record"]["model"] == "Nimbus 2"
        and jsonl["record"]["dataset"] == "GSM8K"
    )


def edit_first_record(outdir, **changes):
    """Change the first record in every file that holds it, and in the store, so the folder stays one
    run's output."""
    doc_path = next((outdir / "documents").glob("*.json"))
    doc = read_document(doc_path)
    doc.records[0] = doc.records[0].model_copy(update=changes)
    write_document(outdir, doc)
    (outdir / "results.jsonl").write_text(records_jsonl(doc.records), encoding="utf-8")
    (outdir / "results.csv").write_text(records_csv(doc.records), encoding="utf-8")
    with open_store(None, outdir) as store:
        store.add_result(doc)


def test_semantic_errors_make_the_exit_status_non_zero(outdir):
    edit_first_record(outdir, value=178.5, unit="%")
    result = validate(outdir)
    assert result.exit_code == 1
    assert "percent-out-of-range" in result.stdout and "percentage 178.5 is outside 0 to 100" in result.stdout
    assert "FAILED: 1 errors, 0 warnings" in result.stdout
    code, data = report(outdir)
    assert [(i["code"], i["file"], i["record"]["line"]) for i in data["issues"]] == [
        ("percent-out-of-range", "results.jsonl", 1)
    ]


def test_against_a_csv_reference_matches_through_aliases(outdir, tmp_path):
    ref = tmp_path / "ref.csv"
    ref.write_text(
        "dataset,model,metric,setting,value\n"
        "GSM-8K,nimbus 2,Acc,,88.0\n"  # alias names: a match
        "mmlu,Nimbus 1,Average,,71.0\n"  # a mismatch: both values shown
        "MMLU,Nimbus 3,Average (%),,80.1\n"  # missing in the output
        "HellaSwag,Nimbus 2,Accuracy,,85.0\n",  # a dataset the output lacks: not compared
        encoding="utf-8",
    )
    code, data = report(outdir, "--against", ref)
    assert code == 1
    c = data["comparison"]
    assert [(p["dataset"], p["model"]) for p in c["matches"]] == [("GSM8K", "Nimbus 2")]
    assert [(p["model"], p["value"], p["reference_value"]) for p in c["mismatches"]] == [
        ("Nimbus 1", 70.0, 71.0)
    ]
    assert [(p["model"], p["reference_value"]) for p in c["missing_in_output"]] == [("Nimbus 3", 80.1)]
    assert sorted((p["dataset"], p["model"]) for p in c["missing_in_reference"]) == [
        ("GSM8K", "Nimbus 1"),
        ("MMLU", "Nimbus 2"),
    ]
    everything = report(outdir, "--against", ref, "--all-reference")[1]["comparison"]
    assert [(p["dataset"], p["model"]) for p in everything["missing_in_output"]] == [
        ("MMLU", "Nimbus 3"),
        ("HellaSwag", "Nimbus 2"),
    ]
    table = validate(outdir, "--against", ref).stdout
    assert "1 match, 1 mismatch, 1 missing in output, 2 missing in reference" in table
    assert "Nimbus 1" in table and "70" in table and "71" in table


def test_against_evaluation_tables_with_the_setting_in_the_model_name(outdir, tmp_path):
    ref = tmp_path / "ref.json"
    rows = [
        {
            "model_name": "Nimbus 2",
            "paper_title": "",
            "paper_url": "",
            "paper_date": "",
            "metrics": {"Average": "78.5"},
        },
        {
            "model_name": "Nimbus 1 (5-shot)",
            "paper_title": "",
            "paper_url": "",
            "paper_date": "",
            "metrics": {"Average": 70.0},
        },
    ]
    ref.write_text(
        json.dumps(
            [
                {
                    "task": "Multi-task Language Understanding",
                    "datasets": [{"dataset": "MMLU", "sota": {"metrics": ["Average"], "rows": rows}}],
                    "subtasks": [],
                }
            ]
        ),
        encoding="utf-8",
    )
    code, data = report(outdir, "--against", ref)
    c = data["comparison"]
    assert code == 0
    assert [p["model"] for p in c["matches"]] == ["Nimbus 2"]
    assert [(p["model"], p["setting"]) for p in c["missing_in_output"]] == [("Nimbus 1 (5-shot)", None)]
    assert c["mismatches"] == []


def test_unreadable_inputs_exit_2(outdir, tmp_path):
    assert validate(tmp_path / "nowhere").exit_code == 2
    bad = tmp_path / "ref.json"
    bad.write_text("{not json", encoding="utf-8")
    result = validate(outdir, "--against", bad)
    assert result.exit_code == 2 and "not JSON" in result.stderr


def test_a_summary_per_check_and_document_comes_first_and_filters_narrow_the_report(outdir):
    edit_first_record(outdir, value=178.5, unit="%")
    doc_id = next((outdir / "documents").glob("*.json")).stem
    code, data = report(outdir)
    assert code == 1
    assert data["summary"] == {
        "by_check": {"percent-out-of-range": {"errors": 1, "warnings": 0}},
        "by_document": {doc_id: {"errors": 1, "warnings": 0}},
    }
    table = validate(outdir).stdout
    assert (
        table.index("Issues per check") < table.index("Issues per document") < table.index("Issues (1 errors")
    )
    assert report(outdir, "--only", "outlier")[0] == 0  # the error is not among the checks asked for
    code, data = report(outdir, "--only", "percent-out-of-range", "--document", doc_id.rsplit("-", 1)[0])
    assert code == 1 and [i["code"] for i in data["issues"]] == ["percent-out-of-range"]
    assert report(outdir, "--document", "another-doc")[1]["issues"] == []
    unknown = validate(outdir, "--only", "vibes")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("error: unknown check vibes; the checks: schema, missing-file,")
