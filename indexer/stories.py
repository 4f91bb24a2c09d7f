"""Stories of one index generation: each release's MinHash sketch, and the story it belongs to.

A reindex sketches the releases it writes (MinHash of their shingles, from `datasketch`), finds
the pairs that may be copies with locality-sensitive hashing over the sketches, checks each pair
by its exact similarity (archive.stories.compare), and joins the pairs into stories. Releases of
the same text are one class, checked once. Only what changed is looked at again: the stories of
changed and removed releases are taken apart and found anew, the others are kept whole, so a
series of incremental runs gives the stories a full build gives (the pairs are the same).
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from datasketch import MinHash, MinHashLSH

from archive import Release
from archive.stories import (
    STORY_WINDOW_DAYS, UNDATED, StoryText, compare, day_number, story_text, story_words,
)
from indexer.documents import release_from_stored
from indexer.lru import LeastRecentlyUsed
from indexer.schema import ID
from indexer.store import open_folder

STORIES_FILE = "stories.npz"
NUM_PERM = 64
#: The similarity at which a pair is as likely as not to be looked at: low enough for a cut copy.
LSH_THRESHOLD = 0.25
#: Story texts kept while pairs are checked.
TEXTS_KEPT = 4096
UNDATED_DAY = UNDATED
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1).permutations
# The bands and rows datasketch's LSH would use for this threshold.
_LSH = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
_BANDS, _ROWS = _LSH.b, _LSH.r
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
                 0x85EBCA77C2B2AE63, 0xFF51AFD7ED558CCD][:_ROWS], dtype=np.uint64)


@dataclass(frozen=True)
class Sketch:
    """What stories keep of a release: its day, the fingerprint of its words, its MinHash."""

    day: int
    fingerprint: int
    signature: np.ndarray


def sketch(release: Release) -> Sketch:
    """The sketch of a release, made as it is written."""
    words = story_words(story_text(release))
    hashes = np.fromiter((zlib.crc32(word.encode("utf-8")) for word in words), dtype=np.uint64, count=len(words))
    if len(hashes) >= 3:
        # A three-word shingle's hash from its words' (archive.stories.SHINGLE_WORDS).
        hashes = (hashes[:-2] * np.uint64(1_000_003) + hashes[1:-1] * np.uint64(8191) + hashes[2:]) \
            & np.uint64(0xFFFFFFFF)
    minhash = MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS, hashfunc=int, scheme="affine32")
    if len(hashes):
        minhash.update_batch(np.unique(hashes))
    fingerprint = int.from_bytes(hashlib.blake2b("\x1f".join(words).encode("utf-8"), digest_size=8).digest(), "big")
    return Sketch(day_number(release.date), fingerprint, minhash.hashvalues.astype(np.uint32))


@dataclass
class StoryTable:
    """Every release's sketch and story in one generation (rows in no particular order)."""

    ids: list[str]
    days: np.ndarray
    fingerprints: np.ndarray
    signatures: np.ndarray
    #: The order releases were first indexed in (for "first reported" when dates are equal).
    sequence: np.ndarray
    #: Each release's story: the id of its earliest release (then lowest id).
    stories: list[str]

    @classmethod
    def empty(cls) -> StoryTable:
        """A table with no release."""
        return cls([], np.zeros(0, np.int32), np.zeros(0, np.uint64), np.zeros((0, NUM_PERM), np.uint32),
                   np.zeros(0, np.int64), [])

    def story_of(self) -> dict[str, str]:
        """Each release id's story."""
        return dict(zip(self.ids, self.stories))


def load_stories(folder: Path) -> StoryTable:
    """The generation's story table (empty when it has none yet)."""
    try:
        with np.load(Path(folder) / STORIES_FILE, allow_pickle=False) as data:
            return StoryTable(data["ids"].tolist(), data["days"], data["fingerprints"], data["signatures"],
                              data["sequence"], data["stories"].tolist())
    except FileNotFoundError:
        return StoryTable.empty()


