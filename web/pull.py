"""`pull`: save each new item of the configured feeds into the source folder as a release file.

Each file is written whole or not at all (a hidden temporary file renamed into place), under a
name that follows from the item's guid, so that a pull killed half-way and run again saves the
same files once. What was saved, and each feed's validators for conditional GETs, are kept in
`.press-archive/pull-state.json` in the source folder (hidden: never read as a release).
"""

from __future__ import annotations

import codecs
import fcntl
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from archive.html_blocks import html_text
from archive.release_files import markdown_release, page_with_facts
from web.feeds import Feed, FeedFailed, Item, parse_feed, published_stamp
from web.fetch import Fetched, FetchFailed, Fetcher, private_address

STATE_FOLDER = ".press-archive"
STATE_NAME = "pull-state.json"
#: When the last pull finished and what it did: small, so that every page can show it.
LAST_PULL_NAME = "last-pull.json"
TEMPORARY_PREFIX = ".pull-"
#: Items taken from one feed in one run; the rest wait for the next run.
MAX_ITEMS = 100
#: Hex digits of an item's guid digest at the end of its file's name.
DIGEST_LENGTH = 10
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_META_CHARSET = re.compile(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_META_CHARSET_TEXT = re.compile(_META_CHARSET.pattern.decode("ascii"), re.IGNORECASE)
# The WHATWG Encoding Standard: labels browsers read as another encoding than their name says.
_BROWSERS_READ_AS = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "l1": "cp1252",
                     "us-ascii": "cp1252", "ascii": "cp1252", "iso8859-1": "cp1252", "iso_8859-1": "cp1252"}


class PullRunning(RuntimeError):
    """Another pull is writing into the same source folder."""


@dataclass
class FeedReport:
    """What one pull did with one feed."""

    feed: Feed
    #: The files saved, relative to the source folder.
    saved: list[str] = field(default_factory=list)
    #: Items saved by an earlier pull.
    already: int = 0
    #: Items not saved, as (title or link, reason): tried again next time.
    failed: list[tuple[str, str]] = field(default_factory=list)
    #: Items left for the next run by the bound on items a run.
    deferred: int = 0
    not_modified: bool = False
    #: Why the feed itself could not be read ("" when it was).
    error: str = ""
    warning: str = ""
    #: Items saved from the feed's own content because their page could not be had, as (file, why).
    from_content: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class PullReport:
    """What a pull did, feed by feed."""

    feeds: list[FeedReport] = field(default_factory=list)

    @property
    def saved(self) -> list[str]:
        """Every file saved by this pull."""
        return [name for feed in self.feeds for name in feed.saved]

    @property
    def failed(self) -> bool:
        """Whether a feed or an item could not be read."""
        return any(feed.error or feed.failed for feed in self.feeds)


def pull(source: Path, feeds: list[Feed], fetcher: Fetcher, max_items: int = MAX_ITEMS,
         progress: Callable[[FeedReport], None] | None = None) -> PullReport:
    """Fetch every feed and save its new items into `source`; one feed failing never stops the others."""
    source = Path(source)
    report = PullReport()
    with _pull_lock(source):
        state = read_state(source)
        fetcher.robots_kept = state["robots"]
        _remove_temporaries(source, feeds)
        for feed in feeds:
            feed_report = _pull_feed(source, feed, fetcher, state, max_items)
            state["feeds"][feed.url] = {**state["feeds"].get(feed.url, {}), "checked": _now(),
                                        "status": feed_report.error or "ok"}
            _write_json(source / STATE_FOLDER / STATE_NAME, state)
            report.feeds.append(feed_report)
            if progress:
                progress(feed_report)
        state["last_pull"] = _now()
        _write_json(source / STATE_FOLDER / STATE_NAME, state)
        _write_json(source / STATE_FOLDER / LAST_PULL_NAME, {
            "at": state["last_pull"], "feeds": len(report.feeds), "saved": len(report.saved),
            "failed": sum(1 for feed in report.feeds if feed.error or feed.failed)})
    return report


