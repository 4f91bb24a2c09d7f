"""Turn a request's query string into a SearchRequest, or a 400 naming the bad parameter."""

from __future__ import annotations

from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest

from indexer import FACETS, MAX_LIMIT, MAX_PAGE, BadSearch, SearchRequest


class BadParameter(BadRequest):
    """A query-string parameter that cannot be used; `parameter` names it, the description says why."""

    def __init__(self, parameter: str, description: str):
        super().__init__(description)
        self.parameter = parameter


def _integer(args: MultiDict, name: str, default: int, low: int, high: int) -> int:
    raw = args.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(name, f"'{name}' must be a whole number, not {raw!r}.") from None
    if not low <= value <= high:
        raise BadParameter(name, f"'{name}' must be between {low} and {high}, not {value}.")
    return value


def search_request(args: MultiDict, per_page: int, max_query: int) -> SearchRequest:
    """Return the SearchRequest the query string describes; BadParameter (400) when it cannot."""
    q = args.get("q", "")
    if len(q) > max_query:
        raise BadParameter("q", f"The query is {len(q)} characters long; the most is {max_query}.")
    filters = {facet.name: [v for v in args.getlist(facet.name) if v.strip()] for facet in FACETS}
    try:
        return SearchRequest(
            q=q,
            filters={name: values for name, values in filters.items() if values},
            date_from=args.get("from", ""),
            date_to=args.get("to", ""),
            sort=args.get("sort", "") or "relevance",
            page=_integer(args, "page", 1, 1, MAX_PAGE),
            limit=_integer(args, "limit", per_page, 1, MAX_LIMIT),
            collapse=_integer(args, "collapse", 1, 0, 1) == 1,
            story=args.get("story", "").strip(),
            interval=args.get("interval", ""),
        )
    except BadSearch as exc:
        raise BadParameter(exc.parameter, f"Bad parameter: {exc}.") from None
