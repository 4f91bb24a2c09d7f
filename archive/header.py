"""What a release opens with before its text: `PRESS RELEASE`, `FOR IMMEDIATE RELEASE`, release
numbers, embargoes, contact blocks, the issuing body (`From: Ministry of Defence`, `Office of the
Spokesperson`), a date line (`Published 25 January 2013`, `October 7, 2025`) and the headline.

    PRESS RELEASE TEXT: 2013-01-S-025

    KABUL, Afghanistan (Jan. 25, 2013)
    During a security operation in Andar district, ...

The header ends at the dateline, or after its last line of furniture when there is no dateline;
none of it is the release's text, and lines of it that are neither furniture nor the headline
(a summary) go before the text. A text that opens with its text has no header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from archive.dateline import DASH, DATE, parse_dateline
from archive.dates import month_number, parse_explicit_time
from archive.issuers import known_issuer
from archive.places import country_name

#: Lines and characters of a text its header is looked for in.
HEAD_LINES = 16
HEAD_CHARS = 3000
#: Lines of a header that are neither furniture nor dateline: a headline and a summary or two.
HEAD_CONTENT_LINES = 3
HEAD_CONTENT_CHARS = 400

_KINDS = (r"(?:joint\s+)?(?:press|news|media)\s+(?:release|statement|note|advisory|briefing|notice|communiqu[eé])s?"
          r"|readout|statement|remarks|fact\s*sheet|speech|news\s+story|news|press|announcement|transcript"
          r"|(?:press\s+)?communiqu[eé]|notice|update|op-ed|interview|correction")
_CODE = r"[\w/().\-]*\d[\w/().\-]*"
# An organisation's name before a label (`European Commission - Press release`): capitalised words.
_ORG = r"[A-Z][\w.&'\u2019]*(?:(?:\s+|,\s*|\s*&\s*)(?:[A-Z][\w.&'\u2019]*|of|for|and|the|on|de|du)){0,7}?"
# `PRESS RELEASE`, `Press Release No. 123/2025`, `NATO Press Release (2013) 012`, `Readout`.
_LABEL = re.compile(
    rf"(?:(?P<org>{_ORG})\s*(?:{DASH}|\||:|\s)\s*)?(?i:{_KINDS})(?i:\s+text)?"
    rf"(?:\s*[:#]?\s*(?i:no\.?|number)?\s*[:#]?\s*(?:\(\d{{4}}\)\s*)?{_CODE})?"
    r"|(?i:for\s+immediate\s+release|immediate\s+release|for\s+release\b.*|release\s+(?:no\.?|number)\b.*)"
    r"|(?i:embargo(?:ed)?\b.*|(?:not\s+for|hold\s+for)\s+(?:publication|release|broadcast)\b.*"
    r"|check\s+against\s+delivery)"
    rf"|(?i:(?:ref(?:erence)?|no|pr|nr|release)\.?\s*(?:no\.?|number)?\s*[:#]?\s*){_CODE}"
)
# A bare reference (`SG/SM/14789`, `2013-01-S-025`): furniture in a header, no header on its own.
_BARE_CODE = re.compile(r"(?=[^a-z]*\d)(?=.*[/\-])[A-Z0-9][A-Z0-9/().\-]*(?: [A-Z0-9/().\-]+){0,2}")
# `Contact: Jane Roe`, `Media contacts`, `For more information, contact ...`: a label, not a sentence.
CONTACT = re.compile(r"(?i:(?:media|press|news|public\s+affairs)\s+(?:contacts?|enquiries|inquiries|office)|contacts?"
                     r"|enquiries|inquiries|for\s+(?:more|further)\s+information)\b\s*(?::.*|,\s*(?:please\s+)?"
                     r"(?:contact|visit|call|e-?mail|write)\b.*)?")
REACH = re.compile(
    r"(?i:(?:tel|telephone|phone|ph|fax|mobile|cell|e-?mail|web(?:site)?|twitter|x|facebook|instagram)"
    r"\.?\s*[:.]\s*\S.*)"
    r"|\S+@\S+\.\w+|(?:https?://|www\.)\S+|[+(]?\d[\d\s().\-/]{6,}\d"
)
_PUBLISHED = re.compile(r"(?i:published|issued(?:\s+on)?|released?(?:\s+on)?|dated?|posted(?:\s+on)?)\s*:?\s*")
_UPDATED = re.compile(r"(?i:(?:last\s+)?updated|modified)\b.*")
_TIME = r"(?:\s*(?:[|,@\-\u2013\u2014]|at)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s*m\.?)?(?:\s*[A-Z]{2,5})?)?"
_DATE_LINE = re.compile(rf"(?:{DATE}|(?P<iso>\d{{4}}-\d\d-\d\d)){_TIME}", re.IGNORECASE)
_LABEL_ALONE = re.compile(r"(?P<label>(?i:from|published|issued(?:\s+on)?|released|date))\s*:?")
_FROM = re.compile(r"(?i:from|issued\s+by|source)\s*:\s*(?P<issuer>.+)")
_DECORATION = " \t*_#>|"
#: Characters a dateline is looked for in.
_DATELINE_CHARS = 600


@dataclass
class Header:
    """What a release's opening lines say; `rest` is the text from its dateline or first line of text."""

    title: str = ""
    #: The issuing body as written (`Ministry of Defence`, `Office of the Spokesperson`).
    issuer: str = ""
    #: The country the header names or its shape implies (GOV.UK's `From:` and `Published`).
    country: str = ""
    #: `YYYY-MM-DD` of a date line, and its time of day (`HH:MM`) when it gives one.
    date: str = ""
    time: str = ""
    #: Lines of the header that are text: they go before the rest.
    summary: str = ""
    rest: str = ""


