"""The search front end in a real browser: Debian's Chromium driven by Playwright against
`press-archive serve` on a free loopback port, over the bundled seeds."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browsing import accessibility_violations, result_count
from tests.conftest import CHROMIUM, OUTPUT

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium); CI installs it",
                allow_module_level=True)

playwright_api = pytest.importorskip("playwright.sync_api")


def test_type_query_and_see_highlighted_results(server, page):
    page.goto(server + "/")
    page.get_by_label("Search releases").fill("Maldives")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=Maldives"))
    first = page.locator(".hit").first
    assert "Maldives" in first.locator("mark").first.inner_text()
    assert page.locator(".hit h3 a", has_text="Defence Secretary Rajesh Kumar Singh").count() == 1
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / "results-page.png"), full_page=True)
    assert (OUTPUT / "results-page.png").stat().st_size > 10_000


def test_pick_two_ministries_then_press_back(server, page):
    page.goto(server + "/search")
    everything = result_count(page)
    ministry = page.locator("section.facet", has=page.locator("h3", has_text="Ministry"))
    first = ministry.locator("a.facet-value").nth(0)
    second = ministry.locator("a.facet-value").nth(1)
    first_name, first_count = first.locator(".label").inner_text(), int(first.locator(".count").inner_text())
    second_name, second_count = second.locator(".label").inner_text(), int(second.locator(".count").inner_text())
    first.click()
    page.wait_for_url(re.compile(r"ministry="))
    assert result_count(page) == first_count < everything
    assert page.locator(".chip", has_text=first_name).count() == 1
    # The other ministry is still offered with its count; picking it widens the results (OR).
    ministry.locator("a.facet-value", has_text=second_name).first.click()
    page.wait_for_url(re.compile(r"ministry=.*ministry="))
    both = result_count(page)
    assert max(first_count, second_count) <= both <= first_count + second_count
    assert page.locator(".chip").count() == 2
    page.go_back()
    page.wait_for_url(re.compile(r"ministry=[^&]*$"))
    assert result_count(page) == first_count
    page.go_back()
    assert result_count(page) == everything


def test_page_and_resort_keep_the_search(server, page):
    page.goto(server + "/search?q=minister")
    total = result_count(page)
    assert total > 20
    first_page_titles = page.locator(".hit h3").all_inner_texts()
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url(re.compile(r"page=2"))
    assert "page 2 of" in page.locator("#result-count").inner_text()
    assert page.locator(".hit h3").all_inner_texts() != first_page_titles
    page.locator("nav.sort").get_by_role("link", name="Oldest").click()
    page.wait_for_url(re.compile(r"sort=oldest"))
    assert "q=minister" in page.url and "page=" not in page.url
    dates = [d for d in page.locator(".hit time").all_inner_texts()]
    assert dates == sorted(dates) and result_count(page) == total
    page.go_back()
    page.wait_for_url(re.compile(r"page=2"))
    assert "page 2 of" in page.locator("#result-count").inner_text()


def test_open_release_from_results(server, page):
    page.goto(server + "/search?q=Maldives")
    page.locator(".hit h3 a", has_text="Defence Secretary Rajesh Kumar Singh").click()
    page.wait_for_url(re.compile(r"/release/000_9fc2457ebedf823b"))
    assert "Defence Secretary Rajesh Kumar Singh" in page.locator("h1").inner_text()
    assert page.locator(".release-body mark", has_text="Maldives").count() > 3
    assert page.locator(".release-meta a", has_text="Ministry of Foreign Affairs (Maldives)").count() == 1
    page.get_by_role("link", name="← Back to results").click()
    page.wait_for_url(re.compile(r"/search\?q=Maldives"))


def test_feed_is_linked_and_served(server, page):
    page.goto(server + "/search?q=defence&agency=PIB")
    href = page.locator("a.feed-link").get_attribute("href")
    assert href == "/feed.atom?q=defence&agency=PIB"
    response = page.request.get(server + href)
    assert response.ok and response.headers["content-type"].startswith("application/atom+xml")
    assert response.text().count("<entry>") == min(result_count(page), 50)


def test_keyboard_only_search(server, page):
    page.goto(server + "/search")
    page.keyboard.press("/")
    page.keyboard.type("coal")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=coal"))
    assert result_count(page) > 0


def test_release_page_shows_its_story_and_a_comparison(server, page):
    # A PIB re-issue that corrected one ministry's outlay (seeds/pib_2026-02_story_pairs.jsonl).
    page.goto(server + "/release/2229273")
    story = page.locator("aside.story")
    assert story.get_by_role("heading", name="Other versions of this story").count() == 1
    assert story.locator("a", has_text=re.compile(r"\S")).first.get_attribute("href") == "/release/2229201"
    assert story.locator(".badge", has_text="First reported").count() == 1
    assert accessibility_violations(page) == []
    story.get_by_role("link", name="Compare with this release").first.click()
    page.wait_for_url(re.compile(r"compare=2229201"))
    diff = page.locator(".comparison .diff")
    assert diff.locator("ins").count() > 0 and diff.locator("del").count() > 0
    assert accessibility_violations(page) == []
