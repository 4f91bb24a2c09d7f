"""Plain-text releases (`.txt`), in two shapes.

Agency copy, with an optional header date:
    ` date 2025-10-07 Male, Oct 7 (IANS) Defence Secretary Rajesh Kumar Singh called on ...`
PIB's text layout (issuing line, title, `Posted On` line, body):
    `Ministry of Defence` / `Defence Secretary chairs review ...` /
    `Posted On: 06 OCT 2025 4:10PM by PIB Delhi` / `Defence Secretary today reviewed ...`
  and the same in Hindi and PIB's other languages: `रक्षा मंत्रालय` / title /
    `प्रविष्टि तिथि: 07 OCT 2025 5:30PM by PIB Delhi` / body
"""

from __future__ import annotations

import html
import re

from archive.dates import parse_explicit_time
from archive.extract import Metadata, build_release, explicit_date
from archive.html_blocks import html_text
from archive.model import ParseError, Release

_HEADER_DATE = re.compile(r"^\s*date\s+(\S+)\s*", re.IGNORECASE)
# The label follows the language of PIB's site (English or Hindi); the value stays in English.
# Backgrounders may leave the office out.
_POSTED_ON = re.compile(
    r"^\s*(?:Posted\s+On|\u092a\u094d\u0930\u0935\u093f\u0937[\u200c\u200d]?\u094d?[\u200c\u200d]?\u091f\u093f"
    r"\s+\u0924\u093f\u0925\u093f)"
    r"\s*:?\s*(?P<stamp>\d.+?)(?:\s+by\s+PIB\s+(?P<office>[A-Za-z][A-Za-z .]*?))?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_PIB_STAMP = re.compile(r"\d{1,2}\s+[A-Z]{3}\s+\d{4}\s+\d{1,2}:\d{2}\s*[AP]M", re.IGNORECASE)
# Page furniture may precede the issuing line and title; more than this is not a PIB header.
_PIB_HEADER_PARAGRAPHS = 12


def read_text(text: str, release_id: str, source: str) -> Release:
    """Return the release in a `.txt` file, in agency-copy or PIB text layout."""
    pib = parse_pib_layout(text, release_id, source)
    if pib is not None:
        return pib
    text = _without_field_codes(_without_feed_markup(text))
    meta = Metadata()
    header = _HEADER_DATE.match(text)
    if header and re.fullmatch(r"\d{4}-\d\d-\d\d", header[1]):
        meta.header_date = explicit_date(header[1], source)
        text = text[header.end():]
    if not text.strip():
        raise ParseError(source, "no text after the header (truncated file?)")
    return build_release(release_id, source, text, meta)


# A feed's item saved as it came (`<item>`, `<entry>`, perhaps inside its `<rss>` or `<feed>`).
_FEED_ITEM = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<(?:rss|feed)\b.*?)?<(?P<tag>item|entry)\b[^>]*>", re.S | re.I)
_FEED_FIELDS = {"title": ("title",), "date": ("pubDate", "published", "dc:date", "updated"),
                "text": ("content:encoded", "content", "description", "summary")}


def _without_feed_markup(text: str) -> str:
    """A feed item's headline, date and text as lines, when the text is a feed's XML; else the text."""
    item = _FEED_ITEM.match(text)
    if not item:
        return text
    end = text.find(f"</{item['tag']}>", item.end())
    inside = text[item.end():end if end >= 0 else len(text)]
    found = {}
    for field, names in _FEED_FIELDS.items():
        for name in names:
            value = re.search(rf"<{re.escape(name)}\b[^>]*>(.*?)</{re.escape(name)}>", inside, re.S | re.I)
            if value and value[1].strip():
                unwrapped = re.sub(r"^\s*<!\[CDATA\[(.*)\]\]>\s*$", r"\1", value[1], flags=re.S)
                found[field] = unwrapped if "<" in unwrapped else html.unescape(unwrapped)
                break
    if "text" not in found:
        return text
    return "\n\n".join(filter(None, (" ".join(html_text(found.get("title", "")).split()),
                                       html_text(found.get("date", "")).strip(), html_text(found["text"]))))


# Factiva's export with field codes (`HD    headline`, `PD    5 January 2008`, `LP    lead ...`).
_CODES = r"^(?:HD|WC|PD|ET|SN|SC|LA|CY|LP|TD|AN|BY|CR|ED|RE|NS|IN|CO|PUB|IPD|IPC|SE)"
_FIELD_CODE = re.compile(rf"{_CODES}(?: {{2,}}|\t)", re.MULTILINE)
# Copied as one space after each code, and `LP`, `TD` alone on their lines: only a record opening `HD `.
_FIELD_CODE_SPACED = re.compile(rf"{_CODES}(?:[ \t]+|$)", re.MULTILINE)


def _without_field_codes(text: str) -> str:
    """A Factiva record without its field codes, its fields as lines of their own."""
    head = text[:3000].lstrip("\ufeff")
    for codes in (_FIELD_CODE, _FIELD_CODE_SPACED):
        if len(codes.findall(head)) >= 4 and codes.match(head) and (codes is _FIELD_CODE or head.startswith("HD ")):
            return codes.sub("", text)
    return text


def parse_pib_layout(text: str, release_id: str, source: str) -> Release | None:
    """Return the release if `text` is in PIB's layout (a `Posted On ... by PIB` line), else None."""
    posted = _POSTED_ON.search(text)
    # Without `by PIB`, only PIB's own stamp (`07 OCT 2025 5:30PM`) says it is PIB's layout.
    if posted is None or not (posted["office"] or _PIB_STAMP.match(posted["stamp"])):
        return None
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text[:posted.start()]) if p.strip()]
    if not paragraphs or len(paragraphs) > _PIB_HEADER_PARAGRAPHS:
        return None
    if len(paragraphs) == 1:
        issuer, _, title = paragraphs[0].partition("\n")
    else:
        issuer, title = paragraphs[-2].splitlines()[-1], paragraphs[-1]
    body = text[posted.end():]
    if not body.strip():
        raise ParseError(source, "PIB release has no body after its 'Posted On' line (truncated file?)")
    meta = Metadata(
        issuer=issuer,
        title=" ".join(title.split()),
        date=explicit_date(posted["stamp"], source),
        time=parse_explicit_time(posted["stamp"]),
        location=posted["office"] or "",
        agency="PIB",
    )
    return build_release(release_id, source, body, meta)

