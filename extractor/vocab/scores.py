"""Parse a score cell ('52.8%', '71.2 ± 0.3', '79.5*', '1,234', '65.2 (5-shot)') into a number and its
parts."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from extractor.vocab.patterns import FOOTNOTE_MARKS, PLAIN_NUMBER

# Cells that mean "no score here".
MISSING = frozenset(
    {
        "",
        "-",
        "–",
        "—",
        "−",
        "--",
        "---",
        "n/a",
        "na",
        "n.a.",
        "none",
        "null",
        "nan",
        "/",
        "?",
        "✗",
        "×",
        "x",
        "tbd",
        "…",
        "...",
    }
)

# Footnote and highlighting marks that sit next to a value; '#' is left out because ranks use it.
_MARK_CHARS = FOOTNOTE_MARKS + "★☆^‖'’`↑↓⁺¹²³⁴⁵⁶⁷⁸⁹⁰ᵃᵇᶜᵈᵉ"  # no '⁻': '10⁻²' is an exponent
_NUMBER = r"[-+−–]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?|[-+−–]?\.\d+"
_VALUE = re.compile(
    rf"""^\s*
    (?P<prefix>\$)?
    (?P<num>{_NUMBER})
    \s*(?P<unit>%|pp|×|x|ms|s|tokens/s)?
    (?:\s*(?:±|\+/-|\+-|\\pm)\s*(?P<spread>\d+(?:\.\d+)?)\s*(?P<unit2>%)?)?
    \s*(?P<marks>[{re.escape(_MARK_CHARS)}]*)
    \s*(?:\((?P<note>[^()]*)\)|\[(?P<note2>[^\[\]]*)\])?
    \s*(?P<marks2>[{re.escape(_MARK_CHARS)}]*)\s*$""",
    re.X,
)
_LEADING_MARKS = re.compile(rf"^[{re.escape(_MARK_CHARS)}]+")
_RANK = re.compile(r"^\s*#?\s*(\d+)\s*$")


class ParsedValue(BaseModel):
    """Frozen: `parse_value` hands the same one out for the same text."""

    model_config = ConfigDict(frozen=True)

    value: float
    unit: str | None = None
    spread: float | None = None
    markers: str | None = None
    note: str | None = None


def is_missing(text: str) -> bool:
    return text.strip().casefold() in MISSING


@lru_cache(maxsize=1 << 14)  # table finding, cell roles and records ask again of the same cells
def parse_value(text: str) -> ParsedValue | None:
    """The number in a score cell, or None when the cell holds no single score."""
    raw = text.strip().replace("\u00a0", " ")
    if is_missing(raw):
        return None
    lead = _LEADING_MARKS.match(raw)
    lead_marks = lead.group(0) if lead else ""
    m = _VALUE.match(raw[len(lead_marks) :])
    if not m:
        return None
    num = m.group("num").replace(",", "").replace("−", "-").replace("–", "-")
    try:
        value = float(num)
    except ValueError:
        return None
    unit = _unit(m.group("unit") or m.group("unit2"), m.group("prefix"))
    marks = (lead_marks + (m.group("marks") or "") + (m.group("marks2") or "")).strip()
    spread = float(m.group("spread")) if m.group("spread") else None
    note = (m.group("note") or m.group("note2") or "").strip() or None
    return ParsedValue(value=value, unit=unit, spread=spread, markers=marks or None, note=note)


# What table finding also counts as a number, though no score is read from it: a value in brackets
# '(85.2)', after a bound or an approximation '~95' '<0.1', in a currency '€12' '12 €', with a decimal
# comma or middle dot '85,2' '85·2'. These are loosened to the score grammar above, never parsed apart.
_LOOSE_LEAD = re.compile(r"^[~≈<>≤≥]\s*|(?<=^[-+−–])[$€£¥]|^[$€£¥]")
_LOOSE_TAIL = re.compile(r"\s?[€£¥](?=[^\d]*$)")
_DECIMAL_MARK = re.compile(r"(?<=\d)[,·](?=\d{1,2}(?!\d))|(?<=\d)·(?=\d)")
_EQUATION_LABEL = re.compile(r"^\(\d+[a-z]?\)$")
# Marks that fill a value cell without a number, as table finding counts them (a check mark too).
_VALUE_MARKS = frozenset({"-", "–", "—", "n/a", "na", "×", "✗", "✓", "/"})


@lru_cache(maxsize=1 << 14)
def is_numeric(text: str) -> bool:
    """Whether a cell holds a number as table finding counts them: a score `parse_value` reads, or one of
    the looser forms above; it starts with a digit (after signs and brackets), and an equation label
    '(3)' is not a number."""
    t = text.strip()
    if _EQUATION_LABEL.match(t) or not t.lstrip("([~≈<>≤≥-+−–$€£¥")[:1].isdigit():
        return False
    t = t[1:] if t[:1] in "([" else t
    t = t[:-1] if t[-1:] in ")]" and t.count("(") + t.count("[") < t.count(")") + t.count("]") else t
    t = _DECIMAL_MARK.sub(".", _LOOSE_TAIL.sub("", _LOOSE_LEAD.sub("", t)))
    return parse_value(t) is not None


def is_value(text: str) -> bool:
    """A number, or a mark that stands in a value cell ('-', '✓'): what table finding counts as filled."""
    return is_numeric(text) or text.strip().lower() in _VALUE_MARKS


def holds_values(text: str) -> bool:
    """A score, or several in one cell ('1.28 | 2.42', '76.5% / 72.7%', '- | 3.4')."""
    parts = [p for p in re.split(r"\s*[|/]\s*", text) if p]
    return bool(parts) and all(is_value(p) for p in parts) and any(is_numeric(p) for p in parts)


def _unit(unit: str | None, prefix: str | None) -> str | None:
    if prefix == "$":
        return "$"
    if unit in ("×", "x"):
        return "x"
    return unit


def parse_rank(text: str) -> int | None:
    """'# 11' or '11' -> 11."""
    m = _RANK.match(text)
    return int(m.group(1)) if m and int(m.group(1)) >= 1 else None


_SEVERAL = re.compile(r"\s+[|/]\s+|\s*\|\s*")


def parse_values(text: str) -> list[ParsedValue] | None:
    """Several scores in one cell ('1.28 | 2.42', '76.5% / 72.7%', or plain numbers set a space apart:
    '67.1 90.6 85.9', columns the PDF drew as one), or None unless every part is one."""
    parts = [p for p in _SEVERAL.split(text.strip()) if p.strip()]
    if len(parts) == 1 and all(PLAIN_NUMBER.match(p) for p in text.split()):
        parts = text.split()
    if len(parts) < 2:
        return None
    parsed = [parse_value(p) for p in parts]
    return parsed if all(parsed) else None  # type: ignore[return-value]


def parse_parts(text: str) -> list[ParsedValue | None] | None:
    """Several scores in one cell of which some are missing ('- | - | 2.1 | 4.9': not evaluated on the
    first two parts), position kept so each number still meets its part's name; None for any other
    cell. A cell with every part a score is `parse_values`'s."""
    parts = [p for p in _SEVERAL.split(text.strip()) if p.strip()]
    if len(parts) < 2 or not any(is_missing(p) for p in parts):
        return None
    parsed = [None if is_missing(p) else parse_value(p) for p in parts]
    if any(v is None and not is_missing(p) for v, p in zip(parsed, parts)) or all(v is None for v in parsed):
        return None
    return parsed


# Scores with the condition each was measured under printed after them: '79.6% diff', '76.5% / 72.7%
# whole / diff'.
_QUALIFIED = re.compile(
    r"^(?P<scores>[^a-zA-Z]*\d[^a-zA-Z]*?)\s+(?P<words>[a-z][a-z-]*(?:\s*/\s*[a-z][a-z-]*)*)$"
)


def parse_qualified(text: str) -> list[tuple[ParsedValue, str]] | None:
    """Each score of the cell with its lower-case qualifier, or None unless there is one qualifier per
    score."""
    m = _QUALIFIED.match(text.strip())
    if not m:
        return None
    words = [w.strip() for w in m.group("words").split("/")]
    single = parse_value(m.group("scores"))
    values = [single] if single else parse_values(m.group("scores"))
    if not values or len(values) != len(words) or any(is_missing(w) for w in words):
        return None
    return list(zip(values, words))
