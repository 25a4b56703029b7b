"""A score cell's numbers and what each stands for: one score, or several split over the parts their
dataset label or column lists ('1.28 | 2.42' under 'test-clean | test-other'), the settings printed
after them ('76.5% / 72.7% whole / diff') or the sizes a header lists ('4B 12B 27B')."""

from __future__ import annotations

import re
from typing import NamedTuple

from extractor.records.axes import SIZE_LIST
from extractor.vocab.names import Vocabulary, alias_key
from extractor.vocab.scores import ParsedValue, parse_parts, parse_qualified, parse_value, parse_values
from extractor.vocab.settings import parse_setting


class Part(NamedTuple):
    subset: str | None = None
    setting: str | None = None
    index: int | None = None  # position among the cell's numbers
    model: str | None = None  # a model of a family whose sizes one header cell lists ('4B 12B 27B')


# A label ending in a list of the parts a cell's several numbers stand for: 'LibriSpeech test-clean |
# test-other'.
_PART_LIST = re.compile(r"^(?P<base>.*?)\s*(?P<list>[^\s|/]+(?:\s*[|/]\s*[^\s|/]+)+)$")


def cell_values(
    text: str, dataset: str, column: str, aliases: Vocabulary
) -> list[tuple[ParsedValue, str, Part]]:
    """The scores of a cell with the dataset label each belongs to. Several numbers in one cell
    ('1.28 | 2.42') are split over the parts their dataset label lists (subsets) or their column lists
    (settings: '0-shot / 5-shot'); a cell whose numbers no label names gives nothing."""
    lines = dataset.split("\n")
    dataset = " ".join(lines)
    single = parse_value(text)
    if single is not None:
        return [(single, dataset, Part())]
    several: list[ParsedValue | None] | None = parse_values(text) or parse_parts(text)
    if several is None:
        # '76.5% / 72.7% whole / diff': each number measured under the condition printed after it
        qualified = parse_qualified(text) or []
        return [
            (v, dataset, Part(setting=w, index=k if len(qualified) > 1 else None))
            for k, (v, w) in enumerate(qualified)
        ]
    sizes = SIZE_LIST.match(column)
    if sizes and len(sizes.group("sizes").split()) == len(several):
        return [
            (v, dataset, Part(index=k, model=f"{sizes.group('base')} {size}"))
            for k, (v, size) in enumerate(zip(several, sizes.group("sizes").split()))
            if v is not None
        ]
    # a benchmark on its first line, its parts on the next lines ('NimbusBench' / 'Alpaca | Web Questions')
    names = [n.strip() for n in re.split(r"[|/]", " ".join(lines[1:]))]
    if len(lines) > 1 and len(names) == len(several) and all(names):
        return _parts(several, lines[0], names, aliases)
    for label in dict.fromkeys((dataset, column)):
        m = _PART_LIST.match(label)
        names = [n.strip() for n in re.split(r"[|/]", m.group("list"))] if m else []
        if len(names) != len(several):
            continue
        base = m.group("base").strip() if label == dataset else dataset
        if base:
            return _parts(several, base, names, aliases)
    return []


def _parts(
    values: list[ParsedValue | None], base: str, names: list[str], aliases: Vocabulary
) -> list[tuple[ParsedValue, str, Part]]:
    """The parts a cell's numbers stand for: settings when each is one ('0-shot / 5-shot', or one the
    benchmark lists as its settings: Aider's edit formats 'whole / diff'), else subsets."""
    match = aliases.dataset(base)
    own = {alias_key(s) for s in match.entry.settings} if match else set()
    kind = "setting" if all(parse_setting(n) or alias_key(n) in own for n in names) else "subset"
    return [
        (v, base, Part(**{kind: n}, index=k)) for k, (v, n) in enumerate(zip(values, names)) if v is not None
    ]
