"""Split a table label into a name, a setting and a metric: 'MMLU (Acc.) (5-shot)' -> MMLU, 5-shot, Acc."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

from extractor.vocab.directions import Direction
from extractor.vocab.names import DatasetMatch, Vocabulary
from extractor.vocab.patterns import DIRECTION_MARKED, FOOTNOTE_MARKS, MODEL_SIZE
from extractor.vocab.settings import parse_setting, split_trailing_parens, split_trailing_setting

# A label that stands for its benchmark's own score ('Avg.', 'Overall'), alone or stacked in two languages.
_AVERAGE_WORDS = r"avg\.?|average|overall|mean|总分|平均分?"
AVERAGE = re.compile(rf"^(({_AVERAGE_WORDS})\s*)+$", re.I)
# The average over some of a benchmark's subsets: 'Average (GK)' -> 'GK'.
AVERAGE_OF = re.compile(rf"^(?:{_AVERAGE_WORDS})\s*\(([^()]+)\)$", re.I)


# Scripts of a header printed in two languages ('Reasoning 中文推理'): Latin beside Chinese, Japanese or
# Korean.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_LATIN = re.compile(r"[A-Za-z]")


def without_translation(cells: list[str]) -> list[str]:
    """The header cells stacked over one column, with the words of a second script dropped when the column
    also prints Latin words: a bilingual header ('Avg.' over '推理 总分') gives each name twice, and the
    Latin one is the name the vocabulary knows. A column printed in one script stays as it is."""
    if not any(_LATIN.search(c) for c in cells) or not any(_CJK.search(c) for c in cells):
        return cells
    return [" ".join(w for w in c.split() if not _CJK.search(w)) for c in cells]


# A window of problem dates after a benchmark's name ('10/1/2024 - 2/1/2025'), month first as US reports
# print it.
_DATE_WINDOW = re.compile(r"\b(\d{1,2})/\d{1,2}/(\d{4})\s*[-–]\s*(\d{1,2})/\d{1,2}/(\d{4})\b")


def date_window(text: str) -> str | None:
    """'UI: 10/1/2024 - 2/1/2025' -> '2410-2502', the year-month form leaderboards give such windows."""
    m = _DATE_WINDOW.search(text)
    if not m or not (1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(3)) <= 12):
        return None
    return f"{m.group(2)[2:]}{int(m.group(1)):02d}-{m.group(4)[2:]}{int(m.group(3)):02d}"


class LabelParts(BaseModel):
    model_config = ConfigDict(frozen=True)  # shared: split_label remembers what it made of a label

    name: str
    setting: str | None = None
    setting_raw: str | None = None
    metric_raw: str | None = None


# Citation marks after a name: '[54]', '[3, 7]', '(Chen et al., 2022)', '(Chu et al., 2023a)'.
CITATION = re.compile(
    r"\s*\[\d+(?:\s*[,;–-]\s*\d+)*\]|"
    r"\s*\((?:[A-Z][\w'-]+(?:\s+(?:et al\.|and|&)\s*[\w'-]*)*,?\s+(?:19|20)\d\d[a-z]?;?\s*)+\)"
)


# Footnote marks after a name ('Nimbus-72B*', 'Orca†') and a gloss in full-width brackets ('Nimbus（星云）').
_NAME_MARKS = re.compile(rf"[{re.escape(FOOTNOTE_MARKS)}]+(?=\s|$)")
_GLOSS = re.compile(r"\s*（[^（）]*）")
# A size printed twice once the marks between are gone: 'Nimbus-72B* 72B' (a size column beside the name).
_SIZE_TWICE = re.compile(rf"({MODEL_SIZE})\s+\1$", re.I)


def without_marks(name: str) -> str:
    """A model name without the footnote marks and translated gloss printed after its words."""
    return (
        _SIZE_TWICE.sub(r"\1", re.sub(r"\s+", " ", _NAME_MARKS.sub("", _GLOSS.sub(" ", name))).strip())
        or name
    )


# A bracket after a benchmark saying which variant of the models its scores are for: 'MT Bench (for
# Instruct Models)'.
_FOR_VARIANT = re.compile(
    r"^(?P<base>.*\S)\s*\(\s*(?:for|of|on)?\s*(?:the\s+)?"
    r"(?P<v>instruct(?:ion[- ]tuned)?|chat|base|pre-?trained)\s+models?\s*\)$",
    re.I,
)
_VARIANT_FORMS = {
    "instruct": "Instruct",
    "chat": "Chat",
    "base": "Base",
    "pretrained": "Base",
    "pre-trained": "Base",
}


def split_variant_note(label: str) -> tuple[str, str | None]:
    """'MT Bench (for Instruct Models)' -> ('MT Bench', 'Instruct'): the row's scores are of that variant."""
    m = _FOR_VARIANT.match(label.strip())
    if not m:
        return label, None
    word = m.group("v").casefold()
    return m.group("base"), _VARIANT_FORMS.get(word, "Instruct")


