"""Whoosh's writer processes, made safe to kill: none outlives the reindex, none waits for ever.

Whoosh's MpWriter forks sub-writers that block on a job queue, and its main side blocks on a
full queue when they die. Here a sub-writer dies with its parent (SIGKILL, OOM killer included),
ignores the terminal's Ctrl-C (the parent cleans up), and the parent never blocks on a queue
without looking whether the processes at the other end are still alive.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import queue
import signal
import sys
import threading
import time

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import SegmentWriter

from indexer import faults, word_counts
from indexer.codec import CompactCodec
from indexer.errors import IndexWriteFailed
from indexer.schema import SPELLING

_PR_SET_PDEATHSIG = 1
# How often a blocked put, or a child without prctl, looks again.
_POLL_SECONDS = 0.2


def die_with_parent(parent_pid: int) -> None:
    """End this (child) process as soon as `parent_pid`, which started it, is gone."""
    if sys.platform.startswith("linux"):
        try:
            armed = ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) == 0
        except (OSError, AttributeError):
            armed = False
        if armed:
            # The parent may have died between the fork and the prctl.
            if os.getppid() != parent_pid:
                os._exit(1)
            return

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class _GuardedSubWriter(SubWriterTask):
    """A Whoosh sub-writer that dies with its parent and leaves Ctrl-C to it."""

    def __init__(self, *args, parent_pid: int):
        super().__init__(*args)
        self.parent_pid = parent_pid

    @staticmethod
    def _Popen(process_obj):
        # Always forked, whatever the platform's default (forkserver from Python 3.14): the writer
        # must be the reindex's own child to notice its death, and share its open index.
        return multiprocessing.get_context("fork").Process._Popen(process_obj)

    def run(self) -> None:
        die_with_parent(self.parent_pid)
        # Ctrl-C reaches every process of the terminal's group; the parent cancels the build.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        # Whatever the parent made of these, here they simply end the process.
        for signum in (signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, signal.SIG_DFL)
        faults.forget()
        word_counts.forget()  # what the parent had counted is not this process's
        # Whoosh's loop (take job files until told to stop), then the segment with its words' counts.
        writer = self.writer = SegmentWriter(self.storage.open_index(self.indexname), _lk=False, **self.kwargs)
        while self.running:
            job = self.jobqueue.get()
            if job is None:
                break
            self._process_file(*job)
        if not self.running:
            writer.cancel()
            return
        word_counts.add_to_segment(writer, SPELLING)
        segment = writer._finalize_segment()
        self.resultqueue.put((None, writer.pool.fieldnames, segment), timeout=5)

    def _process_file(self, filename, doc_count) -> None:
        faults.checkpoint("writer-batch")
        super()._process_file(filename, doc_count)


class _WatchedQueue:
    """The job queue as the main process sees it: a put that gives up when no writer is left."""

    def __init__(self, jobs, check) -> None:
        self._jobs, self._check = jobs, check

    def put(self, item) -> None:
        while True:
            try:
                self._jobs.put(item, timeout=_POLL_SECONDS)
                return
            except queue.Full:
                self._check()


class GuardedMpWriter(MpWriter):
    """Whoosh's multi-process writer (one segment per process) with killable, watched processes."""

    def __init__(self, ix, procs: int, limitmb: int):
        super().__init__(ix, procs=procs, multisegment=True, limitmb=limitmb, start_method="fork",
                         codec=CompactCodec())
        self._jobs = self.jobqueue
        self.jobqueue = _WatchedQueue(self._jobs, self.check_processes)

    def _new_task(self):
        args = (self.storage, self.indexname, self._jobs, self.resultqueue, self.subargs, self.multisegment)
        task = _GuardedSubWriter(*args, parent_pid=os.getpid())
        self.tasks.append(task)
        task.start()
        return task

    def _commit(self, mergetype, optimize, merge) -> None:
        # Whoosh's own commit joins each process without a timeout and drops a missing segment;
        # a process killed while holding a queue's lock would leave it waiting for ever.
        if self.docbuffer:
            self._enqueue()
        for _ in self.tasks:
            self.jobqueue.put(None)
        segments = self._merge_segments(mergetype, optimize, merge)
        results = []
        while len(results) < len(self.tasks):
            self.check_processes()
            finished = all(task.exitcode == 0 for task in self.tasks)
            try:
                results.append(self.resultqueue.get(timeout=1 if finished else _POLL_SECONDS))
            except queue.Empty:
                if finished:
                    raise IndexWriteFailed("a writer process ended without handing over its segment") from None
        for task in self.tasks:
            task.join()
        segments += [segment for _, _, segment in results]
        if self._added:
            segments.append(self._finalize_segment())
        else:
            self._close_segment()
        faults.checkpoint("writers-joined")
        self._commit_toc(segments)
        self._finish()

    def check_processes(self) -> None:
        """IndexWriteFailed when a writer process has died (killed, crashed, out of memory)."""
        failed = [task for task in self.tasks if task.exitcode not in (None, 0)]
        if failed:
            causes = ", ".join(_death(task.exitcode) for task in failed)
            raise IndexWriteFailed(f"a writer process failed ({causes}); the index was not changed")

    def stop_processes(self) -> None:
        """Terminate and reap every writer process still running."""
        for task in self.tasks:
            if task.is_alive():
                task.terminate()
        for task in self.tasks:
            task.join(timeout=5)
            if task.is_alive():
                task.kill()
                task.join()


def _death(exitcode: int) -> str:
    if exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"
