"""`pull`: feeds and pages served by a local HTTP server, built from the seeds' real PIB releases."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from werkzeug import Response

from archive import Release
from archive.reading import read_file
from tests.feed_server import atom, content_html, pib_page, pib_records, pib_stamp, rss
from web.feeds import Feed
from web.fetch import FetchFailed, Fetcher, Politeness
from web.pull import STATE_FOLDER, last_pull, pull


@pytest.fixture
def site(httpserver):
    """The local server, with no robots.txt (everything allowed)."""
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    return httpserver


def fetcher(**politeness) -> Fetcher:
    return Fetcher(Politeness(**{"delay": 0, "backoff": 0.01, "timeout": 5, **politeness}))


def serve_pib(site, records: list[dict], path: str = "/rss", **extra) -> list[dict]:
    """Serve each release's PIB page and an RSS feed linking to them; the feed's items."""
    items = []
    for record in records:
        page = f"/PressReleasePage.aspx?PRID={record['prid']}"
        site.expect_request("/PressReleasePage.aspx", query_string=f"PRID={record['prid']}").respond_with_data(
            pib_page(record), content_type="text/html; charset=utf-8")
        items.append({"title": record["title"], "link": site.url_for(page), "guid": site.url_for(page),
                      "published": pib_stamp(record), **extra})
    site.expect_request(path).respond_with_data(rss(items), content_type="application/rss+xml")
    return items


def releases_in(folder: Path) -> dict[str, Release]:
    """Every release read from the files under `folder` (hidden ones aside), by file name."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not any(part.startswith(".") for part in path.relative_to(folder).parts):
            (release,) = read_file(path, folder)
            assert isinstance(release, Release), release
            found[path.relative_to(folder).as_posix()] = release
    return found


def test_rss_items_linking_to_pib_pages_are_saved_as_the_pages_and_read_as_pib_releases(site, tmp_path):
    records = pib_records(3)
    serve_pib(site, records)
    report = pull(tmp_path, [Feed("pib", site.url_for("/rss"), language="en")], fetcher())
    assert len(report.saved) == 3 and not report.failed
    releases = releases_in(tmp_path)
    assert sorted(releases) == sorted(report.saved) and all(name.startswith("pib/2026-02-") for name in releases)
    by_id = {release.id: release for release in releases.values()}
    for record in records:
        release = by_id[record["prid"]]  # the page's own Release ID
        assert release.title == record["title"]
        assert release.date == pib_stamp(record).date().isoformat()
        assert release.agency == "PIB" and release.location == "New Delhi" and release.language == "en"
        assert release.url == site.url_for(f"/PressReleasePage.aspx?PRID={record['prid']}")
        assert release.ministries[0].startswith(" ".join(record["ministry"].split())[:12])


def test_atom_items_with_content_only_are_saved_as_markdown_with_the_feeds_facts(site, tmp_path):
    records = pib_records(2, skip=5)
    items = [{"title": r["title"], "guid": f"tag:gov.example,2026:{r['prid']}", "published": pib_stamp(r),
              "content": content_html(r)} for r in records]
    site.expect_request("/news.atom").respond_with_data(atom(items), content_type="application/atom+xml")
    feed = Feed("defence", site.url_for("/news.atom"), agency="PIB", ministries=("Ministry of Defence",))
    report = pull(tmp_path, [feed], fetcher())
    assert [name.endswith(".md") for name in report.saved] == [True, True]
    releases = list(releases_in(tmp_path).values())
    for record, release in zip(records, sorted(releases, key=lambda r: [x["title"] for x in records].index(r.title))):
        assert release.title == record["title"]
        assert release.date == pib_stamp(record).date().isoformat()
        assert release.time == pib_stamp(record).strftime("%H:%M")  # the item's own time zone, not UTC
        assert release.agency == "PIB" and release.ministries == ["Ministry of Defence"]
        assert record["text"].split("\n\n")[0][:80] in release.body


