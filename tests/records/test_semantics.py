"""The table semantics `extractor explain` prints: what each column and row of a table stands for."""

from __future__ import annotations

from typer.testing import CliRunner

from extractor.cli import app
from extractor.model.options import RunOptions
from extractor.readers.html import read_html
from extractor.records.semantics import read_semantics
from extractor.vocab import load_vocabulary
from tests.support.paths import REPO


def _table(body: str, caption: str = ""):
    cap = f"<caption>{caption}</caption>" if caption else ""
    data = f"<html><body><table>{cap}{body}</table></body></html>".encode()
    doc = read_html(data, "d.html", RunOptions(), load_vocabulary())
    return doc.tables[0]


def test_columns_rows_and_caption_facts_of_a_table_under_a_benchmark_header():
    table = _table(
        '<tr><th rowspan="2">Model</th><th colspan="2">RULER</th></tr><tr><th>Avg.</th><th>0-8K</th></tr>'
        '<tr><td colspan="3">Open models</td></tr><tr><td>Nimbus</td><td>76.7</td><td>78.7</td></tr>',
        "Table 6: Performance of instruction-tuned models on the RULER benchmark’s QA task.",
    )
    sem = read_semantics(table, load_vocabulary())
    assert (sem.form, sem.models_on, sem.header_rows, sem.label_cols, sem.kind) == (
        "wide",
        "rows",
        2,
        1,
        None,
    )
    assert (sem.facts.variant, sem.facts.parent, sem.facts.part) == ("Instruct", "RULER", "QA")
    assert [(c.col, c.header, c.label, c.benchmark) for c in sem.columns] == [
        (1, ["RULER", "Avg."], "RULER Avg.", "RULER"),
        (2, ["RULER", "0-8K"], "RULER 0-8K", "RULER"),
    ]
    assert [(r.row, r.label, r.section) for r in sem.rows] == [(2, "Open models", True), (3, "Nimbus", False)]
    assert "column 2: 'RULER 0-8K' <- RULER / 0-8K; benchmark=RULER" in sem.render()


def test_each_distinct_label_is_classified_once_with_its_position():
    table = _table(
        "<tr><th>Category</th><th>Benchmark</th><th>Nimbus 7B</th><th>Orca-X 13B</th></tr>"
        "<tr><td>Math</td><td>GSM8K (8-shot)</td><td>61.3</td><td>55.0</td></tr>"
        "<tr><td>Math</td><td>MATH</td><td>20.1</td><td>18.7</td></tr>"
        "<tr><td>Average</td><td></td><td>40.7</td><td>36.9</td></tr>"
        "<tr><td>Code</td><td># Params</td><td>7B</td><td>13B</td></tr>",
    )
    sem = read_semantics(table, load_vocabulary())
    assert sem.models_on == "columns"
    assert [(e.label, e.role, e.canonical, e.positions) for e in sem.labels] == [
        ("Nimbus 7B", "model", None, ["column-header"]),
        ("Orca-X 13B", "model", None, ["column-header"]),
        ("Math", "category", "Math Word Problem Solving", ["category-column"]),
        ("Average", "aggregate", None, ["category-column"]),
        ("Code", "category", "Code Generation", ["category-column"]),
        ("GSM8K (8-shot)", "benchmark", "GSM8K", ["row-label"]),
        ("MATH", "benchmark", "MATH", ["row-label"]),
        ("# Params", "descriptor", None, ["row-label"]),
    ]
    assert "labels: 'Nimbus 7B'=model, " in sem.render()


def test_explain_prints_each_table_and_fails_clearly_on_a_bad_input(tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["explain", str(REPO / "samples" / "paper-page.html"), "-t", "0"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        "table 0: Table 2: Accuracy (%) on knowledge, reasoning and code benchmarks; HumanEval is pass@1. "
        "† reported by the original authors. “-”: not evaluated.",
        "  wide form, models on rows; 2 header row(s), 2 label column(s); kind results",
    ]
    assert "  column 2: 'MMLU' <- Knowledge / MMLU; group=Knowledge" in result.stdout
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    bad = runner.invoke(app, ["explain", str(empty)])
    assert bad.exit_code == 2 and "empty.pdf" in bad.stderr and "empty file" in bad.stderr


def test_every_flag_the_package_sets_is_registered_so_leaderboards_leave_it_out():
    import re

    from extractor.model.record import RECORD_FLAGS

    lines = [
        ln
        for p in (REPO / "extractor").rglob("*.py")
        for ln in p.read_text(encoding="utf-8").splitlines()
        if "flags" in ln and "RECORD_FLAGS" not in ln and not p.name == "record.py"
    ]
    names = {name for ln in lines for name in re.findall(r'"([a-z]+(?:-[a-z]+)+)"', ln)}
    assert {"unknown-dataset", "model-placeholder", "in-house-benchmark"} <= names
    assert names <= set(RECORD_FLAGS), names - set(RECORD_FLAGS)
