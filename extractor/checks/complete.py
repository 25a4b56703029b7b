"""Is an output folder whole and of one run? (part of `extractor validate`, see checks.folder)

A run always writes `run.json` and at least one combined record file; which ones (`-f csv`, `-f
jsonl`, both) is inferred from the files present, so a `-f csv` run validates without
`results.jsonl`. Every record file present must hold exactly the records of the documents
`run.json` lists as done (`documents/<doc_id>.json`, in input order), as many as `run.json` counts;
so a record file left over from another run (a JSONL of 90 records beside a 9-record CSV after a
`-f csv` re-run) or cut short fails, each with an error saying which files disagree and how.

The results store must agree too: every document run.json lists as done is in the store under its
source, as the same content (sha256), with the same records in the same order. The store may hold
more (earlier runs' inputs, imported files): that is what it is for.
"""

from __future__ import annotations

from pathlib import Path

from extractor.model.issues import Issue, RecordData
from extractor.model.stored import StoredDocument

RECORD_FILES = ("results.jsonl", "results.csv")
# What identifies a record when two files are compared: where it is read and what it says; a
# record a reviewer corrected (its `review` column) is compared on where it is read and what was
# printed only, as the record files hold it corrected and documents/ as extracted.
_KEY = ("doc_id", "table_index", "row", "col", "cell_part", "dataset", "model", "metric", "setting", "value")
_PRINTED = (
    "doc_id",
    "table_index",
    "row",
    "col",
    "cell_part",
    "dataset_raw",
    "model_raw",
    "metric_raw",
    "value_raw",
)
ONE_RUN = "not the output of one run"
OUT_OF_STEP = "the store is not in step with the folder"

Key = tuple[tuple, tuple | None]  # (what was printed, what it says, or None once corrected)


def _issue(code: str, reason: str, file: str | None) -> Issue:
    return Issue(severity="error", code=code, reason=reason, file=file)


def _norm(value: object) -> object:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    return None if value == "" else value


def record_key(data: dict) -> Key:
    printed = tuple(_norm(data.get(k)) for k in _PRINTED)
    says = None if data.get("review") == "corrected" else tuple(_norm(data.get(k)) for k in _KEY)
    return printed, says


def _same(a: Key, b: Key) -> bool:
    return a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


def _difference(name: str, got: list[Key], other: str, want: list[Key], meaning: str = ONE_RUN) -> str | None:
    """How `name`'s records differ from `other`'s, or None when they are the same, in the same order."""
    if len(got) != len(want):
        return f"{len(got)} records, but {other} has {len(want)}: {meaning}"
    n = next((i for i, (a, b) in enumerate(zip(got, want, strict=True)) if not _same(a, b)), None)
    return None if n is None else f"record {n + 1} differs from {other}'s: {meaning}"


def completeness_issues(
    outdir: Path, run: dict | None, by_source: dict[str, list[RecordData]]
) -> list[Issue]:
    """Missing files, and record files that disagree with each other, run.json or documents/.

    `run` is run.json's content when it is there and valid; `by_source` the records read from each
    record file present and from documents/ (keyed "documents").
    """
    issues: list[Issue] = []
    if not (outdir / "run.json").is_file():
        issues.append(
            _issue("missing-file", "run.json is missing: not a complete output of a run", "run.json")
        )
    present = [name for name in RECORD_FILES if (outdir / name).is_file()]
    if not present:
        reason = "no combined record file (results.csv or results.jsonl): a run writes at least one"
        issues.append(_issue("missing-file", reason, None))
    keys = {name: [record_key(data) for data, _ in by_source.get(name, [])] for name in present}
    if len(present) == 2:
        jsonl, csv = RECORD_FILES
        problem = _difference(jsonl, keys[jsonl], csv, keys[csv])
        if problem:
            issues.append(_issue("inconsistent", problem, jsonl))
    if run is None:
        return issues
    done = [i for i in run.get("inputs", []) if i.get("status") == "ok"]
    counted = sum(i.get("records", 0) for i in done)
    for name in present:
        if len(keys[name]) != counted:
            reason = f"{len(keys[name])} records, but run.json counts {counted}: not the output of this run"
            issues.append(_issue("inconsistent", reason, name))
    per_file: dict[str | None, list[tuple]] = {}
    for data, ref in by_source.get("documents", []):
        per_file.setdefault(ref.file, []).append(record_key(data))
    expected: list[tuple] = []
    for item in done:
        name = f"documents/{item.get('doc_id')}.json"
        if not (outdir / name).is_file():
            reason = f"run.json lists {item.get('source')} as done but its document file is missing"
            issues.append(_issue("missing-file", reason, name))
            return issues
        expected += per_file.get(name, [])
    for name in present:
        problem = _difference(name, keys[name], "documents/", expected)
        if problem and len(keys[name]) == counted:  # a count already reported is not repeated
            issues.append(_issue("inconsistent", problem, name))
    return issues


def store_issues(
    run: dict | None,
    documents: dict[str, tuple[str, str]],
    by_source: dict[str, list[RecordData]],
    stored: list[StoredDocument],
    stored_records: list[dict],
    store_name: str,
) -> list[Issue]:
    """Documents run.json lists as done that the store lacks, holds as other content, or holds with
    other records. `documents` gives each documents/ file's (source, sha256); `stored_records` are
    the store's records (dicts with `source`), in their order within each document."""
    if run is None:
        return []
    held = {doc.source: doc for doc in stored}
    in_store: dict[str, list[tuple]] = {}
    for data in stored_records:
        in_store.setdefault(data["source"], []).append(record_key(data))
    in_files: dict[str | None, list[tuple]] = {}
    for data, ref in by_source.get("documents", []):
        in_files.setdefault(ref.file, []).append(record_key(data))
    issues = []
    for item in run.get("inputs", []):
        name = f"documents/{item.get('doc_id')}.json"
        if item.get("status") != "ok" or name not in documents:
            continue  # a failed input leaves what the store had; a missing file is reported already
        source, sha = documents[name]
        doc = held.get(source)
        if doc is None:
            reason = f"the store has no document {source}, which run.json lists as done"
        elif doc.sha256 != sha:
            reason = f"the store holds other content for {source} (sha256 {doc.sha256[:12]}), not {name}'s"
        else:
            got, want = in_store.get(source, []), in_files.get(name, [])
            problem = _difference(source, got, name, want, OUT_OF_STEP)
            if problem is None:
                continue
            reason = f"the store's {source}: {problem}"
        issues.append(_issue("inconsistent", reason, store_name))
    return issues
