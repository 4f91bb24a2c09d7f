"""The date histogram of a search: every period from the first match to the last, at a chosen or
asked interval, counting every match (not one page)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest

from indexer import BadSearch, SearchRequest, search
from indexer.histogram import MOST_PERIODS, date_histogram


def _histogram_of(days: list[str], interval: str = ""):
    distinct = sorted(set(days))
    rank = np.array([distinct.index(day) for day in days], dtype=np.int32)
    return date_histogram(distinct, rank, np.ones(len(days), dtype=bool), interval)


def _contiguous(periods) -> bool:
    return all(date.fromisoformat(later.start) == date.fromisoformat(earlier.end) + timedelta(days=1)
               for earlier, later in zip(periods, periods[1:]))


@pytest.mark.parametrize("days, interval, first, last, count", [
    (["2025-10-01", "2025-10-31"], "day", "2025-10-01", "2025-10-31", 31),
    (["2025-10-01", "2026-03-15"], "week", "2025-09-29", "2026-03-15", 24),  # Monday to Sunday
    (["2024-02-10", "2029-05-01"], "month", "2024-02-01", "2029-05-31", 64),
    (["1998-07-04", "2026-01-01"], "year", "1998-01-01", "2026-12-31", 29),
])
def test_the_interval_is_chosen_from_the_span(days, interval, first, last, count):
    histogram = _histogram_of(days)
    assert histogram.interval == interval
    assert (histogram.periods[0].start, histogram.periods[-1].end, len(histogram.periods)) == (first, last, count)
    assert _contiguous(histogram.periods)
    assert sum(period.count for period in histogram.periods) == len(days)


def test_empty_periods_are_bars_too_and_labels_name_them():
    histogram = _histogram_of(["2025-12-30", "2026-01-02", "2026-01-02", "2026-01-20"], "week")
    assert [(p.label, p.count) for p in histogram.periods] == [
        ("2026-W01", 3), ("2026-W02", 0), ("2026-W03", 0), ("2026-W04", 1)]
    months = _histogram_of(["2025-11-03", "2026-02-27"], "month")
    assert [(p.label, p.start, p.end, p.count) for p in months.periods] == [
        ("2025-11", "2025-11-01", "2025-11-30", 1), ("2025-12", "2025-12-01", "2025-12-31", 0),
        ("2026-01", "2026-01-01", "2026-01-31", 0), ("2026-02", "2026-02-01", "2026-02-28", 1)]
    assert months.most == 1


def test_an_interval_needing_too_many_bars_gives_way_to_a_coarser_one():
    histogram = _histogram_of(["2020-01-01", "2025-01-01"], "day")
    assert (histogram.interval, histogram.asked) == ("week", "day")
    assert len(histogram.periods) <= MOST_PERIODS


def test_undated_releases_are_counted_apart():
    histogram = _histogram_of(["0000-00-00", "2025-10-07", "0000-00-00"])
    assert histogram.undated == 2 and [(p.label, p.count) for p in histogram.periods] == [("2025-10-07", 1)]
    assert _histogram_of(["0000-00-00"]).periods == []


def test_a_search_counts_every_match_per_period(small_index):
    everything = search(small_index, SearchRequest(limit=1))
    assert everything.histogram.interval == "week"  # 2024-12-30 to 2026-01-03
    assert sum(p.count for p in everything.histogram.periods) == 9 and everything.histogram.undated == 1
    months = search(small_index, SearchRequest(interval="month")).histogram
    assert [p.label for p in months.periods][:2] == ["2024-12", "2025-01"] and len(months.periods) == 14
    assert {p.label: p.count for p in months.periods}["2025-10"] == 4
    hospitals = search(small_index, SearchRequest(q="hospital", limit=1)).histogram
    assert hospitals.interval == "day"
    assert [p.start for p in hospitals.periods if p.count] == ["2025-09-01", "2025-10-15", "2025-10-20"]


def test_a_bad_interval_names_the_parameter(small_index, client):
    with pytest.raises(BadSearch) as raised:
        SearchRequest(interval="fortnight")
    assert raised.value.parameter == "interval"
    response = client.get("/api/search?interval=fortnight")
    assert response.status_code == 400 and b"interval" in response.data


def test_the_api_gives_the_histogram(client):
    data = client.get("/api/search?q=hospital&interval=month").get_json()
    histogram = data["histogram"]
    assert histogram["interval"] == "month" and histogram["undated"] == 0
    assert [(p["label"], p["start"], p["end"], p["count"]) for p in histogram["periods"]] == [
        ("2025-09", "2025-09-01", "2025-09-30", 1), ("2025-10", "2025-10-01", "2025-10-31", 2)]


def test_a_mistyped_year_centuries_away_is_still_a_few_bars():
    histogram = _histogram_of(["0001-01-01", "2025-10-07", "9998-12-31"])
    assert histogram.interval == "century" and len(histogram.periods) <= 101
    assert _contiguous(histogram.periods) and sum(p.count for p in histogram.periods) == 3
    decades = _histogram_of(["1025-10-07", "2025-10-07"], "year")
    assert (decades.interval, decades.asked, decades.periods[0].label) == ("decade", "year", "1020s")
    assert len(decades.periods) == 101
