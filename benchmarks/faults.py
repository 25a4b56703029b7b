"""Fault injection: runs the corpus while killing workers, locking the store and filling the disk at
random moments, then checks that the output folder and the store agree and hold every document
exactly once (issue 11). Prints the faults injected and survived, by kind.

    .venv/bin/python benchmarks/faults.py [--corpus ../shared/corpus] [--inputs PATH_OR_GLOB ...]
                                          [--rounds 5] [--extra 0] [--seed 11] [--workers 2]
                                          [--kinds worker-kill forkserver-kill store-lock disk-full run-kill]
                                          [--lock-seconds 2 45] [--keep DIR]

First a clean reference run (no faults) of the inputs (default `reports/*.pdf` under --corpus),
twice: the first warms the caches, and faults are planned within the faster span.
Then, each round, `extractor run INPUTS -o OUT --workers N` into a fresh OUT on a small tmpfs the
script mounts (as root; else disk faults are skipped, and the script says why), with one fault at a
seeded random moment, its kind taken in turn from --kinds (the default 5 rounds do each kind once),
plus --extra faults of random kinds in the same run:

- worker-kill: SIGKILL one worker (a child of the forkserver) while it reads a document;
- forkserver-kill: SIGKILL the forkserver the workers are forked from;
- store-lock: another connection holds `BEGIN EXCLUSIVE` on OUT/results.db for 2-45 s (past one
  write attempt's wait, within the store's retries); released early when the run ends;
- disk-full: a ballast file fills the tmpfs to ENOSPC, is held 2-6 s, then deleted;
- run-kill: SIGKILL the run's whole process group (scheduled after the round's other faults).

The faulted run must end well: no traceback, and exit 0 or 1 (1 when an input failed, as run.json
says) with run.json listing every input, unless the run itself was killed or found the disk full
when writing the combined files (then exit 2, one `error:` line, no run.json). Then the same command,
without faults, resumes it and must give the clean result: exit 0, every input ok, `extractor
validate` reporting exactly what it reports of the reference, the store holding each input once with
as many records as its documents/<doc_id>.json, and results.csv, results.jsonl and documents/ equal
to the reference's. A round's faults are survived when both hold; a round that fails counts every
fault it injected as not survived (its reasons are printed). Exit status 1 when any was not.
"""

from __future__ import annotations

import argparse
import datetime
import errno
import glob
import json
import os
import platform
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
DEFAULT_INPUTS = ("reports/*.pdf",)  # relative to --corpus
KINDS = ("worker-kill", "forkserver-kill", "store-lock", "disk-full", "run-kill")
DEFAULT_ROUNDS = len(KINDS)  # each kind once: a few minutes on the 23 reports with 2 workers
DEFAULT_SEED = 11
DEFAULT_WORKERS = 2
LOCK_SECONDS = (2.0, 45.0)  # from a short wait to past several of the store's write attempts
FULL_SECONDS = (2.0, 6.0)  # how long the disk is held full
FIRST_MOMENT = 0.5  # seconds after the start: nothing to hit before the run has started
LAST_SHARE = 0.8  # of the clean run's seconds: faults land while documents are still being done
CLEAN_RUNS = 2  # the first warms the caches; faults are planned within the faster one
POLL = 0.05  # seconds between looks for a target (a worker, the store file)
STORE_WAIT = 60.0  # seconds the lock may wait for the run's own transaction to end
CHUNK = 1 << 20  # bytes per ballast write
TMPFS_FACTOR = 3  # the tmpfs holds this many clean outputs: a round never fills it by itself
TMPFS_MIN_MB = 32
HUNG_FACTOR, HUNG_MARGIN = 5, 180  # a run longer than 5x the clean one + 180 s is hung (then killed)
OUTPUT_FULL = "cannot write the combined files"  # the one error line of a run that found the disk full
VALIDATE_STRUCTURE = {"missing-file", "inconsistent", "truncated", "schema"}  # a folder not whole


@dataclass
class Fault:
    kind: str
    at: float  # seconds after the run's start, as planned
    seconds: float = 0.0  # how long a lock or a full disk is held
    injected: bool = False
    hit: float | None = None  # seconds after the start when it was injected (a kill may wait for a worker)
    note: str = ""  # what was hit, or why nothing was


