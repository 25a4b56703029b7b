"""Hugging Face `model-index` blocks: one per model, the YAML a model card's metadata holds, written
by huggingface_hub's own ModelCardData (so the Hub's parser reads back what is written; install
`extractor[hub]`).

Each result is one leaderboard row of the model: task (type: a slug of the task, name: as shown),
dataset (type: a slug of the benchmark, the Hub id not being known here; name: the benchmark),
metric (type: a slug of the board's metric, name: the metric as printed, value), the setting as
the metric's config and, for 'k-shot', `num_few_shot: k` among the dataset's args (the form Open
LLM Leaderboard cards use), and the paper as the source when it has a URL (the Hub takes a source
only with one).
"""

from __future__ import annotations

import re

from extractor.model.errors import ExportError
from extractor.model.leaderboard import Leaderboard

_SHOTS = re.compile(r"^(\d+)-shot\b")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "unspecified"


def model_index_blocks(boards: list[Leaderboard]) -> dict[str, str]:
    """Per model (as the boards show it), the YAML of its `model-index` block, in order of first
    appearance."""
    try:
        from huggingface_hub import EvalResult, ModelCardData
    except ImportError:
        raise ExportError(
            "the model-index export needs huggingface_hub: pip install 'extractor[hub]'"
        ) from None
    results: dict[str, list] = {}
    for board in boards:
        for row in board.rows:
            shots = _SHOTS.match(row.setting or "")
            results.setdefault(row.model, []).append(
                EvalResult(
                    task_type=_slug(board.task),
                    task_name=board.task,
                    dataset_type=_slug(board.dataset),
                    dataset_name=board.dataset,
                    dataset_config=board.subdataset,
                    dataset_args={"num_few_shot": int(shots.group(1))} if shots else None,
                    metric_type=_slug(board.metric),
                    metric_name=row.metric_raw or board.metric,
                    metric_value=row.value,
                    metric_config=row.setting,
                    # the Hub takes a source only with its URL: a PDF read from disk has none
                    source_name=(row.paper_title or row.paper_url) if row.paper_url else None,
                    source_url=row.paper_url,
                )
            )
    cards = {model: ModelCardData(model_name=model, eval_results=rows) for model, rows in results.items()}
    return {model: card.to_yaml().rstrip() + "\n" for model, card in cards.items()}


def model_index_text(boards: list[Leaderboard]) -> str:
    """Every model's block as one YAML stream: a document per model, each headed by a comment naming it."""
    blocks = model_index_blocks(boards)
    return "".join(f"# {model}\n---\n{block.rstrip()}\n" for model, block in blocks.items())
