"""Precision and recall against the hand-made gold records of tests/gold/ (rules in its README).

    .venv/bin/python benchmarks/gold.py [--corpus ../shared/corpus/reports] [--cache DIR] [--wrong] [--misses]

For each gold table, the extracted tables it covers are those on its page whose caption has the
same number ('Table 6'), else those most of whose values the gold table holds. An extracted
record *would be published* when it has no flag and is not an ablation; it is right when one gold
record of the table has its value and agrees on dataset, model, metric (where gold names one) and
setting, each gold record used once.

- precision: right published records / published records, over gold tables;
- recall: gold records matched by some extracted record (flagged or not) / gold records;
- usable: gold records matched by a published record / gold records.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from pydantic import BaseModel

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.records import load, records_of  # noqa: E402
from extractor.model.document import Document  # noqa: E402
from extractor.model.record import ResultRecord  # noqa: E402
from extractor.vocab import Vocabulary, alias_key, load_vocabulary  # noqa: E402
from extractor.vocab.patterns import TABLE_NUMBER  # noqa: E402

GOLD = REPO / "tests" / "gold" / "records"
# An extracted table belongs to a gold table without a caption match when this share of its values is gold.
_VALUE_SHARE = 0.5


class GoldRecord(BaseModel):
    dataset: str
    model: str
    metric: str | None = None
    setting: str | None = None
    value: float


class GoldTable(BaseModel):
    page: int
    caption: str = ""
    kind: str = "results"
    layout: list[str] = []
    excluded: str | None = None
    records: list[GoldRecord] = []


class GoldReport(BaseModel):
    file: str
    annotator: str | None = None
    tables: list[GoldTable]


class TableScore(BaseModel):
    file: str
    page: int
    caption: str
    kind: str
    gold: int
    published: int
    right: int
    found: int
    usable: int
    wrong: list[str] = []
    missed: list[str] = []

    @property
    def precision(self) -> float:
        return self.right / self.published if self.published else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0


def load_gold(folder: Path = GOLD) -> list[GoldReport]:
    return [
        GoldReport.model_validate_json(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))
    ]


def same_name(a: str, b: str, kind: str, vocab: Vocabulary) -> bool:
    """Equal ignoring case, spaces and punctuation, or the same entry of the vocabulary."""
    if alias_key(a) == alias_key(b):
        return True
    if kind == "dataset":
        ea, eb = vocab.dataset(a), vocab.dataset(b)
        if ea and eb:
            return ea.entry.name == eb.entry.name
        # 'Bird-SQL (dev)' ~ 'BIRD (dev)': the same benchmark and the same subset
        (base_a, sub_a), (base_b, sub_b) = _subset_split(a), _subset_split(b)
        return bool(sub_a) and alias_key(sub_a) == alias_key(sub_b) and same_name(base_a, base_b, kind, vocab)
    if kind == "metric":
        ma, mb = vocab.metric(a), vocab.metric(b)
        return bool(ma and mb) and ma.name == mb.name
    return vocab.model(a) is not None and vocab.model(a) == vocab.model(b)


def _subset_split(name: str) -> tuple[str, str]:
    m = re.match(r"^(.*\S)\s*\(([^()]*)\)$", name)
    return (m.group(1), m.group(2)) if m else (name, "")


def setting_parts(setting: str | None) -> frozenset[str]:
    return frozenset((setting or "").casefold().split())


def agrees(rec: ResultRecord, gold: GoldRecord, vocab: Vocabulary) -> bool:
    return (
        abs(rec.value - gold.value) < 1e-9
        and same_name(gold.dataset, rec.dataset, "dataset", vocab)
        and same_name(gold.model, rec.model, "model", vocab)
        and (
            gold.metric is None
            or (rec.metric is not None and same_name(gold.metric, rec.metric, "metric", vocab))
        )
        and setting_parts(gold.setting) == setting_parts(rec.setting)
    )


def published(rec: ResultRecord) -> bool:
    return not rec.flags and rec.model_role != "ablation"


def covered_tables(doc: Document, gold: GoldTable, records: list[ResultRecord]) -> set[int]:
    """Indexes of the extracted tables the gold table covers (see the module docstring)."""
    number = TABLE_NUMBER.match(gold.caption or "")
    on_page = [t for t in doc.tables if t.page == gold.page]
    if number:
        same = {
            t.index
            for t in on_page
            if (m := TABLE_NUMBER.match(t.caption or "")) and m.group(1) == number.group(1)
        }
        if same:
            return same
    values = [round(g.value, 6) for g in gold.records]
    out = set()
    for t in on_page:
        own = [round(r.value, 6) for r in records if r.table_index == t.index]
        if own and sum(1 for v in own if v in values) >= _VALUE_SHARE * len(own):
            out.add(t.index)
    return out


def _label(r: ResultRecord | GoldRecord) -> str:
    return f"{r.dataset} | {r.model} | {r.metric or '-'} | {r.setting or '-'} | {r.value:g}"


def score_table(
    file: str, doc: Document, gold: GoldTable, records: list[ResultRecord], vocab: Vocabulary
) -> TableScore:
    tables = covered_tables(doc, gold, records)
    mine = [r for r in records if r.table_index in tables]
    used: set[int] = set()
    right, wrong = 0, []
    for rec in (r for r in mine if published(r)):
        hit = next((k for k, g in enumerate(gold.records) if k not in used and agrees(rec, g, vocab)), None)
        if hit is None:
            wrong.append(
                f"{_label(rec)}  [raw: {rec.dataset_raw} | {rec.model_raw}; table {rec.table_index} "
                f"r{rec.row} c{rec.col}]"
            )
        else:
            used.add(hit)
            right += 1
    found = set(used)
    for rec in (r for r in mine if not published(r)):
        hit = next((k for k, g in enumerate(gold.records) if k not in found and agrees(rec, g, vocab)), None)
        if hit is not None:
            found.add(hit)
    missed = [_label(g) for k, g in enumerate(gold.records) if k not in found]
    return TableScore(
        file=file,
        page=gold.page,
        caption=(gold.caption or "")[:60],
        kind=gold.kind,
        gold=len(gold.records),
        published=sum(1 for r in mine if published(r)),
        right=right,
        found=len(found),
        usable=len(used),
        wrong=wrong,
        missed=missed,
    )


def score(corpus: Path, cache: Path | None = None, gold: list[GoldReport] | None = None) -> list[TableScore]:
    vocab = load_vocabulary()
    out = []
    for report in gold if gold is not None else load_gold():
        path = corpus / report.file
        if not path.exists():
            continue
        doc = load(path, cache)
        records = records_of(doc)
        out += [score_table(report.file, doc, t, records, vocab) for t in report.tables]
    return out


def totals(scores: list[TableScore]) -> dict[str, float]:
    gold = sum(s.gold for s in scores)
    pub = sum(s.published for s in scores)
    return {
        "tables": len(scores),
        "reports": len({s.file for s in scores}),
        "gold": gold,
        "published": pub,
        "right": sum(s.right for s in scores),
        "precision": sum(s.right for s in scores) / pub if pub else 1.0,
        "recall": sum(s.found for s in scores) / gold if gold else 1.0,
        "usable": sum(s.usable for s in scores) / gold if gold else 1.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "reports")
    ap.add_argument("--cache", type=Path, default=None, help="keep read documents here as JSON")
    ap.add_argument("--wrong", action="store_true", help="list published records that match no gold record")
    ap.add_argument("--misses", action="store_true", help="list gold records nothing matched")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    scores = score(args.corpus, args.cache)
    if args.json:
        print(
            json.dumps(
                {
                    "tables": [s.model_dump(exclude={"wrong", "missed"}) for s in scores],
                    "overall": totals(scores),
                },
                indent=2,
            )
        )
        return
    print(
        f"{'report':<28} {'page':>4} {'kind':<11} {'gold':>4} {'pub':>4} {'right':>5} {'prec':>5} "
        f"{'recall':>6}  caption"
    )
    for s in scores:
        print(
            f"{s.file[:28]:<28} {s.page:>4} {s.kind:<11} {s.gold:>4} {s.published:>4} {s.right:>5} "
            f"{s.precision:>5.2f} "
            f"{s.recall:>6.2f}  {s.caption}"
        )
        for line in s.wrong if args.wrong else []:
            print(f"    wrong  {line}")
        for line in s.missed if args.misses else []:
            print(f"    missed {line}")
    t = totals(scores)
    print(
        f"overall: {t['tables']} tables from {t['reports']} reports, {t['gold']} gold records; "
        f"precision {t['precision']:.3f} ({t['right']}/{t['published']}), recall {t['recall']:.3f}, usable "
        f"{t['usable']:.3f}"
    )


if __name__ == "__main__":
    main()