def read_header(text: str) -> Header:
    """Split the header off the start of `text` (a Header with only `rest` when it has none)."""
    found = Header(rest=text)
    before: list[str] = []  # lines of text before the last furniture: the headline, a summary
    since: list[str] = []  # lines of text since the last furniture
    end, strong, contact_block, from_line, published, label = 0, False, False, False, False, ""
    for number, (start, stop, line) in enumerate(_lines(text)):
        if number == HEAD_LINES or start > HEAD_CHARS:
            break
        if not line:
            contact_block = False
            continue
        dateline = parse_dateline(text[start:start + _DATELINE_CHARS])
        if dateline.location or dateline.agency:
            # Lines of text before a dateline are its headline (a sentence is text, not a headline).
            if not (before or since) or _headline(before[0] if before else since[0]):
                end, strong = start, True
                before += since
            break
        kind = ("issuer", _first_body(line)) if label == "from" else _kind(line, contact_block)
        label = ""
        if kind is None:
            if len(line) > HEAD_CONTENT_CHARS or len(before) + len(since) == HEAD_CONTENT_LINES:
                break
            since.append(line)
            continue
        what, value = kind
        if what == "label":
            # GOV.UK pages as text: `From:` and `Published` on lines of their own, their values after.
            label = value
            from_line = from_line or value == "from"
            published = published or value == "published"
        contact_block = what == "contact" or (contact_block and what in ("reach", "contact-line"))
        if what == "date" and not found.date:
            found.date, found.time = value
            published = published or bool(_PUBLISHED.match(line))
        elif what == "issuer" and value and not found.issuer:
            found.issuer = value
            from_line = from_line or bool(_FROM.match(line))
        elif what == "country" and not found.country:
            found.country = value
        # A reference, a phone number or a country alone does not make a header (tables look so).
        strong = strong or what not in ("code", "reach", "contact-line", "country")
        end = stop
        before += since
        since = []
    if not strong or not text[end:].strip() or (before and not _headline(before[0])):
        return Header(rest=text)
    found.title = before[0] if before else ""
    found.summary = "\n\n".join(before[1:])
    found.rest = text[end:]
    if from_line and published and not found.country:
        found.country = "United Kingdom"  # GOV.UK's pages: `From: <body>` and `Published <date>`
    return found


def _headline(line: str) -> bool:
    return len(line) <= 200 and not line.endswith((".", "!", "?", ":", ";", ","))


def _lines(text: str):
    """(start, end, line without decoration) of each line of the head of `text`."""
    position = 0
    limit = min(len(text), HEAD_CHARS + 500)
    while position < limit:
        stop = text.find("\n", position)
        stop = len(text) if stop < 0 else stop + 1
        yield position, stop, text[position:stop].strip().strip(_DECORATION).strip()
        position = stop


def _kind(line: str, in_contact_block: bool) -> tuple[str, object] | None:
    """What a header line is: (kind, value), or None for a line of text."""
    if len(line) > 200:
        return None
    flat = line.rstrip(" .:")
    date = date_line(line)
    if date:
        return "date", date
    if _UPDATED.fullmatch(flat):
        return "furniture", None
    alone = _LABEL_ALONE.fullmatch(flat)
    if alone:
        return "label", alone["label"].lower()
    issuer = _FROM.fullmatch(line)
    if issuer:
        return "issuer", _first_body(issuer["issuer"])
    if _LABEL.fullmatch(flat):
        label = _LABEL.fullmatch(flat)
        org = label["org"] if label and label["org"] and not re.search(r"\d", label["org"]) else ""
        return ("issuer", org) if org and known_issuer(org) else ("furniture", None)
    if known_issuer(flat):
        return "issuer", flat
    if country_name(flat):
        return "country", country_name(flat)
    if CONTACT.fullmatch(flat):
        return "contact", None
    if REACH.fullmatch(line):
        return "reach", None
    if _BARE_CODE.fullmatch(flat):
        return "code", None
    if in_contact_block and len(line) <= 80:
        return "contact-line", None
    return None


def date_line(line: str) -> tuple[str, str] | None:
    """(`YYYY-MM-DD`, `HH:MM` or "") of a line that is only a full date, maybe labelled (`Published`)."""
    label = _PUBLISHED.match(line)
    match = _DATE_LINE.fullmatch(line[label.end():] if label else line)
    if not match:
        return None
    if match["iso"]:
        year, month, day = (int(part) for part in match["iso"].split("-"))
    elif match["year"]:
        year, month, day = (int(match["year"]), month_number(match["month"] or match["month_after"]),
                            int(match["day"] or match["day_first"]))
    else:
        return None
    try:
        return date(year, month, day).isoformat(), parse_explicit_time(match.group(0))
    except ValueError:
        return None


def _first_body(written: str) -> str:
    """The first body of GOV.UK's `From:` list (`Ministry of Defence and The Rt Hon John Healey MP`)."""
    return re.split(r",\s+(?=[A-Z])(?![^,]*\b(?:Commonwealth|Development)\b)|\s+and\s+(?=The\s+Rt\b|[A-Z][a-z]+ [A-Z])",
                    written.strip(), maxsplit=1)[0].strip(" .")
