"""What a search is asked and what it answers: plain dataclasses, the indexer's public shapes."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from indexer.errors import BadSearch
from indexer.histogram import Histogram, check_interval
from indexer.query import check_partial_date
from indexer.vocabulary import FACETS, MAX_LIMIT, MAX_PAGE, PAGE_SIZE, facet_named, facet_names, sort_names


@dataclass
class SearchRequest:
    """What a user asked for; BadSearch naming the parameter when it cannot be searched."""

    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: str = ""
    date_to: str = ""
    sort: str = "relevance"
    page: int = 1
    limit: int = PAGE_SIZE
    #: Each story once, as its best-ranked release (False: every release).
    collapse: bool = True
    #: Only the releases of this story (its id), when given.
    story: str = ""
    #: The periods of the date histogram: day, week, month or year ("" chooses from the span).
    interval: str = ""

    def __post_init__(self) -> None:
        if self.sort not in sort_names():
            raise BadSearch("sort", f"sort must be one of {', '.join(sort_names())}, not {self.sort!r}")
        if not 1 <= self.page <= MAX_PAGE:
            raise BadSearch("page", f"page must be between 1 and {MAX_PAGE}, not {self.page}")
        if not 1 <= self.limit <= MAX_LIMIT:
            raise BadSearch("limit", f"limit must be between 1 and {MAX_LIMIT}, not {self.limit}")
        unknown = sorted(set(self.filters) - set(facet_names()))
        if unknown:
            raise BadSearch(unknown[0], f"unknown filter {', '.join(unknown)} (filters: {', '.join(facet_names())})")
        for facet in FACETS:
            for value in self.filters.get(facet.name, ()):
                if not facet.well_formed(value):
                    raise BadSearch(facet.name, f"{facet.name} must be written {facet.form_hint}, not {value!r}")
        # As the index holds them (`language=Hindi` is `hi`), so that the results say which are selected.
        self.filters = {name: [facet_named(name).as_indexed(value) for value in values]
                        for name, values in self.filters.items()}
        self.date_from = check_partial_date(self.date_from, "from")
        self.date_to = check_partial_date(self.date_to, "to")
        self.interval = check_interval(self.interval)

    def newest(self, limit: int) -> SearchRequest:
        """The same search, newest first, the first `limit` hits."""
        return SearchRequest(q=self.q, filters=self.filters, date_from=self.date_from, date_to=self.date_to,
                             sort="newest", page=1, limit=limit, collapse=False, story=self.story)


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
    #: ISO 639 code of the release's language ("" when unknown).
    language: str = ""
    #: The release's story (the id of its earliest release) and how many other releases of it match
    #: the search; when results are collapsed, the first few of those.
    story: str = ""
    versions: int = 0
    other_versions: list[StoryVersion] = field(default_factory=list)


@dataclass
class StoryVersion:
    """Another release of a story, as a list of versions shows it."""

    id: str
    title: str
    agency: str
    location: str
    date: str
    language: str = ""
    #: Against the release it is listed for: `duplicate` (the same text) or `version`; "" when not compared.
    kind: str = ""
    similarity: float | None = None
    #: Whether it is the story's first report (earliest date, then time of day, then first indexed).
    first: bool = False
    #: The time of day its source gives (`HH:MM`), "" when none.
    time: str = ""
    #: On the first report: what put it first, against the next one: "date", "time" or "indexed" (the
    #: order the archive first indexed them, when date and time do not tell).
    first_by: str = ""


@dataclass
class FacetValue:
    """A facet value with its count over the current results."""

    value: str
    count: int
    selected: bool = False
    #: The value as shown (a language by its own name); the value itself for most facets.
    label: str = ""


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
    #: Whether each story is shown once: `total` then counts stories; `releases` always counts releases.
    collapsed: bool = False
    releases: int = 0
    #: Matching releases per period (every match, not one page; releases, not stories).
    histogram: Histogram = field(default_factory=Histogram)
    #: Whether the query has words to rank by (else it browses: no relevance sort).
    has_words: bool = False

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
            "total": self.total, "releases": self.releases, "counts": "stories" if self.collapsed else "releases",
            "facet_counts": "releases", "page": self.page, "pages": self.pages, "limit": self.limit,
            "sort": self.sort, "query": self.query, "note": self.note, "suggestion": self.suggestion,
            "hits": [asdict(hit) for hit in self.hits],
            "facets": {name: [asdict(value) for value in values] for name, values in self.facets.items()},
            "histogram": asdict(self.histogram),
        }
