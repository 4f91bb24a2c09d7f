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
from archive.places import conventional_place, country_name, country_of, find_city
from archive.scripts import is_indic

_AGENCIES = {
    "ians": "IANS", "pti": "PTI", "ani": "ANI", "uni": "UNI", "reuters": "Reuters",
    "ap": "AP", "afp": "AFP", "ians/pti": "IANS", "xinhua": "Xinhua", "bloomberg": "Bloomberg",
    "prnewswire": "PR Newswire", "pr newswire": "PR Newswire", "businesswire": "Business Wire",
    "business wire": "Business Wire", "globe newswire": "GlobeNewswire", "upi": "UPI",
    "dpa": "dpa", "efe": "EFE", "kyodo": "Kyodo", "yonhap": "Yonhap", "tass": "TASS",
    "ips": "IPS", "pib": "PIB", "kuna": "KUNA", "wam": "WAM", "bernama": "Bernama", "antara": "Antara",
    "spa": "SPA", "app": "APP", "bss": "BSS", "rss": "RSS", "ansa": "ANSA", "ria novosti": "RIA Novosti",
    "interfax": "Interfax", "anadolu": "Anadolu", "irna": "IRNA", "mena": "MENA", "sputnik": "Sputnik",
    "prensa latina": "Prensa Latina", "ap/pti": "AP", "afp/pti": "AFP", "reuters/pti": "Reuters",
}

_NAME = r"[^\W\d_][\w.'\u2019\-]*(?:[ \-/][\w.'\u2019\-]+){0,4}?"
_DAY = r"(?P<day>\d{1,2})(?!\d)(?:st|nd|rd|th)?"
_DATE = (
    rf"(?:(?P<month>{MONTH_PATTERN})\s+{_DAY}|(?P<day_first>\d{{1,2}})\s+(?P<month_after>{MONTH_PATTERN}))"
    r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
)
_AGENCY = r"(?:,?\s*\((?P<agency>[A-Za-z][A-Za-z ./&\-]{0,30})\)|\s*/(?P<wire>[A-Za-z][A-Za-z .\-]{0,30})/)"
_END = r"\s*(?:--|-|\u2013|\u2014|:)?\s*"

_LEAD = r"^[\s*]*"
_DATED = re.compile(
    rf"{_LEAD}(?P<place>{_NAME})(?:\s*\[(?P<bracket>[^\]\n]{{2,40}})\])?"
    rf"(?:\s*,\s*(?P<region>{_NAME}))?(?:\s*,\s*|(?<=\.)\s+){_DATE}{_AGENCY}?{_END}"
)
_UNDATED_AGENCY = re.compile(
    rf"{_LEAD}(?P<place>{_NAME})(?:\s*\[(?P<bracket>[^\]\n]{{2,40}})\])?{_AGENCY}{_END}"
)
_PLACE_COLON = re.compile(rf"{_LEAD}(?P<place>{_NAME})(?:\s*\[(?P<bracket>[^\]\n]{{2,40}})\])?\s*:\s+")
# Reuters' undated `WASHINGTON - ` (capitals only, so that ordinary sentences never match).
_PLACE_DASH = re.compile(rf"{_LEAD}(?P<place>[A-Z][A-Z.'\- ]{{1,40}}?)\s+(?:-|--|\u2013|\u2014)\s+")


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


def canonical_agency(written: str) -> str:
    """Return the usual spelling of an agency name (`ians` -> `IANS`), or the name as written."""
    written = " ".join(written.split())
    return _AGENCIES.get(written.casefold(), written)


def parse_dateline(text: str) -> Dateline:
    """Split the dateline off the start of `text`; a Dateline with only `rest` when there is none."""
    match = _DATED.match(text)
    # Capitals before a date ("OAK BROOK, Ill., March 3 -") are a wire dateline even where the
    # gazetteer has no such small town; mixed case needs a known agency or place.
    if match and _plausible_place(match["place"]) and (
        _is_agency(match["agency"] or match["wire"]) or match["place"].isupper() or _known_place(match["place"])
    ):
        month_name = match["month"] or match["month_after"]
        return Dateline(
            *_place_and_country(match["place"], match["bracket"] or match["region"] or ""),
            agency=canonical_agency(match["agency"] or match["wire"] or ""),
            month=month_number(month_name),
            day=int(match["day"] or match["day_first"]),
            year=int(match["year"]) if match["year"] else None,
            rest=text[match.end():],
        )
    match = _UNDATED_AGENCY.match(text)
    if match and _plausible_place(match["place"]) and _is_agency(match["agency"] or match["wire"]):
        return Dateline(
            *_place_and_country(match["place"], match["bracket"] or ""),
            agency=canonical_agency(match["agency"] or match["wire"]),
            rest=text[match.end():],
        )
    match = _PLACE_COLON.match(text) or _PLACE_DASH.match(text)
    if match and _known_place(match["place"]):
        return Dateline(*_place_and_country(match["place"], match.groupdict().get("bracket") or ""),
                        rest=text[match.end():])
    indic = parse_indic_dateline(text) if is_indic(text[:60]) else None
    if indic:
        place, country, agency, month, day, year, end = indic
        return Dateline(place, country, agency, month, day, year, rest=text[end:])
    return Dateline(rest=text)


def _place_and_country(written: str, region: str) -> tuple[str, str]:
    place = conventional_place(written)
    return place, country_of(place, region)


def _plausible_place(written: str) -> bool:
    words = written.split()
    if not 0 < len(words) <= 5:
        return False
    # A sentence opening ("The government on Wednesday, Oct 7") is not a place; "The Hague" is.
    if written[0].islower() or fold(words[0]) in {"the", "a", "an", "on", "in", "this"}:
        return find_city(written) is not None
    return True


def _known_place(written: str) -> bool:
    """A dateline without a known agency counts only when the gazetteer knows its place.

    That keeps sentence openings ("However, March 3 was chosen") and organisations
    ("National Cooperative Development Corporation (NCDC)") out of the place facet.
    """
    if not _plausible_place(written):
        return False
    return find_city(written) is not None or bool(country_name(written))


def _is_agency(written: str | None) -> bool:
    return bool(written) and " ".join(written.split()).casefold() in _AGENCIES
