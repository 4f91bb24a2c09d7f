"""Keeping an index's segments few as incremental runs add one each.

Every incremental run writes a segment of its own. Whoosh's MERGE_SMALL policy merges the small
ones when enough have piled up (by a Fibonacci rule), but keeps a segment whose documents have
all been deleted: an archive whose releases are revised keeps every replaced copy on disk, and
every search opens and reads it. Here such segments are dropped at each commit, and Whoosh's
policy merges what is left.
"""

from __future__ import annotations

from whoosh.writing import MERGE_SMALL


def merge_policy(writer, segments: list) -> list:
    """Whoosh merge policy of incremental runs: segments with no live document are dropped, the
    others merged by MERGE_SMALL."""
    return MERGE_SMALL(writer, [segment for segment in segments if segment.doc_count() > 0])
