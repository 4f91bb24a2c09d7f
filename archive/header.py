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
from dataclasses import dataclass, field, replace
from datetime import date

from archive.dateline import DATE, Dateline, parse_dateline
from archive.places import conventional_place, country_name, is_large_city, region_country
from archive.header_lines import (BREADCRUMBS_START, CAPTURES, DECORATION, END_MARK, FROM, PAGE_END, PUBLISHED, SLOGAN,
                                  WEB_ARCHIVE, date_line, first_body, headline, is_headline, line_kinds,
                                  place_line)
from archive.letterheads import (LETTERHEAD_GOES_ON, SMALL_WORDS, capitalised, letterhead, letterhead_country,
                                 organ_country)

#: Lines (not counting blank ones) and characters of a text its header is looked for in: a copied
#: page's cookie banner, site name, breadcrumbs and labels come before its headline.
HEAD_LINES = 32
HEAD_CHARS = 3000
#: Lines of a header that are neither furniture nor dateline: a headline and a summary or two.
HEAD_CONTENT_LINES = 4
HEAD_CONTENT_CHARS = 400

_BULLETS = "\u2022\u25aa\u2013-*\u00b7"
_GOVERNMENT = re.compile(r"^(?:The\s+)?(?:\S+\s+)?Government\b|\bGovernment\s+of\b"
                         r"|^(?:\S+\s+){0,2}(?:Republic|Kingdom)\s+of\b")
# A speaker's title on the line under their name.
_SPEAKER = re.compile(r"(?i:spokesperson|spokesman|spokeswoman|secretary|minister|ambassador)")
#: The longest line of a signature under the text, and the most a signature and share links may take.
_SIGNATURE_LINE = 60
_SIGNATURE_CHARS = 600
_DATED_CODE = re.compile(r"(?<![\w-])((?:19|20)\d\d)-(0[1-9]|1[0-2])-[A-Z]{1,4}-\d{1,4}\b")
# A page's address copied above it, filed by date (`https://news.navy.lk/eventnews/2018/07/23/2018...`).
_DATED_PATH = re.compile(r"(?i:https?://)\S*?/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?:/|$)")


def _path_date(found: re.Match) -> tuple[str, str] | None:
    try:
        return date(int(found[1]), int(found[2]), int(found[3])).isoformat(), ""
    except ValueError:
        return None


# `EMBARGOED UNTIL 00:01 HRS WEDNESDAY 5 MARCH 2008`, `Embargo: 10:00 BST, 4 June 2019`.
_EMBARGO = re.compile(r"(?i:embargo(?:ed)?\b)")
_DAY_IN_LINE = re.compile(DATE)
#: What sets fields apart on a line.
_FIELD_GAP = re.compile(r"\s{3,}")
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
    #: The header's lines of text in their order, the headline among them: all but the headline go
    #: before the rest (a summary); for a release whose metadata gives another title, all do.
    lines: list[str] = field(default_factory=list)
    #: A place line of its own (`Washington, DC`), and its country in `country`.
    place: str = ""
    #: Whether the text has a header at all.
    found: bool = False
    #: A news service the header names on a line of its own (`UN News Centre`).
    agency: str = ""
    #: The country whose government's site the page is (`GOV.WALES`, `Beehive.govt.nz`).
    government: str = ""
    #: `YYYY-MM-01` of a release number that opens with its year and month (ISAF's `2010-09-CA-014`):
    #: the year of a dateline that gives none.
    numbered: str = ""
    #: The dateline `rest` opens with, when the header read it whole.
    dateline: Dateline | None = None
    rest: str = ""


def read_header(text: str) -> Header:
    """Split the header off the start of `text` (a Header with only `rest` when it has none)."""
    return _Scan(text).header()


_CLOCK = re.compile(r"\d:\d\d")
_SENT = re.compile(r"\s*(?i:sent)\s*:")
_STOPPED_HEADLINE = re.compile(r"[A-Z][^.!?:;\n]{10,150}[^.\s]\.")


def _wrapped_above(line: str) -> bool:
    """Whether a headline-like line ends on a small word, going on on the next line (`10:42 AM ET` does not)."""
    return line.rsplit(" ", 1)[-1].lower() in SMALL_WORDS and is_headline(line) and not _CLOCK.search(line)


def _country_after(dateline: Dateline) -> bool:
    """Whether a dateline with no date goes on, on its line, with its own country's name alone."""
    rest = dateline.rest.split("\n", 1)[0].strip(" .")
    return bool(rest) and bool(dateline.country) and country_name(rest) == dateline.country