def test_a_page_that_cannot_be_had_falls_back_to_the_items_text_and_says_why(site, tmp_path):
    record = pib_records(1, skip=7)[0]
    items = [{"title": record["title"], "link": site.url_for("/gone"), "guid": "g-1",
              "published": pib_stamp(record), "content": content_html(record)},
             {"title": "Nothing but a link", "link": site.url_for("/gone"), "guid": "g-2",
              "published": pib_stamp(record)}]
    site.expect_request("/gone").respond_with_data("no", status=404)
    site.expect_request("/rss").respond_with_data(rss(items), content_type="application/rss+xml")
    report = pull(tmp_path, [Feed("pib", site.url_for("/rss"))], fetcher())
    (feed,) = report.feeds
    assert len(feed.saved) == 2 and all(name.endswith(".md") for name in feed.saved)
    assert feed.from_content == [(name, "its page could not be had: HTTP 404 Not Found") for name in feed.saved]
    # An item with a title only and no page is still a release (its title): nothing is lost.
    releases = releases_in(tmp_path)
    assert releases[feed.saved[0]].title == record["title"] and record["text"][:60] in releases[feed.saved[0]].body
    assert releases[feed.saved[1]].title == "Nothing but a link"


def test_an_item_is_saved_once_across_feeds_and_pulls(site, tmp_path):
    records = pib_records(2, skip=10)
    items = serve_pib(site, records, "/all")
    site.expect_request("/defence").respond_with_data(rss(items[:1] + items[:1]), content_type="application/rss+xml")
    feeds = [Feed("all", site.url_for("/all")), Feed("defence", site.url_for("/defence"))]
    first = pull(tmp_path, feeds, fetcher())
    assert [len(feed.saved) for feed in first.feeds] == [2, 0]
    assert first.feeds[1].already == 2  # the same item twice in the feed, and saved from the other feed
    second = pull(tmp_path, feeds, fetcher())
    assert second.saved == [] and [feed.already for feed in second.feeds] == [2, 2]
    assert len(releases_in(tmp_path)) == 2


