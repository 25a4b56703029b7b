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

`--upgrade-before` first rewrites the *before* side's documents and run.json into the current
layout by the named, intended format changes in UPGRADES (e.g. schema 1.1 -> 2.0: a table's page
and bbox became a provenance list, n_rows/n_cols were added, the grid is derived and written last,
the continued-table note became a second provenance item), so what is left to differ is what the
change did not mean to change. The record files are always compared byte for byte.
"""

from __future__ import annotations

import argparse
import json
import re
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


_CONTINUED = re.compile(r"^continued on page (\d+): rows (\d+)-(\d+) were joined from there$")


def _table_2_0(table: dict) -> dict:
    """A schema 1.1 table in the 2.0 layout (see extractor/model/document.py)."""
    grid = table["grid"]
    provenance = []
    notes = []
    for note in table["notes"]:
        m = _CONTINUED.match(note)
        if m:
            page, first, last = (int(g) for g in m.groups())
            provenance.append({"page": page, "first": first, "last": last})
        else:
            notes.append(note)
    items = []
    if table.get("page") is not None:
        end = provenance[0]["first"] - 1 if provenance else len(grid) - 1
        items.append({"page": table["page"], "bbox": table["bbox"], "rows": [0, end]})
    for later in provenance:
        items.append({"page": later["page"], "bbox": None, "rows": [later["first"], later["last"]]})
    out = {
        "index": table["index"],
        "provenance": items,
        "caption": table["caption"],
        "n_rows": len(grid),
        "n_cols": max((len(r) for r in grid), default=0),
    }
    for key in ("cells", "header_rows", "engine", "confidence"):
        out[key] = table[key]
    out["notes"] = notes
    out["grid"] = grid
    return out


def _upgrade_1_1(data: dict) -> dict:
    if data.get("schema_version") != "1.1":
        return data
    data["schema_version"] = "2.0"
    if "tables" in data:
        data["tables"] = [_table_2_0(t) for t in data["tables"]]
    return data


UPGRADES = (_upgrade_1_1,)


def upgraded(data: dict) -> dict:
    for step in UPGRADES:
        data = step(data)
    return data


def _same_document(before: Path, after: Path, upgrade: bool) -> bool:
    if before.read_bytes() == after.read_bytes():
        return True
    if not upgrade:
        return False
    old = upgraded(json.loads(before.read_text(encoding="utf-8")))
    new = json.loads(after.read_text(encoding="utf-8"))
    if old == new:
        return True
    # a later page's bbox is not in a 1.1 file (it was only in the note): compare the rest
    for t_old, t_new in zip(old.get("tables", []), new.get("tables", [])):
        for p_old, p_new in zip(t_old["provenance"], t_new["provenance"]):
            if p_old["bbox"] is None:
                p_old["bbox"] = p_new["bbox"]
    return json.dumps(old) == json.dumps(new)


def _run_json(path: Path, upgrade: bool = False) -> str:
    data = json.loads(path.read_text(encoding="utf-8"))
    data = upgraded(data) if upgrade else data
    for item in data.get("inputs", []):
        item.pop("seconds", None)
    return json.dumps(data, indent=2, sort_keys=True)


def compare(a: Path, b: Path, upgrade: bool = False) -> tuple[int, list[str]]:
    """(files compared, differences) between two output folders (`upgrade`: see --upgrade-before)."""
    names = {"results.csv", "results.jsonl"} | {
        f"documents/{p.name}" for d in (a, b) for p in (d / "documents").glob("*.json")
    }
    diffs = []
    for name in sorted(names):
        pa, pb = a / name, b / name
        if not pa.exists() or not pb.exists():
            diffs.append(f"{name}: only in {'after' if pb.exists() else 'before'}")
        elif name.startswith("documents/") and not _same_document(pa, pb, upgrade):
            diffs.append(f"{name}: differs")
        elif not name.startswith("documents/") and pa.read_bytes() != pb.read_bytes():
            diffs.append(f"{name}: differs")
    if _run_json(a / "run.json", upgrade) != _run_json(b / "run.json"):
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
    ap.add_argument(
        "--upgrade-before", action="store_true", help="apply the intended format changes (UPGRADES) first"
    )
    ap.add_argument("--outputs-only", action="store_true", help="compare two folders already in --keep")
    args = ap.parse_args()
    inputs = [str((args.corpus / p).resolve()) for p in INPUTS if (args.corpus / p).exists()]
    if not inputs:
        raise SystemExit(f"no corpus under {args.corpus}")
    work = Path(tempfile.mkdtemp(prefix="compare-runs-"))
    outs = args.keep or work
    try:
        for side, rev in (("before", args.before), ("after", args.after)):
            if args.outputs_only:
                break
            shutil.rmtree(outs / side, ignore_errors=True)
            run(checkout(rev, work), inputs, outs / side, args.workers)
        count, diffs = compare(outs / "before", outs / "after", args.upgrade_before)
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
