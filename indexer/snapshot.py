"""Per-document arrays of one index snapshot, loaded once: live documents, dates, facet values,
field lengths, and the postings of recently searched terms.

Whoosh's matchers walk postings one document at a time in Python; at 100,000 releases a common
word took 80 ms to list and as long again to score. Here a term's postings are read once per
snapshot into arrays, and matching, scoring, counting and sorting are array operations.
"""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.columns import VarBytesColumn

from archive.normalise import fold
from indexer.scoring import segment_lengths
from indexer.schema import DATE, FACETS, MONTH, UNDATED_LOW, VALUE_SEPARATOR, YEAR

#: Postings kept per snapshot, in bytes (12 per posting): the common words of a busy archive.
POSTINGS_BUDGET = 192 * 2**20
#: Match sets of whole sub-queries (phrases, fallbacks) kept per snapshot.
RECENT_SETS = 64
#: Snapshots kept per index: the newest and the one before, while searchers move over.
KEPT_PER_INDEX = 2
_cache: dict[tuple, Snapshot] = {}
_cache_lock = threading.Lock()


class _Recent:
    """A thread-safe store of computed values, least recently used out once over `budget`."""

    def __init__(self, budget: int, size=lambda value: 1):
        self.budget, self.size = budget, size
        self._values: OrderedDict = OrderedDict()
        self._total = 0
        self._lock = threading.Lock()

    def get(self, key, compute):
        """Return the value for `key`, computing it (outside the lock) when it is not kept."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()
        with self._lock:
            if key in self._values:  # another thread computed it meanwhile
                return self._values[key]
            self._values[key] = value
            self._total += self.size(value)
            while self._total > self.budget and len(self._values) > 1:
                self._total -= self.size(self._values.popitem(last=False)[1])
        return value

    def clear(self) -> None:
        """Forget every value."""
        with self._lock:
            self._values.clear()
            self._total = 0


@dataclass(frozen=True)
class FacetColumn:
    """One facet's values as (document, value code) pairs; a document may have several."""

    values: list[str]
    docs: np.ndarray
    codes: np.ndarray
    #: The codes of each folded value, as filters compare them.
    by_folded: dict[str, list[int]]

    def count(self, mask: np.ndarray) -> list[tuple[str, int]]:
        """Return (value, count) for every value present in the documents of `mask`."""
        counts = np.bincount(self.codes[mask[self.docs]], minlength=len(self.values))
        return [(self.values[code], int(counts[code])) for code in np.flatnonzero(counts)]

    def mask(self, wanted: list[str], size: int) -> np.ndarray:
        """Return the documents having any of the `wanted` values (compared folded)."""
        codes = [code for value in wanted for code in self.by_folded.get(fold(value), ())]
        result = np.zeros(size, dtype=bool)
        result[self.docs[np.isin(self.codes, codes)]] = True
        return result


@dataclass
class Snapshot:
    """Arrays indexed by document number for one generation and commit of an index."""

    size: int
    live: np.ndarray
    facets: dict[str, FacetColumn]
    #: Each document's rank among the distinct dates (undated releases sort first), and those dates.
    date_rank: np.ndarray
    distinct_dates: list[str]
    _lengths: dict[str, np.ndarray] = field(default_factory=dict)
    _postings: _Recent = field(default_factory=lambda: _Recent(POSTINGS_BUDGET, lambda found: found[0].nbytes + found[1].nbytes))
    _sets: _Recent = field(default_factory=lambda: _Recent(RECENT_SETS))

    def between(self, low: str, high: str) -> np.ndarray:
        """The live documents dated from `low` to `high` (ISO prefixes; "2025-10" is all October)."""
        start = bisect.bisect_left(self.distinct_dates, low)
        end = bisect.bisect_right(self.distinct_dates, high + "\uffff")
        return self.live & (self.date_rank >= start) & (self.date_rank < end)

    def oldest_key(self) -> np.ndarray:
        """Date ranks with undated releases moved after every dated one."""
        undated = bisect.bisect_left(self.distinct_dates, UNDATED_LOW + "\uffff")
        return np.where(self.date_rank < undated, len(self.distinct_dates), self.date_rank)

    def lengths(self, reader, fieldname: str) -> np.ndarray:
        """Every document's length in `fieldname` (at least 1), as Whoosh's scoring reads it."""
        if fieldname not in self._lengths:
            parts = [np.asarray(segment_lengths(leaf, fieldname), dtype=np.float64) for leaf, _ in reader.leaf_readers()]
            self._lengths[fieldname] = np.concatenate(parts) if parts else np.zeros(0)
        return self._lengths[fieldname]

    def postings(self, reader, fieldname: str, term: bytes) -> tuple[np.ndarray, np.ndarray]:
        """The live documents holding `term` in `fieldname`, in order, and its frequency in each."""
        def read():
            docs, weights = _read_postings(reader, fieldname, term)
            keep = self.live[docs]
            return docs[keep], weights[keep]

        return self._postings.get((fieldname, term), read)

    def remembered(self, key: str, compute) -> np.ndarray:
        """Return the document mask for `key`, computed once per snapshot while recent."""
        return self._sets.get(key, compute)

    def forget_terms(self) -> None:
        """Drop the cached postings and match sets."""
        self._postings.clear()
        self._sets.clear()

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
    key = (str(Path(folder).parent), folder, reader.generation(), reader.doc_count_all())
    with _cache_lock:
        snapshot = _cache.pop(key, None)
        if snapshot is not None:
            _cache[key] = snapshot  # the most recently used last
            return snapshot
    snapshot = _build(reader)
    with _cache_lock:
        # Only the newest snapshots of each index are worth keeping (an older one may still be
        # searched by a thread that has not yet seen a reindex); generations share an index dir.
        _cache[key] = snapshot
        same_index = [k for k in _cache if k[0] == key[0]]
        for old in same_index[:-KEPT_PER_INDEX]:
            del _cache[old]
        older = [_cache[k] for k in same_index[-KEPT_PER_INDEX:-1]]
    # The older snapshot serves only while searchers move over: it need not hold postings too.
    for previous in older:
        previous.forget_terms()
    return snapshot


