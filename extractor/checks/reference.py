"""Comparison with a reference: a leaderboard in Papers with Code's evaluation-tables JSON, a CSV with
the record columns (as results.csv), or a folder of either.

Names match through the alias data (dataset, metric and model names, ignoring case, spacing and
punctuation), and a setting in brackets after a model name (`Model (5-shot)`, as Papers with Code
writes it) is compared as the setting. A key is (dataset, model, metric, setting). Only datasets
present on both sides are compared, unless `all_reference` is set: a leaderboard covers far more
than one report, and a report more than one leaderboard.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from pathlib import Path

from extractor.formats.evaltables import load_evaluation_tables
from extractor.formats.results import record_from_csv_row
from extractor.model.errors import ReferenceDataError
from extractor.model.issues import Comparison, Issue, Pairing, RecordData, ref_of
from extractor.model.options import ValidateOptions
from extractor.vocab.names import Vocabulary, alias_key
from extractor.vocab.settings import merge_settings, parse_setting, split_trailing_parens

Key = tuple[str, str, str, str]


def load_reference_file(path: Path) -> list[RecordData]:
    if path.suffix.lower() == ".csv":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as e:
            raise ReferenceDataError(f"{path}: cannot read: {e}") from e
        reader = csv.DictReader(io.StringIO(text, newline=""))
        if not {"dataset", "model", "value"} <= set(reader.fieldnames or []):
            raise ReferenceDataError(
                f"{path}: a reference CSV needs at least the columns dataset, model, value "
                "(and metric, setting)"
            )
        return [
            (data, ref_of(data, str(path), n))
            for n, data in enumerate(map(record_from_csv_row, reader), start=1)
        ]
    _, records = load_evaluation_tables(path)
    return [(d, ref_of(d, str(path), None)) for d in (r.model_dump() for r in records)]


def load_reference(path: Path) -> tuple[list[RecordData], list[Issue]]:
    """A file, or every .json and .csv under a folder (an unreadable file there is a warning)."""
    if not path.exists():
        raise ReferenceDataError(f"{path}: no such file or folder")
    if path.is_file():
        return load_reference_file(path), []
    records: list[RecordData] = []
    issues: list[Issue] = []
    for file in sorted(p for p in path.rglob("*") if p.suffix.lower() in (".json", ".csv") and p.is_file()):
        try:
            records += load_reference_file(file)
        except ReferenceDataError as e:
            issues.append(
                Issue(severity="warning", code="reference-unreadable", reason=str(e), file=str(file))
            )
    return records, issues


def _canon(label: object, lookup) -> str:
    text = label if isinstance(label, str) else ""
    found = lookup(text) if text.strip() else None
    name = getattr(found, "entry", found)
    name = getattr(name, "name", name)
    return alias_key(name if isinstance(name, str) else text)


def match_key(data: dict, aliases: Vocabulary) -> Key:
    model, parens = split_trailing_parens(str(data.get("model") or ""))
    settings = [parse_setting(p) for p in parens]
    kept = [p for p, s in zip(parens, settings) if s is None]  # brackets that are part of the name
    model = model + "".join(f" ({p})" for p in kept)
    setting = merge_settings(data.get("setting"), *[s for s in settings if s]) or ""
    return (
        _canon(data.get("dataset"), aliases.dataset),
        _canon(model, aliases.model),
        _canon(data.get("metric"), aliases.metric),
        setting,
    )


def _index(records: list[RecordData], aliases: Vocabulary) -> dict[Key, list[RecordData]]:
    index: dict[Key, list[RecordData]] = defaultdict(list)
    for data, ref in records:
        if isinstance(data.get("value"), int | float) and data.get("dataset") and data.get("model"):
            index[match_key(data, aliases)].append((data, ref))
    return index


def _pairing(out: RecordData | None, ref: RecordData | None) -> Pairing:
    data = (out or ref)[0]  # type: ignore[index]
    return Pairing(
        dataset=str(data.get("dataset")),
        model=str(data.get("model")),
        metric=str(data.get("metric") or ""),
        setting=data.get("setting"),
        value=out[0]["value"] if out else None,
        reference_value=ref[0]["value"] if ref else None,
        record=out[1] if out else None,
        reference=ref[1] if ref else None,
    )


def compare(
    records: list[RecordData],
    reference: list[RecordData],
    name: str,
    aliases: Vocabulary,
    options: ValidateOptions = ValidateOptions(),
) -> Comparison:
    ours, theirs = _index(records, aliases), _index(reference, aliases)
    if not options.all_reference:  # only the datasets both sides have
        shared = {k[0] for k in ours} & {k[0] for k in theirs}
        ours = {k: v for k, v in ours.items() if k[0] in shared}
        theirs = {k: v for k, v in theirs.items() if k[0] in shared}
    result = Comparison(reference=name)
    for key, outs in ours.items():
        refs = theirs.get(key)
        if not refs:
            result.missing_in_reference += [_pairing(o, None) for o in outs]
            continue
        for out in outs:
            same = next(
                (
                    r
                    for r in refs
                    if math.isclose(out[0]["value"], r[0]["value"], rel_tol=0, abs_tol=options.tolerance)
                ),
                None,
            )
            (result.matches if same else result.mismatches).append(_pairing(out, same or refs[0]))
    result.missing_in_output = [
        _pairing(None, r) for key, refs in theirs.items() if key not in ours for r in refs
    ]
    return result
