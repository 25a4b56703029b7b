"""Labels of OCR tables repaired to the benchmark names of the vocabulary: a benchmark's name OCR misread
by a letter or two (`GSMS8K`, `HeliaSwag`) is no benchmark, and its row's or column's records would be
lost or name a benchmark no one knows.

A label is repaired only when exactly one benchmark of the vocabulary is that close (`label_edits`
letters, by the length of its name), each letter changed is one OCR takes for another (`l` for `i`,
`e` for `c`: `General` is no misread `GenEval`, nor `w/ MTP` a `WMDP`), the repair keeps its digits and
`+` as read (`AIME 2025` is not `AIME 2024` misread, nor `MBPP` an `MBPP+`), and the label is not
written as words are (`Benchmark`, `Average`: a word of the table, not a name). What follows the name
in parentheses (a metric, a setting) stays as read; the label as read stays in `ocr_text`.

Words of model names are repaired by shape alone (repair_name_words): an organisation's name of the
lexicon misread by one look-alike letter, and a reasoning series' `o1` read `01` or `ol` where a
variant word or an organisation's name makes it certain.
"""

from __future__ import annotations

import re
from collections import Counter

from extractor.model.document import Cell
from extractor.readers.pdf.ocr_settings import OcrSettings
from extractor.readers.roles import holds_score
from extractor.vocab.names import Vocabulary, alias_key
from extractor.vocab.settings import parse_setting

# a label's name, and what follows it: a part in parentheses, or one whose parentheses OCR lost or
# misread (`MATH cm)`, `MMLU-Pro em`): never taken into the name, whose repair would drop it
_NAME_AND_NOTE = re.compile(r"^(?P<name>[^(\[]+?)(?P<note>\s*[(\[].*|\s+(?:[a-z@¢]{1,5}|\S{1,5}\)))?$")
_KEPT = re.compile(r"[\d+]")  # what a repair must not change: versions, years, sizes and `+` variants
_WORDS = re.compile(r"^[A-Z]?[a-z]+(?:[\s/-]+[A-Za-z]?[a-z]+)*$")  # `Benchmark`, `General`, `Long context`
# letters (casefolded) OCR reads for one another: a change of a letter to another of its group is a slip
_LOOKALIKES = ("il1|", "o0dq", "s5", "b8", "g9", "z2", "ec", "uv", "nh")
LOOK_ALIKE_PAIRS = {(a, b) for group in _LOOKALIKES for a in group for b in group}
# a model of a reasoning series is named `o` and a digit (`o1-mini`, `o3`), which OCR reads as a zero
# (`03-mini`) or its `1` as an `l` (`ol-mini`). A word so read is put back where it is certain: a
# variant word follows (`-mini`) or a release date (`-2024-12-17`), or an organisation's name goes
# before; no model's name starts with a zero, and a date (`03-25`) has digits after it
_ZERO_SERIES = re.compile(r"[0O](?P<digit>[1-9])(?P<rest>-.*)?")
_L_SERIES = re.compile(r"o[lI|](?P<rest>-.*)?")
_VARIANT_REST = re.compile(r"-[A-Za-z]")
_RELEASE_DATE = re.compile(r"-(?:19|20)\d{2}-[01]\d-[0-3]\d")  # `o1-2024-12-17`: never a date itself
# a header cell holding only such a name (`01-1217`, `03`), under a cell naming an organisation: a
# release number follows (`-1217`), never a date's two digits (`05-06`)
_SERIES_CELL = re.compile(r"[0O](?P<digit>[1-9])(?P<rest>-\d{3,})?")
# a metric's note set small after a label (`BBH (EM)`) OCR reads with its parenthesis as a letter
# (`BBH cm)`, `MMLU ccm)`); such a note is put back to the one note of the same table that reads as a
# metric and is this near it, by letters OCR takes for one another (a parenthesis for `c` among them)
_NOTE_LOOKALIKES = ("(c¢@{[", ")]}j")
_NOTE_SAME = LOOK_ALIKE_PAIRS | {(a, b) for group in _NOTE_LOOKALIKES for a in group for b in group}
_NOTE_EDITS = 2
_METRIC_NOTE = re.compile(r"^\((?P<inner>[^()]+)\)$")
_DIGIT_O = re.compile(r"(?<=\d)[oO]")  # `4o`: a letter after a digit, which OCR reads as a zero
_WORD = re.compile(r"[^\W_]+")  # a name's words: `Llama Q` has two, `LLaMA` one
_ORG_MIN_CHARS = 4  # an organisation's name shorter than this is never repaired: too many words near it


