"""Index build and reindex times of press-archive on real releases, against bare Whoosh and SQLite FTS5.

    .venv/bin/python benchmarks/bench_index.py [--count 100000] [--workdir /tmp/bench-index] \
        [--repeat 1] [--repeat-incremental 5] [--corpora ../shared/corpora] [--indic-share 0.2]

The PIB, DOJ (texts "None" skipped) and Reuters-21578 (items with a <BODY>) collections are
shuffled once (seeded) and repeated with distinct ids until --count releases, written to
WORKDIR/source as JSON Lines, 100 releases a file (PIB records in PIB's form, the others in the
generic form; bench_source.py). Every measurement runs in a fresh subprocess, which reports its own wall time
(imports excluded) and peak RSS: its own and its largest child's (Whoosh's procs=2 writer forks).

  parse only     archive.reading.read_file over every file; also writes WORKDIR/releases.jsonl,
                 the parsed releases the baselines index (so baselines exclude parsing)
  full build     indexer.reindex(source, index, full=True); size = the generation folder
  incremental    indexer.reindex(source, index) with nothing changed, then with the titles of
                 every release in 1% of the files changed (different files each run); the
                 changed files are restored afterwards (one more, reported, reindex)
  bare Whoosh    schema id + title/body TEXT stemmed (+ one STORED dict of facet values, not
                 indexed, for bench_search's loop), default ix.writer()
  bare procs=2   what a competent Whoosh user would write: stemmed title and body, date, agency
                 and location as sortable columns, ix.writer(procs=2, multisegment=True,
                 limitmb=256), fed each source file's own fields (read and decoded, no extraction)
  SQLite FTS5    fts5(title, body, porter unicode61) with the facet columns UNINDEXED, plus a
                 ministries(rid, ministry) table for the multi-valued facet

WORKDIR keeps source/, index/, bare-whoosh/, fts5.db and releases.jsonl for bench_search.py.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_source import DEFAULT_CORPORA, SEED, write_source  # noqa: E402

FACET_KEYS = ("location", "country", "agency", "ministries", "date")


def folder_bytes(path: Path) -> int:
    """Return the bytes of every file under `path`."""
    return sum(file.stat().st_size for file in Path(path).rglob("*") if file.is_file())


def bare_schema():
    """Return the minimal Whoosh schema of the baseline."""
    from whoosh import fields
    from whoosh.analysis import StemmingAnalyzer

    return fields.Schema(id=fields.ID(unique=True, stored=True),
                         title=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
                         body=fields.TEXT(analyzer=StemmingAnalyzer()), facets=fields.STORED())


def iter_parsed(workdir: Path):
    """Yield the parsed releases that parse-only wrote, as dicts."""
    with open(workdir / "releases.jsonl", encoding="utf-8") as lines:
        yield from map(json.loads, lines)


def work_parse(workdir: Path) -> dict:
    """Parse every source file with the project's readers and save the releases."""
    from archive import ParseError
    from archive.reading import iter_release_files, read_file

    docs = skipped = 0
    source = workdir / "source"
    with open(workdir / "releases.jsonl", "w", encoding="utf-8") as out:
        for path in iter_release_files(source):
            for result in read_file(path, source):
                if isinstance(result, ParseError):
                    skipped += 1
                    continue
                docs += 1
                out.write(json.dumps({k: getattr(result, k) for k in ("id", "title", "body", *FACET_KEYS)}) + "\n")
    return {"docs": docs, "skipped": skipped}


def work_reindex(workdir: Path, full: bool) -> dict:
    """Run the project's reindex over the source folder."""
    from indexer import reindex
    from indexer.store import MANIFEST, current_generation

    start = time.perf_counter()
    report = reindex(workdir / "source", workdir / "index", full=full)
    seconds = time.perf_counter() - start
    generation = current_generation(workdir / "index")
    return {"seconds": seconds, "docs": report.added + report.updated + report.removed + report.unchanged,
            "written": report.added + report.updated + report.removed, "skipped": len(report.skipped),
            "bytes": folder_bytes(generation), "manifest": (generation / MANIFEST).stat().st_size}


def work_bare(workdir: Path) -> dict:
    """Index the parsed releases into the minimal Whoosh schema with a default writer."""
    from whoosh import index

    folder = workdir / "bare-whoosh"
    folder.mkdir()
    ix = index.create_in(str(folder), bare_schema())
    writer, docs = ix.writer(), 0
    for release in iter_parsed(workdir):
        writer.add_document(id=release["id"], title=release["title"], body=release["body"],
                            facets={k: release[k] for k in FACET_KEYS})
        docs += 1
    writer.commit()
    ix.close()
    return {"docs": docs, "bytes": folder_bytes(folder)}


