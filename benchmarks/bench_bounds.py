"""Bounded work: memory of reindex and parse, and search times, with and without huge files in the folder.

    .venv/bin/python benchmarks/bench_bounds.py [--files 10000] [--workdir /tmp/bench-bounds] \
        [--corpora ../shared/corpora]

Two source folders of --files files each, one release a file (real PIB, DOJ and Reuters-21578
releases as one-line JSON Lines files):
  plain   only those releases
  huge    the same but for three files: a 50 MB text file (over the 2 MB limit of one release,
          skipped unread), a 50 MB JSON Lines file of one 50 MB record (skipped, streamed past)
          and a 1.9 MB release (under the limit, indexed: the largest release a default
          reindex takes)
For each: `press-archive reindex --full` and `press-archive parse --json` in a subprocess, its
peak memory sampled every 20 ms (the main process's RSS, and the PSS of it and its writer
processes summed: pages a forked writer shares with its parent counted once),
then 200 searches (60 of words the 1.9 MB release holds) in a fresh process, median and p95.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_index import DEFAULT_CORPORA, SEED, load_records  # noqa: E402

CLI = [sys.executable, "-c", "from web.cli import main; main()"]
HUGE_BYTES = 50_000_000
BIG_RELEASE_BYTES = 1_900_000


def write_folders(corpora: Path, files: int, workdir: Path) -> tuple[Path, Path, list[str]]:
    """Write the plain and huge folders; return them and words of the big release."""
    records = [r for rs in load_records(corpora).values() for r in rs]
    random.Random(SEED).shuffle(records)
    plain, huge = workdir / "plain", workdir / "huge"
    for folder in (plain, huge):
        folder.mkdir(parents=True)
    for number in range(files):
        record = dict(records[number % len(records)])
        key = "prid" if "prid" in record else "id"
        record[key] = f"{record[key]}-{number}"
        line = json.dumps(record, ensure_ascii=False) + "\n"
        (plain / f"r{number:05d}.jsonl").write_text(line, "utf-8")
        if number >= 3:
            os.link(plain / f"r{number:05d}.jsonl", huge / f"r{number:05d}.jsonl")
    bodies = [r.get("body") or r.get("text") or "" for r in records]
    text, position = [], 0
    while sum(map(len, text)) < HUGE_BYTES:
        text.append(bodies[position % len(bodies)] + "\n\n")
        position += 1
    whole = "".join(text)
    (huge / "huge.txt").write_text("New Delhi, Oct 7 (PTI) " + whole[:HUGE_BYTES], "utf-8")
    (huge / "giant-line.jsonl").write_text(json.dumps({"id": "giant", "title": "Giant", "body": whole[:HUGE_BYTES]})
                                           + "\n", "utf-8")
    big = whole[:BIG_RELEASE_BYTES].rsplit("\n\n", 1)[0]
    (huge / "big.txt").write_text("New Delhi, Oct 7 (PTI) " + big, "utf-8")
    words = sorted({w.lower() for w in big.split() if w.isalpha() and len(w) > 4})
    return plain, huge, words


def tree_rss(pid: int) -> tuple[int, int]:
    """RSS in bytes of `pid`, and the PSS of `pid` with all its descendants (shared pages counted once)."""
    def memory(p: int, field: str, name: str) -> int:
        try:
            for line in Path(f"/proc/{p}/{name}").read_text().splitlines():
                if line.startswith(field):
                    return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def children(p: int) -> list[int]:
        try:
            return [int(c) for t in Path(f"/proc/{p}/task").iterdir() for c in (t / "children").read_text().split()]
        except OSError:
            return []

    own, total, todo = memory(pid, "VmRSS:", "status"), 0, [pid]
    while todo:
        current = todo.pop()
        total += memory(current, "Pss:", "smaps_rollup")
        todo += children(current)
    return own, total


def measured(command: list[str]) -> dict:
    """Run a command, sampling its memory; return wall time and peak RSS (own, with children)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peaks = [0, 0]

    def sample() -> None:
        while process.poll() is None:
            own, total = tree_rss(process.pid)
            peaks[0], peaks[1] = max(peaks[0], own), max(peaks[1], total)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    stderr = process.stderr.read()
    process.wait()
    sampler.join()
    skipped = [line for line in stderr.splitlines() if line.startswith("skipped")]
    return {"seconds": time.perf_counter() - start, "own": peaks[0], "total": peaks[1], "status": process.returncode,
            "skipped": skipped}


SEARCH_SCRIPT = """
import json, statistics, sys, time
from indexer import SearchRequest, search
index, queries = sys.argv[1], json.loads(sys.argv[2])
for q in queries[:50]:
    search(index, SearchRequest(q=q, limit=10))
times, hits_big = [], 0
for q in queries:
    start = time.perf_counter()
    result = search(index, SearchRequest(q=q, limit=10))
    times.append((time.perf_counter() - start) * 1000)
    hits_big += any(hit.id == "big" for hit in result.hits)
times.sort()
print(json.dumps({"median": statistics.median(times), "p95": times[int(len(times) * 0.95) - 1],
                  "max": times[-1], "big_on_first_page": hits_big}))
"""


def search_times(index: Path, queries: list[str]) -> dict:
    output = subprocess.run([sys.executable, "-c", SEARCH_SCRIPT, str(index), json.dumps(queries)],
                            capture_output=True, text=True, check=True, cwd=Path(__file__).resolve().parent.parent)
    return json.loads(output.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/bench-bounds"))
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    args = parser.parse_args()
    shutil.rmtree(args.workdir, ignore_errors=True)
    plain, huge, words = write_folders(args.corpora, args.files, args.workdir)
    rng = random.Random(SEED)
    queries = ([rng.choice(words) for _ in range(60)] + [" ".join(rng.sample(words, 2)) for _ in range(40)]
               + ["government", "minister", "said", "court", "prices", "defence", "india", "trade", "oil", "bank"] * 10)
    print(f"{args.files:,} files a folder; the huge folder has a 50 MB .txt, a 50 MB one-record .jsonl "
          "and a 1.9 MB release in place of three of them")
    print(f"{'folder':8} {'step':28} {'time':>8} {'peak RSS main':>14} {'PSS, all':>13}  notes")
    results = {}
    for name, folder in (("plain", plain), ("huge", huge)):
        index = args.workdir / f"index-{name}"
        build = measured([*CLI, "reindex", "--full", "--source", str(folder), "--index", str(index)])
        parse = measured([*CLI, "parse", "--json", str(folder)])
        for step, run in (("reindex --full", build), ("parse --json", parse)):
            print(f"{name:8} {step:28} {run['seconds']:7.1f}s {run['own'] / 1e6:11.0f} MB {run['total'] / 1e6:10.0f} MB"
                  f"  exit {run['status']}, {len(run['skipped'])} skipped")
        for line in build["skipped"]:
            print(f"{'':8} {line}")
        results[name] = search_times(index, queries)
    print(f"\n200 searches, 10 hits a page (ms)   {'median':>8} {'p95':>8} {'max':>8}  pages with the 1.9 MB release")
    for name, times in results.items():
        print(f"{name:36} {times['median']:8.1f} {times['p95']:8.1f} {times['max']:8.1f}  {times['big_on_first_page']}")
    ratio = results["huge"]["p95"] / results["plain"]["p95"]
    print(f"p95 huge/plain: {ratio:.2f}")


if __name__ == "__main__":
    main()
