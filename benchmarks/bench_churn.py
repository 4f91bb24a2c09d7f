"""An archive after many incremental runs against a fresh full build of the same files: size,
segments and search, and what each run cost.

    .venv/bin/python benchmarks/bench_churn.py --workdir /tmp/bench-indic [--runs 20] [--percent 1]

WORKDIR/source is a benchmark source (bench_index.py writes one). A full build, then `--runs`
incremental runs, each changing the headline of every release in `--percent`% of the files (other
files each run, changes kept; or the same files each time with `--same-files`); then a fresh full
build of the files as they are then (or, `--against-first`, the first build). Prints each
run's time and the index's size and segments, then the size and the search median/p95 (the
bench_search.py queries, both indexes in turns) of the churned index against the fresh one. The
source files are restored at the end.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_index import change_titles, folder_bytes  # noqa: E402
from benchmarks.bench_search import make_queries, p95  # noqa: E402
from indexer import SearchRequest, reindex, search  # noqa: E402
from indexer.searchers import close_all  # noqa: E402
from indexer.store import current_generation, open_folder  # noqa: E402


def _segments(index: Path) -> int:
    ix = open_folder(current_generation(index))
    try:
        return len(ix._segments())
    finally:
        ix.close()


def _search_times(indexes: list[Path], queries: list[dict], rounds: int = 2) -> dict[Path, list[float]]:
    times: dict[Path, list[float]] = {index: [] for index in indexes}
    for _ in range(rounds):
        for query in queries:
            filters = {"ministry": [query["ministry"]]} if query["ministry"] else {}
            for index in indexes:  # in turns, so that both see the same machine
                start = time.perf_counter()
                search(index, SearchRequest(q=query["q"], filters=filters, date_from=query["date_from"],
                                            date_to=query["date_to"]))
                times[index].append(1000 * (time.perf_counter() - start))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, required=True, help="folder with source/ (bench_index.py)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--percent", type=float, default=1.0, help="percent of files changed by each run")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--same-files", action="store_true",
                        help="every run changes the same files again (revisions of the same releases)")
    parser.add_argument("--against-first", action="store_true",
                        help="compare with the first full build instead of building the changed files afresh")
    parser.add_argument("--whoosh-policy", action="store_true",
                        help="runs commit with Whoosh's own policy (emptied segments kept), as before indexer/merging.py")
    args = parser.parse_args()
    if args.whoosh_policy:
        import indexer.release_writer as release_writer
        from whoosh.writing import MERGE_SMALL

        release_writer.merge_policy = MERGE_SMALL
    source, churned, fresh = args.workdir / "source", args.workdir / "churn-index", args.workdir / "fresh-index"
    for folder in (churned, fresh):
        shutil.rmtree(folder, ignore_errors=True)
    start = time.perf_counter()
    reindex(source, churned, full=True)
    full_seconds = time.perf_counter() - start
    if args.against_first:
        shutil.copytree(churned, fresh)
    print(f"full build: {full_seconds:.1f} s, {folder_bytes(current_generation(churned)) / 2**20:.1f} MB, "
          f"{_segments(churned)} segments", flush=True)
    originals: dict[Path, bytes] = {}
    seconds = []
    try:
        for run in range(1, args.runs + 1):
            changed = change_titles(source, args.percent, 1 if args.same_files else run, originals, label=run)
            start = time.perf_counter()
            report = reindex(source, churned)
            seconds.append(time.perf_counter() - start)
            size = folder_bytes(current_generation(churned)) / 2**20
            print(f"run {run:2d}: {changed} changed, {report.updated} updated, {seconds[-1]:.1f} s "
                  f"({100 * seconds[-1] / full_seconds:.1f}% of the full build), {size:.1f} MB, "
                  f"{_segments(churned)} segments", flush=True)
        if not args.against_first:
            start = time.perf_counter()
            reindex(source, fresh, full=True)
            print(f"fresh full build of the changed files: {time.perf_counter() - start:.1f} s", flush=True)
        queries = make_queries(args.workdir, args.queries)
        times = _search_times([churned, fresh], queries)
        close_all()
    finally:
        for path, data in originals.items():
            path.write_bytes(data)
    churned_bytes, fresh_bytes = (folder_bytes(current_generation(index)) for index in (churned, fresh))
    print(f"runs: median {statistics.median(seconds):.1f} s, worst {max(seconds):.1f} s "
          f"({100 * max(seconds) / full_seconds:.1f}% of the full build; goal <= 5%)")
    print(f"size after {args.runs} runs: {churned_bytes / 2**20:.1f} MB in {_segments(churned)} segments, fresh "
          f"{fresh_bytes / 2**20:.1f} MB in {_segments(fresh)}: {churned_bytes / fresh_bytes:.2f}x (goal <= 1.1x)")
    for index, label in ((churned, "after the runs"), (fresh, "fresh")):
        print(f"search {label}: median {statistics.median(times[index]):.1f} ms, p95 {p95(times[index]):.1f} ms")
    print(f"p95 ratio: {p95(times[churned]) / p95(times[fresh]):.2f}x (goal <= 1.1x)")


if __name__ == "__main__":
    main()
