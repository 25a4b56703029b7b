"""Composed names: dataset = benchmark + subset, model = family + size + variant, each in one canonical form.

The parts come from the records stage (`benchmark_raw`, `subset_raw`, `variant_raw` beside the labels as
printed); the `*_raw` fields stay as printed.
"""

from __future__ import annotations

import re

from extractor.vocab import DatasetMatch, Vocabulary, alias_key
from extractor.vocab.labels import AVERAGE, AVERAGE_OF, LabelParts, clean_label, date_window
from extractor.vocab.patterns import SIZE_CELL

# A count after a part's name: 'Indo-European (8)' (eight languages), 'Hard (57)' (57 problems).
_COUNT = re.compile(r"\s*\(\d+\)$")
# A word of a name that is its size ('7B', '8x22B', 'A2.4B' active); a word holds no space.
_SIZE = re.compile(rf"^{SIZE_CELL}$|^A\d+(?:\.\d+)?B$", re.I)
# Variants names write after the size ('Nimbus 3 4B PT'); others belong where printed ('Nimbus Coder 7B').
_AFTER_SIZE = frozenset({"base", "pt", "it", "instruct", "chat"})


def compose_dataset(
    label: LabelParts,
    benchmark_raw: str | None,
    subset_raw: str | None,
    vocab: Vocabulary,
    own: DatasetMatch | None,
) -> tuple[str, DatasetMatch | None]:
    """The dataset name and the vocabulary entry that gives its task and default metric."""
    if benchmark_raw:
        parent = vocab.dataset(benchmark_raw)
        base = parent.entry.name if parent else clean_label(benchmark_raw)
        above = [_COUNT.sub("", p).strip() for p in (subset_raw or "").split(";") if p.strip()]
        name = _COUNT.sub("", label.name)
        for printed in (benchmark_raw, *above):  # the label as printed holds the headers over it
            name = _without_prefix(name, printed)
        # its average, or a metric of it ('Elo' under Codeforces), is the benchmark's own score
        own_score = (
            not name
            or AVERAGE.match(name)
            or alias_key(name) == alias_key(benchmark_raw)
            or (vocab.metric(name) and not vocab.dataset(name))
        )
        # 'Average (GK)' under AGIEval: the average over its GK subsets is the GK subset's score
        name = m.group(1) if (m := AVERAGE_OF.match(name)) else name
        parts = above + ([] if own_score else [name])
        parent = parent or (vocab.dataset_with_subset(benchmark_raw, parts[0]) if parts else None)
        base = parent.entry.name if parent else base
        subsets = [
            (vocab.subset(parent.entry, p) if parent else None) or p for p in parts if not AVERAGE.match(p)
        ]
        return (f"{base} ({', '.join(subsets)})" if subsets else base), parent
    if subset_raw and AVERAGE.match(subset_raw):
        subset_raw = None  # 'Avg' among a benchmark's subsets is the benchmark's own score
    if own is None and not subset_raw:
        return _known_subset(label.name, vocab)
    own = own or (vocab.dataset_with_subset(label.name, subset_raw) if subset_raw else None)
    name = own.entry.name if own else label.name
    if subset_raw:
        subset = (vocab.subset(own.entry, subset_raw) if own else None) or subset_raw
        name = f"{name} ({subset})"
    return name, own


def _without_prefix(label: str, benchmark: str) -> str:
    """'RULER 0-8K' under 'RULER' is '0-8K': a label that repeats the header over it."""
    words, bench = label.split(), benchmark.split()
    if len(words) > len(bench) and alias_key(" ".join(words[: len(bench)])) == alias_key(benchmark):
        return " ".join(words[len(bench) :])
    return label


def _known_subset(label: str, vocab: Vocabulary) -> tuple[str, DatasetMatch | None]:
    """'AISHELL-2 ios' -> 'AISHELL-2 (iOS)': a known benchmark followed by one of the subsets the data lists
    for it, or by a window of problem dates ('LiveCodeBench 10/1/2024 - 2/1/2025' -> 'LiveCodeBench
    (2410-2502)'); any other label stays as it is, unknown."""
    words = clean_label(label).split()
    for n in range(len(words) - 1, 0, -1):
        rest = " ".join(words[n:])
        match = vocab.dataset(" ".join(words[:n])) or vocab.dataset_with_subset(" ".join(words[:n]), rest)
        subset = (vocab.subset(match.entry, rest) or date_window(rest)) if match else None
        if match and subset:
            return f"{match.entry.name} ({subset})", match
    return _bracketed_subsets(label, vocab) or (label, None)


def _bracketed_subsets(label: str, vocab: Vocabulary) -> tuple[str, DatasetMatch] | None:
    """'MRCR v2 (8-needle) 128k' -> 'MRCR v2 (8-needle, 128k)': a known benchmark whose label holds, in
    brackets and after them, only subsets the vocabulary lists for it."""
    inner = re.findall(r"\(([^()]+)\)", label)
    words = re.sub(r"\([^()]+\)", " ", clean_label(label)).split()
    if not inner:
        return None
    for n in range(len(words), 0, -1):
        match = vocab.dataset(" ".join(words[:n]))
        parts = [*inner, *([" ".join(words[n:])] if words[n:] else [])]
        subsets = [vocab.subset(match.entry, p) for p in parts] if match else []
        if match and all(subsets):
            return f"{match.entry.name} ({', '.join(subsets)})", match
    return None


def compose_model(name: str, variant: str | None, vocab: Vocabulary) -> str:
    """'Nimbus2.5-72B' + 'Base' -> 'Nimbus2.5-72B Base'; 'Nimbus 3 PT 4B' -> 'Nimbus 3 4B PT' (variant
    after size). A name that names a variant already, or a model served only by API, takes no variant."""
    words = name.split()
    parts = [p for w in words for p in w.split("-")]
    if variant and not any(vocab.is_variant(p) for p in parts) and not vocab.is_api_model(name):
        words.append(variant)
    sizes = [k for k, w in enumerate(words) if _SIZE.match(w)]
    if sizes:
        last = sizes[-1]
        moved = [w for k, w in enumerate(words[:last]) if w.casefold() in _AFTER_SIZE and k > 0]
        if moved:
            kept = [w for k, w in enumerate(words[:last]) if not (w.casefold() in _AFTER_SIZE and k > 0)]
            words = [*kept, *words[last : last + 1], *moved, *words[last + 1 :]]
    return " ".join(words)
