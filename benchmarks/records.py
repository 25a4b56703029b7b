"""Record recall and a precision proxy on reports whose authors also published their tables in a README.

    .venv/bin/python benchmarks/records.py [--corpus ../shared/corpus/reports] [--cache DIR] [--misses]

For each report (qwen, deepseek-v2, orion-14b) the authors' README tables, read by the tool itself,
give (benchmark, model, value) triples; the ground truth is the triples whose value is also printed
in the PDF, on one printed row (words sharing a baseline) together with another value of the same
README row: a lone number matching is a coincidence in a 40-page report full of tables, two of
one row side by side are that row. A triple is found when one of the PDF's records has the
same canonical dataset (both sides go through the alias data), the same value, and a model name
that names the same model: equal once case, spaces and punctuation are ignored, or one name's
words contained in the other's ('DeepSeek-V2' ~ 'DeepSeek-V2 (MoE-236B)'; 'Inst.' ~ 'Instruct')
with the same size.

- recall: the share of ground-truth triples some PDF record contains.
- precision proxy: the share of the PDF's records that come from tables the authors also
  published, i.e. tables at least two of whose records are ground-truth triples.

Records flagged for review (the `flags` field) are counted like the others; the figures report
how many there are. `--cache DIR` keeps each read document as JSON so a second run only redoes
the records; `--misses` lists what was not found.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from pydantic import BaseModel

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from extractor import readers  # noqa: E402
from extractor.model.document import Document  # noqa: E402
from extractor.model.options import RunOptions  # noqa: E402
from extractor.model.record import ResultRecord  # noqa: E402
from extractor.readers import InputRef  # noqa: E402
from extractor.run.pipeline import extract_document  # noqa: E402
from extractor.vocab.names import alias_key  # noqa: E402

PAIRS = {
    "qwen": ("qwen-technical-report.pdf", "readme/qwen.README.md"),
    "deepseek-v2": ("deepseek-v2-tech-report.pdf", "readme/deepseek-v2.README.md"),
    "orion-14b": ("orion-14b-techreport.pdf", "readme/orion-14b.README.md"),
}
# Words that qualify a name without changing which model it is, and short forms READMEs spell out.
_SAME_WORDS = {"inst": "instruct", "base": "", "dense": "", "moe": ""}
_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")


class Triple(BaseModel):
    dataset: str
    model: str
    value: float
    value_raw: str


def load(path: Path, cache: Path | None) -> Document:
    cached = cache / (path.name + ".json") if cache else None
    if cached and cached.exists():
        return Document.model_validate_json(cached.read_text(encoding="utf-8"))
    doc = readers.load(InputRef(source=str(path), path=path), RunOptions())
    if cached:
        cache.mkdir(parents=True, exist_ok=True)
        cached.write_text(doc.model_dump_json(), encoding="utf-8")
    return doc


def records_of(doc: Document) -> list[ResultRecord]:
    return extract_document(doc.model_copy(deep=True), RunOptions()).records


def name_words(name: str) -> list[str]:
    """'DeepSeek-V2 Chat (SFT)' -> ['deepseek', 'v2', 'chat', 'sft']; 'LLaMA2-7B' -> ['llama', '2', '7b']."""
    words = re.findall(
        r"\d+(?:\.\d+)?[bmk]\b|\d+x\d+b|[a-z]+\d*|\d+(?:\.\d+)?", name.casefold().replace("_", ".")
    )
    out = []
    for w in words:
        w = _SAME_WORDS.get(w, w)
        if w:
            out.append(w)
    return out


def _without_neutral(name: str) -> str:
    """'LLAMA 2 7B Base' -> 'LLAMA 2 7B': a caption's 'base models' adds a word the README leaves out."""
    return " ".join(
        w for w in re.split(r"[\s-]+", name) if _SAME_WORDS.get(w.casefold().strip("."), None) != ""
    )


def same_model(a: str, b: str) -> bool:
    if alias_key(a) == alias_key(b) or alias_key(_without_neutral(a)) == alias_key(_without_neutral(b)):
        return True
    wa, wb = name_words(a), name_words(b)
    sizes_a = {w for w in wa if re.fullmatch(r"\d+(\.\d+)?b|\d+x\d+b", w)}
    sizes_b = {w for w in wb if re.fullmatch(r"\d+(\.\d+)?b|\d+x\d+b", w)}
    if sizes_a and sizes_b and sizes_a != sizes_b:
        return False
    rest_a, rest_b = set(wa) - sizes_a, set(wb) - sizes_b
    if not (rest_a and rest_b):
        return False
    short, long = (rest_a, rest_b) if len(rest_a) <= len(rest_b) else (rest_b, rest_a)
    # 'DeepSeek-V2-Lite Chat' ~ 'DeepSeek-V2-Lite 16B Chat (SFT)', but 'Chat (SFT)' is not 'Chat (RL)'
    return short <= long and _variants(short) <= _variants(long)


def _variants(words: set[str]) -> set[str]:
    return words & {
        "chat",
        "instruct",
        "sft",
        "rl",
        "lite",
        "int4",
        "int8",
        "longchat",
        "rag",
        "plugin",
        "code",
        "math",
    }


