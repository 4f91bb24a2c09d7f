"""The Whoosh index of press-archive: building, updating and searching it.

Everything here returns plain dataclasses; nothing above this package sees a Whoosh object, and
nothing above it imports its modules: what `web` uses is exported here.
"""

from indexer.build import ReindexReport, reindex
from indexer.errors import BadSearch, IndexMissing, IndexWriteFailed, ReindexRunning
from indexer.highlight import mark_terms
from indexer.locations import BUNDLED_SEEDS, default_index, default_source
from indexer.results import FacetValue, Hit, SearchRequest, SearchResult, StoryVersion
from indexer.histogram import INTERVALS, Histogram, Period
from indexer.search import (
    facet_values, get_release, matching_releases, related, search, story_versions, translations,
)
from indexer.status import ArchiveStatus, archive_status
from indexer.store import last_updated, needs_full_rebuild
from indexer.vocabulary import (
    FACETS, MAX_LIMIT, MAX_PAGE, MAX_QUERY_LENGTH, PAGE_SIZE, SORTS, Facet, Sort, facet_named, facet_names,
)

__all__ = [
    "ArchiveStatus", "BUNDLED_SEEDS", "FACETS", "INTERVALS", "MAX_LIMIT", "MAX_PAGE", "MAX_QUERY_LENGTH", "PAGE_SIZE", "SORTS",
    "BadSearch", "Facet", "FacetValue", "Histogram", "Hit", "IndexMissing", "IndexWriteFailed", "ReindexReport",
    "ReindexRunning",
    "Period", "SearchRequest", "SearchResult", "Sort", "StoryVersion", "default_index", "default_source",
    "archive_status", "facet_named", "facet_names", "facet_values",
    "get_release", "last_updated", "mark_terms", "matching_releases", "needs_full_rebuild", "reindex", "related",
    "search", "story_versions", "translations",
]
