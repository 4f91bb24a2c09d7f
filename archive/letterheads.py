"""Whose release a header says it is: letterheads, governments' sites and portals, state organs, e-mail
addresses at a government's domain."""

from __future__ import annotations

import re

from archive.dateline import DASH
from archive.places import country_name, leading_country

#: The last word of a letterhead line whose name goes on on the next line.
LETTERHEAD_GOES_ON = ("OF", "FOR", "AND", "ON")

#: An e-mail address, its domain apart (`[mailto:media@defence.gov.au]`).
MAIL_ADDRESS = re.compile(r"\s*[\[<(]?(?:mailto:)?[\w.+\-]+@(?P<domain>[\w\-]+(?:\.[\w\-]+)+)[\]>)]?")
#: Governments' portals known by a name that is no address.
_SITE_NAMES = {"nidirect": "United Kingdom"}
#: Governments' sites by the end of the name their pages open with (`Number10.gov.uk`, `GOV.WALES`).
_SITE_COUNTRY = {"gov.uk": "United Kingdom", "gov.scot": "United Kingdom", "gov.wales": "United Kingdom",
                 "llyw.cymru": "United Kingdom", "govt.nz": "New Zealand", "gov.au": "Australia",
                 "gc.ca": "Canada", "gov.bd": "Bangladesh", "gov.pk": "Pakistan", "gov.lk": "Sri Lanka",
                 "gov.np": "Nepal", "gov.mv": "Maldives", "gov.bt": "Bhutan", "go.jp": "Japan", "gov.sg": "Singapore"}


def site_country(line: str) -> str:
    """The country of a government's site by its name (`Number10.gov.uk`, `nidirect`), else ""."""
    name = line.strip().lower()
    if name in _SITE_NAMES:
        return _SITE_NAMES[name]
    if " " in name or "." not in name:
        return ""
    return next((country for suffix, country in _SITE_COUNTRY.items()
                 if name == suffix or name.endswith("." + suffix)), "")
_OFFICIAL_SITE = re.compile(r"(?i:the\s+)?(?i:official\s+(?:web\s*site|portal)\s+of\s+(?:the\s+)?)(?P<name>.{2,60}?)"
                            r"(?i:\s+government)?")


def official_site_country(line: str) -> str:
    """The country of `The official website of the New Zealand Government` or of a foreign ministry's
    site (`France Diplomatie`), else ""."""
    match = _OFFICIAL_SITE.fullmatch(line) or _DIPLOMACY_SITE.fullmatch(line)
    return (country_name(match["name"]) or leading_country(match["name"])) if match else ""


_DIPLOMACY_SITE = re.compile(r"(?P<name>[A-Z][\w ]{2,30}?)\s+(?i:diplomatie|diplomacy)")


#: Words a title-cased name leaves in lower case.
SMALL_WORDS = frozenset("of for and the on in to at a an de du la le des et".split())


def capitalised(text: str) -> bool:
    """Whether every word but the small ones (`of`, `the` ...) starts with a capital."""
    words = [word for word in text.split() if word[:1].isalpha() and word not in SMALL_WORDS]
    return bool(words) and all(word[:1].isupper() for word in words)


def letterhead(line: str) -> bool:
    """An organisation's name on a line of its own (`Resolute Support Public Affairs`, `Government of
    Pakistan`, `U.S. Attorney's Office, District of Oregon`, `Resolute Support / U.S. Forces - Afghanistan`),
    or the first line of one set on two (`COUNCIL OF` / `THE EUROPEAN UNION`)."""
    if len(line.split()) > 12 or not capitalised(line):
        return False
    if line.isupper() and len(line.split()) <= 4 and line.rsplit(" ", 1)[-1] in LETTERHEAD_GOES_ON:
        return True
    return any(_ORG_END.search(part) or _ORG_OF.search(part.strip()) for part in re.split(rf",|\s/\s|\s{DASH}\s", line))


_ORG_END = re.compile(r"\b(?:Affairs|Office|Cent(?:er|re)|Command|Division|Forces?|Department|Ministry|Agency|Council"
                      r"|Committee|Secretariat|Services?|Bureau|Commission|Government|Embassy|Mission|Headquarters"
                      r"|Corps|Fleet|Wing|Group|Brigade|Battalion|Regiment|Relations|Secretary-General|Nations"
                      r"|Spokesperson|Spokesman|Press Wing|Public Affairs|District|President|Operations|Army|Navy"
                      r"|Air Force|Coast Guard|Marine Corps|Information)\s*$")
# `Government of Pakistan`, `U.S. Embassy in Bangladesh`, `Northern District of Texas`: the body first.
_ORG_OF = re.compile(r"^(?:\S+\s+){0,2}(?:Government|Republic|Kingdom|Ministry|Department|Office|Embassy"
                     r"|High Commission|Committee|Consulate|Mission|District)\s+(?:of|on|for|to|in)\b")


def letterhead_country(line: str) -> str:
    """The country a letterhead names (`Government of Nepal`, `U.S. Department of Commerce`), else ""."""
    # The last `of` that names a country (`Ministry of Foreign Affairs of the People's Republic of China`).
    for of in reversed(list(re.finditer(r"\bof\s+(?:the\s+)?", line))):
        if country := country_name(line[of.end():]):
            return country
    named = re.search(r"\bof\s+(?:the\s+)?(?:(?:People's|Islamic|Democratic|Socialist|Federal)\s+)*"
                      r"(?:(?:Republic|Kingdom|State)\s+of\s+(?:the\s+)?)?(.+)$", line)
    return (country_name(named[1]) if named else "") or leading_country(line)


_ORGAN = re.compile(r"(?i:\b(?:armed\s+forces|army|navy|air\s+force|defen[cs]e(?:\s+force)?|ministry|government"
                    r"|embassy|high\s+commission|presidency|mission|office|marines?|coast\s+guard)\b)")
_ACRONYM = re.compile(r"[A-Z]{3,8}")
_ORGAN_NAME = re.compile(r"(?i:(?:armed\s+forces|army|navy|air\s+force|defen[cs]e\s+forces?|marines?|coast\s+guard"
                         r"|government)(?:\s+(?:headquarters|public\s+affairs|press\s+office))?)")


def organ_country(line: str) -> str:
    """The country a letterhead of a state's organ names (`MINDEF Singapore`, `ARMED FORCES OF THE
    PHILIPPINES`, `NIGERIAN ARMY`), else "": a country at its end or a demonym first, an organ's word
    (or an acronym) besides."""
    words = line.split()
    if not 2 <= len(words) <= 7:
        return ""
    for size in (3, 2, 1):
        rest = re.sub(r"(?i)\s+of(?:\s+the)?$", "", " ".join(words[:-size]))
        if rest and (country := country_name(" ".join(words[-size:]))) and (
                _ORGAN.search(rest) or _ACRONYM.fullmatch(rest)):
            return country
    for size in (1, 2, 3):
        # The organ's name alone after the country (`Kenya Defence Forces`, not `Maldives Navy Seizes Boat`).
        if _ORGAN_NAME.fullmatch(" ".join(words[size:])) and (country := leading_country(" ".join(words[:size]))):
            return country
    return ""
