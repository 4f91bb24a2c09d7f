"""This tree's search against another commit's, on the same index, in the same run: totals and latency.

    .venv/bin/python benchmarks/bench_compare.py --workdir /tmp/bench-index --baseline HEAD~5 [--rounds 3] \
        [--baseline-workdir /tmp/bench-index-old]

For refactorings that must not change results or speed. The baseline commit is checked out
into a temporary git worktree. The 200 queries of bench_search.py (and their warm-up draw) run
in one process per tree, the trees taking turns for --rounds rounds, so that both meet the same
machine load. Printed: whether every query's total and first ten hits (ids and scores) are the
same, then per tree the median and p95 of each round and the median of the rounds. When the index's
format changed between the two, --baseline-workdir gives the baseline its own workdir, whose index
it builds itself (the same source, read from --workdir) unless built already.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Runs inside a tree: warm up, then time each query once; prints the timings and the results.
_RUN = '''
import json, sys, time
from pathlib import Path
tree, workdir = sys.argv[1], Path(sys.argv[2])
sys.path[:0] = [tree, tree + "/benchmarks"]
from bench_search import SEED, make_queries
from indexer import SearchRequest, search
assert __import__("indexer").__file__.startswith(tree)

def run(query):
    filters = {"ministry": [query["ministry"]]} if query["ministry"] else {}
    request = SearchRequest(q=query["q"], filters=filters, date_from=query["date_from"],
                            date_to=query["date_to"], limit=10)
    return search(workdir / "index", request)

for query in make_queries(workdir, seed=SEED + 1):
    run(query)
timings, results = [], []
for query in make_queries(workdir):
    start = time.perf_counter()
    result = run(query)
    timings.append((time.perf_counter() - start) * 1000)
    results.append([result.total, [(hit.id, hit.score) for hit in result.hits]])
print(json.dumps({"timings": timings, "results": results}))
'''


def _run(tree: Path, workdir: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _RUN, str(tree), str(workdir)], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout)


def _own_index(tree: Path, workdir: Path, own: Path) -> None:
    """Give `own` the source and parsed releases of `workdir`, and an index `tree` builds from them."""
    own.mkdir(parents=True, exist_ok=True)
    for name in ("source", "releases.jsonl"):
        if not (own / name).exists():
            (own / name).symlink_to((workdir / name).resolve())
    if not (own / "index").exists():
        build = f"import sys; sys.path.insert(0, {str(tree)!r}); from indexer import reindex; " \
                f"reindex({str(own / 'source')!r}, {str(own / 'index')!r}, full=True)"
        subprocess.run([sys.executable, "-c", build], check=True)


def _figures(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def main() -> None:
    """Compare this tree with --baseline and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, required=True, help="bench_index.py's workdir, index built")
    parser.add_argument("--baseline", required=True, help="the commit to compare with")
    parser.add_argument("--rounds", type=int, default=3, help="turns each tree takes")
    parser.add_argument("--baseline-workdir", type=Path,
                        help="a workdir whose index the baseline builds and searches (an index format changed)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        baseline = Path(temporary) / "baseline"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(baseline), args.baseline],
                       check=True, capture_output=True)
        try:
            trees = {"baseline": baseline, "this tree": ROOT}
            workdirs = {"baseline": args.baseline_workdir or args.workdir, "this tree": args.workdir}
            if args.baseline_workdir:
                _own_index(baseline, args.workdir, args.baseline_workdir)
            runs: dict[str, list[dict]] = {name: [] for name in trees}
            for _ in range(args.rounds):
                for name, tree in trees.items():
                    runs[name].append(_run(tree, workdirs[name]))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(baseline)], check=True)
    base, mine = runs["baseline"][0]["results"], runs["this tree"][0]["results"]
    same_totals = sum(a[0] == b[0] for a, b in zip(base, mine))
    same_hits = sum(a == b for a, b in zip(base, mine))
    own = f" (on its own index, {args.baseline_workdir / 'index'})" if args.baseline_workdir else ""
    print(f"search of {args.workdir / 'index'}: this tree against {args.baseline}{own}, {args.rounds} rounds each, "
          f"taking turns")
    print(f"same total for {same_totals}/{len(base)} queries; same first ten hits and scores for {same_hits}/{len(base)}")
    for name in trees:
        figures = [_figures(run["timings"]) for run in runs[name]]
        rounds = ", ".join(f"{median:.1f}/{p95:.1f}" for median, p95 in figures)
        print(f"{name:10} median/p95 ms per round: {rounds}; median of rounds "
              f"{statistics.median(m for m, _ in figures):.1f}/{statistics.median(p for _, p in figures):.1f}")


if __name__ == "__main__":
    main()
