"""Helpers of the browser tests: what a page says, what axe-core finds wrong, screenshots."""

from __future__ import annotations

from tests.conftest import OUTPUT

#: Viewport widths the finder is checked at: a laptop and a phone.
WIDE, PHONE = 1280, 390


def result_count(page) -> int:
    """The releases the search matched (facet and timeline counts count releases too)."""
    count = page.locator("#release-count")
    return int(count.inner_text().replace(",", "")) if count.count() else 0


ALL_IMPACTS = ("minor", "moderate", "serious", "critical")


def accessibility_violations(page, impacts: tuple[str, ...] = ALL_IMPACTS) -> list[str]:
    """What axe-core finds wrong on the page (of the impacts given), by rule and the elements it names."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{violation['id']} ({violation['impact']}): {[node['target'] for node in violation['nodes']]}"
            for violation in results.response["violations"] if violation["impact"] in impacts]


def screenshot(page, name: str) -> None:
    """Write the whole page to test-output/<name>-<width>.png, and check something was drawn."""
    OUTPUT.mkdir(exist_ok=True)
    path = OUTPUT / f"{name}-{page.viewport_size['width']}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000, f"{path} is nearly empty"
