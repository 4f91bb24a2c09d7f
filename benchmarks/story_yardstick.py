"""How well stories are told apart: archive.stories.compare on hand-labelled pairs of real releases.

    .venv/bin/python benchmarks/story_yardstick.py [--corpora ../shared/corpora] [--wrong]

benchmarks/data/story_pairs.jsonl names 486 pairs (ids only) drawn from the candidates that
MinHash LSH finds in Reuters-21578 000-017, PIB Delhi February 2026 and the DOJ sample, each read
by a person and labelled `duplicate` (the same text re-sent), `version` (a correction, update,
cut or rewrite of the same event) or `different` (template-alike reports of other events, shared
background, unrelated). Prints precision and recall of "same story" and the recall of duplicates.
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
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    duplicates = found_duplicates = 0
    for pair in pairs:
        comparison = compare(StoryText.of(by_id[pair["a"]]), StoryText.of(by_id[pair["b"]]))
        same, said = bool(comparison.kind), pair["label"] != "different"
        counts[("t" if same == said else "f") + ("p" if same else "n")] += 1
        if pair["label"] == "duplicate":
            duplicates += 1
            found_duplicates += same
        if args.wrong and same != said:
            judged = comparison.kind or "different"
            print(f"  {pair['label']:9} judged {judged:9} {pair['a']} {pair['b']}: {pair['reason']}")
    precision = counts["tp"] / max(1, counts["tp"] + counts["fp"])
    recall = counts["tp"] / max(1, counts["tp"] + counts["fn"])
    print(f"{len(pairs)} pairs ({counts['tp'] + counts['fn']} same story, {duplicates} of them duplicates): "
          f"precision {precision:.3f}, recall {recall:.3f}, "
          f"duplicates recall {found_duplicates / max(1, duplicates):.3f}")


if __name__ == "__main__":
    main()
