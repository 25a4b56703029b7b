"""The alias data: what reports write -> canonical dataset, metric, task and model names."""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, Field

DATA_DIR = Path(__file__).parent / "data"
_MEMO_SIZE = 1 << 16  # labels a vocabulary remembers what it made of (Vocabulary.memo)
T = TypeVar("T")
# The built-in name files, merged in this order; a later file only adds names (a test keeps them apart).
NAME_FILES = ("aliases.toml", "benchmarks.toml", "tasklists.toml", "lexicon.toml")


@lru_cache(maxsize=1 << 16)  # the same labels come back for every row of a table
def alias_key(text: str) -> str:
    """Case, spacing and punctuation do not matter: 'ARC-Challenge' ~ 'ARC (Challenge)'."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if ch.isalnum() or ch == "+")


class DatasetAlias(BaseModel):
    name: str
    metric: str | None = Field(default=None, description="metric the alias itself implies, as in 'Codex P@1'")


class DatasetEntry(BaseModel):
    name: str
    task: str | None = None
    metric: str | None = Field(default=None, description="default metric when the table does not name one")
    aliases: list[DatasetAlias] = Field(default_factory=list)
    subsets: list[str] = Field(
        default_factory=list, description="named splits, languages or subtasks printed under it"
    )
    settings: list[str] = Field(
        default_factory=list,
        description="settings printed under it as if they were parts (Aider's edit formats 'whole | diff')",
    )
    subset_aliases: dict[str, str] = Field(
        default_factory=dict,
        description="other spellings of its subsets, each to the subset it names ('Math.' -> 'Mathematics')",
    )
    source: str | None = Field(default=None, description="where the name comes from")
    exact: bool = Field(
        default=False,
        description="matched only as the vocabulary spells it (spacing aside): its name without case "
        "and punctuation is a word tables print ('MultiPL-E' is 'multiple', as in 'multiple attempts')",
    )


class MetricEntry(BaseModel):
    """A canonical metric and its other spellings; which way it is better is directions.py's."""

    name: str
    aliases: list[str] = Field(default_factory=list)


class DatasetMatch(BaseModel):
    entry: DatasetEntry
    implied_metric: str | None = None


class Vocabulary(BaseModel):
    datasets: dict[str, DatasetEntry] = Field(default_factory=dict)
    metrics: dict[str, MetricEntry] = Field(default_factory=dict)
    tasks: dict[str, list[str]] = Field(default_factory=dict)
    models: dict[str, list[str]] = Field(default_factory=dict)
    languages: list[str] = Field(default_factory=list)
    variants: list[str] = Field(default_factory=list)
    api_families: list[str] = Field(default_factory=list)
    organisations: list[str] = Field(default_factory=list)

    def model_post_init(self, _context: object) -> None:
        self._datasets: dict[str, DatasetMatch] = {}
        for entry in self.datasets.values():
            self._datasets[alias_key(entry.name)] = DatasetMatch(entry=entry)
            for alias in entry.aliases:
                self._datasets.setdefault(
                    alias_key(alias.name), DatasetMatch(entry=entry, implied_metric=alias.metric)
                )
        self._subsets = {
            (alias_key(e.name), alias_key(s)): s for e in self.datasets.values() for s in e.subsets
        }
        self._by_subset: dict[str, list[DatasetEntry]] = {}
        for e in self.datasets.values():
            for s in e.subsets:
                self._by_subset.setdefault(alias_key(s), []).append(e)
            for other, subset in e.subset_aliases.items():
                self._subsets.setdefault((alias_key(e.name), alias_key(other)), subset)
        self._languages = {alias_key(w): w for w in self.languages}
        self._variants = {alias_key(w) for w in self.variants}
        self._api = {alias_key(w) for w in self.api_families}
        self._organisations = {alias_key(w) for w in self.organisations}
        self._metrics = {alias_key(a): m for m in self.metrics.values() for a in [m.name, *m.aliases]}
        self._tasks = {alias_key(a): t for t, aliases in self.tasks.items() for a in [t, *aliases]}
        self._models = {alias_key(a): m for m, aliases in self.models.items() for a in [m, *aliases]}
        self._memo: dict[tuple, Any] = {}

    def memo(self, key: tuple, make: Callable[[], T]) -> T:
        """`make()`, remembered under `key` for this vocabulary: what it makes of a label is the same every
        time, and a wide table asks again on every row. `make` must give an immutable value."""
        try:
            return self._memo[key]
        except KeyError:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            value = self._memo[key] = make()
            return value

    def dataset(self, label: str) -> DatasetMatch | None:
        match = self._datasets.get(alias_key(label)) if label.strip() else None
        if match is not None and match.entry.exact and not self._as_spelt(label, match.entry):
            return None
        return match

    @staticmethod
    def _as_spelt(text: str, entry: DatasetEntry) -> bool:
        return " ".join(text.split()) in (entry.name, *(a.name for a in entry.aliases))

    def spelt_as_named(self, text: str) -> bool:
        """`text` is a benchmark's name or alias exactly as the vocabulary writes it ('BOLD', not 'Bold')."""
        match = self.dataset(text)
        return match is not None and self._as_spelt(text, match.entry)

    def subset(self, benchmark: DatasetEntry, label: str) -> str | None:
        """The subset of `benchmark` that `label` names as the data writes it ('sat-math' -> 'SAT-Math')."""
        return self._subsets.get((alias_key(benchmark.name), alias_key(label))) if label.strip() else None

    def dataset_with_subset(self, name: str, subset: str) -> DatasetMatch | None:
        """The one benchmark whose name begins with `name` and which lists `subset`: a short name two
        benchmarks share ('SEED') told apart by the split printed under it ('test-zh' is Seed-TTS-Eval's)."""
        key = alias_key(name)
        found = {
            e.name: e
            for e in self._by_subset.get(alias_key(subset), [])
            if key and alias_key(e.name).startswith(key)
        }
        return DatasetMatch(entry=next(iter(found.values()))) if len(found) == 1 else None

    def language(self, label: str) -> str | None:
        return self._languages.get(alias_key(label)) if label.strip() else None

    def is_variant(self, word: str) -> bool:
        return alias_key(word) in self._variants

    def is_api_model(self, name: str) -> bool:
        """A model of a family served only through an API: it has no base or instruct variant."""
        words = name.replace("-", " ").split()
        return bool(words) and (alias_key(words[0]) in self._api or alias_key(name.split()[0]) in self._api)

    def is_organisation(self, name: str) -> bool:
        return alias_key(name) in self._organisations

    def metric(self, label: str) -> MetricEntry | None:
        return self._metrics.get(alias_key(label)) if label.strip() else None

    def task(self, label: str) -> str | None:
        return self._tasks.get(alias_key(label)) if label.strip() else None

    def model(self, label: str) -> str | None:
        return self._models.get(alias_key(label)) if label.strip() else None


