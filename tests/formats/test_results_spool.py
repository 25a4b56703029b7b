"""The combined files are written from a spool of each document's lines (issue 15: the run no
longer holds every record until its end): byte for byte what the records give, in input order,
with reviewed documents written from their records read back, and a document the spool could not
take (a full disk) held in memory instead."""

from __future__ import annotations

import errno
import os

import pytest

from extractor.formats import results
from extractor.formats.results import ResultsSpool, records_csv, records_jsonl, write_results
from extractor.model.options import RunOptions
from extractor.readers import expand_inputs
from extractor.run.pipeline import process_input
from tests.support.paths import REPO


@pytest.fixture(scope="module")
def documents():
    """The records of two samples, a PDF's and a text page's."""
    names = ["ruled-table.pdf", "results-page.txt"]
    refs = expand_inputs([str(REPO / "samples" / n) for n in names])
    return [process_input(ref, RunOptions())[1].records for ref in refs]


def _spooled(tmp_path, documents, reviewed=lambda key: None):
    spool = ResultsSpool(tmp_path, {"csv", "jsonl"})
    for key in (1, 0):  # done out of input order, as workers finish them
        spool.add(key, documents[key])
    write_results(tmp_path, spool, [0, 1], reviewed)
    return spool


def test_the_combined_files_are_the_records_in_input_order(tmp_path, documents):
    _spooled(tmp_path, documents).close()
    every = documents[0] + documents[1]
    assert len(every) == 9 + 14
    assert (tmp_path / "results.csv").read_text(encoding="utf-8") == records_csv(every)
    assert (tmp_path / "results.jsonl").read_text(encoding="utf-8") == records_jsonl(every)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results.csv", "results.jsonl"]  # no spool left


def test_records_read_back_from_the_spool_are_the_records(tmp_path, documents):
    spool = _spooled(tmp_path, documents)
    assert spool.records(0) == documents[0] and spool.records(1) == documents[1]
    spool.close()


def test_a_reviewed_document_is_written_from_its_records(tmp_path, documents):
    changed = [r.model_copy(update={"value": 1.5}) for r in documents[1]]
    _spooled(tmp_path, documents, lambda key: changed if key == 1 else None).close()
    assert (tmp_path / "results.csv").read_text(encoding="utf-8") == records_csv(documents[0] + changed)


def test_a_document_the_full_disk_kept_out_of_the_spool_is_held_and_written(tmp_path, documents, monkeypatch):
    def full(fd, data, at):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    spool = ResultsSpool(tmp_path, {"csv", "jsonl"})
    spool.add(0, documents[0])
    monkeypatch.setattr(results.os, "pwrite", full)
    spool.add(1, documents[1])
    monkeypatch.undo()
    write_results(tmp_path, spool, [0, 1], lambda key: None)
    spool.close()
    every = documents[0] + documents[1]
    assert (tmp_path / "results.jsonl").read_text(encoding="utf-8") == records_jsonl(every)
    assert (tmp_path / "results.csv").read_text(encoding="utf-8") == records_csv(every)
