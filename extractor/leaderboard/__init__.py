"""Leaderboards from the store: one board per benchmark and metric class, one row per model.

- **One board per benchmark** (task, dataset, subset) **and metric class**: metrics that measure
  the same thing on the benchmark (accuracy, EM, Pass@1 on a multiple-choice benchmark; data in
  vocab/data/metric_classes.toml) share one board, titled with the benchmark's default metric;
  each row keeps the metric as printed (`metric_raw`). `by_setting` splits a board per setting.
- **One row per model**: spellings of one model (case, punctuation, spacing: vocab.model_identity)
  are one row, shown under the spelling most records use (ties: the first in store order), the
  name as printed kept in `model_raw`; different sizes, versions or variants stay apart. A model's
  row is its best value (highest or lowest, as the metric's direction says), with the setting and
  the paper it came from. Several settings of one model compete as one model unless split.
- Ties rank equal, competition style (1, 1, 3). A metric whose direction is unknown is listed in
  store order with no rank. `rank` is this board's; `global_rank` only ever the rank a source
  printed (a leaderboard page's "Global Rank").
- **One unit per board**: the unit its rows agree on; `unit` is None when they disagree. A share
  printed as fractions ('0.168') is shown as the percentage it is (leaderboard.units).
- Records with any flag in DOUBTFUL_FLAGS, and a document's own ablation variants, stay out unless
  asked for: a leaderboard is for results nobody doubts. Reviewers' decisions (`extractor review`)
  are applied first: a rejected record is always out, an accepted or corrected one (its corrected
  fields applied) is in whatever its flags; `reviewed_only` keeps only those.
"""

from __future__ import annotations

import sys
import types
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from extractor.formats.atomic import write_text
from extractor.formats.evaltables import evaluation_tables_json
from extractor.formats.leaderboard_files import leaderboards_csv, leaderboards_json
from extractor.formats.model_index import model_index_text
from extractor.leaderboard.frame import BoardRows
from extractor.leaderboard.units import RecordKey, as_percentages, record_key
from extractor.model.leaderboard import NO_METRIC, NO_TASK, Leaderboard, LeaderboardRow
from extractor.model.options import BoardFormat, LeaderboardOptions
from extractor.model.record import RECORD_FLAGS
from extractor.model.review import apply_reviews
from extractor.model.stored import StoredRecord
from extractor.store import open_store
from extractor.vocab.directions import Direction, metric_direction
from extractor.vocab.metric_classes import board_metric
from extractor.vocab.model_identity import model_key
from extractor.vocab.names import Vocabulary, load_vocabulary

# Every record flag is a doubt about what the record is; each keeps the record out of exports.
DOUBTFUL_FLAGS = frozenset(RECORD_FLAGS)
# What a reviewer's decision makes of a record: one a leaderboard takes whatever its flags.
VOUCHED = frozenset({"accepted", "corrected"})


def is_doubtful(rec: StoredRecord) -> bool:
    """Flagged, or a variant from the document's own ablations: neither belongs on a leaderboard,
    unless a reviewer accepted or corrected it."""
    if rec.review in VOUCHED:
        return False
    return bool(DOUBTFUL_FLAGS.intersection(rec.flags)) or rec.model_role == "ablation"


def select_records(
    records: Iterable[StoredRecord], options: LeaderboardOptions = LeaderboardOptions()
) -> list[StoredRecord]:
    def same(wanted: str | None, value: str | None) -> bool:
        return wanted is None or (value or "").casefold() == wanted.casefold()

    return [
        r
        for r in records
        if r.review != "rejected"
        and (not options.reviewed_only or r.review in VOUCHED)
        and (options.include_doubtful or not is_doubtful(r))
        and same(options.task, r.task)
        and same(options.dataset, r.dataset)
        and same(options.metric, r.metric)
        and same(options.setting, r.setting)
    ]


