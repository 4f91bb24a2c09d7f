"""Search the index: query, filters, facets, snippets, suggestions and related releases."""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import reduce
from pathlib import Path

import numpy as np

from archive import Release
from archive.normalise import fold
from indexer.documents import release_from_stored
from indexer.highlight import Marker, lead
from indexer.matching import Matcher
from indexer.errors import BadSearch
from indexer.query import FACET_FORMS, BadDate, ParsedQuery, check_partial_date, ordered_range, parse_user_query
from indexer.schema import BODY, FACETS, ID, TEXT, TITLE
from indexer.spelling import suggest_query
from indexer.scoring import CachedLengthBM25F
from indexer.searchers import with_searcher
from indexer.snapshot import Snapshot, order_counts, snapshot_of
from indexer.store import open_index

SORTS = ("relevance", "newest", "oldest")
MAX_LIMIT = 200
SNIPPET_CHARS = 240
RELATED_WINDOW = 20_000
# Below this many hits a query with unknown words gets a "did you mean".
SUGGEST_BELOW = 3

__all__ = ["BadDate", "BadSearch", "FacetValue", "Hit", "SearchRequest", "SearchResult", "search", "get_release",
           "related", "iter_matches", "SORTS"]


@dataclass
class SearchRequest:
    """What a user asked for."""

    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: str = ""
    date_to: str = ""
    sort: str = "relevance"
    page: int = 1
    limit: int = 20

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise BadSearch("sort", f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}")
        if self.page < 1:
            raise BadSearch("page", f"page must be 1 or more, not {self.page}")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise BadSearch("limit", f"limit must be between 1 and {MAX_LIMIT}, not {self.limit}")
        unknown = sorted(set(self.filters) - set(FACETS))
        if unknown:
            raise BadSearch(unknown[0], f"unknown filter {', '.join(unknown)} (filters: {', '.join(FACETS)})")
        for name, form in FACET_FORMS.items():
            for value in self.filters.get(name, ()):
                if not form.match(value):
                    raise BadSearch(name, f"{name} must be written {'YYYY' if name == 'year' else 'YYYY-MM'}, "
                                          f"not {value!r}")
        self.date_from = check_partial_date(self.date_from, "from")
        self.date_to = check_partial_date(self.date_to, "to")


@dataclass
class Hit:
    """One matching release, ready to show."""

    id: str
    title: str
    title_html: str
    date: str
    location: str
    country: str
    agency: str
    ministries: list[str]
    snippet: str
    score: float | None
    url: str = ""


@dataclass
class FacetValue:
    """A facet value with its count over the current results."""

    value: str
    count: int
    selected: bool = False


