"""Writing releases into one generation's Whoosh index, in this process or in writer processes."""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from archive import Release
from indexer import faults, word_counts
from indexer.bodies import write_long_body
from indexer.codec import CompactCodec
from indexer.documents import document_fields
from indexer.errors import IndexWriteFailed
from indexer.merging import merge_policy
from indexer.processes import GuardedMpWriter
from indexer.schema import ID, SPELLING
from indexer.story_table import Sketch, sketch
from indexer.store import open_folder

#: Above this much source text a full build uses two writer processes (one segment each) by default.
PARALLEL_BYTES = 5_000_000
#: Whoosh's memory limit for each writer process's postings before it spills them to disk. Whoosh
#: uses about three times this: at 96, a full build of 10,000 releases peaks at 445 MB in all
#: processes (860 MB at 256, which builds it 25% faster; benchmarks/bench_bounds.py).
WRITER_MB = 96
#: Characters of releases an incremental run keeps at hand for finding their stories (others are read
#: back from the index).
CHARACTERS_AT_HAND = 50_000_000


def default_jobs(source_bytes: int) -> int:
    """Writer processes for a full build of this much source text: 2 for a large source, else none."""
    return 2 if source_bytes > PARALLEL_BYTES else 0


class ReleaseWriter:
    """Applies a reindex's writes as files are read, opening a Whoosh writer only when needed."""

    def __init__(self, folder: Path, full: bool, jobs: int):
        # Writer processes only for full builds: incremental runs would pile up segments.
        self.folder, self.full, self.jobs = folder, full, jobs if full else 0
        self._ix = self._writer = None
        self.added = 0
        #: What stories must look at again: the releases written (sketched as written unless kept at
        #: hand, then when their stories are found) and removed.
        self.sketches: dict[str, Sketch] = {}
        self._unsketched: set[str] = set()
        self.removed: set[str] = set()
        self.at_hand: dict[str, Release] = {}
        self._room = CHARACTERS_AT_HAND

    def _open(self):
        if self._writer is None:
            word_counts.forget()
            self._ix = open_folder(self.folder)
            self._writer = (GuardedMpWriter(self._ix, procs=self.jobs, limitmb=WRITER_MB) if self.jobs
                            else self._ix.writer(limitmb=128, codec=CompactCodec()))
        return self._writer

    def remove(self, release_id: str) -> None:
        """Delete the release with this id."""
        self._open().delete_by_term(ID, release_id)
        self.removed.add(release_id)
        self.sketches.pop(release_id, None)
        self._unsketched.discard(release_id)
        self.at_hand.pop(release_id, None)

    def write(self, release: Release, new: bool, long_body: str | None = None) -> None:
        """Add a release (`new`) or replace the one with its id; `long_body` is its body's key when
        the body is too long to store (bodies.long_body_key)."""
        writer = self._open()
        if long_body:
            write_long_body(self.folder, long_body, release.body)
        # A full build writes into an empty index; an incremental one replaces what may be there.
        add = writer.add_document if new and self.full else writer.update_document
        add(**document_fields(release, long_body))
        self.added += 1
        self.removed.discard(release.id)
        if not self.full and len(release.body) <= self._room:
            self.at_hand[release.id] = release
            self._room -= len(release.body)
            # Sketched with its stories, which an incremental run finds while it commits.
            self._unsketched.add(release.id)
            self.sketches.pop(release.id, None)
        else:
            self.at_hand.pop(release.id, None)
            self._unsketched.discard(release.id)
            self.sketches[release.id] = sketch(release)

    def written_ids(self) -> set[str]:
        """The ids of the releases written."""
        return self._unsketched | set(self.sketches)

    def all_at_hand(self) -> bool:
        """Whether every release written is at hand (none need be read back from the index)."""
        return not self.sketches

    def sketches_now(self) -> dict[str, Sketch]:
        """The sketch of every release written."""
        return {**self.sketches, **{release_id: sketch(self.at_hand[release_id]) for release_id in self._unsketched}}

    def commit(self) -> None:
        """Commit what was written; IndexWriteFailed when a full build lost releases on the way."""
        if self._writer is None:
            return
        self._check_processes()
        faults.checkpoint("commit")
        writer, self._writer = self._writer, None
        try:
            if not isinstance(writer, GuardedMpWriter):
                word_counts.add_to_segment(writer, SPELLING)  # (writer processes add theirs themselves)
            if self.full:
                writer.commit()
            else:
                writer.commit(mergetype=merge_policy)
        except BaseException:
            self._writer = writer
            raise
        self._ix.close()
        if self.full:
            # Whoosh commits without the segment of a writer process that died: count instead of trusting.
            written = open_folder(self.folder)
            try:
                found = written.doc_count()
            finally:
                written.close()
            if found != self.added:
                raise IndexWriteFailed(f"the new index at {self.folder} holds {found} of the {self.added} "
                                       "releases written (a writer process failed); the old index is kept")

    def _check_processes(self) -> None:
        if isinstance(self._writer, GuardedMpWriter):
            self._writer.check_processes()

    def cancel(self) -> None:
        """Drop what was written, stopping any writer processes."""
        if self._writer is None:
            return
        writer, self._writer = self._writer, None
        try:
            if isinstance(writer, GuardedMpWriter):
                # Writer processes still running would write into a folder about to be deleted.
                writer.stop_processes()
            with suppress(Exception):  # a writer that failed half-way through its commit cannot cancel
                writer.cancel()
        finally:
            self._ix.close()
