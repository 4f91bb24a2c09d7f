"""Searching the small hand-made index: query syntax, filters, facets, sorting, paging, snippets."""

import pytest

from indexer import SearchRequest, get_release, matching_releases, related, search


def ids(result):
    return [hit.id for hit in result.hits]


def run(index, q="", **kwargs):
    return search(index, SearchRequest(q=q, **kwargs))


def test_words_match_stemmed_and_are_marked(small_index):
    result = run(small_index, "hospital")
    assert set(ids(result)) == {"script", "chennai", "army-health"}
    assert result.total == 3
    hit = next(h for h in result.hits if h.id == "chennai")
    assert "<mark" in hit.snippet and "hospital</mark>" in hit.snippet.lower()


def test_phrase_and_boolean_operators(small_index):
    assert set(ids(run(small_index, '"border roads"'))) == {"maldives", "border-roads"}
    assert set(ids(run(small_index, "hospital AND army"))) == {"army-health"}
    assert set(ids(run(small_index, "coal OR drone"))) == {"coal", "drones"}
    assert set(ids(run(small_index, "hospital NOT army"))) == {"script", "chennai"}


def test_curly_quotes_work_like_straight_ones(small_index):
    assert set(ids(run(small_index, "\u201cborder roads\u201d"))) == {"maldives", "border-roads"}


def test_field_value_and_wildcard(small_index):
    assert ids(run(small_index, "title:kochi")) == ["port"]
    assert set(ids(run(small_index, "hospit*"))) == {"script", "chennai", "army-health"}
    result = run(small_index, 'ministry:"Ministry of Coal"')
    assert ids(result) == ["coal"]


def test_empty_query_browses_newest_first_with_undated_last(small_index):
    result = run(small_index, limit=50)
    assert result.total == 10 and result.sort == "newest"
    dates = [hit.date for hit in result.hits]
    assert dates[:-1] == sorted(dates[:-1], reverse=True)
    assert result.hits[-1].id == "drones" and dates[-1] == ""


def test_oldest_sort_keeps_undated_last(small_index):
    result = run(small_index, sort="oldest", limit=50)
    assert ids(result)[0] == "port" and ids(result)[-1] == "drones"


def test_relevance_sort_ranks_title_matches_first(small_index):
    # "maritime" is in Colombo's title and body, and only in the Maldives release's body.
    result = run(small_index, "maritime")
    assert ids(result) == ["colombo", "maldives"] and result.hits[0].score > result.hits[1].score
    # "secretary": in the Maldives release's title; in two others' bodies only.
    assert ids(run(small_index, "secretary"))[0] == "maldives"


def test_paging(small_index):
    first = run(small_index, limit=3, page=1)
    second = run(small_index, limit=3, page=2)
    last = run(small_index, limit=3, page=4)
    assert first.total == second.total == 10 and first.pages == 4
    assert not set(ids(first)) & set(ids(second))
    assert len(ids(last)) == 1
    assert ids(run(small_index, limit=3, page=9)) == []


def test_date_range_filters(small_index):
    result = run(small_index, date_from="2025-10-01", date_to="2025-10-31", limit=50)
    assert set(ids(result)) == {"maldives", "script", "army-health", "border-roads"}
    assert set(ids(run(small_index, date_to="2025-03", limit=50))) == {"pakistan", "port"}
    assert set(ids(run(small_index, "from:2025-11 security"))) == {"colombo"}


def test_multi_value_filter_is_or_within_and_across_facets(small_index):
    both = run(small_index, filters={"ministry": ["Ministry of Coal", "Ministry of Health and Family Welfare"]}, limit=50)
    assert set(ids(both)) == {"coal", "chennai", "army-health"}
    narrowed = run(small_index, filters={"ministry": ["Ministry of Coal", "Ministry of Health and Family Welfare"],
                                         "location": ["chennai"]})
    assert ids(narrowed) == ["chennai"]


def test_facets_count_each_facet_without_its_own_filter(small_index):
    result = run(small_index, filters={"ministry": ["Ministry of Health and Family Welfare"]}, limit=50)
    ministries = {v.value: (v.count, v.selected) for v in result.facets["ministry"]}
    # Other ministries are still offered, counted over the releases without the ministry filter.
    assert ministries["Ministry of Health and Family Welfare"] == (2, True)
    assert ministries["Ministry of Defence"] == (3, False)
    assert ministries["Ministry of Coal"] == (1, False)
    # Other facets are counted over the filtered results.
    assert {v.value: v.count for v in result.facets["location"]} == {"Chennai": 1, "New Delhi": 1}


