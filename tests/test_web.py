"""Every route of the web app through Flask's test client, asserting on HTML and JSON."""

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest

from web import create_app

ATOM = "{http://www.w3.org/2005/Atom}"


def test_home_browses_newest_first(client):
    data = client.get("/api/search?limit=20").get_json()
    assert data["total"] == 10 and data["sort"] == "newest"
    assert [hit["id"] for hit in data["hits"][:3]] == ["coal", "colombo", "script"]
    html = client.get("/").get_data(as_text=True)
    assert '<p id="result-count" aria-live="polite" aria-atomic="true">' in html and "10 stories" in html
    assert '<span id="release-count">10</span> releases' in html
    assert html.index("Coal production rises") < html.index("Sri Lanka hosts maritime dialogue")
    assert 'for="q"' in html and 'id="q"' in html and 'maxlength="1000"' in html


def test_search_highlights_and_links_releases(client):
    hits = client.get("/api/search?q=hospital").get_json()["hits"]
    assert {hit["id"] for hit in hits} == {"chennai", "script", "army-health"}
    html = client.get("/search?q=hospital").get_data(as_text=True)
    assert "<mark>Hospital</mark> readiness reviewed in Chennai" in html
    assert "/release/chennai?" in html


def test_release_text_is_escaped_everywhere(client):
    html = client.get("/search?q=alert").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    page = client.get("/release/script").get_data(as_text=True)
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_query_is_escaped_when_echoed(client):
    html = client.get('/search?q="><img src=x onerror=alert(1)>').get_data(as_text=True)
    assert "<img src=x" not in html and "&gt;&lt;img src=x" in html


def test_facets_with_counts_and_toggle_links(client):
    data = client.get("/api/search?ministry=Ministry+of+Health+and+Family+Welfare").get_json()
    assert data["total"] == 2
    assert {"value": "Ministry of Health and Family Welfare", "count": 2, "selected": True,
            "label": "Ministry of Health and Family Welfare"} in data["facets"]["ministry"]
    html = client.get("/search?ministry=Ministry+of+Health+and+Family+Welfare").get_data(as_text=True)
    assert 'aria-label="Remove filter Ministry: Ministry of Health and Family Welfare"' in html
    # Another ministry is still offered, its link adding it to the selection.
    assert "ministry=Ministry+of+Health+and+Family+Welfare&amp;ministry=Ministry+of+Defence" in html
    assert "Clear all filters" in html


def test_two_ministries_are_or(client):
    data = client.get("/api/search?ministry=Ministry+of+Coal&ministry=Ministry+of+Health+and+Family+Welfare").get_json()
    assert data["total"] == 3


def test_timeline_bars_filter_to_their_period(client):
    html = client.get("/?interval=month").get_data(as_text=True)
    assert 'aria-label="2025-10: 4 releases"' in html
    # The bar narrows the dates to its month; the interval is then chosen anew (days, zooming in).
    assert 'href="?from=2025-10-01&amp;to=2025-10-31"' in html
    assert client.get("/api/search?from=2025-10-01&to=2025-10-31").get_json()["total"] == 4
    # The month filter of older links still works.
    assert client.get("/api/search?month=2025-10").get_json()["total"] == 4


def test_date_range_form_and_chips(client):
    hits = client.get("/api/search?from=2025-10-01&to=2025-10-31").get_json()["hits"]
    assert sorted(hit["date"] for hit in hits) == ["2025-10-06", "2025-10-07", "2025-10-15", "2025-10-20"]
    html = client.get("/search?from=2025-10-01&to=2025-10-31").get_data(as_text=True)
    assert 'value="2025-10-01"' in html and "From: 2025-10-01" in html


def test_sort_links_keep_filters(client):
    html = client.get("/search?q=hospital&agency=PTI").get_data(as_text=True)
    assert 'href="?q=hospital&amp;agency=PTI&amp;sort=oldest"' in html


def test_paging_links(client):
    html = client.get("/search?page=2").get_data(as_text=True)
    assert "page 2 of 2" in html and 'rel="prev" href="?page=1"' in html
    assert client.get("/api/search?page=2").get_json()["hits"][0]["id"] != client.get("/api/search").get_json()["hits"][0]["id"]


