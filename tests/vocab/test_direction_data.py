"""Metric directions come from metric_directions.toml alone; the name files hold no directions."""

from __future__ import annotations

import tomllib

import pytest

from extractor.model.errors import AliasFileError
from extractor.model.options import NormalizeOptions
from extractor.normalize import aliases_for
from extractor.vocab import alias_key, load_vocabulary
from extractor.vocab.directions import DATA, metric_direction
from extractor.vocab.names import DATA_DIR, NAME_FILES, VocabularyError


def _directions() -> dict[str, str]:
    data = tomllib.loads(DATA.read_text(encoding="utf-8"))
    return {alias_key(name): d for name, d in data["metrics"].items()}


def test_no_name_file_gives_a_direction():
    given = [
        f"{name}: {metric}"
        for name in NAME_FILES
        for metric, spec in tomllib.loads((DATA_DIR / name).read_text(encoding="utf-8"))
        .get("metrics", {})
        .items()
        if isinstance(spec, dict) and "direction" in spec
    ]
    assert given == []


def test_every_canonical_metric_has_its_direction_and_its_aliases_share_it():
    # each metric of the name files had a direction before they moved here; none may be lost
    directions = _directions()
    vocab = load_vocabulary()
    assert [m for m in vocab.metrics if alias_key(m) not in directions] == []
    for entry in vocab.metrics.values():
        for alias in entry.aliases:
            assert metric_direction(alias) == directions[alias_key(entry.name)], (entry.name, alias)


def test_a_direction_in_a_users_alias_file_is_an_error_naming_file_and_key(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[metrics]\n"Vibes" = { aliases = ["vibe"], direction = "higher" }\n', encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"mine\.toml: metrics\.'Vibes'\.direction"):
        load_vocabulary(path)
    # in a run the input fails with that reason, not as an internal error
    with pytest.raises(AliasFileError, match="metric_directions.toml"):
        aliases_for(NormalizeOptions(aliases=path))


def test_users_alias_of_a_known_metric_takes_its_direction(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('[metrics]\n"Perplexity" = { aliases = ["PPX"] }\n', encoding="utf-8")
    assert metric_direction("PPX", load_vocabulary(path)) == "lower"
