"""Model names: a column header such as 'Instant' that the document's own text names more exactly
('Instant 1.1') is completed from that text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from extractor.vocab.patterns import SIZE_IN_TEXT

# A version or size that may follow a model name in running text: '1.1', 'v2', '7B', '2.0-pro'.
_COMPLETION = rf"(?P<ext>v?\d+(?:\.\d+)+|v\d+|{SIZE_IN_TEXT}\b)"
# what follows the label: its completion, not a row of numbers ('Model 71.4 79.0', 'Model 6.84 ± 0.07')
# nor a factor ('Sampling 2.45× 2.82×': a speedup in a row read as text)
_AFTER_LABEL = re.compile(rf"\s+{_COMPLETION}(?![\w%×-])(?!\s*(?:[-+±]|\+/-)?\s*\d)")
# a number a bar follows is a score of a table row read as text ('Model 1.8 | 4.0'): the label
# stands in rows, and no number after it is a version
_BAR_NEXT = re.compile(r"\s*[|¦]")
_WORD_CHAR = re.compile(r"[\w-]")  # a label must not continue a word before it


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
        matches = list(_matches(label, text))
        if any(_BAR_NEXT.match(text, m.end()) for m in matches):
            continue
        found = Counter(re.sub(r"\s+", "", m.group("ext")) for m in matches)
        if len(found) != 1:
            continue
        full = f"{label} {next(iter(found))}"
        if full not in labels:
            out[label] = full
    return out


def _matches(label: str, text: str) -> Iterator[re.Match[str]]:
    """Where `label` stands as a word followed by a completion. The label is found with str.find
    and only what follows is a regex: one pattern for every label, not one compiled per label of
    every document, and the text is skipped in C between occurrences."""
    at = text.find(label)
    while at != -1:
        m = None
        if at == 0 or not _WORD_CHAR.match(text, at - 1):
            m = _AFTER_LABEL.match(text, at + len(label))
        if m:
            yield m
        at = text.find(label, m.end() if m else at + 1)
