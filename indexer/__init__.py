"""The Whoosh index of press-archive: building, updating and searching it.

Everything here returns plain dataclasses; nothing above this package sees a Whoosh object.
"""

from indexer.build import ReindexReport, reindex
from indexer.errors import BadSearch, IndexMissing, IndexWriteFailed, ReindexRunning
from indexer.search import FacetValue, Hit, SearchRequest, SearchResult, get_release, related, search
from indexer.store import last_updated

__all__ = [
    "BadSearch", "FacetValue", "Hit", "IndexMissing", "IndexWriteFailed", "ReindexReport", "ReindexRunning",
    "SearchRequest", "SearchResult", "get_release", "last_updated", "reindex", "related", "search",
]
