"""The search vocabulary, declared once: facets, sorts and limits.

Everything else is derived from these declarations: the index's facet fields and columns, the
`name:value` filters of a query, the command line's options, the API's checks, the finder's labels.
Adding a facet is one `Facet` entry here plus the extraction that gives releases its values.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from archive import Release
from archive.languages import NATIVE_NAMES, canonical_language

#: The most hits one page may have (API, command line, web).
MAX_LIMIT = 200
#: Hits on a page unless asked otherwise.
PAGE_SIZE = 20
#: The highest page number a request may ask for.
MAX_PAGE = 10_000
#: The longest query text, in characters.
MAX_QUERY_LENGTH = 1000
#: The date filters of a query (`from:2025-10`, `to:2025-12-31`, `date:2025-10-07`).
DATE_FILTERS = ("from", "to", "date")


@dataclass(frozen=True)
class Facet:
    """A property of releases that searches filter by and count: its name is the index field, the
    query-string parameter, the command-line option and the `name:value` prefix of a query."""

    name: str
    #: What the finder calls it.
    label: str
    #: The release's values, as shown.
    values: Callable[[Release], list[str]]
    #: The command line's help for the option.
    help: str
    #: Whether a release may have several values.
    multi: bool = False
    #: Other prefixes a query may use (`place:` for `location:`).
    aliases: tuple[str, ...] = ()
    #: A pattern every value must match whole, and how to write one, for messages.
    form: str = ""
    form_hint: str = ""
    #: "count" (most releases first), "ascending" or "descending" (by value).
    order: str = "count"
    #: Whether the finder lists it with the other facets (months are the timeline's to show).
    listed: bool = True
    #: What the finder calls several values (`All 44 ministries`).
    plural: str = ""
    #: How a value is shown, when not as it is (a language code by the language's own name).
    display: Callable[[str], str] | None = None
    #: A filter value as the index holds it (`Hindi` -> `hi`), when people write it otherwise.
    canonical: Callable[[str], str] | None = None

    def label_of(self, value: str) -> str:
        """How `value` is shown."""
        return self.display(value) if self.display else value

    def as_indexed(self, value: str) -> str:
        """A filter value as the index holds it."""
        return (self.canonical(value) or value) if self.canonical else value

    def well_formed(self, value: str) -> bool:
        """Whether `value` can be a value of this facet."""
        return not self.form or re.fullmatch(self.form, value) is not None

    def ordered(self, counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
        """(value, count) pairs in display order."""
        if self.order == "ascending":
            return sorted(counts)
        if self.order == "descending":
            return sorted(counts, reverse=True)
        return sorted(counts, key=lambda item: (-item[1], item[0]))


def _one(value: str) -> list[str]:
    return [value] if value else []


FACETS = (
    Facet("ministry", "Ministry", lambda release: list(release.ministries), "Only releases of this ministry.",
          multi=True, aliases=("ministries",), plural="ministries"),
    Facet("location", "Place", lambda release: _one(release.location),
          "Only releases datelined at this place.", aliases=("place",), plural="places"),
    Facet("country", "Country", lambda release: _one(release.country), "Only releases from this country.",
          plural="countries"),
    Facet("agency", "Agency", lambda release: _one(release.agency), "Only releases from this agency.",
          plural="agencies"),
    Facet("language", "Language", lambda release: _one(release.language),
          "Only releases in this language (hi, ur, ta ... or Hindi, Urdu, Tamil ...).", aliases=("lang",),
          plural="languages", display=lambda code: NATIVE_NAMES.get(code, code), canonical=canonical_language),
    Facet("year", "Year", lambda release: _one(release.date[:4]), "Only releases of this year, YYYY.",
          form=r"[0-9]{4}", form_hint="YYYY", order="descending", plural="years"),
    Facet("month", "Month", lambda release: _one(release.date[:7]), "Only releases of this month, YYYY-MM.",
          form=r"[0-9]{4}-(?:0[1-9]|1[0-2])", form_hint="YYYY-MM", order="ascending", listed=False, plural="months"),
)


@dataclass(frozen=True)
class Sort:
    """An order of results."""

    name: str
    label: str


SORTS = (Sort("relevance", "Relevance"), Sort("newest", "Newest"), Sort("oldest", "Oldest"))


def facet_names() -> tuple[str, ...]:
    """The names of the facets, in display order."""
    return tuple(facet.name for facet in FACETS)


def facet_named(name: str) -> Facet:
    """The facet called `name`; KeyError when there is none."""
    for facet in FACETS:
        if facet.name == name:
            return facet
    raise KeyError(name)


def sort_names() -> tuple[str, ...]:
    """The names of the sorts, the default first."""
    return tuple(sort.name for sort in SORTS)
