"""Lines of a release's header and footer, one at a time: what each is (a label, a release number,
a date line, an issuer, a byline, a contact, a place, a letterhead, a headline or text)."""

from __future__ import annotations

import re
from datetime import date

from archive.dateline import DASH, DATE, canonical_agency, date_parts, is_agency, parse_dateline
from archive.dates import MONTH_PATTERN, month_number, parse_explicit_time
from archive.issuers import known_issuer
from archive.letterheads import MAIL_ADDRESS, capitalised, letterhead, official_site_country, site_country
from archive.places import city_named, conventional_place, country_name, region_country

_KINDS = (r"(?:joint\s+)?(?:press|news|media)\s+(?:release|statement|note|advisory|briefing|notice|communiqu[eé])s?"
          r"|readout|statement|remarks|fact\s*sheet|speech|news\s+stor(?:y|ies)|news|press|announcement|transcript"
          r"|briefing\s+room|statements\s+(?:and|&)\s+releases"
          r"|(?:press\s+)?communiqu[eé]|notice|update|op-ed|interview|correction|(?:courtesy\s+)?story|release"
          # `United Nations - Meetings Coverage and Press Releases`, `European Commission - Daily News`
          r"|[\w ]{0,40}\b(?:press\s+releases|daily\s+news|news\s+releases|media\s+centre|newsroom)")
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
    # `Story Number: NNS130125-11`, `News ID: 101877`, `UNIQUE ID: 240305_11`
    rf"|(?i:[a-z ]{{0,25}}?\b(?:number|no\.?|id))\s*[:#]\s*{_CODE}"
)
# A bare reference (`SG/SM/14789`, `2013-01-S-025`): furniture in a header, no header on its own.
_BARE_CODE = re.compile(r"(?=[^a-z]*\d)(?=.*[/\-])[A-Z0-9][A-Z0-9/().\-]*(?: [A-Z0-9/().\-]+){0,2}")
# The Council of the EU's: the language (`EN`, `(OR. en)`) and press numbers (`PRESSE 58`, `PR CO 51`).
# Factiva's source codes (`AFPR`) too.
_DOCUMENT_CODE = re.compile(r"[A-Z]{2,6}|\((?i:or)\.\s*[a-z]{2}\)|(?:[A-Z]{2,6}\s+){1,2}\d{1,5}")
# `Contact: Jane Roe`, `Media contacts`, `For more information, contact ...`: a label, not a sentence.
CONTACT = re.compile(r"(?i:(?:(?:news\s+)?media|press|news|public(?:\s+affairs)?)\s+"
                     r"(?:contacts?|enquiries|inquiries|office)"
                     r"|contact(?:s|\s+information|\s+details)?"
                     r"|enquiries|inquiries|for\s+(?:more|further)\s+information)\b\s*(?::.*|,\s*(?:please\s+)?"
                     r"(?:contact|visit|call|e-?mail|write)\b.*)?")
REACH = re.compile(
    r"(?i:(?:tel|telephone|phone|ph|fax|mobile|cell|e-?mail|web(?:site)?|on\s+the\s+web|twitter|x|facebook|instagram)"
    r"\.?\s*[:.]\s*\S.*)"
    # an office and its number (`USAID Press Office: 202-712-4320`)
    r"|[^\W\d_][\w .'&\u2019]{1,40}:\s*[+(]?\d[\d\s().\-/]{6,}\d"
    r"|\S+@\S+\.\w+|(?:https?://|www\.)\S+|[+(]?\d[\d\s().\-/]{6,}\d"
)
PUBLISHED = re.compile(r"(?i:(?:history\s*:\s*)?(?:first\s+|originally\s+)?published(?:\s+on)?|publish(?:ed)?\s+date"
                       # an e-mailed release's `Sent: Wednesday, January 7, 2026 6:41 PM`
                       r"|sent"
                       r"|publication\s+date"
                       r"|issued(?:\s+on)?|(?:release\s+)?dated?"
                       r"|released?(?:\s+on)?|posted(?:\s+on)?|delivered(?:\s+on)?)\s*:?\s*")
#: A letterhead's motto (UNDP's `Empowered lives.` / `Resilient nations.`), above everything else.
SLOGAN = re.compile(r"[A-Z][a-z'\u2019\-]+(?: [a-z'\u2019\-]+){1,2}\.")
_SERVICE_SUFFIX = re.compile(r" (?:Centre|Center|Newswires?|News ?Wire)$")
# When a page last changed (`Last updated: 14 Apr. 2011 17:48`, `Modified 3 hours ago`).
_UPDATED = re.compile(r"(?i:(?:last\s+)?(?:updated|modified))\b(?:\s+(?i:on|at))?\s*:?\s*(?P<value>.*)")
# A page's breadcrumbs of any length (`Home » Under Secretary for ... » Press Releases » 2016 » June`).
_BREADCRUMB_TRAIL = re.compile(r"(?i:home)\s*[>\u203a\u00bb|/]\s*\S.*")
_GLUED_CLOCK = re.compile(r"(?<=\b(?:19|20)\d\d)(?=\d{1,2}:\d\d)")
_GLUED_UPDATED = re.compile(r"(?<=[A-Za-z0-9])(?=(?:Updated|Modified)\b)")
# A site's menu copied as one line, its items set apart by two spaces or more (`News  Sports  Business
# Opinion`, `TÜRKİYE  POLITICS  WORLD  ECONOMY`).
_MENU_ITEM = r"[^\W\d_][\w&'\u2019\-]*(?: [\w&'\u2019\-]+)?"
_MENU = re.compile(rf"{_MENU_ITEM}(?:\s{{2,}}{_MENU_ITEM}){{3,}}")
# A page's label and the date (`PRESS RELEASES, 16-08-2010`, `News Stories, 3 April 2009`).
_LABEL_DATE = re.compile(r"(?i:(?:news|press|media)(?:\s+(?:stories|releases?|briefings?|notes|statements?))?"
                         r"|stories|statements?|briefing\s+notes)\s*[,:]?\s+(?P<date>.+)")