@dataclass
class Round:
    number: int
    faults: list[Fault]
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    codes: tuple[int | None, int | None] = (None, None)  # exit status of the faulted run, the resume
    effect: str = ""  # what the faulted run's run.json says of it


@dataclass
class Summary:
    rounds: list[Round]
    injected: Counter
    survived: Counter
    skipped: Counter
    seconds: float
    disk_note: str


# --- the runs


def run_command(inputs: list[str], out: Path, workers: int) -> list[str]:
    return [sys.executable, "-m", "extractor", "run", *inputs, "-o", str(out), "--workers", str(workers)]


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def start_run(cmd: list[str], logs: Path) -> tuple[subprocess.Popen, Path]:
    """The run in a session of its own (so its process group can be killed whole); stderr to a file."""
    stderr = logs.with_suffix(".stderr")
    with open(logs.with_suffix(".stdout"), "wb") as out, open(stderr, "wb") as err:
        proc = subprocess.Popen(cmd, cwd=REPO, env=_env(), stdout=out, stderr=err, start_new_session=True)
    return proc, stderr


def finish(proc: subprocess.Popen, limit: float) -> int | None:
    """The exit status, or None when the run outlived `limit` seconds (then its group is killed)."""
    try:
        return proc.wait(timeout=limit)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        proc.wait()
        return None


def kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def validate(out: Path) -> tuple[int, list]:
    done = subprocess.run(
        [sys.executable, "-m", "extractor", "validate", str(out), "--format", "json"],
        cwd=REPO,
        env=_env(),
        capture_output=True,
        text=True,
    )
    try:
        issues = json.loads(done.stdout)["issues"]
    except (ValueError, KeyError):
        issues = [{"code": "unreadable", "reason": done.stderr.strip()[-300:]}]
    return done.returncode, issues


# --- the faults


def _processes(run: psutil.Process) -> tuple[list[psutil.Process], list[psutil.Process]]:
    """The run's forkservers and their children (the workers, one a document)."""
    try:
        children = run.children()
        servers = [p for p in children if "forkserver" in " ".join(p.cmdline())]
        return servers, [w for s in servers for w in s.children()]
    except psutil.Error:
        return [], []


def _wait(proc: subprocess.Popen, until: float, stop: threading.Event) -> bool:
    """Sleep until the moment `until` (monotonic); False when the run ended first."""
    while time.monotonic() < until:
        if proc.poll() is not None or stop.is_set():
            return False
        time.sleep(POLL)
    return proc.poll() is None


def _kill_one(fault: Fault, proc: subprocess.Popen, started: float, rng: random.Random, server: bool) -> None:
    run = psutil.Process(proc.pid)
    while proc.poll() is None:  # a worker lives only while a document is read: wait for one
        servers, workers = _processes(run)
        targets = servers if server else workers
        if targets:
            target = rng.choice(targets)
            try:
                target.send_signal(signal.SIGKILL)
            except psutil.Error:
                continue
            fault.injected, fault.note = True, f"pid {target.pid}"
            fault.hit = time.monotonic() - started
            return
        time.sleep(POLL)
    fault.note = "run ended before a target appeared"


def _lock_store(
    fault: Fault, proc: subprocess.Popen, started: float, db: Path, stop: threading.Event
) -> None:
    while not db.is_file():  # never create it: the run does
        if proc.poll() is not None:
            fault.note = "run ended before the store was made"
            return
        time.sleep(POLL)
    conn = sqlite3.connect(f"file:{db}?mode=rw", uri=True, timeout=STORE_WAIT, isolation_level=None)
    try:
        conn.execute("BEGIN EXCLUSIVE")
        held = time.monotonic()
        fault.injected, fault.hit = True, held - started
        stop.wait(fault.seconds)  # the run's end releases it early: nothing is left to block
        fault.note = f"held {time.monotonic() - held:.1f} s"
        conn.execute("ROLLBACK")
    except sqlite3.Error as e:
        fault.note = f"lock not taken: {e}"
    finally:
        conn.close()


