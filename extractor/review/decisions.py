"""A reviewer's form made into a Review, or refused whole with a message (HTTP 400), and the CSRF
token every form carries.

The correction form shows the record's fields as reviewed; a field the reviewer changed from the
record as extracted is a correction, one left as extracted is not, so a later correction keeps an
earlier one's changes the reviewer left in place. A name emptied is refused: a correction cannot
remove a record's dataset or model, and `setting` cleared would read as "unchanged".
"""

from __future__ import annotations

import getpass
import hmac
import math
import re
import secrets
from collections.abc import Mapping
from datetime import UTC, datetime

from pydantic import ValidationError

from extractor.model.record import ResultRecord
from extractor.model.review import CORRECTABLE, Decision, RecordAddress, Review

CSRF_FIELD = "csrf"
TOKEN_BYTES = 32  # 256 random bits: not guessable by a page of another site the reviewer visits
FALLBACK_REVIEWER = "reviewer"  # when the OS knows no name for the user (a container's bare uid)
MAX_FIELD = 500  # characters of a corrected name: longer is no name, refused before it is stored
KEY = re.compile(r"\d{1,6}-\d{1,6}-\d{1,6}(-\d{1,6})?")  # a record key, see folder.record_key


class DecisionError(ValueError):
    """A form that is no decision; the message says what is wrong."""


def new_secret() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_ok(secret: str, given: object) -> bool:
    return isinstance(given, str) and hmac.compare_digest(secret.encode(), given.encode())


def default_reviewer() -> str:
    try:
        return getpass.getuser() or FALLBACK_REVIEWER
    except (OSError, KeyError):
        return FALLBACK_REVIEWER


def form_value(rec: ResultRecord) -> str:
    """A value as the form shows it: every digit it holds, no trailing `.0`."""
    return f"{rec.value:.15g}"


def build_review(
    form: Mapping[str, str], original: ResultRecord, sha256: str, reviewer: str, now: datetime | None = None
) -> Review:
    """The Review the form asks for on `original`; DecisionError when it is malformed."""
    decision = form.get("decision", "")
    if decision not in {d.value for d in Decision}:
        raise DecisionError(f"unknown decision {decision!r}: expected accept, reject or correct")
    corrections: dict[str, object] = {}
    if decision == Decision.correct:
        corrections = _corrections(form, original)
        if not corrections:
            raise DecisionError(
                "a correction must change at least one of value, dataset, model, metric, setting"
            )
    try:
        return Review(
            address=RecordAddress.of(original, sha256),
            decision=Decision(decision),
            reviewer=reviewer,
            reviewed_at=now or datetime.now(UTC),
            **corrections,
        )
    except ValidationError as e:
        raise DecisionError("; ".join(err["msg"].removeprefix("Value error, ") for err in e.errors())) from e


def _corrections(form: Mapping[str, str], original: ResultRecord) -> dict[str, object]:
    changed: dict[str, object] = {}
    for name in CORRECTABLE:
        if name not in form:
            continue  # a form may offer only some fields
        text = form[name]
        if len(text) > MAX_FIELD:
            raise DecisionError(f"{name} is longer than {MAX_FIELD} characters")
        if name == "value":
            value = _number(text)
            if value != original.value:
                changed[name] = value
            continue
        now, was = text.strip(), getattr(original, name)
        if not now and text:
            raise DecisionError(f"{name} must not be blank")
        if not now and was:
            raise DecisionError(f"{name} must not be blank (the record's is {was!r})")
        if now and now != was:
            changed[name] = now
    return changed


def _number(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise DecisionError(f"value {text!r} is not a number") from None
    if not math.isfinite(value):
        raise DecisionError(f"value {text!r} is not a finite number")
    return value
