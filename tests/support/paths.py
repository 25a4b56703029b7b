"""Where the tests find the repository, its samples and ../shared/corpus. `corpus_path(...)` is the
one way tests reach ../shared/corpus: it skips the calling test when the corpus (or that file) is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
CORPUS = REPO.parent / "shared" / "corpus"


def corpus_path(*parts: str) -> Path:
    """Path inside ../shared/corpus, or skip the calling test when the corpus (or that file) is absent."""
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"corpus file absent: {path}")
    return path
