"""Run two revisions of the package over the same corpus inputs and compare what they write, file by file.

    .venv/bin/python benchmarks/compare_runs.py --before REV [--after REV] [--corpus ../shared/corpus]
                                                [--keep DIR] [--workers N]

Made for a refactoring that must not change outputs: each revision is checked out into a temporary
git worktree (`--after .`, the default, is the working tree as it is) and run from there as
`python -m extractor run INPUTS -o OUT --force` with this interpreter (both revisions use the same
installed dependencies). Compared: `results.csv`, `results.jsonl` and every `documents/<doc_id>.json`
byte for byte, and `run.json` with each input's `seconds` left out (the only field that differs
between two identical runs). Prints each difference and the number of files compared; the exit
status is 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The corpus folders a whole-corpus run reads: reports, model cards, saved pages and the table suites.
INPUTS = (
    "reports",
    "claude2",
    "pwc-pages",
    "html",
    "docling/tests/data",
    "camelot/tests/files",
    "pdfplumber/tests/pdfs",
    "icdar2013",
)


def checkout(rev: str, into: Path) -> Path:
    """The source tree of `rev`: the working tree for '.', else a detached worktree under `into`."""
    if rev == ".":
        return REPO
    path = into / f"tree-{rev.replace('/', '_')}"
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", "--force", str(path), rev],
        check=True,
        capture_output=True,
    )
    return path


def run(tree: Path, inputs: list[str], out: Path, workers: int) -> None:
    """The pipeline of `tree` over `inputs` into `out` (an input failing is part of the output)."""
    cmd = [
        sys.executable,
        "-m",
        "extractor",
        "run",
        *inputs,
        "-o",
        str(out),
        "--force",
        "--workers",
        str(workers),
    ]
    done = subprocess.run(cmd, cwd=tree, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{tree}: extractor run failed ({done.returncode}): {done.stderr.strip()[-500:]}")


def _run_json(path: Path) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    for item in data.get("inputs", []):
        item.pop("seconds", None)
    return json.dumps(data, indent=2, sort_keys=True)


def compare(a: Path, b: Path) -> tuple[int, list[str]]:
    """(files compared, differences) between two output folders."""
    names = {"results.csv", "results.jsonl"} | {
        f"documents/{p.name}" for d in (a, b) for p in (d / "documents").glob("*.json")
    }
    diffs = []
    for name in sorted(names):
        pa, pb = a / name, b / name
        if not pa.exists() or not pb.exists():
            diffs.append(f"{name}: only in {'after' if pb.exists() else 'before'}")
        elif pa.read_bytes() != pb.read_bytes():
            diffs.append(f"{name}: differs")
    if _run_json(a / "run.json") != _run_json(b / "run.json"):
        diffs.append("run.json: differs (seconds left out)")
    return len(names) + 1, diffs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", required=True, help="git revision of the saved run (a commit, tag or branch)")
    ap.add_argument(
        "--after", default=".", help="git revision to compare, '.' for the working tree (default)"
    )
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--keep", type=Path, default=None, help="keep both output folders here")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    inputs = [str((args.corpus / p).resolve()) for p in INPUTS if (args.corpus / p).exists()]
    if not inputs:
        raise SystemExit(f"no corpus under {args.corpus}")
    work = Path(tempfile.mkdtemp(prefix="compare-runs-"))
    outs = args.keep or work
    try:
        for side, rev in (("before", args.before), ("after", args.after)):
            shutil.rmtree(outs / side, ignore_errors=True)
            run(checkout(rev, work), inputs, outs / side, args.workers)
        count, diffs = compare(outs / "before", outs / "after")
    finally:
        for tree in work.glob("tree-*"):
            subprocess.run(
                ["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], capture_output=True
            )
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print("\n".join(diffs))
    print(f"{count} files compared, {len(diffs)} differ ({args.before} -> {args.after})")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
