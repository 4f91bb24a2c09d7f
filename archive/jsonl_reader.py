"""JSON Lines (`.jsonl`): one release per line, in PIB's scrape form or a generic form (the file is
read a line at a time by `archive.reading`).

    {"prid": "2225110", "title": "...", "text": "...", "ministry": "President's Secretariat",
     "timestamp": "08 FEB 2026 3:05PM", "url": "https://pib.gov.in/PressReleasePage.aspx?PRID=2225110"}
    {"id": "r1", "title": "...", "date": "2025-10-07", "body": "...", "location": "Male",
     "agency": "IANS", "ministries": ["Ministry of Defence"]}
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

from archive.dates import parse_explicit_time
from archive.extract import Metadata, build_release, explicit_date
from archive.authority import load_data
from archive.model import ParseError, Release, clean_id

_TEXT_KEYS = ("title", "location", "country", "agency", "url", "language")
_TRANSLATION_KEYS = ("translation_of", "translation_key", "en_prid", "release_key")
#: Where a record may name the office that issued it (`"office": "PIB Mumbai"`).
_OFFICE_KEYS = ("office", "region", "place")
_PIB_PREFIX = re.compile(r"(?i:PIB|Press\s+Information\s+Bureau)[\s,:\-]+")


def read_record(line: str, default_id: str, source: str, number: int) -> Release:
    """Return the release one JSON line describes; ParseError naming the line when it cannot."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        # Some of json's messages end in "at" ("Unterminated string starting at").
        raise ParseError(source, f"malformed JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}",
                         number) from None
    if not isinstance(record, dict):
        raise ParseError(source, f"expected a JSON object, got {type(record).__name__}", number)
    release_id = clean_id(record.get("id")) or clean_id(record.get("prid")) or default_id
    body = record.get("body") or record.get("text") or ""
    if not isinstance(body, str):
        raise ParseError(source, "'body'/'text' must be a string", number)
    meta = Metadata(**{key: _scalar(record, key, source, number) for key in _TEXT_KEYS})
    if not body.strip() and not meta.title:
        raise ParseError(source, "record has neither a title nor a body", number)
    stamp = record.get("date") or record.get("release_datetime") or record.get("timestamp")
    meta.date = explicit_date(stamp, source, number)
    meta.time = parse_explicit_time(stamp) or parse_explicit_time(record.get("time_ist") or record.get("time"))
    ministries = record.get("ministries")
    if isinstance(ministries, str):
        ministries = [ministries]
    if ministries is not None and not (isinstance(ministries, list) and all(isinstance(m, str) for m in ministries)):
        raise ParseError(source, "'ministries' must be a list of names", number)
    meta.ministries = ministries or []
    meta.issuer = _scalar(record, "ministry", source, number)
    meta.language = meta.language or _scalar(record, "lang", source, number)
    # The versions of one release in several languages share a key: PIB scrapes give the English
    # release's id (`en_prid`, `release_key`); other files may say `translation_of`.
    meta.translation_key = next(filter(None, (translation_key(record.get(key), key, source, number)
                                              for key in _TRANSLATION_KEYS)), "")
    if "prid" in record and not meta.agency:
        meta.agency = "PIB"
    meta.office = _office(record, source, number)
    return build_release(release_id, f"{source}:{number}", body, meta)


def _office(record: dict, source: str, number: int) -> str:
    """The place of the office a record names (`"office": "PIB Mumbai"`), or that its PIB address
    does (`...PressReleasePage.aspx?PRID=2225110&reg=3`: PIB Delhi); "" when none does."""
    for key in _OFFICE_KEYS:
        value = record.get(key)
        # Only a name: a number (`"region": 3`) or a structure is some other scheme's.
        named = _PIB_PREFIX.sub("", value, count=1).strip() if isinstance(value, str) else ""
        if any(ch.isalpha() for ch in named):
            return named
    url = _scalar(record, "url", source, number)
    if "pib.gov.in" not in url.lower():
        return ""
    region = next(iter(parse_qs(urlparse(url).query).get("reg", [])), "")
    return load_data("countries")["pib_regions"].get(region.strip(), "") if region.strip().isdigit() else ""


def translation_key(value, key: str, source: str, number: int | None = None) -> str:
    """A release id shared by versions in several languages, as text (`2225110` or `"2225110"`);
    ParseError naming the key for anything else (`false`, a list)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    raise ParseError(source, f"'{key}' must be a release id (text or a whole number), not {value!r}", number)


def _scalar(record: dict, key: str, source: str, number: int) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        raise ParseError(source, f"'{key}' must be a single value", number)
    return str(value).strip()