def test_did_you_mean_link_keeps_filters(client):
    html = client.get("/search?q=hospitl&agency=PTI").get_data(as_text=True)
    assert 'id="did-you-mean"' in html and 'href="?q=hospital&amp;agency=PTI"' in html


def test_note_for_unparseable_query(client):
    data = client.get('/api/search?q=%22defence').get_json()
    assert data["note"] == "Unbalanced quotes or parentheses: searched for the words instead." and data["total"] == 3
    assert '<p class="note" role="status">Unbalanced quotes' in client.get('/search?q=%22defence').get_data(as_text=True)


def test_api_shape_matches_cli(client):
    data = client.get("/api/search?q=hospital&limit=2").get_json()
    assert {"total", "page", "hits", "facets", "suggestion"} <= set(data)
    assert data["total"] == 3 and len(data["hits"]) == 2
    assert set(data["facets"]) == {"ministry", "location", "country", "agency", "language", "year", "month"}
    from click.testing import CliRunner

    from web.cli import main
    cli = CliRunner().invoke(main, ["search", "--index", client.application.config["INDEX"], "--limit", "2",
                                    "--json", "hospital"])
    # The API adds how current the archive is; the rest is the CLI's answer.
    assert data.pop("freshness")["releases"] == 10
    assert json.loads(cli.output) == data


