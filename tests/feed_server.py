"""Feeds and pages built from the seeds' real PIB releases, for a local HTTP server (no network)."""

from __future__ import annotations

import html
import json
from email.utils import format_datetime
from datetime import datetime, timedelta, timezone
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
IST = timezone(timedelta(hours=5, minutes=30))


def pib_records(count: int, skip: int = 0) -> list[dict]:
    """Real PIB releases of February 2026 (prid, title, text, ministry, timestamp, url)."""
    with open(SEEDS / "pib_2026-02_sample.jsonl", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    return records[skip:skip + count]


def pib_stamp(record: dict) -> datetime:
    """The release's PIB timestamp (`08 FEB 2026 3:05PM`), in India's time."""
    return datetime.strptime(record["timestamp"], "%d %b %Y %I:%M%p").replace(tzinfo=IST)


def pib_page(record: dict) -> str:
    """The release as PIB's release page lays it out: ministry, title, Posted On line, paragraphs, Release ID."""
    paragraphs = "".join(f"<p>{html.escape(part)}</p>\n" for part in record["text"].split("\n\n") if part.strip())
    ministry = " ".join(record["ministry"].split())
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Press Release: Press Information Bureau'
        '</title>\n<script>var x = "Posted On: never";</script></head>\n<body>\n'
        '<nav><a href="/">Home</a> <a href="/allRel.aspx">All releases</a></nav>\n<div class="content-area">\n'
        f'<div class="MinistryNameSubhead">{html.escape(ministry)}</div>\n<h2>{html.escape(record["title"])}</h2>\n'
        f'<div class="ReleaseDateSubHeaddateTime">Posted On: {record["timestamp"]} by PIB Delhi</div>\n'
        f'{paragraphs}<p>***</p>\n<p>(Release ID: {record["prid"]})</p>\n</div>\n'
        '<footer>Follow us on social media</footer>\n</body></html>\n'
    )


def rss(items: list[dict], encoding: str = "utf-8", title: str = "PIB releases") -> bytes:
    """An RSS 2.0 feed of items {title, link, guid, published (datetime), content}."""
    entries = []
    for item in items:
        parts = [f"<title>{html.escape(item['title'])}</title>"]
        if item.get("link"):
            parts.append(f"<link>{html.escape(item['link'])}</link>")
        if item.get("guid"):
            parts.append(f'<guid isPermaLink="false">{html.escape(item["guid"])}</guid>')
        if item.get("published"):
            parts.append(f"<pubDate>{format_datetime(item['published'])}</pubDate>")
        if item.get("content"):
            parts.append(f"<description>{html.escape(item['content'])}</description>")
        entries.append("<item>" + "".join(parts) + "</item>")
    document = (f'<?xml version="1.0" encoding="{encoding}"?>\n<rss version="2.0"><channel><title>{title}</title>'
                f'<link>https://pib.gov.in/</link><description>Releases</description>\n'
                + "\n".join(entries) + "\n</channel></rss>\n")
    return document.encode(encoding)


def atom(items: list[dict], title: str = "News and communications") -> bytes:
    """An Atom feed of items {title, link, guid, published (datetime), content (HTML)}."""
    entries = []
    for item in items:
        parts = [f"<title>{html.escape(item['title'])}</title>", f"<id>{html.escape(item['guid'])}</id>",
                 f"<updated>{item['published'].isoformat()}</updated>"]
        if item.get("link"):
            parts.append(f'<link rel="alternate" type="text/html" href="{html.escape(item["link"])}"/>')
        if item.get("content"):
            parts.append(f'<content type="html">{html.escape(item["content"])}</content>')
        entries.append("<entry>" + "".join(parts) + "</entry>")
    document = ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
                f'<title>{title}</title><id>tag:example.org,2026:feed</id><updated>2026-02-09T10:00:00Z</updated>\n'
                + "\n".join(entries) + "\n</feed>\n")
    return document.encode("utf-8")


def content_html(record: dict) -> str:
    """A release's text as the HTML a feed entry carries."""
    return "".join(f"<p>{html.escape(part)}</p>" for part in record["text"].split("\n\n") if part.strip())