class _Scan:
    """One pass over the opening lines of a text, line by line, until its dateline or its text."""

    def __init__(self, text: str):
        self.text = text
        self.found = Header(rest=text)
        self.before: list[str] = []  # lines of text before the last furniture: the headline, a summary
        self.since: list[tuple[str, int]] = []  # lines of text since the last furniture, and where each ends
        self.end = 0  # where the header ends so far
        self.strong = self.contact_block = self.from_line = self.published = self.at_dateline = False
        self.breadcrumbs = False  # in a page's breadcrumbs, a line each, until a blank line
        self.updated: tuple[str, str] | None = None  # when the page says it last changed
        self.embargo: tuple[str, str] | None = None  # when the release may be published
        self.addressed: tuple[str, str] | None = None  # the date in the page's address (`.../2018/07/23/...`)
        self.sent: tuple[str, str] | None = None  # an e-mail's `Sent:` date
        self.label = ""  # what the line before announced (`From:`, `Published`, `Last updated`, a byline)
        self.fallback: tuple | None = None  # where the header ends if the scan runs into the text's end
        self.whole: Dateline | None = None  # the dateline read from the start of the whole text

    def header(self) -> Header:
        """Scan the opening lines and say what the header is."""
        lines = 0
        for start, stop, line in _lines(self.text):
            lines += bool(line)
            if lines > HEAD_LINES or start > HEAD_CHARS or not self._line(start, stop, line):
                break
        return self._result()

    def _line(self, start: int, stop: int, line: str) -> bool:
        """Take in one line; False when the header is over."""
        if not line:
            self.contact_block = self.breadcrumbs = False
            self.label = "" if self.label == "continued" else self.label
            return True
        if BREADCRUMBS_START.fullmatch(line) or self.breadcrumbs and len(line) <= 60:
            self._furniture([("breadcrumbs", None)], line, stop)
            self.breadcrumbs = True
            return True
        if self.label == "continued" and capitalised(line) and len(line.split()) <= 4 and line[-1:] not in ".:":
            # A letterhead set on lines of its own (`COUNCIL OF` / `THE EUROPEAN UNION`, `Department for` /
            # `International` / `Development`): one name.
            self.end = stop
            self.label = "continued" if len(line.split()) <= 2 and not line.isupper() else ""
            self.found.issuer = f"{self.found.issuer} {_FIELD_GAP.split(line)[0]}"
            return True
        self.label = "" if self.label == "continued" else self.label
        if self.label == "archived":
            # Under a web archive's bar, its captures' dates (`3 Feb 2021`, `14 captures`) are the archive's.
            if date_line(line) or CAPTURES.fullmatch(line):
                self.end = stop
                return True
            self.label = ""
        if self.label in ("updated", "posted"):
            # The value of `Last updated` on a line of its own: when it changed, not when it was issued;
            # of `Posted` alone, when a site reposted it (ReliefWeb's, above `Originally published`).
            self.label, self.end = "", stop
            self.updated = self.updated or date_line(line)
            return True
        # The first line is read whole (most texts open with their dateline): build_release keeps it.
        dateline = parse_dateline(self.text[start:start + _DATELINE_CHARS]) if start else parse_dateline(self.text)
        self.whole = self.whole or (dateline if not start else None)
        # A date line alone (`14/02/2019 - 10:32 | Updated ...`) is read as a line of the header.
        if dateline.location and not dateline.month and not dateline.agency and _country_after(dateline):
            # An address's last line (`THIMPHU : BHUTAN`): the place of the header, not its dateline.
            self._furniture([("place", (dateline.location, dateline.country))], line, stop)
            return True
        if dateline.location or dateline.agency or dateline.year and not self._date_line(line):
            self._at(start)
            return False
        if END_MARK.fullmatch(line):
            return False
        kinds = [("issuer", first_body(line))] if self.label == "from" else \
            _located(line) if self.label in ("location", "venue") else \
            line_kinds(line, self.contact_block, narrow=self._near_top())
        if kinds is None and self.label == "byline" and len(line.split()) <= 10 and capitalised(line):
            kinds = [("furniture", None)]  # the unit under a byline (`Task Force Duke Public Affairs`)
        self.label = ""
        if kinds is None and letterhead(line) and not self.found.issuer and not self.before and not self.since:
            # A letterhead above everything is the issuer (`U.S. Department of Commerce`); a government's
            # (`Australian Government`, `Government of Nepal`) says whose the issuer under it is.
            self.found.country = self.found.country or letterhead_country(line)
            if not _GOVERNMENT.search(line):
                self.found.issuer = line
                if line.rsplit(" ", 1)[-1].upper() in LETTERHEAD_GOES_ON:
                    self.label = "continued"
            kinds = [("furniture", None)]
        if kinds is None and not self.before and not self.since and SLOGAN.fullmatch(line):
            kinds = [("furniture", None)]  # a motto under the letterhead (UNDP's `Empowered lives.`)
        if kinds is None and not self.before and not self.since and capitalised(line) and (
                country := organ_country(line)):
            # A state organ's letterhead (`MINDEF Singapore`, `NIGERIAN ARMY`): whose release it is.
            self.found.government = self.found.government or country
            kinds = [("furniture", None)]
        if kinds is None:
            return self._text(line, stop)
        self._furniture(kinds, line, stop)
        return True

    def _near_top(self) -> bool:
        """Whether at most one line of text, and no sentence, came before (a page's bars are there)."""
        seen = [*self.before, *(line for line, _ in self.since)]
        return len(seen) <= 1 and not any(line.endswith((".", ":", "--")) for line in seen)

    def _date_line(self, line: str) -> bool:
        """Whether a line is a date line of the header (`03.10.2018 - Press release`), not a dateline."""
        return any(kind == "date" for kind, _ in line_kinds(line, self.contact_block) or ())

    def _at(self, start: int) -> None:
        """A dateline: the header ends before it, if the lines of text above it are its headline."""
        above = [*self.before[:1], *(line for line, _ in self.since)]
        if all(headline(line) or line[:1] in _BULLETS for line in above):
            self.end, self.strong, self.at_dateline = start, True, True
            self.before += [line for line, _ in self.since]
            self.since = []

    def _text(self, line: str, stop: int) -> bool:
        """A line of text: the header may go on after a few (a headline, a summary)."""
        # Letterheads (`USAID Press Office`) and bullets of highlights do not count as text lines.
        counted = sum(not letterhead(text_line) and text_line[:1] not in _BULLETS
                      for text_line in [*self.before, *(text_line for text_line, _ in self.since)])
        if len(line) > HEAD_CONTENT_CHARS or counted == HEAD_CONTENT_LINES:
            return False
        if self.strong and self.fallback is None and not headline(line):
            # Where the header ends if what follows turns out to be the text and its signature.
            self.fallback = (replace(self.found), self.end, list(self.before), [*self.since, (line, stop)],
                             self.from_line, self.published)
        self.since.append((line, stop))
        return True

    def _furniture(self, kinds: list[tuple[str, object]], line: str, stop: int) -> None:
        """A line of furniture: what it says is kept, and the header reaches past it."""
        found = self.found
        if self.since and kinds[0][0] == "issuer" and _SPEAKER.search(line) and len(self.since[-1][0].split()) <= 4:
            self.since.pop()  # who speaks, above their title (`Jennifer L. Whitcombe` / `Department Spokesperson`)
        if kinds[0][0] == "breadcrumbs" and not self.breadcrumbs:
            # A page's breadcrumbs start its content: lines above them are the site's (its menus).
            self.since, self.before = [], [line for line in self.before if letterhead(line)]
        for what, value in kinds:
            if what == "byline":
                self.label = "byline"
            if what == "label":
                # GOV.UK pages as text: `From:` and `Published` on lines of their own, their values after.
                self.label = value
                self.from_line = self.from_line or value == "from"
                self.published = self.published or value == "published"
            self.contact_block = what == "contact" or (self.contact_block and what in ("reach", "contact-line"))
            if what == "date" and _SENT.match(line):
                # When an e-mail carrying the release went out: its date unless the release gives its own.
                self.sent = self.sent or value
            elif what == "date" and not found.date:
                found.date, found.time = value
                self.published = self.published or bool(PUBLISHED.match(line))
            elif what == "issuer" and value:
                # GOV.UK's `From:` line says whose page it is, even under the department's name.
                # (an e-mail's `From:` names a sender at an address, not a page's department)
                self.from_line = self.from_line or bool(FROM.match(line)) and "@" not in line
                if not found.issuer:
                    found.issuer, found.country = (value, found.country) if isinstance(value, str) else \
                        (value[0], found.country or value[1])
            elif what == "headline" and not found.title:
                found.title = value
            elif what == "country" and not found.country:
                found.country = value
            elif what == "updated":
                self.updated = self.updated or value
            elif what == "government" and not found.government:
                found.government = value
            elif what == "agency" and not found.agency:
                found.agency = value
            elif what == "place" and not found.place:
                found.place, found.country = value[0], found.country or value[1]
            # A reference, a phone number or a place alone does not make a header (tables look so).
            self.strong = self.strong or what not in ("code", "reach", "contact-line", "country", "place", "agency",
                                                      "government")
        if WEB_ARCHIVE.search(line):
            self.label = "archived"
        if not self.embargo and _EMBARGO.match(line) and (day := _DAY_IN_LINE.search(line)):
            self.embargo = date_line(day[0])
        if not self.addressed and (path := _DATED_PATH.search(line)):
            self.addressed = _path_date(path)
        if not found.numbered and (number := _DATED_CODE.search(line)):
            found.numbered = f"{number[1]}-{number[2]}-01"
        self.end = stop
        self.before += [text_line for text_line, _ in self.since]
        self.since = []

    def _result(self) -> Header:
        """The header found, its headline chosen; no header when what was found is none."""
        text = self.text
        # Share links after it are no text (`Share on Facebook  Twitter  Print`), nor short lines alone: a
        # signature (`Nay Pyi Taw` / `3rd Waxing of Tabaung, 1380 ME` / `9 March 2019`).
        after = text[self.end:self.end + _SIGNATURE_CHARS + 1]
        nothing_after = len(after) <= _SIGNATURE_CHARS and all(
            not line.strip() or PAGE_END.fullmatch(line.strip()) or _signature_line(line)
            for line in after.splitlines())
        if (nothing_after or (self.before and not headline(self.before[0]))) and self.fallback:
            self.found, self.end, self.before, self.since, self.from_line, self.published = self.fallback
            self.at_dateline = False
        found, before, end = self.found, self.before, self.end
        if len(before) == 1 and _STOPPED_HEADLINE.fullmatch(before[0]):
            # A wire's headline as news databases give it, with a full stop (`Sri Lanka tea exports up
            # 14 pct.`), above their fields.
            before = self.before = [before[0][:-1]]
        if not self.strong or not text[end:].strip() or (before and not headline(before[0])) or (
                self.at_dateline and not end):
            return Header(rest=text, dateline=self.whole)
        # Headlines under the header (`Readout` / ... / `October 7, 2025` / `Bombing in Quetta`), when text follows.
        under = []
        for line, stop in self.since:
            following = text[stop:].lstrip()
            # A line of a hard-wrapped paragraph goes on in lower case or stops on a small word.
            if not headline(line) or not following or following[:1].islower() or \
                    line.rsplit(" ", 1)[-1] in SMALL_WORDS:
                break
            under.append((line, stop))
        # The last headline-like line of the header (site names and letterheads come first), else the first
        # under it (sections and subheads come after).
        title = found.title or next((line for line in reversed(before) if is_headline(line)), "") or next(
            (line for line, _ in under if is_headline(line)), "")
        at = before.index(title) if title in before else 0
        if at and _wrapped_above(before[at - 1]):
            # A headline wrapped onto a second line (`... LEADERS ON` / `INTERNATIONAL WOMEN'S DAY`).
            title = f"{before[at - 1]} {title}"
            before = [*before[:at - 1], title, *before[at + 1:]]
        if title and any(title == line for line, _ in under):
            # Lines above it under the header are a letterhead or labels (`Security Council` / `6906th Meeting`).
            end = next(stop for line, stop in under if line == title)
        found.title = title
        if not found.date and (self.sent or self.embargo or self.updated or self.addressed):
            # An e-mailed release is dated when it was sent; a release dated only by its embargo is
            # published when it lifts; a page that says only when it last changed, then; else the
            # date its address was filed under.
            found.date, found.time = self.sent or self.embargo or self.updated or self.addressed
        # Lines of the header that are no letterhead are text: the headline and a summary.
        found.lines = [line for line in before if not letterhead(line)]
        found.rest = text[end:]
        found.found = True
        if self.from_line and self.published and not found.country:
            found.country = "United Kingdom"  # GOV.UK's pages: `From: <body>` and `Published <date>`
        return found