def bare_procs_schema():
    """The schema a competent Whoosh user would write: stemmed title and body, three sortable facets."""
    from whoosh import fields
    from whoosh.analysis import StemmingAnalyzer

    return fields.Schema(id=fields.ID(unique=True, stored=True),
                         title=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
                         body=fields.TEXT(analyzer=StemmingAnalyzer()),
                         date=fields.ID(sortable=True, stored=True), agency=fields.ID(sortable=True, stored=True),
                         location=fields.ID(sortable=True, stored=True))


def work_bare_procs(workdir: Path) -> dict:
    """Index the source files' own fields (no extraction) with Whoosh's writer at procs=2, multisegment."""
    from whoosh import index

    folder = workdir / "bare-procs"
    folder.mkdir()
    ix = index.create_in(str(folder), bare_procs_schema())
    writer, docs = ix.writer(procs=2, multisegment=True, limitmb=256), 0
    for path in sorted((workdir / "source").glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            # PIB's records and the generic ones name their fields differently; the values go in as given.
            writer.add_document(id=str(record.get("id") or record.get("prid")), title=record.get("title", ""),
                                body=record.get("body") or record.get("text") or "",
                                date=str(record.get("date") or record.get("timestamp") or ""),
                                agency=record.get("agency") or ("PIB" if "prid" in record else ""),
                                location=record.get("location") or "")
            docs += 1
    writer.commit()
    ix.close()
    return {"docs": docs, "bytes": folder_bytes(folder)}


def work_fts5(workdir: Path) -> dict:
    """Index the parsed releases into an SQLite FTS5 table plus a ministries table."""
    path = workdir / "fts5.db"
    db = sqlite3.connect(path)
    db.execute("CREATE VIRTUAL TABLE releases USING fts5(id UNINDEXED, date UNINDEXED, location UNINDEXED, "
               "country UNINDEXED, agency UNINDEXED, title, body, tokenize='porter unicode61')")
    db.execute("CREATE TABLE ministries (rid INTEGER NOT NULL, ministry TEXT NOT NULL)")
    docs = 0
    with db:
        for docs, release in enumerate(iter_parsed(workdir), start=1):
            db.execute("INSERT INTO releases (rowid, id, date, location, country, agency, title, body) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (docs, *(release[k] for k in (
                           "id", "date", "location", "country", "agency", "title", "body"))))
            db.executemany("INSERT INTO ministries VALUES (?, ?)", [(docs, m) for m in release["ministries"]])
        db.execute("CREATE INDEX ministries_by_name ON ministries (ministry, rid)")
        db.execute("CREATE INDEX ministries_by_rid ON ministries (rid, ministry)")
    db.close()
    return {"docs": docs, "bytes": path.stat().st_size}