# A news database's dateline field (`DATELINE: Tegucigalpa, March 3 2012`, `DATELINE: BISMARCK, N.D.`).
_DATELINE_FIELD = re.compile(r"(?i:dateline)\s*:\s*(?P<value>.{2,80})")
_AGENCY_THEN_DATE = re.compile(r"(?P<agency>[A-Za-z]{2,10})\s+(?=(?i:published|posted|updated)\b)")
# Two-digit years in figures (`Release Date: 09/28/20`): day first unless it cannot be.
_SHORT_YEAR = re.compile(r"(\d{1,2})([/.\-])(\d{1,2})\2(\d{2})")
# The old MoD site's `9 Jul 08`: a day, a month's name and a two-digit year.
_SHORT_YEAR_NAMED = re.compile(rf"(\d{{1,2}})\s+({MONTH_PATTERN})\.?\s+(\d{{2}})", re.IGNORECASE)
_CLOCK = (r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?P<meridiem>[ap]\.?\s*m\.?)?"
          r"(?:\s*\[?[A-Z]{2,5}(?:[+\-]\d{1,2}(?::\d\d)?)?\]?(?!\w)|\s+[+\-]\d{4}(?:\s+\([A-Z]{2,5}\))?(?!\w))?")
_CLOCK_ALONE = re.compile(r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s*m\.?)?(?:\s*[A-Z]{2,5})?", re.IGNORECASE)
_TIME = rf"(?:\s*(?:[|,@\-\u2013\u2014]|at)?\s*{_CLOCK})?"
# A date line may give the time first (`6:41 AM EDT, October 7, 2025`) and say when it was updated or
# what it is about after (`Updated 3 hours ago`, UN News's `7 October 2025 Humanitarian Aid`).
_DATE_LINE = re.compile(
    rf"(?:(?P<clock_first>{_CLOCK.replace('meridiem', 'meridiem_first')})\s*,?\s*)?"
    rf"\[?(?:{DATE}|(?P<iso>\d{{4}}(?P<iso_separator>[-/.])\d\d(?P=iso_separator)\d\d))\]?"
    # Nexis' `November 18, 2019 Monday 7:44 PM GMT`: the weekday after the date.
    r"(?:,?\s+(?i:mon|tues|wednes|thurs|fri|satur|sun)day)?"
    # Nexis' AP cycles (`September 14, 2003, Sunday, BC cycle`)
    r"(?:,?\s+(?i:[ap]m|bc)\s+cycle)?"
    rf"{_TIME}"
    r"(?:\s*(?:[|/(\-\u2013\u2014]\s*)?(?i:(?:last\s+)?(?:updated?|modified))\b.*|\s*\([^()]{1,80}\)"
    r"|\s+(?-i:[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}))?",
    re.IGNORECASE)
# Who speaks or signs (`MATTHEW MILLER, DEPARTMENT SPOKESPERSON`, `The Hon Penny Wong MP`, `By Jane Roe`).
_BYLINE = re.compile(
    r"(?i:by|story\s+by|photo\s+by|written\s+by)\s+[A-Z][^\n]{2,118}(?<![.!?,])|(?i:courtesy\s+story)"
    # Navy News' `From Mass Communication Specialist 2nd Class Tara Benning, Navy Public Affairs ...`
    r"|(?i:from)\s+[A-Z][^\n,]{2,60},[^\n]{2,80}(?<![.!?,])"
    r"|(?:Senator\s+)?(?i:the\s+)?(?:Rt\.?\s+)?Hon(?:ourable|\.)?\s+[A-Z][\w.'\u2019\- ]{2,60}?"
    r"(?:\s+(?:MP|PC|KC|Senator))?"
    r"|[A-Z][\w.'\u2019\-]*(?:\s+[A-Z][\w.'\u2019\-]*){1,3},\s*(?i:[\w ]{0,40}?\b(?:spokesperson|spokesman|spokeswoman"
    r"|press\s+secretary|secretary|minister|ambassador|director|commander)\b[\w ,]{0,40})")
# The end of a release's text: `###`, `-END-`, `- 30 -`, `. . . . .`, `- more -`.
END_MARK = re.compile(r"#{3,}|\*{3,}|(?:\.\s*){3,}|-*\s*(?i:end|ends|30|xxx)\s*-*|(?i:end\s+of\s+(?:press\s+)?release)"
                      r"|-+\s*(?i:more)\s*-+|\((?i:more)\)")
