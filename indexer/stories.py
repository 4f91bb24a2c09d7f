"""Stories of one index generation: each release's MinHash sketch, and the story it belongs to.

A reindex sketches the releases it writes (MinHash of their shingles, from `datasketch`, kept as
band keys for locality-sensitive hashing), finds the pairs that may be copies by those keys,
checks each pair by its exact similarity (archive.stories.compare), and joins the pairs into
stories. Releases of the same text are one class, checked once. Only what changed is looked at
again: the stories of changed and removed releases are taken apart and found anew, the others are
kept whole, so a series of incremental runs gives the stories a full build gives (the pairs are
the same), at a cost that grows with what changed, not with the archive.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import regex
from datasketch import MinHash

from archive import Release
from archive.stories import (
    MIN_WORDS, SHORT_WORDS, STORY_WINDOW_DAYS, UNDATED, StoryText, compare, day_number, story_parts,
)
from indexer.documents import release_from_stored
from indexer.lru import LeastRecentlyUsed
from indexer.schema import ID
from indexer.store import open_folder

STORIES_FILE = "stories.npz"
#: 32 bands of 2 rows: a pair whose shingles are 30% the same is looked at 95 times in 100, one of 10%
#: 28 times (README, "Stories"): a cut copy or a rewrite is rarely missed, and every pair is checked.
BANDS, ROWS = 32, 2
NUM_PERM = BANDS * ROWS
#: The fingerprint of a text too short to be anyone's copy (archive.stories.MIN_WORDS).
NO_FINGERPRINT = 0
#: Story texts kept while pairs are checked.
TEXTS_KEPT = 4096
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1).permutations
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F], dtype=np.uint64)
# Sketches need words, not the words compare folds: cased and accented letters alike, marks kept.
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
_LAST_DAY = 1 << 30


@dataclass(frozen=True)
class Sketch:
    """What stories keep of a release: its day, the fingerprint of its words, its MinHash band keys."""

    day: int
    fingerprint: int
    bands: np.ndarray


def sketch(release: Release) -> Sketch:
    """The sketch of a release, made as it is written."""
    text, house = story_parts(release)
    words = _WORD.findall(text.lower())
    day = day_number(release.date)
    if len(words) < MIN_WORDS:
        return Sketch(day, NO_FINGERPRINT, np.zeros(BANDS, np.uint32))
    hashes = np.fromiter((zlib.crc32(word.encode("utf-8")) for word in words), dtype=np.uint64, count=len(words))
    # A three-word shingle's hash from its words' (archive.stories.SHINGLE_WORDS).
    hashes = (hashes[:-2] * np.uint64(1_000_003) + hashes[1:-1] * np.uint64(8191) + hashes[2:]) & np.uint64(0xFFFFFFFF)
    minhash = MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS, hashfunc=int, scheme="affine32")
    minhash.update_batch(np.unique(hashes))
    rows = minhash.hashvalues.astype(np.uint64).reshape(BANDS, ROWS)
    bands = ((rows * _MIX).sum(axis=1) >> np.uint64(32)).astype(np.uint32)
    # Copies of one text are joined unchecked: a short text or an answer in Parliament is one
    # only under the same headline (compare's rule), so that is part of what it is.
    same = " ".join(words)
    if len(words) < SHORT_WORDS or house:
        same = f"{release.title.lower()}\x1f{house}\x1f{same}"
    digest = hashlib.blake2b(same.encode("utf-8"), digest_size=8).digest()
    return Sketch(day, int.from_bytes(digest, "big") or 1, bands)


@dataclass
class StoryTable:
    """Every release's sketch and story in one generation, rows in the order of their ids."""

    ids: np.ndarray
    days: np.ndarray
    fingerprints: np.ndarray
    bands: np.ndarray
    #: The order releases were first indexed in (for "first reported" when dates are equal).
    sequence: np.ndarray
    #: Each release's story, as the `sequence` of its earliest release (then lowest id).
    story: np.ndarray

    @classmethod
    def empty(cls) -> StoryTable:
        """A table with no release."""
        return cls(np.zeros(0, dtype=str), np.zeros(0, np.int32), np.zeros(0, np.uint64),
                   np.zeros((0, BANDS), np.uint32), np.zeros(0, np.int64), np.zeros(0, np.int64))

    def story_of(self) -> dict[str, str]:
        """Each release id's story: the id of the story's earliest release."""
        by_sequence = dict(zip(self.sequence.tolist(), self.ids.tolist()))
        return {release_id: by_sequence[story] for release_id, story in zip(self.ids.tolist(), self.story.tolist())}


def load_stories(folder: Path) -> StoryTable:
    """The generation's story table (empty when it has none yet)."""
    try:
        with np.load(Path(folder) / STORIES_FILE, allow_pickle=False) as data:
            return StoryTable(*(data[name] for name in _COLUMNS))
    except FileNotFoundError:
        return StoryTable.empty()


_COLUMNS = ("ids", "days", "fingerprints", "bands", "sequence", "story")


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
        np.savez(file, **{name: getattr(table, name) for name in _COLUMNS})
    os.replace(temporary, Path(folder) / STORIES_FILE)


