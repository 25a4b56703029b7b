"""Control characters in a source name or an error never reach the terminal raw."""

from typer.testing import CliRunner

from extractor.cli import app
from extractor.cli.text import printable

runner = CliRunner()


def test_printable_escapes_control_characters_only():
    assert printable("a\nb\rc\td") == "a\\nb\\rc\\td"
    assert printable("\x1b[31mred\x07") == "\\x1b[31mred\\x07"
    assert printable("x\u202ey\u2028z\x7f") == "x\\u202ey\\u2028z\\x7f"
    assert printable("Ünïcode name (5-shot) 78.5%") == "Ünïcode name (5-shot) 78.5%"


def test_a_newline_in_a_file_name_cannot_forge_a_line(tmp_path):
    name = "fake\nwarning: forged: all is well \x1b[2J.txt"
    (tmp_path / name).write_bytes(b"")  # empty: fails, so its name is printed in an error line
    (tmp_path / "good.txt").write_text("| Model | MMLU |\n|---|---|\n| Nimbus | 70.1 |\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(tmp_path), "-o", str(tmp_path / "out"), "--workers", "0"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert not any(line.startswith("warning: forged") for line in lines)
    assert "\x1b" not in result.stderr
    assert any("fake\\nwarning: forged: all is well \\x1b[2J.txt: empty file" in line for line in lines)


def test_an_error_line_escapes_the_name_it_quotes(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "no\x1b]0;title\x07where")])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "no\\x1b]0;title\\x07where" in result.stderr