#: A web archive's bar (`INTERNET ARCHIVE Wayback Machine`), and its captures under it (`14 captures`,
#: `04 Mar 2017 - 22 Sep 2019`): the archive's, not the release's (in a case-insensitive group).
WEB_ARCHIVE = re.compile(r"(?i:internet\s+archive\b|wayback\s+machine\b)")
CAPTURES = re.compile(r"(?i:[\d,]+\s+captures?\b.{0,80}|\d{1,2}\s+[a-z]{3}\s+\d{4}\s+-\s+\d{1,2}\s+[a-z]{3}\s+\d{4})")
# A web page's furniture: `Reading time: 2 min`, `3 MIN READ`, `Other available languages: FR DE`.
_PAGE = re.compile(r"(?i:reading\s+time\b.*|\d+\s+min(?:ute)?s?(?:\s+read)?|(?:other\s+)?available\s+languages\b.*"
                   r"|subscribe(?:\s+\d+)?|share(?:\s+this(?:\s+page)?)?|download\s+pdf"
                   r"|print(?:\s+this\s+page|er[-\s]friendly(?:\s+version)?|\s+version)?"
                   r"|listen\s+to\s+this(?:\s+article)?|skip\s+to\s+(?:main\s+)?content|staff\s+reporter|gov\.uk"
                   # Factiva's fields: `411 words`, `English`, `(c) 2009. The Associated Press. ...`
                   r"|[\d,]+\s+words|english|\(c\)\s*(?:\d{4}\b)?.{0,120})"
                   # breadcrumbs: `Home > International > Foreign affairs`
                   r"|[^<>\n]{1,40}(?:\s*[>\u203a\u00bb]\s*[^<>\n]{1,40}){1,5}|(?i:home)(?:\s*[|/\u2022]|\s{2,}).{1,80}"
                   r"|(?i:contact\s+us\s*[|\u2022]).{1,80}"
                   # cookie notices; an archived site's banner (`This is historical material "frozen in time"`)
                   r"|.{0,60}\b(?i:cookies?)\b.{0,160}|(?i:this\s+is\s+historical\s+material\b.{0,200}"
                   r"|.{0,100}\b(?:website|site|page)\s+is\s+no\s+longer\s+(?:being\s+)?updated\b.{0,160}"
                   # a site's name with its section (`RAPID - Press Releases - EUROPA`)
                   r"|[^\n]{1,40}\s[-|]\s(?i:press\s+releases|news\s+releases|newsroom|media\s+cent(?:re|er))"
                   r"\s[-|]\s[^\n]{1,40}"
                   # GovDelivery's banner (`You are subscribed to Press Releases for ...`)
                   r"|you\s+are\s+subscribed\s+to\b.{0,300}"
                   # the Wayback Machine's bar (`INTERNET ARCHIVE Wayback Machine`, `14 captures`, its span)
                   rf"|{WEB_ARCHIVE.pattern}.{{0,60}}|{CAPTURES.pattern})"
                   # a gallery's navigation (`Image 1 of 2 [ previous | next ]`), a site's sign-in
                   r"|(?i:(?:image|photo|picture|slide|page)\s+\d+\s+of\s+\d+\b.{0,40}"
                   r"|(?:sign|log)\s*in(?:\s*\|\s*register)?|search)"
                   # a street address (`210 Galle Road, Colombo 3, Sri Lanka`)
                   r"|\d+[A-Za-z]?,?\s+(?:[A-Z][\w.'\-]*\s+){1,4}(?:Road|Street|St\.?|Avenue|Ave\.?|Marg|Lane|Boulevard"
                   r"|Blvd\.?|Square|Drive|Highway|Magu|Mawatha)\b,.{0,80}"
                   # ReliefWeb's labels of a reposted report
                   r"|(?i:source|origin|view\s+original)"
                   # the UN's and the EU Council's meetings (`6287th Meeting (AM)`, `2667th Council Meeting`),
                   # the Council's document numbers (`9976/05 (Presse 152)`)
                   r"|\d+(?:st|nd|rd|th)\s+(?:\w+\s+){0,2}(?i:meeting|session)\b.{0,30}"
                   r"|\d+/\d+\s*\((?i:presse)\s*\d+\)")
# A photograph's caption ending with its credit (`... (U.S. Army photo by Staff Sgt. Jane Roe)`,
# `[Picture: Sgt Mark Hollis RLC, Crown Copyright/MOD 2008]`): not the headline.
_CAPTION = re.compile(r".{0,300}(?:\((?:[^()]{0,80}\s)?(?i:photo|picture|image)(?:\s+by\b|\s*:)[^()]{0,80}\)"
                      r"|\[(?i:photo|picture|image)\s*:[^\[\]]{0,80}\])")
_LABELLED_DATE = re.compile(r"(?i:release\s+date|date(?:\s+posted|\s+taken)?|published|posted|issued(?:\s+on)?"
                            r"|immediate\s+release)"
                            r"\s*:\s*(.+?)\s*$")