def refresh_stories(folder: Path, full: bool, written: dict[str, Sketch], removed: set[str],
                    releases: dict[str, Release] | None = None) -> None:
    """Bring the generation's stories up to date after a reindex committed these writes; `releases`
    are written ones still at hand (read from the index otherwise)."""
    if not (full or written or removed):
        return
    table = StoryTable.empty() if full else load_stories(folder)
    at_hand = releases or {}
    ix = open_folder(folder)
    try:
        with ix.searcher() as searcher:
            def text_of(release_id: str) -> StoryText | None:
                if release_id in at_hand:
                    return StoryText.of(at_hand[release_id])
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
    gone_rows = _rows_of(table.ids, removed | set(written))
    # Stories that lost or changed a release are taken apart; their other releases are looked at again.
    broken = np.unique(table.story[gone_rows])
    keep = np.ones(len(table.ids), dtype=bool)
    keep[gone_rows] = False
    new_ids = np.array(sorted(written), dtype=str)
    old_rows = _rows_of(table.ids, set(written), in_order=True)
    next_sequence = int(table.sequence.max()) + 1 if len(table.sequence) else 0
    new_sequence = np.arange(next_sequence, next_sequence + len(new_ids), dtype=np.int64)
    found = old_rows >= 0
    new_sequence[found] = table.sequence[old_rows[found]]
    kept_ids = table.ids[keep]
    at = np.searchsorted(kept_ids, new_ids)
    ids = np.insert(kept_ids.astype(np.result_type(kept_ids, new_ids)), at, new_ids)
    new_rows = at + np.arange(len(new_ids))
    sketches = [written[release_id] for release_id in new_ids.tolist()]

    def merged(column: np.ndarray, values) -> np.ndarray:
        return np.insert(column[keep], at, np.asarray(values, dtype=column.dtype).reshape(-1, *column.shape[1:]), axis=0)

    days = merged(table.days, [sketch.day for sketch in sketches])
    fingerprints = merged(table.fingerprints, [sketch.fingerprint for sketch in sketches])
    bands = merged(table.bands, [sketch.bands for sketch in sketches])
    sequence = merged(table.sequence, new_sequence)
    story = merged(table.story, new_sequence)
    free = np.zeros(len(ids), dtype=bool)
    free[new_rows] = True
    free |= np.isin(story, broken)
    story[free] = sequence[free]
    links = _Links(free, story)
    _link_copies(links, days, fingerprints, bands, free, ids, text_of)
    _name_stories(links, story, ids, days, sequence)
    return StoryTable(ids, days, fingerprints, bands, sequence, story)


def _rows_of(ids: np.ndarray, wanted: set[str], in_order: bool = False) -> np.ndarray:
    """The rows of these ids (sorted), or with `in_order` each sorted id's row or -1."""
    wanted_ids = np.array(sorted(wanted), dtype=str)
    if not len(ids):
        return np.full(len(wanted_ids), -1, dtype=np.int64) if in_order else np.zeros(0, dtype=np.int64)
    at = np.minimum(np.searchsorted(ids, wanted_ids), len(ids) - 1)
    present = ids[at] == wanted_ids
    return np.where(present, at, -1) if in_order else at[present]


class _Links:
    """Union-find over the rows that are free and the stories kept whole (each one element)."""

    def __init__(self, free: np.ndarray, story: np.ndarray):
        self.free, self.story = free, story
        self.parent: dict[int, int] = {}

    def element(self, row: int) -> int:
        """A free row as itself, a row of a story kept whole as that story (negative)."""
        return row if self.free[row] else -1 - int(self.story[row])

    def root(self, element: int) -> int:
        parent = self.parent
        while parent.get(element, element) != element:
            parent[element] = parent.get(parent[element], parent[element])
            element = parent[element]
        return element

    def join(self, first_row: int, second_row: int) -> None:
        a, b = self.root(self.element(first_row)), self.root(self.element(second_row))
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> Iterator[list[int]]:
        """The elements joined together, group by group."""
        found: dict[int, list[int]] = {}
        for element in list(self.parent):
            found.setdefault(self.root(element), []).append(element)
        for root, members in found.items():
            yield [root, *members]


def _name_stories(links: _Links, story: np.ndarray, ids: np.ndarray, days: np.ndarray,
                  sequence: np.ndarray) -> None:
    """Give each group of joined rows and stories the story of its earliest release (lowest id among equals)."""
    groups = list(links.groups())
    if not groups:
        return
    row_of_sequence = np.argsort(sequence)
    sorted_sequence = sequence[row_of_sequence]
    renamed_from, renamed_to = [], []
    for members in groups:
        # A story kept whole is represented by its earliest release.
        rows = [element if element >= 0 else int(row_of_sequence[np.searchsorted(sorted_sequence, -1 - element)])
                for element in members]
        first = min(rows, key=lambda row: (int(days[row]) if days[row] != UNDATED else _LAST_DAY, ids[row]))
        name = sequence[first]
        for element, row in zip(members, rows):
            if element >= 0:
                story[row] = name
            else:
                renamed_from.append(-1 - element)
                renamed_to.append(name)
    if renamed_from:
        old, new = np.array(renamed_from, dtype=np.int64), np.array(renamed_to, dtype=np.int64)
        order = np.argsort(old)
        old, new = old[order], new[order]
        at = np.minimum(np.searchsorted(old, story), len(old) - 1)
        hit = (old[at] == story) & ~links.free
        story[hit] = new[at[hit]]


