"""Stories of one index generation: which releases are copies or versions of one another.

A reindex sketches the releases it writes (indexer.story_table), finds the pairs of texts that may
be copies by their MinHash band keys, checks such a pair once by its exact similarity
(archive.stories.compare), keeps the verdict, and joins the releases of pairs found alike, in
their time window, into stories: the stories are the groups that alike pairs connect. Releases of
the same text are one class, checked once, and a pair already connected is not checked at all
(its verdict could not change the group). Only what changed is looked at again: the stories of
changed and removed releases are taken apart and joined anew from the verdicts kept, and only
pairs with no verdict are compared, so a series of incremental runs gives the stories a full
build gives, at a cost that grows with what changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from archive import Release
from archive.stories import STORY_WINDOW_DAYS, UNDATED, StoryText, compare
from indexer.documents import release_from_stored
from indexer.lru import LeastRecentlyUsed
from indexer.schema import ID
from indexer.store import open_folder
from indexer.whoosh_reads import column_strings
from indexer.story_table import (NO_FINGERPRINT, STORIES_FILE, Sketch, StoryTable, first_indexed, load_stories,
                                  save_stories)

#: Story texts kept while pairs are checked.
TEXTS_KEPT = 4096
_LAST_DAY = 1 << 30


def refresh_stories(folder: Path, full: bool, written: dict[str, Sketch] | Callable[[], dict[str, Sketch]],
                    removed: set[str], releases: dict[str, Release] | None = None, previous: Path | None = None,
                    opened: Callable[[], None] | None = None, table_name: str = STORIES_FILE) -> None:
    """Bring the generation's stories up to date after a reindex committed these writes (sketches of
    the releases written, or a function making them); `releases` are written ones still at hand (read
    from the index otherwise); a full build keeps the order releases were first indexed in from the
    `previous` generation. `opened` is called as soon as the index is open for reading; the table is
    saved as `table_name` in the generation."""
    if not (full or written or removed):
        return
    at_hand = releases or {}
    ix = open_folder(folder)
    try:
        with ix.searcher() as searcher:
            if opened:
                opened()
            if full:
                # Found anew, verdicts and all; only when each release was first indexed carries over.
                table = first_indexed(previous) if previous else StoryTable.empty()
                removed = set(table.ids.tolist())
            else:
                table = load_stories(folder)
            stored = _StoredReleases(searcher, folder)

            def text_of(release_id: str) -> StoryText | None:
                release = at_hand.get(release_id) or stored.get(release_id)
                return StoryText.of(release) if release else None

            table = update_stories(table, written() if callable(written) else written, removed, text_of)
    finally:
        ix.close()
    save_stories(folder, table, table_name)


class _StoredReleases:
    """Releases read back from the index by id: a term look-up each, until so many are wanted that
    reading the id column once (some 30 ms at 100,000 releases) is cheaper."""

    LOOKUPS = 200

    def __init__(self, searcher, folder: Path):
        self.searcher, self.folder = searcher, folder
        self.lookups = 0
        self._docnums: dict[str, int] | None = None

    def get(self, release_id: str) -> Release | None:
        """The release with this id, or None when the index has none."""
        if self._docnums is None and self.lookups < self.LOOKUPS:
            self.lookups += 1
            stored = self.searcher.document(**{ID: release_id})
        else:
            if self._docnums is None:
                self._docnums = self._read_docnums()
            docnum = self._docnums.get(release_id)
            stored = self.searcher.stored_fields(docnum) if docnum is not None else None
        return release_from_stored(stored, self.folder) if stored else None

    def _read_docnums(self) -> dict[str, int]:
        docnums = {}
        for leaf, offset in self.searcher.reader().leaf_readers():
            # Deleted documents keep their ids in the column: only live ones count.
            deleted = _deleted(leaf)
            docnums.update((release_id, offset + number) for number, release_id in enumerate(column_strings(leaf, ID))
                           if number not in deleted)
        return docnums


def _deleted(leaf) -> frozenset[int] | set[int]:
    """A segment's deleted document numbers (whoosh3 keeps them as a set; asked one by one otherwise)."""
    if not leaf.has_deletions():
        return frozenset()
    found = getattr(leaf, "deleted_docs_set", None)
    return found if isinstance(found, frozenset) else {n for n in range(leaf.doc_count_all()) if leaf.is_deleted(n)}


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
    found = old_rows >= 0
    # A release keeps its place in the order first indexed; new ones follow in the order written.
    next_sequence = int(table.sequence.max()) + 1 if len(table.sequence) else 0
    known = set(new_ids[found].tolist())
    rank = {release_id: n for n, release_id in enumerate(i for i in written if i not in known)}
    new_sequence = next_sequence + np.array([rank.get(release_id, 0) for release_id in new_ids.tolist()],
                                            dtype=np.int64)
    new_sequence[found] = table.sequence[old_rows[found]]
    kept_ids = table.ids[keep]
    at = np.searchsorted(kept_ids, new_ids)
    ids = np.insert(kept_ids.astype(np.result_type(kept_ids, new_ids)), at, new_ids)
    sketches = [written[release_id] for release_id in new_ids.tolist()]

    def merged(column: np.ndarray, values) -> np.ndarray:
        values = np.asarray(values, dtype=column.dtype).reshape(-1, *column.shape[1:])
        return np.insert(column[keep], at, values, axis=0)

    days = merged(table.days, [sketch.day for sketch in sketches])
    minutes = merged(table.minutes, [sketch.minute for sketch in sketches])
    fingerprints = merged(table.fingerprints, [sketch.fingerprint for sketch in sketches])
    bands = merged(table.bands, [sketch.bands for sketch in sketches])
    sequence = merged(table.sequence, new_sequence)
    story = merged(table.story, new_sequence)
    fresh = np.zeros(len(ids), dtype=bool)
    fresh[at + np.arange(len(new_ids))] = True
    free = fresh | np.isin(story, broken)
    story[free] = sequence[free]
    links = _Links(free, story)
    classes = _Classes(fingerprints, days)
    verdicts = _Verdicts(table.pairs, table.joined, classes)
    _join_copies(links, classes, verdicts, free)
    _compare_new_pairs(links, verdicts, classes, bands, free, fresh, ids, text_of)
    _name_stories(links, story, ids, days, minutes, sequence)
    return StoryTable(ids, days, minutes, fingerprints, bands, sequence, story, verdicts.pairs, verdicts.joined)


