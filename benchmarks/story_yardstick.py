"""How well stories are told apart: archive.stories.compare on hand-labelled pairs of real releases.

    .venv/bin/python benchmarks/story_yardstick.py [--corpora ../shared/corpora] [--wrong]

benchmarks/data/story_pairs.jsonl names 486 pairs (ids only) drawn from the candidates that
MinHash LSH finds in Reuters-21578 000-017, PIB Delhi February 2026 and the DOJ sample, each read
by a person and labelled `duplicate` (the same text re-sent), `version` (a correction, update,
cut or rewrite of the same event) or `different` (template-alike reports of other events, shared
background, unrelated). Prints precision and recall of "same story" and the duplicates found, for
each pair compared on its own and in the stories a reindex of all three collections makes.
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
DEFAULT_CORPORA = HERE.parent.parent / "shared" / "corpora"


def releases(corpora: Path) -> dict[str, Release]:
    """Every release of the three collections, read by the project's readers, by id."""
    folder = Path(tempfile.mkdtemp(prefix="story-yardstick-"))
    try:
        with tarfile.open(corpora / "reuters21578" / "reut2-000-017.tar.gz") as archive:
            archive.extractall(folder, filter="data")
        for name, target in (("pib/pib_delhi_2026-02.jsonl.gz", "pib.jsonl"),
                             ("doj/doj_opa_2009-2018_sample1500.jsonl.gz", "doj.jsonl")):
            (folder / target).write_bytes(gzip.decompress((corpora / name).read_bytes()))
        found = {}
        for path in sorted(folder.iterdir()):
            if path.suffix in (".sgm", ".jsonl"):
                found.update((r.id, r) for r in read_file(path, folder, 2_000_000) if isinstance(r, Release))
        return found
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--wrong", action="store_true", help="list the pairs judged wrongly")
    args = parser.parse_args()
    by_id = releases(args.corpora)
    pairs = [json.loads(line) for line in PAIRS.read_text("utf-8").splitlines() if line.strip()]
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
        for corpus, prefix in (("all", ""), ("Reuters", "reuters-"), ("PIB", "22"), ("DOJ", "doj-")):
            chosen = [pair for pair in pairs if pair["a"].startswith(prefix)]
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
