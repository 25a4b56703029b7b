"""The combined record files: results.csv and results.jsonl, written (UTF-8, atomically) and read back."""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
import types
import typing
from collections.abc import Callable, Iterator, Sequence
from itertools import chain
from pathlib import Path

from extractor.formats.atomic import write_atomic
from extractor.model.record import CONTRACT_FIELDS, ResultRecord

# CSV columns: the contract's, then the extra fields in model order.
CSV_FIELDS = list(CONTRACT_FIELDS) + [f for f in ResultRecord.model_fields if f not in CONTRACT_FIELDS]


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return value


def _csv_rows(records: Sequence[ResultRecord], header: bool = False) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    if header:
        writer.writerow(CSV_FIELDS)
    writer.writerows([_csv_value(getattr(rec, k)) for k in CSV_FIELDS] for rec in records)
    return buf.getvalue()


def records_csv(records: Sequence[ResultRecord]) -> str:
    return _csv_rows(records, header=True)


def records_jsonl(records: Sequence[ResultRecord]) -> str:
    return "".join(json.dumps(r.model_dump(mode="json"), ensure_ascii=False) + "\n" for r in records)


class ResultsSpool:
    """The combined files' lines of each document, kept in an unnamed temporary file beside them
    from when the document is done to the end of the run, not its records in memory (~4 KB a
    record: a batch of hundreds of reports held hundreds of MB). A document is kept as its JSONL
    lines (and CSV rows when results.csv is written); its records can be read back from the JSONL
    (review decisions are applied at the end). One that cannot be spooled (a full disk) is held in
    memory instead."""

    def __init__(self, outdir: Path, formats: set[str]):
        self.csv = "csv" in formats
        self.jsonl = "jsonl" in formats
        outdir.mkdir(parents=True, exist_ok=True)
        self._file = tempfile.TemporaryFile(dir=outdir, prefix=".results-spool.", suffix=".tmp")
        self._end = 0
        self._spans: dict[int, tuple[int, int, int]] = {}  # key -> (start, jsonl bytes, csv bytes)
        self._held: dict[int, list[ResultRecord]] = {}

    def add(self, key: int, records: Sequence[ResultRecord]) -> None:
        if not (self.csv or self.jsonl):
            return
        lines = records_jsonl(records).encode()
        rows = _csv_rows(records).encode() if self.csv else b""
        try:
            self._put(lines + rows, self._end)
        except OSError:
            self._held[key] = list(records)
            return
        self._spans[key] = (self._end, len(lines), len(rows))
        self._end += len(lines) + len(rows)

    def _put(self, data: bytes, at: int) -> None:
        fd, view = self._file.fileno(), memoryview(data)
        while view:
            written = os.pwrite(fd, view, at)
            view, at = view[written:], at + written

    def _read(self, at: int, size: int) -> str:
        return os.pread(self._file.fileno(), size, at).decode() if size else ""

    def records(self, key: int) -> list[ResultRecord]:
        if key in self._held:
            return self._held[key]
        start, size, _ = self._spans[key]
        return [ResultRecord.model_validate_json(line) for line in self._read(start, size).splitlines()]

    def jsonl_lines(self, key: int) -> str:
        if key in self._held:
            return records_jsonl(self._held[key])
        start, size, _ = self._spans[key]
        return self._read(start, size)

    def csv_rows(self, key: int) -> str:
        if key in self._held:
            return _csv_rows(self._held[key])
        start, lines, rows = self._spans[key]
        return self._read(start + lines, rows)

    def close(self) -> None:
        self._file.close()


Reviewed = Callable[[int], "list[ResultRecord] | None"]  # a document's records as reviewed, or None
Render = Callable[[Sequence[ResultRecord]], str]


def write_results(outdir: Path, spool: ResultsSpool, keys: Sequence[int], reviewed: Reviewed) -> None:
    """results.csv and results.jsonl: each document's lines, in the order of `keys`; a document
    `reviewed` gives records for (review decisions applied) is written from those."""

    def parts(spooled: Callable[[int], str], render: Render) -> Iterator[str]:
        for key in keys:
            records = reviewed(key)
            yield spooled(key) if records is None else render(records)

    if spool.csv:
        header = _csv_rows([], header=True)
        write_atomic(outdir / "results.csv", chain([header], parts(spool.csv_rows, _csv_rows)))
    if spool.jsonl:
        write_atomic(outdir / "results.jsonl", parts(spool.jsonl_lines, records_jsonl))


# --- reading


def _typed(text: str, annotation: object) -> object:
    kinds = set(typing.get_args(annotation)) if isinstance(annotation, types.UnionType) else {annotation}
    if any(typing.get_origin(t) is list for t in kinds):
        return [part for part in text.split(";") if part]
    if text == "" and (type(None) in kinds or annotation is not str):
        return None
    for kind in (bool, int, float):
        if kind in kinds:
            if kind is bool:
                return {"true": True, "false": False}.get(text.lower(), text)
            try:
                return kind(text)
            except ValueError:
                return text
    return text


def record_from_csv_row(row: dict[str, str]) -> dict:
    """A CSV row (as results.csv writes it) back to record data, typed as ResultRecord's fields are."""
    fields = ResultRecord.model_fields
    return {
        k: _typed(v or "", fields[k].annotation) if k in fields else v
        for k, v in row.items()
        if k is not None
    }
