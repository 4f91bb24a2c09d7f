"""Datelines of agency copy: `Male, Oct 7 (IANS)`, `Islamabad [Pakistan], March 4 (ANI):`,
`BAHIA BLANCA, Argentina, Feb 26 -`, `NEW YORK, Oct 7, 2025 /PRNewswire/ --`, `KOCHI:`, and in
India's languages (archive.dateline_indic): `नई दिल्ली, 14 अक्टूबर (आईएएनएस)।`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.dateline_indic import parse_indic_dateline
from archive.dates import MONTH_PATTERN, month_number
from archive.normalise import fold
from archive.places import (
    city_named, conventional_place, country_name, country_of, find_city, is_city_of, is_large_city, region_country,
)
from archive.scripts import is_indic

_AGENCIES = {
    "ians": "IANS", "pti": "PTI", "ani": "ANI", "uni": "UNI", "reuters": "Reuters", "reuter": "Reuters",
    "ap": "AP", "afp": "AFP", "ians/pti": "IANS", "xinhua": "Xinhua", "bloomberg": "Bloomberg",
    "prnewswire": "PR Newswire", "pr newswire": "PR Newswire", "businesswire": "Business Wire",
    "business wire": "Business Wire", "globe newswire": "GlobeNewswire", "upi": "UPI",
    "dpa": "dpa", "efe": "EFE", "kyodo": "Kyodo", "yonhap": "Yonhap", "tass": "TASS",
    "ips": "IPS", "pib": "PIB", "kuna": "KUNA", "wam": "WAM", "bernama": "Bernama", "antara": "Antara",
    "spa": "SPA", "app": "APP", "bss": "BSS", "rss": "RSS", "ansa": "ANSA", "ria novosti": "RIA Novosti",
    "interfax": "Interfax", "anadolu": "Anadolu", "irna": "IRNA", "mena": "MENA", "sputnik": "Sputnik",
    "prensa latina": "Prensa Latina", "ap/pti": "AP", "afp/pti": "AFP", "reuters/pti": "Reuters",
    "un news": "UN News", "cnn": "CNN", "bbc": "BBC", "nns": "NNS", "afns": "AFNS", "dvids": "DVIDS",
    "army news service": "Army News Service",
    "aa": "Anadolu", "anadolu agency": "Anadolu", "kyodo news": "Kyodo", "associated press of pakistan": "APP",
    "associated press": "AP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "press trust of india": "PTI",
    "indo-asian news service": "IANS", "asian news international": "ANI", "bangladesh sangbad sangstha": "BSS",
    "dod news": "DoD News", "ispr": "ISPR", "sputnik news": "Sputnik", "united news of india": "UNI",
    "united press international": "UPI", "saudi press agency": "SPA", "emirates news agency": "WAM",
    "kuwait news agency": "KUNA", "rss": "RSS", "nepal news agency": "RSS",
}

_NAME = r"[^\W\d_][\w.'\u2019\-]*(?:[ \-/][\w.'\u2019\-]+){0,4}?"
# A region or country after the place: words, no figures (`LOS ANGELES, March 16 - Jan 31 ...`).
_REGION = r"[^\W\d_][\w.'\u2019\-]*(?:[ \-][^\W\d_][\w.'\u2019\-]*){0,3}?"
_DAY = r"(?P<day>\d{1,2})(?!\d)(?:st|nd|rd|th)?"
_WEEKDAY = r"(?:(?i:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?i:day)?\.?,?\s+)?"
# `Oct. 7`, `7 October 2025`, `Tuesday, October 7, 2025`, and day-first figures `07.10.2025` (Europe's).
DATE = (
    rf"{_WEEKDAY}(?:(?:(?P<month>{MONTH_PATTERN})(?:\s+|(?<=\.)){_DAY}"
    rf"|(?P<day_first>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month_after>{MONTH_PATTERN}))"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?"
    r"|(?P<figure_day>\d{1,2})(?P<separator>[./\-])(?P<figure_month>\d{1,2})(?P=separator)"
    r"(?P<figure_year>(?:19|20)\d\d)(?!\d))"
)


def date_parts(match: re.Match, month_first: bool = False) -> tuple[int | None, int, int]:
    """(year or None, month, day) of a match of DATE; figures are read day first (`07.10.2025`)
    unless `month_first` (the US's `1/25/2013`) or only the other way makes a date."""
    if match["figure_month"]:
        first, second = int(match["figure_day"]), int(match["figure_month"])
        if (month_first and first <= 12) or second > 12:
            first, second = second, first
        return int(match["figure_year"]), second, first
    return (int(match["year"]) if match["year"] else None, month_number(match["month"] or match["month_after"]),
            int(match["day"] or match["day_first"]))
_AGENCY = r"(?:,?\s*\((?P<agency>[A-Za-z][A-Za-z ./&\-]{0,30})\)|\s*\.?\s*/(?P<wire>[A-Za-z][A-Za-z .\-]{0,30})/)"
#: Every dash house styles put after a dateline: hyphen, double hyphen, en, em, figure, bar, minus.
DASH = r"(?:--|-|(?<=\s)_(?=\s)|[\u2013\u2014]{2}|\u2010|\u2011|\u2012|\u2013|\u2014|\u2015|\u2212)"
_END = rf"\s*(?:\.?\s*{DASH}|:|\.(?=\s))?\s*"

# SFGate's stamp before a dateline (`(06-19) 08:15 PDT WINDHOEK, Namibia (AP) --`) is no part of it.
_LEAD = r"^[\s*]*(?:\(\d\d-\d\d\)\s+\d{1,2}:\d\d\s+[A-Z]{2,4}\s+)?"
# Agencies some write after the date without brackets (`TOKYO, Oct. 7 Kyodo`).
_BARE_AGENCIES = r"(?i:kyodo|xinhua|reuters|yonhap|bernama|antara|tass|ians|pti|ani|uni|afp|ap)"
# A time after a dateline's date, and the EEAS's reference (`Brussels, 05/03/2024 - 17:20, UNIQUE ID: 240305_11`).
_CLOCK = (rf"(?:\s*(?:{DASH}|,)?\s*\d{{1,2}}[:.]\d{{2}}(?!\d)(?:\s*[AaPp]\.?[Mm]\.?)?)?"
          r"(?:,\s*(?i:unique\s+id)\s*:\s*\S+)?")
_BRACKET = r"(?:\s*\[(?P<bracket>[^\]\n]{2,40})\])?"
# `KABUL, Afghanistan (Jan. 25, 2013)`, `Rawalpindi - 7 October 2025:`, `NEW YORK, 25 January 2013 -`.
_DATED = re.compile(
    rf"{_LEAD}(?P<place>{_NAME}){_BRACKET}(?:\s*,\s*(?P<region>{_REGION})){{0,2}}"
    rf"(?:\s*,\s*(?:{DASH}\s+)?|(?<=\.)\s+|\s+(?P<dash>{DASH})\s+|\s*(?P<colon>:)\s*"
    rf"|\s*(?P<paren>\()(?:(?P<paren_agency>[A-Z][A-Za-z .&]{{1,30}}?),\s*)?)"
    rf"\s*{DATE}{_CLOCK}(?(paren)\s*\))\s*(?:{_AGENCY}|(?<=\s)(?P<bare>{_BARE_AGENCIES})\b)?{_END}"
)
_COMMA_AGENCY = re.compile(rf"{_LEAD}(?P<place>{_NAME}),\s*(?P<agency>[A-Z]{{2,6}})\s*{DASH}\s*")
# `SOUDA BAY, Crete, Greece (NNS) --`: a region, then the country.
_UNDATED_AGENCY = re.compile(
    rf"{_LEAD}(?P<place>{_NAME}){_BRACKET}(?:\s*,\s*(?P<region>{_REGION})){{0,2}}{_AGENCY}{_END}"
)
_PLACE_COLON = re.compile(rf"{_LEAD}(?P<place>{_NAME}){_BRACKET}\s*:\s+")
# `KABUL, Afghanistan -`, `PORTLAND, Maine -`, `Washington, D.C. -`: a known region before the dash.
# A dash spaced on either side (`WASHINGTON- A`, `WASHINGTON -A`), a long dash unspaced, or two
# spaces where copying lost the dash (`WASHINGTON  The`).
_SPACED_DASH = rf"(?:\s+{DASH}\s*|\s*{DASH}\s+|\s*[\u2013\u2014]\s*|[ \t]{{2,}}(?=[A-Z\"\u201c\u2018']))(?=\S)"
_REGION_DASH = re.compile(rf"{_LEAD}(?P<place>{_NAME})(?:\s*,\s*(?P<region>{_REGION})){{1,2}},?(?:{_SPACED_DASH}|:\s+)"
                          rf"(?:\(\s*{DATE}\s*\)\s*)?")
# UN News's `25 January 2013 - The Security Council ...`: a full date alone before a dash; Canada's
# `October 7, 2025 - Ottawa, Ontario - Global Affairs Canada`: date, place and issuer.
_DATE_ONLY = re.compile(rf"{_LEAD}{DATE}\s*{DASH}\s*(?:(?P<place>{_NAME})(?:\s*,\s*(?P<region>{_REGION}))?"
                        rf"\s+{DASH}\s+(?P<issuer>[^\n]{{2,80}}?)[ \t]*(?:\n|$))?\s*(?=\S)"
                        # not a span of dates (`04 Mar 2017 - 22 Sep 2019`, a web archive's captures)
                        r"(?!(?:\d{1,2}\s+[A-Za-z]{3,9}\.?|[A-Za-z]{3,9}\.?\s+\d{1,2},?)\s+\d{4}[ \t]*(?:\n|$))")
# `Kabul, 15 Jawza 1397 (5 June 2018)`, `Dhaka, 15 Kartik (30 October):`: another calendar's date, then ours.
_BRACKETED_DATE = re.compile(rf"{_LEAD}(?P<place>{_NAME}),\s*[^()\n]{{1,30}}?\(\s*{DATE}\s*\)\s*(?::|{DASH})?\s*")
# FAO's `3 December 2018, Rome - FAO today ...`, WHO's `14 September 2009 | GENEVA -- `: the date, then the place.
_DATE_PLACE = re.compile(rf"{_LEAD}{DATE}\s*(?:,|\s\|)\s*(?P<place>{_NAME})\s*{DASH}\s*")
# `Aug. 29 (UPI) --`: a date and an agency, no place.
_DATED_AGENCY = re.compile(rf"{_LEAD}{DATE}\s*\((?P<agency>[A-Za-z][A-Za-z .&]{{1,30}})\){_END}")
# ANSA's `(ANSA) - ROME, OCT 8 -`: the agency first.
_AGENCY_FIRST = re.compile(rf"{_LEAD}\((?P<agency>[A-Za-z][A-Za-z .&]{{1,30}})\)\s*{DASH}\s*")
_CAPITALS = "A-Z\u00c0-\u00d6\u00d8-\u00de"
# Reuters' and the US government's undated `WASHINGTON - ` (capitals, so that sentences never match),
# or a known city and a long dash.
_PLACE_DASH = re.compile(
    rf"{_LEAD}(?P<place>[{_CAPITALS}][{_CAPITALS}.'\u2019\- ]{{1,40}}?){_SPACED_DASH}"
    rf"|{_LEAD}(?P<city>[A-Z][\w.'\u2019]+(?: [A-Z][\w.'\u2019]+){{0,2}})\s*[\u2013\u2014]\s*(?=[^\s\w]|[A-Z0-9])"
)


_MONTH_DAY = re.compile(rf"{MONTH_PATTERN}\s*\d")
_WEEKDAYS = frozenset("""mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday
sun sunday""".split())
# Words a header line is labelled with (`From: Ministry of Defence`, `No: 123`): no places, though
# the gazetteer knows towns so named.
_LABELS = frozenset("""from to no ref date dated subject contact tel phone email source note update by issued
published released attention cc for media press""".split()) | {
    "press release", "press releases", "news stories", "news", "statements", "press statements", "news releases",
    "media releases"}


@dataclass
class Dateline:
    """What a dateline says; `rest` is the text after it."""

    location: str = ""
    country: str = ""
    agency: str = ""
    month: int | None = None
    day: int | None = None
    year: int | None = None
    rest: str = ""
    #: The issuing body a dateline names (Canada's `... - Ottawa, Ontario - Global Affairs Canada`).
    issuer: str = ""


#: The country of news services of one government, for a dateline place the gazetteer does not know
#: (`PEARL HARBOR (NNS) --`).
_SERVICE_COUNTRIES = {"NNS": "United States", "AFNS": "United States", "Army News Service": "United States",
                      "DVIDS": "United States", "DoD News": "United States", "ISPR": "Pakistan", "APP": "Pakistan",
                      "BSS": "Bangladesh"}


def canonical_agency(written: str) -> str:
    """Return the usual spelling of an agency name (`ians` -> `IANS`), or the name as written."""
    written = " ".join(written.split())
    return _AGENCIES.get(written.casefold(), written)


def _masthead_excluded(found: dict | None, text: str) -> dict | None:
    """A dash dateline, unless a small town's name is followed by a few words that are no sentence
    and no date: a masthead (`KUNA - Kuwait News Agency`; Kuna is a town in Idaho), where
    `WASHINGTON - The Department of` is a hard-wrapped dateline."""
    if not found or is_large_city(found["place"] or found["city"] or ""):
        return found
    line = _line_after(found, text)
    if line and len(line.split()) <= 6 and not any(ch.isdigit() for ch in line) and not line.endswith(_GOES_ON):
        return None
    return found


def _colon_headline(found: dict, text: str) -> bool:
    """Whether `Police: Man found dead after house fire` is a headline, not `New Delhi: The ...`: a place
    not in capitals, the line after it no sentence."""
    return not found["place"].isupper() and not _line_after(found, text).endswith(_GOES_ON)


#: How a dateline's line of text may end: a sentence, a quotation, a clause going on.
_GOES_ON = (".", '"', "\u201d", "!", "?", ":", ",")


def _line_after(found: dict, text: str) -> str:
    """The rest of the line a dateline pattern matched in."""
    return text[found["end"]:].split("\n", 1)[0].strip()


def parse_dateline(text: str) -> Dateline:
    """Split the dateline off the start of `text`; a Dateline with only `rest` when there is none."""
    text = _OTHER_CALENDAR_FIRST.sub(r"\g<place>", text, count=1)
    text = _REGION_IN_BRACKETS.sub(
        lambda match: match["place"] + ("" if match["next"] == "[" else ", " + match["region"]), text, count=1)
    first = _AGENCY_FIRST.match(text)
    if first and is_agency(first["agency"]):
        dateline = _parse_dateline(text[first.end():])
        if dateline.location:
            dateline.agency = canonical_agency(first["agency"])
            return dateline
    bracketed = _BRACKETED.match(text)
    if bracketed:
        # OCHA's `(New York/Geneva, 9 April 2020): The UN's ...`: a dateline in brackets.
        inside = _parse_dateline(bracketed["inside"] + " -")
        if inside.location and not inside.rest.strip(" -"):
            inside.rest = text[bracketed.end():]
            return inside
    return _parse_dateline(text)


# SPA's `Riyadh, Jumada II 05, 1441, Jan 30, 2020, SPA --`: another calendar's date before ours is left out.
_OTHER_CALENDAR_FIRST = re.compile(r"(?P<place>^[\s*]*[^\W\d_][^,\n]{1,40},\s*)"
                          r"(?:(?i:muharram|safar|rabi\S*|jumada\S*|rajab|sha'?ban|ramadan|shawwal|dhu\S*)"
                          r"(?:\s+(?:al-)?[^\s\d]\S*)?\s+\d{1,2},\s*1[34]\d\d,\s*"
                          # Bangladesh's `Dhaka, 12 Falgun 1426/25 February 2020`
                          r"|\d{1,2}\s+[A-Z][\w'\-]+\s+1[34]\d\d\s*/\s*)")
# `Vienna (Austria), 19 July 2005 -`: a region in brackets is read as one after a comma; before ANI's
# country in square brackets (`Srinagar (Jammu and Kashmir) [India], June 18 (ANI):`) it is left out.
_REGION_IN_BRACKETS = re.compile(r"(?P<place>^[\s*]*[^\W\d_][\w .'\u2019\-]{1,30}?)\s+"
                                 r"\((?P<region>[^\W\d_][\w .'\-]{1,30})\)(?=\s*(?P<next>[,\[]))")
_BRACKETED = re.compile(rf"{_LEAD}\((?P<inside>[^()\n]{{3,60}})\)\s*(?::|{DASH})?\s*")


def _parse_dateline(text: str) -> Dateline:
    found = _match(_DATED, text)
    # Capitals before a date ("OAK BROOK, Ill., March 3 -") are a wire dateline even where the
    # gazetteer has no such small town; mixed case needs a known agency, place or region; a place
    # dashed from its date (`Rawalpindi - 7 October 2025:`) must be known.
    dashed = found and (found["dash"] or found["colon"])
    if found and _plausible_place(found["place"]) and (_known_place(found["place"]) if dashed else (
        is_agency(found["agency"] or found["wire"]) or found["place"].isupper() or _known_place(found["place"])
        or bool(found["region"] and region_country(found["region"])))
    ):
        year, month, day = date_parts(found["match"])
        if not 1 <= month <= 12:
            return Dateline(rest=text)
        region = found["bracket"] or found["region"] or ""
        place, country = _place_and_country(found["place"], region)
        agency = canonical_agency(found["agency"] or found["wire"] or found["paren_agency"] or found["bare"] or "")
        # A national agency's dateline names a city of its own country first (APP's `HYDERABAD` is Sindh's).
        home = _SERVICE_COUNTRIES.get(agency, "")
        if home and not region and country != home and is_city_of(place, home):
            country = home
        return Dateline(place, country, agency=agency, month=month, day=day, year=year, rest=text[found["end"]:])
    found = _match(_UNDATED_AGENCY, text)
    if found and _plausible_place(found["place"]) and _is_credit(found["place"], found["agency"], found["wire"]) \
            and not _address_line(found, text):
        place, country = _place_and_country(found["place"], found["bracket"] or found["region"] or "")
        # A known city's credit that is no agency is the issuer's (`Kabul (ICRC) -`).
        credit = found["agency"] or found["wire"]
        agency = canonical_agency(credit) if is_agency(credit) or found["place"].isupper() else ""
        return Dateline(place, country or _SERVICE_COUNTRIES.get(agency, ""), agency, rest=text[found["end"]:])
    found = _match(_COMMA_AGENCY, text)
    if found and is_agency(found["agency"]) and _known_place(found["place"]):
        # IRNA's `Tehran, IRNA --`: the agency after a comma, no brackets.
        place, country = _place_and_country(found["place"], "")
        return Dateline(place, country, canonical_agency(found["agency"]), rest=text[found["end"]:])
    found = _match(_REGION_DASH, text)
    if found and _plausible_place(found["place"]) and region_country(found["region"]):
        # `Portland, Oregon - (Jan. 25, 2013)`: a date may follow the dash.
        year, month, day = date_parts(found["match"]) if found["month"] or found["day_first"] or found["figure_month"] \
            else (None, None, None)
        return Dateline(*_place_and_country(found["place"], found["region"]), month=month, day=day, year=year,
                        rest=text[found["end"]:])
    found = _match(_PLACE_COLON, text)
    # `KOCHI: The state government`; a country before a colon heads a statement (`Maldives: Statement ...`).
    if found and (fold(found["place"]) in _LABELS or not _known_city(found["place"]) or _colon_headline(found, text)):
        found = None
    found = found or _masthead_excluded(_match(_PLACE_DASH, text), text)
    if found and (_known_place(found["place"]) if found["place"] else _known_city(found["city"])):
        return Dateline(*_place_and_country(found["place"] or found["city"], found.get("bracket") or ""),
                        rest=text[found["end"]:])
    found = _match(_BRACKETED_DATE, text)
    if found and _known_place(found["place"]):
        year, month, day = date_parts(found["match"])
        if 1 <= month <= 12:
            return Dateline(*_place_and_country(found["place"], ""), month=month, day=day, year=year,
                            rest=text[found["end"]:])
    found = _match(_DATED_AGENCY, text)
    if found and is_agency(found["agency"]):
        year, month, day = date_parts(found["match"])
        if 1 <= month <= 12:
            return Dateline(agency=canonical_agency(found["agency"]), month=month, day=day, year=year,
                            rest=text[found["end"]:])
    found = _match(_DATE_PLACE, text)
    if found and _known_city(found["place"]):
        year, month, day = date_parts(found["match"])
        if year and 1 <= month <= 12:
            return Dateline(*_place_and_country(found["place"], ""), month=month, day=day, year=year,
                            rest=text[found["end"]:])
    found = _match(_DATE_ONLY, text)
    if found:
        year, month, day = date_parts(found["match"])
        if year and 1 <= month <= 12:
            place = found["place"] if found["place"] and _known_place(found["place"]) else ""
            return Dateline(*(_place_and_country(place, found["region"] or "") if place else ("", "")),
                            month=month, day=day, year=year, issuer=found["issuer"] if place else "",
                            rest=text[found["end"] if place or not found["place"] else found["match"].start("place"):])
    indic = parse_indic_dateline(text) if is_indic(text[:60]) else None
    if indic:
        place, country, agency, month, day, year, end = indic
        return Dateline(place, country, agency, month, day, year, rest=text[end:])
    return Dateline(rest=text)


def _match(pattern: re.Pattern, text: str) -> dict | None:
    """The groups of a dateline pattern matched at the start, the place without the apostrophe
    the Maldives write their capital with (`Male'`), and where it ends."""
    match = pattern.match(text)
    if not match:
        return None
    found = match.groupdict()
    for name in ("place", "city"):
        if found.get(name):
            found[name] = found[name].rstrip("'\u2019")
    return {**found, "end": match.end(), "match": match}


def _place_and_country(written: str, region: str) -> tuple[str, str]:
    # Of two places (`WASHINGTON and PENSACOLA`, `NEW YORK/GENEVA`) the first is the dateline's; one
    # written with a slash in one country is one name (`DALLAS/FORT WORTH`).
    parts = re.split(r"(\s*/\s*|\s+(?i:and|&)\s+)", written, maxsplit=1)
    if len(parts) == 3:
        first, joiner, second = parts
        if _known_place(first) and (
                "/" not in joiner or _known_place(second) and country_of(first) != country_of(second)):
            written = first
    place = conventional_place(written)
    return place, country_of(place, region)


def _plausible_place(written: str) -> bool:
    words = written.split()
    if not 0 < len(words) <= 5:
        return False
    # A sentence opening ("The government on Wednesday, Oct 7") is not a place; "The Hague" is.
    if written[0].islower() or fold(words[0]) in {"the", "a", "an", "on", "in", "this"}:
        return find_city(written) is not None
    # Nor is a weekday (`Mon, 12 Mar 2012`), though India has a town called Mon, nor a date (`Aug. 29`).
    # Nor a header's label (`Date: 14 September 2022`; Japan has a town called Date).
    return fold(written).rstrip(".") not in _WEEKDAYS | _LABELS and not _MONTH_DAY.match(written)


def _known_place(written: str) -> bool:
    """A dateline without a known agency counts only when the gazetteer knows its place.

    That keeps sentence openings ("However, March 3 was chosen") and organisations
    ("National Cooperative Development Corporation (NCDC)") out of the place facet.
    """
    if not _plausible_place(written):
        return False
    # Of two places (`New York/Geneva`), the first.
    first = written.split("/", 1)[0].strip()
    return find_city(first) is not None or bool(country_name(first))


def _known_city(written: str) -> bool:
    """A city the gazetteer knows that is no country's name ("India" is also a town in Serbia)."""
    return city_named(written) is not None


def _address_line(found: dict, text: str) -> bool:
    """A place and a bracketed name that is no known agency alone on their line, with no dash or
    colon: a letterhead's address (`UDHAMPUR (J&K)`), not a dateline (`GENEVA (UN News) –`)."""
    credit = found["agency"] or found["wire"]
    if is_agency(credit):
        return False
    match = found["match"]
    said = text[match.end("agency" if found["agency"] else "wire"):found["end"]]
    return not re.search(rf"{DASH}|:", said) and text[found["end"] - 1:found["end"]] == "\n" or \
        not text[found["end"]:].strip()


def _is_credit(place: str, written: str, wire: str) -> bool:
    """A known agency, or a service's name after a known place in capitals (`GENEVA (UN News)`)."""
    if wire:
        return is_agency(wire)
    return is_agency(written) or bool(_SERVICE.fullmatch(written)) and (
        place.isupper() and _known_place(place) or _known_city(place))


_SERVICE = re.compile(r"[A-Z][\w.&]*(?: [A-Z][\w.&]*){0,3}")


def is_agency(written: str | None) -> bool:
    """Whether a name is a known agency's (`IANS`, `Reuters`, `UN News`)."""
    return bool(written) and " ".join(written.split()).casefold() in _AGENCIES