def pdf_rows(path: Path, cache: Path | None) -> list[set[str]]:
    """The numbers printed on each row of each page: words sharing a baseline, whatever the column."""
    cached = cache / (path.name + ".rows.json") if cache else None
    if cached and cached.exists():
        return [set(r) for r in json.loads(cached.read_text(encoding="utf-8"))]
    import pypdfium2 as pdfium

    from extractor.readers.pdf.words import read_page

    rows: list[set[str]] = []
    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            by_line: dict[int, set[str]] = defaultdict(set)
            for w in read_page(page, i + 1).words:
                text = w.text.strip("*†‡()[],;")
                if _NUMBER.match(text):
                    by_line[round(w.baseline)].add(text)
            page.close()
            rows += [v for _, v in sorted(by_line.items())]
    finally:
        pdf.close()
    if cached:
        cached.write_text(json.dumps([sorted(r) for r in rows]), encoding="utf-8")
    return rows


def truth(readme: list[ResultRecord], rows: list[set[str]]) -> list[Triple]:
    """README values printed in the PDF on one row with another value of their README row."""
    by_row: dict[tuple[int, int], list[ResultRecord]] = defaultdict(list)
    for r in readme:
        by_row[(r.table_index, r.row)].append(r)
    out: dict[tuple, Triple] = {}
    for recs in by_row.values():
        raws = {r.value_raw.strip("*† ") for r in recs}
        best = max((raws & row for row in rows), key=len, default=set())
        if len(best) < min(2, len(raws)):
            continue
        for r in recs:
            raw = r.value_raw.strip("*† ")
            if raw in best:
                out.setdefault(
                    (r.dataset, r.model, r.value),
                    Triple(dataset=r.dataset, model=r.model, value=r.value, value_raw=raw),
                )
    return list(out.values())


def dataset_key(name: str) -> str:
    """A version window in brackets is dropped: 'LiveCodeBench (0901-0401)' ~ 'LiveCodeBench'."""
    return alias_key(re.sub(r"\s*\([\d\s./-]+\)$", "", name))


def match(triples: list[Triple], records: list[ResultRecord]) -> tuple[list[Triple], dict[int, int]]:
    """The triples found, and per PDF table the number of its records that are ground truth."""
    by_key: dict[tuple[str, float], list[ResultRecord]] = defaultdict(list)
    for r in records:
        by_key[(dataset_key(r.dataset), round(r.value, 4))].append(r)
    found, per_table = [], defaultdict(int)
    for t in triples:
        hits = [
            r
            for r in by_key.get((dataset_key(t.dataset), round(t.value, 4)), [])
            if same_model(t.model, r.model)
        ]
        if hits:
            found.append(t)
            for table in {r.table_index for r in hits}:
                per_table[table] += 1
    return found, per_table


def measure(name: str, corpus: Path, cache: Path | None, misses: bool) -> dict:
    pdf_name, readme_name = PAIRS[name]
    pdf_doc, readme_doc = load(corpus / pdf_name, cache), load(corpus / readme_name, cache)
    records = records_of(pdf_doc)
    triples = truth(records_of(readme_doc), pdf_rows(corpus / pdf_name, cache))
    found, per_table = match(triples, records)
    published = {t for t, n in per_table.items() if n >= 2}
    from_published = sum(1 for r in records if r.table_index in published)
    if misses:
        for t in triples:
            if t not in found:
                print(f"  miss {name}: {t.dataset} | {t.model} | {t.value_raw}")
        for i, table in enumerate(pdf_doc.tables):
            n = sum(1 for r in records if r.table_index == i)
            if n and i not in published:
                print(
                    f"  unpublished {name} table {i} p{table.page}: {n} records: {(table.caption or '')[:70]}"
                )
    return {
        "report": name,
        "truth": len(triples),
        "found": len(found),
        "recall": len(found) / len(triples) if triples else 0.0,
        "records": len(records),
        "flagged": sum(1 for r in records if r.flags),
        "from_published": from_published,
        "precision_proxy": from_published / len(records) if records else 0.0,
        "unflagged": sum(1 for r in records if not r.flags),
        "unflagged_published": sum(1 for r in records if not r.flags and r.table_index in published),
        "tables": len(pdf_doc.tables),
        "published_tables": len(published),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "reports")
    ap.add_argument("--cache", type=Path, default=None, help="keep read documents here as JSON")
    ap.add_argument("--misses", action="store_true", help="list ground-truth triples not found")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("reports", nargs="*", help=f"some of {list(PAIRS)} (default: all)")
    args = ap.parse_args()
    rows = [measure(n, args.corpus, args.cache, args.misses) for n in (args.reports or list(PAIRS))]
    keys = (
        "truth",
        "found",
        "records",
        "flagged",
        "from_published",
        "tables",
        "published_tables",
        "unflagged",
        "unflagged_published",
    )
    total = {k: sum(r[k] for r in rows) for k in keys}
    total |= {
        "report": "overall",
        "recall": total["found"] / max(total["truth"], 1),
        "precision_proxy": total["from_published"] / max(total["records"], 1),
    }
    rows.append(total)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(
        f"{'report':<12} {'truth':>5} {'found':>5} {'recall':>6}  {'records':>7} {'published':>9} "
        f"{'precision':>9}  "
        f"{'unflagged':>9} {'published':>9} {'precision':>9}"
    )
    for r in rows:
        unflagged = r["unflagged_published"] / max(r["unflagged"], 1)
        print(
            f"{r['report']:<12} {r['truth']:>5} {r['found']:>5} {r['recall']:>6.3f}  {r['records']:>7} "
            f"{r['from_published']:>9} {r['precision_proxy']:>9.3f}  {r['unflagged']:>9} "
            f"{r['unflagged_published']:>9} {unflagged:>9.3f}"
        )


if __name__ == "__main__":
    main()
