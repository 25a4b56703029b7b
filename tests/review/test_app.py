"""The review app through Starlette's TestClient, over a drawn PDF run through `extractor run`: the
pages render with the page image and the cell boxes, decisions are stored as Reviews, and what is not
safe (no CSRF token, a path outside the folder, a malformed decision) is refused."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient

from extractor.model.review import Decision, RecordAddress
from extractor.review.app import create_app
from extractor.review.folder import record_key
from extractor.review.pages import CACHE_FOLDER

TOKEN = "test-token"


@pytest.fixture
def client(outdir, store):
    return TestClient(create_app(outdir, store, reviewer="tester", secret=TOKEN), follow_redirects=False)


@pytest.fixture
def doc(outdir):
    from extractor.formats.documents import read_document

    (path,) = (outdir / "documents").glob("*.json")
    return read_document(path)


def _record(doc, dataset, model):
    return next(r for r in doc.records if r.dataset_raw == dataset and r.model.startswith(model))


def _post(client, doc, rec, **form):
    data = {"csrf": TOKEN, "key": record_key(rec), **form}
    return client.post(f"/doc/{doc.doc_id}/decide", data=data)


def test_index_lists_the_document_with_its_progress(client, doc):
    page = client.get("/")
    assert page.status_code == 200
    assert f'href="/doc/{doc.doc_id}"' in page.text
    assert f"reviewed 0 of {len(doc.records)}" in page.text
    assert page.headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_document_page_shows_the_page_image_boxes_grid_and_records(client, doc, outdir):
    page = client.get(f"/doc/{doc.doc_id}")
    assert page.status_code == 200
    assert len(doc.records) == 12
    assert f'href="/pages/{doc.doc_id}/1.png"' in page.text
    assert 'class="table-box"' in page.text
    # a box on the page and a grid cell for every value cell, each named by its cell
    for rec in doc.records:
        cell = f"{rec.table_index}-{rec.row}-{rec.col}"
        assert f'<rect class="cell-box" data-cell="{cell}"' in page.text
        assert f'data-cell="{cell}" class="value"' in page.text
        assert f'id="r-{record_key(rec)}"' in page.text
    image = client.get(f"/pages/{doc.doc_id}/1.png")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    assert (outdir / CACHE_FOLDER / f"{doc.doc_id}-p1.png").is_file()
    assert not list((outdir / CACHE_FOLDER).glob(".*.tmp"))  # written atomically, nothing left over


def test_a_missing_pdf_shows_the_grid_and_says_why(client, doc, tmp_path):
    (tmp_path / "nimbus.pdf").unlink()
    page = client.get(f"/doc/{doc.doc_id}")
    assert page.status_code == 200
    assert "No image of page 1" in page.text and "is not there any more" in page.text
    assert 'class="grid"' in page.text


def test_accept_reject_and_correct_store_the_right_reviews(client, doc, store):
    accepted = _record(doc, "MMLU", "Nimbus")
    rejected = _record(doc, "GSM8K", "Falcon")
    corrected = _record(doc, "ARC-c", "Orca")
    answer = _post(client, doc, accepted, decision="accept", next="0-2-1")
    assert answer.status_code == 303 and answer.headers["location"] == f"/doc/{doc.doc_id}#r-0-2-1"
    assert _post(client, doc, rejected, decision="reject").status_code == 303
    fields = dict(
        value="52.8", dataset=corrected.dataset, model=corrected.model, metric=corrected.metric or ""
    )
    answer = _post(client, doc, corrected, decision="correct", setting="5-shot", **fields)
    assert answer.status_code == 303
    reviews = {r.address: r for r in store.reviews(doc.source)}
    assert len(reviews) == 3
    assert reviews[RecordAddress.of(accepted, doc.sha256)].decision == Decision.accept
    assert reviews[RecordAddress.of(rejected, doc.sha256)].decision == Decision.reject
    fix = reviews[RecordAddress.of(corrected, doc.sha256)]
    assert fix.decision == Decision.correct and fix.reviewer == "tester"
    assert fix.corrections() == {"value": 52.8, "setting": "5-shot"}  # fields left as they were are no change
    page = client.get(f"/doc/{doc.doc_id}").text
    assert f"reviewed 3 of {len(doc.records)}" in page
    assert "value: 52.3 → 52.8" in page


def test_flagged_records_come_first_and_filter(client, doc):
    page = client.get(f"/doc/{doc.doc_id}").text
    rows = re.findall(r'<tr class="record([^"]*)"', page)
    assert [("flagged" in r) for r in rows] == [True] * 3 + [False] * 9
    page = client.get(f"/doc/{doc.doc_id}?flag=unknown-dataset").text
    assert len(re.findall(r'<tr class="record', page)) == 3


def test_decision_filter_keeps_only_those_records(client, doc):
    _post(client, doc, _record(doc, "MMLU", "Nimbus"), decision="accept")
    page = client.get(f"/doc/{doc.doc_id}?decision=accept").text
    assert len(re.findall(r'<tr class="record', page)) == 1
    page = client.get(f"/doc/{doc.doc_id}?decision=none&dataset=gsm").text
    assert len(re.findall(r'<tr class="record', page)) == 3
    assert "reviewed 1 of 1" in client.get("/?decision=accept").text


def test_a_post_without_the_token_is_refused_and_stores_nothing(client, doc, store):
    rec = doc.records[0]
    for token in (None, "wrong"):
        data = {"key": record_key(rec), "decision": "accept", **({"csrf": token} if token else {})}
        answer = client.post(f"/doc/{doc.doc_id}/decide", data=data)
        assert answer.status_code == 403 and "security token" in answer.text
    assert store.reviews() == []


@pytest.mark.parametrize(
    ("form", "said"),
    [
        ({"decision": "approve"}, "unknown decision"),
        ({"decision": "correct", "value": "abc"}, "not a number"),
        ({"decision": "correct", "value": "nan"}, "not a finite number"),
        ({"decision": "correct", "model": "   "}, "must not be blank"),
        ({"decision": "correct", "dataset": ""}, "must not be blank"),
        ({"decision": "correct"}, "must change at least one"),
    ],
)
def test_a_malformed_decision_is_400_and_stores_nothing(client, doc, store, form, said):
    answer = _post(client, doc, doc.records[0], **form)
    assert answer.status_code == 400 and said in answer.text
    assert store.reviews() == []


def test_an_unknown_record_is_400(client, doc, store):
    answer = client.post(
        f"/doc/{doc.doc_id}/decide", data={"csrf": TOKEN, "key": "7-7-7", "decision": "accept"}
    )
    assert answer.status_code == 400 and store.reviews() == []


@pytest.mark.parametrize(
    "path",
    [
        "/doc/..%2F..%2Fpyproject.toml",
        "/doc/%2Fetc%2Fpasswd",
        "/pages/..%2F..%2Fresults.db/1.png",
        "/pages/%2Fetc%2Fpasswd/1.png",
        "/static/..%2F..%2F..%2Fpyproject.toml",
        "/static/%2Fetc%2Fpasswd",
        "/static/../app.py",
        "/results.db",
        "/documents/x.json",
    ],
)
def test_nothing_outside_the_folder_is_served(client, path):
    answer = client.get(path)
    assert answer.status_code in (403, 404), answer.text[:200]


def test_only_pages_of_the_documents_tables_are_served(client, doc):
    assert client.get(f"/pages/{doc.doc_id}/2.png").status_code == 404
    assert client.get("/pages/nodoc-00000000/1.png").status_code == 404
    assert client.get("/static/review.js").status_code == 200


def test_an_html_document_shows_its_tables_as_grids_only(tmp_path):
    from extractor.model.options import BatchOptions
    from extractor.run import run
    from extractor.store import open_store
    from tests.support.paths import SAMPLES

    out = tmp_path / "html"
    report = run([str(SAMPLES / "paper-page.html")], out, batch=BatchOptions(workers=0))
    assert report.inputs[0].records > 0
    with open_store(None, out, must_exist=True) as store:
        client = TestClient(create_app(out, store, reviewer="tester", secret=TOKEN))
        page = client.get(f"/doc/{report.inputs[0].doc_id}").text
    assert "HTML documents have no pages" in page
    assert "<svg" not in page and 'class="grid"' in page and '<tr class="record' in page
    assert not (out / CACHE_FOLDER).exists()


def test_a_decision_on_other_content_is_not_shown(client, doc, store):
    from datetime import UTC, datetime

    from extractor.model.review import Review

    rec = doc.records[0]
    other = RecordAddress.of(rec, "f" * 64)  # the same cell of another version of the file
    store.save_review(
        Review(address=other, decision=Decision.reject, reviewer="someone", reviewed_at=datetime.now(UTC))
    )
    page = client.get(f"/doc/{doc.doc_id}").text
    assert "rejected by someone" not in page and f"reviewed 0 of {len(doc.records)}" in page


def test_a_second_correction_keeps_the_first_ones_changes_left_in_place(client, doc, store):
    rec = _record(doc, "MMLU", "Falcon")
    _post(client, doc, rec, decision="correct", value="56.4", model=rec.model)
    # the form now shows 56.4; the reviewer changes the setting only
    _post(client, doc, rec, decision="correct", value="56.4", model=rec.model, setting="5-shot")
    (review,) = store.reviews()
    assert review.corrections() == {"value": 56.4, "setting": "5-shot"}


def test_an_unreadable_document_file_is_left_out_and_said(client, outdir, doc):
    (outdir / "documents" / "broken-00000000.json").write_text("{", encoding="utf-8")
    page = client.get("/").text
    assert f'href="/doc/{doc.doc_id}"' in page
    assert "broken-00000000.json</code> cannot be read" in page