def _fill_disk(fault: Fault, started: float, ballast: Path, stop: threading.Event) -> None:
    written = 0
    fd = os.open(ballast, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        block = b"\0" * CHUNK
        while True:
            try:
                written += os.write(fd, block)
            except OSError as e:
                if e.errno != errno.ENOSPC:
                    raise
                break
        held = time.monotonic()
        fault.injected, fault.hit = True, held - started
        stop.wait(fault.seconds)
        fault.note = f"{written >> 20} MB ballast, full for {time.monotonic() - held:.1f} s"
    finally:
        os.close(fd)
        ballast.unlink(missing_ok=True)


def inject(
    fault: Fault,
    proc: subprocess.Popen,
    started: float,
    out: Path,
    ballast: Path | None,
    rng: random.Random,
    stop: threading.Event,
) -> None:
    if not _wait(proc, started + fault.at, stop):
        fault.note = "run ended first"
        return
    if fault.kind in ("worker-kill", "forkserver-kill"):
        _kill_one(fault, proc, started, rng, server=fault.kind == "forkserver-kill")
    elif fault.kind == "store-lock":
        _lock_store(fault, proc, started, out / "results.db", stop)
    elif fault.kind == "disk-full" and ballast is not None:
        _fill_disk(fault, started, ballast, stop)
    elif fault.kind == "run-kill":
        kill_group(proc)
        fault.injected, fault.hit = True, time.monotonic() - started
        fault.note = f"run pid {proc.pid} and its group"


def plan(
    rng: random.Random, kinds: list[str], number: int, extra: int, clean: float, lock: tuple[float, float]
) -> list[Fault]:
    """Round `number`'s faults: the next kind in turn (so a failure names its fault), plus `extra` of
    random kinds, each at a random moment of the clean run's span; a run kill comes after the others."""
    chosen = [kinds[(number - 1) % len(kinds)], *(rng.choice(kinds) for _ in range(extra))]
    last = max(FIRST_MOMENT + 1.0, LAST_SHARE * clean)
    faults = []
    for kind in chosen:
        if kind == "run-kill":
            continue
        held = rng.uniform(*lock) if kind == "store-lock" else rng.uniform(*FULL_SECONDS)
        faults.append(Fault(kind, round(rng.uniform(FIRST_MOMENT, last), 2), round(held, 1)))
    if "run-kill" in chosen:
        after = max((f.at for f in faults), default=FIRST_MOMENT)
        faults.append(Fault("run-kill", round(rng.uniform(after, after + last - FIRST_MOMENT), 2)))
    return faults


# --- the checks


def _read_json(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def effect(out: Path) -> str:
    """The inputs that failed (a killed worker's, a store write given up), as run.json says."""
    report = _read_json(out / "run.json")
    if report is None:
        return "no run.json"
    items = report["inputs"]
    failed = [i["error"] for i in items if i["status"] != "ok"]
    return f"{len(failed)} failed: {'; '.join(failed)}" if failed else "every input ok"


def check_faulted(
    code: int | None, stderr: Path, out: Path, inputs: list[str], faults: list[Fault]
) -> list[str]:
    """How the faulted run ended: as it should, or the problems. A run killed by the benchmark may end
    anywhere; one that found the disk full at its end may stop with one `error:` line (status 2)."""
    problems = []
    text = stderr.read_text(encoding="utf-8", errors="replace")
    last = (text.strip().splitlines() or [""])[-1]
    if "Traceback" in text:
        tail = text[text.index("Traceback") :].strip().splitlines()
        problems.append(f"faulted run: traceback on stderr: {' | '.join(tail[-3:])}")
    if code is None:
        return [*problems, "faulted run: hung (killed after the time limit)"]
    hit = {f.kind for f in faults if f.injected}
    if "run-kill" in hit:
        return problems
    if code == 2 and "disk-full" in hit and last.startswith("error:") and OUTPUT_FULL in last:
        return problems
    if code not in (0, 1):
        problems.append(f"faulted run: exit status {code}")
    report = _read_json(out / "run.json")
    if report is None:
        return [*problems, f"faulted run: no readable run.json; stderr ends {last!r}"]
    sources = [item["source"] for item in report["inputs"]]
    if sources != inputs:
        problems.append(f"faulted run: run.json lists {len(sources)} inputs of {len(inputs)}")
    failed = any(item["status"] != "ok" for item in report["inputs"])
    if code in (0, 1) and failed != (code == 1):
        problems.append(f"faulted run: exit status {code} but run.json says failed={failed}")
    return problems


def check_resumed(code: int | None, stderr: Path, out: Path, inputs: list[str], ref: Reference) -> list[str]:
    """The resumed folder against the clean reference."""
    problems = []
    text = stderr.read_text(encoding="utf-8", errors="replace")
    if "Traceback" in text:
        problems.append("resume: traceback on stderr")
    if code != 0:
        return [*problems, f"resume: exit status {code}: {text.strip()[-300:]}"]
    report = _read_json(out / "run.json")
    if report is None:
        return [*problems, "resume: no readable run.json"]
    items = report["inputs"]
    if [i["source"] for i in items] != inputs or any(i["status"] != "ok" for i in items):
        problems.append("resume: run.json does not list every input ok")
    problems += _check_store(out, items)
    for name in ("results.csv", "results.jsonl"):
        if not (out / name).is_file() or (out / name).read_bytes() != ref.files[name]:
            problems.append(f"resume: {name} differs from the clean run's")
    lines = (
        (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
        if (out / "results.jsonl").is_file()
        else []
    )
    counted = sum(i["records"] for i in items)
    if len(lines) != counted:
        problems.append(f"resume: results.jsonl holds {len(lines)} records, run.json counts {counted}")
    documents = {p.name: p.read_bytes() for p in (out / "documents").glob("*.json")}
    if documents != ref.documents:
        differ = sorted(set(documents) ^ set(ref.documents)) or sorted(
            n for n in documents if documents[n] != ref.documents[n]
        )
        problems.append(f"resume: documents/ differs from the clean run's: {differ[:3]}")
    left = [p.name for folder in (out, out / "documents") for p in folder.glob(".*.tmp")]
    if left:
        problems.append(f"resume: temp files left: {left[:3]}")
    vcode, issues = validate(out)
    structural = sorted({i["code"] for i in issues} & VALIDATE_STRUCTURE)
    if structural:
        problems.append(f"validate: {', '.join(structural)}")
    if (vcode, issues) != (ref.validate_code, ref.issues):
        problems.append(
            f"validate: exit {vcode} with {len(issues)} issues, "
            f"the clean run's {ref.validate_code} with {len(ref.issues)}"
        )
    return problems


def _check_store(out: Path, items: list[dict]) -> list[str]:
    """Each input once in the store's documents, with as many records as its document file."""
    problems = []
    try:
        conn = sqlite3.connect(f"file:{out / 'results.db'}?mode=ro", uri=True)
        try:
            docs = conn.execute("SELECT source, doc_id FROM documents").fetchall()
            counts = dict(conn.execute("SELECT source, count(*) FROM results GROUP BY source").fetchall())
        finally:
            conn.close()
    except sqlite3.Error as e:
        return [f"store: unreadable: {e}"]
    held = Counter(source for source, _ in docs)
    ids = dict(docs)
    for item in items:
        source = item["source"]
        if held[source] != 1:
            problems.append(f"store: {source} held {held[source]} times")
            continue
        if ids[source] != item["doc_id"]:
            problems.append(f"store: {source} is {ids[source]}, run.json says {item['doc_id']}")
        document = _read_json(out / "documents" / f"{item['doc_id']}.json")
        expected = len(document["records"]) if document else None
        if counts.get(source, 0) != expected:
            problems.append(f"store: {source} has {counts.get(source, 0)} records, its document {expected}")
    extra = set(held) - {i["source"] for i in items}
    if extra:
        problems.append(f"store: documents no input names: {sorted(extra)[:3]}")
    return problems


# --- the rounds


@dataclass
class Reference:
    seconds: float
    files: dict[str, bytes]
    documents: dict[str, bytes]
    validate_code: int
    issues: list


def reference_run(inputs: list[str], workers: int, folder: Path) -> Reference:
    """The clean run the rounds are checked against, run CLEAN_RUNS times: faults are planned within
    the fastest span, since the first run pays for cold caches (bytecode, pages, imports) that the
    rounds do not, and a fault planned past a round's end is never injected."""
    out = folder / "reference"
    spans = []
    for _ in range(CLEAN_RUNS):
        shutil.rmtree(out, ignore_errors=True)
        start = time.monotonic()
        proc, stderr = start_run(run_command(inputs, out, workers), folder / "reference")
        code = proc.wait()
        spans.append(time.monotonic() - start)
        if code != 0:
            text = stderr.read_text(encoding="utf-8", errors="replace").strip()
            raise SystemExit(f"the clean reference run failed ({code}): {text[-500:]}")
    seconds = min(spans)
    vcode, issues = validate(out)
    return Reference(
        seconds,
        {name: (out / name).read_bytes() for name in ("results.csv", "results.jsonl")},
        {p.name: p.read_bytes() for p in (out / "documents").glob("*.json")},
        vcode,
        issues,
    )


def one_round(
    number: int,
    faults: list[Fault],
    inputs: list[str],
    workers: int,
    space: Path,
    logs: Path,
    ref: Reference,
    rng: random.Random,
    can_fill: bool,
) -> Round:
    out = space / "out"
    shutil.rmtree(out, ignore_errors=True)
    result = Round(number, faults)
    cmd = run_command(inputs, out, workers)
    start = time.monotonic()
    stop = threading.Event()
    proc, stderr = start_run(cmd, logs / f"round{number}-faulted")
    ballast = space / "ballast" if can_fill else None
    threads = [
        threading.Thread(
            target=inject, args=(f, proc, start, out, ballast, random.Random(rng.random()), stop)
        )
        for f in faults
    ]
    for t in threads:
        t.start()
    try:
        code = finish(proc, HUNG_FACTOR * ref.seconds + HUNG_MARGIN)
    finally:
        stop.set()  # holds end with the run
        for t in threads:
            t.join()
        kill_group(proc)  # workers orphaned by a killed forkserver, if any are left
    result.problems += check_faulted(code, stderr, out, inputs, faults)
    result.effect = effect(out)
    proc, stderr = start_run(cmd, logs / f"round{number}-resumed")
    resumed = finish(proc, HUNG_FACTOR * ref.seconds + HUNG_MARGIN)
    result.problems += check_resumed(resumed, stderr, out, inputs, ref)
    result.codes = (code, resumed)
    result.seconds = time.monotonic() - start
    return result


def mount_tmpfs(point: Path, megabytes: int) -> str:
    """'' when a tmpfs of `megabytes` is mounted at `point`, else why not."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return "not root: no tmpfs can be mounted"
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(point)],
        capture_output=True,
        text=True,
    )
    return "" if done.returncode == 0 else f"mount failed: {done.stderr.strip() or done.returncode}"


def unmount(point: Path) -> None:
    """Unmount, lazily when something still holds a file there (an orphaned worker)."""
    if subprocess.run(["umount", str(point)], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", str(point)], capture_output=True)


def expand(corpus: Path, patterns: list[str]) -> list[str]:
    found = []
    for pattern in patterns:
        path = pattern if os.path.isabs(pattern) else str(corpus / pattern)
        found += sorted(glob.glob(path, recursive=True)) if glob.has_magic(path) else [path]
    return list(dict.fromkeys(found))


def benchmark(args: argparse.Namespace) -> Summary:
    inputs = expand(args.corpus, args.inputs)
    if not inputs:
        raise SystemExit(f"no inputs under {args.corpus}: {args.inputs}")
    rng = random.Random(args.seed)
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="faults-") as tmp:
        folder = Path(tmp)
        ref = reference_run(inputs, args.workers, folder)
        size = sum(p.stat().st_size for p in (folder / "reference").rglob("*") if p.is_file())
        space = folder / "space"
        space.mkdir()
        disk_note = mount_tmpfs(space, max(TMPFS_MIN_MB, TMPFS_FACTOR * size >> 20))
        kinds = [k for k in args.kinds if k != "disk-full" or not disk_note]
        rounds = []
        try:
            if not kinds:
                raise SystemExit(f"no fault left to inject: disk-full needs a tmpfs ({disk_note})")
            for number in range(1, args.rounds + 1):
                faults = plan(rng, kinds, number, args.extra, ref.seconds, tuple(args.lock_seconds))
                result = one_round(
                    number, faults, inputs, args.workers, space, folder, ref, rng, not disk_note
                )
                rounds.append(result)
                print(_round_line(result), flush=True)
                if result.problems and args.keep:
                    kept = args.keep / f"round{number}"
                    if (space / "out").is_dir():
                        shutil.copytree(space / "out", kept, dirs_exist_ok=True)
                    kept.parent.mkdir(parents=True, exist_ok=True)
                    for log in folder.glob(f"round{number}-*"):
                        shutil.copy(log, kept.parent / f"{log.name}.txt")
        finally:
            if not disk_note:
                unmount(space)
    injected, survived, skipped = Counter(), Counter(), Counter()
    for r in rounds:
        for f in r.faults:
            if f.injected:
                injected[f.kind] += 1
                survived[f.kind] += not r.problems
            else:
                skipped[f.kind] += 1
    return Summary(rounds, injected, survived, skipped, time.monotonic() - start, disk_note)


def _round_line(r: Round) -> str:
    faults = "; ".join(
        f"{f.kind} planned at {f.at:g} s"
        + (f", hit at {f.hit:.2f} s" if f.hit is not None else "")
        + (f" ({f.note})" if f.note else "")
        + ("" if f.injected else " [not injected]")
        for f in r.faults
    )
    verdict = "survived" if not r.problems else "FAILED: " + " / ".join(r.problems)
    codes = f"exit {r.codes[0]} ({r.effect}), resumed exit {r.codes[1]}"
    return f"round {r.number} ({r.seconds:.0f} s): {faults}\n  {codes}: {verdict}"


def report(summary: Summary, args: argparse.Namespace) -> None:
    print(
        f"\n{datetime.date.today().isoformat()}, {platform.platform()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}; {args.rounds} rounds, seed {args.seed}, {args.workers} workers"
    )
    if summary.disk_note:
        print(f"disk-full faults skipped: {summary.disk_note}")
    print(f"{'fault':<16} {'injected':>8} {'survived':>8} {'not injected':>13}")
    for kind in KINDS:
        if summary.injected[kind] or summary.skipped[kind]:
            print(
                f"{kind:<16} {summary.injected[kind]:>8} {summary.survived[kind]:>8} "
                f"{summary.skipped[kind]:>13}"
            )
    total, ok = sum(summary.injected.values()), sum(summary.survived.values())
    print(f"{'all':<16} {total:>8} {ok:>8} {sum(summary.skipped.values()):>13}")
    failed = [r for r in summary.rounds if r.problems]
    for r in failed:
        kinds = ", ".join(f"{f.kind} at {f.hit:.2f} s" for f in r.faults if f.injected)
        print(f"not survived, round {r.number} ({kinds}):")
        for problem in r.problems:
            print(f"  {problem}")
    print(f"{summary.seconds:.0f} s")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument(
        "--inputs", nargs="+", default=list(DEFAULT_INPUTS), help="paths or globs (under --corpus)"
    )
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, help="runs, each with the next kind")
    parser.add_argument("--extra", type=int, default=0, help="faults of random kinds added to each round")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    parser.add_argument("--kinds", nargs="+", choices=KINDS, default=list(KINDS))
    parser.add_argument(
        "--lock-seconds", type=float, nargs=2, default=list(LOCK_SECONDS), metavar=("MIN", "MAX")
    )
    parser.add_argument("--keep", type=Path, help="copy the output folder of each failed round here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    summary = benchmark(args)
    report(summary, args)
    return exit_status(summary)


def exit_status(summary: Summary) -> int:
    """1 when any fault injected was not survived."""
    return 1 if sum(summary.survived.values()) < sum(summary.injected.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