def repair_label(cell: Cell, vocab: Vocabulary, settings: OcrSettings) -> Cell:
    """The cell with its label's name repaired to the one benchmark name it is a close misreading of."""
    text = cell.text.strip()
    m = _NAME_AND_NOTE.match(text)
    if not m or holds_score(text) or not any(ch.isalpha() for ch in text):
        return cell
    name = m.group("name").strip()
    key = alias_key(name)
    spelt = _first_letter_case(name, vocab)
    if spelt is not None:
        fixed = text.replace(name, spelt, 1)
        return cell.model_copy(update={"text": fixed, "ocr_text": cell.ocr_text or cell.text})
    if len(key) < settings.label_min_chars or vocab.dataset(name) is not None or vocab.model(name):
        return cell
    if _WORDS.match(name):
        return cell
    fixed = _closest(key, vocab, settings, _word_count(name))
    if fixed is None:
        return cell
    return cell.model_copy(
        update={"text": fixed + (m.group("note") or ""), "ocr_text": cell.ocr_text or cell.text}
    )


def _first_letter_case(name: str, vocab: Vocabulary) -> str | None:
    """The vocabulary's spelling of the benchmark `name` names where OCR read its first letter in
    the other case (`liveCodeBench`: an `L` read `l`), else None. Nothing else of it changes."""
    match = vocab.dataset(name)
    if match is None or len(name) < 2:
        return None
    for printed in (match.entry.name, *(a.name for a in match.entry.aliases)):
        if printed[1:] == name[1:] and printed[0] != name[0] and printed[0].casefold() == name[0].casefold():
            return printed
    return None


def repair_name_words(cell: Cell, vocab: Vocabulary) -> Cell:
    """The cell with an organisation's name misread by one look-alike letter (an `I` read `l`) and a
    series name read with a zero or an `l` (`ol-mini`, `Nimbus 03`) put back."""
    text = cell.text.strip()
    dated = any(_ZERO_SERIES.fullmatch(w) and _RELEASE_DATE.search(w) for w in text.split())
    if holds_score(text) or not (dated or any(ch.isalpha() for ch in text)):
        return cell
    words = text.split()
    out: list[str] = []
    for word in words:
        after_org = bool(out) and vocab.is_organisation(out[-1])
        out.append(_series(_family(_organisation(word, vocab), vocab), after_org))
    if out == words:
        return cell
    return cell.model_copy(update={"text": " ".join(out), "ocr_text": cell.ocr_text or cell.text})


def repair_series_cells(cells: list[Cell], vocab: Vocabulary) -> list[Cell]:
    """The cells with a series name read with a zero (`01-1217`) put back where the header cell
    above names an organisation (`OpenAI` over `o1-1217`: a model named over two header lines)."""
    out = []
    for c in cells:
        m = _SERIES_CELL.fullmatch(c.text.strip())
        above = m and next(
            (a for a in cells if a.row + a.rowspan == c.row and a.col <= c.col < a.col + a.colspan), None
        )
        if above and above.text.split() and vocab.is_organisation(above.text.split()[0]):
            fixed = f"o{m.group('digit')}{m.group('rest') or ''}"
            c = c.model_copy(update={"text": fixed, "ocr_text": c.ocr_text or c.text})
        out.append(c)
    return out


