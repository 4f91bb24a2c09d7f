"""Watch the source folder: an incremental reindex when release files appear, change or disappear,
and a pull of the feeds on a schedule.

A burst of changes is one reindex (watchfiles groups changes until none came for a moment); files
still being written are waited for until their size and time stop changing; hidden files (a pull's
temporary files, the state folder) are never a reason to reindex.
"""

from __future__ import annotations

import os
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import watchfiles

from indexer import IndexWriteFailed, ReindexRunning, reindex

#: A burst of changes is grouped until none came for STEP_MS, or for at most DEBOUNCE_MS.
STEP_MS, DEBOUNCE_MS = 300, 2000
#: How long a changed file must keep its size and time to count as written, and the longest wait for it.
SETTLE_SECONDS, MOST_SETTLING_SECONDS = 0.3, 30.0
#: How often the loop wakes without changes: to retry a reindex that could not run, to pull on time.
TICK_MS = 1000


@dataclass
class Schedule:
    """A pull every `every` seconds: `pull()` saves new releases into the folder (the watcher reindexes them)."""

    every: int
    pull: Callable[[], None]


def watch_source(source: Path, index_dir: Path, stop: threading.Event, log: Callable[[str], None],
                 schedule: Schedule | None = None) -> None:
    """Keep `index_dir` in step with `source` until `stop` is set; every reindex and pull is logged.

    Nothing stops it but `stop`: a reindex that fails is logged and tried again on the next change,
    and a source folder removed and made again is watched again (and reindexed)."""
    source, index_dir = Path(source).resolve(), Path(index_dir).resolve()
    puller = _Puller(schedule, log) if schedule else None
    owed = "start"
    while not stop.is_set():
        folder = _identity(source)
        if folder is None:
            log(f"the source folder {source} is gone: waiting for it")
            while _identity(source) is None and not stop.wait(TICK_MS / 1000):
                pass
            owed = "folder made again"
            continue
        try:
            owed = _follow(source, folder, index_dir, stop, log, puller, owed)
        except Exception as exc:  # the watch itself failed (its folder went, say): watch afresh
            log(f"watching {source} failed ({type(exc).__name__}: {exc}): watching it again")
            owed = owed or "watching again"
            stop.wait(TICK_MS / 1000)
    if puller:
        puller.join()


def _follow(source: Path, folder: tuple[int, int], index_dir: Path, stop: threading.Event,
            log: Callable[[str], None], puller: _Puller | None, owed: str) -> str:
    """Reindex on each burst of changes while `folder` is the source folder; why a reindex is still owed, or "".

    A reindex `owed` (the one that catches up at the start) runs once the watch is in place, so that a file
    written in between is seen by one or the other."""
    for changes in watchfiles.watch(source, watch_filter=_release_filter(source, index_dir), step=STEP_MS,
                                    debounce=DEBOUNCE_MS, rust_timeout=TICK_MS, yield_on_timeout=True,
                                    stop_event=stop, raise_interrupt=False):
        if stop.is_set() or _identity(source) != folder:
            break  # stopped, or the folder watched is no longer the source folder
        if changes:
            _wait_until_written({Path(path) for _, path in changes}, stop)
            why = f"{owed}, {len(changes)} change(s)" if owed else f"{len(changes)} change(s)"
        elif owed:
            why = owed
        else:
            why = ""
        if why and _run_reindex(source, index_dir, log, why):
            owed = ""
        elif why:
            owed = owed or "retry"
        if puller:
            puller.when_due()
    return owed


class _Puller:
    """Runs the scheduled pulls in a thread of their own, so that a slow feed never holds up a reindex."""

    def __init__(self, schedule: Schedule, log: Callable[[str], None]):
        self.schedule, self.log = schedule, log
        self.next_pull = time.monotonic()
        self.thread: threading.Thread | None = None

    def when_due(self) -> None:
        if time.monotonic() < self.next_pull or (self.thread and self.thread.is_alive()):
            return
        self.next_pull = time.monotonic() + self.schedule.every
        self.thread = threading.Thread(target=self._pull, name="press-archive-pull", daemon=True)
        self.thread.start()

    def _pull(self) -> None:
        try:
            self.schedule.pull()
        except BaseException as exc:  # a scheduled pull failing must not stop the next ones
            self.log(f"pull failed: {type(exc).__name__}: {exc}")

    def join(self) -> None:
        if self.thread:
            self.thread.join(5)


def _identity(folder: Path) -> tuple[int, int] | None:
    """The folder's device and inode (None when it is no folder): a folder made again is another one."""
    try:
        info = os.stat(folder)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISDIR(info.st_mode) else None


def _run_reindex(source: Path, index_dir: Path, log: Callable[[str], None], why: str) -> bool:
    """Reindex incrementally; False when it could not run now (another reindex holds the lock)."""
    started = time.monotonic()
    try:
        report = reindex(source, index_dir)
    except ReindexRunning:
        log("another reindex is running: trying again in a moment")
        return False
    except (IndexWriteFailed, OSError) as exc:
        log(f"reindex failed ({why}): {exc}")
        return True
    except Exception as exc:  # the watcher outlives any one reindex; the next change tries again
        log(f"reindex failed ({why}): {type(exc).__name__}: {exc}")
        return True
    if report.changed or report.skipped or why.startswith("start"):
        log(f"reindexed ({why}) in {time.monotonic() - started:.1f} s: {report.added} added, {report.updated} "
            f"updated, {report.removed} removed, {len(report.skipped)} skipped")
        for line in report.skipped:
            log(f"  skipped {line}")
    return True


def _release_filter(source: Path, index_dir: Path) -> Callable[[watchfiles.Change, str], bool]:
    """Changes that may concern releases: not hidden entries, not the index when it lies inside the source."""
    def concerns_releases(_change: watchfiles.Change, path: str) -> bool:
        found = Path(path)
        if found == index_dir or index_dir in found.parents:
            return False
        try:
            parts = found.relative_to(source).parts
        except ValueError:
            return False
        return not any(part.startswith(".") for part in parts)

    return concerns_releases


def _wait_until_written(paths: set[Path], stop: threading.Event) -> None:
    """Wait until none of the changed files still grows or changes (a copy in progress)."""
    deadline = time.monotonic() + MOST_SETTLING_SECONDS
    before = _stamps(paths)
    while time.monotonic() < deadline and not stop.is_set():
        stop.wait(SETTLE_SECONDS)
        after = _stamps(paths)
        if after == before:
            return
        before = after


def _stamps(paths: set[Path]) -> dict[Path, tuple[int, int] | None]:
    stamps: dict[Path, tuple[int, int] | None] = {}
    for path in paths:
        try:
            info = os.stat(path)
            stamps[path] = (info.st_size, info.st_mtime_ns)
        except OSError:
            stamps[path] = None
    return stamps
