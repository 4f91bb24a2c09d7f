"""What stories cost: their share of a full build and of incremental reindexes, and search with
stories collapsed against every release shown, on one index in one run.

    .venv/bin/python benchmarks/bench_stories.py --workdir /tmp/bench-indic [--changed 1.0] [--repeat 3]

WORKDIR/source is a benchmark source (bench_index.py writes one). A full build sketches releases
as it writes them and finds their stories after its commit: the time spent in both is measured
inside the build, so the share is of the same run. An incremental run finds its stories in a
process of its own while Whoosh commits (indexer/stories_aside.py), so what they add is measured
as a whole: the same change (1% of files, every headline in them; then undone) reindexed with
stories and without, in turns, `--repeat` times each. Searches run the bench_search.py queries
both ways, in turns.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import time
from contextlib import contextmanager, nullcontext
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import indexer.build as build  # noqa: E402
import indexer.release_writer as release_writer  # noqa: E402
from benchmarks.bench_search import make_queries, p95  # noqa: E402
from indexer import SearchRequest, reindex, search  # noqa: E402
from indexer.searchers import close_all  # noqa: E402
from indexer.stories_aside import StoriesAside  # noqa: E402
from indexer.story_table import KEYS, Sketch  # noqa: E402

spent = {"sketch": 0.0, "stories": 0.0, "aside": 0.0}


def _timed(name, function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start
    return wrapper


release_writer.sketch = _timed("sketch", release_writer.sketch)
build.refresh_stories = _timed("stories", build.refresh_stories)
# What the run waits for: starting the process (until it holds the index open) and its end.
StoriesAside.start = classmethod(_timed("aside", StoriesAside.start.__func__))
StoriesAside.finish = _timed("aside", StoriesAside.finish)


@contextmanager
def _without_stories():
    """Reindex as if stories did not exist: nothing sketched, found or kept."""
    saved = build.refresh_stories, StoriesAside.start, release_writer.sketch
    build.refresh_stories = lambda *args, **kwargs: None
    StoriesAside.start = classmethod(lambda cls, folder, writer: None)
    release_writer.sketch = lambda release: Sketch(0, 0, np.zeros(KEYS, np.uint32))
    try:
        yield
    finally:
        build.refresh_stories, StoriesAside.start, release_writer.sketch = saved


def _run(label: str, **kwargs) -> None:
    spent.update(sketch=0.0, stories=0.0, aside=0.0)
    start = time.perf_counter()
    report = reindex(**kwargs)
    total = time.perf_counter() - start
    story = spent["sketch"] + spent["stories"]
    print(f"{label}: {total:.1f} s, {report.added} added, {report.updated} updated; stories {story:.2f} s "
          f"(sketching {spent['sketch']:.2f} s, finding {spent['stories']:.2f} s) = {100 * story / total:.1f}% "
          f"of the run")


def _change_files(source: Path, percent: float, seed: int = 7) -> list[tuple[Path, bytes]]:
    files = sorted(source.glob("*.jsonl"))
    chosen = random.Random(seed).sample(files, max(1, int(len(files) * percent / 100)))
    saved = []
    for path in chosen:
        data = path.read_bytes()
        saved.append((path, data))
        lines = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
        for record in lines:
            record["title"] = "Updated: " + record.get("title", "")
        path.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for record in lines), "utf-8")
    return saved


def _incremental(source: Path, index: Path, percent: float, repeat: int) -> None:
    """The same changes reindexed with stories and without, in turns; medians of each."""
    runs: dict[bool, dict[str, list[float]]] = {True: {"changed": [], "undone": []},
                                                False: {"changed": [], "undone": []}}
    waited: list[float] = []
    for turn in range(repeat):
        for with_stories in (True, False):
            with nullcontext() if with_stories else _without_stories():
                saved = _change_files(source, percent, seed=turn)
                try:
                    spent.update(aside=0.0)
                    start = time.perf_counter()
                    reindex(source, index)
                    runs[with_stories]["changed"].append(time.perf_counter() - start)
                finally:
                    for path, data in saved:
                        path.write_bytes(data)
                start = time.perf_counter()
                reindex(source, index)
                runs[with_stories]["undone"].append(time.perf_counter() - start)
                if with_stories:
                    waited.append(spent["aside"])
    for kind, label in (("changed", f"{percent}% of files changed"), ("undone", "the changes undone")):
        with_, without = (statistics.median(runs[flag][kind]) for flag in (True, False))
        print(f"incremental ({label}), median of {repeat}: with stories {with_:.2f} s, without {without:.2f} s: "
              f"{100 * (with_ / without - 1):+.1f}%")
    print(f"waited for the stories process (starting it, then its end), a change and its undoing: "
          f"median {statistics.median(waited):.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workdir", type=Path, required=True, help="folder with source/ (bench_index.py)")
    parser.add_argument("--changed", type=float, default=1.0, help="percent of files changed for the incremental run")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--keep-index", action="store_true", help="use WORKDIR/stories-index as it is (no full build)")
    parser.add_argument("--repeat", type=int, default=3, help="incremental runs of each kind, with and without stories")
    args = parser.parse_args()
    source, index = args.workdir / "source", args.workdir / "stories-index"
    if not (args.keep_index and index.is_dir()):
        shutil.rmtree(index, ignore_errors=True)
        _run("full build", source=source, index_dir=index, full=True)
    _incremental(source, index, args.changed, args.repeat)
    queries = make_queries(args.workdir, args.queries)
    times: dict[bool, list[float]] = {True: [], False: []}
    for query in queries:
        filters = {"ministry": [query["ministry"]]} if query["ministry"] else {}
        for collapse in (False, True):  # in turns, so that both see the same machine
            start = time.perf_counter()
            search(index, SearchRequest(q=query["q"], filters=filters, date_from=query["date_from"],
                                        date_to=query["date_to"], collapse=collapse))
            times[collapse].append(1000 * (time.perf_counter() - start))
    close_all()
    for collapse, label in ((False, "every release"), (True, "stories collapsed")):
        print(f"search, {label}: median {statistics.median(times[collapse]):.1f} ms, p95 {p95(times[collapse]):.1f} ms")
    print(f"p95 ratio collapsed/every release: {p95(times[True]) / p95(times[False]):.2f}")


if __name__ == "__main__":
    main()
