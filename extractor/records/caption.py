"""What a caption says about every record of its table: model variant, setting, metric, parent benchmark,
kind.

Each fact is read only when the caption states it once and plainly; a caption naming two variants
('pre-trained (PT) and instruction-tuned (IT) models') states none, and the table's own labels decide.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel

from extractor.vocab import Vocabulary
from extractor.vocab.patterns import TABLE_MENTION, TABLE_NUMBER
from extractor.vocab.settings import parse_setting, split_trailing_parens

TableKind = Literal["results", "ablation", "not-results"]

# Variant words a caption may state for all its models, and how names write them. A short form the
# caption gives in brackets ('instruction fine-tuned (IT) models') wins over the spelled-out form.
_VARIANTS = (
    (
        re.compile(r"\binstruct(ion)?[- ](fine[- ])?tuned\b|\binstruct models\b|\bSFT models\b", re.I),
        "Instruct",
    ),
    (
        re.compile(r"\bpre-?trained\b|\bbase models?\b|\bafter (the )?pre-?training( phase| stage)?\b", re.I),
        "Base",
    ),
)


def document_variant_forms(captions: list[str]) -> dict[str, str]:
    """The short forms a document gives its variants in any caption ('pre-trained (PT)', 'instruction
    fine-tuned (IT)'): a caption of the same document that spells a variant out takes the short form."""
    forms: dict[str, str] = {}
    for caption in captions:
        for m in _SHORT_VARIANT.finditer(caption):
            before = caption[max(0, m.start() - 40) : m.start()]
            for rx, word in _VARIANTS:
                if rx.search(before) and _VARIANT_WORDS.search(before):
                    forms.setdefault(word, m.group(1))
    return forms


_VARIANT_WORDS = re.compile(r"(tuned|trained|instruct\w*|chat|base|aligned|RL|SFT)\W*$", re.I)
_SHORT_VARIANT = re.compile(r"\((IT|PT|SFT|RL|Base|Chat|Instruct)\)")
_SETTINGS = re.compile(
    r"\b(zero|one|two|three|four|five|eight|ten|few|\d+)[- ]shot\b|\bchain[- ]of[- ]thought\b|"
    r"\bCoT\b|\bmaj@\d+\b|"
    r"\b(slow|fast|non|no)[- ]thinking\b|\blinear[\s-]+(probe|probing|evaluation)\b",
    re.I,
)
_CLAIM = re.compile(
    r"\b(can|could|would)\s+(achieve|reach|obtain|score)\b|\bachieves?\s+\d|\breaches\s+\d", re.I
)
_METRIC_PHRASE = re.compile(
    r"\b(exact match|accuracy|pass@\d+|F1(?: score)?|BLEU(?: score)?|WER|word error rate|CER|ROUGE-L|"
    r"perplexity|"
    r"length[- ]controlled win rate|(?<!controlled )win rate|Elo)\b",
    re.I,
)
# Whole-table statements that the rows are parts of one benchmark: 'results on AGIEval', 'subsets of X'.
_PARENT_PHRASE = re.compile(
    r"\b(?:results|performance|scores?|accuracy|evaluation)\s+(?:of\s+(?:\S+\s+){1,3}?)?on\s+(?:the\s+)?"
    r"(?P<a>[^,.;:]+?)(?:\s+benchmark|\s+dataset|[,.;:]|$)|"
    r"\b(?:sub-?(?:sets|tasks|categories)|splits|categories)\s+of\s+(?:the\s+)?"
    r"(?P<b>[^,.;:]+?)(?:\s+benchmark|[,.;:]|$)|"
    r"\bdetailed\s+(?P<c>\S+)\s+(?:results|performance)\b",
    re.I,
)
_PARTS_OF = re.compile(
    r"^(?:the\s+)?(?:sub-?(?:sets|tasks|categories)|splits|categories|tasks)\s+of\s+(?:the\s+)?", re.I
)
# A part of one benchmark the whole table is about: "on the Nimbus benchmark's QA task", 'the QA subset
# of Nimbus'.
_PART_PHRASE = re.compile(
    r"\b(?P<a>[\w.+-]+(?: [\w.+-]+)?) benchmark['’]s (?P<sa>[\w.+-]+) (?:task|subset|split|track)\b|"
    r"\bthe (?P<sb>[\w.+-]+) (?:task|subset|split|track) of "
    r"(?:the )?(?P<b>[\w.+-]+(?: [\w.+-]+)??)(?: benchmark)?\b",
    re.I,
)
# Scores on a benchmark only the authors have: its categories ('Math') are not the public benchmarks of
# that name.
_IN_HOUSE = re.compile(r"\bon (?:the |our |an |a )?(?:in-house|internal|private)\b", re.I)
_ABLATION = re.compile(
    r"\bablations?\b|\bablating\b|\bablated\b|\b(impact|effect|influence|contribution)s? of\b", re.I
)
# Where one sentence ends and the next begins.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# The caption's title: its first sentence ('Table 11: More English benchmark results.'); what follows
# explains.
_TITLE = re.compile(r"^.*?[.!?](?=\s+[A-Z]|\s*$)|^.*$")
# The punctuation between a caption's table number and its title ('Table 5: ...', 'Table 5 | ...').
_LABEL_END = re.compile(r"\s*[:.|]?\s*")
_NOT_RESULTS = re.compile(
    r"\bhyper-?parameters?\b|\bparameter counts?\b|\bthroughput\b|"
    r"\bdata (mix(ture)?|composition|statistics)\b|"
    r"\b(training|evaluation) (settings|configurations?|data)\b|\bmaximum supported\b|\brouting\b|"
    r"\bexpert (load|assignment)\b|"
    r"\bstatistics of\b|\blist of datasets\b|\bprompts? (used|template)\b|\bmemory (usage|footprint)\b|"
    r"\b(training |validation )?loss(es)?\b",
    re.I,
)


class CaptionFacts(BaseModel):
    variant: str | None = None  # 'IT', 'Base', 'Instruct': appended to model names that name no variant
    setting: str | None = None  # canonical, e.g. '0-shot'
    metric: str | None = None  # as the caption writes it
    parent: str | None = None  # the one benchmark the rows or columns are parts of, as written
    # the part of `parent` the whole table is about ('QA' of 'the Nimbus benchmark's QA task')
    part: str | None = None
    # the scores are on the authors' own benchmark ('on the in-house evaluation benchmark')
    in_house: bool = False
    benchmark: str | None = None  # the one benchmark the caption names anywhere ('Results on MMLU, 5-shot.')
    named: list[str] = []  # every benchmark the caption names, canonical ('pass@1 on HumanEval and MBPP')
    kind: TableKind | None = None  # None: the caption does not say


def _one(found: set[str]) -> str | None:
    return next(iter(found)) if len(found) == 1 else None


def caption_variant(caption: str) -> str | None:
    # '(IT)' after 'instruction fine-tuned' or before 'models'; 'Italian (IT)' in a list of languages is
    # no variant
    short = {
        m.group(1)
        for m in _SHORT_VARIANT.finditer(caption)
        if _VARIANT_WORDS.search(caption[max(0, m.start() - 40) : m.start()])
        or re.match(r"\s*(models?|checkpoints?|variants?)\b", caption[m.end() :], re.I)
    }
    if short:
        return _one(short)
    return _one({word for rx, word in _VARIANTS if rx.search(caption)})


def caption_setting(caption: str) -> str | None:
    """The one setting the caption states for its table. A sentence claiming a result the table does not
    print ('Nimbus can achieve 5/30 on AIME with maj@64') states none for the table."""
    kept = " ".join(s for s in re.split(r"(?<=[.;])\s+", caption) if not _CLAIM.search(s))
    return _one(set(settings_in(kept)))


def settings_in(text: str) -> list[str]:
    """The settings a sentence states, canonical, in order ('with no thinking' -> ['no thinking'])."""
    return list(dict.fromkeys(s for m in _SETTINGS.finditer(text) if (s := parse_setting(m.group(0)))))


def caption_metric(caption: str, vocab: Vocabulary | None = None) -> str | None:
    """The one metric the caption names, as written; one metric spelt out and abbreviated ('word error
    rate (WER)') is one."""
    found: dict[str, str] = {}
    for m in _METRIC_PHRASE.finditer(caption):
        entry = vocab.metric(m.group(1)) if vocab else None
        found.setdefault(entry.name if entry else m.group(1).casefold(), m.group(1))
    return next(iter(found.values())) if len(found) == 1 else None


def caption_parent(caption: str, vocab: Vocabulary) -> str | None:
    """The benchmark a caption says the table's labels belong to, when the vocabulary knows it."""
    for m in _PARENT_PHRASE.finditer(caption):
        phrase = (m.group("a") or m.group("b") or m.group("c") or "").strip()
        # 'results on the subsets of AGIEval': the parent is after 'subsets of'
        name = _PARTS_OF.sub("", phrase).strip("()")
        # the whole phrase: 'results on MMLU and GSM8K' names no one parent, nor does the first of a list
        listed = re.match(r"\s*(,|and\b|&)", caption[m.end("a") :] if m.group("a") else "")
        if vocab.dataset(name) and not listed:
            return name
    return None


def _bracketed_part(caption: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """'performance on the HumanEvalPack (synthesize) benchmark': the parent phrase names a benchmark the
    vocabulary knows and, in brackets, the part of it the table is about (not a setting or a metric)."""
    for m in _PARENT_PHRASE.finditer(caption):
        name, groups = split_trailing_parens(_PARTS_OF.sub("", (m.group("a") or m.group("b") or "").strip()))
        if (
            len(groups) == 1
            and vocab.dataset(name)
            and not parse_setting(groups[0])
            and not vocab.metric(groups[0])
        ):
            return name, groups[0]
    return None


def caption_part(caption: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """(benchmark, part) when the caption says the table is about one part of a benchmark the vocabulary
    knows."""
    for m in _PART_PHRASE.finditer(caption):
        bench, part = (m.group("a"), m.group("sa")) if m.group("a") else (m.group("b"), m.group("sb"))
        words = bench.split()
        # 'on the Nimbus benchmark's': the benchmark may be the last word or the last two
        for name in (" ".join(words[-2:]), words[-1]):
            if vocab.dataset(name):
                return name, part
    return None


def caption_benchmark(caption: str, vocab: Vocabulary) -> str | None:
    """The one benchmark a caption names ('Table 13: Results on MMLU.'), as written; None for none or
    several."""
    found = named_benchmarks(caption, vocab)
    return next(iter(found.values())) if len(found) == 1 else None


def named_benchmarks(caption: str, vocab: Vocabulary) -> dict[str, str]:
    """Every benchmark a caption names: canonical name -> as written."""
    words = [w.strip(".") for w in re.findall(r"[^\s,;:()|]+", caption)]
    found: dict[str, str] = {}
    for n in (4, 3, 2, 1):
        for i in range(len(words) - n + 1):
            text = " ".join(words[i : i + n])
            match = vocab.dataset(text)
            # a benchmark's name is written as a name: 'in bold' or 'Bold means' is a word, not the BOLD
            # benchmark
            acronym = (
                match is not None
                and match.entry.name.isupper()
                and not text.isupper()
                and not re.search(r"\d", text)
            )
            if match and match.entry.name not in found and re.search(r"[A-Z0-9]", text) and not acronym:
                found[match.entry.name] = text
    return found


def _only_parent(parent: str, named: dict[str, str], vocab: Vocabulary) -> bool:
    """No benchmark the caption names is another than the parent or one of its parts. Only names written
    as names count: a plain word that happens to spell one ('Multiple', MultiPL-E's letters) does not."""
    entry = vocab.dataset(parent)
    if entry is None:
        return False
    return all(
        name == entry.entry.name or vocab.subset(entry.entry, written) or not _as_name(written, vocab)
        for name, written in named.items()
    )


def _as_name(written: str, vocab: Vocabulary) -> bool:
    """Spelt as the vocabulary spells the benchmark, or with the capitals or digits of a name ('GSM8k')."""
    return vocab.spelt_as_named(written) or bool(re.search(r"\d|\w[A-Z]", written))


def caption_kind(caption: str) -> TableKind | None:
    """From the title alone: a later sentence about prompt templates or training data does not make a
    results table something else."""
    label = TABLE_NUMBER.match(caption)
    m = _TITLE.match(caption[_LABEL_END.match(caption, label.end()).end() :] if label else caption)
    title = m.group(0) if m else caption
    if _ABLATION.search(title):
        return "ablation"
    if _NOT_RESULTS.search(title):
        return "not-results"
    return None


def read_caption(caption: str | None, vocab: Vocabulary) -> CaptionFacts:
    text = re.sub(r"\s+", " ", caption or "").strip()
    if not text:
        return CaptionFacts()
    part = caption_part(text, vocab) or _bracketed_part(text, vocab)
    named = named_benchmarks(text, vocab)
    parent = part[0] if part else caption_parent(text, vocab)
    if parent and not _only_parent(parent, named, vocab):
        # 'on Flickr30K' in a caption over Flickr30K, COCO and their Chinese versions names no parent
        parent = None
    return CaptionFacts(
        variant=caption_variant(text),
        setting=caption_setting(text),
        metric=caption_metric(text, vocab),
        parent=parent,
        part=part[1] if part else None,
        benchmark=caption_benchmark(text, vocab),
        named=list(named),
        in_house=bool(_IN_HOUSE.search(text)),
        kind=caption_kind(text),
    )


# A paragraph opening with a run-in heading that names an ablation ('Impact of SFT Data Scaling').
# A sentence opening 'The impact of this ...' is no heading: headings start with the noun itself.
_ABLATION_RUN_IN = re.compile(r"^\s*(?:Ablations?\b|(?:Impact|Effect|Influence|Contribution)s?\s+of\b)")


def ablation_tables(paragraphs: list[str]) -> set[str]:
    """Numbers of the tables the text introduces as ablations: a sentence that names one table only and
    says 'ablation' ('we conducted ablation studies (see Table 1)'), or a paragraph under a run-in heading
    that names an ablation and that mentions one table only."""
    found: set[str] = set()
    for text in paragraphs:
        numbers = {m.group(1).upper() for m in TABLE_MENTION.finditer(text)}
        if len(numbers) == 1 and _ABLATION_RUN_IN.match(text):
            # 'Impact of SFT Data Scaling  ... As detailed in Table 6, ...': the paragraph's heading says it
            found |= numbers
        for sentence in SENTENCE_END.split(text):
            numbers = {m.group(1).upper() for m in TABLE_MENTION.finditer(sentence)}
            if len(numbers) == 1 and re.search(r"\bablat(ion|ions|e|ed|ing)\b", sentence, re.I):
                found |= numbers
    return found


def table_number(caption: str | None) -> str | None:
    m = TABLE_NUMBER.match(caption or "")
    return m.group(1).upper() if m else None