@dataclass
class SearchResult:
    """A page of results with the counts, total and messages that go with it."""

    total: int
    page: int
    limit: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]]
    suggestion: str = ""
    note: str = ""
    query: str = ""
    sort: str = "relevance"

    @property
    def pages(self) -> int:
        """How many pages the results fill."""
        return max(1, -(-self.total // self.limit))

    @property
    def past_end(self) -> bool:
        """Whether the page asked for lies after the last page of results."""
        return self.page > self.pages

    def to_dict(self) -> dict:
        """The shape of `press-archive search --json` and `/api/search`."""
        return {
            "total": self.total, "page": self.page, "pages": self.pages, "limit": self.limit,
            "sort": self.sort, "query": self.query, "note": self.note, "suggestion": self.suggestion,
            "hits": [hit.__dict__ for hit in self.hits],
            "facets": {name: [value.__dict__ for value in values] for name, values in self.facets.items()},
        }


@dataclass
class _Matching:
    """The documents a request matches (masks over document numbers), with what found them."""

    parsed: ParsedQuery
    filters: dict[str, list[str]]
    matcher: Matcher
    base: np.ndarray
    by_facet: dict[str, np.ndarray]
    matches: np.ndarray
    total: int
    sort: str


def _match(ix, searcher, request: SearchRequest) -> _Matching:
    parsed = parse_user_query(request.q, ix.schema)
    filters = _merged_filters(request, parsed)
    snapshot = snapshot_of(searcher, str(ix.storage.folder))
    matcher = Matcher(searcher, snapshot)
    base = _base_docs(snapshot, matcher, parsed, request)
    by_facet = {name: snapshot.facets[name].mask(values, snapshot.size) for name, values in filters.items()}
    matches = _intersect(base, by_facet.values())
    return _Matching(parsed, filters, matcher, base, by_facet, matches, int(np.count_nonzero(matches)),
                     _effective_sort(request, parsed))


def search(index_dir: Path, request: SearchRequest) -> SearchResult:
    """Run a search and return one page of hits, the facet counts and any suggestion."""

    def run(ix, searcher) -> SearchResult:
        found = _match(ix, searcher, request)
        start = (request.page - 1) * request.limit
        page = _ordered(found, start + request.limit)[start:]
        marker = Marker(found.parsed.text) if found.parsed.has_words else None
        suggestion = suggest_query(searcher, found.parsed, request.q) if found.total < SUGGEST_BELOW else ""
        return SearchResult(
            total=found.total, page=request.page, limit=request.limit,
            hits=[_hit(searcher.stored_fields(docnum), score, marker) for docnum, score in page],
            facets=_facets(found.matcher.snapshot, found.base, found.by_facet, found.filters),
            suggestion=suggestion, note=found.parsed.note, query=request.q, sort=found.sort,
        )

    return with_searcher(index_dir, run)


def iter_matches(index_dir: Path, request: SearchRequest) -> Iterator[Release]:
    """Yield every release matching the request (not one page), in the request's order."""
    ix = open_index(index_dir)
    try:
        with ix.searcher(weighting=CachedLengthBM25F()) as searcher:
            generation = Path(ix.storage.folder)
            for docnum, _score in _ordered(_match(ix, searcher, request), None):
                yield release_from_stored(searcher.stored_fields(docnum), generation)
    finally:
        ix.close()


def get_release(index_dir: Path, release_id: str) -> Release | None:
    """Return the release with this id, or None."""

    def run(ix, searcher) -> Release | None:
        stored = searcher.document(**{ID: release_id})
        return release_from_stored(stored, Path(ix.storage.folder)) if stored else None

    return with_searcher(index_dir, run)


def related(index_dir: Path, release_id: str, limit: int = 5) -> list[Hit]:
    """Return the releases most like the one with this id (none when the id is unknown)."""

    def run(ix, searcher) -> list[Hit]:
        docnum = searcher.document_number(**{ID: release_id})
        if docnum is None:
            return []
        stored = searcher.stored_fields(docnum)
        # The words that pick related releases come from the start of a long one: the same cost for all.
        text = f"{stored.get(TITLE, '')}\n{stored.get(BODY, '')[:RELATED_WINDOW]}"
        results = searcher.more_like(docnum, TEXT, text=text, top=limit, numterms=12)
        return [_hit(result.fields(), None, None) for result in results]

    return with_searcher(index_dir, run)


def _merged_filters(request: SearchRequest, parsed: ParsedQuery) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for source in (request.filters, parsed.filters):
        for name, values in source.items():
            for value in values:
                if value.strip() and value not in merged.setdefault(name, []):
                    merged[name].append(value)
    return {name: values for name, values in merged.items() if values}


def _base_docs(snapshot: Snapshot, matcher: Matcher, parsed: ParsedQuery, request: SearchRequest) -> np.ndarray:
    """The documents the words and the date range match."""
    asked_from, asked_to, note = ordered_range(request.date_from, request.date_to)
    typed_from, typed_to, typed_note = ordered_range(parsed.date_from, parsed.date_to)
    parsed.note = " ".join(filter(None, (parsed.note, note, typed_note)))
    date_from = max(asked_from, typed_from)
    # The earlier end wins; "2025-10" ends after "2025-10-06", though it sorts before it.
    date_to = min(filter(None, (asked_to, typed_to)), key=lambda end: end + "\uffff", default="")
    # Dates come from the snapshot's arrays: a TermRange query over dates is slow (0.9 s at 100k).
    base = snapshot.between(date_from or "0001", date_to or "9999") if date_from or date_to else snapshot.live
    return base & matcher.docs(parsed.query) if parsed.has_words else base


def _intersect(base: np.ndarray, others) -> np.ndarray:
    return reduce(np.logical_and, others, base)


def _facets(snapshot: Snapshot, base: np.ndarray, by_facet: dict[str, np.ndarray],
            filters: dict[str, list[str]]) -> dict[str, list[FacetValue]]:
    """Count every facet over the results, each with its own filter left out."""
    cache: dict[frozenset, np.ndarray] = {}
    facets = {}
    for name in FACETS:
        others = frozenset(n for n in by_facet if n != name)
        if others not in cache:
            cache[others] = _intersect(base, [by_facet[n] for n in others])
        counts = snapshot.facets[name].count(cache[others])
        selected = {fold(value) for value in filters.get(name, ())}
        values = [FacetValue(value, count, fold(value) in selected) for value, count in order_counts(name, counts)]
        shown = {fold(v.value) for v in values}
        values += [FacetValue(value, 0, True) for value in filters.get(name, ()) if fold(value) not in shown]
        facets[name] = values
    return facets


def _effective_sort(request: SearchRequest, parsed: ParsedQuery) -> str:
    # Browsing without words has no relevance to rank by: newest first.
    return "newest" if request.sort == "relevance" and not parsed.has_words else request.sort


def _ordered(found: _Matching, count: int | None) -> list[tuple[int, float | None]]:
    """The first `count` (all when None) matching documents in the order asked, with scores."""
    docs = np.flatnonzero(found.matches)
    if found.sort == "relevance":
        scores = found.matcher.scores(found.parsed.query, docs)
        # Equal scores: the lower document number first, as Whoosh orders them.
        ranked, keys = _first(scores, docs, docs, count)
        return [(docnum, round(score, 4)) for docnum, score in zip(ranked.tolist(), keys.tolist())]
    if found.sort == "newest":
        # Undated releases have the lowest rank, so they come last.
        ranked, _ = _first(found.matcher.snapshot.date_rank[docs], docs, -docs, count)
    else:
        ranked, _ = _first(-found.matcher.snapshot.oldest_key()[docs], docs, docs, count)
    return [(docnum, None) for docnum in ranked.tolist()]


def _first(keys: np.ndarray, docs: np.ndarray, ties: np.ndarray, count: int | None) -> tuple[np.ndarray, np.ndarray]:
    """`docs` by `keys`, highest first, then by `ties`, lowest first; only the first `count`."""
    if count is not None and count < len(docs):
        # Everything tied with the count-th key stays in, so that ties are broken the same way.
        cut = np.partition(keys, len(keys) - count)[len(keys) - count]
        keep = keys >= cut
        keys, docs, ties = keys[keep], docs[keep], ties[keep]
    order = np.lexsort((ties, -keys))[:count]
    return docs[order], keys[order]


def _hit(stored: dict, score: float | None, marker: Marker | None) -> Hit:
    release = release_from_stored(stored)
    title_html = html.escape(release.title)
    return Hit(
        id=release.id, title=release.title, title_html=marker.mark_html(title_html) if marker else title_html,
        date=release.date, location=release.location, country=release.country, agency=release.agency,
        ministries=release.ministries, snippet=marker.snippet(release.body, SNIPPET_CHARS) if marker else lead(release.body, SNIPPET_CHARS),
        score=score, url=release.url,
    )