def last_pull(source: Path) -> str:
    """When a pull last finished saving into `source` (UTC, ISO 8601), "" when none has."""
    try:
        found = json.loads((Path(source) / STATE_FOLDER / LAST_PULL_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    return found.get("at", "") if isinstance(found, dict) and isinstance(found.get("at", ""), str) else ""


def read_state(source: Path) -> dict:
    """What earlier pulls saved and each feed's validators (empty when none ran or the file is unreadable)."""
    path = Path(source) / STATE_FOLDER / STATE_NAME
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        state = {}
    if not isinstance(state, dict):
        state = {}
    for key in ("feeds", "items", "robots"):
        if not isinstance(state.get(key), dict):
            state[key] = {}
    return state


def _pull_feed(source: Path, feed: Feed, fetcher: Fetcher, state: dict, max_items: int) -> FeedReport:
    report = FeedReport(feed)
    known = state["feeds"].get(feed.url, {})
    # The feeds listed are the user's; the links of one on the internet may not lead into their network.
    private = bool(private_address(feed.url))
    try:
        fetched = fetcher.get(feed.url, known.get("etag", ""), known.get("modified", ""), private=True)
        if fetched.status == 304:
            report.not_modified = True
            return report
        parsed = parse_feed(fetched.body, fetched.headers.get("content-type", ""), fetched.url)
    except (FetchFailed, FeedFailed) as exc:
        report.error = str(exc)
        return report
    report.warning = parsed.warning
    on_disk: dict[str, str] | None = None  # read only when the state does not know an item
    for item in parsed.items:
        if not any(key in state["items"] for key in item.keys):
            on_disk = _saved_files(source, feed) if on_disk is None else on_disk
            if _digest(item) in on_disk:
                _remember(state, item, on_disk[_digest(item)], None)
        if any(key in state["items"] for key in item.keys):
            report.already += 1
        elif len(report.saved) + len(report.failed) >= max_items:
            report.deferred += 1
        else:
            _save_item(source, feed, item, fetcher, state, report, private)
    # A feed is only asked "has it changed?" once all its items are had; else the next run reads it whole.
    complete = not report.deferred and not report.failed
    state["feeds"][feed.url] = {"etag": fetched.headers.get("etag", "") if complete else "",
                                "modified": fetched.headers.get("last-modified", "") if complete else ""}
    return report


def _save_item(source: Path, feed: Feed, item: Item, fetcher: Fetcher, state: dict, report: FeedReport,
               private: bool) -> None:
    facts = {"title": item.title, "date": published_stamp(item.published), "url": item.link,
             "agency": feed.agency, "language": feed.language, "ministries": list(feed.ministries)}
    name = f"{feed.name}/{_file_stem(item, facts['date'])}"
    why_not_page = ""
    if feed.pages and item.link.startswith(("http://", "https://")):
        try:
            page = fetcher.get(item.link, private=private)
            if page.content_type in _HTML_TYPES or (not page.content_type and b"<html" in page.body[:2048].lower()):
                _write_file(source / f"{name}.html", page_with_facts(_page_text(page), facts))
                _remember(state, item, f"{name}.html", report)
                return
            why_not_page = f"the link is {page.content_type or 'not a page'}, not a page"
        except FetchFailed as exc:
            why_not_page = f"its page could not be had: {exc}"
    text = _content_text(item)
    if not text.strip() and not item.title:
        report.failed.append((item.title or item.link or item.keys[0], why_not_page or "the item has no title or text"))
        return
    _write_file(source / f"{name}.md", markdown_release(facts, text))
    _remember(state, item, f"{name}.md", report)
    if why_not_page:
        report.from_content.append((f"{name}.md", why_not_page))


def _saved_files(source: Path, feed: Feed) -> dict[str, str]:
    """The files of the feed's folder by the digest of the guid that ends their names: what a pull saved,
    found again when the state could not say so (a pull stopped before it wrote the state)."""
    found = {}
    for path in (source / feed.name).glob("*-*.*"):
        digest = path.stem.rsplit("-", 1)[-1]
        if len(digest) == DIGEST_LENGTH and path.suffix in (".html", ".md"):
            found[digest] = f"{feed.name}/{path.name}"
    return found


def _remember(state: dict, item: Item, name: str, report: FeedReport | None) -> None:
    for key in item.keys:
        state["items"][key] = name
    if report is not None:
        report.saved.append(name)


def _digest(item: Item) -> str:
    return hashlib.sha1(item.keys[0].encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def _file_stem(item: Item, stamp: str) -> str:
    """`2026-12-01-defence-secretary-visits-maldives-1a2b3c4d`: its date, its title, and a hash of its guid."""
    ascii_title = unicodedata.normalize("NFKD", item.title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")[:60].rstrip("-")
    return "-".join(part for part in (stamp[:10] or "undated", slug, _digest(item)) if part)


def _page_text(page: Fetched) -> str:
    """A page's text: decoded by its byte-order mark, else the charset its header or its own meta element
    names (read as browsers do: `iso-8859-1` is Windows-1252), else UTF-8; declared UTF-8 from now on,
    as it is saved."""
    body, charsets = page.body, []
    for mark, charset in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if body.startswith(mark):
            body, charsets = body[len(mark):], [charset]
            break
    sniffed = _META_CHARSET.search(body[:4096])
    charsets += [page.charset, sniffed[1].decode("ascii").lower() if sniffed else "", "utf-8"]
    text = None
    for charset in filter(None, charsets):
        try:
            text = body.decode(_BROWSERS_READ_AS.get(charset, charset))
            break
        except (LookupError, UnicodeDecodeError):
            continue
    if text is None:
        text = body.decode("cp1252", "replace")
    return _META_CHARSET_TEXT.sub(_as_utf8, text, count=1)


def _as_utf8(match: re.Match) -> str:
    return match[0][:match.start(1) - match.start(0)] + "utf-8"


def _content_text(item: Item) -> str:
    """An item's own content as paragraphs of plain text."""
    return html_text(item.content) if item.content_is_html else item.content


def _write_file(path: Path, text: str) -> None:
    _write_atomically(path, text.encode("utf-8"))


def _write_json(path: Path, data: dict) -> None:
    _write_atomically(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


def _write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to a hidden temporary file beside `path` and rename it into place: all or nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.parent / f"{TEMPORARY_PREFIX}{os.getpid()}-{path.name}"
    try:
        with open(temporary, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _remove_temporaries(source: Path, feeds: list[Feed]) -> None:
    """Remove what a killed pull left half-written."""
    for folder in {source / feed.name for feed in feeds} | {source / STATE_FOLDER}:
        for leftover in folder.glob(f"{TEMPORARY_PREFIX}*"):
            leftover.unlink(missing_ok=True)


@contextmanager
def _pull_lock(source: Path) -> Iterator[None]:
    folder = source / STATE_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "pull.lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise PullRunning(f"another pull is saving into {source}; try again when it has finished") from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