def _link_copies(links: _Links, days: np.ndarray, fingerprints: np.ndarray, bands: np.ndarray,
                 free: np.ndarray, ids: np.ndarray, text_of: Callable[[str], StoryText | None]) -> None:
    """Join the free rows with every row that is a copy of them, in the time window."""
    changed = np.unique(fingerprints[free])
    changed = changed[changed != NO_FINGERPRINT]
    if not len(changed):
        return
    by_fingerprint = np.argsort(fingerprints, kind="stable")
    sorted_fingerprints = fingerprints[by_fingerprint]
    members: dict[int, np.ndarray] = {}

    def rows_of(fingerprint: int) -> np.ndarray:
        if fingerprint not in members:
            low = np.searchsorted(sorted_fingerprints, fingerprint, side="left")
            rows = by_fingerprint[low:np.searchsorted(sorted_fingerprints, fingerprint, side="right")]
            members[fingerprint] = rows[np.argsort(days[rows], kind="stable")]
        return members[fingerprint]

    for fingerprint in changed.tolist():
        _join_chain(links, rows_of(fingerprint), days)
    texts = LeastRecentlyUsed(TEXTS_KEPT)

    def text(fingerprint: int) -> StoryText | None:
        # A free row's text is at hand when it was just written.
        rows = rows_of(fingerprint)
        row = int(rows[np.argmax(free[rows])])
        return texts.get(fingerprint, lambda: text_of(str(ids[row])))

    for first, second in _candidate_pairs(fingerprints, bands, free, changed):
        a_rows, b_rows = rows_of(first), rows_of(second)
        if not _any_in_window(a_rows, b_rows, days):
            continue
        a, b = text(first), text(second)
        if a is not None and b is not None and compare(a, b).kind:
            _join_in_window(links, a_rows, b_rows, days)


def _candidate_pairs(fingerprints: np.ndarray, bands: np.ndarray, free: np.ndarray,
                     changed: np.ndarray) -> list[tuple[int, int]]:
    """Pairs of fingerprints whose sketches agree on a whole band, at least one of them changed."""
    usable = fingerprints != NO_FINGERPRINT
    changed_rows = free & usable
    pairs: set[tuple[int, int]] = set()
    for band in range(BANDS):
        keys = bands[:, band]
        wanted = _among(keys, np.unique(keys[changed_rows])) & usable
        rows = np.flatnonzero(wanted)
        # One row for each (key, fingerprint): copies of one text are one class.
        order = np.lexsort((fingerprints[rows], keys[rows]))
        key, fingerprint = keys[rows][order], fingerprints[rows][order]
        distinct = np.r_[True, (key[1:] != key[:-1]) | (fingerprint[1:] != fingerprint[:-1])]
        key, fingerprint = key[distinct], fingerprint[distinct]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        sizes = np.diff(np.r_[starts, len(key)])
        for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
            group = fingerprint[start:start + size].tolist()
            pairs.update((a, b) for n, a in enumerate(group) for b in group[n + 1:])
    changed_set = set(changed.tolist())
    return sorted(pair for pair in pairs if pair[0] in changed_set or pair[1] in changed_set)


def _among(keys: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Which keys are among the wanted ones: a look-up table of their low bits first, so that
    an incremental run costs one pass over the keys rather than sorting them."""
    if len(wanted) * 4 > len(keys):
        return np.isin(keys, wanted)
    table = np.zeros(1 << 20, dtype=bool)
    table[wanted & 0xFFFFF] = True
    maybe = np.flatnonzero(table[keys & 0xFFFFF])
    found = np.zeros(len(keys), dtype=bool)
    found[maybe[np.isin(keys[maybe], wanted)]] = True
    return found


def _any_in_window(first: np.ndarray, second: np.ndarray, days: np.ndarray) -> bool:
    a, b = days[first], days[second]
    undated_a, undated_b = a == UNDATED, b == UNDATED
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
        if day == UNDATED:
            low, high = 0, np.searchsorted(b_days, UNDATED, "right")
        else:
            low = np.searchsorted(b_days, max(day - STORY_WINDOW_DAYS, UNDATED + 1))
            high = np.searchsorted(b_days, day + STORY_WINDOW_DAYS, "right")
        for partner in second[low:high].tolist():
            links.join(row, partner)


def _join_chain(links: _Links, rows: np.ndarray, days: np.ndarray) -> None:
    """Join rows of one text (sorted by day) that follow each other within the window: as joining
    every pair in the window would, in one pass."""
    for previous, row in zip(rows[:-1].tolist(), rows[1:].tolist()):
        before, after = int(days[previous]), int(days[row])
        if (before == UNDATED) == (after == UNDATED) and after - before <= STORY_WINDOW_DAYS:
            links.join(previous, row)