def _organisation(word: str, vocab: Vocabulary) -> str:
    key = alias_key(word)
    if len(key) < _ORG_MIN_CHARS or not word.isalnum() or vocab.is_organisation(word):
        return word
    near = {
        name
        for name in vocab.organisations
        if len(alias_key(name)) == len(key) and _distance(key, alias_key(name), 2) == 1
    }
    return near.pop() if len(near) == 1 else word


def _family(word: str, vocab: Vocabulary) -> str:
    """A model family of the lexicon whose letter `o` after a digit OCR read as a zero (`Orca-40`,
    `Orca-40-mini` for a family `Orca-4o`), put back: the lexicon names the family, and no family is
    named so with a zero."""
    misread = vocab.memo(("ocr-family-zeros",), lambda: _zero_forms(vocab.api_families))
    folded = word.casefold()
    for form, family in misread.items():
        if folded == form or folded.startswith(form + "-"):
            chars = list(word)  # as printed but for the zeros: the case stays
            for i, (read, letter) in enumerate(zip(form, family)):
                if read == "0" and letter in "oO":
                    chars[i] = letter
            return "".join(chars)
    return word


def _zero_forms(families: list[str]) -> dict[str, str]:
    """Each family with an `o` after a digit, by its casefolded form with zeros there; none that is
    itself a family's name."""
    names = {f.casefold() for f in families}
    forms = {_DIGIT_O.sub("0", f).casefold(): f for f in families if _DIGIT_O.search(f)}
    return {form: f for form, f in forms.items() if form not in names}


def _series(word: str, after_org: bool) -> str:
    for pattern, name in ((_ZERO_SERIES, "o{digit}"), (_L_SERIES, "o1")):
        m = pattern.fullmatch(word)
        rest = m and m.group("rest")
        if m and (after_org or (rest and (_VARIANT_REST.match(rest) or _RELEASE_DATE.fullmatch(rest)))):
            return name.format(**m.groupdict()) + (m.group("rest") or "")
    return word


def repair_notes(cells: list[Cell], vocab: Vocabulary) -> list[Cell]:
    """The cells with each label's misread metric note (`cm)`) put back to a metric note of the table
    read right in other labels (`(EM)`), when all notes within _NOTE_EDITS look-alike edits of it
    name one metric; the spelling most labels print is used. A note near none, after a benchmark's
    name, is dropped (_unreadable_note); a metric's note read in lower case is put in the capitals
    the vocabulary spells it in (_in_capitals)."""
    notes = {id(c): _note(c.text) for c in cells}
    spellings: dict[str, Counter[str]] = {}  # metric -> its clean notes, by how many labels print them
    for n in notes.values():
        metric = _metric(n, vocab) if n else None
        if metric:
            spellings.setdefault(metric, Counter())[n] += 1
    out = []
    for c in cells:
        note = notes[id(c)]
        capitals = _in_capitals(note, vocab) if note else None
        if note and capitals:
            text = c.text.strip()
            fixed = f"{text[: len(text) - len(note)]}({capitals})"
            c = c.model_copy(update={"text": fixed, "ocr_text": c.ocr_text or c.text})
        elif note and len(note) >= 2 and _metric(note, vocab) is None:
            near = {
                metric
                for metric, printed in spellings.items()
                for n in printed
                if _distance(note.casefold(), n.casefold(), _NOTE_EDITS + 1, _NOTE_SAME) <= _NOTE_EDITS
            }
            text = c.text.strip()
            name = text[: len(text) - len(note)]
            if len(near) == 1:
                fixed = name + spellings[near.pop()].most_common(1)[0][0]
                c = c.model_copy(update={"text": fixed, "ocr_text": c.ocr_text or c.text})
            elif spellings and _unreadable_note(note, name.strip(), vocab):
                c = c.model_copy(update={"text": name.strip(), "ocr_text": c.ocr_text or c.text})
        out.append(c)
    return out


