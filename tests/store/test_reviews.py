"""Reviewers' decisions in the results store: kept per record address, replaced by a later decision,
kept when the document is stored again, refused whole when malformed."""

from datetime import UTC, datetime

import pytest
from pydantic import ValidationError

from extractor.model.review import RecordAddress, Review, apply_review
from extractor.store import open_store
from tests.support.store import doc, record

WHEN = datetime(2026, 12, 2, 15, 0, tzinfo=UTC)


def address(i, **kw):
    return RecordAddress(source="doc.pdf", sha256="a" * 64, table_index=0, row=i, col=1, **kw)


def test_decisions_are_stored_replaced_and_kept_when_the_document_is_stored_again(tmp_path):
    with open_store(tmp_path / "r.db") as store:
        store.replace_document(doc(), [record(i) for i in range(3)])
        store.save_review(Review(address=address(0), decision="accept", reviewer="ann", reviewed_at=WHEN))
        store.save_review(Review(address=address(1), decision="reject", reviewer="ann", reviewed_at=WHEN))
        later = WHEN.replace(hour=16)
        store.save_review(
            Review(
                address=address(1),
                decision="correct",
                value=52.5,
                model="Model One",
                reviewer="bo",
                reviewed_at=later,
            )
        )
        store.replace_document(doc(), [record(i) for i in range(3)])  # a re-run of the same content
        got = store.reviews()
    assert [(r.address.row, r.decision, r.value, r.model, r.reviewer) for r in got] == [
        (0, "accept", None, None, "ann"),
        (1, "correct", 52.5, "Model One", "bo"),
    ]
    assert got[1].reviewed_at == later


def test_a_record_as_reviewed():
    rec = record(1)
    review = Review(
        address=address(1), decision="correct", value=51.5, setting="5-shot", reviewer="ann", reviewed_at=WHEN
    )
    reviewed = apply_review(rec, review)
    assert (reviewed.value, reviewed.setting, reviewed.value_raw, reviewed.review) == (
        51.5,
        "5-shot",
        "51.0",
        "corrected",
    )
    assert apply_review(rec, None) is rec


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"decision": "correct"}, "a correction must change at least one"),
        ({"decision": "accept", "value": 3.0}, "only a correction changes fields"),
        ({"decision": "correct", "value": float("nan")}, "finite"),
        ({"decision": "correct", "model": "  "}, "must not be blank"),
        ({"decision": "maybe"}, "Input should be 'accept', 'reject' or 'correct'"),
    ],
)
def test_a_malformed_decision_is_refused_with_its_reason(fields, message):
    with pytest.raises(ValidationError, match=message):
        Review(address=address(0), reviewer="ann", reviewed_at=WHEN, **fields)
