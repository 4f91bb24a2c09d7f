"""Searchers kept open between searches, per thread, for as long as the index does not change.

Opening a Whoosh index and its segment files costs more than most searches (about 0.2 s at
100,000 releases), so each thread keeps its searcher and checks, cheaply, before every use
that the pointer names the same generation and that no commit has happened since. A stale
searcher is closed, never refreshed: `Searcher.refresh()` keeps deleted documents.
"""

from __future__ import annotations

import threading
from pathlib import Path

from whoosh import index as whoosh_index

from indexer.errors import IndexMissing
from indexer.lru import LeastRecentlyUsed
from indexer.scoring import CachedLengthBM25F
from indexer.store import current_generation, open_index

# Searchers of this many index folders stay open per thread (the tests use many indexes).
_PER_THREAD = 4
_local = threading.local()


class _OpenSearcher:
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


def _cache() -> LeastRecentlyUsed:
    if not hasattr(_local, "open"):
        _local.open = LeastRecentlyUsed(_PER_THREAD, on_evict=_OpenSearcher.close)
    return _local.open


def _acquire(index_dir: Path) -> _OpenSearcher:
    key = str(index_dir)
    entry = _cache().peek(key)
    if entry is not None and entry.is_current(current_generation(index_dir)):
        return entry
    _cache().discard(key)
    return _cache().get(key, lambda: _open(index_dir))


def _open(index_dir: Path) -> _OpenSearcher:
    ix = open_index(index_dir)
    try:
        # The folder opened, not the pointer read again: a swap in between must make it stale.
        return _OpenSearcher(Path(ix.storage.folder), ix)
    except Exception:
        ix.close()
        raise


def with_searcher(index_dir: Path, action, attempts: int = 4):
    """Return `action(ix, searcher)` on the current state of the index.

    A search can lose a race with a reindex: a commit removes a table of contents it was
    about to read, or a swap retires the generation it had looked up. It then tries again on
    the new state; only a lasting failure is reported, as IndexMissing.
    """
    index_dir = Path(index_dir)
    result, _entry = _retrying(index_dir, action, attempts, lambda: _acquire(index_dir),
                               lambda entry: _cache().discard(str(index_dir)))
    return result


def with_own_searcher(index_dir: Path, action, attempts: int = 4):
    """Like `with_searcher`, on a searcher opened for this caller alone and left open for it to go
    on reading (a stream); returns `action`'s result and a function that closes the searcher."""
    result, entry = _retrying(Path(index_dir), action, attempts, lambda: _open(Path(index_dir)),
                              _OpenSearcher.close, own=True)
    return result, entry.close


def _retrying(index_dir: Path, action, attempts: int, acquire, drop, own: bool = False):
    """(`action(ix, searcher)`, the entry it ran on), on an entry from `acquire`, tried again on a
    new one (the failed one handed to `drop`) when the index changed under it; an `own` entry is
    closed when the action fails."""
    for attempt in range(attempts):
        try:
            entry = acquire()
        except IndexMissing:
            if attempt == attempts - 1 or current_generation(index_dir) is None:
                raise
            continue
        except (FileNotFoundError, whoosh_index.EmptyIndexError) as exc:
            if attempt == attempts - 1:
                raise IndexMissing(f"the index at {index_dir} changed while it was read ({exc}); try again") from exc
            continue
        try:
            return action(entry.ix, entry.searcher), entry
        except (FileNotFoundError, whoosh_index.EmptyIndexError) as exc:
            drop(entry)
            if attempt == attempts - 1:
                raise IndexMissing(f"the index at {index_dir} changed while it was read ({exc}); try again") from exc
        except BaseException:
            if own:  # a searcher no one else will use or close
                entry.close()
            raise
    raise IndexMissing(f"the index at {index_dir} cannot be opened")


def close_all() -> None:
    """Close this thread's searchers (tests and shutdown)."""
    _cache().clear()