def _located(line: str) -> list[tuple[str, object]]:
    """The value of a `Location:` label: a place, a building and its city (`Royal United Services
    Institute, London`), or a place the gazetteer lacks and its county (`Carbis Bay, Cornwall`)."""
    first, _, last = line.partition(",")
    place = place_line(first) and place_line(line)
    if place is None and last and (len(first.split()) >= 3 or is_large_city(last.strip())):
        place = place_line(last.strip())
    if place is None and capitalised(first) and 0 < len(first.split()) <= 3 and not any(ch.isdigit() for ch in line):
        place = (conventional_place(first.strip()), region_country(last.strip()) if last else "")
    return [("place", place)] if place else [("furniture", None)]


def _signature_line(line: str) -> bool:
    """A short line that is no sentence: a signature's place, date or office."""
    line = line.strip()
    return len(line) <= _SIGNATURE_LINE and not line.endswith((".", "!", "?", '"', "\u201d", ":"))


def _lines(text: str):
    """(start, end, line without decoration) of each line of the head of `text`."""
    position = 0
    limit = min(len(text), HEAD_CHARS + 500)
    while position < limit:
        stop = text.find("\n", position)
        stop = len(text) if stop < 0 else stop + 1
        yield position, stop, text[position:stop].strip().strip(DECORATION).strip()
        position = stop


