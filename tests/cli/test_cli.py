"""The command line end to end: bad inputs each get one clear line, the batch goes on."""

import json
import re
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from tests.support.drawing import pdf
from tests.support.paths import REPO

runner = CliRunner()


def _pdf_bytes(text_lines, encrypt=None):
    draw = lambda page: page.lines(72, 92, text_lines, size=12, leading=14, font="Helvetica")
    return pdf(draw, encrypt=encrypt)


@pytest.fixture
def bad_inputs(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption

    good = _pdf_bytes(["A short note", "with no tables at all."])
    files = {
        "empty.pdf": b"",
        "truncated.pdf": good[: len(good) // 3],
        "locked.pdf": _pdf_bytes(["Secret"], encrypt=StandardEncryption("userpass", "ownerpass")),
        "text-named.pdf": b"Just a text file\n\nIt is named .pdf but holds plain text.\n",
        "no-tables.html": b"<html><head><title>A page</title></head>"
        b"<body><p>No tables here.</p></body></html>",
        "results.txt": b"A page\n\n| Model | MMLU | GSM8K |\n|---|---|---|\n"
        b"| Nimbus 2 | 78.5 | 88.0 |\n| Nimbus 1 | 70.0 | 61.2 |\n",
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


def _run(*args):
    return runner.invoke(app, ["run", *map(str, args)])


def test_every_bad_input_gets_one_clear_line_and_the_batch_goes_on(bad_inputs, tmp_path):
    out = tmp_path / "out"
    result = _run(bad_inputs, bad_inputs / "missing.pdf", "-o", out)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert sorted(errors) == sorted(
        [
            f"error: {bad_inputs / 'empty.pdf'}: empty file",
            f"error: {bad_inputs / 'locked.pdf'}: encrypted PDF: a password is needed (--password)",
            f"error: {bad_inputs / 'missing.pdf'}: no such file or folder",
        ]
        + [line for line in errors if "truncated.pdf" in line]
    )
    assert any(
        re.match(rf"error: {re.escape(str(bad_inputs / 'truncated.pdf'))}: corrupt or truncated PDF", e)
        for e in errors
    )
    assert (
        f"warning: {bad_inputs / 'text-named.pdf'}: named .pdf but holds text; read as text" in result.stderr
    )
    assert f"warning: {bad_inputs / 'no-tables.html'}: no tables found" in result.stderr

    report = json.loads((out / "run.json").read_text(encoding="utf-8"))
    status = {item["source"].rsplit("/", 1)[-1]: (item["status"], item["error"]) for item in report["inputs"]}
    assert status["empty.pdf"] == ("failed", "empty file")
    assert status["missing.pdf"] == ("failed", "no such file or folder")
    assert status["locked.pdf"][0] == status["truncated.pdf"][0] == "failed"
    assert status["text-named.pdf"] == status["no-tables.html"] == status["results.txt"] == ("ok", None)
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert [(r["model"], r["dataset"], r["value"]) for r in map(json.loads, lines)] == [
        ("Nimbus 2", "MMLU", 78.5),
        ("Nimbus 2", "GSM8K", 88.0),
        ("Nimbus 1", "MMLU", 70.0),
        ("Nimbus 1", "GSM8K", 61.2),
    ]
    assert not list(out.rglob("*.tmp"))


def test_encrypted_pdf_opens_with_password(bad_inputs, tmp_path):
    result = _run(bad_inputs / "locked.pdf", "--password", "userpass", "-o", tmp_path / "o")
    assert result.exit_code == 0, result.stderr
    wrong = _run(bad_inputs / "locked.pdf", "--password", "nope", "-o", tmp_path / "o2")
    assert wrong.exit_code == 1
    assert "encrypted PDF: the password is wrong" in wrong.stderr


def test_format_option_limits_outputs(bad_inputs, tmp_path):
    out = tmp_path / "o"
    result = _run(bad_inputs / "results.txt", "--format", "csv", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["documents", "results.csv", "results.db", "run.json"]
    header = (out / "results.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith(
        "doc_id,source,task,dataset,model,metric,value,unit,value_raw,setting,global_rank,"
        "dataset_raw,model_raw,metric_raw,page,table_index,row,col"
    )


def test_output_is_deterministic(bad_inputs, tmp_path):
    for name in ("a", "b"):
        _run(bad_inputs, "-o", tmp_path / name)
    for rel in ("results.csv", "results.jsonl"):
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()
    docs = sorted(p.name for p in (tmp_path / "a" / "documents").iterdir())
    assert docs == sorted(p.name for p in (tmp_path / "b" / "documents").iterdir())
    for name in docs:
        assert (tmp_path / "a" / "documents" / name).read_bytes() == (
            tmp_path / "b" / "documents" / name
        ).read_bytes()


def _commands():
    import typer

    return typer.main.get_command(app).commands


def test_every_command_is_documented_in_readme_and_help():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    names = [c.name for c in app.registered_commands]
    assert names and sorted(names) == sorted(_commands())
    for name, command in _commands().items():
        assert f"extractor {name}" in readme, f"README does not document `extractor {name}`"
        result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "160"})
        assert result.exit_code == 0 and len(result.stdout) > 200
        for param in command.params:
            assert param.help, f"`extractor {name}`: {param.name} has no help text"
            shown = param.opts if param.param_type_name == "option" else [param.name]
            for opt in shown:
                assert opt in result.stdout, f"`extractor {name} --help` does not show {opt}"


# --out and --format mean different things to different commands (a folder or a file; record files,
# a report's form or a leaderboard's): cli/option_groups.py declares each meaning once, under its own alias.
MEANINGS_PER_COMMAND = {"--out", "-o", "--format", "-f"}


def _declared_options():
    """Option name -> the help texts cli/option_groups.py declares for it."""
    import typing

    from typer.models import OptionInfo

    from extractor.cli import option_groups

    declared = {}
    for alias in vars(option_groups).values():
        if typing.get_origin(alias) is not typing.Annotated:
            continue
        for info in alias.__metadata__:
            if isinstance(info, OptionInfo):
                # typer keeps the first flag of typer.Option("--db", ...) as its default
                decls = [info.default, *info.param_decls] if isinstance(info.default, str) else []
                assert decls and all(d.startswith("-") for d in decls), f"{info.help!r} names no flag"
                for decl in decls:
                    declared.setdefault(decl, []).append(info.help)
    return declared


def test_options_several_commands_share_are_declared_once_with_one_help_text():
    declared = _declared_options()
    assert declared["--db"] and declared["--aliases"]
    for opt, texts in declared.items():
        assert len(texts) == 1 or opt in MEANINGS_PER_COMMAND, f"cli/option_groups.py declares {opt} twice"
    used = {}  # option name -> {command: help text}
    for name, command in _commands().items():
        for param in command.params:
            if param.param_type_name == "option":
                for opt in param.opts:
                    used.setdefault(opt, {})[name] = param.help
    for opt, helps in used.items():
        if len(helps) > 1:
            assert opt in declared, f"{opt} is declared by {sorted(helps)}: declare it in cli/option_groups"
        stray = {c: h for c, h in helps.items() if opt in declared and h not in declared[opt]}
        assert not stray, f"{opt} declared again with another help text in {sorted(stray)}"
    assert set(used["--db"]) == {"run", "validate", "leaderboard", "import", "review"}
    assert len(set(used["--db"].values())) == 1


def test_module_entry_point_works():
    out = subprocess.run(
        [sys.executable, "-m", "extractor", "--version"], capture_output=True, text=True, cwd=REPO
    )
    assert out.returncode == 0 and out.stdout.startswith("extractor ")


def test_each_command_is_one_library_call_that_gives_what_the_command_gives(tmp_path):
    from extractor.leaderboard import publish, store_leaderboards
    from extractor.model.options import BoardFormat, LeaderboardOptions, RunOptions
    from extractor.run.pipeline import explain_input
    from extractor.store import import_evaluation_tables

    ref = tmp_path / "qa.json"
    rows = [{"model_name": m, "metrics": {"EM": v}} for m, v in (("Reader A", "80.1"), ("Reader B", "85.5"))]
    ref.write_text(json.dumps([{"task": "QA", "datasets": [{"dataset": "SQuAD", "sota": {
        "metrics": ["EM"], "rows": rows}}]}]), encoding="utf-8")  # fmt: skip
    heard = []
    imported = import_evaluation_tables([ref], tmp_path / "lib.db", on_file=lambda p, d, r: heard.append(p))
    assert heard == [ref] and [len(records) for _, records in imported] == [2]
    assert runner.invoke(app, ["import", str(ref), "--db", str(tmp_path / "cli.db")]).exit_code == 0

    options = LeaderboardOptions(dataset="squad")
    assert [r.model for r in store_leaderboards(tmp_path / "lib.db", options)[0].rows] == [
        "Reader B",
        "Reader A",
    ]
    publish(tmp_path / "lib.db", options, BoardFormat.csv, tmp_path / "lib.csv")
    cli = runner.invoke(
        app, ["leaderboard", "--db", str(tmp_path / "cli.db"), "--dataset", "squad", "-f", "csv"]
    )
    assert cli.exit_code == 0 and (tmp_path / "lib.csv").read_text(encoding="utf-8") == cli.stdout

    page = str(REPO / "samples" / "paper-page.html")
    found = explain_input(page, RunOptions(), tables=[0])
    cli = runner.invoke(app, ["explain", page, "-t", "0"])
    assert cli.exit_code == 0 and cli.stdout == "\n\n".join(s.render() for s in found) + "\n"


def test_an_alias_file_that_is_not_toml_is_one_error_before_any_input(tmp_path):
    bad = tmp_path / "mine.toml"
    bad.write_text('[metrics\n"x" = 1\n', encoding="utf-8")
    inputs = [str(REPO / "samples" / "results-page.txt"), str(REPO / "samples" / "paper-page.html")]
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", *inputs, "--aliases", str(bad), "-o", str(out), "--workers", "0"])
    assert result.exit_code == 2
    (line,) = result.stderr.splitlines()  # one line, not one per input
    assert line.startswith(f"error: {bad}: not a TOML alias file: Expected ']'")
    assert not out.exists()  # nothing read, nothing written
