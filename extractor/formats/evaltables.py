"""Papers with Code evaluation tables (the sota-extractor JSON format), read into stored records.

The format: a list of tasks, each `{task, datasets, subtasks}`; a dataset is `{dataset, sota:
{metrics: [names], rows: [{model_name, paper_title, paper_url, paper_date, metrics: {name: value}}]},
subdatasets}` (a subdataset has `subdataset` in place of `dataset`). Values are numbers or strings
as printed ("90.871", "63.7*", "0.84 ± 0.01"); those the cell parser reads become records, the rest
("-", "", "220k") are not results and are left out. Everything else (descriptions, links) is not kept.

Writing: Stored records as Papers with Code evaluation tables, and the canonical form two of them compare in.

tasks (nested as the records' `parent_tasks` say) -> datasets (-> subdatasets) -> `sota`
with the metric names and one row per result entry: a model (with its setting in brackets, as
Papers with Code writes `Model (5-shot)`) from one paper, with every metric that entry reported.
A model reported by two papers has two rows, as on Papers with Code. Rows are ordered by the
first metric whose direction is known, best first (rows without it last); store order otherwise.

Equality (`canonical_tables`) is the comparison the round-trip test makes, defined so that what the
store does not keep is not compared:
- only `task`, `datasets`, `subtasks`; `dataset`/`subdataset`, `sota`, `subdatasets`; and the row
  fields `model_name`, `paper_title`, `paper_url`, `paper_date` (absent = ""), `metrics` are compared;
  descriptions, links, categories, synonyms and `uses_additional_data` are not;
- a metric value is compared as the number the cell parser reads (`"90.871"` equals `90.871`,
  `"63.7*"` equals `63.7`); a value with no number (`"-"`, `""`) is not a result and is left out, a row
  left with no metric (or with no model name) is left out, a metric no row has a value for is left
  out of `metrics`, and a dataset, subdataset or task left with nothing is left out;
- rows are compared as a multiset (sorted), since an export ranks them; everything else keeps its order.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, Field

from extractor.model.document import make_doc_id
from extractor.model.errors import ReferenceDataError
from extractor.model.leaderboard import NO_METRIC, NO_TASK
from extractor.model.stored import StoredDocument, StoredRecord
from extractor.vocab.directions import metric_direction
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


def _sota(
    walk: _Walk, sota: object, task: str, parents: list[str], dataset: str, subdataset: str | None
) -> None:
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
            walk.records.append(
                _record(
                    walk,
                    row,
                    parsed,
                    value,
                    metric,
                    entry,
                    table,
                    row_index,
                    col,
                    task=task,
                    parents=parents,
                    dataset=dataset,
                    subdataset=subdataset,
                )
            )


def _text(row: dict, key: str) -> str | None:
    value = row.get(key)
    return value if isinstance(value, str) and value else None


def _record(
    walk: _Walk,
    row: dict,
    parsed: ParsedValue,
    value: object,
    metric: str,
    entry: int,
    table: int,
    row_index: int,
    col: int,
    *,
    task: str,
    parents: list[str],
    dataset: str,
    subdataset: str | None,
) -> StoredRecord:
    model = str(row["model_name"])
    return StoredRecord(
        doc_id=walk.doc_id,
        source=walk.source,
        task=task,
        dataset=dataset,
        model=model,
        metric=metric,
        value=parsed.value,
        unit=parsed.unit,
        value_raw=value_text(value).strip() or "?",
        dataset_raw=dataset,
        model_raw=model,
        metric_raw=metric,
        table_index=table,
        row=row_index,
        col=col,
        spread=parsed.spread,
        markers=parsed.markers,
        sha256=walk.sha256,
        position=len(walk.records),
        entry=entry,
        paper_title=_text(row, "paper_title"),
        paper_url=_text(row, "paper_url"),
        paper_date=_text(row, "paper_date"),
        parent_tasks=parents,
        subdataset=subdataset,
    )


# --- writing
def _node(children: dict, name: str) -> dict:
    return children.setdefault(name, {"datasets": {}, "subtasks": {}})


def _table(datasets: dict, rec: StoredRecord) -> dict:
    ds = datasets.setdefault(rec.dataset, {"table": {"metrics": {}, "rows": {}}, "subdatasets": {}})
    if rec.subdataset is None:
        return ds["table"]
    # Keyed by table too: evaluation tables may repeat a subdataset name within a dataset.
    return ds["subdatasets"].setdefault((rec.subdataset, rec.table_index), {"metrics": {}, "rows": {}})


def _model_name(rec: StoredRecord) -> str:
    return f"{rec.model} ({rec.setting})" if rec.setting else rec.model


def evaluation_tables(records: Iterable[StoredRecord]) -> list[dict]:
    """The records (chosen by the caller: see leaderboard.select_records) as an evaluation-tables list of
    tasks."""
    tasks: dict = {}
    for rec in records:
        node = None
        for name in [*rec.parent_tasks, rec.task or NO_TASK]:
            node = _node(tasks if node is None else node["subtasks"], name)
        table = _table(node["datasets"], rec)
        metric = rec.metric or NO_METRIC
        table["metrics"].setdefault(metric, rec.col)
        table["metrics"][metric] = min(table["metrics"][metric], rec.col)
        row = table["rows"].setdefault(
            (rec.source, rec.entry),
            {
                "model_name": _model_name(rec),
                "paper_title": rec.paper_title or "",
                "paper_url": rec.paper_url or "",
                "paper_date": rec.paper_date or "",
                "metrics": {},
            },
        )
        row["metrics"].setdefault(metric, rec.value)
    return [_task_json(name, node) for name, node in tasks.items()]


def _task_json(name: str, node: dict) -> dict:
    return {
        "task": name,
        "datasets": [_dataset_json(ds, value) for ds, value in node["datasets"].items()],
        "subtasks": [_task_json(sub, child) for sub, child in node["subtasks"].items()],
    }


def _dataset_json(name: str, ds: dict) -> dict:
    return {
        "dataset": name,
        "sota": _sota_json(ds["table"]),
        "subdatasets": [
            {"subdataset": sub, "sota": _sota_json(t)} for (sub, _), t in ds["subdatasets"].items()
        ],
    }


def _sota_json(table: dict) -> dict:
    order = list(table["metrics"])
    metrics = sorted(order, key=lambda m: (table["metrics"][m], order.index(m)))
    return {"metrics": metrics, "rows": _ranked(list(table["rows"].values()), metrics)}


def _ranked(rows: list[dict], metrics: list[str]) -> list[dict]:
    for metric in metrics:
        direction = metric_direction(metric if metric != NO_METRIC else None)
        if direction is not None:
            sign = -1.0 if direction == "higher" else 1.0
            return sorted(
                rows, key=lambda r: (metric not in r["metrics"], sign * r["metrics"].get(metric, 0.0))
            )
    return rows


# --- the canonical form two evaluation-tables documents are compared in (see the module docstring)


def canonical_tables(data: object) -> list[dict]:
    tasks = data if isinstance(data, list) else [data]
    return [t for t in (_canon_task(t) for t in tasks if isinstance(t, dict)) if t is not None]


def _canon_task(task: dict) -> dict | None:
    datasets = [d for d in (_canon_dataset(d) for d in task.get("datasets") or []) if d is not None]
    subtasks = [
        t
        for t in (_canon_task(t) for t in task.get("subtasks") or [] if isinstance(t, dict))
        if t is not None
    ]
    if not datasets and not subtasks:
        return None
    return {"task": task.get("task"), "datasets": datasets, "subtasks": subtasks}


def _canon_dataset(ds: dict, key: str = "dataset") -> dict | None:
    name = ds.get(key) or ds.get("subdataset" if key == "dataset" else "dataset")
    if not isinstance(name, str) or not name.strip():
        return None
    sota = _canon_sota(ds.get("sota"))
    if key == "subdataset":
        return {key: name, "sota": sota} if sota["rows"] else None
    subs = [
        s for s in (_canon_dataset(s, "subdataset") for s in ds.get("subdatasets") or []) if s is not None
    ]
    if not sota["rows"] and not subs:
        return None
    return {key: name, "sota": sota, "subdatasets": subs}


def _canon_sota(sota: object) -> dict:
    if not isinstance(sota, dict):
        return {"metrics": [], "rows": []}
    rows = [
        r for r in (_canon_row(r) for r in sota.get("rows") or [] if isinstance(r, dict)) if r is not None
    ]
    present = {m for r in rows for m in r["metrics"]}
    named = [m for m in sota.get("metrics") or [] if m in present]
    extra = [m for r in rows for m in r["metrics"] if m not in named]
    metrics = list(dict.fromkeys(named + extra))
    return {"metrics": metrics, "rows": sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))}


def _canon_row(row: dict) -> dict | None:
    model = row.get("model_name")
    if not isinstance(model, str) or not model.strip():
        return None
    metrics = {}
    for name, value in (row.get("metrics") or {}).items():
        parsed = parse_metric_value(value)
        if parsed is not None:
            metrics[name] = parsed.value
    if not metrics:
        return None
    text = {
        k: row.get(k) if isinstance(row.get(k), str) else ""
        for k in ("paper_title", "paper_url", "paper_date")
    }
    return {"model_name": model, **text, "metrics": metrics}


def evaluation_tables_json(records: Iterable[StoredRecord]) -> str:
    return json.dumps(evaluation_tables(records), indent=2, ensure_ascii=False) + "\n"
