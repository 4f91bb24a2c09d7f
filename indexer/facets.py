"""Facet counts from per-document value arrays, loaded once per index generation."""

from __future__ import annotations

import bisect
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from indexer.schema import DATE, FACETS, MONTH, VALUE_SEPARATOR, YEAR

RECENT_QUERIES = 32
_cache: dict[tuple, ReaderArrays] = {}
_cache_lock = threading.Lock()


@dataclass(frozen=True)
class ReaderArrays:
    """Per-document data of one index snapshot, indexed by document number."""

    facets: dict[str, list[tuple[str, ...]]]
    dates: list[str]
    live: frozenset[int]
    #: The live documents in date order, and their dates, for date ranges by bisection.
    by_date: list[int] = field(default_factory=list)
    sorted_dates: list[str] = field(default_factory=list)

    #: Documents of recent word queries on this snapshot: paging, sorting and facet clicks
    #: repeat a query with other filters, and its matches do not change until the index does.
    recent: OrderedDict = field(default_factory=OrderedDict, compare=False)

    def matches_of(self, key: str, compute) -> frozenset[int]:
        """Return the documents for the query `key`, computed once per snapshot while recent."""
        with _cache_lock:
            if key in self.recent:
                self.recent.move_to_end(key)
                return self.recent[key]
        docs = frozenset(compute())
        with _cache_lock:
            self.recent[key] = docs
            while len(self.recent) > RECENT_QUERIES:
                self.recent.popitem(last=False)
        return docs

    def between(self, low: str, high: str) -> set[int]:
        """The live documents dated from `low` to `high` (ISO prefixes; "2025-10" is all October)."""
        start = bisect.bisect_left(self.sorted_dates, low)
        end = bisect.bisect_right(self.sorted_dates, high + "\uffff")
        return set(self.by_date[start:end])


def facet_arrays(searcher, folder: str) -> ReaderArrays:
    """Return every document's facet values and date, and the set of live (undeleted) documents."""
    reader = searcher.reader()
    # The searcher's own snapshot, not the index's latest generation, which may be newer.
    key = (folder, reader.generation(), reader.doc_count_all())
    with _cache_lock:
        arrays = _cache.get(key)
    if arrays is not None:
        return arrays
    arrays: dict[str, list] = {name: [] for name in (*FACETS, DATE)}
    # Per segment: a segment where no document had a value for a facet has no column for it.
    for leaf, _offset in reader.leaf_readers():
        for name in FACETS:
            if leaf.has_column(name):
                arrays[name] += [_values(v) for v in map(_text, leaf.column_reader(name))]
            else:
                arrays[name] += [()] * leaf.doc_count_all()
        # Dates too, as strings, to sort results by date without a Whoosh sorting pass.
        arrays[DATE] += list(map(_text, leaf.column_reader(DATE)))
    dates = arrays.pop(DATE)
    live = frozenset(reader.all_doc_ids())
    by_date = sorted(live, key=dates.__getitem__)
    arrays = ReaderArrays(arrays, dates, live, by_date, [dates[docnum] for docnum in by_date])
    with _cache_lock:
        # Only the newest generation of each index is worth keeping.
        for old in [k for k in _cache if k[0] == folder]:
            del _cache[old]
        _cache[key] = arrays
    return arrays


@lru_cache(maxsize=100_000)
def _values(joined: str) -> tuple[str, ...]:
    # Shared tuples: most releases repeat a few hundred facet combinations, not 100,000.
    return tuple(joined.split(VALUE_SEPARATOR)) if joined else ()


def _text(value) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else (value or "")


def count_values(values: list[tuple[str, ...]], docs) -> Counter:
    """Count the values of one facet over the documents `docs`."""
    return Counter(chain.from_iterable(map(values.__getitem__, docs)))


def order_counts(name: str, counts: Counter) -> list[tuple[str, int]]:
    """Facet values in display order: months and years by date, the rest by count then name."""
    if name == MONTH:
        return sorted(counts.items())
    if name == YEAR:
        return sorted(counts.items(), reverse=True)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