_ENDS_WITH_YEAR = re.compile(r"(?:19|20)\d\d\)?\s*$")
_TITLE_DATE = re.compile(rf"(?:\(|\b(?:on|for|of)\s+|,\s*|\s)({DATE})\)?\s*$")
_TITLE_PLACE_DATE = re.compile(rf"[(,]\s*(?P<place>[A-Z][^(),\d]{{1,30}}?),\s*(?P<date>{DATE})\)?\s*$")
# `Title: Outcome of the 5th Korea-Sri Lanka Joint Commission Meeting`
_TITLE_LABEL_LINE = re.compile(r"(?i:title|subject|headline)\s*:\s*(.{8,200})")
#: Years from here on are another calendar's (Nepal's Bikram Sambat runs some 57 years ahead).
_LATEST_YEAR = 2050
# A site's name or notice: `Navy.mil`, `Beehive.govt.nz`, `Copyright AFP`.
_SITE = re.compile(r"[\w\-]+(?:\.[\w\-]+)*\.(?:mil|gov|govt\.nz|gov\.\w\w|int|org|com|net)"
                   r"|(?i:\(c\)\s*)?(?i:copyright|\u00a9).{0,200}")
_LOCATION = re.compile(r"(?i:location|place|venue)\s*:\s*(.{2,60})")
# A date of another calendar (`14 Rajab 1440`, `15 Jawza 1397`, `2 Chaitra 2076`), and with ours after it.
OTHER_CALENDAR = r"\d{1,2}\s+[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)?,?\s+\d{4}"
_WEEKDAY_FIRST = re.compile(r"^(?i:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+")
_OTHER_THEN_OURS = re.compile(rf"{OTHER_CALENDAR}\s*(?:\(([^()]{{6,40}})\)|/\s*([^()/]{{6,40}}))")
_LABEL_ALONE = re.compile(r"(?P<label>(?i:from|(?:first\s+|originally\s+)?published|issued(?:\s+on)?|released|date"
                          r"|(?:last\s+)?updated|posted|location|venue))\s*:?")
FROM = re.compile(r"(?i:from|issued\s+by|organisations?)\s*:\s*(?P<issuer>.+)")
# A page's credits: `Source: Xinhua`, `Editor: huaxia`, `Photo: ...`.
_CREDIT = re.compile(r"(?i:source|editor|author|reporter|photo|credit|written\s+by|part\s+of|topics?|tags?"
                     r"|policy|minister|world\s+locations?|portfolios?"
                     # a news database's fields (Nexis: `SECTION: BUSINESS`, `LENGTH: 412 words`)
                     r"|section|length|byline|load-date|language|publication-type|document-type|graphic|highlight"
                     r"|dateline)\s*:\s*.{1,60}")
#: The first of a page's breadcrumbs copied a line each (GOV.UK's `Home` / `Defence and armed forces`).
BREADCRUMBS_START = re.compile(r"(?i:home)")
# What a copied page ends with after its text: share and print links (`Share | Print | Back to top`,
# `Print   E-mail   Bookmark & Share`, `Share: Facebook Twitter Viber`), `Is this page useful?`.
_PAGE_END_WORDS = re.compile(r"(?i:share(?:\s+(?:this(?:\s+page)?|on))?|print|e-?mail|bookmark|back(?:\s+to\s+top)?"
                             r"|facebook|twitter|viber|whatsapp|linkedin|telegram|x|related(?:\s+news)?"
                             r"|[&|:,\u00b7\u2022])")
PAGE_END = re.compile(rf"(?:{_PAGE_END_WORDS.pattern})(?:\s*(?:{_PAGE_END_WORDS.pattern}))*"
                      r"|(?i:is\s+this\s+page\s+useful\??|page\s+\d+\s+of\s+\d+)"
                      # a site's copyright line under everything (`Copyright © 2018 Ministry of Foreign Affairs, Nepal`)
                      r"|(?i:copyright\s*\u00a9?|\u00a9)\s*(?:\d{4}\b)?[^.\n]{0,100}"
                      r"(?:\.\s*(?i:all\s+rights\s+reserved)\.?)?")
#: What decorates a line without being part of it (Markdown's marks, table bars).
DECORATION = " \t*_#>|"


