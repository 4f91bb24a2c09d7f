"""Per-document arrays of one index snapshot, loaded once: live documents, dates, facet values,
field lengths, and the postings of recently searched terms.

Whoosh's matchers walk postings one document at a time in Python; at 100,000 releases a common
word took 80 ms to list and as long again to score. Here a term's postings are read once per
snapshot into arrays, and matching, scoring, counting and sorting are array operations.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from indexer.facet_columns import FacetColumn, facet_column
from indexer.histogram import DayTable
from indexer.lru import LeastRecentlyUsed
from indexer.schema import DATE, ID, UNDATED
from indexer.scoring import segment_lengths
from indexer.spelling import SpellingVocabulary
from indexer.story_table import load_stories, stories_stamp
from indexer.vocabulary import facet_names
from indexer.whoosh_reads import column_strings, leaf_postings

#: Postings kept per snapshot, in bytes (12 per posting): the common words of a busy archive.
POSTINGS_BUDGET = 192 * 2**20
#: Match sets of whole sub-queries (phrases, fallbacks) kept per snapshot.
RECENT_SETS = 64
#: Snapshots kept per index: the newest and the one before, while searchers move over.
KEPT_PER_INDEX = 2
#: Per index folder, its snapshots by (generation folder, commit, documents).
_kept: dict[str, LeastRecentlyUsed] = {}
_kept_lock = threading.Lock()
_spelling_lock = threading.Lock()


@dataclass
class Snapshot:
    """Arrays indexed by document number for one generation and commit of an index."""

    size: int
    live: np.ndarray
    facets: dict[str, FacetColumn]
    #: Each document's rank among the distinct dates (undated releases sort first), and those dates.
    date_rank: np.ndarray
    distinct_dates: list[str]
    #: Each document's story as a number (a document with no story yet has one of its own), and the
    #: story's id by number.
    story: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    story_ids: list[str] = field(default_factory=list)
    #: The order each document's release was first indexed in (-1 when not known).
    first_indexed: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    _story_numbers: dict[str, int] | None = None

    def story_number(self, story: str) -> int | None:
        """The number of the story with this id, None when no document has it."""
        if self._story_numbers is None:
            self._story_numbers = {story_id: number for number, story_id in enumerate(self.story_ids)}
        return self._story_numbers.get(story)
    _lengths: dict[str, np.ndarray] = field(default_factory=dict)
    posting_cache: LeastRecentlyUsed = field(default_factory=lambda: LeastRecentlyUsed(
        POSTINGS_BUDGET, lambda found: found[0].nbytes + found[1].nbytes))
    set_cache: LeastRecentlyUsed = field(default_factory=lambda: LeastRecentlyUsed(RECENT_SETS))
    _spelling: SpellingVocabulary | None = None

    def spelling(self, reader) -> SpellingVocabulary:
        """The words of the snapshot for corrections, read on first need (a search that suggests)."""
        with _spelling_lock:
            # One thread reads it; others asking meanwhile wait for it rather than read it again.
            if self._spelling is None:
                self._spelling = SpellingVocabulary.of(reader)
        return self._spelling

    def between(self, low: str, high: str) -> np.ndarray:
        """The live documents dated from `low` to `high` (ISO prefixes; "2025-10" is all October)."""
        start = bisect.bisect_left(self.distinct_dates, low)
        end = bisect.bisect_right(self.distinct_dates, high + "\uffff")
        return self.live & (self.date_rank >= start) & (self.date_rank < end)

    @cached_property
    def day_table(self) -> DayTable:
        """The distinct dates as numbers, for date histograms (computed once a snapshot)."""
        return DayTable.of(self.distinct_dates)

    @cached_property
    def releases(self) -> int:
        """How many releases the snapshot holds (computed once a snapshot)."""
        return int(np.count_nonzero(self.live))

    @cached_property
    def newest_date(self) -> str:
        """The date of its newest dated release, "" when none is dated (computed once a snapshot)."""
        ranks = self.date_rank[self.live]
        newest = self.distinct_dates[int(ranks.max())] if ranks.size else ""
        return "" if newest == UNDATED else newest

    @cached_property
    def oldest_key(self) -> np.ndarray:
        """Date ranks with undated releases moved after every dated one (computed once a snapshot)."""
        undated = bisect.bisect_left(self.distinct_dates, UNDATED + "\uffff")
        return np.where(self.date_rank < undated, len(self.distinct_dates), self.date_rank)

    def lengths(self, reader, fieldname: str) -> np.ndarray:
        """Every document's length in `fieldname` (at least 1), as Whoosh's scoring reads it."""
        if fieldname not in self._lengths:
            parts = [np.asarray(segment_lengths(leaf, fieldname), dtype=np.float64)
                     for leaf, _ in reader.leaf_readers()]
            self._lengths[fieldname] = np.concatenate(parts) if parts else np.zeros(0)
        return self._lengths[fieldname]

    def postings(self, reader, fieldname: str, term: bytes) -> tuple[np.ndarray, np.ndarray]:
        """The live documents holding `term` in `fieldname`, in order, and its frequency in each."""
        def read():
            docs, weights = _read_postings(reader, fieldname, term)
            keep = self.live[docs]
            return docs[keep], weights[keep]

        return self.posting_cache.get((fieldname, term), read)

    def remembered(self, key: str, compute) -> np.ndarray:
        """Return the document mask for `key`, computed once per snapshot while recent."""
        return self.set_cache.get(key, compute)

    def forget_terms(self) -> None:
        """Drop the cached postings and match sets."""
        self.posting_cache.clear()
        self.set_cache.clear()

    def mask_of(self, docs) -> np.ndarray:
        """A live-document mask of the document numbers `docs`."""
        mask = np.zeros(self.size, dtype=bool)
        ids = np.fromiter(docs, dtype=np.int64)
        mask[ids] = True
        return mask & self.live


def snapshot_of(searcher, folder: str) -> Snapshot:
    """Return the arrays of the searcher's snapshot, built on first use."""
    reader = searcher.reader()
    # The searcher's own snapshot, not the index's latest generation, which may be newer.
    key = (folder, reader.generation(), reader.doc_count_all(), stories_stamp(Path(folder)))
    with _kept_lock:
        # Only the newest snapshots of each index are worth keeping (an older one may still be
        # searched by a thread that has not yet seen a reindex); generations share an index dir.
        kept = _kept.setdefault(str(Path(folder).parent), LeastRecentlyUsed(KEPT_PER_INDEX))
    snapshot = kept.peek(key)
    if snapshot is None:
        snapshot = kept.get(key, lambda: _build(reader, Path(folder)))
        # The older snapshot serves only while searchers move over: it need not hold postings too.
        for previous in kept.values():
            if previous is not snapshot:
                previous.forget_terms()
    return snapshot


