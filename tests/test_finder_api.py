"""What the finder asks of the index beyond a page of hits: every value of one facet (with a
filter), one name per city, and the placeholder's examples."""

from __future__ import annotations

import json

import pytest

from archive.jsonl_reader import read_record
from archive.places import one_place
from indexer import SearchRequest, facet_values


def test_every_value_of_a_facet_for_a_search(small_index):
    values = facet_values(small_index, SearchRequest(q="hospital"), "location")
    assert {(v.value, v.count) for v in values} == {("Chennai", 1), ("New Delhi", 2)}
    # Its own filter is left out, so every value stays offered; the selected one is marked.
    chosen = facet_values(small_index, SearchRequest(q="hospital", filters={"location": ["Chennai"]}), "location")
    assert {(v.value, v.count, v.selected) for v in chosen} == {("Chennai", 1, True), ("New Delhi", 2, False)}
    # Other filters narrow it.
    narrowed = facet_values(small_index, SearchRequest(filters={"agency": ["IANS"]}), "location")
    assert sorted(v.value for v in narrowed) == ["Colombo", "Kochi", "Male"]


@pytest.mark.parametrize("contains, expected", [
    ("del", ["New Delhi"]), ("DELHI", ["New Delhi"]), ("o", ["Colombo", "Kochi", "Kolkata"]),
    ("male", ["Male"]), ("zz", []),
])
def test_facet_values_containing_a_text(small_index, contains, expected):
    values = facet_values(small_index, SearchRequest(), "location", contains)
    assert sorted(v.value for v in values) == expected


def test_the_facet_api(client):
    data = client.get("/api/facet/location?q=hospital&contains=del").get_json()
    assert data["facet"] == "location" and data["counts"] == "releases"
    assert data["values"] == [{"value": "New Delhi", "count": 2, "selected": False, "label": "New Delhi"}]
    languages = client.get("/api/facet/language").get_json()["values"]
    assert languages and all(v["label"] for v in languages)
    missing = client.get("/api/facet/colour")
    assert missing.status_code == 404 and "colour" in missing.get_json()["error"]
    assert client.get("/api/facet/location?page=x").status_code == 400


def test_the_facet_page_lists_values_with_a_search_box(client):
    html = client.get("/facet/location?q=hospital&contains=chen").get_data(as_text=True)
    assert 'name="contains"' in html and 'value="chen"' in html
    assert ">Chennai</span>" in html and "New Delhi" not in html
    # Each value toggles its filter on the search it came from.
    assert 'href="/search?q=hospital&amp;location=Chennai"' in html
    assert '<a href="/search?q=hospital">← Back to results</a>' in html
    assert "&lt;script&gt;" in client.get("/facet/location?contains=<script>").get_data(as_text=True)


@pytest.mark.parametrize("place, country, expected", [
    ("Delhi", "India", "New Delhi"), ("Delhi", "", "New Delhi"), ("New Delhi", "India", "New Delhi"),
    ("Bombay", "India", "Mumbai"), ("Bangalore", "India", "Bengaluru"), ("Calcutta", "India", "Kolkata"),
    ("Kiev", "Ukraine", "Kyiv"), ("Peking", "China", "Beijing"),
    # Where GeoNames keeps an older name, the data's aliases give the current one.
    ("Panaji", "India", "Panaji"), ("Panjim", "India", "Panaji"), ("Ulaanbaatar", "Mongolia", "Ulaanbaatar"),
    # Kept: a name of another country's city, a name the gazetteer writes in other letters, a name
    # that is the start of the gazetteer's (`New York City`), a place that is no city.
    ("Canton", "United States", "Canton"), ("Cologne", "Germany", "Cologne"), ("New York", "United States", "New York"),
    ("New York City", "United States", "New York"), ("Hyderabad", "Pakistan", "Hyderabad"),
    ("Ladakh", "India", "Ladakh"),
])
def test_one_name_for_each_city(place, country, expected):
    assert one_place(place, country) == expected


def _pib_record(**fields) -> str:
    return json.dumps({"prid": "2225110", "title": "A title", "text": "Some text.", "timestamp": "08 FEB 2026 3:05PM",
                       **fields})


@pytest.mark.parametrize("fields, place", [
    ({"url": "https://pib.gov.in/PressReleasePage.aspx?PRID=2225110&reg=3&lang=1"}, "New Delhi"),
    ({"url": "https://www.pib.gov.in/PressReleseDetail.aspx?PRID=2225110&reg=3"}, "New Delhi"),
    ({"office": "PIB Mumbai"}, "Mumbai"),
    ({"region": "Press Information Bureau, Bangalore"}, "Bengaluru"),
    # An office PIB's address does not name, or no office at all: no place is made up.
    ({"url": "https://pib.gov.in/PressReleasePage.aspx?PRID=2225110&reg=6"}, ""),
    ({"url": "https://pib.gov.in/PressReleasePage.aspx?PRID=2225110"}, ""),
    ({"url": "https://example.org/news?reg=3"}, ""),
])
def test_pib_records_get_their_office_as_place(fields, place):
    release = read_record(_pib_record(**fields), "x", "pib.jsonl", 1)
    assert release.location == place
    if place:
        assert release.country == "India"


@pytest.mark.parametrize("fields", [
    {"region": "3"}, {"place": {"city": "Mumbai"}}, {"office": 7},
])
def test_an_office_field_that_names_no_place_is_passed_over(fields):
    assert read_record(_pib_record(**fields), "x", "pib.jsonl", 1).location == ""


def test_the_text_s_own_dateline_wins_over_the_office():
    record = _pib_record(text="Mumbai, October 7: The Minister opened the new terminal today.",
                         url="https://pib.gov.in/PressReleasePage.aspx?PRID=2225110&reg=3")
    assert read_record(record, "x", "pib.jsonl", 1).location == "Mumbai"


def test_the_browse_placeholder_finds_releases(seed_client):
    html = seed_client.get("/").get_data(as_text=True)
    placeholder = html.split('placeholder="', 1)[1].split('"', 1)[0].replace("&#34;", '"').replace("&quot;", '"')
    examples = [example.strip() for example in placeholder.removeprefix("e.g. ").split(",")]
    assert len(examples) == 2
    for example in examples:
        assert seed_client.get("/api/search", query_string={"q": example}).get_json()["total"] > 0, example
