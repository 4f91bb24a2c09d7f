"""Search the index: query, filters, facets, snippets, suggestions and related releases."""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import reduce
from pathlib import Path

import numpy as np

from archive import Release
from archive.normalise import fold
from archive.stories import StoryText, compare
from indexer.documents import release_from_stored
from indexer.highlight import Marker, lead
from indexer.histogram import date_histogram
from indexer.matching import QueryEvaluator
from indexer.query import ParsedQuery, ordered_range, parse_user_query
from indexer.results import FacetValue, Hit, SearchRequest, SearchResult, StoryVersion
from indexer.schema import BODY, ID, META, TEXT, TITLE, TRANSLATION
from indexer.searchers import with_own_searcher, with_searcher
from indexer.snapshot import Snapshot, snapshot_of
from indexer.errors import BadSearch
from indexer.spelling import corrected_texts
from indexer.vocabulary import FACETS, facet_named

SNIPPET_CHARS = 240
RELATED_WINDOW = 20_000
#: The other versions of a story listed under its hit.
VERSIONS_SHOWN = 5
#: The versions of a story a release page lists and compares.
MOST_VERSIONS = 50


@dataclass
class _Selection:
    """The documents a request selects (masks over document numbers), with what selected them."""

    parsed: ParsedQuery
    filters: dict[str, list[str]]
    evaluator: QueryEvaluator
    #: What the words and dates select, and what each facet filter does.
    base: np.ndarray
    by_facet: dict[str, np.ndarray]
    #: All of them together: the results.
    mask: np.ndarray
    total: int
    sort: str

    @property
    def snapshot(self) -> Snapshot:
        """The arrays of the index snapshot searched."""
        return self.evaluator.snapshot


def _select(ix, searcher, request: SearchRequest) -> _Selection:
    parsed = parse_user_query(request.q, ix.schema)
    filters = _merged_filters(request, parsed)
    snapshot = snapshot_of(searcher, str(ix.storage.folder))
    evaluator = QueryEvaluator(searcher, snapshot)
    base = _base_docs(snapshot, evaluator, parsed, request)
    by_facet = {name: snapshot.facets[name].mask(values, snapshot.size) for name, values in filters.items()}
    if request.story:
        number = snapshot.story_number(request.story)
        base = base & (snapshot.story == number) if number is not None else np.zeros_like(base)
    mask = _intersect(base, by_facet.values())
    return _Selection(parsed, filters, evaluator, base, by_facet, mask, int(np.count_nonzero(mask)),
                      _effective_sort(request, parsed))


def search(index_dir: Path, request: SearchRequest) -> SearchResult:
    """Run a search and return one page of hits, the facet counts and any suggestion."""

    def run(ix, searcher) -> SearchResult:
        selection = _select(ix, searcher, request)
        start = (request.page - 1) * request.limit
        snapshot = selection.snapshot
        # How many releases of each story the search matches.
        per_story = np.bincount(snapshot.story[selection.mask], minlength=len(snapshot.story_ids))
        if request.collapse:
            page = _first_of_stories(selection, start + request.limit)[start:]
            total = int(np.count_nonzero(per_story))
        else:
            page = _ordered(selection, start + request.limit)[start:]
            total = selection.total
        marker = Marker(selection.parsed.text) if selection.parsed.has_words else None
        suggestion = _suggestion(ix, searcher, selection, request)
        hits = []
        for docnum, score in page:
            hit = _hit(searcher.stored_fields(docnum), score, marker)
            story = snapshot.story[docnum]
            hit.story, hit.versions = snapshot.story_ids[story], int(per_story[story]) - 1
            if request.collapse and hit.versions:
                hit.other_versions = _other_versions(searcher, selection, docnum)
            hits.append(hit)
        return SearchResult(
            total=total, page=request.page, limit=request.limit, hits=hits, facets=_facets(selection),
            suggestion=suggestion, note=selection.parsed.note, query=request.q, sort=selection.sort,
            collapsed=request.collapse, releases=selection.total,
            histogram=date_histogram(snapshot.distinct_dates, snapshot.date_rank, selection.mask, request.interval,
                                     snapshot.day_table),
            has_words=selection.parsed.has_words,
        )

    return with_searcher(index_dir, run)


def _suggestion(ix, searcher, selection: _Selection, request: SearchRequest) -> str:
    """The query with its unknown words corrected, the first correction that finds more releases; else ""."""
    if not selection.parsed.has_words:
        return ""
    reader = searcher.reader()
    try:
        for corrected in corrected_texts(request.q, reader, lambda: selection.snapshot.spelling(reader)):
            try:
                better = _select(ix, searcher, replace(request, q=corrected, page=1))
            except BadSearch:
                continue
            if better.total > selection.total:
                return corrected
    except (ValueError, KeyError, UnicodeDecodeError):  # a suggestion is a nicety: never the search's end
        return ""
    return ""