def worker(kind: str, workdir: Path) -> None:
    """Run one measurement in this process and print its figures as JSON."""
    import indexer  # noqa: F401  (imports, Whoosh included, are not timed)
    import whoosh.index  # noqa: F401

    start = time.perf_counter()
    if kind in ("full", "incremental"):
        figures = work_reindex(workdir, full=kind == "full")
    else:
        figures = {"parse": work_parse, "bare": work_bare, "bare-procs": work_bare_procs,
                   "fts5": work_fts5}[kind](workdir)
    figures.setdefault("seconds", time.perf_counter() - start)
    figures["rss_self"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["rss_child"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps(figures))


def measure(kind: str, workdir: Path) -> dict:
    """Run one measurement in a fresh subprocess and return its figures."""
    done = subprocess.run([sys.executable, __file__, "--worker", kind, "--workdir", str(workdir)],
                          capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"{kind} failed:\n{done.stderr}")
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    print(f"  {kind}: {figures['seconds']:.2f} s", file=sys.stderr, flush=True)
    return figures


def change_titles(source: Path, percent: float, run: int, originals: dict[Path, bytes],
                  label: int | None = None) -> int:
    """Change the title of every release in `percent`% of the files (chosen by `run`, marked with
    `label`, `run` by default) from their original; return how many releases."""
    files = sorted(source.glob("*.jsonl"))
    chosen = random.Random(SEED + run).sample(files, max(1, round(len(files) * percent / 100)))
    releases = 0
    for path in chosen:
        data = originals.setdefault(path, path.read_bytes())
        records = [json.loads(line) for line in data.decode("utf-8").splitlines() if line.strip()]
        for record in records:
            record["title"] = f"{record['title']} (revised {run if label is None else label})"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
        releases += len(records)
    return releases


def prepare(workdir: Path, corpora: Path, count: int, repeat: int = 1,
            indic_share: float = 0.0) -> dict[str, list[dict]]:
    """Write the source and build every index once (ours `repeat` times); return the figures."""
    print(f"writing {write_source(corpora, count, workdir / 'source', indic_share)} to {workdir}", file=sys.stderr)
    runs = {"parse": [measure("parse", workdir)]}
    runs["full"] = [measure("full", workdir) for _ in range(repeat)]
    runs["bare"] = [measure("bare", workdir)]
    runs["bare-procs"] = [measure("bare-procs", workdir)]
    runs["fts5"] = [measure("fts5", workdir)]
    return runs


def _row(label: str, runs: list[dict], docs: int | None = None, full: float | None = None) -> str:
    """One line of the results table: medians over `runs`."""
    seconds = statistics.median(r["seconds"] for r in runs)
    docs = docs if docs is not None else runs[0]["docs"]
    rate = f"{docs / seconds:9,.0f}" if docs else f"{'-':>9}"
    ratio = f"{seconds / full:7.1%}" if full else f"{'':>7}"
    size = f"{runs[0]['bytes'] / 2**20:8,.1f}" if "bytes" in runs[0] else f"{'':>8}"
    rss = f"{max(r['rss_self'] for r in runs):7,.0f} / {max(r['rss_child'] for r in runs):6,.0f}"
    spread = f"{min(r['seconds'] for r in runs):.2f}-{max(r['seconds'] for r in runs):.2f}" if len(runs) > 1 else ""
    return f"{label:<38}{len(runs):>4}{seconds:10.2f}{rate} {ratio}{size}  {rss}  {spread}"


def main() -> None:
    """Parse arguments, run every measurement and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="folder of the real collections")
    parser.add_argument("--count", type=int, default=100_000, help="releases to index")
    parser.add_argument("--workdir", type=Path, help="empty or new folder for source and indexes (default: fresh /tmp dir)")
    parser.add_argument("--repeat", type=int, default=1, help="full builds to run (median)")
    parser.add_argument("--repeat-incremental", type=int, default=5, help="runs of each incremental case")
    parser.add_argument("--changed", type=float, default=1.0, help="percent of files changed")
    parser.add_argument("--indic-share", type=float, default=0.0,
                        help="share of the releases in India's languages (0.2: a fifth), from ../shared/corpora/indic")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker(args.worker, args.workdir)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="bench-index-"))
    if (workdir / "source").exists():
        sys.exit(f"{workdir} already has a source folder: give a new --workdir")
    runs = prepare(workdir, args.corpora, args.count, args.repeat, args.indic_share)
    runs["none"] = [measure("incremental", workdir) for _ in range(args.repeat_incremental)]
    originals: dict[Path, bytes] = {}
    runs["changed"], changed = [], 0
    for run in range(1, args.repeat_incremental + 1):
        changed = change_titles(workdir / "source", args.changed, run, originals)
        runs["changed"].append(measure("incremental", workdir))
    for path, data in originals.items():
        path.write_bytes(data)
    runs["restore"] = [measure("incremental", workdir)]

    full = statistics.median(r["seconds"] for r in runs["full"])
    docs = runs["full"][0]["docs"]
    print(f"\npress-archive index benchmark: {runs['parse'][0]['docs']:,} releases parsed "
          f"({runs['parse'][0]['skipped']} skipped), {docs:,} indexed; workdir {workdir}")
    print(f"{'':<38}{'runs':>4}{'median s':>10}{'docs/s':>9} {'vs full':>7}{'size MB':>8}"
          f"  {'peak RSS MB self / child':>24}  range s")
    print(_row("parse only (read_file, no index)", runs["parse"]))
    print(_row("full build: reindex(full=True)", runs["full"]))
    print(_row("incremental, nothing changed", runs["none"], docs=0, full=full))
    share = changed / runs["full"][0]["docs"]
    print(_row(f"incremental, {changed:,} changed ({share:.1%})", runs["changed"], docs=changed, full=full))
    restored = runs["restore"][0]["written"]
    print(_row(f"restore the {len(originals)} changed files", runs["restore"], docs=restored, full=full))
    print(_row("bare Whoosh, default writer", runs["bare"], full=full))
    print(_row("bare Whoosh procs=2, reads the files", runs["bare-procs"], full=full))
    print(_row("SQLite FTS5", runs["fts5"], full=full))
    print(f"\nour index: {runs['full'][0]['bytes'] / 2**20:,.1f} MB of which manifest.json "
          f"{runs['full'][0]['manifest'] / 2**20:,.1f} MB; docs/s of incremental rows count changed releases; "
          f"baselines read releases.jsonl (already parsed); goal: incremental < 5% of a full build")
    baseline = runs["bare-procs"][0]
    print(f"reindex --full (parsing and extraction included) at {docs / full:,.0f} releases/s is "
          f"{(docs / full) / (baseline['docs'] / baseline['seconds']):.2f}x the procs=2 bare-Whoosh writer's "
          f"{baseline['docs'] / baseline['seconds']:,.0f}/s (goal >= 0.5x); index "
          f"{runs['full'][0]['bytes'] / runs['fts5'][0]['bytes']:.2f}x FTS5's size (goal <= 1.4x)")
    (workdir / "bench_index.json").write_text(json.dumps(runs, indent=1), "utf-8")


if __name__ == "__main__":
    main()
