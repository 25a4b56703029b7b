"""Evaluation settings (shots, chain-of-thought, maj@k) split out of labels like 'GSM8k (0-shot CoT)'."""

from __future__ import annotations

import re
from functools import lru_cache

_NUMBER_WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "eight": 8, "ten": 10}
_SHOTS = re.compile(r"\b(\d+|zero|one|two|three|four|five|eight|ten|few|many)[\s-]?shots?\b", re.I)
_K = re.compile(r"\b[kn]\s*=\s*(\d+)\b", re.I)  # "k=5", and "n=5" where a caption says n-shot
_COT = re.compile(r"\b(cot|chain[\s-]+of[\s-]+thoughts?)\b", re.I)
_MAJ = re.compile(r"\b(maj|cons)\s*@\s*(\d+)\b", re.I)
# Conditions kept in lower case as printed: tool use and thinking modes.
_TOOLS = re.compile(r"\b(?P<no>no|without|w/o)\s+tools?\b|\b(?:with|w/)\s+tools?\b", re.I)
# A thinking budget before the mode is part of it ('32K Thinking' -> '32k thinking').
_THINKING = re.compile(
    r"(?:\b(?P<budget>\d+(?:\.\d+)?[kKmM])\s+)?"
    r"\b(?P<mode>slow|fast|non|no|extended)?(?P<sep>[\s-]?)thinking(?:\s+mode)?\b",
    re.I,
)
# An evaluation protocol for vision encoders: 'linear evaluation', 'linear probing' -> 'linear probe'.
_LINEAR = re.compile(r"\blinear[\s-]+(probe|probing|evaluation|eval)\b", re.I)
# How many tries a score allows, kept as printed: 'single attempt', 'multiple attempts'.
_ATTEMPTS = re.compile(r"\b(?P<n>single|one|multiple|several)\s+attempts?\b", re.I)
# Words that may sit between setting tokens without making the text something else.
_FILLER = re.compile(
    r"^[\s,;:/+&()\[\]]*(?:(?:w/o?|with|without|and|prompting|prompt|evaluation|eval)[\s,;:/+&()\[\]]*)*$",
    re.I,
)
_TRAILING_PAREN = re.compile(r"^(?P<base>.*?)\s*[(\[](?P<inner>(?:[^()\[\]]|\([^()\[\]]*\))*)[)\]]\s*$")


@lru_cache(maxsize=1 << 14)  # every label of every record is asked, most of them again and again
def parse_setting(text: str) -> str | None:
    """The canonical setting when `text` is made only of setting words, else None.

    'few-shot, k=5' -> '5-shot'; '0-shot chain-of-thought' -> '0-shot CoT'; '5-shot CoT' -> '5-shot CoT';
    'maj@8' -> 'maj@8'. Text with other words ('Challenge', 'Acc.') is not a setting.
    """
    rest = text
    shots: str | None = None
    parts: list[str] = []
    for m in _SHOTS.finditer(text):
        word = m.group(1).lower()
        n = _NUMBER_WORDS.get(word, word)
        shots = f"{n}-shot" if str(n).isdigit() else (shots or f"{word}-shot")
    k = _K.search(text)
    if k:
        shots = f"{k.group(1)}-shot"
    cot = _COT.search(text)
    maj = _MAJ.search(text)
    tools = _TOOLS.search(text)
    thinking = _THINKING.search(text)
    attempts = _ATTEMPTS.search(text)
    linear = _LINEAR.search(text)
    for rx in (_SHOTS, _K, _COT, _MAJ, _TOOLS, _THINKING, _ATTEMPTS, _LINEAR):
        rest = rx.sub(" ", rest)
    if not (shots or cot or maj or tools or thinking or attempts or linear) or not _FILLER.match(rest):
        return None
    if shots:
        parts.append(shots)
    if cot:
        parts.append("CoT")
    if maj:
        parts.append(f"{maj.group(1).lower()}@{maj.group(2)}")
    if tools:
        parts.append("no tools" if tools.group("no") else "tools")
    if thinking:
        mode = (thinking.group("mode") or "").casefold()
        # 'slow-thinking' and 'extended thinking' as printed; 'non-thinking' is 'no thinking'
        sep = "-" if thinking.group("sep") == "-" else " "
        word = {"": "thinking", "no": "no thinking", "non": "no thinking"}.get(mode, f"{mode}{sep}thinking")
        parts.append(f"{thinking.group('budget').lower()} {word}" if thinking.group("budget") else word)
    if attempts:
        parts.append(" ".join(attempts.group(0).casefold().split()))
    if linear:
        parts.append("linear probe")
    return " ".join(parts)


