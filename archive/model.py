"""The Release record and the error raised for input that cannot be read."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

#: Changes whenever extraction gives other fields for the same file: an index of releases read by
#: another version is rebuilt in full (indexer.schema), so that every release is read the same way.
EXTRACTION_VERSION = 3
#: The fields every release has, in the order `press-archive parse --json` prints them.
SUMMARY_FIELDS = ("id", "source", "title", "date", "location", "country", "agency", "ministries", "language")


@dataclass
class Release:
    """One press release or wire item, whatever file it came from."""

    id: str
    title: str = ""
    date: str = ""
    location: str = ""
    country: str = ""
    agency: str = ""
    ministries: list[str] = field(default_factory=list)
    #: ISO 639 code (`en`, `hi`, `ur` ...); "" when it cannot be told.
    language: str = ""
    body: str = ""
    source: str = ""
    url: str = ""
    #: "text" for plain paragraphs, "markdown" when the body is Markdown to be rendered.
    body_format: str = "text"
    #: Shared by the versions of one release in different languages (PIB's English release id).
    translation_key: str = ""
    #: The time of day the source stamps the release with (`HH:MM`, its own time zone), "" when none.
    time: str = ""

    def to_dict(self, with_body: bool = False) -> dict:
        """Return the release's summary fields (and its body on request) as a plain dict."""
        data = {name: getattr(self, name) for name in SUMMARY_FIELDS}
        data["ministries"] = list(self.ministries)
        if with_body:
            data["body"] = self.body
        return data

    def as_record(self) -> dict:
        """Return every field, for storage."""
        return asdict(self)


class ParseError(Exception):
    """A release file (or one record in it) that could not be read."""

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source = source
        self.reason = reason
        self.line = line
        where = f"{source}:{line}" if line else source
        super().__init__(f"{where}: {reason}")


def clean_id(value: object) -> str:
    """Return an id usable in a URL path: trimmed, spaces made dashes, no empty, `.` or `..` parts."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    text = re.sub(r"\s+", "-", str(value).strip())
    parts = [part for part in text.split("/") if part not in ("", ".", "..")]
    return "/".join(parts)