def _in_capitals(note: str, vocab: Vocabulary) -> str | None:
    """A metric's note set in small capitals (`(EM)`) reads in lower case (`(em)`, `(Em)`): the
    vocabulary's spelling in capitals of the metric it names, where it has one that differs from
    the reading only in case; else None."""
    m = _METRIC_NOTE.match(note)
    entry = vocab.metric(m.group("inner")) if m else None
    if entry is None:
        return None
    inner = m.group("inner")
    spelt = [a for a in (entry.name, *entry.aliases) if a.isupper() and a.casefold() == inner.casefold()]
    return spelt[0] if spelt and spelt[0] != inner else None


def _unreadable_note(note: str, name: str, vocab: Vocabulary) -> bool:
    """A note after a benchmark's name that lost its opening parenthesis and reads as no metric near
    one the table prints (`DROP cy` for `DROP (F1)`, `C-Eval cam)`): dropped, so the benchmark's row
    is not lost to a label no one knows; its metric is then the benchmark's own, as for a label
    printed without a note. Never a note with a digit (a version) or one that reads as a setting."""
    return (
        "(" not in note
        and not any(ch.isdigit() for ch in note)
        and parse_setting(note) is None
        and vocab.dataset(name) is not None
    )


def _note(text: str) -> str | None:
    text = text.strip()
    m = _NAME_AND_NOTE.match(text)
    if not m or not m.group("note") or holds_score(text) or not any(ch.isalpha() for ch in m.group("name")):
        return None
    return m.group("note").strip()


def _metric(note: str, vocab: Vocabulary) -> str | None:
    """The metric a note in parentheses names (`(EM)`, `(Acc.)`), or None."""
    m = _METRIC_NOTE.match(note)
    entry = vocab.metric(m.group("inner")) if m else None
    return entry.name if entry else None


def _closest(key: str, vocab: Vocabulary, settings: OcrSettings, words: int = 1) -> str | None:
    """The name as printed of the one benchmark within `label_edits` of `key` (a label of `words`
    words), or None."""
    limit = settings.label_edits if len(key) >= settings.label_two_edits_chars else 1
    found: dict[str, str] = {}  # benchmark -> its name or alias nearest
    best = limit + 1
    for candidate, (benchmark, printed) in _names(vocab).items():
        if abs(len(candidate) - len(key)) > limit or _KEPT.findall(candidate) != _KEPT.findall(key):
            continue
        if len(candidate) != len(key) and _word_count(printed) != words:
            continue  # a letter added or dropped that is a word of its own is another name, no slip
        d = _distance(key, candidate, best + 1)
        if d < best:
            best, found = d, {benchmark: printed}
        elif d == best:
            found.setdefault(benchmark, printed)
    return next(iter(found.values())) if best <= limit and len(found) == 1 else None


def _word_count(name: str) -> int:
    return len(_WORD.findall(name))


def _names(vocab: Vocabulary) -> dict[str, tuple[str, str]]:
    """Each benchmark name and alias of the vocabulary: key -> (benchmark, as printed)."""

    def make() -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for e in vocab.datasets.values():
            for printed in (e.name, *(a.name for a in e.aliases)):
                out.setdefault(alias_key(printed), (e.name, printed))
        return out

    return vocab.memo(("ocr-label-names",), make)  # built once; never changed after


def _distance(a: str, b: str, cap: int, same: set[tuple[str, str]] = LOOK_ALIKE_PAIRS) -> int:
    """The edits (a letter added, dropped or read as a look-alike) from `a` to `b`, or `cap` once they
    are sure to be at least that many (a letter read as one unlike it costs `cap`)."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            change = 0 if ca == cb else 1 if (ca, cb) in same else cap  # another letter: no slip
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + change))
        if min(current) >= cap:
            return cap
        previous = current
    return previous[-1]
