"""`press-archive serve` on a built index: its start, first search, memory and latency through /api/search.

    .venv/bin/python benchmarks/bench_serve.py --workdir /tmp/bench-index [--rounds 2]

Reuses the WORKDIR of bench_index.py (its index and releases.jsonl). Starts `press-archive serve`
on the index as a user would (its own process, four threads, nothing cached) and measures:

  start          from starting the process until the server answers /api/status
  first search   the first /api/search after the start (it opens the index and loads the
                 snapshot's arrays: ids, dates, facets, lengths)
  warm           bench_search.py's 200 queries (seven kinds), each through /api/search with every
                 facet counted, after a warm-up on another draw of 200; ROUNDS rounds, median of each
  cold           the same queries once more after a restart of the server (nothing cached but what
                 the operating system keeps of the files)
  peak RSS       the server process's high-water mark of resident memory (VmHWM) after all of that
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import MIX, SEED, make_queries, p95  # noqa: E402

COMMAND = Path(sys.executable).parent / "press-archive"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _params(query: dict) -> dict:
    params = {"q": query["q"], "from": query["date_from"], "to": query["date_to"]}
    if query["ministry"]:
        params["ministry"] = query["ministry"]
    return {name: value for name, value in params.items() if value}


class Server:
    """One `press-archive serve` process on the index, and a client for it."""

    def __init__(self, index: Path, source: Path):
        self.port = _free_port()
        started = time.perf_counter()
        self.process = subprocess.Popen([str(COMMAND), "serve", "--index", str(index), "--source", str(source),
                                         "--port", str(self.port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.client = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=120)
        while True:
            try:
                self.client.get("/api/status").raise_for_status()
                break
            except httpx.TransportError:
                if self.process.poll() is not None:
                    sys.exit(f"serve exited: {self.process.stderr.read().decode()[-2000:]}")
                time.sleep(0.05)
        self.start_seconds = time.perf_counter() - started

    def search(self, query: dict) -> float:
        """Milliseconds for one /api/search, which must answer 200."""
        started = time.perf_counter()
        response = self.client.get("/api/search", params=_params(query))
        elapsed = (time.perf_counter() - started) * 1000
        response.raise_for_status()
        return elapsed

    def peak_rss_mb(self) -> float:
        """The process's high-water mark of resident memory, in MB."""
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self) -> None:
        """Stop the server."""
        self.client.close()
        self.process.terminate()
        self.process.wait(timeout=30)


def main() -> None:
    """Start the server, time its searches and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, required=True, help="bench_index.py's workdir, index built")
    parser.add_argument("--rounds", type=int, default=2, help="warm rounds of the 200 queries")
    args = parser.parse_args()
    index, source = args.workdir / "index", args.workdir / "source"
    if not (index.is_dir() and (args.workdir / "releases.jsonl").exists()):
        sys.exit(f"{args.workdir} has no index and releases.jsonl: run bench_index.py with --workdir first")
    queries, warm_up = make_queries(args.workdir), make_queries(args.workdir, seed=SEED + 1)

    server = Server(index, source)
    first = server.search(queries[0])
    for query in warm_up:
        server.search(query)
    rounds = [[server.search(query) for query in queries] for _ in range(args.rounds)]
    warm = [statistics.median(times) for times in zip(*rounds)]
    rss = server.peak_rss_mb()
    start = server.start_seconds
    server.stop()

    restarted = Server(index, source)
    cold = [restarted.search(query) for query in queries]
    cold_rss = restarted.peak_rss_mb()
    restarted.stop()

    releases = sum(1 for _ in open(args.workdir / "releases.jsonl", encoding="utf-8"))
    index_mb = sum(path.stat().st_size for path in index.rglob("*") if path.is_file()) / 1e6
    print(f"\npress-archive serve benchmark: {releases:,} releases, index {index_mb:,.1f} MB, workdir {args.workdir}")
    print(f"start {start:.2f} s; first search after start {first:.0f} ms; peak RSS {rss:,.0f} MB after "
          f"{len(warm_up) + len(queries) * args.rounds + 1} searches ({cold_rss:,.0f} MB after the cold round)")
    print(f"{'ms, /api/search':<16}{'n':>4}{'warm med / p95':>20}{'cold med / p95':>20}")
    for kind in [*MIX, "all"]:
        rows = [i for i, query in enumerate(queries) if kind in ("all", query["kind"])]
        print(f"{kind:<16}{len(rows):>4}" + "".join(
            f"{statistics.median(times[i] for i in rows):11.1f} /{p95([times[i] for i in rows]):6.1f}"
            for times in (warm, cold)))
    print(f"goals: p95 < 100 ms warm ({p95(warm):.1f}), < 200 ms cold ({p95(cold):.1f}); "
          f"serve RSS < 3 GiB ({max(rss, cold_rss):,.0f} MB)")


if __name__ == "__main__":
    if not COMMAND.exists():
        sys.exit(f"no {COMMAND}: install the project (make test or pip install -e .) first")
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