def matching_releases(index_dir: Path, request: SearchRequest) -> ReleaseStream:
    """Every release matching the request (not one page), in the request's order, for exports.

    The matches are found at once, so that a missing index raises IndexMissing here; the releases
    are read as the stream is, from a searcher of its own.
    """

    def run(ix, searcher):
        selection = _select(ix, searcher, request)
        docnums = [docnum for docnum, _score in _ordered(selection, None)]
        snapshot = selection.snapshot
        stories = [snapshot.story_ids[number] for number in snapshot.story[docnums].tolist()]
        return docnums, stories, searcher, Path(ix.storage.folder)

    (docnums, stories, searcher, generation), close = with_own_searcher(index_dir, run)
    return ReleaseStream(docnums, stories, searcher, generation, close)


class ReleaseStream(Iterator[Release]):
    """Releases read one at a time from a searcher of their own, closed when the last is read or
    by `close()` (which a stream left early must have)."""

    def __init__(self, docnums: list[int], stories: list[str], searcher, generation: Path, close) -> None:
        self._docnums, self._searcher, self._generation, self._close = iter(docnums), searcher, generation, close
        self._stories = iter(stories)
        #: The story of the release last read.
        self.story = ""

    def __next__(self) -> Release:
        docnum = next(self._docnums, None)
        if docnum is None or self._close is None:
            self.close()
            raise StopIteration
        self.story = next(self._stories)
        return release_from_stored(self._searcher.stored_fields(docnum), self._generation)

    def close(self) -> None:
        """Close the searcher (again is harmless)."""
        if self._close is not None:
            self._close()
            self._close = None


def get_release(index_dir: Path, release_id: str) -> Release | None:
    """Return the release with this id, or None."""

    def run(ix, searcher) -> Release | None:
        stored = searcher.document(**{ID: release_id})
        return release_from_stored(stored, Path(ix.storage.folder)) if stored else None

    return with_searcher(index_dir, run)


def story_versions(index_dir: Path, release_id: str) -> list[StoryVersion]:
    """Every release of this release's story, itself included, the first reported first: each
    compared with it (kind, similarity), the first marked."""

    def run(ix, searcher) -> list[StoryVersion]:
        docnum = searcher.document_number(**{ID: release_id})
        if docnum is None:
            return []
        snapshot = snapshot_of(searcher, str(ix.storage.folder))
        members = np.flatnonzero(snapshot.live & (snapshot.story == snapshot.story[docnum]))
        members = members[np.lexsort((members, snapshot.first_indexed[members], snapshot.oldest_key[members]))]
        folder = Path(ix.storage.folder)
        own = release_from_stored(searcher.stored_fields(docnum), folder)
        this = StoryText.of(own)
        # The earliest by date (and the release itself) when a story has more than can be listed.
        shown = [*members[:MOST_VERSIONS].tolist(), *([] if docnum in members[:MOST_VERSIONS] else [docnum])]
        found = [(own if member == docnum else release_from_stored(searcher.stored_fields(member), folder),
                  int(snapshot.first_indexed[member])) for member in shown]
        if len(found) < 2:
            return []
        # First reported: the earliest date, then the earliest time of day where the sources give
        # one, then the first indexed.
        found.sort(key=lambda pair: (pair[0].date or "9999", pair[0].time or "24:00", pair[1]))
        (first, _), (second, _) = found[:2]
        first_by = "date" if first.date != second.date else "time" if first.time and first.time != second.time \
            else "indexed"
        versions = []
        for number, (release, _) in enumerate(found):
            comparison = compare(this, StoryText.of(release))
            versions.append(StoryVersion(release.id, release.title, release.agency, release.location, release.date,
                                         release.language, comparison.kind or "version",
                                         round(comparison.similarity, 3), first=number == 0, time=release.time,
                                         first_by=first_by if number == 0 else ""))
        return versions

    return with_searcher(index_dir, run)


def translations(index_dir: Path, release_id: str) -> list[Hit]:
    """The other language versions of a release that are in the archive, English first."""

    def run(ix, searcher) -> list[Hit]:
        stored = searcher.document(**{ID: release_id})
        if not stored:
            return []
        # An original may carry no key of its own: its versions name it by its id.
        key = (stored.get(META) or {}).get("translation_key") or release_id
        docnums = {*searcher.document_numbers(**{TRANSLATION: key}), searcher.document_number(**{ID: key})}
        hits = [_hit(searcher.stored_fields(docnum), None, None) for docnum in docnums - {None}]
        others = (hit for hit in hits if hit.id != release_id)
        return sorted(others, key=lambda hit: (hit.language != "en", hit.language))

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
                value = value.strip()
                if value and value not in merged.setdefault(name, []):
                    merged[name].append(value)
    return {name: values for name, values in merged.items() if values}


def _base_docs(snapshot: Snapshot, evaluator: QueryEvaluator, parsed: ParsedQuery,
               request: SearchRequest) -> np.ndarray:
    """The documents the words and the date range match."""
    asked_from, asked_to, note = ordered_range(request.date_from, request.date_to)
    typed_from, typed_to, typed_note = ordered_range(parsed.date_from, parsed.date_to)
    parsed.note = " ".join(filter(None, (parsed.note, note, typed_note)))
    date_from = max(asked_from, typed_from)
    # The earlier end wins; "2025-10" ends after "2025-10-06", though it sorts before it.
    date_to = min(filter(None, (asked_to, typed_to)), key=lambda end: end + "\uffff", default="")
    # Dates come from the snapshot's arrays: a TermRange query over dates is slow (0.9 s at 100k).
    base = snapshot.between(date_from or "0001", date_to or "9999") if date_from or date_to else snapshot.live
    return base & evaluator.mask(parsed.query) if parsed.has_words else base


