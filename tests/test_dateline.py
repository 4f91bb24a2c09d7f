import pytest

from archive.dateline import parse_dateline


@pytest.mark.parametrize("text, location, country, agency, month_day, rest_start", [
    ("Male, Oct 7 (IANS) Defence Secretary", "Male", "Maldives", "IANS", (10, 7), "Defence"),
    ("KOLKATA, Jan 3 (PTI) Union Minister", "Kolkata", "India", "PTI", (1, 3), "Union"),
    ("Islamabad [Pakistan], March 4 (ANI): Pakistan's", "Islamabad", "Pakistan", "ANI", (3, 4), "Pakistan's"),
    ("Kochi, Dec 30 (IANS) The Ministry", "Kochi", "India", "IANS", (12, 30), "The"),
    ("NEW DELHI, Oct 7 (PTI) - The", "New Delhi", "India", "PTI", (10, 7), "The"),
    ("New Delhi [India], October 7 (ANI): The", "New Delhi", "India", "ANI", (10, 7), "The"),
    ("THIRUVANANTHAPURAM, Oct 7 (IANS) Kerala", "Thiruvananthapuram", "India", "IANS", (10, 7), "Kerala"),
    ("SALVADOR, Feb 26 - Showers", "Salvador", "Brazil", "", (2, 26), "Showers"),
    ("BAHIA BLANCA, Argentina, Feb 26 - Argentine", "Bahia Blanca", "Argentina", "", (2, 26), "Argentine"),
    ("NEW YORK, APril 1 - Shares", "New York", "United States", "", (4, 1), "Shares"),
    ("LONDON, Oct 7 (Reuters) - Oil", "London", "United Kingdom", "Reuters", (10, 7), "Oil"),
    ("WASHINGTON, Oct. 7, 2025 /PRNewswire/ -- Acme", "Washington", "United States", "PR Newswire", (10, 7), "Acme"),
    ("Colombo, 7 October (IANS) Sri Lanka", "Colombo", "Sri Lanka", "IANS", (10, 7), "Sri"),
    ("St. Petersburg, Oct 7 (Reuters) - Gas", "St. Petersburg", "Russia", "Reuters", (10, 7), "Gas"),
])
def test_dated_datelines(text, location, country, agency, month_day, rest_start):
    dateline = parse_dateline(text)
    assert (dateline.location, dateline.country, dateline.agency) == (location, country, agency)
    assert (dateline.month, dateline.day) == month_day
    assert dateline.rest.startswith(rest_start)


def test_dateline_with_year():
    dateline = parse_dateline("WASHINGTON, Oct. 7, 2025 /PRNewswire/ -- Acme")
    assert dateline.year == 2025


@pytest.mark.parametrize("text, location, country, agency", [
    ("KOCHI: The state government", "Kochi", "India", ""),
    ("NEW DELHI (Reuters) - India's", "New Delhi", "India", "Reuters"),
])
def test_undated_datelines(text, location, country, agency):
    dateline = parse_dateline(text)
    assert (dateline.location, dateline.country, dateline.agency, dateline.month) == (location, country, agency, None)


@pytest.mark.parametrize("text", [
    "The government on Wednesday notified new rules.",
    "Highlights: the scheme covers 10 states.",
    "On Oct 7 (Tuesday) the minister spoke.",
    "",
])
def test_text_without_dateline(text):
    dateline = parse_dateline(text)
    assert dateline.location == "" and dateline.agency == "" and dateline.month is None
    assert dateline.rest == text


@pytest.mark.parametrize("text", [
    "However, March 3 was chosen as the date of the summit.",
    "Meanwhile, Dec 25 falls on a Thursday.",
    "National Cooperative Development Corporation (NCDC), a statutory body, said",
    "Steel Authority of India Limited (SAIL) - the steel maker",
    "NOTE: the figures are provisional.",
])
def test_sentence_openings_and_organisations_are_not_datelines(text):
    dateline = parse_dateline(text)
    assert (dateline.location, dateline.agency, dateline.month) == ("", "", None)
    assert dateline.rest == text


def test_comma_before_agency():
    dateline = parse_dateline("New Delhi, Oct 7, (IANS) India said.")
    assert (dateline.location, dateline.agency, dateline.rest) == ("New Delhi", "IANS", "India said.")


def test_capitals_dateline_of_a_small_town():
    dateline = parse_dateline("OAK BROOK, Ill., March 3 - Sales rose.")
    assert (dateline.location, dateline.country, dateline.month) == ("Oak Brook", "United States", 3)
