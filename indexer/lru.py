"""One least-recently-used store, for every cache of the indexer."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class LeastRecentlyUsed:
    """A thread-safe store of computed values; once their total size passes `budget`, the least
    recently used go (each handed to `on_evict`), though never the newest."""

    def __init__(self, budget: int, size: Callable[[Any], int] = lambda value: 1,
                 on_evict: Callable[[Any], None] | None = None):
        self.budget, self.size, self.on_evict = budget, size, on_evict
        self._values: OrderedDict = OrderedDict()
        self._total = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: Hashable) -> bool:
        return key in self._values

    @property
    def total(self) -> int:
        """The size of every value kept, added up."""
        return self._total

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
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
            evicted = []
            while self._total > self.budget and len(self._values) > 1:
                evicted.append(self._values.popitem(last=False)[1])
                self._total -= self.size(evicted[-1])
        self._evicted(evicted)
        return value

    def peek(self, key: Hashable) -> Any:
        """The value for `key` (now the most recently used), or None when it is not kept."""
        with self._lock:
            if key not in self._values:
                return None
            self._values.move_to_end(key)
            return self._values[key]

    def values(self) -> list:
        """Every value kept, the least recently used first."""
        with self._lock:
            return list(self._values.values())

    def discard(self, key: Hashable) -> None:
        """Forget the value for `key`, if kept."""
        with self._lock:
            evicted = [self._values.pop(key)] if key in self._values else []
            self._total -= sum(map(self.size, evicted))
        self._evicted(evicted)

    def clear(self) -> None:
        """Forget every value."""
        with self._lock:
            evicted = list(self._values.values())
            self._values.clear()
            self._total = 0
        self._evicted(evicted)

    def _evicted(self, values: list) -> None:
        if self.on_evict:
            for value in values:
                self.on_evict(value)