def _parse(data: dict) -> dict:
    datasets = {}
    for name, spec in data.get("datasets", {}).items():
        aliases = [
            DatasetAlias(name=a) if isinstance(a, str) else DatasetAlias(**a) for a in spec.get("aliases", [])
        ]
        datasets[name] = DatasetEntry(
            name=name,
            task=spec.get("task"),
            metric=spec.get("metric"),
            aliases=aliases,
            subsets=spec.get("subsets", []),
            subset_aliases=spec.get("subset_aliases", {}),
            settings=spec.get("settings", []),
            source=spec.get("source"),
            exact=spec.get("exact", False),
        )
    metrics = {name: MetricEntry(name=name, **spec) for name, spec in data.get("metrics", {}).items()}
    lexicon = data.get("lexicon", {})
    return {
        "datasets": datasets,
        "metrics": metrics,
        "tasks": data.get("tasks", {}),
        # a model's aliases as a list, or as { aliases = [...], source = "where they are printed" }
        "models": {
            name: spec.get("aliases", []) if isinstance(spec, dict) else spec
            for name, spec in data.get("models", {}).items()
        },
        **{key: lexicon[key] for key in _LEXICON if key in lexicon},
    }


_LEXICON = ("languages", "variants", "api_families", "organisations")


def _merge(base: dict, extra: dict) -> dict:
    """Two name files as TOML gives them: the later one's entries over the earlier's, lexicon lists joined."""
    out = {
        key: {**base.get(key, {}), **extra.get(key, {})} for key in ("datasets", "metrics", "tasks", "models")
    }
    lexicon = {
        key: [*base.get("lexicon", {}).get(key, []), *extra.get("lexicon", {}).get(key, [])]
        for key in _LEXICON
    }
    return out | {"lexicon": lexicon}


def _cache_dir() -> Path | None:
    """Where the parsed built-in files are kept: $EXTRACTOR_CACHE_DIR (empty: nowhere), else the user's
    cache."""
    configured = os.environ.get("EXTRACTOR_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "extractor"


def _builtin_data() -> dict:
    """The built-in name files, parsed and merged. TOML parsing takes most of a one-document run's start-up
    (tomllib is pure Python), so the result is kept as JSON under the cache folder, keyed by the files'
    bytes: an edited file is parsed again, and a cache that cannot be read or written is only skipped."""
    sources = [(name, (DATA_DIR / name).read_bytes()) for name in NAME_FILES if (DATA_DIR / name).exists()]
    # the key covers this module too: a change to how the files are merged is never read from an old cache
    parts = [Path(__file__).read_bytes(), *(name.encode() + b"\0" + data for name, data in sources)]
    key = hashlib.sha256(b"\0".join(parts)).hexdigest()[:20]
    folder = _cache_dir()
    cached = folder / f"vocabulary-{key}.json" if folder else None
    if cached is not None:
        try:
            return json.loads(cached.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass
    raw: dict = {}
    for _, data in sources:
        raw = _merge(raw, tomllib.loads(data.decode("utf-8")))
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(raw), encoding="utf-8")
            os.replace(tmp, cached)
        except OSError:
            pass
    return raw


class VocabularyError(ValueError):
    """A user's name file that cannot be used as it is; the message names the file and the key."""


def _user_file(path: Path) -> dict:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as e:
        raise VocabularyError(f"{path}: cannot read: {e.strerror or e}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise VocabularyError(f"{path}: not a TOML alias file: {e}") from None
    for name, spec in data.get("metrics", {}).items():
        if isinstance(spec, dict) and "direction" in spec:
            raise VocabularyError(
                f"{path}: metrics.{name!r}.direction: metric directions are read from "
                "extractor/vocab/data/metric_directions.toml only; remove the key"
            )
    return data


def load_vocabulary(extra: Path | None = None) -> Vocabulary:
    """The built-in name files, with a user's file (same layout) merged over them; built once per
    process for each file (`load_vocabulary()` and `load_vocabulary(None)` are one).

    A `direction` on a metric of the user's file is an error (VocabularyError naming the file and
    the key), not ignored: directions are given in metric_directions.toml alone, and a direction
    silently dropped would leave the user's metric unranked or ranked the wrong way round.
    """
    return _vocabulary(extra)


@lru_cache(maxsize=8)  # called positionally only: lru_cache keys f(), f(None) and f(extra=None) apart
def _vocabulary(extra: Path | None) -> Vocabulary:
    raw = _builtin_data()
    if extra is not None:
        raw = _merge(raw, _user_file(Path(extra)))
    return Vocabulary(**_parse(raw))