def line_kinds(line: str, contact_block: bool, narrow: bool = False) -> list[tuple[str, object]] | None:
    """What a header line is, as a list of (kind, value); a line of fields set apart by wide spaces
    (`IMMEDIATE RELEASE      Release No: NR-058-13      February 4, 2013`) is each of them."""
    line = _READING_TIME.sub("", line) or line
    if _BREADCRUMB_TRAIL.fullmatch(line.strip(DECORATION)) or _MENU.fullmatch(line.strip()):
        return [("breadcrumbs", None)]
    if field := _DATELINE_FIELD.fullmatch(line.strip(DECORATION)):
        return _dateline_field(field["value"])
    if (labelled_date := _LABEL_DATE.fullmatch(line.strip(DECORATION))) and (dated := date_line(labelled_date["date"])):
        return [("date", dated)]
    # A paper's masthead and section, then the day's date (`DAWN - Top Stories; December 05, 2003`).
    masthead = _MASTHEAD_DATE.fullmatch(line)
    if masthead and capitalised(masthead["label"]) and (dated := date_line(masthead["date"])):
        return [("date", dated)]
    if _CAPTION.fullmatch(line):
        return [("furniture", None)]
    if len(line) > 200:
        return None  # a paragraph of text
    if _PAGE.fullmatch(line.strip(DECORATION)):
        return [("furniture", None)]  # a breadcrumb of bars (`Home | News | Press Releases`)
    for separator in (_FIELDS, _DASHED_FIELDS):
        kinds = _field_kinds(line, separator, contact_block, dashed=separator is _DASHED_FIELDS)
        if kinds:
            return kinds
    # Fields two spaces apart: beside one date or an agency (`PLENARY SESSION  AFET  14-09-2017 - 12:47`,
    # `SPA  Saudi Press Agency`), no other figure among them; as a bar of links with no figure at all
    # only above a text's first line (`narrow`). A table's columns are often two spaces apart too.
    if "  " in line:
        for separator, dashed in ((_NARROW_FIELDS, False), (_NARROW_DASHED_FIELDS, True)):
            kinds = _field_kinds(line, separator, contact_block, dashed=dashed)
            dates = sum(kind[0] == "date" for kind in kinds or ())
            if kinds and len(kinds) <= 5 and (dates == 1 or not dates and any(kind[0] == "agency" for kind in kinds)):
                return kinds
        narrow_fields = [field.strip() for field in _NARROW_FIELDS.split(line) if field.strip(DECORATION)]
        if narrow and len(narrow_fields) >= 3 and all(
                len(field.split()) <= 3 and field[:1].isupper() and not field.endswith((".", "?", "!"))
                and not any(ch.isdigit() for ch in field) for field in narrow_fields):
            return [("furniture", None)]
    fields = [field.strip() for field in _FIELDS.split(line) if field.strip(DECORATION)]
    if len(fields) >= 3 and all(len(field.split()) <= 3 and not field.endswith((".", "?", "!")) or
                                field.endswith("...") for field in fields):
        return [("furniture", None)]  # a site's bar (`Search DVIDS...      Sign In | Register`)
    # `Story Number: NNS130125-07 Release Date: 1/25/2013 9:15:00 AM`: a labelled date within a line.
    labelled = _LABELLED_DATE.search(line) if len(line) <= 120 else None
    if labelled and (dated := date_line(labelled[1])):
        return [("date", dated)]
    # Dawn's `AFP Published November 4, 2022 Updated about 2 hours ago`: the agency, then the date.
    credited = _AGENCY_THEN_DATE.match(line)
    if credited and is_agency(credited["agency"]) and (dated := date_line(line[credited.end():])):
        return [("agency", canonical_agency(credited["agency"])), ("date", dated)]
    # `2022-11-03 10:05:12 Source: Xinhua`: a date and the page's credit.
    credit = _CREDIT.search(line)
    if credit and credit.start() and (dated := date_line(line[:credit.start()].strip(" |-"))):
        return [("date", dated)]
    # Russia's foreign ministry numbers a release with its date (`1456-17-07-2019`).
    if numbered := dated_number(line):
        return [("date", (numbered, ""))]
    # An issuer and its seat (`The Kremlin, Moscow`): both.
    issuer, comma, seat = line.partition(",")
    if comma and known_issuer(issuer.strip()) and (located := place_line(seat.strip())):
        return [("issuer", issuer.strip()), ("place", located)]
    kind = line_kind(line, contact_block)
    return [kind] if kind else None


_MASTHEAD_DATE = re.compile(r"(?P<label>[^;]{2,60}?)\s*;\s*(?P<date>[^;]{6,40})")
_DATED_NUMBER = re.compile(r"\d{1,5}-(\d{2}-\d{2}-(?:19|20)\d\d)")


_FIELD_SEPARATORS = r"\s{3,}|\s*[|\u2022\u00b7]\s*|\s+/\s+"
# A page's reading time after its last field, two spaces apart (WHO's `... | Geneva  Reading time: 2 min`).
_READING_TIME = re.compile(r"\s{2,}(?i:reading\s+time\b).*$")
_FIELDS = re.compile(_FIELD_SEPARATORS)
# `KYODO NEWS - Mar 12, 2019 - 21:05`: dashes part fields too when one of them is a date.
_DASHED_FIELDS = re.compile(rf"{_FIELD_SEPARATORS}|\s+{DASH}\s+")
_NARROW_FIELDS = re.compile(rf"\s{{2,}}|{_FIELD_SEPARATORS}")
_NARROW_DASHED_FIELDS = re.compile(rf"\s{{2,}}|{_FIELD_SEPARATORS}|\s+{DASH}\s+")