def merge_settings(*settings: str | None) -> str | None:
    """Join settings from several places (row label, column label, shots column), each part once. Of two
    that name a thinking mode, the later (the cell's own, from its footnote) wins: '32k thinking' in a
    model's label and '** with no thinking' under its score give 'no thinking'."""
    thinking = [k for k, s in enumerate(settings) if s and _THINKING.search(s)]
    settings = tuple(s for k, s in enumerate(settings) if k not in thinking[:-1])
    parts: list[str] = []
    for s in settings:
        for part in (s or "").split():
            if part not in parts:
                parts.append(part)
    shot_parts = [p for p in parts if p.endswith("-shot")]
    if len(shot_parts) > 1 and "few-shot" in shot_parts:
        parts.remove("few-shot")  # '5-shot' says more than 'few-shot'
    return " ".join(parts) or None


def split_trailing_parens(label: str) -> tuple[str, list[str]]:
    """'Model 2 (few-shot, k=5)' -> ('Model 2', ['few-shot, k=5']); innermost-last order kept."""
    inner: list[str] = []
    base = label.strip()
    while (m := _TRAILING_PAREN.match(base)) and m.group("base").strip():
        inner.insert(0, m.group("inner").strip())
        base = m.group("base").strip()
    return base, inner


def split_trailing_setting(label: str) -> tuple[str, str | None]:
    """'TriviaQA 5-shot' -> ('TriviaQA', '5-shot'): a setting written after the name without brackets."""
    words = label.split()
    for i in range(1, len(words)):
        tail = " ".join(words[i:])
        setting = parse_setting(tail)
        if setting:
            return " ".join(words[:i]), setting
    return label, None


_BUDGET = re.compile(r"^(\d+(?:\.\d+)?)\s*([kKmM])$")
# Cells that are settings wherever a header row holds only them ('low | medium | high', '32K | 64K').
_LEVELS = ("low", "medium", "high", "minimal", "xhigh")  # reasoning levels
_HEADER_WORDS = re.compile(rf"^({'|'.join(_LEVELS)}|thinking|non-thinking|no thinking)$", re.I)


# A label naming how a model was prompted ('No system prompt', 'Nimbus system prompt'): a setting, never
# a model.
_PROMPT_CONDITION = re.compile(r"\bprompts?\b|\bprompting\b", re.I)


def is_prompt_condition(text: str) -> bool:
    return bool(_PROMPT_CONDITION.search(text))


def is_header_setting(text: str) -> bool:
    text = " ".join(text.split())
    return bool(_BUDGET.match(text) or _HEADER_WORDS.match(text))


def is_reasoning_mode(text: str) -> bool:
    """A reasoning level or thinking mode ('high', 'non-thinking'): a setting even beside model names."""
    return bool(_HEADER_WORDS.match(" ".join(text.split())))


def split_reasoning_level(name: str) -> tuple[str, str | None]:
    """'Orca o3 High' -> ('Orca o3', 'high'): a reasoning level printed after a model's name is its
    setting."""
    words = name.split()
    if len(words) >= 2 and words[-1].casefold() in _LEVELS:
        return " ".join(words[:-1]), words[-1].casefold()
    return name, None


def header_setting(text: str) -> str:
    """A cell of a header row that states settings: '32K' under 'Thinking' -> '32k budget'; 'High' -> 'high';
    a shots or CoT setting in its canonical form."""
    text = " ".join(text.split())
    if m := _BUDGET.match(text):
        return f"{m.group(1)}{m.group(2).lower()} budget"
    return parse_setting(text) or text.casefold()
