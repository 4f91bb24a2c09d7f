"""What a release ends with that is not its text: `###`, `-END-`, `Ends`, `For more information ...`,
contact blocks and social-media lines; and the issuer, place and date some foreign ministries sign
their releases with instead of a dateline:

    ... the two Ministers agreed to meet again in Colombo next year.

    Ministry of Foreign Affairs
    Colombo
    07 October 2025
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.dateline import parse_dateline
from archive.header_lines import (CONTACT, DECORATION, END_MARK, OTHER_CALENDAR, PUBLISHED, REACH, date_line,
                                  PAGE_END, dated_number, is_byline, is_page_credit, line_kind, place_line)
from archive.issuers import known_issuer

#: Lines and characters at the end of a text its footer is looked for in.
FOOT_LINES = 14
FOOT_CHARS = 1500
#: Lines after a footer's first line that may be other than furniture (names in a contact block).
_SHORT_LINE = 80

_SOCIAL = re.compile(r"(?i:(?:follow|connect\s+with|like|find|join|subscribe\s+to)\s+us\b.*|stay\s+connected\b.*"
                     r"|share\s+this\b.*|(?:twitter|facebook|instagram|youtube|linkedin|x)\s*[:|@].*)")


@dataclass
class Footer:
    """What a release's closing lines say; `rest` is the text without them."""

    rest: str
    place: str = ""
    country: str = ""
    date: str = ""
    time: str = ""
    issuer: str = ""
    #: A date the page's foot gives (DVIDS' `Date Taken: 03.14.2012`, NATO's `Last updated: 10 Oct.
    #: 2019 16:44`): the date of a release nothing else dates.
    page_date: str = ""


def read_footer(text: str) -> Footer:
    """Take the furniture and a signature (issuer, place, date) off the end of `text`."""
    page_date = _page_date(text)
    text, kept = _without_page_end(text)
    footer = _read_footer(text)
    footer.page_date = page_date
    if kept:
        # Credits and bylines under the signature stay text (a reporter's name is searched for).
        footer.rest = "\n\n".join(filter(None, (footer.rest.rstrip(), *kept)))
    return footer


def _read_footer(text: str) -> Footer:
    lines = _last_lines(text)
    for number, (start, line) in enumerate(lines):
        if _opens_footer(line) and all(_in_footer(after) for _, after in lines[number + 1:]):
            # A signature may close the furniture (`. . . . .` / `MINISTRY OF FOREIGN AFFAIRS` / ...).
            signed = _signature(text, [(at, after) for at, after in lines[number + 1:] if after])
            rest = text[:start].rstrip()
            if signed.date:
                signed.rest = rest
                return signed
            return _signature(rest, [(at, before) for at, before in lines[:number] if before])
    return _signature(text, [(start, line) for start, line in lines if line])


def _page_date(text: str) -> str:
    """The date of a `Date Taken` line among the last lines, else of a `Last updated` one, else ""."""
    updated = ""
    for _, line in reversed(_last_lines(text)):
        if _DATE_TAKEN.match(line) and (dated := date_line(line[line.index(":") + 1:].strip())):
            return dated[0]
        # A copyright line ending with the date (`© NATO Joint Warfare Centre 2006 — Released 27/10/2006`).
        if (released := _RELEASED_AT_END.search(line)) and (dated := date_line(released[1])):
            updated = updated or dated[0]
        kind = line_kind(line) if line[:4].lower() in ("last", "upda", "modi") else None
        if kind and kind[0] == "updated" and kind[1]:
            updated = updated or kind[1][0]
    return updated


_DATE_TAKEN = re.compile(r"(?i:date\s+taken)\s*:")
_RELEASED_AT_END = re.compile(r"(?i:released|published|posted)(?:\s+on)?\s*:?\s*(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4})\s*$")


def _without_page_end(text: str) -> tuple[str, list[str]]:
    """`text` without the share links, credits and bylines a copied page ends with, and those
    credits and bylines (the share links are dropped)."""
    end = len(text.rstrip())
    kept: list[str] = []
    for _ in range(FOOT_LINES):
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip().strip(DECORATION).strip()
        if not line or not (PAGE_END.fullmatch(line) or is_page_credit(line) or is_byline(line)):
            break
        if not PAGE_END.fullmatch(line):
            kept.insert(0, text[start:end].strip())
        end = start
        while end and text[end - 1].isspace():
            end -= 1
    return (text[:end], kept) if end < len(text.rstrip()) else (text, [])


def _last_lines(text: str) -> list[tuple[int, str]]:
    """(start, stripped line) of the last lines of `text`."""
    found: list[tuple[int, str]] = []
    end = len(text)
    while end > 0 and len(found) < FOOT_LINES and len(text) - end < FOOT_CHARS:
        start = text.rfind("\n", 0, end - 1) + 1
        found.append((start, text[start:end].strip().strip(DECORATION).strip() or text[start:end].strip()))
        end = start
    return found[::-1]


# What a footer opens with, in one pattern: it is tried on every one of a text's last lines.
_OPENING = re.compile(f"(?:{END_MARK.pattern})|(?:{_SOCIAL.pattern})|(?:{CONTACT.pattern})")


def _opens_footer(line: str) -> bool:
    return len(line) <= 300 and _OPENING.fullmatch(line) is not None


def _in_footer(line: str) -> bool:
    """A line a footer may go on with: more furniture, or a short one of names (a contact's)."""
    return not line or bool(_opens_footer(line) or REACH.fullmatch(line)) or (
        len(line) <= _SHORT_LINE and not line.endswith((".", ",", ";")) and _mostly_capitalised(line))