def clean_label(text: str) -> str:
    """Whitespace collapsed and citation marks dropped: 'LibriSpeech [54]' -> 'LibriSpeech'."""
    return re.sub(r"\s+", " ", CITATION.sub("", text)).strip()


def without_direction(label: str) -> str:
    """A label without the arrow that says which way is better: 'SS ↑' -> 'SS'."""
    marked = DIRECTION_MARKED.match(label.strip())
    return marked.group("label") if marked else label


def printed_direction(label: str | None) -> Direction | None:
    """Which way the label's arrow says is better: 'WER (%) ↓' -> 'lower'; None without an arrow."""
    marked = DIRECTION_MARKED.match(label.strip()) if label else None
    if not marked:
        return None
    return "higher" if "↑" in marked.group(0)[marked.end("label") :] else "lower"


def _setting_and_metric(inner: str, aliases: Vocabulary) -> tuple[str, str] | None:
    """'3-shot F1' -> ('3-shot', 'F1'); 'Pass@1-COT' -> ('CoT', 'Pass@1'): a bracket holding both."""
    words = [w for w in re.split(r"[\s,;]+|-(?=[A-Za-z])", inner) if w]
    for k in range(1, len(words)):
        for metric, rest in ((words[:k], words[k:]), (words[-k:], words[:-k])):
            name = " ".join(metric)
            setting = parse_setting(" ".join(rest))
            if setting and aliases.metric(name):
                return setting, name
    return None


def _trailing_metric(name: str, aliases: Vocabulary) -> tuple[str, str | None]:
    """'Chatbot Arena ELO Rating' -> ('Chatbot Arena', 'ELO Rating'): a metric written after a benchmark
    without brackets, split only when what is left is a benchmark the vocabulary knows."""
    words = name.split()
    for k in range(min(3, len(words) - 1), 0, -1):
        metric, rest = " ".join(words[-k:]), " ".join(words[:-k])
        if (
            aliases.metric(metric) and aliases.dataset(rest) and not AVERAGE.match(metric)
        ):  # 'RULER Avg.' is RULER's score
            return rest, metric
    return name, None


def split_label(label: str, aliases: Vocabulary) -> LabelParts:
    """Peel trailing '(...)' groups that are settings or metrics; a group that is neither stays in the
    name."""
    return aliases.memo(("split_label", label), lambda: _split_label(label, aliases))


def _split_label(label: str, aliases: Vocabulary) -> LabelParts:
    label = clean_label(label)
    if aliases.dataset(label) or aliases.model(label):
        return LabelParts(name=label)
    base, groups = split_trailing_parens(label)
    settings: list[str] = []
    raw: list[str] = []
    metric: str | None = None
    while groups:
        inner = groups[-1]
        setting = parse_setting(inner)
        if setting:
            settings.insert(0, setting)
            raw.insert(0, inner)
        elif metric is None and aliases.metric(inner):
            metric = inner
        elif metric is None and (mixed := _setting_and_metric(inner, aliases)):
            settings.insert(0, mixed[0])
            raw.insert(0, inner)
            metric = mixed[1]
        elif aliases.is_api_model(inner) and aliases.dataset(base) and len(groups) == 1:
            # 'ArenaHard (Orca-4-1106)': the API model that judged or served as reference, a setting of the
            # run
            settings.insert(0, inner.casefold())
            raw.insert(0, inner)
        else:
            break
        groups.pop()
    name = " ".join([base, *(f"({g})" for g in groups)]).strip()
    if metric is None and not groups:
        name, metric = _trailing_metric(name, aliases)
    name, trailing = split_trailing_setting(name)
    if trailing:
        settings.insert(0, trailing)
        raw.insert(0, label[len(name) :].strip().split("(")[0].strip())
    return LabelParts(
        name=name or label,
        setting=" ".join(settings) or None,
        setting_raw="; ".join(raw) or None,
        metric_raw=metric,
    )


def known_benchmark(label: str, aliases: Vocabulary) -> DatasetMatch | None:
    """The benchmark a label names, by itself or once its settings and metric are split off ('MMLU
    (5-shot)')."""
    return aliases.dataset(label) or aliases.dataset(split_label(label, aliases).name)
