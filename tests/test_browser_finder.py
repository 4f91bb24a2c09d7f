"""The finder on a laptop and a phone, in Debian's Chromium: filters, the timeline, facet search,
suggestions, places, the release page, paging and accessibility (axe-core), with and without script."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browsing import PHONE, WIDE, accessibility_violations, result_count, screenshot
from tests.conftest import CHROMIUM

if not Path(CHROMIUM).exists() and not os.environ.get("CI"):
    pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium); CI installs it",
                allow_module_level=True)

pytest.importorskip("playwright.sync_api")

DEFENCE = "/search?ministry=Ministry+of+Defence"
SERIOUS = ("serious", "critical")


@pytest.fixture
def open_page(browser):
    """Open pages at a width, with or without script: `open_page(width, script=True)`."""
    contexts = []

    def open_at(width: int, script: bool = True):
        context = browser.new_context(viewport={"width": width, "height": 900}, java_script_enabled=script)
        contexts.append(context)
        return context.new_page()

    yield open_at
    for context in contexts:
        context.close()


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def _box(locator) -> dict:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not shown"
    return box


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_applied_filters_are_chips_at_the_top_and_the_filters_open_on_a_phone(server, open_page, width):
    page = open_page(width)
    page.goto(server + DEFENCE)
    chip = page.locator(".chips .chip", has_text="Ministry: Ministry of Defence")
    assert chip.is_visible() and _box(chip)["y"] < _box(page.locator(".hit").first)["y"]
    toggle = page.locator("summary.filter-toggle")
    facets = page.locator("section.facet").first
    if width == PHONE:
        assert toggle.is_visible() and toggle.inner_text().strip() == "Filters (1 applied)"
        assert not facets.is_visible()
        # Above the results, reached by keyboard, opened with Enter.
        assert _box(toggle)["y"] < _box(page.locator(".hit").first)["y"]
        toggle.focus()
        page.keyboard.press("Enter")
        assert facets.is_visible()
        assert page.locator("details.filter-panel").get_attribute("open") is not None
    else:
        assert not toggle.is_visible() and facets.is_visible()
        assert _box(facets)["x"] + _box(facets)["width"] < _box(page.locator(".results"))["x"]
    screenshot(page, "search-filters")
    assert accessibility_violations(page, SERIOUS) == []
    chip.click()
    page.wait_for_url(re.compile(r"/search(\?|$)"))
    assert "ministry" not in _query(page) and page.locator(".chips").count() == 0


def test_filters_work_without_script(server, open_page):
    phone = open_page(PHONE, script=False)
    phone.goto(server + DEFENCE)
    toggle = phone.locator("summary.filter-toggle")
    assert toggle.inner_text().strip() == "Filters (1 applied)"
    assert not phone.locator("section.facet").first.is_visible()
    toggle.click()
    facet = phone.locator("section.facet", has=phone.locator("h3", has_text="Agency"))
    assert facet.is_visible()
    facet.locator("a.facet-value").first.click()
    phone.wait_for_url(re.compile(r"agency="))
    assert phone.locator(".chips .chip").count() == 2
    # On a wide screen the filters are a sidebar without script too.
    wide = open_page(WIDE, script=False)
    wide.goto(server + DEFENCE)
    assert wide.locator("section.facet").first.is_visible()


def _open_filters(page) -> None:
    """Open the filters panel where it is closed (on a phone)."""
    toggle = page.locator("summary.filter-toggle")
    if toggle.is_visible() and page.locator("details.filter-panel").get_attribute("open") is None:
        toggle.click()


def _bars(page):
    return page.locator(".timeline-chart .bar")


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_the_timeline_zooms_from_months_to_days_and_a_drag_picks_a_span(server, open_page, width):
    page = open_page(width)
    page.goto(server + "/search")
    # The seeds span 2020 to 2026: months, every month a bar, the empty ones too.
    assert page.locator(".timeline .intervals strong").inner_text().lower() == "month"
    bars = _bars(page)
    assert bars.count() > 60 and page.locator(".timeline-chart .bar.empty").count() > 50
    tallest = max(range(bars.count()), key=lambda i: int(bars.nth(i).get_attribute("data-count")))
    bar = bars.nth(tallest)
    # The count shows on focus (and hover), not only in a tooltip.
    count_label = bar.locator("text.count")
    assert not count_label.is_visible()
    bar.focus()
    assert count_label.is_visible() and count_label.text_content() == bar.get_attribute("data-count")
    start, end, count = bar.get_attribute("data-start"), bar.get_attribute("data-end"), bar.get_attribute("data-count")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(f"from={start}"))
    assert _query(page)["to"] == [end] and result_count(page) == int(count)
    # One month of releases is drawn in days.
    assert page.locator(".timeline .intervals strong").inner_text().lower() == "day"
    days = _bars(page)
    first, last = 1, min(days.count() - 1, 8)
    expected = sum(int(days.nth(i).get_attribute("data-count")) for i in range(first, last + 1))
    span_from, span_to = days.nth(first).get_attribute("data-start"), days.nth(last).get_attribute("data-end")
    left, right = _box(days.nth(first)), _box(days.nth(last))
    page.mouse.move(left["x"] + left["width"] / 2, left["y"] + left["height"] - 2)
    page.mouse.down()
    page.mouse.move(right["x"] + right["width"] / 2, right["y"] + right["height"] - 2, steps=6)
    assert "let go" in page.locator(".timeline-readout").inner_text()
    page.mouse.up()
    page.wait_for_url(re.compile(f"to={span_to}"))
    assert _query(page)["from"] == [span_from] and result_count(page) == expected
    screenshot(page, "timeline-days")
    # Weeks and years on demand.
    page.locator(".timeline .intervals a", has_text=re.compile("week", re.I)).click()
    page.wait_for_url(re.compile(r"interval=week"))
    labels = page.locator(".timeline-table tbody th").all_text_contents()
    assert labels and all(re.fullmatch(r"\d{4}-W\d\d", label) for label in labels), labels


def test_the_timeline_without_script_is_links_and_a_table(server, open_page):
    page = open_page(WIDE, script=False)
    page.goto(server + "/search?interval=year")
    table = page.locator(".timeline-table")
    table.locator("summary").click()
    rows = table.locator("tbody tr")
    assert rows.count() == _bars(page).count() >= 7
    years = [int(cell) for cell in table.locator("tbody td:last-child").all_inner_texts()]
    assert sum(years) + 0 == result_count(page)  # every seed is dated
    link = table.locator("tbody a").last
    label = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(f"from={label}-01-01&to={label}-12-31"))
    assert result_count(page) == years[-1]


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_a_long_facet_list_is_filtered_as_one_types(server, open_page, width):
    page = open_page(width)
    page.goto(server + "/search")
    _open_filters(page)
    ministries = page.locator("section.facet[data-facet=ministry]")
    box = ministries.get_by_role("searchbox", name="Filter ministry values")
    box.fill("défen")
    shown = [label for label in ministries.locator("li:visible .label").all_inner_texts()]
    assert shown and all("defen" in label.lower() for label in shown)
    assert "Ministry of Defence" in shown
    box.fill("zzzz")
    assert ministries.locator("li:visible").count() == 0
    assert ministries.locator(".facet-none").inner_text() == "No ministries contain “zzzz”."


def test_every_value_of_a_facet_is_listed_with_a_search_box_without_script(server, open_page):
    page = open_page(PHONE, script=False)
    page.goto(server + "/search?q=minister")
    page.locator("summary.filter-toggle").click()
    page.locator("section.facet[data-facet=ministry] a.facet-all-link").click()
    page.wait_for_url(re.compile(r"/facet/ministry\?q=minister"))
    every = page.locator(".facet-all li").count()
    page.get_by_label("Find a ministry").fill("health")
    page.get_by_role("button", name="Find").click()
    page.wait_for_url(re.compile(r"contains=health"))
    labels = page.locator(".facet-all .label").all_inner_texts()
    assert 0 < len(labels) < every and all("health" in label.lower() for label in labels)
    value = page.locator(".facet-all a").first
    count = int(value.locator(".count").inner_text())
    value.click()
    page.wait_for_url(re.compile(r"/search\?q=minister&ministry="))
    assert result_count(page) == count


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_did_you_mean_offers_the_archive_word(server, open_page, width):
    page = open_page(width)
    page.goto(server + "/search?q=Maldeves")
    assert result_count(page) == 0
    suggestion = page.locator("#did-you-mean")
    assert suggestion.inner_text() == "Maldives"
    suggestion.click()
    page.wait_for_url(re.compile(r"q=Maldives"))
    assert result_count(page) > 0


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_delhi_is_one_place(server, open_page, width):
    page = open_page(width)
    page.goto(server + "/search")
    _open_filters(page)
    places = page.locator("section.facet[data-facet=location] .label").all_inner_texts()
    assert "New Delhi" in places and "Delhi" not in places


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_the_release_page_sets_facts_beside_a_readable_column(server, open_page, width):
    page = open_page(width)
    page.goto(server + "/release/2229273")
    body, facts = page.locator(".release-body"), page.locator("dl.release-meta")
    story = page.locator("aside.story")
    # About 75 characters a line at most.
    assert _box(body)["width"] <= 700
    if width == WIDE:
        assert _box(facts)["x"] > _box(body)["x"] + _box(body)["width"]
        assert _box(story)["x"] > _box(body)["x"] + _box(body)["width"] and _box(story)["y"] < 900
    else:
        assert _box(facts)["y"] < _box(body)["y"] < _box(story)["y"]
    screenshot(page, "release")
    assert accessibility_violations(page, SERIOUS) == []


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_pages_first_last_and_the_data_links_beside_the_count(server, open_page, width):
    page = open_page(width)
    page.goto(server + "/search?q=minister")
    pages = page.locator("nav.pages")
    total_pages = int(re.fullmatch(r"Page 1 of (\d+)", pages.locator(".page-of").inner_text())[1])
    assert total_pages > 2 and pages.get_by_role("link", name="First page").count() == 0
    pages.get_by_role("link", name=re.compile(r"^Last page")).click()
    page.wait_for_url(re.compile(f"page={total_pages}"))
    assert page.locator("nav.pages .page-of").inner_text() == f"Page {total_pages} of {total_pages}"
    page.locator("nav.pages").get_by_role("link", name="First page").click()
    page.wait_for_url(re.compile(r"page=1"))
    links = page.locator(".result-bar #data-links")
    assert [a.strip() for a in links.locator("a").all_inner_texts()] == [
        "Follow this search", "CSV", "JSON Lines", "JSON"]
    # Beside the count (under it on a phone), above the results.
    assert abs(_box(links)["y"] - _box(page.locator("#result-count"))["y"]) < 80
    assert _box(links)["y"] < _box(page.locator(".hit").first)["y"]
    page.goto(server + "/search?q=zzyzxqq")
    # Nothing to download, but the search can be followed for what comes.
    assert page.locator("#data-links a").all_inner_texts() == ["Follow this search"]
    assert page.locator("nav.sort").count() == 0


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_relevance_is_offered_only_for_words(server, open_page, width):
    page = open_page(width)
    page.goto(server + "/search?ministry=Ministry+of+Defence")
    assert page.locator("nav.sort").inner_text().split() == ["Sort:", "Newest", "Oldest"]
    page.goto(server + "/search?q=defence")
    assert "Relevance" in page.locator("nav.sort").inner_text()


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_dates_are_typed_and_shown_as_iso(server, open_page, width):
    page = open_page(width)
    page.goto(server + "/search")
    _open_filters(page)
    page.get_by_label("From", exact=True).fill("2026-02-01")
    page.get_by_label("To", exact=True).fill("2026-02-10")
    page.get_by_role("button", name="Apply dates").click()
    page.wait_for_url(re.compile(r"from=2026-02-01&to=2026-02-10"))
    assert page.get_by_label("From", exact=True).input_value() == "2026-02-01"
    assert page.get_by_label("From", exact=True).get_attribute("placeholder") == "YYYY-MM-DD"
    dates = page.locator(".hit time").all_inner_texts()
    assert dates and all("2026-02-01" <= d <= "2026-02-10" for d in dates)


@pytest.mark.parametrize("width", [WIDE, PHONE])
def test_the_placeholder_examples_find_releases(server, open_page, width):
    page = open_page(width)
    page.goto(server + "/search")
    placeholder = page.get_by_label("Search releases").get_attribute("placeholder")
    examples = [example.strip() for example in placeholder.removeprefix("e.g. ").split(",")]
    assert len(examples) == 2 and examples[1].startswith("place:")
    for example in examples:
        page.goto(server + "/search?q=" + example.replace('"', "%22"))
        assert result_count(page) > 0, example


@pytest.mark.parametrize("width", [WIDE, PHONE])
@pytest.mark.parametrize("name, path, status", [
    ("browse", "/search", 200),
    ("filtered", "/search?q=defence&ministry=Ministry+of+Defence", 200),
    ("facet-page", "/facet/ministry?q=defence", 200),
    ("not-found", "/release/no-such-release", 404),
    ("bad-parameter", "/search?page=abc", 400),
])
def test_pages_have_no_serious_accessibility_violations(server, open_page, width, name, path, status):
    page = open_page(width)
    response = page.goto(server + path)
    assert response.status == status
    screenshot(page, name)
    assert accessibility_violations(page, SERIOUS) == []