def _mostly_capitalised(line: str) -> bool:
    words = [word for word in line.split() if word[:1].isalpha()]
    return not words or sum(word[:1].isupper() for word in words) >= 0.6 * len(words)


def _signature(text: str, lines: list[tuple[int, str]]) -> Footer:
    """The issuer, place and date a text is signed with on its last lines (in any order:
    `Ministry of Foreign Affairs` / `Colombo` / `07 October 2025`, `21 March 2019` / `Male', Maldives`),
    taken off it; a labelled date alone (`Published on 03 Dec 2016`) counts too."""
    found = Footer(rest=text)
    start = len(text)
    labelled = after_contact = signer = False
    for at, line in reversed(lines[-4:]):
        # A sentence ends the signature (`Washington D.C.` is none).
        if len(line) > _SHORT_LINE or (line.endswith(".") and len(line.split()) > 3):
            break
        if numbered := dated_number(line):
            # Russia's number under the signature, dated (it looks like a phone number).
            found.date, labelled, start = found.date or numbered, True, at
            continue
        if REACH.fullmatch(line):
            # A date under a contact block (`E-mail: ...` / `16 August 2010`) is the release's.
            after_contact = True
            break
        if is_byline(line) and found.date:
            continue  # `Story by ... Public Affairs Office` above `Released: 19 May 2021`
        dated = date_line(line) if any(ch.isdigit() for ch in line) else None
        place = place_line(line) if not dated else None
        if dated and not found.date:
            found.date, found.time = dated
            labelled = labelled or bool(PUBLISHED.match(line) or _ZONED_CLOCK.search(line))
        elif place and not found.place:
            found.place, found.country = place
        elif not dated and not place and known_issuer(line) and not found.issuer:
            found.issuer = line
        elif not dated and not place and found.date and (_SIGNER.search(line) or _NAME_IN_CAPITALS.fullmatch(line)):
            signer = True  # who signs above the date: `AUWAL S. BELLO` / `Director Army Public Relations`
        elif _OTHER_CALENDAR.fullmatch(line) or _MYANMAR_CALENDAR.fullmatch(line):
            pass  # `14 Rajab 1440`, `3rd Waxing of Tabaung, 1380 ME` beside the Gregorian date
        elif (filed := _AP_TRAILER.fullmatch(line)) and not found.date:
            # AP's filing line (`AP-NY-05-12-08 0614EDT`): month, day and year of filing.
            month, day, year = int(filed["month"]), int(filed["day"]), 2000 + int(filed["year"])
            if 1 <= month <= 12 and 1 <= day <= 31:
                found.date, labelled = f"{year:04d}-{month:02d}-{day:02d}", True
        elif (other := _PLACE_OTHER_CALENDAR.fullmatch(line)) and not date_line(other["date"]) and (
                place := place_line(other["place"])):
            if not found.place:
                found.place, found.country = place  # `Dhaka, 13 Poush 1428` above `28 December 2021`
        elif not dated:
            dateline = parse_dateline(line) if any(ch.isdigit() for ch in line) else None
            if not (dateline and dateline.location and dateline.year and not dateline.rest.strip()):
                break
            # `Colombo, 07 October 2025` as a line of its own (above a number with the same date).
            signed_on = f"{dateline.year:04d}-{dateline.month:02d}-{dateline.day:02d}"
            if found.date and found.date != signed_on:
                break
            found.place, found.country, found.date = dateline.location, dateline.country, signed_on
        else:
            break
        start = at
    signed = (found.date and (found.place or found.issuer or labelled or after_contact or signer)) or (
        found.place and found.issuer)
    if not signed:
        return Footer(rest=text)
    found.rest = text[:start].rstrip()
    return found


_OTHER_CALENDAR = re.compile(OTHER_CALENDAR)
# A signatory's office or rank (`Director Army Public Relations`, `Brigadier General`, `Spokesperson`).
_SIGNER = re.compile(r"^(?:[\w.'\-]+\s+){0,5}(?i:director|spokes(?:person|man|woman)|secretary|officer|general"
                     r"|colonel|brigadier|commander|minister|ambassador|counsellor|press\s+attach[eé]"
                     r"|public\s+relations|public\s+affairs)\b[^.]{0,60}$")
_NAME_IN_CAPITALS = re.compile(r"[A-Z][A-Z'\-]*\.?(?:\s+[A-Z][A-Z'\-]*\.?){1,3}")
_MYANMAR_CALENDAR = re.compile(r"(?i:\d{1,2}(?:st|nd|rd|th)?\s+(?:waxing|waning)\s+(?:day\s+)?of\s+\w+"
                               r"|full\s+moon\s+(?:day\s+)?of\s+\w+),?\s+\d{4}\s+ME")
# A filing stamp's time and zone (Reuters' `Mon Sep 14, 2015 10:31am EDT`): the date is the release's.
_ZONED_CLOCK = re.compile(r"\d{1,2}:\d\d\s*(?:[AaPp]\.?[Mm]\.?)?\s+(?:[A-Z]{1,4}[SD]?T|GMT|UTC)$")
_AP_TRAILER = re.compile(r"AP-[A-Z]{2}-(?P<month>\d\d)-(?P<day>\d\d)-(?P<year>\d\d)\s+\d{4}[A-Z]{3}")
_PLACE_OTHER_CALENDAR = re.compile(rf"(?P<place>[^,\d]{{2,40}}),\s*(?P<date>{OTHER_CALENDAR})")
