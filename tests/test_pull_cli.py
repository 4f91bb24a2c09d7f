"""`press-archive pull` as a user runs it: feeds.toml, --feed, the report, exit status, a killed pull."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from werkzeug import Response

from archive import Release
from archive.reading import read_file
from tests.feed_server import pib_page, pib_records, pib_stamp, rss
from web import pull as pull_module
from web.cli import main
from web.feeds import ConfigError, Feed, load_feeds
from web.fetch import Fetcher, Politeness


@pytest.fixture
def site(httpserver):
    httpserver.expect_request("/robots.txt").respond_with_data("", status=404)
    return httpserver


def serve_feed(site, records: list[dict], path: str = "/rss", slow: set[str] = frozenset()) -> None:
    """An RSS feed of the releases' PIB pages; the pages of `slow` prids take 5 s to answer."""
    items = []
    for record in records:
        prid = record["prid"]
        page = pib_page(record)
        if prid in slow:
            site.expect_request("/page", query_string=f"PRID={prid}").respond_with_handler(
                lambda request, page=page: (time.sleep(5), Response(page, content_type="text/html"))[1])
        else:
            site.expect_request("/page", query_string=f"PRID={prid}").respond_with_data(page, content_type="text/html")
        link = site.url_for(f"/page?PRID={prid}")
        items.append({"title": record["title"], "link": link, "guid": link, "published": pib_stamp(record)})
    site.expect_request(path).respond_with_data(rss(items), content_type="application/rss+xml")


def run(*args: str):
    return CliRunner().invoke(main, ["pull", "--delay", "0", *args])


def saved_files(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*") if path.is_file()
                  and not any(part.startswith(".") for part in path.relative_to(folder).parts)
                  and path.name != "feeds.toml")


def test_pull_saves_reindexes_and_reports_each_feed(site, tmp_path):
    serve_feed(site, pib_records(2, skip=30))
    site.expect_request("/missing").respond_with_data("", status=404)
    source, index = tmp_path / "releases", tmp_path / "index"
    source.mkdir()
    (source / "feeds.toml").write_text(
        f'[[feed]]\nname = "pib"\nurl = "{site.url_for("/rss")}"\nagency = "PIB"\n\n'
        f'[[feed]]\nname = "gone"\nurl = "{site.url_for("/missing")}"\n', "utf-8")
    result = run("--source", str(source), "--index", str(index))
    assert result.exit_code == 1  # one feed failed
    assert f"pib {site.url_for('/rss')}: 2 new, 0 saved before" in result.output
    assert f"gone {site.url_for('/missing')}: FAILED: HTTP 404 Not Found" in result.output
    assert "Pulled 2 feed(s): 2 new release file(s), 1 feed(s) failed, 0 item(s) failed." in result.output
    assert "incremental" in result.output or "full rebuild" in result.output
    assert ": 2 added, " in result.output and "0 skipped, 2 passed over" in result.output  # feeds.toml, the state
    found = CliRunner().invoke(main, ["search", "--index", str(index), "--json", "--all-versions"])
    assert '"total": 2' in found.output


def test_pull_with_feed_urls_and_no_reindex(site, tmp_path):
    serve_feed(site, pib_records(1, skip=33))
    result = run("--source", str(tmp_path), "--index", str(tmp_path / "index"), "--feed", site.url_for("/rss"),
                 "--no-reindex")
    assert result.exit_code == 0, result.output
    (saved,) = saved_files(tmp_path)
    assert saved.parent.name == "localhost" and not (tmp_path / "index").exists()
    again = run("--source", str(tmp_path), "--feed", site.url_for("/rss"), "--no-reindex")
    assert ": 0 new, 1 saved before" in again.output and len(saved_files(tmp_path)) == 1


def test_pull_never_writes_into_the_bundled_seeds(monkeypatch):
    monkeypatch.delenv("PRESS_ARCHIVE_SOURCE", raising=False)
    result = run("--feed", "https://example.org/rss")
    assert result.exit_code == 1 and "holds the bundled seeds: give --source DIR" in result.output


def test_pull_without_feeds_says_how_to_list_them(tmp_path):
    result = run("--source", str(tmp_path))
    assert result.exit_code == 1
    assert f"no feeds to pull: list them in {tmp_path / 'feeds.toml'}" in result.output