def stories_stamp(folder: Path) -> tuple[int, int] | None:
    """When the generation's stories last changed (None when it has none): snapshots key on it."""
    try:
        stat = (Path(folder) / STORIES_FILE).stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def save_stories(folder: Path, table: StoryTable) -> None:
    """Replace the generation's story table atomically."""
    temporary = Path(folder) / f"{STORIES_FILE}.tmp"
    with open(temporary, "wb") as file:
        np.savez(file, ids=np.array(table.ids, dtype=str), days=table.days, fingerprints=table.fingerprints,
                 signatures=table.signatures, sequence=table.sequence, stories=np.array(table.stories, dtype=str))
    os.replace(temporary, Path(folder) / STORIES_FILE)


def refresh_stories(folder: Path, full: bool, written: dict[str, Sketch], removed: set[str]) -> None:
    """Bring the generation's stories up to date after a reindex committed these writes."""
    if not (full or written or removed):
        return
    table = StoryTable.empty() if full else load_stories(folder)
    ix = open_folder(folder)
    try:
        with ix.searcher() as searcher:
            def text_of(release_id: str) -> StoryText | None:
                stored = searcher.document(**{ID: release_id})
                return StoryText.of(release_from_stored(stored, folder)) if stored else None

            table = update_stories(table, written, removed, text_of)
    finally:
        ix.close()
    save_stories(folder, table)


def update_stories(table: StoryTable, written: dict[str, Sketch], removed: set[str],
                   text_of: Callable[[str], StoryText | None]) -> StoryTable:
    """The table with `written` releases added or replaced and `removed` ones gone, stories found anew
    where they changed; `text_of(id)` gives a release's text as stories compare it."""
    gone = removed | set(written)
    old_story = table.story_of()
    # Stories that lost or changed a release are taken apart; their other releases are looked at again.
    broken = {old_story[release_id] for release_id in gone if release_id in old_story}
    keep = np.array([release_id not in gone for release_id in table.ids], dtype=bool)
    next_sequence = int(table.sequence.max()) + 1 if len(table.sequence) else 0
    old_sequence = dict(zip(table.ids, table.sequence.tolist()))
    new_ids = sorted(written)
    ids = [release_id for release_id, kept in zip(table.ids, keep) if kept] + new_ids
    sequence = np.concatenate([table.sequence[keep], np.array(
        [old_sequence.get(release_id, next_sequence + n) for n, release_id in enumerate(new_ids)], dtype=np.int64)])
    days = np.concatenate([table.days[keep], np.array([written[i].day for i in new_ids], dtype=np.int32)])
    fingerprints = np.concatenate([table.fingerprints[keep],
                                   np.array([written[i].fingerprint for i in new_ids], dtype=np.uint64)])
    signatures = np.concatenate([table.signatures[keep], np.array(
        [written[i].signature for i in new_ids], dtype=np.uint32).reshape(-1, NUM_PERM)])
    kept_stories = [story for story, kept in zip(table.stories, keep) if kept]
    changed = np.zeros(len(ids), dtype=bool)
    changed[len(kept_stories):] = True
    changed[:len(kept_stories)] = [story in broken for story in kept_stories]
    links = _Links(len(ids))
    # Releases of stories left whole stay together.
    first_of: dict[str, int] = {}
    for row, story in enumerate(kept_stories):
        if story not in broken:
            links.join(row, first_of.setdefault(story, row))
    _link_copies(links, days, fingerprints, signatures, changed, ids, text_of)
    stories = _story_names(links, ids, days)
    return StoryTable(ids, days, fingerprints, signatures, sequence, stories)


