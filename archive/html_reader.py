"""PIB release pages saved as HTML (`.html`, `.htm`): issuing line, title, `Posted On` line, body.

    <div class="MinistryNameSubhead">Ministry of Defence</div>
    <h2>Defence Secretary chairs review of Border Roads projects in Ladakh</h2>
    <div class="ReleaseDateSubHeaddateTime">Posted On: 06 OCT 2025 4:10PM by PIB Delhi</div>
    <p>Defence Secretary today reviewed ...</p>

Navigation, scripts, share bars, counters and the like are dropped; the page is turned into
blocks of text and read as PIB's text layout, or as agency copy when it has no `Posted On` line.
"""

from __future__ import annotations

import re

from archive.dateline import canonical_agency
from archive.dates import parse_explicit_time
from archive.extract import explicit_date, stated_ministries
from archive.html_blocks import TextBlocks
from archive.issuers import known_issuer
from archive.languages import NATIVE_NAMES, canonical_language
from archive.model import ParseError, Release, clean_id
from archive.text_reader import parse_pib_layout, read_text

_BOILERPLATE = re.compile(
    r"^(?:read this release in\b.*|visitor counter.*|follow us on.*|share\b.*|print\b.*|"
    r"\(?release id:?\s*\d+\)?.*|\*{3,}|[-=_]{3,}|english|hindi|close|skip to main content)$",
    re.IGNORECASE,
)
_RELEASE_ID = re.compile(r"\(\s*Release\s+ID\s*:?\s*(\d+)\s*\)", re.IGNORECASE)
_PRID = re.compile(r"[?&]PRID=(\d+)", re.IGNORECASE)


def read_html(text: str, release_id: str, source: str) -> Release:
    """Return the release on a PIB HTML page (or any page whose text is agency copy)."""
    parser = TextBlocks()
    parser.feed(text)
    parser.close()
    found_id = next((m[1] for m in map(_RELEASE_ID.search, parser.blocks) if m), None)
    blocks = [block for block in parser.blocks if not _BOILERPLATE.match(block) and not _is_language_list(block)]
    if not blocks:
        raise ParseError(source, "HTML page has no text (truncated or not a release page?)")
    page_text = "\n\n".join(blocks)
    release_id = clean_id(found_id) or release_id
    release = parse_pib_layout(page_text, release_id, source)
    if release is None:
        release = read_text(page_text, release_id, source)
        title = parser.heading or _without_site_name(" ".join(parser.title.split()))
        if title:
            release.title = title
    release.translation_key = _translation_key(found_id, parser.links)
    _apply_facts(release, parser.facts, source)
    return release


def _apply_facts(release: Release, facts: dict[str, str], source: str) -> None:
    """What the page's `press-archive:` metas state wins, but for the feed's date: used when the page has none."""
    release.url = facts.get("url") or release.url
    if facts.get("agency"):
        release.agency = canonical_agency(facts["agency"])
    release.language = canonical_language(facts.get("language", "")) or release.language
    ministries = stated_ministries(facts.get("ministries", "").split(";"))
    if ministries:
        release.ministries = ministries
    if facts.get("date") and not release.date:
        release.date = explicit_date(facts["date"], source)
        release.time = parse_explicit_time(facts["date"])


# `UK and Maldives agree ... - GOV.UK`, `Readout | U.S. Department of State`: the site is no part of it.
_SITE_NAME = re.compile(r"\s+[|\-\u2013\u2014]\s+(?P<site>[^|\-\u2013\u2014]{2,60})$")
_SITE = re.compile(r"GOV\.UK|\.gov|\.int|United Nations|NATO|European|Government|President|Ministry|Department")


def _without_site_name(title: str) -> str:
    match = _SITE_NAME.search(title)
    if match and (known_issuer(match["site"]) or _SITE.search(match["site"])):
        return title[:match.start()]
    return title


def _names_language(text: str) -> bool:
    return canonical_language(text) in NATIVE_NAMES and len(text) > 3


def _is_language_list(block: str) -> bool:
    """Whether a block is only the names of languages (the links of `Read this release in:`)."""
    return all(_names_language(item.strip()) for item in block.split(","))


def _translation_key(own_id: str | None, links: list[tuple[str, str]]) -> str:
    """The key the page's language versions share: the lowest of their PIB ids (the English
    original's, which PIB numbers first), from the `Read this release in:` links."""
    ids = {int(match[1]) for href, text in links if _names_language(text) and (match := _PRID.search(href))}
    if not ids:
        return ""
    if own_id and own_id.isdigit():
        ids.add(int(own_id))
    return str(min(ids))
