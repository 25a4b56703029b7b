"""Model names: a column header such as 'Instant' that the document's own text names more exactly
('Instant 1.1') is completed from that text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from extractor.vocab.patterns import SIZE_IN_TEXT

# A version or size that may follow a model name in running text: '1.1', 'v2', '7B', '2.0-pro'.
_COMPLETION = rf"(?P<ext>v?\d+(?:\.\d+)+|v\d+|{SIZE_IN_TEXT}\b)"


def complete_model_names(labels: set[str], text: str) -> dict[str, str]:
    """For each label without a digit, the one 'label + version' form the text uses, if it uses exactly one.

    A number followed by more numbers is a table row read as text ('Model 71.4 79.0', 'Model 6.84 ± 0.07'),
    not a name.
    A completion that is itself another label of the same table is not used: 'Model' next to a
    'Model 2' column stays 'Model'.
    """
    out: dict[str, str] = {}
    for label in labels:
        if any(ch.isdigit() for ch in label) or len(label) < 3:
            continue
        pattern = re.compile(
            rf"(?<![\w-]){re.escape(label)}\s+{_COMPLETION}(?![\w%-])(?!\s*(?:[-+±]|\+/-)?\s*\d)"
        )
        found = Counter(re.sub(r"\s+", "", m.group("ext")) for m in _matches(pattern, label, text))
        if len(found) != 1:
            continue
        full = f"{label} {next(iter(found))}"
        if full not in labels:
            out[label] = full
    return out


def _matches(pattern: re.Pattern[str], label: str, text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern that begins with `label`, tried only where the label
    occurs: str.find skips the text in C, where the regex (a lookbehind first) would step through it
    char by char, for every label of a long document."""
    at = text.find(label)
    while at != -1:
        m = pattern.match(text, at)
        if m:
            yield m
        at = text.find(label, max(m.end(), at + 1) if m else at + 1)