def display_names(records: Iterable[StoredRecord]) -> dict[str, str]:
    """Per model identity, the spelling most records use; ties go to the first in store order."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for rec in records:
        counts[model_key(rec.model)][rec.model] += 1  # Counter keeps first-seen order among equals
    return {key: names.most_common(1)[0][0] for key, names in counts.items()}


def board_key(rec: StoredRecord, vocab: Vocabulary, by_setting: bool = False) -> tuple:
    metric = board_metric(rec.metric, rec.dataset, vocab) if rec.metric else NO_METRIC
    return (
        tuple(rec.parent_tasks),
        rec.task or NO_TASK,
        rec.dataset,
        rec.subdataset,
        metric,
        rec.setting if by_setting else None,
    )


def better(a: float, b: float, direction: Direction) -> bool:
    return a > b if direction == "higher" else a < b


def best_per_model(records: list[StoredRecord], direction: Direction | None) -> list[StoredRecord]:
    """Each model's best record (spellings of one model are one), in order of first appearance; the
    first of equal values wins."""
    best: dict[str, StoredRecord] = {}
    for rec in records:
        key = model_key(rec.model)
        held = best.get(key)
        if held is None or (direction is not None and better(rec.value, held.value, direction)):
            best[key] = rec
    return list(best.values())


def competition_ranks(values: list[float], direction: Direction) -> list[int]:
    """Ranks of values already sorted best first: equal values share a rank, the next skips (1, 1, 3)."""
    ranks: list[int] = []
    for i, v in enumerate(values):
        ranks.append(ranks[-1] if i and v == values[i - 1] else i + 1)
    return ranks


def rank_board(
    records: list[StoredRecord],
    direction: Direction | None,
    names: dict[str, str] | None = None,
    scaled: set[RecordKey] | None = None,
) -> list[LeaderboardRow]:
    names, scaled = names or display_names(records), scaled or set()
    rows = best_per_model(records, direction)
    if direction is None:
        return [_row(r, None, names, scaled) for r in rows]
    rows.sort(key=lambda r: -r.value if direction == "higher" else r.value)  # stable: ties keep store order
    ranks = competition_ranks([r.value for r in rows], direction)
    return [_row(r, rank, names, scaled) for r, rank in zip(rows, ranks, strict=True)]


def board_unit(records: list[StoredRecord]) -> str | None:
    """The unit a board's values share: the one unit its records give (some may give none); None when
    they give two."""
    units = {r.unit for r in records if r.unit}
    return units.pop() if len(units) == 1 else None


def _row(
    rec: StoredRecord, rank: int | None, names: dict[str, str], scaled: set[RecordKey]
) -> LeaderboardRow:
    return LeaderboardRow(
        rank=rank,
        model=names.get(model_key(rec.model), rec.model),
        model_raw=rec.model_raw,
        value=rec.value,
        unit=rec.unit,
        value_raw=rec.value_raw,
        value_scale=100 if record_key(rec) in scaled else None,
        review=rec.review,
        metric_raw=rec.metric_raw or rec.metric,
        setting=rec.setting,
        global_rank=rec.global_rank,
        rank_source="source" if rec.global_rank is not None else None,
        paper_title=rec.paper_title,
        paper_url=rec.paper_url,
        paper_date=rec.paper_date,
        doc_id=rec.doc_id,
        source=rec.source,
    )


def build_leaderboards(
    records: Iterable[StoredRecord],
    options: LeaderboardOptions = LeaderboardOptions(),
    aliases: Vocabulary | None = None,
) -> list[Leaderboard]:
    """Leaderboards in order of first appearance in the store (documents by id, then position)."""
    aliases = aliases or load_vocabulary()
    shown, scaled = as_percentages(list(records))
    chosen = select_records(shown, options)
    names = display_names(chosen)
    groups: dict[tuple, list[StoredRecord]] = defaultdict(list)
    for rec in chosen:
        groups[board_key(rec, aliases, options.by_setting)].append(rec)
    boards = []
    for (parents, task, dataset, subdataset, metric, setting), recs in groups.items():
        direction = metric_direction(metric if metric != NO_METRIC else None, aliases)
        boards.append(
            Leaderboard(
                task=task,
                parent_tasks=list(parents),
                dataset=dataset,
                subdataset=subdataset,
                metric=metric,
                direction=direction,
                unit=board_unit(recs),
                setting=setting,
                rows=rank_board(recs, direction, names, scaled),
            )
        )
    return boards


def export_evaluation_tables(
    records: Iterable[StoredRecord], options: LeaderboardOptions = LeaderboardOptions()
) -> str:
    """The records a leaderboard would show (doubtful ones left out, shares printed as fractions as
    percentages) as evaluation-tables JSON."""
    return evaluation_tables_json(select_records(as_percentages(list(records))[0], options))


def store_leaderboards(
    db: str | Path | None = None, options: LeaderboardOptions = LeaderboardOptions()
) -> list[Leaderboard]:
    """The leaderboards of the results store at `db` (default output/results.db).

    Raises StoreError when the store cannot be read, or is a SQLite file that is not there (reading
    never creates an empty store).
    """
    return build_leaderboards(_stored_records(db), options)


def publish(
    db: str | Path | None = None,
    options: LeaderboardOptions = LeaderboardOptions(),
    fmt: BoardFormat = BoardFormat.json,
    out: Path | None = None,
) -> None:
    """Write the leaderboards of the results store at `db` (default output/results.db) as `fmt` to
    `out`, atomically, or to stdout when `out` is None (`extractor leaderboard`).

    `csv` and `json` (schemas/leaderboard.schema.json) hold the ranked rows (`table` is for people:
    the CLI renders store_leaderboards(); here it falls back to JSON); `evaluation-tables` is
    Papers with Code's JSON of the records a leaderboard would show. Raises StoreError as
    store_leaderboards() does, before anything is written.
    """
    records = _stored_records(db)
    if fmt == BoardFormat.evaluation_tables:
        return write_text(out, export_evaluation_tables(records, options))
    boards = build_leaderboards(records, options)
    if fmt == BoardFormat.model_index:
        return write_text(out, model_index_text(boards))
    write_text(out, leaderboards_csv(boards) if fmt == BoardFormat.csv else leaderboards_json(boards))


def leaderboard_rows(db: str | Path | None = None, options: LeaderboardOptions | None = None) -> BoardRows:
    """Every ranked row of the store's leaderboards, for a library caller: `extractor.leaderboard(db)`
    is this; `.to_pandas()` gives a DataFrame."""
    return BoardRows(store_leaderboards(db, options or LeaderboardOptions()))


def _stored_records(db: str | Path | None) -> list[StoredRecord]:
    """The store's records as reviewed: corrections applied, `review` set (rejected ones are left
    out by select_records)."""
    with open_store(db, must_exist=True) as store:
        return apply_reviews(store.records(), store.reviews())


class _CallableModule(types.ModuleType):
    """`extractor.leaderboard(db, options)` calls leaderboard_rows; the module's names stay importable."""

    def __call__(self, db: str | Path | None = None, options: LeaderboardOptions | None = None) -> BoardRows:
        return leaderboard_rows(db, options)


sys.modules[__name__].__class__ = _CallableModule