def _field_kinds(line: str, separator: re.Pattern, contact_block: bool,
                 dashed: bool = False) -> list[tuple[str, object]] | None:
    fields = [field for field in separator.split(line) if field.strip(DECORATION)]
    if len(fields) > 1:
        kinds = [line_kind(field.strip(DECORATION), contact_block) for field in fields]
        # Dashes part fields only beside a service's or an issuer's name, or a date and labels (the German
        # Foreign Office's `03.10.2018 - Press release`, the European Parliament's `Press release -
        # 23-11-2016 - 13:12`), not a dated headline's words.
        # A short topic among them (`Press release - Human rights − 21-01-2016 - 12:54`) is a label too.
        labels = [kind or (("furniture", None) if dashed and len(field.split()) <= 3 and field.strip()[:1].isupper()
                           else None) for kind, field in zip(kinds, fields)]
        dated_label = len(kinds) <= 4 and all(labels) and "furniture" in {kind[0] for kind in labels} and \
            {kind[0] for kind in labels} <= {"date", "furniture", "code"} and \
            sum(kind[0] == "date" for kind in labels) == 1 and sum(kind is None for kind in kinds) <= 1
        kinds = labels if dated_label else kinds
        if dashed and not dated_label and not any(kind and kind[0] in ("agency", "issuer") for kind in kinds):
            return None
        # Names beside a date are a byline (`Zeynep Aslan |07.10.2025`, `11 Feb 2019 | Lance Cpl. Jacob
        # Ferreira 1st Marine Division`, `OCTOBER 7, 2019 / 8:42 AM / UPDATED 2 HOURS AGO`).
        if any(kind and kind[0] == "date" for kind in kinds):
            kinds = [kind or (("furniture", None) if len(field.split()) <= 8 and not field.endswith(".") else None)
                     for kind, field in zip(kinds, fields)]
        # A government's portal beside a department's name (`nidirect | Department for the Economy`).
        if not dashed and any(kind and kind[0] == "government" for kind in kinds):
            kinds = [kind or (("furniture", None) if len(field.split()) <= 6 and field.strip()[:1].isupper() else None)
                     for kind, field in zip(kinds, fields)]
        # A letterhead of bullets ending with its place (`Department of Public Information • News and
        # Media Division • New York`).
        if kinds[-1] and kinds[-1][0] == "place" and not dashed and all(
                capitalised(field) and len(field.split()) <= 6 for field in fields[:-1]):
            kinds = [kind or ("furniture", None) for kind in kinds]
        # A document's number beside its place and date (the Commission's `IP/95/512     Brussels, 23 May 1995`).
        if not dashed and len(fields) == 2 and kinds[0] and kinds[0][0] == "code" and kinds[1] is None and \
                (placed := _place_and_date(fields[1].strip())):
            return [kinds[0], *placed]
        if all(kinds):
            return kinds
    return None


def _place_and_date(text: str) -> list[tuple[str, object]] | None:
    """[place, date] of `Brussels, 23 May 1995`, else None."""
    place, _, rest = text.partition(",")
    dated = date_line(rest.strip()) if rest else None
    located = place_line(place.strip()) if dated else None
    return [("place", located), ("date", dated)] if located else None


def _dateline_field(value: str) -> list[tuple[str, object]]:
    """What a news database's DATELINE field gives: the place, and the date when it has one."""
    place = place_line(value)
    if place:
        return [("place", place)]
    dateline = parse_dateline(value + " -")
    if not dateline.location:
        return [("furniture", None)]
    kinds: list[tuple[str, object]] = [("place", (dateline.location, dateline.country))]
    if dateline.year and dateline.month and dateline.day:
        kinds.append(("date", (f"{dateline.year:04d}-{dateline.month:02d}-{dateline.day:02d}", "")))
    return kinds


def is_byline(line: str) -> bool:
    """Who wrote or photographed it (`Story by ...`, `Photo by ...`, `By Jane Roe in Amman`)."""
    return len(line) <= 120 and _BYLINE.fullmatch(line.rstrip(" .")) is not None


def dated_number(line: str) -> str:
    """`YYYY-MM-DD` of a release number that ends with its date (Russia's `1723-12-09-2012`), else ""."""
    coded = _DATED_NUMBER.fullmatch(line)
    dated = date_line(coded[1]) if coded else None
    return dated[0] if dated else ""


def is_page_credit(line: str) -> bool:
    """A page's credit or topic line (`Topics: Haiti, Emergencies`, `Source: Xinhua`)."""
    return _CREDIT.fullmatch(line.rstrip(" .")) is not None


def is_headline(line: str) -> bool:
    """A line that can be the headline: no sentence, no letterhead, some words."""
    return headline(line) and not letterhead(line) and len(re.findall(r"(?<!\S)[^\W\d_]", line)) >= 3




def headline(line: str) -> bool:
    """A line short enough for a headline and no sentence (it ends with no full stop or comma, quoted or not)."""
    return len(line) <= 200 and not line.rstrip("\"'\u201d\u2019)]").endswith((".", "!", "?", ":", ";", ","))


