"""Keeping an index's segments few as incremental runs add one each.

Every incremental run writes a segment of its own. Whoosh's MERGE_SMALL policy merges the small
ones when enough have piled up (by a Fibonacci rule), but keeps a segment whose documents have
all been deleted: an archive whose releases are revised keeps every replaced copy on disk, and
every search opens and reads it. Here such segments are dropped at each commit, and Whoosh's
policy merges what is left.

A segment's spelling counts are postings of its first document (word_counts.py), and a merge copies
only the postings of live documents: when that first release was replaced, its segment's counts
are carried over here, or the words would drop out of "did you mean" and wildcards.
"""

from __future__ import annotations

from whoosh.reading import SegmentReader
from whoosh.writing import MERGE_SMALL

from indexer import word_counts
from indexer.schema import SPELLING


def merge_policy(writer, segments: list) -> list:
    """Whoosh merge policy of incremental runs: segments with no live document are dropped, the
    others merged by MERGE_SMALL (with their spelling counts)."""
    live = [segment for segment in segments if segment.doc_count() > 0]
    kept = MERGE_SMALL(writer, live)
    kept_ids = {id(segment) for segment in kept}
    for segment in live:
        if id(segment) not in kept_ids:
            _carry_spelling(writer, segment)
    return kept


def _carry_spelling(writer, segment) -> None:
    """Give the merged segment the spelling counts of `segment` when its first document is deleted."""
    if SPELLING not in writer.schema:
        return
    reader = SegmentReader(writer.storage, writer.schema, segment)
    try:
        if not reader.is_deleted(0):
            return  # its postings were copied with that document
        word_counts.post(writer, SPELLING, [(term, round(info.weight())) for term, info in reader.iter_field(SPELLING)])
    finally:
        reader.close()
