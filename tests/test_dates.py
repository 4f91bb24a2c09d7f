import pytest

from archive.dates import month_number, parse_explicit_date, resolve_dateline_date


@pytest.mark.parametrize("name, number", [
    ("Oct", 10), ("October", 10), ("Oct.", 10), ("MARCH", 3), ("APril", 4), ("Sept", 9),
    ("sept.", 9), ("June", 6), ("Jun", 6), ("DEC", 12),
])
def test_month_number(name, number):
    assert month_number(name) == number


def test_month_number_rejects_non_month():
    with pytest.raises(ValueError):
        month_number("Tuesday")


@pytest.mark.parametrize("value, expected", [
    ("2025-10-07", "2025-10-07"),
    ("2025-10-07T10:30:00+05:30", "2025-10-07"),
    ("2018-04-13T00:00:00-04:00", "2018-04-13"),
    ("07 OCT 2025 5:30PM", "2025-10-07"),
    ("08 FEB 2026 3:05PM", "2026-02-08"),
    ("October 7, 2025", "2025-10-07"),
    ("7 October 2025", "2025-10-07"),
])
def test_parse_explicit_date(value, expected):
    assert parse_explicit_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "not a date", "2025-13-45", "October 7", "2025", ""])
def test_parse_explicit_date_rejects(value):
    # A missing day or year is never filled in from today's date.
    with pytest.raises(ValueError):
        parse_explicit_date(value)


@pytest.mark.parametrize("month, day, year, header, expected", [
    (10, 7, None, "2025-10-07", "2025-10-07"),
    (12, 30, None, "2025-01-02", "2024-12-30"),   # the spec's year-boundary example
    (1, 2, None, "2024-12-30", "2025-01-02"),
    (3, 4, None, "2025-03-05", "2025-03-04"),
    (10, 7, 2024, "2025-10-07", "2024-10-07"),    # a written year wins
    (10, 7, 2025, None, "2025-10-07"),
    (10, 7, None, None, ""),                      # no year anywhere: no date, never today's
    (2, 29, None, "2024-03-01", "2024-02-29"),
])
def test_resolve_dateline_date(month, day, year, header, expected):
    assert resolve_dateline_date(month, day, year, header) == expected
