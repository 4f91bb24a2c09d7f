"""Each reader on a small hand-made file of its shape."""

import shutil

import pytest

from archive import ParseError, Release, read_paths
from archive.model import clean_id


def by_id(folder):
    results = list(read_paths([folder]))
    errors = [r for r in results if isinstance(r, ParseError)]
    assert errors == []
    return {release.id: release for release in results}


def test_front_matter_wins_over_extraction(good_dir):
    release = by_id(good_dir)["md-colombo-1"]
    assert release.title == "Colombo hosts regional maritime dialogue"
    assert release.date == "2025-11-20"          # not the dateline's Nov 19
    assert (release.location, release.country, release.agency) == ("Colombo", "Sri Lanka", "IANS")
    assert release.ministries == ["Ministry of Ports, Shipping and Waterways", "Ministry of External Affairs"]
    assert release.body_format == "markdown"
    assert release.source == "front_matter.md"


def test_markdown_without_front_matter_takes_heading_as_title(good_dir):
    release = by_id(good_dir)["plain"]
    assert release.title == "Finance Ministry releases monthly economic review"
    assert release.ministries == ["Ministry of Finance"]
    assert release.date == ""
    assert release.body.startswith("The Finance Ministry on Monday")


def test_pib_html_page(good_dir):
    release = by_id(good_dir)["2229999"]
    assert release.title == 'MeitY launches "Digital Sakhi" programme for rural women'
    assert (release.date, release.location, release.agency) == ("2026-02-12", "New Delhi", "PIB")
    assert release.ministries[0] == "Ministry of Electronics and Information Technology"
    assert "Visitor Counter" not in release.body and "Read this release" not in release.body
    assert "tracking" not in release.body and "All releases" not in release.body
    assert "trained & certified" in release.body


def test_jsonl_pib_and_generic_records(good_dir):
    releases = by_id(good_dir)
    pib = releases["2225110"]
    assert (pib.date, pib.agency, pib.ministries) == ("2026-02-08", "PIB", ["President's Secretariat"])
    assert pib.url.endswith("PRID=2225110") and pib.source == "records.jsonl:1"
    generic = releases["generic-1"]
    assert (generic.date, generic.location, generic.country) == ("2025-09-01", "Chennai", "India")
    assert generic.ministries == ["Ministry of Health and Family Welfare"]
    untitled = releases["records-4"]               # no id: path plus line number
    assert (untitled.location, untitled.agency, untitled.date) == ("Kochi", "IANS", "")
    agri = releases["2226000"]
    assert agri.ministries == ["Ministry of Agriculture and Farmers Welfare"]


def test_reuters_sgml(good_dir):
    releases = by_id(good_dir)
    cocoa = releases["reuters-1"]
    assert (cocoa.title, cocoa.location, cocoa.country, cocoa.agency) == ("Bahia Cocoa Review", "Salvador", "Brazil", "Reuters")
    assert cocoa.date == "1987-02-26"
    assert "<and>" in cocoa.body and not cocoa.body.rstrip().endswith("Reuter")
    grain = releases["reuters-2"]
    assert (grain.location, grain.country, grain.date) == ("Bahia Blanca", "Argentina", "1987-02-28")


def test_latin1_file_is_read(good_dir):
    release = by_id(good_dir)["latin1"]
    assert release.location == "São Paulo" and release.country == "Brazil"
    assert "Café exports" in release.body
    assert release.ministries == ["Ministry of Agriculture (Brazil)"]


def test_same_file_gives_same_id_wherever_and_however_it_is_read(good_dir, tmp_path):
    ids = {release.source: release.id for release in read_paths([good_dir])}
    moved = shutil.copytree(good_dir, tmp_path / "elsewhere")
    # Read from another folder, or file by file in reverse order: the same ids for the same releases.
    assert {release.source: release.id for release in read_paths([moved])} == ids
    one_by_one = [release for path in sorted(moved.iterdir(), reverse=True) if path.is_file()
                  for release in read_paths([path]) if isinstance(release, Release)]
    assert sorted(release.id for release in one_by_one) == sorted(ids.values())


@pytest.mark.parametrize("raw, expected", [
    ("2225110", "2225110"), (2225110, "2225110"), ("  ", ""), (None, ""), ("a b", "a-b"),
    ("/leading/slash/", "leading/slash"), ("../../etc/passwd", "etc/passwd"), ("pib/./x", "pib/x"),
])
def test_clean_id(raw, expected):
    assert clean_id(raw) == expected


def test_blank_json_id_falls_back_to_path_and_line(tmp_path):
    (tmp_path / "r.jsonl").write_text('{"id": "  ", "title": "T", "body": "B"}\n')
    (release,) = read_paths([tmp_path])
    assert release.id == "r-1"
