"""Markdown releases (`.md`) with an optional YAML front-matter block, e.g.

    ---
    title: Defence Secretary visits Maldives
    date: 2025-10-07
    location: Male
    agency: IANS
    ministries: [Ministry of Defence]
    ---
    Male, Oct 7 (IANS) Defence Secretary ...
"""

from __future__ import annotations

import re

import yaml

from archive.dates import parse_explicit_time
from archive.extract import Metadata, build_release, explicit_date
from archive.jsonl_reader import translation_key
from archive.model import ParseError, Release, clean_id

_OPENING = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_HEADING = re.compile(r"\A\s*#\s+(.+?)\s*#*\s*$", re.MULTILINE)
_TEXT_KEYS = ("title", "location", "country", "agency", "url", "language")


def read_markdown(text: str, release_id: str, source: str) -> Release:
    """Return the release in a Markdown file; front matter wins over what the text says."""
    front, body = split_front_matter(text, source)
    release_id = clean_id(front.get("id")) or release_id
    meta = Metadata(body_format="markdown", **{key: _text(front, key, source) for key in _TEXT_KEYS})
    meta.date = explicit_date(front.get("date"), source)
    meta.time = parse_explicit_time(front.get("date")) or parse_explicit_time(front.get("time"))
    meta.language = meta.language or _text(front, "lang", source)
    meta.translation_key = (translation_key(front.get("translation_of"), "translation_of", source)
                            or translation_key(front.get("translation_key"), "translation_key", source))
    meta.ministries = _names(front.get("ministries", front.get("ministry")), source)
    heading = _HEADING.match(body)
    if heading and not meta.title:
        meta.title = heading[1]
    if heading:
        body = body[heading.end():]
    if not body.strip() and not meta.title:
        raise ParseError(source, "no title and no text")
    return build_release(release_id, source, body, meta)


def split_front_matter(text: str, source: str) -> tuple[dict, str]:
    """Return (front matter as a dict, the Markdown after it); ({}, text) when there is none."""
    opening = _OPENING.match(text)
    if not opening:
        return {}, text
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise ParseError(source, "front matter is opened with '---' but never closed")
    try:
        front = yaml.safe_load(text[opening.end():closing.start()]) or {}
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise ParseError(source, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                         line + 2 if line is not None else None) from None
    except (ValueError, OverflowError) as exc:  # YAML turns `date: 2025-02-30` into a bad date
        raise ParseError(source, f"front matter has a bad value: {exc}") from None
    if not isinstance(front, dict):
        raise ParseError(source, "front matter must be a set of 'key: value' lines")
    return {str(key).lower(): value for key, value in front.items()}, text[closing.end():].lstrip("\r\n")


def _text(front: dict, key: str, source: str) -> str:
    value = front.get(key)
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        raise ParseError(source, f"front matter '{key}' must be a single value, not {type(value).__name__}")
    return str(value).strip()


def _names(value: object, source: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    raise ParseError(source, "front matter 'ministries' must be a list of names")
