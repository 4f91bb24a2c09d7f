"""How current the archive is: its releases, its newest release, when the index last changed and
when a reindex last looked at the source."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from indexer.searchers import with_searcher
from indexer.snapshot import snapshot_of
from indexer.store import last_changed, last_checked


@dataclass
class ArchiveStatus:
    """The archive's freshness."""

    releases: int
    #: The date of the newest dated release ("" when none is dated).
    newest_release: str
    #: When the index last changed (UTC, ISO 8601).
    changed_at: str
    #: When a reindex last finished, changing anything or not ("" when none has said so).
    checked_at: str

    def to_dict(self) -> dict:
        """The status as JSON-ready data."""
        return asdict(self)


def archive_status(index_dir: Path) -> ArchiveStatus:
    """The archive's freshness; IndexMissing when there is no index."""

    def run(ix, searcher) -> tuple[int, str]:
        snapshot = snapshot_of(searcher, str(ix.storage.folder))
        return snapshot.releases, snapshot.newest_date

    releases, newest = with_searcher(index_dir, run)
    changed = last_changed(index_dir)
    # An index copied or restored may carry an older stamp than its files: it was checked when it changed.
    return ArchiveStatus(releases, newest, changed, max(changed, last_checked(index_dir)))
