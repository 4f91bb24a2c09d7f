"""JSON Lines (`.jsonl`): one release per line, in PIB's scrape form or a generic form.

    {"prid": "2225110", "title": "...", "text": "...", "ministry": "President's Secretariat",
     "timestamp": "08 FEB 2026 3:05PM", "url": "https://pib.gov.in/PressReleasePage.aspx?PRID=2225110"}
    {"id": "r1", "title": "...", "date": "2025-10-07", "body": "...", "location": "Male",
     "agency": "IANS", "ministries": ["Ministry of Defence"]}
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from archive.extract import Metadata, build_release, explicit_date
from archive.model import ParseError, Release, clean_id

_TEXT_KEYS = ("title", "location", "country", "agency", "url")


def read_jsonl(text: str, stem: str, source: str) -> Iterator[Release | ParseError]:
    """Yield a release, or a ParseError naming the line, for every non-blank line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield read_record(line, f"{stem}-{number}", source, number)
        except ParseError as error:
            yield error


def read_record(line: str, default_id: str, source: str, number: int) -> Release:
    """Return the release one JSON line describes."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ParseError(source, f"malformed JSON: {exc.msg} at column {exc.colno}", number) from None
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
    ministries = record.get("ministries")
    if isinstance(ministries, str):
        ministries = [ministries]
    if ministries is not None and not (isinstance(ministries, list) and all(isinstance(m, str) for m in ministries)):
        raise ParseError(source, "'ministries' must be a list of names", number)
    meta.ministries = ministries or []
    meta.issuer = _scalar(record, "ministry", source, number)
    if "prid" in record and not meta.agency:
        meta.agency = "PIB"
    return build_release(release_id, f"{source}:{number}", body, meta)


def _scalar(record: dict, key: str, source: str, number: int) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        raise ParseError(source, f"'{key}' must be a single value", number)
    return str(value).strip()