def line_kind(line: str, in_contact_block: bool = False) -> tuple[str, object] | None:
    """What a header line is: (kind, value), or None for a line of text."""
    if len(line) > 200 or line.endswith(","):
        return None  # a salutation or a sentence going on (`Your Excellency, Prime Minister ...,`)
    flat = line.rstrip(" .:")
    date = date_line(line)
    if date:
        return "date", date
    if alone := _LABEL_ALONE.fullmatch(flat):
        return "label", alone["label"].lower().split()[-1]
    if updated := _UPDATED.fullmatch(flat):
        # When the page changed: the release's date only when nothing else dates it.
        changed = date_line(updated["value"].strip()) if updated["value"] else None
        return ("updated", changed) if changed else ("furniture", None)
    if _CREDIT.fullmatch(flat) or _PAGE.fullmatch(flat):
        return "furniture", None
    issuer = FROM.fullmatch(line)
    if issuer:
        # An e-mail's sender (`Defence Media [mailto:media@defence.gov.au]`): the name, and the
        # government its address is at.
        written, mail = issuer["issuer"], MAIL_ADDRESS.search(issuer["issuer"])
        if mail:
            written = (written[:mail.start()] + written[mail.end():]).strip(" \"'")
            country = site_country(mail["domain"])
            if country:
                return "issuer", (first_body(written), country)
        return "issuer", first_body(written)
    if _BYLINE.fullmatch(flat) or (flat[:5].lower() == "from " and letterhead(flat[5:])):
        # `JANE ROE, SECRETARY OF STATE`: who speaks, and the body they speak for.
        known = next((part.strip() for part in flat.split(",")[1:] if known_issuer(part.strip())), "")
        return ("issuer", known) if known else ("byline", None)
    service = _SERVICE_SUFFIX.sub("", flat)  # `UN News Centre`, Factiva's `Associated Press Newswires`
    if is_agency(service):
        return "agency", canonical_agency(service)
    if label := _LABEL.fullmatch(flat):
        org = label["org"] if label["org"] and not re.search(r"\d", label["org"]) else ""
        return ("issuer", org) if org and known_issuer(org) else ("furniture", None)
    if known_issuer(flat):
        return "issuer", flat
    if _CLOCK_ALONE.fullmatch(flat):
        return "furniture", None
    if country := country_name(flat):
        return "country", country
    parts = [part.strip() for part in re.split(rf",|\s+{DASH}\s+|\s+\|\s+", flat) if part.strip()]
    # `ELLEN MARSH, SECRETARY OF STATE`, `France Diplomatie - Ministry for Europe and Foreign Affairs`
    if len(parts) > 1 and len(parts) <= 3:
        known = next((part for part in parts if known_issuer(part)), "")
        if known and (_BYLINE.fullmatch(flat) or all(capitalised(part) for part in parts)):
            # `Ministry of Foreign Affairs, Republic of Korea`: the country it is of comes along.
            named = next(filter(None, map(country_name, parts)), "")
            return ("issuer", (known, named)) if named else ("issuer", known)
    if site := site_country(flat) or official_site_country(flat):
        return "government", site  # `GOV.WALES`, `The official website of the New Zealand Government`
    if _SITE.fullmatch(flat):
        return "furniture", None
    located = _LOCATION.fullmatch(flat)
    if located and (place := place_line(located[1])):
        return "place", place
    headline_label = _TITLE_LABEL_LINE.fullmatch(flat)
    if headline_label:
        return "headline", headline_label[1]
    place = place_line(flat)
    if place:
        return "place", place
    if CONTACT.fullmatch(flat):
        return "contact", None
    if REACH.fullmatch(line):
        return "reach", None
    if _BARE_CODE.fullmatch(flat) or _DOCUMENT_CODE.fullmatch(line):
        return "code", None
    if in_contact_block and len(line) <= 80:
        return "contact-line", None
    if line.endswith(":") and len(line.split()) <= 4:
        return "furniture", None  # a label whose value is on the next line (`On the Web:`)
    return None


def without_label(title: str) -> str:
    """A headline without the label it may open with (`MFA Press Statement: Official Visit ...`)."""
    match = _TITLE_LABEL.match(title)
    return title[match.end():] if match and len(title) - match.end() >= 12 else title


_TITLE_LABEL = re.compile(rf"(?:{_ORG}\s+)?(?i:{_KINDS})\s*(?::|\s{DASH})\s*(?=\S)")


def numbered_date(title: str) -> str:
    """The date a headline gives after the release's number (Turkey's `No: 163, 14 June 2018, Press
    Release Regarding ...`), else ""."""
    numbered = _NUMBERED_TITLE.match(title)
    dated = date_line(numbered["date"].strip()) if numbered else None
    return dated[0] if dated else ""


_NUMBERED_TITLE = re.compile(r"No\s*[:.]?\s*\d+\s*,\s*(?P<date>[^,]{6,30}),")


def trailing_place(line: str) -> tuple[str, str] | None:
    """(place, country) a dated headline ends with (France's `... (Paris, 3 February 2021)`, Russia's
    `... talks with ..., Sochi, May 14, 2019`), else None."""
    dated = _TITLE_PLACE_DATE.search(line[:300]) if _ENDS_WITH_YEAR.search(line[:300]) else None
    return place_line(dated["place"]) if dated and date_line(dated["date"]) else None


