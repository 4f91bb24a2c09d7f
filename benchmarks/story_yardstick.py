"""How well stories are told apart: archive.stories.compare on hand-labelled pairs of real releases.

    .venv/bin/python benchmarks/story_yardstick.py [--corpora ../shared/corpora] [--wrong] [--unseen]

benchmarks/data/story_pairs.jsonl names 486 pairs (ids only) drawn from the candidates that
MinHash LSH finds in Reuters-21578 000-017, PIB Delhi February 2026 and the DOJ sample, each read
by a person and labelled `duplicate` (the same text re-sent), `version` (a correction, update,
cut or rewrite of the same event) or `different` (template-alike reports of other events, shared
background, unrelated): the pairs the rules were tuned on. With --unseen, the pairs of
benchmarks/data/story_pairs_unseen.jsonl instead: 177 pairs no rule was tuned on, sampled across
the range of TF-IDF word similarity (so rewrites the sketches cannot find are in it too) among
releases within 3 days of each other in All India Radio's English and Hindi news, PIB's releases
of 2020 in 14 languages, and Reuters and DOJ releases in no development pair; labelled by
people who never saw the rules. Prints precision and recall of "same story" and the duplicates
found, for each pair compared on its own and in the stories a reindex of every collection makes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archive import Release  # noqa: E402
from archive.reading import read_file  # noqa: E402
from archive.stories import StoryText, compare  # noqa: E402
from indexer.stories import update_stories  # noqa: E402
from indexer.story_table import StoryTable, sketch  # noqa: E402

HERE = Path(__file__).resolve().parent
PAIRS = HERE / "data" / "story_pairs.jsonl"
UNSEEN_PAIRS = HERE / "data" / "story_pairs_unseen.jsonl"
#: Which collection a pair is from, by the start of its first id.
COLLECTIONS = (("Reuters", "reuters-"), ("PIB 2026", "22"), ("DOJ", "doj-"), ("AIR", "air-"), ("PIB 2020", "pib-"))
DEFAULT_CORPORA = HERE.parent.parent / "shared" / "corpora"


def releases(corpora: Path) -> dict[str, Release]:
    """Every release of the five collections, read by the project's readers, by id."""
    folder = Path(tempfile.mkdtemp(prefix="story-yardstick-"))
    try:
        with tarfile.open(corpora / "reuters21578" / "reut2-000-017.tar.gz") as archive:
            archive.extractall(folder, filter="data")
        for name, target in (("pib/pib_delhi_2026-02.jsonl.gz", "pib.jsonl"),
                             ("doj/doj_opa_2009-2018_sample1500.jsonl.gz", "doj.jsonl")):
            (folder / target).write_bytes(gzip.decompress((corpora / name).read_bytes()))
        (folder / "indic.jsonl").write_text("".join(map(_generic_line, _indic_records(corpora))), "utf-8")
        found = {}
        for path in sorted(folder.iterdir()):
            if path.suffix in (".sgm", ".jsonl"):
                found.update((r.id, r) for r in read_file(path, folder, 2_000_000) if isinstance(r, Release))
        return found
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _indic_records(corpora: Path):
    """All India Radio's news items and PIB's releases of 2020 (every language), in the generic form."""
    with gzip.open(corpora / "indic" / "air_news_hi_en_2020-01-01_07.jsonl.gz", "rt", encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            yield {"id": f"air-{record['air_id']}", "title": record["title"], "date": record["date"],
                   "time": record["time_ist"], "body": record["text"], "language": record["lang"], "agency": "AIR"}
    with gzip.open(corpora / "indic" / "pib_multilingual_2020-01-05.jsonl.gz", "rt", encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            yield {"id": f"pib-{record['lang']}-{record['en_prid']}", "title": record["title"], "date": record["date"],
                   "time": record["time_ist"], "body": record["text"], "language": record["lang"], "agency": "PIB",
                   "ministries": [record["ministry_en"]]}


def _generic_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--wrong", action="store_true", help="list the pairs judged wrongly")
    parser.add_argument("--unseen", action="store_true", help="the pairs no rule was tuned on")
    args = parser.parse_args()
    by_id = releases(args.corpora)
    labelled = UNSEEN_PAIRS if args.unseen else PAIRS
    pairs = [json.loads(line) for line in labelled.read_text("utf-8").splitlines() if line.strip()]
    judged = {}
    for pair in pairs:
        comparison = compare(StoryText.of(by_id[pair["a"]]), StoryText.of(by_id[pair["b"]]))
        judged[pair["a"], pair["b"]] = comparison.kind
        if args.wrong and bool(comparison.kind) != (pair["label"] != "different"):
            print(f"  {pair['label']:9} judged {comparison.kind or 'different':9} {pair['a']} {pair['b']}: "
                  f"{pair['reason']}")
    # The archive's stories: every release sketched, candidates found, checked and joined as a
    # reindex does, so the pairs missed by the sketches and joined through a third count too.
    releases_all = list(by_id.values())
    table = update_stories(StoryTable.empty(), {r.id: sketch(r) for r in releases_all}, set(),
                           lambda release_id: StoryText.of(by_id[release_id]))
    story = table.story_of()
    print(f"{len(pairs)} labelled pairs; {len(releases_all)} releases in "
          f"{len(set(story.values()))} stories")
    for name, same in (("compared as a pair", lambda a, b: bool(judged[a, b])),
                       ("in the archive's stories", lambda a, b: story[a] == story[b])):
        for corpus, prefix in (("all", ""), *COLLECTIONS):
            chosen = [pair for pair in pairs if pair["a"].startswith(prefix)]
            if chosen:
                print(f"{name:24} {corpus:8} {_scores(chosen, same)}")


def _scores(pairs: list[dict], same) -> str:
    counts = {"tp": 0, "fp": 0, "fn": 0}
    duplicates = found = 0
    for pair in pairs:
        joined, said = same(pair["a"], pair["b"]), pair["label"] != "different"
        if joined or said:
            counts["tp" if joined and said else "fp" if joined else "fn"] += 1
        if pair["label"] == "duplicate":
            duplicates += 1
            found += joined
    joined, said = counts["tp"] + counts["fp"], counts["tp"] + counts["fn"]
    precision = f"{counts['tp'] / joined:.3f}" if joined else "  -  "
    recall = f"{counts['tp'] / said:.3f}" if said else "  -  "
    return (f"{len(pairs):3} pairs ({said:3} same story, {joined:3} joined): precision {precision}, "
            f"recall {recall}, duplicates found {found}/{duplicates}")


if __name__ == "__main__":
    main()
