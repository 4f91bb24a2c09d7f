"""A live archive: how soon `serve --watch` finds a new release file, and searches meanwhile.

    .venv/bin/python benchmarks/bench_live.py [--releases 10000] [--trials 20] [--burst 100]
                                              [--corpora ../shared/corpora] [--workdir DIR]

Writes --releases real releases (PIB, DOJ, Reuters-21578, repeated with distinct ids) one a file,
builds their index, starts `press-archive serve --watch` on them, and while two threads search
without pause through /api/search:
- --trials times, writes one new release file and asks /api/search every 50 ms until it is found:
  prints the median and worst seconds from the write to the first answer that finds it;
- writes --burst files at once and waits until all are found: prints the seconds, and how many
  reindexes the watcher ran for them (from its log);
- prints the searches made meanwhile, their errors (any answer but 200, any failure), and their
  median and p95 latency, against the same searches on the idle server before.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_concurrency import WORDS, free_port  # noqa: E402
from benchmarks.bench_source import DEFAULT_CORPORA, write_source  # noqa: E402

CLI = [sys.executable, "-c", "from web.cli import main; main()"]
POLL_SECONDS = 0.05


def release_line(number: int, word: str, marker: str = "") -> str:
    """A new release as one JSON Lines record, holding a word no other release has (and `marker`)."""
    return json.dumps({"id": f"live-{word}", "title": f"Live release {number}: {word} {marker} delegation arrives",
                       "date": "2026-12-02", "text": f"NEW DELHI, Dec 2 (PTI) The {word} delegation arrived today "
                                                     f"for talks on trade and defence, officials said."}) + "\n"


class Searchers:
    """Threads searching without pause, recording latency and errors."""

    def __init__(self, base: str, threads: int = 2):
        self.base, self.stop = base, threading.Event()
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.threads = [threading.Thread(target=self._run, args=(seed,), daemon=True) for seed in range(threads)]

    def _run(self, seed: int) -> None:
        rng = random.Random(seed)
        while not self.stop.is_set():
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(f"{self.base}/api/search?q={rng.choice(WORDS)}", timeout=30) as answer:
                    answer.read()
                    if answer.status != 200:
                        self.errors.append(f"status {answer.status}")
            except Exception as exc:  # every failure counts as an error of the live archive
                self.errors.append(f"{type(exc).__name__}: {exc}")
            self.latencies.append(time.perf_counter() - started)

    def __enter__(self) -> Searchers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()


def total(base: str, query: str) -> int:
    with urllib.request.urlopen(f"{base}/api/search?q={query}&collapse=0&limit=1", timeout=30) as answer:
        return json.load(answer)["total"]


def wait_found(base: str, query: str, expected: int, since: float, timeout: float = 120) -> float:
    """Seconds from `since` until a search for `query` finds `expected` releases."""
    while total(base, query) < expected:
        if time.perf_counter() - since > timeout:
            raise SystemExit(f"{query!r} not found within {timeout} s")
        time.sleep(POLL_SECONDS)
    return time.perf_counter() - since


def figures(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] if ordered else 0.0
    return f"median {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def idle_latencies(base: str, seconds: float = 10) -> list[float]:
    """The searchers' figures on the idle server, the baseline of the same run."""
    with Searchers(base) as searchers:
        time.sleep(seconds)
    return searchers.latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--releases", type=int, default=10_000)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--burst", type=int, default=100)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-live-"))
    source, index, log_path = workdir / "source", workdir / "index", workdir / "serve.log"
    if not source.exists():
        print(write_source(args.corpora, args.releases, source, per_file=1), flush=True)
    started = time.perf_counter()
    subprocess.run([*CLI, "reindex", "--full", "--source", str(source), "--index", str(index)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"index of {args.releases:,} releases built in {time.perf_counter() - started:.0f} s", flush=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        server = subprocess.Popen([*CLI, "serve", "--port", str(port), "--source", str(source), "--index", str(index),
                                   "--watch"], stderr=log, stdout=log, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        while "Serving" not in log_path.read_text():
            time.sleep(0.1)
        idle = idle_latencies(base)
        live_dir = source / "live"
        live_dir.mkdir(exist_ok=True)
        with Searchers(base) as searchers:
            delays = []
            for trial in range(args.trials):
                word = f"livetrial{trial:03d}x"
                written = time.perf_counter()
                (live_dir / f"{word}.jsonl").write_text(release_line(trial, word), "utf-8")
                delays.append(wait_found(base, word, 1, written))
                time.sleep(1)
            before = len(re.findall(r"reindexed \(\d+ change", log_path.read_text()))
            written = time.perf_counter()
            for number in range(args.burst):
                (live_dir / f"burst{number:04d}.jsonl").write_text(
                    release_line(number, f"burst{number:04d}y", "qqburstmarker"), "utf-8")
            burst_seconds = wait_found(base, "qqburstmarker", args.burst, written)
            time.sleep(3)
            reindexes = len(re.findall(r"reindexed \(\d+ change", log_path.read_text())) - before
        print(f"\nnew file found by /api/search ({args.trials} trials, {args.releases:,} releases): "
              f"median {statistics.median(delays):.2f} s, worst {max(delays):.2f} s")
        print(f"{args.burst} files written at once: all found after {burst_seconds:.2f} s, by {reindexes} reindex(es)")
        print(f"searches while watching: {len(searchers.latencies):,}, errors {len(searchers.errors)}, "
              f"{figures(searchers.latencies)} (idle server, same searches: {figures(idle)})")
        for error in searchers.errors[:5]:
            print(f"  error: {error}")
    finally:
        server.terminate()
        server.wait(30)
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
