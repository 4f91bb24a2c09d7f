"""A date histogram of search results: releases per day, week, month or year, empty periods included."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from indexer.errors import BadSearch

INTERVALS = ("day", "week", "month", "year")
#: Coarser periods, never asked for: a span of centuries (a mistyped year) is still a few bars.
_COARSER = ("decade", "century")
#: The longest span, in days, each interval is chosen for when none is asked: about 60 days, two
#: years of weeks, ten years of months; anything longer is drawn in years.
_AUTO_SPAN = {"day": 62, "week": 2 * 366, "month": 10 * 366}
#: The most periods a histogram has; an interval asked for that would need more gives way to a coarser one.
MOST_PERIODS = 400


@dataclass
class Period:
    """One bar: the releases dated from `start` to `end` (ISO dates, both included)."""

    start: str
    end: str
    #: How the period is named: `2025-10-07`, `2025-W41`, `2025-10`, `2025`.
    label: str
    count: int


@dataclass
class Histogram:
    """Releases per period over the span of the results, every period from the first to the last."""

    interval: str = "month"
    periods: list[Period] = field(default_factory=list)
    #: The matching releases that have no date, so no bar.
    undated: int = 0
    #: The interval asked for, when it would have needed too many periods and a coarser one is drawn.
    asked: str = ""

    @property
    def most(self) -> int:
        """The largest count of a period (0 when there are none)."""
        return max((period.count for period in self.periods), default=0)


def check_interval(value: str) -> str:
    """An interval as a request may give it: one of INTERVALS, or "" to choose from the span."""
    value = value.strip().lower()
    if value and value not in INTERVALS:
        raise BadSearch("interval", f"interval must be one of {', '.join(INTERVALS)}, not {value!r}")
    return value


@dataclass(frozen=True)
class DayTable:
    """The distinct dates of a snapshot as numbers, for counting them by period with numpy."""

    #: Whether each distinct date is a day (not the undated mark), its day number (date.toordinal),
    #: year and month.
    valid: np.ndarray
    ordinal: np.ndarray
    year: np.ndarray
    month: np.ndarray

    @classmethod
    def of(cls, distinct_dates: list[str]) -> DayTable:
        """The table of a snapshot's sorted distinct dates."""
        days = [_day(value) for value in distinct_dates]
        return cls(np.array([day is not None for day in days], dtype=bool),
                   np.array([day.toordinal() if day else 0 for day in days], dtype=np.int64),
                   np.array([day.year if day else 0 for day in days], dtype=np.int64),
                   np.array([day.month if day else 0 for day in days], dtype=np.int64))

    def keys(self, interval: str) -> np.ndarray:
        """Each distinct date's period as a number that grows by one from a period to the next."""
        if interval == "day":
            return self.ordinal
        if interval == "week":
            return (self.ordinal - 1) // 7  # day number 1 (1 January of year 1) was a Monday
        if interval == "month":
            return self.year * 12 + self.month - 1
        return self.year // {"year": 1, "decade": 10, "century": 100}[interval]


def date_histogram(distinct_dates: list[str], date_rank: np.ndarray, mask: np.ndarray, interval: str = "",
                   table: DayTable | None = None) -> Histogram:
    """Count the documents of `mask` per period of `interval` ("" chooses from their span);
    `table` is DayTable.of(distinct_dates), which a caller may keep."""
    table = table or DayTable.of(distinct_dates)
    counts = np.bincount(date_rank[mask], minlength=len(distinct_dates))
    dated = (counts > 0) & table.valid
    undated = int(counts[~table.valid].sum())
    if not dated.any():
        return Histogram(interval or "month", [], undated)
    ranks = np.flatnonzero(dated)
    first, last = date.fromordinal(int(table.ordinal[ranks[0]])), date.fromordinal(int(table.ordinal[ranks[-1]]))
    chosen = interval or next((name for name, span in _AUTO_SPAN.items() if (last - first).days <= span), "year")
    asked = ""
    steps = (*INTERVALS, *_COARSER)
    keys = table.keys(chosen)[ranks]
    while keys[-1] - keys[0] + 1 > MOST_PERIODS and chosen != steps[-1]:
        asked = asked or chosen
        chosen = steps[steps.index(chosen) + 1]
        keys = table.keys(chosen)[ranks]
    per_period = np.bincount(keys - keys[0], weights=counts[ranks]).astype(np.int64)
    periods = []
    start = _start(first, chosen)
    for count in per_period.tolist():
        following = _next(start, chosen)
        periods.append(Period(start.isoformat(), (following - timedelta(days=1)).isoformat(), _label(start, chosen),
                              count))
        start = following
    return Histogram(chosen, periods, undated, asked)


def _day(value: str) -> date | None:
    try:
        day = date.fromisoformat(value)
    except ValueError:  # the undated mark (0000-00-00)
        return None
    # The last year has no next one to end its period.
    return day if day.year < 9999 else None


def _start(day: date, interval: str) -> date:
    if interval == "day":
        return day
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    if interval in _COARSER:
        size = 10 if interval == "decade" else 100
        return date(max(1, day.year - day.year % size), 1, 1)
    return day.replace(month=1, day=1)


def _next(start: date, interval: str) -> date:
    if interval == "day":
        return start + timedelta(days=1)
    if interval == "week":
        return start + timedelta(days=7)
    if interval == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    if interval in _COARSER:
        size = 10 if interval == "decade" else 100
        return date(min(9999, start.year - start.year % size + size), 1, 1)
    return date(start.year + 1, 1, 1)


def _label(start: date, interval: str) -> str:
    if interval == "day":
        return start.isoformat()
    if interval == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if interval == "month":
        return start.isoformat()[:7]
    if interval in _COARSER:
        return f"{start.year}s"
    return str(start.year)