@pytest.mark.parametrize("config, message", [
    ('[[feed]]\nurl = "ftp://example.org/rss"\n', "feed 1: url must be an http(s) URL, not 'ftp://example.org/rss'"),
    ('[[feed]]\nname = "../up"\nurl = "https://example.org/rss"\n', "feed 1: name '../up' must be letters"),
    ('[[feed]]\nurl = "https://example.org/rss"\nagancy = "PIB"\n', "feed 1: unknown key(s) agancy"),
    ('[[feed]]\nurl = "https://example.org/rss"\npages = "yes"\n', "feed 1: pages is true or false"),
    ('[[feed]]\nurl = "https://example.org/rss"\nministries = [1]\n', "feed 1: agency and language are text"),
    ('[feeds]\nurl = "https://example.org/rss"\n', "unknown section(s) feeds"),
    ('[[feed]\nurl = "x"\n', "not valid TOML"),
])
def test_a_bad_feeds_toml_is_named_with_what_is_wrong(tmp_path, config, message):
    (tmp_path / "feeds.toml").write_text(config, "utf-8")
    with pytest.raises(ConfigError, match=str(tmp_path / "feeds.toml")) as error:
        load_feeds(tmp_path)
    assert message in str(error.value)
    result = run("--source", str(tmp_path))
    assert result.exit_code == 1 and message in result.output


def test_a_feed_is_named_after_its_host_and_keeps_its_facts(tmp_path):
    (tmp_path / "feeds.toml").write_text(
        '[[feed]]\nurl = "https://www.pib.gov.in/RssMain.aspx?ModId=6&Lang=1&Regid=3"\nagency = "PIB"\n'
        'ministries = "Ministry of Defence"\npages = false\n', "utf-8")
    (feed,) = load_feeds(tmp_path)
    assert feed == Feed("pib-gov-in", "https://www.pib.gov.in/RssMain.aspx?ModId=6&Lang=1&Regid=3", agency="PIB",
                        ministries=("Ministry of Defence",), pages=False)


def test_a_file_interrupted_before_its_rename_leaves_nothing(site, tmp_path, monkeypatch):
    serve_feed(site, pib_records(2, skip=35))

    def killed(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(pull_module.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        pull_module.pull(tmp_path, [Feed("pib", site.url_for("/rss"))], Fetcher(Politeness(delay=0)))
    assert saved_files(tmp_path) == [] and not list(tmp_path.rglob(".pull-*"))


def test_a_pull_killed_midway_leaves_no_partial_file_and_the_next_completes(site, tmp_path):
    records = pib_records(5, skip=40)
    serve_feed(site, records, slow={records[3]["prid"]})
    source = tmp_path / "releases"
    command = [sys.executable, "-c", "from web.cli import main; main()", "pull", "--source", str(source),
               "--feed", site.url_for("/rss"),
               "--no-reindex", "--delay", "0", "--timeout", "60"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               cwd=Path(__file__).resolve().parent.parent)
    deadline = time.monotonic() + 60
    while len(saved_files(source)) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)  # now waiting for the fourth, slow page
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    first = saved_files(source)
    assert len(first) == 3
    for path in first:  # each file whole: the release it holds reads to its end
        (release,) = read_file(path, source)
        assert isinstance(release, Release) and release.id in {r["prid"] for r in records}
    (source / "localhost" / ".pull-999-leftover.html").write_text("<html>half", "utf-8")
    site.clear()
    site.expect_request("/robots.txt").respond_with_data("", status=404)
    serve_feed(site, records)
    result = run("--source", str(source), "--feed", site.url_for("/rss"), "--no-reindex")
    assert ": 2 new, 3 saved before" in result.output, result.output
    final = saved_files(source)
    assert len(final) == 5 and set(first) <= set(final)
    assert {read_file(path, source).__next__().id for path in final} == {r["prid"] for r in records}
    assert not list(source.rglob(".pull-*"))


def test_pull_waits_for_another_reindex_before_its_own(site, tmp_path):
    from indexer.store import reindex_lock

    serve_feed(site, pib_records(1, skip=50))
    index = tmp_path / "index"
    held = threading.Event()

    def hold_the_index() -> None:  # a watcher's reindex, say
        with reindex_lock(index):
            held.set()
            time.sleep(1.5)

    holder = threading.Thread(target=hold_the_index)
    holder.start()
    held.wait(10)
    result = run("--source", str(tmp_path / "releases"), "--index", str(index), "--feed", site.url_for("/rss"))
    holder.join()
    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
