"""An incremental run's stories found on the second core while Whoosh commits.

Committing a segment is a single-threaded half of an incremental run; sketching what was written
and finding its stories is independent of it when every release written is at hand (the others
are read from the index as committed before the run, which still holds them unchanged). A forked
process does that work then, and its table replaces the generation's once the commit is done.
When it cannot (a release written is not at hand, no fork, the process failed), the run finds its
stories after the commit, as before.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import warnings
from pathlib import Path

from indexer import faults
from indexer.processes import die_with_parent
from indexer.release_writer import ReleaseWriter
from indexer.stories import refresh_stories
from indexer.story_table import STORIES_FILE

log = logging.getLogger(__name__)

#: The table the process leaves, put in place once the commit is done (a leftover of a killed run).
NEXT_FILE = f"{STORIES_FILE}.next"
#: How long the process may take to open the index before the commit goes on without it.
READY_SECONDS = 30.0
#: How long the run waits for it after its commit, at most, before finding the stories itself.
FINISH_SECONDS = 600.0


class StoriesAside:
    """A process finding an incremental run's stories; `finish` puts its table in place."""

    def __init__(self, folder: Path, process, ready) -> None:
        self.folder, self._process, self._ready = folder, process, ready

    @classmethod
    def start(cls, folder: Path, writer: ReleaseWriter) -> StoriesAside | None:
        """Start finding the stories of what `writer` wrote (not yet committed), or None when they
        must be found after the commit."""
        if writer.full or not writer.all_at_hand() or not (writer.written_ids() or writer.removed):
            return None
        if "fork" not in multiprocessing.get_all_start_methods():
            return None
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        (Path(folder) / NEXT_FILE).unlink(missing_ok=True)
        process = context.Process(target=_find, args=(Path(folder), writer, send, os.getpid()),
                                  name="stories", daemon=True)
        try:
            with warnings.catch_warnings():
                # Python 3.12+ warns of forking a process with threads (serve --watch); the child only
                # reads the index and finds stories, with none of the locks the server's threads use.
                warnings.simplefilter("ignore", DeprecationWarning)
                process.start()
        except OSError as error:  # no memory or processes left to fork: found after the commit
            log.warning("stories are found after the commit: %s", error)
            return None
        send.close()
        # The commit may merge segments away: the process must hold the index open first.
        opened = receive.poll(READY_SECONDS) and _received(receive)
        receive.close()
        aside = cls(Path(folder), process, opened)
        if not opened:
            aside.cancel()
            return None
        return aside

    def finish(self) -> bool:
        """Wait for the process and put its table in place; False when it failed (then nothing changed)."""
        self._process.join(FINISH_SECONDS)
        if self._process.is_alive() or self._process.exitcode != 0:
            log.warning("finding stories aside failed (exit %s); finding them after the commit",
                        self._process.exitcode)
            self.cancel()
            return False
        os.replace(self.folder / NEXT_FILE, self.folder / STORIES_FILE)
        return True

    def cancel(self) -> None:
        """Stop the process and drop what it left."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        (self.folder / NEXT_FILE).unlink(missing_ok=True)


def _received(receive) -> bool:
    try:
        return bool(receive.recv())
    except (EOFError, OSError):
        return False


def _find(folder: Path, writer: ReleaseWriter, ready, parent_pid: int) -> None:
    die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    faults.forget()

    def opened() -> None:
        ready.send(True)
        ready.close()

    refresh_stories(folder, False, writer.sketches_now, writer.removed, writer.at_hand, opened=opened,
                    table_name=NEXT_FILE)
