"""Are the leaderboards publishable? Boards per benchmark, rows per model, merges (issue 12).

    .venv/bin/python benchmarks/leaderboards.py [--db STORE] [--corpus DIR] [--merges] [--conflicts]

Without --db, every ../shared/corpus/reports/*.pdf is run (two workers) into a temporary folder
and its store is read. Over the records a leaderboard takes (no flag, no ablation), it prints:

- "naive": boards keyed by the exact (task, dataset, subset, metric) and rows by the exact model
  name, as extractor did before issue 12; "now": build_leaderboards() (metric classes, model
  identity). Run it with --db on a store made before issue 12 for the true "before" (the task of
  a benchmark came then from a table's category too);
- boards and datasets, datasets spread over several boards, the most split ones;
- rows, and rows merged by model identity;
- rows of one board whose names differ only in case or punctuation (alias_key): should be 0 now,
  but for names the identity keeps apart on purpose (a decimal point: '2.5' is not '25');
- with --merges, every model identity printed more than one way, with its spellings and counts,
  for a hand check that no two models were merged;
- the cross-document conflicts `extractor validate` finds among the store's records (one model,
  benchmark, metric class and setting with different values in different documents), listed with
  --conflicts, for a hand check against the PDFs.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from extractor.checks.cross_document import cross_document_conflicts
from extractor.leaderboard import build_leaderboards, select_records
from extractor.model.issues import ref_of
from extractor.model.stored import StoredRecord
from extractor.store import open_store
from extractor.vocab import alias_key, load_vocabulary
from extractor.vocab.model_identity import model_key

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
SHOWN = 8  # most split datasets listed


def naive_boards(records: list[StoredRecord]) -> dict[tuple, list[StoredRecord]]:
    boards: dict[tuple, list[StoredRecord]] = defaultdict(list)
    for r in records:
        boards[(r.task, r.dataset, r.subdataset, r.metric)].append(r)
    return boards


def spelling_duplicates(rows_per_board: list[list[str]]) -> list[tuple[str, ...]]:
    """Per board, the groups of row names equal but for case and punctuation."""
    found = []
    for names in rows_per_board:
        groups: dict[str, set[str]] = defaultdict(set)
        for name in names:
            groups[alias_key(name)].add(name)
        found += [tuple(sorted(g)) for g in groups.values() if len(g) > 1]
    return found


def split_datasets(pairs: list[tuple[str, str]]) -> Counter[str]:
    """Boards per dataset, from (dataset, board) pairs."""
    return Counter(dataset for dataset, _ in set(pairs))


def report(records: list[StoredRecord], show_merges: bool, show_conflicts: bool) -> None:
    taken = select_records(records)
    vocab = load_vocabulary()
    naive = naive_boards(taken)
    now = build_leaderboards(records, aliases=vocab)
    naive_rows = [sorted({r.model for r in recs}) for recs in naive.values()]
    now_rows = [[row.model for row in b.rows] for b in now]
    before = split_datasets([(k[1], repr(k)) for k in naive])
    after = split_datasets([(b.dataset, repr(board_key_of(b))) for b in now])
    print(f"records a leaderboard takes: {len(taken)} of {len(records)}")
    print(f"{'':34} {'naive':>8} {'now':>8}")
    print(f"{'boards':34} {len(naive):>8} {len(now):>8}")
    print(f"{'datasets':34} {len(before):>8} {len(after):>8}")
    print(
        f"{'datasets over several boards':34} {sum(n > 1 for n in before.values()):>8} "
        f"{sum(n > 1 for n in after.values()):>8}"
    )
    print(f"{'rows (model per board)':34} {sum(map(len, naive_rows)):>8} {sum(map(len, now_rows)):>8}")
    naive_dups, now_dups = spelling_duplicates(naive_rows), spelling_duplicates(now_rows)
    print(
        f"{'rows differing only in spelling':34} {sum(len(g) - 1 for g in naive_dups):>8} "
        f"{sum(len(g) - 1 for g in now_dups):>8}"
    )
    print("\nmost split datasets (boards naive -> now):")
    for dataset, n in before.most_common(SHOWN):
        print(f"  {dataset}: {n} -> {after.get(dataset, 0)}")
    if now_dups:
        print("\nnames equal but for case and punctuation, kept apart by model identity:")
        for group in sorted(set(now_dups)):
            print("  " + " | ".join(group))
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for r in taken:
        spellings[model_key(r.model)][r.model] += 1
    merged = {k: c for k, c in spellings.items() if len(c) > 1}
    print(
        f"\nmodel identities printed more than one way: {len(merged)} "
        f"({sum(len(c) for c in merged.values())} spellings)"
    )
    if show_merges:
        for key in sorted(merged):
            print(f"  {key}: " + "; ".join(f"{name} ({n})" for name, n in merged[key].most_common()))
    data = [r.model_dump() for r in records]
    conflicts = cross_document_conflicts([(d, ref_of(d, "results.db", None)) for d in data], [], vocab)
    print(f"\ncross-document conflicts: {len(conflicts)}")
    if show_conflicts:
        for n, issue in enumerate(conflicts, start=1):
            print(f"  {n}. {issue.reason}")


def board_key_of(board) -> tuple:
    return (board.task, board.dataset, board.subdataset, board.metric, board.setting)


def stored_records(db: str) -> list[StoredRecord]:
    with open_store(db, must_exist=True) as store:
        return store.records()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", help="a results store to read instead of running the corpus")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--merges", action="store_true", help="list every merge of differently printed names")
    parser.add_argument("--conflicts", action="store_true", help="list every cross-document conflict")
    args = parser.parse_args()
    if args.db:
        return report(stored_records(args.db), args.merges, args.conflicts)
    pdfs = sorted((args.corpus / "reports").glob("*.pdf"))
    if not pdfs:
        raise SystemExit(f"no reports under {args.corpus / 'reports'}")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        cmd = [sys.executable, "-m", "extractor", "run", *map(str, pdfs), "-o", str(out), "--workers", "2"]
        subprocess.run(cmd, check=False, stderr=subprocess.DEVNULL, cwd=REPO)
        print(f"{len(pdfs)} reports from {args.corpus / 'reports'}")
        report(stored_records(str(out / "results.db")), args.merges, args.conflicts)


if __name__ == "__main__":
    main()
