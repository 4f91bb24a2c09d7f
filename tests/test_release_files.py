"""Release files written by `pull` read back as what the feed stated; the folder's feeds.toml is no release."""

from __future__ import annotations

import pytest

from archive.html_reader import read_html
from archive.markdown_reader import read_markdown
from archive.release_files import markdown_release, page_with_facts
from archive.source_folder import walk_source


def test_a_page_keeps_its_text_and_gains_the_feeds_facts(good_dir):
    page = (good_dir / "pib_page.html").read_text("utf-8")
    facts = {"url": "https://pib.gov.in/PressReleasePage.aspx?PRID=2229999&a=1", "date": "2026-02-13 09:00",
             "agency": "press trust of india", "language": "hi",
             "ministries": ["Ministry of Defence", "Ministry of External Affairs"]}
    plain, stated = read_html(page, "x", "x.html"), read_html(page_with_facts(page, facts), "x", "x.html")
    assert (stated.id, stated.title, stated.body) == (plain.id, plain.title, plain.body)
    assert stated.url == facts["url"] and stated.agency == "PTI" and stated.language == "hi"
    assert stated.ministries == ["Ministry of Defence", "Ministry of External Affairs"]
    # The feed's date is only used when the page gives none: PIB's Posted On line wins.
    assert stated.date == plain.date == "2026-02-12"


def test_the_feeds_date_dates_a_page_without_one():
    page = "<html><head><title>Note</title></head><body><h1>Talks held</h1><p>The two sides met.</p></body></html>"
    release = read_html(page_with_facts(page, {"date": "2026-02-13 09:05"}), "n", "n.html")
    assert (release.date, release.time, release.title) == ("2026-02-13", "09:05", "Talks held")


@pytest.mark.parametrize("page", [
    "<p>No head at all: \"quoted\" & <b>bold</b></p>",
    "<!DOCTYPE html><html><body><p>No head at all: \"quoted\" &amp; bold</p></body></html>",
    "<HTML><HEAD lang=en><TITLE>t</TITLE></HEAD><BODY><P>Upper case</P></BODY></HTML>",
])
def test_facts_are_escaped_and_found_in_any_page(page):
    hostile = 'https://example.org/?a="><script>alert(1)</script>'
    marked = page_with_facts(page, {"url": hostile, "agency": "AFP"})
    assert "<script>" not in marked.replace(page, "")
    release = read_html(marked, "p", "p.html")
    assert release.url == hostile and release.agency == "AFP"


def test_an_item_as_markdown_reads_back_with_its_facts_and_its_text_as_written():
    text = "Talks were held on trade & 5 * 3 [ports].\n\n1. The first point.\n\nNEW DELHI, Feb 13 (PTI) Done."
    written = markdown_release({"title": "Talks: held, \"again\"", "date": "2026-02-13 18:30",
                                "url": "https://example.org/a", "agency": "PTI", "language": "",
                                "ministries": ["Ministry of External Affairs"]}, text)
    release = read_markdown(written, "m", "m.md")
    assert release.title == 'Talks: held, "again"' and release.date == "2026-02-13" and release.time == "18:30"
    assert release.url == "https://example.org/a" and release.agency == "PTI"
    assert release.ministries == ["Ministry of External Affairs"]
    assert "language" not in written  # empty facts are left out
    assert "trade & 5 * 3 [ports]" in release.body and "1. The first point." in release.body  # nothing escaped


def test_a_page_cannot_state_facts_over_the_feeds():
    page = ('<!-- <head> in a comment --><html><head><title>t</title>'
            '<meta name="press-archive:agency" content="Reuters"></head>'
            '<body><meta name="press-archive:url" content="https://evil.example/">'
            '<p>Text of the page.</p></body></html>')
    release = read_html(page_with_facts(page, {"agency": "PIB", "url": "https://pib.gov.in/a"}), "p", "p.html")
    assert release.agency == "PIB" and release.url == "https://pib.gov.in/a"
    alone = read_html(page_with_facts(page, {"agency": "PIB"}), "p", "p.html")
    assert alone.url == ""  # the page's own claim is taken out, not kept where the feed says nothing


def test_feeds_toml_and_the_pull_state_are_passed_over_not_skipped(tmp_path):
    (tmp_path / "feeds.toml").write_text('[[feed]]\nurl = "https://example.org/rss"\n', "utf-8")
    (tmp_path / ".press-archive").mkdir()
    (tmp_path / ".press-archive" / "pull-state.json").write_text("{}", "utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "feeds.toml").write_text("x", "utf-8")  # only the source's own list is the config
    entries = {str(entry): entry for entry in walk_source(tmp_path)}
    assert len(entries) == 3
    assert entries["feeds.toml: the feeds pull reads: not a release"].problem is False
    assert entries[".press-archive: hidden folder: not read"].problem is False
    assert tmp_path / "sub" / "feeds.toml" in entries.values()  # read, and reported as no release type