def kept_snapshots(index_dir) -> list[Snapshot]:
    """The snapshots of the index at `index_dir` kept in memory, the least recently used first."""
    with _kept_lock:
        kept = _kept.get(str(index_dir))
    return kept.values() if kept else []


def forget_terms() -> None:
    """Drop every snapshot's cached postings and match sets (benchmarks measure a cold start so)."""
    with _kept_lock:
        snapshots = [snapshot for kept in _kept.values() for snapshot in kept.values()]
    for snapshot in snapshots:
        snapshot.forget_terms()


def _build(reader, folder: Path) -> Snapshot:
    size = reader.doc_count_all()
    names = facet_names()
    columns: dict[str, list[str]] = {name: [] for name in (*names, DATE, ID)}
    # Per segment: a segment where no document had a value for a facet has no column for it.
    for leaf, _offset in reader.leaf_readers():
        for name in (*names, DATE, ID):
            if leaf.has_column(name):
                columns[name] += column_strings(leaf, name)
            else:
                columns[name] += [""] * leaf.doc_count_all()
    live = np.zeros(size, dtype=bool)
    live[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
    distinct_dates = sorted(set(columns[DATE]))
    rank_of = {date: rank for rank, date in enumerate(distinct_dates)}
    date_rank = np.fromiter(map(rank_of.__getitem__, columns[DATE]), dtype=np.int32, count=size)
    story, story_ids, first_indexed = _stories(columns[ID], folder)
    return Snapshot(size, live, {name: facet_column(columns[name], live) for name in names}, date_rank,
                    distinct_dates, story, story_ids, first_indexed)


def _stories(ids: list[str], folder: Path) -> tuple[np.ndarray, list[str], np.ndarray]:
    """Each document's story number, each number's story id, and each document's indexing order."""
    table = load_stories(folder)
    story_of = table.story_of()
    order = dict(zip(table.ids.tolist(), table.sequence.tolist()))
    numbers: dict[str, int] = {}
    story = np.fromiter((numbers.setdefault(story_of.get(release_id, release_id), len(numbers))
                         for release_id in ids), dtype=np.int64, count=len(ids))
    first_indexed = np.fromiter((order.get(release_id, -1) for release_id in ids), dtype=np.int64, count=len(ids))
    return story, list(numbers), first_indexed


def _read_postings(reader, fieldname: str, term: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Every posting of a term, deleted documents included, with global document numbers."""
    docs, weights = [], []
    for leaf, offset in reader.leaf_readers():
        if (fieldname, term) not in leaf:
            continue
        leaf_docs, leaf_weights = leaf_postings(leaf, fieldname, term)
        docs.append(np.asarray(leaf_docs, dtype=np.int64) + offset)
        weights.append(np.asarray(leaf_weights, dtype=np.float32))
    if not docs:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    return np.concatenate(docs), np.concatenate(weights)
