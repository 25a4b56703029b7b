"""Papers with Code evaluation tables (the sota-extractor JSON format), read into stored records.

The format: a list of tasks, each `{task, datasets, subtasks}`; a dataset is `{dataset, sota:
{metrics: [names], rows: [{model_name, paper_title, paper_url, paper_date, metrics: {name: value}}]},
subdatasets}` (a subdataset has `subdataset` in place of `dataset`). Values are numbers or strings
as printed ("90.871", "63.7*", "0.84 ± 0.01"); those the cell parser reads become records, the rest
("-", "", "220k") are not results and are left out. Everything else (descriptions, links) is not kept.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import BaseModel, Field

from extractor.model.errors import ReferenceDataError
from extractor.readers import make_doc_id
from extractor.model.stored import StoredDocument, StoredRecord
from extractor.vocab.scores import ParsedValue, parse_value


class _Walk(BaseModel):
    doc_id: str
    source: str
    sha256: str
    records: list[StoredRecord] = Field(default_factory=list)
    tables: int = 0
    entries: int = 0


def parse_metric_value(value: object) -> ParsedValue | None:
    """A row's metric value as a number: JSON numbers as they are, strings through the cell parser."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return ParsedValue(value=float(value))
    return parse_value(str(value)) if isinstance(value, str) else None


def value_text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def read_json(path: Path) -> tuple[bytes, object]:
    try:
        data = path.read_bytes()
        return data, json.loads(data.decode("utf-8-sig"))
    except OSError as e:
        raise ReferenceDataError(f"{path}: cannot read: {e.strerror or e}") from e
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ReferenceDataError(f"{path}: not JSON: {e}") from e


def load_evaluation_tables(path: Path) -> tuple[StoredDocument, list[StoredRecord]]:
    """An evaluation-tables JSON file as one stored document and its records."""
    raw, data = read_json(path)
    tasks = data if isinstance(data, list) else [data]
    if not all(isinstance(t, dict) and isinstance(t.get("task"), str) for t in tasks):
        raise ReferenceDataError(f"{path}: not evaluation tables: expected a list of objects with a 'task'")
    sha = hashlib.sha256(raw).hexdigest()
    walk = _Walk(doc_id=make_doc_id(str(path), sha), source=str(path), sha256=sha)
    for task in tasks:
        _task(walk, task, [])
    doc = StoredDocument(sha256=sha, doc_id=walk.doc_id, source=str(path), title=path.stem, kind="reference")
    return doc, walk.records


def _task(walk: _Walk, task: dict, parents: list[str]) -> None:
    name = task["task"]
    for ds in task.get("datasets") or []:
        dataset = ds.get("dataset") or ds.get("subdataset")
        if not isinstance(dataset, str) or not dataset.strip():
            continue
        _sota(walk, ds.get("sota"), name, parents, dataset, None)
        for sub in ds.get("subdatasets") or []:
            subname = sub.get("subdataset") or sub.get("dataset")
            if isinstance(subname, str) and subname.strip():
                _sota(walk, sub.get("sota"), name, parents, dataset, subname)
    for sub in task.get("subtasks") or []:
        if isinstance(sub, dict) and isinstance(sub.get("task"), str):
            _task(walk, sub, [*parents, name])


def _sota(walk: _Walk, sota: object, task: str, parents: list[str], dataset: str, subdataset: str | None) -> None:
    table = walk.tables
    walk.tables += 1
    if not isinstance(sota, dict):
        return
    names = [m for m in sota.get("metrics") or [] if isinstance(m, str)]
    for row_index, row in enumerate(sota.get("rows") or []):
        if not isinstance(row, dict) or not str(row.get("model_name") or "").strip():
            continue
        entry = walk.entries
        walk.entries += 1
        metrics = row.get("metrics") if isinstance(row.get("metrics"), dict) else {}
        for k, (metric, value) in enumerate(metrics.items()):
            parsed = parse_metric_value(value)
            if parsed is None:
                continue
            col = names.index(metric) if metric in names else len(names) + k
            walk.records.append(_record(walk, row, parsed, value, metric, entry, table, row_index, col,
                                        task=task, parents=parents, dataset=dataset, subdataset=subdataset))


def _text(row: dict, key: str) -> str | None:
    value = row.get(key)
    return value if isinstance(value, str) and value else None


def _record(walk: _Walk, row: dict, parsed: ParsedValue, value: object, metric: str, entry: int, table: int,
            row_index: int, col: int, *, task: str, parents: list[str], dataset: str, subdataset: str | None) -> StoredRecord:
    model = str(row["model_name"])
    return StoredRecord(
        doc_id=walk.doc_id, source=walk.source, task=task, dataset=dataset, model=model, metric=metric,
        value=parsed.value, unit=parsed.unit, value_raw=value_text(value).strip() or "?", dataset_raw=dataset,
        model_raw=model, metric_raw=metric, table_index=table, row=row_index, col=col, spread=parsed.spread,
        markers=parsed.markers, sha256=walk.sha256, position=len(walk.records), entry=entry,
        paper_title=_text(row, "paper_title"), paper_url=_text(row, "paper_url"), paper_date=_text(row, "paper_date"),
        parent_tasks=parents, subdataset=subdataset,
    )