class _Links:
    """Union-find over rows."""

    def __init__(self, size: int):
        self.parent = list(range(size))

    def root(self, row: int) -> int:
        parent = self.parent
        while parent[row] != row:
            parent[row] = parent[parent[row]]
            row = parent[row]
        return row

    def join(self, first: int, second: int) -> None:
        a, b = self.root(first), self.root(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _story_names(links: _Links, ids: list[str], days: np.ndarray) -> list[str]:
    """Each row's story: the id of its earliest release, the lowest id first among equals."""
    best: dict[int, tuple[int, str]] = {}
    roots = [links.root(row) for row in range(len(ids))]
    for row, root in enumerate(roots):
        key = (int(days[row]) if days[row] != UNDATED_DAY else 1 << 30, ids[row])
        if root not in best or key < best[root]:
            best[root] = key
    return [best[root][1] for root in roots]


def _link_copies(links: _Links, days: np.ndarray, fingerprints: np.ndarray, signatures: np.ndarray,
                 changed: np.ndarray, ids: list[str], text_of: Callable[[str], StoryText | None]) -> None:
    """Join the changed rows with every row that is a copy of them, in the time window."""
    if not changed.any():
        return
    # Rows of the same words are one class, represented by its first row.
    classes, first_rows, class_of = np.unique(fingerprints, return_index=True, return_inverse=True)
    members: dict[int, np.ndarray] = {}
    order = np.argsort(class_of, kind="stable")
    bounds = np.searchsorted(class_of[order], np.arange(len(classes) + 1))
    changed_classes = np.unique(class_of[changed])
    for klass in changed_classes.tolist():
        rows = order[bounds[klass]:bounds[klass + 1]]
        members[klass] = rows[np.argsort(days[rows], kind="stable")]
        _join_chain(links, members[klass], days)
    texts = LeastRecentlyUsed(TEXTS_KEPT)

    def text(klass: int) -> StoryText | None:
        return texts.get(klass, lambda: text_of(ids[first_rows[klass]]))

    is_changed = np.zeros(len(classes), dtype=bool)
    is_changed[changed_classes] = True
    for first, second in sorted(_candidate_classes(signatures[first_rows], is_changed)):
        for klass in (first, second):
            if klass not in members:
                rows = order[bounds[klass]:bounds[klass + 1]]
                members[klass] = rows[np.argsort(days[rows], kind="stable")]
        if not _any_in_window(members[first], members[second], days):
            continue
        a, b = text(first), text(second)
        if a is not None and b is not None and compare(a, b).kind:
            _join_in_window(links, members[first], members[second], days)


def _candidate_classes(signatures: np.ndarray, changed: np.ndarray) -> set[tuple[int, int]]:
    """Pairs of classes whose sketches agree on a whole band, at least one of them changed."""
    pairs: set[tuple[int, int]] = set()
    for band in range(_BANDS):
        keys = signatures[:, band * _ROWS:(band + 1) * _ROWS].astype(np.uint64) @ _MIX
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        ends = np.r_[starts[1:], len(keys)]
        # Only groups of two or more with a changed class in them.
        wanted = (ends - starts > 1) & (np.add.reduceat(changed[order].astype(np.int32), starts) > 0)
        for start, end in zip(starts[wanted].tolist(), ends[wanted].tolist()):
            group = np.sort(order[start:end]).tolist()
            pairs.update((a, b) for n, a in enumerate(group) for b in group[n + 1:] if changed[a] or changed[b])
    return pairs


def _any_in_window(first: np.ndarray, second: np.ndarray, days: np.ndarray) -> bool:
    a, b = days[first], days[second]
    undated_a, undated_b = a == UNDATED_DAY, b == UNDATED_DAY
    if undated_a.any() and undated_b.any():
        return True
    a, b = a[~undated_a], b[~undated_b]
    if not len(a) or not len(b):
        return False
    positions = np.searchsorted(b, a - STORY_WINDOW_DAYS)
    return bool(((positions < len(b)) & (b[np.minimum(positions, len(b) - 1)] <= a + STORY_WINDOW_DAYS)).any())


def _join_in_window(links: _Links, first: np.ndarray, second: np.ndarray, days: np.ndarray) -> None:
    """Join each row of `first` with the rows of `second` in its time window (`second` sorted by
    day); undated rows go only with undated ones."""
    b_days = days[second]
    for row in first.tolist():
        day = int(days[row])
        if day == UNDATED_DAY:
            low, high = 0, np.searchsorted(b_days, UNDATED_DAY, "right")
        else:
            low = np.searchsorted(b_days, max(day - STORY_WINDOW_DAYS, UNDATED_DAY + 1))
            high = np.searchsorted(b_days, day + STORY_WINDOW_DAYS, "right")
        for partner in second[low:high].tolist():
            links.join(row, partner)


def _join_chain(links: _Links, rows: np.ndarray, days: np.ndarray) -> None:
    """Join rows of one text (sorted by day) that follow each other within the window: as joining
    every pair in the window would, in one pass."""
    for previous, row in zip(rows[:-1].tolist(), rows[1:].tolist()):
        before, after = int(days[previous]), int(days[row])
        if (before == UNDATED_DAY) == (after == UNDATED_DAY) and after - before <= STORY_WINDOW_DAYS:
            links.join(previous, row)