def _intersect(base: np.ndarray, others) -> np.ndarray:
    return reduce(np.logical_and, others, base)


def _facets(selection: _Selection) -> dict[str, list[FacetValue]]:
    """Count every facet over the results, each with its own filter left out."""
    cache: dict[frozenset, np.ndarray] = {}
    return {facet.name: _facet_values(selection, facet, cache) for facet in FACETS}


def _facet_values(selection: _Selection, facet, cache: dict[frozenset, np.ndarray]) -> list[FacetValue]:
    """One facet's values over the results with its own filter left out, selected values included."""
    others = frozenset(name for name in selection.by_facet if name != facet.name)
    if others not in cache:
        cache[others] = _intersect(selection.base, [selection.by_facet[name] for name in others])
    counts = selection.snapshot.facets[facet.name].count(cache[others])
    asked = selection.filters.get(facet.name, ())
    selected = {fold(value) for value in asked}
    values = [FacetValue(value, count, fold(value) in selected, facet.label_of(value))
              for value, count in facet.ordered(counts)]
    shown = {fold(v.value) for v in values}
    return values + [FacetValue(value, 0, True, facet.label_of(value)) for value in asked if fold(value) not in shown]


def facet_values(index_dir: Path, request: SearchRequest, name: str, contains: str = "") -> list[FacetValue]:
    """Every value of the facet `name` over a search's results (its own filter left out), with counts,
    those whose value or label contain `contains` (compared folded) when it is given."""
    facet = facet_named(name)
    wanted = fold(contains.strip())

    def run(ix, searcher) -> list[FacetValue]:
        values = _facet_values(_select(ix, searcher, request), facet, {})
        return [value for value in values if wanted in fold(value.value) or wanted in fold(value.label)]

    return with_searcher(index_dir, run)


def _effective_sort(request: SearchRequest, parsed: ParsedQuery) -> str:
    # Browsing without words has no relevance to rank by: newest first.
    return "newest" if request.sort == "relevance" and not parsed.has_words else request.sort


def _ordered(selection: _Selection, count: int | None) -> list[tuple[int, float | None]]:
    """The first `count` (all when None) selected documents in the order asked, with scores."""
    docs = np.flatnonzero(selection.mask)
    if selection.sort == "relevance":
        scores = selection.evaluator.scores(selection.parsed.query, docs)
        # Equal scores: the lower document number first, as Whoosh orders them.
        ranked, keys = _top_k(scores, docs, docs, count)
        return [(docnum, round(score, 4)) for docnum, score in zip(ranked.tolist(), keys.tolist())]
    if selection.sort == "newest":
        # Undated releases have the lowest rank, so they come last.
        ranked, _ = _top_k(selection.snapshot.date_rank[docs], docs, -docs, count)
    else:
        ranked, _ = _top_k(-selection.snapshot.oldest_key[docs], docs, docs, count)
    return [(docnum, None) for docnum in ranked.tolist()]


def _first_of_stories(selection: _Selection, count: int) -> list[tuple[int, float | None]]:
    """The best-ranked release of each of the first `count` stories, in the order asked."""
    story = selection.snapshot.story
    fetch = min(selection.total, 2 * count + 20)
    while True:
        ranked = _ordered(selection, fetch)
        stories = story[np.fromiter((docnum for docnum, _ in ranked), dtype=np.int64, count=len(ranked))]
        # The first place each story comes in is its best-ranked release.
        firsts = np.sort(np.unique(stories, return_index=True)[1])
        if len(firsts) >= count or fetch >= selection.total:
            return [ranked[place] for place in firsts[:count].tolist()]
        fetch = min(selection.total, fetch * 4)


def _other_versions(searcher, selection: _Selection, docnum: int) -> list[StoryVersion]:
    """The other releases of a hit's story that the search matches, earliest first (a few)."""
    snapshot = selection.snapshot
    others = np.flatnonzero(selection.mask & (snapshot.story == snapshot.story[docnum]))
    others = others[others != docnum]
    others = others[np.lexsort((others, snapshot.oldest_key[others]))][:VERSIONS_SHOWN]
    return [_version(searcher.stored_fields(other)) for other in others.tolist()]


def _version(stored: dict) -> StoryVersion:
    release = release_from_stored(stored)
    return StoryVersion(release.id, release.title, release.agency, release.location, release.date, release.language)


def _top_k(keys: np.ndarray, docs: np.ndarray, ties: np.ndarray, count: int | None) -> tuple[np.ndarray, np.ndarray]:
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
        ministries=release.ministries, score=score, url=release.url, language=release.language,
        snippet=marker.snippet(release.body, SNIPPET_CHARS) if marker else lead(release.body, SNIPPET_CHARS),
    )
