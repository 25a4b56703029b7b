"""`extractor review` on the command line: it prints the address and serves the folder's app (uvicorn
stubbed out here: the browser tests serve it for real), and refuses a folder with no output or no
store, exit status 2."""

from __future__ import annotations

from typer.testing import CliRunner

from extractor.cli import app

runner = CliRunner()


def test_review_prints_the_address_and_serves_the_folder(outdir, monkeypatch):
    import uvicorn

    served = {}
    monkeypatch.setattr(
        uvicorn, "run", lambda app, host, port, log_level: served.update(host=host, port=port)
    )
    result = runner.invoke(app, ["review", str(outdir), "--port", "9911", "--reviewer", "ana"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:9911/" in result.stdout
    assert served == {"host": "127.0.0.1", "port": 9911}


def test_review_of_a_folder_without_output_or_store_is_status_2(tmp_path, outdir):
    result = runner.invoke(app, ["review", str(tmp_path / "nothing")])
    assert result.exit_code == 2 and "no documents/ folder" in result.stderr
    (outdir / "results.db").unlink()
    result = runner.invoke(app, ["review", str(outdir)])
    assert result.exit_code == 2 and "no results store" in result.stderr