def _rows_of(ids: np.ndarray, wanted: set[str], in_order: bool = False) -> np.ndarray:
    """The rows of these ids (sorted), or with `in_order` each sorted id's row or -1."""
    wanted_ids = np.array(sorted(wanted), dtype=str)
    if not len(ids):
        return np.full(len(wanted_ids), -1, dtype=np.int64) if in_order else np.zeros(0, dtype=np.int64)
    at = np.minimum(np.searchsorted(ids, wanted_ids), len(ids) - 1)
    present = ids[at] == wanted_ids
    return np.where(present, at, -1) if in_order else at[present]


class _Classes:
    """The rows of each text (fingerprint): a fingerprint covers the date, so they are all of one day."""

    def __init__(self, fingerprints: np.ndarray, days: np.ndarray):
        self.fingerprints, self.days = fingerprints, days
        self._order = np.argsort(fingerprints, kind="stable")
        self._sorted = fingerprints[self._order]
        self._rows: dict[int, np.ndarray] = {}

    def rows(self, fingerprint: int) -> np.ndarray:
        """The rows with this fingerprint."""
        if fingerprint not in self._rows:
            self._rows[fingerprint] = self._order[np.searchsorted(self._sorted, np.uint64(fingerprint)):
                                                  np.searchsorted(self._sorted, np.uint64(fingerprint), side="right")]
        return self._rows[fingerprint]

    def of(self, rows: np.ndarray) -> np.ndarray:
        """The distinct fingerprints of these rows that can be copies (not too short)."""
        found = np.unique(self.fingerprints[rows])
        return found[found != NO_FINGERPRINT]

    def present(self, fingerprints: np.ndarray) -> np.ndarray:
        """Which of these fingerprints some row still has."""
        at = np.minimum(np.searchsorted(self._sorted, fingerprints), max(len(self._sorted) - 1, 0))
        return (self._sorted[at] == fingerprints) if len(self._sorted) else np.zeros(fingerprints.shape, bool)