@pytest.mark.parametrize("query, reason", [
    ("page=-1", "page"), ("page=abc", "page"), ("from=yesterday", "from"), ("to=2025-13", "to"),
    ("limit=100000", "limit"), ("sort=random", "sort"), ("q=" + "x" * 1001, "query"),
    ("month=a&month=b", "month"), ("month=2025-10-05", "month"), ("year=25", "year"),
    ("from=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%95", "from"),
])
def test_bad_parameters_are_400_with_reason(client, query, reason):
    for path in ("/search", "/api/search", "/feed.atom", "/export.csv"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, path
        assert reason in response.get_data(as_text=True)


def test_release_page(client):
    html = client.get("/release/army-health?q=hospital&back=q%3Dhospital").get_data(as_text=True)
    assert '<h1 lang="en" dir="auto">Army hospitals to share records with civil hospitals</h1>' in html
    assert "<mark>hospitals</mark>" in html
    assert 'href="/search?ministry=Ministry+of+Defence"' in html
    assert 'href="/search?location=New+Delhi"' in html
    assert "Related releases" in html and 'href="/search?q=hospital"' in html


def test_unknown_release_is_404(client):
    response = client.get("/release/nope")
    assert response.status_code == 404 and "nope" in response.get_data(as_text=True)


def test_missing_index_is_503_with_instructions(tmp_path):
    client = create_app({"INDEX": str(tmp_path / "none"), "TESTING": True}).test_client()
    for path in ("/", "/api/search", "/release/x", "/feed.atom", "/export.csv"):
        response = client.get(path)
        assert response.status_code == 503, path
    assert "press-archive reindex" in client.get("/").get_data(as_text=True)


def test_atom_feed_keeps_filters_newest_first(client):
    response = client.get("/feed.atom?agency=PTI")
    assert response.status_code == 200 and response.mimetype == "application/atom+xml"
    feed = ET.fromstring(response.data)
    entries = feed.findall(f"{ATOM}entry")
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert len(entries) == 4 and updated == sorted(updated, reverse=True)
    assert entries[0].find(f"{ATOM}title").text == "Coal production rises eight per cent"


def test_results_page_links_feed(client):
    html = client.get("/search?q=hospital").get_data(as_text=True)
    assert 'type="application/atom+xml"' in html and 'href="/feed.atom?q=hospital"' in html


def test_csv_export_has_every_match_not_one_page(client):
    response = client.get("/export.csv?limit=1")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 10 and response.headers["Content-Disposition"].startswith("attachment")
    assert {row["id"] for row in rows} >= {"coal", "drones"}
    assert {row["language"] for row in rows} == {"en"}


def test_jsonl_export_with_filter(client):
    lines = client.get("/export.jsonl?ministry=Ministry+of+Coal").get_data(as_text=True).splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["coal"]


def test_exports_close_their_searcher_even_when_left_unread(client):
    import os

    def open_files():
        return len(os.listdir("/proc/self/fd"))

    client.get("/api/search")  # the shared searcher of this thread is open from here on
    before = open_files()
    for _ in range(3):
        client.get("/export.csv", buffered=False).close()  # the download abandoned before its first row
        client.get("/export.jsonl").close()
    assert open_files() == before


def test_security_headers(client):
    response = client.get("/")
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_settings_from_environment(monkeypatch, small_index):
    monkeypatch.setenv("PRESS_ARCHIVE_INDEX", str(small_index))
    app = create_app()
    assert app.config["INDEX"] == str(small_index)
    assert app.test_client().get("/api/search").get_json()["total"] == 10


def test_timeline_fills_periods_without_releases(client):
    html = client.get("/?interval=month").get_data(as_text=True)
    # The small corpus has nothing in 2025-01; the bar is there, empty and not a link.
    assert 'aria-label="2025-01: no releases"' in html
    assert 'from=2025-01-01' not in html
    weeks = client.get("/").get_data(as_text=True)
    # Unasked, a year of releases is drawn in weeks; the table says the same without the drawing.
    assert 'aria-label="week of 2025-10-06: 2 releases"' in weeks and "Releases per week" in weeks
    assert '<tr><th scope="row"><a href="?from=2025-10-06&amp;to=2025-10-12">2025-W41</a></th>' in weeks


def test_index_that_cannot_be_opened_is_503(tmp_path):
    (tmp_path / "gen-000001-00000000").mkdir()
    (tmp_path / "CURRENT").write_text("gen-000001-00000000\n")
    client = create_app({"INDEX": str(tmp_path), "TESTING": True}).test_client()
    response = client.get("/search?q=x")
    assert response.status_code == 503
    assert "cannot be opened" in response.get_data(as_text=True)


def test_feed_and_pages_survive_hostile_release_text(tmp_path):
    from indexer import reindex

    source = tmp_path / "source"
    source.mkdir()
    (source / "evil.jsonl").write_text(json.dumps({
        "id": "evil", "title": "Ctrl \u0001 chars <b>bold</b>", "date": "2025-01-01",
        "body": "Body with \u0002 control & <script>alert(1)</script>", "url": "javascript:alert(document.domain)",
    }) + "\n")
    reindex(source, tmp_path / "index")
    client = create_app({"INDEX": str(tmp_path / "index"), "TESTING": True}).test_client()
    feed = ET.fromstring(client.get("/feed.atom?q=%01control").data)
    assert feed.find(f"{ATOM}entry/{ATOM}title").text == "Ctrl  chars <b>bold</b>"
    page = client.get("/release/evil").get_data(as_text=True)
    assert 'href="javascript:' not in page and "javascript:alert(document.domain)" in page
    assert "<b>bold</b>" not in page and "<script>alert(1)" not in page


def test_release_json_twin(client):
    data = client.get("/api/release/coal").get_json()
    assert data["id"] == "coal" and data["body"].startswith("Union Minister of Coal")
    assert data["ministries"] == ["Ministry of Coal"] and isinstance(data["related"], list)
    missing = client.get("/api/release/nope")
    assert missing.status_code == 404 and "nope" in missing.get_json()["error"]


def test_the_last_page_link_stays_within_the_pages_one_may_ask_for(client, monkeypatch):
    import web.views

    monkeypatch.setattr(web.views, "MAX_PAGE", 3)
    html = client.get("/search?limit=1").get_data(as_text=True)
    assert "Page 1 of 10" in html and 'href="?limit=1&amp;page=3" aria-label="Last page, 3"' in html
    assert "page=4" not in html


def test_the_facet_page_keeps_the_search_s_sort_and_size(client):
    page = client.get("/facet/location?q=hospital&sort=oldest&limit=2").get_data(as_text=True)
    assert 'href="/search?q=hospital&amp;sort=oldest&amp;limit=2&amp;location=Chennai"' in page
    assert '<a href="/search?q=hospital&amp;sort=oldest&amp;limit=2">← Back to results</a>' in page