def trailing_date(line: str) -> str:
    """`YYYY-MM-DD` of a full date a headline ends with (`Contracts For Oct. 7, 2025`, France's `Nepal -
    Statement by the Spokesperson (7 October 2025)`), else ""."""
    # Only a line ending with a year is worth the search.
    dated = _TITLE_DATE.search(line[:200]) if _ENDS_WITH_YEAR.search(line[:200]) else None
    found = date_line(dated[1]) if dated else None
    # France's older `... Statement by the Ministry Spokesperson (20.05.09)`: day first, two-digit year.
    short = _TITLE_SHORT_DATE.search(line[:200]) if not found else None
    found = found or (date_line(short[1]) if short else None)
    return found[0] if found else ""


_TITLE_SHORT_DATE = re.compile(r"\((\d{1,2}\.\d{1,2}\.\d{2})\)\s*$")


def place_line(line: str) -> tuple[str, str] | None:
    """(place, country) of a line that is only a place (`Washington, DC`, `Thimphu`), else None."""
    line = line.strip("()")  # the White House's `(Lisbon, Portugal)`
    head, _, last = line.rpartition(",")
    if head.count(",") == 1 and (named := country_name(last.strip())):
        # DVIDS' `NORTH LITTLE ROCK, AR, UNITED STATES`: the country after the state.
        found = place_line(head)
        return (found[0], named) if found else None
    place, comma, region = line.partition(",")
    place = place.strip().rstrip("'\u2019")
    if not region and " " in place and region_country(place.rsplit(" ", 1)[1]) and not city_named(place):
        place, region = place.rsplit(" ", 1)  # `Washington D.C.` (but `New Delhi` is a city, not Delhi's `New`)
    if len(line.split()) > 4 or not capitalised(line) or any(ch.isdigit() for ch in line):
        return None
    city = city_named(place)
    if city is None and comma and region and city_named(region.strip()):
        place, region = region.strip(), ""  # `Singha Durbar, Kathmandu`: a building, then its city
        city = city_named(place)
    if city is None and comma and (state := region_country(region.strip())) and len(place.split()) <= 3 \
            and not letterhead(place) and not known_issuer(place):
        # A town too small for the gazetteer (`Crawford, Texas`), a base (`BAGRAM AIRFIELD, AFGHANISTAN`).
        return conventional_place(place), state
    if city is None:
        return None
    return conventional_place(place), region_country(region.strip()) or city[1]


def _short_year_date(day: int, month: int, short_year: int) -> tuple[str, str] | None:
    year = 2000 + short_year
    year -= 100 if year > date.today().year + 1 else 0
    try:
        return date(year, month, day).isoformat(), ""
    except ValueError:
        return None


def date_line(line: str) -> tuple[str, str] | None:
    """(`YYYY-MM-DD`, `HH:MM` or "") of a line that is only a full date, maybe labelled (`Published`)."""
    # Copied from a page whose parts were set apart by layout, not spaces (`November 22, 20217:15 AM GMTUpdated`).
    line = _GLUED_UPDATED.sub(" ", _GLUED_CLOCK.sub(" ", line))
    if line[:1] == "[" and line[-1:] == "]":
        line = line[1:-1].strip()  # the European Parliament's `[12-03-2014 - 13:08]`
    label = PUBLISHED.match(line)
    match = _DATE_LINE.fullmatch(line[label.end():] if label else line)
    short = _SHORT_YEAR.fullmatch(line[label.end():].strip() if label else line.strip()) if not match else None
    if short:
        first, second = int(short[1]), int(short[3])
        day, month = (second, first) if first <= 12 < second else (first, second)
        return _short_year_date(day, month, int(short[4]))
    named = _SHORT_YEAR_NAMED.fullmatch(line.strip()) if not match and not short else None
    if named:
        return _short_year_date(int(named[1]), month_number(named[2]), int(named[3]))
    if not match:
        # `2 Chaitra 2076 (15 March 2020)`: another calendar's date, ours in brackets.
        inner = _OTHER_THEN_OURS.fullmatch(_WEEKDAY_FIRST.sub("", line))
        return date_line(inner[1] or inner[2]) if inner else None
    # Figures with a 12-hour clock are the US's, month first (`1/25/2013 2:45:00 PM`).
    twelve_hour = bool(match["meridiem"] or match["meridiem_first"])
    year, month, day = (int(part) for part in re.split(r"[-/.]", match["iso"])) if match["iso"] \
        else date_parts(match, month_first=twelve_hour)
    if year is None:
        return None
    if year >= _LATEST_YEAR:
        # Nepal's Bikram Sambat year (`2076/11/28 (11 March 2020)`): the Gregorian date in brackets.
        inner = re.search(r"\(([^()]+)\)", line)
        return date_line(inner[1]) if inner else None
    try:
        return date(year, month, day).isoformat(), parse_explicit_time(match["clock_first"] or match.group(0))
    except ValueError:
        return None


def first_body(written: str) -> str:
    """The first body of GOV.UK's `From:` list (`Ministry of Defence and The Rt Hon John Healey MP`)."""
    return re.split(r",\s+(?=[A-Z])(?![^,]*\b(?:Commonwealth|Development)\b)|\s+and\s+(?=The\s+Rt\b|[A-Z][a-z]+ [A-Z])",
                    written.strip(), maxsplit=1)[0].strip(" .")
