"""Searchers kept open between searches, per thread, for as long as the index does not change.

Opening a Whoosh index and its segment files costs more than most searches (about 0.2 s at
100,000 releases), so each thread keeps its searcher and checks, cheaply, before every use
that the pointer names the same generation and that no commit has happened since. A stale
searcher is closed, never refreshed: `Searcher.refresh()` keeps deleted documents.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from whoosh import index as whoosh_index

from indexer.errors import IndexMissing
from indexer.scoring import CachedLengthBM25F
from indexer.store import current_generation, open_index

# Searchers of this many index folders stay open per thread (the tests use many indexes).
_PER_THREAD = 4
_local = threading.local()


class _Open:
    """An open index and its searcher, with what they were opened on."""

    def __init__(self, folder: Path, ix):
        self.folder, self.ix = folder, ix
        self.generation = ix.latest_generation()
        self.searcher = ix.searcher(weighting=CachedLengthBM25F())

    def is_current(self, folder: Path | None) -> bool:
        return folder == self.folder and self.ix.latest_generation() == self.generation

    def close(self) -> None:
        self.searcher.close()
        self.ix.close()


def _cache() -> OrderedDict:
    if not hasattr(_local, "open"):
        _local.open = OrderedDict()
    return _local.open


def _forget(key: str) -> None:
    entry = _cache().pop(key, None)
    if entry is not None:
        entry.close()


def _acquire(index_dir: Path) -> _Open:
    key = str(index_dir)
    cache = _cache()
    entry = cache.get(key)
    if entry is not None and entry.is_current(current_generation(index_dir)):
        cache.move_to_end(key)
        return entry
    _forget(key)
    ix = open_index(index_dir)
    try:
        entry = _Open(current_generation(index_dir), ix)
    except Exception:
        ix.close()
        raise
    cache[key] = entry
    while len(cache) > _PER_THREAD:
        _forget(next(iter(cache)))
    return entry


def with_searcher(index_dir: Path, action, attempts: int = 4):
    """Return `action(ix, searcher)` on the current state of the index.

    A search can lose a race with a reindex: a commit removes a table of contents it was
    about to read, or a swap retires the generation it had looked up. It then tries again on
    the new state; only a lasting failure is reported, as IndexMissing.
    """
    index_dir = Path(index_dir)
    for attempt in range(attempts):
        try:
            entry = _acquire(index_dir)
        except IndexMissing:
            if attempt == attempts - 1 or current_generation(index_dir) is None:
                raise
            continue
        except (FileNotFoundError, whoosh_index.EmptyIndexError) as exc:
            if attempt == attempts - 1:
                raise IndexMissing(f"the index at {index_dir} changed while it was read ({exc}); try again") from exc
            continue
        try:
            return action(entry.ix, entry.searcher)
        except (FileNotFoundError, whoosh_index.EmptyIndexError) as exc:
            _forget(str(index_dir))
            if attempt == attempts - 1:
                raise IndexMissing(f"the index at {index_dir} changed while it was read ({exc}); try again") from exc
    raise IndexMissing(f"the index at {index_dir} cannot be opened")


def close_all() -> None:
    """Close this thread's searchers (tests and shutdown)."""
    for key in list(_cache()):
        _forget(key)
