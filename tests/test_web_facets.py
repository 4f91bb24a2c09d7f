"""The pure query-string helpers behind every link of the search page."""

import pytest
from werkzeug.datastructures import MultiDict

from web.facets import query_string, toggle, with_params, without_filters


@pytest.mark.parametrize("args, name, value, expected", [
    ([], "ministry", "Ministry of Coal", "ministry=Ministry+of+Coal"),
    ([("ministry", "A")], "ministry", "B", "ministry=A&ministry=B"),
    ([("ministry", "A"), ("ministry", "B")], "ministry", "A", "ministry=B"),
    ([("q", "coal"), ("page", "3")], "agency", "PTI", "q=coal&agency=PTI"),
    ([("q", "x"), ("agency", "PTI")], "agency", "PTI", "q=x"),
])
def test_toggle(args, name, value, expected):
    assert toggle(MultiDict(args), name, value) == expected


@pytest.mark.parametrize("args, changes, expected", [
    ([("q", "a"), ("page", "2")], {"page": "3"}, "q=a&page=3"),
    ([("q", "a"), ("sort", "newest")], {"sort": None}, "q=a"),
    ([("q", "a b&c")], {}, "q=a+b%26c"),
])
def test_with_params(args, changes, expected):
    assert with_params(MultiDict(args), **changes) == expected


def test_without_filters_keeps_query_and_sort():
    args = MultiDict([("q", "a"), ("ministry", "M"), ("from", "2025-01-01"), ("sort", "oldest"), ("page", "2")])
    assert without_filters(args, ["ministry", "agency"]) == "q=a&sort=oldest"


def test_query_string_drops_empty_values():
    assert query_string({"q": "", "back": "x=1"}) == "back=x%3D1"