class _Verdicts:
    """The pairs of texts compared, kept while both texts are in the archive."""

    def __init__(self, pairs: np.ndarray, joined: np.ndarray, classes: _Classes):
        kept = classes.present(pairs[:, 0]) & classes.present(pairs[:, 1]) if len(pairs) else np.zeros(0, bool)
        self.pairs, self.joined = pairs[kept], joined[kept]
        self._keys = np.sort(_pair_keys(self.pairs))

    def unknown(self, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """The pairs with no verdict yet."""
        if not pairs or not len(self._keys):
            return pairs
        keys = _pair_keys(np.array(pairs, dtype=np.uint64))
        at = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        return [pair for pair, known in zip(pairs, (self._keys[at] == keys).tolist()) if not known]

    def add(self, pairs: list[tuple[int, int]], joined: list[bool]) -> None:
        """Keep these verdicts."""
        if pairs:
            self.pairs = np.concatenate([self.pairs, np.array(pairs, dtype=np.uint64).reshape(-1, 2)])
            self.joined = np.concatenate([self.joined, np.array(joined, dtype=bool)])

    def joined_with(self, fingerprints: np.ndarray) -> np.ndarray:
        """The pairs found one story that have one of these fingerprints."""
        pairs = self.pairs[self.joined]
        return pairs[np.isin(pairs[:, 0], fingerprints) | np.isin(pairs[:, 1], fingerprints)]


def _pair_keys(pairs: np.ndarray) -> np.ndarray:
    return pairs[:, 0] * np.uint64(0x9E3779B97F4A7C15) ^ pairs[:, 1]


def _compare_new_pairs(links: _Links, verdicts: _Verdicts, classes: _Classes, bands: np.ndarray,
                       free: np.ndarray, fresh: np.ndarray, ids: np.ndarray,
                       text_of: Callable[[str], StoryText | None]) -> None:
    """Compare the free rows' texts with the texts their sketches say may be copies, in the window
    (as _candidate_pairs finds them), joining those found alike. A pair already in one story is not
    compared: its verdict could not change the story (it is compared once that story is taken apart)."""
    affected = classes.of(np.flatnonzero(free))
    if not len(affected):
        return
    texts = LeastRecentlyUsed(TEXTS_KEPT)

    def text(fingerprint: int) -> StoryText | None:
        # A text just written is at hand in a release just written.
        rows = classes.rows(fingerprint)
        row = int(rows[np.argmax(fresh[rows])])
        return texts.get(fingerprint, lambda: text_of(str(ids[row])))

    pairs, joined = [], []
    for first, second in verdicts.unknown(_candidate_pairs(classes.fingerprints, bands, classes.days, free, affected)):
        first_row, second_row = int(classes.rows(first)[0]), int(classes.rows(second)[0])
        if links.together(first_row, second_row):
            continue
        a, b = text(first), text(second)
        alike = a is not None and b is not None and bool(compare(a, b).kind)
        pairs.append((first, second))
        joined.append(alike)
        if alike:
            links.join(first_row, second_row)
    verdicts.add(pairs, joined)


def _join_copies(links: _Links, classes: _Classes, verdicts: _Verdicts, free: np.ndarray) -> None:
    """Join the free rows with the rows of their text and of texts found alike before (a verdict is
    only given within the time window; the rows of a text are all of one day, and always one story)."""
    affected = classes.of(np.flatnonzero(free))
    for fingerprint in affected.tolist():
        rows = classes.rows(fingerprint).tolist()
        for row in rows[1:]:
            links.join(rows[0], row)
    for first, second in verdicts.joined_with(affected).tolist():
        links.join(int(classes.rows(first)[0]), int(classes.rows(second)[0]))


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

    def together(self, first_row: int, second_row: int) -> bool:
        """Whether the two rows are joined already."""
        return self.root(self.element(first_row)) == self.root(self.element(second_row))

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


def _name_stories(links: _Links, story: np.ndarray, ids: np.ndarray, days: np.ndarray, minutes: np.ndarray,
                  sequence: np.ndarray) -> None:
    """Give each group of joined rows and stories the story of its earliest release, by date and time
    of day (the lowest id among equals)."""
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
        first = min(rows, key=lambda row: (int(days[row]) if days[row] != UNDATED else _LAST_DAY, int(minutes[row]),
                                           ids[row]))
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


def _candidate_pairs(fingerprints: np.ndarray, bands: np.ndarray, days: np.ndarray, free: np.ndarray,
                     affected: np.ndarray) -> list[tuple[int, int]]:
    """Pairs of fingerprints (the lower first) whose sketches agree on a whole band or on their lead,
    within the time window of each other (a fingerprint has one date), one of them free; those
    agreeing on most keys (the likeliest copies) first."""
    usable = fingerprints != NO_FINGERPRINT
    affected_set = set(affected.tolist())
    shared: dict[tuple[int, int], int] = {}
    for band in range(bands.shape[1]):
        keys = bands[:, band]
        rows = np.flatnonzero(_among(keys, np.unique(keys[free & usable])) & usable)
        # One row for each (key, fingerprint): copies of one text are one class; by day within a key.
        order = np.lexsort((fingerprints[rows], days[rows], keys[rows]))
        key, fingerprint, day = keys[rows][order], fingerprints[rows][order], days[rows][order]
        distinct = np.r_[True, (key[1:] != key[:-1]) | (fingerprint[1:] != fingerprint[:-1])]
        key, fingerprint, day = key[distinct], fingerprint[distinct], day[distinct]
        starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
        sizes = np.diff(np.r_[starts, len(key)])
        for start, size in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist()):
            group, group_days = fingerprint[start:start + size].tolist(), day[start:start + size]
            # Undated (day 0) sort first and reach only each other: no dated day is that small.
            ends = np.searchsorted(group_days, group_days + STORY_WINDOW_DAYS, side="right").tolist()
            for n, (a, end) in enumerate(zip(group, ends)):
                for b in group[n + 1:end]:
                    if a in affected_set or b in affected_set:
                        pair = (min(a, b), max(a, b))
                        shared[pair] = shared.get(pair, 0) + 1
    return sorted(shared, key=lambda pair: (-shared[pair], pair))


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
