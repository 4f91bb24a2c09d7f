"""The feeds `pull` reads: their list (`feeds.toml` in the source folder, or URLs given), and their items.

    [[feed]]
    name = "pib-english"                       # the subfolder its releases are saved in
    url = "https://www.pib.gov.in/RssMain.aspx?ModId=6&Lang=1&Regid=3"
    agency = "PIB"                             # optional: stated on every release of the feed
    language = "en"
    ministries = ["Ministry of Defence"]
    pages = true                               # save the page each item links to (default)
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
from dateutil import parser as dateutil_parser

from archive.source_folder import FEEDS_CONFIG
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
_KEYS = {"name", "url", "agency", "language", "ministries", "pages"}
# An HTML page's pointer to its feed: <link rel="alternate" type="application/rss+xml" href="...">.
_FEED_LINK = re.compile(r"<link\b[^>]*type=[\"']application/(?:rss|atom)\+xml[\"'][^>]*>", re.IGNORECASE)
_HREF = re.compile(r"href=[\"']([^\"']+)[\"']", re.IGNORECASE)


class ConfigError(ValueError):
    """feeds.toml (or a --feed URL) is not usable; the message names the file, the feed and the key."""


class FeedFailed(Exception):
    """A response is not a feed that can be read; the message says why."""


@dataclass(frozen=True)
class Feed:
    """One feed to pull, and what it states about its releases."""

    name: str
    url: str
    agency: str = ""
    language: str = ""
    ministries: tuple[str, ...] = ()
    pages: bool = True


@dataclass
class Item:
    """One entry of a feed."""

    #: What names it: its guid, else its link (else a hash of its title and date); saved once.
    keys: tuple[str, ...]
    title: str = ""
    link: str = ""
    #: When it was published, as the feed writes it ("" when the feed does not say).
    published: str = ""
    #: Its own content (HTML or text), the longest the feed gives.
    content: str = ""
    content_is_html: bool = True


@dataclass
class ParsedFeed:
    """The items of a feed, and anything odd about it that did not stop it being read."""

    items: list[Item] = field(default_factory=list)
    warning: str = ""


def load_feeds(source: Path) -> list[Feed]:
    """The feeds listed in `source`/feeds.toml ([] when there is none); ConfigError says what is wrong."""
    path = Path(source) / FEEDS_CONFIG
    if not path.is_file():
        return []
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    tables = config.get("feed", [])
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        raise ConfigError(f"{path}: feeds are [[feed]] tables, each with a url")
    unknown = set(config) - {"feed"}
    if unknown:
        raise ConfigError(f"{path}: unknown section(s) {', '.join(sorted(unknown))}; feeds are [[feed]] tables")
    return [_feed(table, f"{path}: feed {number}") for number, table in enumerate(tables, 1)]


def feed_for_url(url: str) -> Feed:
    """A feed given on the command line: saved in a subfolder named after its host."""
    return _feed({"url": url}, f"--feed {url}")


def _feed(table: dict, where: str) -> Feed:
    unknown = set(table) - _KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(sorted(unknown))} (known: {', '.join(sorted(_KEYS))})")
    url = table.get("url")
    if not isinstance(url, str) or urlsplit(url.strip()).scheme not in ("http", "https") \
            or not urlsplit(url.strip()).netloc:
        raise ConfigError(f"{where}: url must be an http(s) URL, not {url!r}")
    url = url.strip()
    name = table.get("name", _name_from(url))
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise ConfigError(f"{where}: name {name!r} must be letters, digits, '.', '_' or '-' (it names a folder)")
    ministries = table.get("ministries", [])
    ministries = [ministries] if isinstance(ministries, str) else ministries
    texts = {key: table.get(key, "") for key in ("agency", "language")}
    if not all(isinstance(value, str) for value in texts.values()) or not isinstance(ministries, list) \
            or not all(isinstance(value, str) for value in ministries):
        raise ConfigError(f"{where}: agency and language are text, ministries a list of names")
    if not isinstance(table.get("pages", True), bool):
        raise ConfigError(f"{where}: pages is true or false")
    return Feed(name=name, url=url, ministries=tuple(ministries), pages=table.get("pages", True), **texts)


def _name_from(url: str) -> str:
    host = urlsplit(url).hostname or "feed"
    return re.sub(r"[^A-Za-z0-9]+", "-", host.removeprefix("www.")).strip("-")[:80] or "feed"


def parse_feed(body: bytes, content_type: str, url: str) -> ParsedFeed:
    """The items of an RSS or Atom document; FeedFailed when it is none (an HTML page, broken XML)."""
    # `text/xml` without a charset is US-ASCII by RFC 3023, which no feed means: its XML declaration decides.
    if not content_type or (content_type.split(";")[0].strip().lower() == "text/xml" and "charset" not in content_type):
        content_type = "application/xml"
    parsed = feedparser.parse(body, response_headers={"content-type": content_type, "content-location": url})
    problem = parsed.get("bozo_exception")
    if not parsed.get("version") and not parsed.entries:
        if _looks_like_html(body):
            raise FeedFailed("not a feed: an HTML page" + _feed_link_hint(body))
        if problem is not None:
            raise FeedFailed(f"not a readable feed: {_describe(problem)}")
        raise FeedFailed("not a feed (neither RSS nor Atom)")
    # A feed cut short may have items cut short too: none is taken, the next pull tries again. Other
    # faults of real feeds (a bare `&`, an HTML entity, a wrong encoding) are read past, with a warning.
    if problem is not None and not _harmless(problem) and (_cut_short(body) or not parsed.entries):
        raise FeedFailed(_describe(problem))
    warning = f"{_describe(problem)}; read leniently" if problem is not None else ""
    return ParsedFeed([_item(entry) for entry in parsed.entries], warning)


def _item(entry) -> Item:
    link = (entry.get("link") or "").strip()
    guid = (entry.get("id") or "").strip()
    title = " ".join((entry.get("title") or "").split())
    published = entry.get("published") or entry.get("updated") or ""
    contents = [*entry.get("content", []), *([entry["summary_detail"]] if entry.get("summary_detail") else [])]
    best = max(contents, key=lambda detail: len(detail.get("value") or ""), default=None)
    # Its guid is what names an item (items may share a landing page); its link only when it has none.
    keys = (guid or link or "sha1:" + hashlib.sha1(f"{title}\n{published}".encode()).hexdigest(),)
    return Item(keys=keys, title=title, link=link, published=published,
                content=(best.get("value") or "") if best else "",
                content_is_html=not best or best.get("type", "text/html") != "text/plain")


def published_stamp(published: str) -> str:
    """An item's publication time as `YYYY-MM-DD HH:MM` in its own time zone, "" when it cannot be read."""
    if not published:
        return ""
    try:
        stamp = dateutil_parser.parse(published)
    except (ValueError, OverflowError):
        return ""
    return stamp.strftime("%Y-%m-%d %H:%M")


def _looks_like_html(body: bytes) -> bool:
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head


def _feed_link_hint(body: bytes) -> str:
    """`; its feed is at URL` when the page names one."""
    link = _FEED_LINK.search(body[:65536].decode("utf-8", "replace"))
    href = _HREF.search(link[0]) if link else None
    return f" (the page names a feed: {href[1]})" if href else ""


def _cut_short(body: bytes) -> bool:
    """Whether a feed's document ends before its root element does."""
    tail = body.rstrip()[-300:].lower()
    return not any(end in tail for end in (b"</rss>", b"</feed>", b"</rdf:rdf>", b"</channel>"))


def _harmless(problem: Exception) -> bool:
    return "Encoding" in type(problem).__name__ or "undefined entity" in str(problem)


def _describe(problem: Exception) -> str:
    line = getattr(problem, "getLineNumber", lambda: None)()
    message = getattr(problem, "getMessage", lambda: str(problem))()
    kind = type(problem).__name__
    if "Encoding" in kind:
        return f"wrong character encoding ({message})"
    return f"malformed XML{f' at line {line}' if line else ''}: {message}"