def forget_terms() -> None:
    """Drop every snapshot's cached postings and match sets (benchmarks measure a cold start so)."""
    with _cache_lock:
        snapshots = list(_cache.values())
    for snapshot in snapshots:
        snapshot.forget_terms()


def _build(reader) -> Snapshot:
    size = reader.doc_count_all()
    columns: dict[str, list[str]] = {name: [] for name in (*FACETS, DATE)}
    # Per segment: a segment where no document had a value for a facet has no column for it.
    for leaf, _offset in reader.leaf_readers():
        for name in (*FACETS, DATE):
            if leaf.has_column(name):
                columns[name] += _column_values(leaf, name)
            else:
                columns[name] += [""] * leaf.doc_count_all()
    live = np.zeros(size, dtype=bool)
    live[np.fromiter(reader.all_doc_ids(), dtype=np.int64)] = True
    distinct_dates = sorted(set(columns[DATE]))
    rank_of = {date: rank for rank, date in enumerate(distinct_dates)}
    date_rank = np.fromiter(map(rank_of.__getitem__, columns[DATE]), dtype=np.int32, count=size)
    return Snapshot(size, live, {name: _column(columns[name], live) for name in FACETS}, date_rank, distinct_dates)


def _column_values(leaf, name: str) -> list[str]:
    """Every document's value of one column of a segment, as text."""
    column = leaf.column_reader(name, translate=False)
    if type(column) is not VarBytesColumn.Reader:  # compressed or other columns: one by one
        return list(map(as_text, column))
    lengths, start, dbfile = column._lengths, column._basepos, column._dbfile
    # A variable-bytes column is one run of bytes: read it at once rather than a read per document
    # (a second at 100,000 releases, for every new snapshot).
    data = dbfile.get(start, sum(lengths))
    values, offset = [], 0
    for length in lengths:
        values.append(data[offset:offset + length].decode("utf-8"))
        offset += length
    return values


def _column(joined_values: list[str], live: np.ndarray) -> FacetColumn:
    codes: dict[str, int] = {}
    docs, pair_codes = [], []
    for docnum, joined in enumerate(joined_values):
        if joined and live[docnum]:
            for value in joined.split(VALUE_SEPARATOR):
                docs.append(docnum)
                pair_codes.append(codes.setdefault(value, len(codes)))
    values = list(codes)
    by_folded: dict[str, list[int]] = {}
    for code, value in enumerate(values):
        by_folded.setdefault(fold(value), []).append(code)
    return FacetColumn(values, np.array(docs, dtype=np.int64), np.array(pair_codes, dtype=np.int64), by_folded)


def _read_postings(reader, fieldname: str, term: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Every posting of a term, deleted documents included, with global document numbers."""
    docs, weights = [], []
    for leaf, offset in reader.leaf_readers():
        if (fieldname, term) not in leaf:
            continue
        matcher = leaf.postings(fieldname, term)
        # Deletions are applied by the caller from the live mask, so read the raw postings.
        raw = getattr(matcher, "child", matcher)
        leaf_docs, leaf_weights = _blocks(raw) if isinstance(raw, W3LeafMatcher) else _one_by_one(matcher)
        docs.append(np.asarray(leaf_docs, dtype=np.int64) + offset)
        weights.append(np.asarray(leaf_weights, dtype=np.float32))
    if not docs:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    return np.concatenate(docs), np.concatenate(weights)


def _blocks(matcher: W3LeafMatcher) -> tuple[list[int], list[float]]:
    # A whole block at a time: a quarter faster than asking for each posting's id and weight.
    docs: list[int] = []
    weights: list[float] = []
    matcher.reset()  # a deletions filter may have moved it past the first postings
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        docs.extend(matcher._ids)
        weights.extend(matcher._weights)
        matcher._next_block()
    return docs, weights


def _one_by_one(matcher) -> tuple[list[int], list[float]]:
    docs: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        docs.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return docs, weights


def as_text(value) -> str:
    """A column value or term as text ("" for none)."""
    return value.decode("utf-8") if isinstance(value, bytes) else (value or "")


def order_counts(name: str, counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Facet values in display order: months and years by date, the rest by count then name."""
    if name == MONTH:
        return sorted(counts)
    if name == YEAR:
        return sorted(counts, reverse=True)
    return sorted(counts, key=lambda item: (-item[1], item[0]))
