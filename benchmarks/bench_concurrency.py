"""Concurrent searches against a real `press-archive serve` on loopback: errors and latency.

    .venv/bin/python benchmarks/bench_concurrency.py [--index DIR] [--clients 200] [--rounds 5]

Starts `press-archive serve` on a free port over --index (default: an index of the bundled
seeds/, built into a temporary folder), then fires --rounds waves of --clients requests at once,
each from its own thread: the search page, the JSON API, release pages, the feed, the CSV export
and bad requests, with words drawn from the index. Any status other than the one expected
(200, or 400 for the bad requests), a timeout or a refused connection is an error. Prints the
error count and the latency median, p95 and p99 of each wave and of all.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CLI = [sys.executable, "-c", "from web.cli import main; main()"]
WORDS = ["defence", "budget", "minister", "india", "health", "roads", "maldives", "scheme", "education",
         "railway", "farmers", "tourism", "police", "water", "energy", "digital", "security", "trade"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def requests_for(rng: random.Random, ids: list[str], count: int) -> list[tuple[str, int]]:
    """(path, expected status) pairs: a realistic mix with a few bad requests."""
    paths = []
    for _ in range(count):
        kind = rng.random()
        word = urllib.parse.quote(rng.choice(WORDS))
        if kind < 0.35:
            paths.append((f"/search?q={word}", 200))
        elif kind < 0.6:
            paths.append((f"/api/search?q={word}&sort={rng.choice(['relevance', 'newest'])}", 200))
        elif kind < 0.8:
            paths.append((f"/release/{urllib.parse.quote(rng.choice(ids))}?q={word}", 200))
        elif kind < 0.88:
            paths.append((f"/feed.atom?q={word}", 200))
        elif kind < 0.93:
            paths.append((f"/export.csv?q={word}", 200))
        else:
            paths.append((rng.choice(["/api/search?limit=1000", "/search?from=bad", "/api/search?page=-1"]), 400))
    return paths


def wave(base: str, paths: list[tuple[str, int]]) -> tuple[list[float], list[str]]:
    """Send every request at once, one thread each; return latencies (ms) and errors."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    start_together = threading.Barrier(len(paths))

    def one(path: str, expected: int) -> None:
        start_together.wait()
        began = time.perf_counter()
        try:
            with urllib.request.urlopen(base + path, timeout=60) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as exc:
            exc.read()
            status = exc.code
        except OSError as exc:
            status, reason = None, f"{path}: {exc}"
        elapsed = (time.perf_counter() - began) * 1000
        with lock:
            latencies.append(elapsed)
            if status != expected:
                errors.append(reason if status is None else f"{path}: status {status}, expected {expected}")

    threads = [threading.Thread(target=one, args=pair) for pair in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors


def summary(latencies: list[float]) -> str:
    ordered = sorted(latencies)
    pick = lambda share: ordered[min(len(ordered) - 1, int(len(ordered) * share))]  # noqa: E731
    return f"median {statistics.median(ordered):7.1f} ms  p95 {pick(0.95):7.1f} ms  p99 {pick(0.99):7.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=None)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=4, help="serve's worker threads")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="bench-concurrency-"))
    index = args.index or workdir / "index"
    if args.index is None:
        subprocess.run([*CLI, "reindex", "--source", str(ROOT / "seeds"), "--index", str(index)], check=True,
                       capture_output=True)
    from indexer import SearchRequest, search

    ids = [hit.id for hit in search(index, SearchRequest(limit=200)).hits]
    port = free_port()
    server = subprocess.Popen([*CLI, "serve", "--host", "127.0.0.1", "--port", str(port), "--threads",
                               str(args.threads)], env={**os.environ, "PRESS_ARCHIVE_INDEX": str(index)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr.readline().startswith("Serving"), "serve did not start"
        base = f"http://127.0.0.1:{port}"
        rng = random.Random(20261201)
        wave(base, requests_for(rng, ids, 20))  # warm-up: open the index, fill the caches
        everything, failures = [], []
        print(f"{args.clients} concurrent requests a wave, serve with {args.threads} threads, index {index}")
        for number in range(1, args.rounds + 1):
            latencies, errors = wave(base, requests_for(rng, ids, args.clients))
            everything += latencies
            failures += errors
            print(f"wave {number}: {len(errors)} errors  {summary(latencies)}")
        print(f"all {len(everything)}: {len(failures)} errors  {summary(everything)}")
        for line in failures[:10]:
            print("  " + line)
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(json.dumps({"requests": len(everything), "errors": len(failures)}))


if __name__ == "__main__":
    main()
