import pytest

from archive.dates import month_number, parse_explicit_date, parse_explicit_time, resolve_dateline_date
from archive.reading import read_file


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


@pytest.mark.parametrize("stamp, time", [
    ("06 OCT 2025 4:10PM", "16:10"),            # PIB's Posted On
    ("06 OCT 2025 12:30AM", "00:30"),
    ("26-FEB-1987 15:01:01.79", "15:01"),       # Reuters' <DATE>
    ("2026-02-08T15:05:00+05:30", "15:05"),
    ("12:05 p.m.", "12:05"),
    ("09:32", "09:32"),                         # PIB scrapes' time_ist
    ("2026-02-08", ""),
    ("25:00", ""),
    ("13:00PM", ""),
    (None, ""),
])
def test_time_of_day_from_a_stamp(stamp, time):
    assert parse_explicit_time(stamp) == time


def test_readers_keep_the_source_s_time_of_day(tmp_path):
    (tmp_path / "a.txt").write_text("Ministry of Defence\nVisit ends\nPosted On: 06 OCT 2025 4:10PM by PIB Delhi\n"
                                    "The Defence Secretary ended his visit.\n", "utf-8")
    (tmp_path / "b.jsonl").write_text('{"prid": "1", "title": "T", "text": "Body text here.", '
                                      '"date": "2020-01-03", "time_ist": "09:32"}\n', "utf-8")
    (tmp_path / "c.sgm").write_text('<REUTERS NEWID="7"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><TITLE>COCOA'
                                    '</TITLE><DATELINE>SALVADOR, Feb 26 -</DATELINE><BODY>Showers fell.</BODY>'
                                    '</TEXT></REUTERS>\n', "utf-8")
    times = {r.id: (r.date, r.time) for name in ("a.txt", "b.jsonl", "c.sgm")
             for r in read_file(tmp_path / name, tmp_path, 100_000)}
    assert times == {"a": ("2025-10-06", "16:10"), "1": ("2020-01-03", "09:32"), "reuters-7": ("1987-02-26", "15:01")}
