"""The vocabulary's data files: they parse, and no name means two things."""

from __future__ import annotations

import tomllib

from extractor.vocab import alias_key, load_vocabulary
from extractor.vocab.names import DATA_DIR, NAME_FILES


def test_no_benchmark_name_or_alias_belongs_to_two_entries():
    owners: dict[str, str] = {}
    clashes = []
    for name in NAME_FILES:
        data = tomllib.loads((DATA_DIR / name).read_text(encoding="utf-8"))
        for key, spec in data.get("datasets", {}).items():
            aliases = [a if isinstance(a, str) else a["name"] for a in spec.get("aliases", [])]
            for label in {alias_key(x) for x in [key, *aliases]}:
                if owners.get(label, key) != key:
                    clashes.append(f"{label}: {owners[label]} / {key}")
                owners[label] = key
    assert clashes == []


def test_distinct_splits_are_distinct_benchmarks():
    vocab = load_vocabulary()
    assert vocab.dataset("GPQA-Diamond").entry.name == "GPQA Diamond"
    assert vocab.dataset("GPQA").entry.name == "GPQA"
    # column heads cut short as reports print them
    assert [vocab.dataset(h).entry.name for h in ("HumanE", "HellaS", "SWE Verified", "IN-A")] == [
        "HumanEval",
        "HellaSwag",
        "SWE-bench Verified",
        "ImageNet-A",
    ]
    assert len(vocab.datasets) > 1900  # tasklists.toml loaded too


def test_subsets_languages_variants_and_api_families():
    vocab = load_vocabulary()
    assert vocab.language("french") == "French"
    assert vocab.is_variant("IT") and vocab.is_variant("inst.") and not vocab.is_variant("Pro")
    assert vocab.is_api_model("Gemini 1.5 Flash") and vocab.is_api_model("GPT-4o-0513")
    assert not vocab.is_api_model("Gemma 3 27B")


def test_the_parsed_built_in_files_are_cached_by_their_bytes_and_a_bad_cache_is_skipped(
    tmp_path, monkeypatch
):
    from extractor.vocab import names

    monkeypatch.setenv("EXTRACTOR_CACHE_DIR", str(tmp_path))
    first = names._builtin_data()
    (cached,) = tmp_path.glob("vocabulary-*.json")
    assert names._builtin_data() == first
    cached.write_text("{not json", encoding="utf-8")
    assert names._builtin_data() == first  # parsed again from the TOML files
    monkeypatch.setenv("EXTRACTOR_CACHE_DIR", "")
    assert names._builtin_data() == first and len(first["datasets"]) > 1900


def test_every_built_in_model_alias_says_where_it_comes_from_and_user_lists_still_load(tmp_path):
    data = tomllib.loads((DATA_DIR / "aliases.toml").read_text(encoding="utf-8"))
    assert data["models"] and all(
        spec.get("source") and spec.get("aliases") for spec in data["models"].values()
    )
    extra = tmp_path / "mine.toml"
    extra.write_text('[models]\n"Nimbus 2" = ["Nimbus-II", "NB2"]\n', encoding="utf-8")
    vocab = load_vocabulary(extra)
    assert (vocab.model("NB2"), vocab.model("LLaMA3 70B Inst."), vocab.model("Llama-2")) == (
        "Nimbus 2",
        "LLaMA3 70B Instruct",
        "LLaMA 2",
    )