def test_an_unchanged_feed_costs_one_304_the_second_time(site, tmp_path):
    records = pib_records(2, skip=12)
    served = rss(serve_pib(site, records, "/unused"))

    def conditional(request):
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(served, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    site.expect_request("/feed").respond_with_handler(conditional)
    feeds = [Feed("pib", site.url_for("/feed"))]
    first = fetcher()
    pull(tmp_path, feeds, first)
    assert len(first.requests) == 4  # robots.txt, the feed, two pages
    second = fetcher()
    report = pull(tmp_path, feeds, second)
    assert second.requests == [("GET", site.url_for("/feed"), 304)]  # robots.txt is remembered for a day
    assert report.feeds[0].not_modified and report.saved == []


def test_a_server_error_is_retried_and_then_succeeds(site, tmp_path):
    records = pib_records(1, skip=14)
    served = rss(serve_pib(site, records, "/unused"))
    answers = iter([Response("failing", status=500), Response(served, content_type="application/rss+xml")])
    site.expect_request("/flaky").respond_with_handler(lambda request: next(answers))
    run = fetcher()
    report = pull(tmp_path, [Feed("pib", site.url_for("/flaky"))], run)
    assert len(report.saved) == 1 and not report.failed
    assert [status for _, url, status in run.requests if url.endswith("/flaky")] == [500, 200]


def test_each_failing_feed_is_named_with_its_reason_and_the_others_still_run(site, tmp_path):
    good = serve_pib(site, pib_records(1, skip=16), "/good")
    site.expect_request("/missing").respond_with_data("not here", status=404)
    site.expect_request("/page").respond_with_data(
        '<!DOCTYPE html><html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        "</head><body><p>Welcome</p></body></html>", content_type="text/html")
    site.expect_request("/broken").respond_with_data(b"<?xml version='1.0'?><rss version='2.0'><channel><item>"
                                                    b"<title>A</title></chan", content_type="application/rss+xml")
    site.expect_request("/slow").respond_with_handler(lambda request: (time.sleep(1.5), Response("late"))[1])
    # (the slow one last: the test server answers one request at a time)
    names = ["missing", "page", "broken", "good", "slow"]
    feeds = [Feed(name, site.url_for(f"/{name}")) for name in names]
    report = pull(tmp_path, feeds, fetcher(timeout=0.5, attempts=2))
    errors = {feed.feed.name: feed.error for feed in report.feeds}
    assert errors["missing"] == "HTTP 404 Not Found"
    assert errors["page"] == "not a feed: an HTML page (the page names a feed: /rss.xml)"
    assert errors["broken"].startswith("malformed XML at line 1")
    assert errors["slow"] == "timed out (no answer within 0.5 s)"
    assert errors["good"] == "" and len(report.feeds[3].saved) == len(good) == 1
    assert report.failed


def test_an_unknown_host_fails_with_its_reason(tmp_path):
    report = pull(tmp_path, [Feed("nowhere", "http://nowhere.invalid/rss")], fetcher(attempts=1))
    assert report.feeds[0].error.startswith(("host not found (DNS)", "cannot connect"))


def test_a_latin1_feed_is_read_with_its_accents(site, tmp_path):
    items = [{"title": "Visite du ministre à Malé : coopération renforcée", "guid": "fr-1",
              "published": pib_stamp(pib_records(1)[0]), "content": "<p>Le ministre a visité Malé.</p>"}]
    site.expect_request("/fr").respond_with_data(rss(items, encoding="iso-8859-1"), content_type="application/rss+xml")
    report = pull(tmp_path, [Feed("fr", site.url_for("/fr"), pages=False)], fetcher())
    assert not report.feeds[0].error and not report.feeds[0].warning
    (release,) = releases_in(tmp_path).values()
    assert release.title == items[0]["title"] and "visité Malé" in release.body


def test_a_feed_in_another_encoding_than_it_declares_is_read_with_a_warning(site, tmp_path):
    items = [{"title": "Coopération", "guid": "w-1", "published": pib_stamp(pib_records(1)[0]), "content": "Texte"}]
    body = rss(items, encoding="iso-8859-1").replace(b'encoding="iso-8859-1"', b'encoding="utf-8"')
    site.expect_request("/wrong").respond_with_data(body, content_type="application/rss+xml")
    report = pull(tmp_path, [Feed("w", site.url_for("/wrong"), pages=False)], fetcher())
    assert len(report.saved) == 1 and report.feeds[0].warning.startswith("wrong character encoding")


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_a_response_over_the_limit_is_refused(site, tmp_path, declared):
    huge = b"<?xml version='1.0'?><rss version='2.0'><channel>" + b" " * 20_000_000 + b"</channel></rss>"
    if declared:
        site.expect_request("/huge").respond_with_data(huge, content_type="application/rss+xml")
    else:
        site.expect_request("/huge").respond_with_handler(lambda request: Response(
            (huge[i:i + 65536] for i in range(0, len(huge), 65536)), content_type="application/rss+xml"))
    report = pull(tmp_path, [Feed("huge", site.url_for("/huge"))], fetcher())
    assert "over the limit of 10 MB" in report.feeds[0].error
    assert report.feeds[0].error.startswith("response of 20.0 MB" if declared else "response is over")


def test_robots_txt_is_obeyed(httpserver, tmp_path):
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: press-archive\nDisallow: /private\n")
    httpserver.expect_request("/private/rss").respond_with_data(rss([]), content_type="application/rss+xml")
    report = pull(tmp_path, [Feed("p", httpserver.url_for("/private/rss"))], fetcher())
    assert report.feeds[0].error == f"robots.txt of {httpserver.host}:{httpserver.port} does not allow " \
                                    "press-archive to fetch /private/rss"


def test_items_over_the_bound_wait_for_the_next_pull(site, tmp_path):
    items = serve_pib(site, pib_records(3, skip=20), "/unused")
    asked: list[str] = []

    def with_validators(request):
        asked.append(request.headers.get("If-None-Match", ""))
        return Response(rss(items), content_type="application/rss+xml", headers={"ETag": '"v7"'})

    site.expect_request("/rss").respond_with_handler(with_validators)
    feeds = [Feed("pib", site.url_for("/rss"))]
    first = pull(tmp_path, feeds, fetcher(), max_items=2)
    assert len(first.saved) == 2 and first.feeds[0].deferred == 1
    second = pull(tmp_path, feeds, fetcher(), max_items=2)
    assert len(second.saved) == 1 and second.feeds[0].already == 2
    third = pull(tmp_path, feeds, fetcher(), max_items=2)
    # Asked whole while items wait; asked "changed since?" once all are had.
    assert asked == ["", "", '"v7"'] and third.saved == []


def test_state_and_last_pull_are_kept_in_the_hidden_state_folder(site, tmp_path):
    serve_pib(site, pib_records(1, skip=24), "/rss")
    report = pull(tmp_path, [Feed("pib", site.url_for("/rss"))], fetcher())
    state = json.loads((tmp_path / STATE_FOLDER / "pull-state.json").read_text("utf-8"))
    assert set(state["items"].values()) == set(report.saved)
    assert last_pull(tmp_path) == state["last_pull"] and last_pull(tmp_path).endswith("Z")
    assert not list(tmp_path.rglob(".pull-*"))  # no temporary file is left


def test_odd_links_fail_the_item_with_a_reason_and_the_run_goes_on(site, tmp_path):
    site.expect_request("/loop").respond_with_data("", status=302, headers={"Location": "/loop"})
    site.expect_request("/gzip").respond_with_data(b"not gzip at all", headers={"Content-Encoding": "gzip"},
                                                   content_type="text/html")
    items = [{"title": "Loop", "link": site.url_for("/loop"), "guid": "odd-1"},
             {"title": "Bad gzip", "link": site.url_for("/gzip"), "guid": "odd-2"},
             {"title": "Bad URL", "link": "http://[bad/", "guid": "odd-3"}]
    site.expect_request("/rss").respond_with_data(rss(items), content_type="application/rss+xml")
    serve_pib(site, pib_records(1, skip=52), "/second")
    feeds = [Feed("odd", site.url_for("/rss")), Feed("second", site.url_for("/second"))]
    report = pull(tmp_path, feeds, fetcher())
    reasons = sorted(reason for _, reason in report.feeds[0].from_content)
    assert len(report.feeds[0].saved) == 3  # each saved from its title; the bad URL is no link at all
    assert reasons == ["its page could not be had: more than 10 redirects",
                       "its page could not be had: the response could not be decoded "
                       "(Error -3 while decompressing data: incorrect header check)"]
    assert len(report.feeds[1].saved) == 1 and not report.feeds[1].error


def test_a_public_feeds_links_never_reach_a_private_address(site, tmp_path, monkeypatch):
    serve_pib(site, pib_records(1, skip=54))
    monkeypatch.setattr("web.pull.private_address", lambda url: "")  # as if the feed were on the internet
    report = pull(tmp_path, [Feed("pib", site.url_for("/rss"))], fetcher())
    ((name, reason),) = report.feeds[0].from_content
    assert name.endswith(".md") and "is a private or local address (127.0.0.1): not fetched" in reason


def test_robots_txt_wildcards_and_the_longest_rule(httpserver, tmp_path):
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /*.atom$\nDisallow: /news\nAllow: /news/rss\n")
    for path in ("/a.atom", "/news/rss", "/news/other"):
        httpserver.expect_request(path).respond_with_data(rss([]), content_type="application/rss+xml")
    feeds = [Feed(name, httpserver.url_for(path)) for name, path in
             (("atom", "/a.atom"), ("rss", "/news/rss"), ("other", "/news/other"))]
    errors = [feed.error for feed in pull(tmp_path, feeds, fetcher()).feeds]
    assert "does not allow press-archive to fetch /a.atom" in errors[0]
    assert errors[1] == "" and "does not allow press-archive to fetch /news/other" in errors[2]


def test_a_bare_ampersand_costs_a_warning_not_the_feed(site, tmp_path):
    body = rss([{"title": "Trade & commerce", "guid": "amp-1", "content": "Text"}]).replace(b"&amp;", b"&")
    site.expect_request("/amp").respond_with_data(body, content_type="text/xml")  # and no charset: no warning
    report = pull(tmp_path, [Feed("amp", site.url_for("/amp"), pages=False)], fetcher())
    assert len(report.saved) == 1 and report.feeds[0].warning.startswith("malformed XML")
    plain = rss([{"title": "Trade", "guid": "plain-1", "content": "Text"}])
    site.expect_request("/plain").respond_with_data(plain, content_type="text/xml")
    assert pull(tmp_path, [Feed("plain", site.url_for("/plain"), pages=False)], fetcher()).feeds[0].warning == ""


@pytest.mark.parametrize("url, reason", [("http://[bad/", "not a valid URL"),
                                         ("ftp://example.org/a", "not an http(s) URL")])
def test_a_url_that_cannot_be_asked_is_a_reason(url, reason):
    with pytest.raises(FetchFailed, match=re.escape(reason)):
        fetcher().get(url, private=True)