def test_month_facet_in_date_order_and_year_facet(small_index):
    result = run(small_index, limit=50)
    months = [v.value for v in result.facets["month"]]
    assert months == sorted(months) and months[0] == "2024-12" and "2025-10" in months
    assert {v.value: v.count for v in result.facets["month"]}["2025-10"] == 4
    assert {v.value: v.count for v in result.facets["year"]} == {"2026": 1, "2025": 7, "2024": 1}
    assert {v.value: v.count for v in result.facets["country"]}["India"] == 6


def test_selected_value_without_matches_still_shown(small_index):
    result = run(small_index, "coal", filters={"agency": ["Reuters"]})
    assert result.total == 0
    assert [(v.value, v.count, v.selected) for v in result.facets["agency"] if v.selected] == [("Reuters", 0, True)]


def test_snippet_escapes_html_in_release_text(small_index):
    (hit,) = run(small_index, "alert").hits
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet and "<mark" in hit.snippet


def test_browse_snippet_is_escaped_lead(small_index):
    hit = next(h for h in run(small_index, limit=50).hits if h.id == "script")
    assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet


@pytest.mark.parametrize("q", ["!!! ???", '"defence', "(defence", "defence)", "AND", "title:", "***", "((("])
def test_odd_queries_never_raise(small_index, q):
    result = run(small_index, q)
    assert result.total >= 0
    if any(ch.isalnum() for ch in q.replace("AND", "").replace("title", "")):
        assert result.total > 0 and "words" in result.note


def test_punctuation_only_query_notes_and_browses(small_index):
    result = run(small_index, "!!! ???")
    assert result.total == 10 and "no words" in result.note


def test_did_you_mean(small_index):
    result = run(small_index, "hospitl")
    assert result.total == 0
    assert result.suggestion == "hospital"
    assert run(small_index, "hospital").suggestion == ""


def test_related_releases(small_index):
    hits = related(small_index, "army-health")
    assert hits and "army-health" not in [h.id for h in hits]
    assert {"chennai", "script"} & {h.id for h in hits}
    assert related(small_index, "no-such-id") == []


def test_get_release(small_index):
    release = get_release(small_index, "coal")
    assert release.body.startswith("Union Minister of Coal") and release.ministries == ["Ministry of Coal"]
    assert get_release(small_index, "nope") is None


def test_matching_releases_returns_every_match(small_index):
    releases = list(matching_releases(small_index, SearchRequest(q="", limit=1)))
    assert len(releases) == 10


@pytest.mark.parametrize("kwargs, words", [
    ({"page": 0}, "page"), ({"limit": 0}, "limit"), ({"limit": 1000}, "limit"), ({"sort": "random"}, "sort"),
    ({"date_from": "yesterday"}, "from"), ({"filters": {"colour": ["red"]}}, "colour"),
    ({"filters": {"month": ["2025-13"]}}, "month"), ({"filters": {"year": ["twenty"]}}, "year"),
])
def test_bad_requests_are_value_errors_naming_the_parameter(kwargs, words):
    with pytest.raises(ValueError, match=words):
        SearchRequest(**kwargs)


def test_malformed_year_in_query_is_ignored_with_note(small_index):
    result = run(small_index, "year:abc coal")
    assert ids(result) == ["coal"] and "Ignored year:abc" in result.note


def test_minus_excludes(small_index):
    assert set(ids(run(small_index, "hospital -army"))) == {"script", "chennai"}


@pytest.mark.parametrize("q, expected", [("*hospital*", {"script", "chennai", "army-health"}),
                                         ("h* coal", {"coal"}), ("*a* OR *e*", set())])
def test_costly_wildcards_are_dropped_with_note(small_index, q, expected):
    result = run(small_index, q)
    assert "Wildcards need two letters" in result.note
    assert set(ids(result)) == expected


def test_no_suggestion_for_a_word_the_index_knows(small_index):
    # "oxygen" is in one body but in no title: it is a known word, not a typo.
    result = run(small_index, "oxygen")
    assert result.total == 1 and result.suggestion == ""


def test_phrase_does_not_run_across_title_and_body(small_index):
    # "...in Chennai" ends the title and "The Union..." starts the body of the same release.
    assert ids(run(small_index, '"chennai union"')) == []
    assert ids(run(small_index, '"readiness reviewed"')) == ["chennai"]


def test_two_ends_of_a_range_take_the_earlier(small_index):
    assert set(ids(run(small_index, "date:2025-10", date_to="2025-10-06"))) == {"border-roads"}
    assert set(ids(run(small_index, "to:2025-10-06", date_from="2025-10", limit=50))) == {"border-roads"}
