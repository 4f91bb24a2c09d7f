"""Errors in the caller's format, pages past the end, reversed ranges, safe exports, honest feeds."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from indexer import reindex
from web import create_app
from web.cli import main
from web.exports import csv_cell

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.mark.parametrize("query, parameter", [
    ("limit=1000", "limit"), ("page=-1", "page"), ("from=bad", "from"), ("to=2025-13", "to"),
    ("sort=random", "sort"), ("year=25", "year"), ("q=" + "x" * 1001, "q"),
])
def test_api_and_export_errors_are_json_naming_the_parameter(client, query, parameter):
    for path in ("/api/search", "/export.csv", "/export.jsonl", "/feed.atom"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400 and response.mimetype == "application/json", path
        data = response.get_json()
        assert data["parameter"] == parameter and data["status"] == 400 and data["error"], path
    page = client.get(f"/search?{query}")
    assert page.status_code == 400 and page.mimetype == "text/html"


def test_unknown_api_path_and_release_are_json_404(client):
    for path in ("/api/nothing", "/api/release/nope"):
        response = client.get(path)
        assert response.status_code == 404 and response.get_json()["status"] == 404


def test_missing_index_is_json_503_for_data_and_names_the_index(tmp_path):
    index = tmp_path / "none"
    client = create_app({"INDEX": str(index), "TESTING": True}).test_client()
    for path in ("/api/search", "/export.csv", "/feed.atom", "/api/release/x"):
        response = client.get(path)
        assert response.status_code == 503 and response.get_json()["status"] == 503, path
    page = client.get("/")
    assert page.status_code == 503 and page.mimetype == "text/html"
    assert f"press-archive reindex --index {index}" in page.get_data(as_text=True)


def test_page_past_the_last_says_so_and_links_back(client):
    html = client.get("/search?page=17").get_data(as_text=True)  # 10 releases, 5 a page
    assert "There is no page 17: the results end on page 2." in html
    assert 'href="?page=2">Go to page 2</a>' in html and "page 17 of 2" not in html
    response = client.get("/api/search?page=17")
    assert response.status_code == 400 and response.get_json()["parameter"] == "page"
    assert "last page of results (2)" in response.get_json()["error"]


def test_cli_page_past_the_last_is_a_usage_error(small_index):
    result = CliRunner().invoke(main, ["search", "--index", str(small_index), "--page", "9999"])
    assert result.exit_code == 2
    assert "'--page': page 9999 is past the last page of results (1)" in result.stderr
    # Beyond the highest page any request may ask for, as the API: out of range.
    result = CliRunner().invoke(main, ["search", "--index", str(small_index), "--page", "10001"])
    assert result.exit_code == 2 and "'--page': 10001 is not in the range 1<=x<=10000" in result.stderr


def test_reversed_date_range_is_turned_round_with_a_note(client):
    data = client.get("/api/search?from=2025-12&to=2025-09").get_json()
    right = client.get("/api/search?from=2025-09&to=2025-12").get_json()
    assert data["total"] == right["total"] > 0
    assert "From 2025-12 to 2025-09 runs backwards: showing 2025-09 to 2025-12." in data["note"]
    typed = client.get("/api/search?q=from:2026+to:2025-09").get_json()
    assert typed["total"] > 0 and "runs backwards" in typed["note"]
    # A range inside one period is not reversed.
    assert "backwards" not in client.get("/api/search?from=2025-10&to=2025").get_json()["note"]


def test_web_and_cli_take_the_same_page_size(client, small_index):
    assert client.get("/api/search?limit=200").status_code == 200
    assert client.get("/api/search?limit=201").status_code == 400
    result = CliRunner().invoke(main, ["search", "--index", str(small_index), "--limit", "201"])
    assert result.exit_code == 2


@pytest.mark.parametrize("value, cell", [
    ('=HYPERLINK("http://evil","click")', '\'=HYPERLINK("http://evil","click")'),
    ("+1+1", "'+1+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Plain title", "Plain title"), ("2025-10-07", "2025-10-07"),
])
def test_csv_cells_that_would_be_formulas_are_neutralised(value, cell):
    assert csv_cell(value) == cell


def test_csv_export_neutralises_formulas_and_jsonl_stays_exact(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    title = '=HYPERLINK("http://evil","click")'
    (source / "evil.jsonl").write_text(json.dumps({"id": "evil", "title": title, "date": "2025-01-01",
                                                   "body": "@SUM(1+1)"}) + "\n")
    reindex(source, tmp_path / "index")
    client = create_app({"INDEX": str(tmp_path / "index"), "TESTING": True}).test_client()
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv").get_data(as_text=True))))
    assert rows[0]["title"] == "'" + title and rows[0]["body"] == "'@SUM(1+1)"
    record = json.loads(client.get("/export.jsonl").get_data(as_text=True))
    assert record["title"] == title and record["body"] == "@SUM(1+1)"


def test_empty_feed_is_dated_by_the_index_and_its_self_link_is_encoded(client):
    response = client.get("/feed.atom?q=nothingmatchesthis&ministry=Ministry of Coal")
    feed = ET.fromstring(response.data)
    assert feed.findall(f"{ATOM}entry") == []
    updated = feed.find(f"{ATOM}updated").text
    assert not updated.startswith("1970") and len(updated) == len("2026-12-01T00:00:00Z")
    self_link = next(link.get("href") for link in feed.findall(f"{ATOM}link") if link.get("rel") == "self")
    assert self_link == "http://localhost/feed.atom?q=nothingmatchesthis&ministry=Ministry+of+Coal"
    assert " " not in self_link
