"""The timeline of the search page: the histogram's bars with their links and names."""

from __future__ import annotations

from dataclasses import dataclass

from werkzeug.datastructures import MultiDict

from indexer import INTERVALS, Histogram
from web.facets import with_params


@dataclass
class TimelineView:
    """A histogram as the page draws it: bars that filter to their period, links to other intervals."""

    interval: str
    periods: list[dict]
    undated: int
    asked: str
    most: int
    links: list[tuple[str, str]]


def timeline_view(histogram: Histogram, args: MultiDict) -> TimelineView:
    """The timeline of a search whose query string is `args`."""
    periods = [{**period.__dict__, "name": _name(period, histogram.interval),
                # A bar narrows the dates to its period; the interval is then chosen anew (zooming in).
                "url": "?" + with_params(args, **{"from": period.start, "to": period.end, "month": None,
                                                  "page": None, "interval": None})}
               for period in histogram.periods]
    links = [(name, "?" + with_params(args, interval=name, page=None)) for name in INTERVALS]
    return TimelineView(histogram.interval, periods, histogram.undated, histogram.asked, histogram.most, links)


def _name(period, interval: str) -> str:
    """How a bar is read out: `2025-10-07`, `week of 2025-10-06`, `2025-10`, `2025`."""
    return f"week of {period.start}" if interval == "week" else period.label
