"""Helpers of the batch tests."""

from __future__ import annotations

from pathlib import Path


def output_tree(outdir: Path) -> dict[str, bytes]:
    """Every output file by relative path, but run.json (timings) and the store (rows in completion order;
    its content is compared through queries)."""
    return {
        str(p.relative_to(outdir)): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file() and p.name != "run.json" and p.suffix != ".db"
    }
