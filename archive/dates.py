"""Dates: explicit metadata dates, PIB's `Posted On` stamps and dateline dates with year inference."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as dateutil_parser

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_PATTERN = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
# Two far-apart defaults: a component dateutil filled from a default differs between them.
_DEFAULTS = (datetime(1904, 1, 1), datetime(1972, 12, 28))


def month_number(name: str) -> int:
    """Return 1-12 for a month name or abbreviation in any case (`Oct`, `Sept.`, `APril`)."""
    key = name.strip().rstrip(".").lower()
    number = _MONTHS.get(key[:4] if key.startswith("sept") else key[:3])
    if number is None:
        raise ValueError(f"not a month: {name!r}")
    return number


def parse_explicit_date(value: object) -> str:
    """Return `YYYY-MM-DD` for a metadata date; raise ValueError unless it names a full date."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        raise ValueError("empty date")
    match = _ISO_DATE.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return date(year, month, day).isoformat()
    try:
        first, second = (dateutil_parser.parse(text, default=d, fuzzy=False) for d in _DEFAULTS)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"not a date: {text!r}") from exc
    if first.date() != second.date():
        # Never let the parser complete a missing day, month or year on its own.
        raise ValueError(f"incomplete date (needs day, month and year): {text!r}")
    return first.date().isoformat()


_TIME = re.compile(r"(?<![\d:])(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(?:([AaPp])\.?\s*[Mm]\b\.?)?(?![\d:])")


def parse_explicit_time(value: object) -> str:
    """Return the time of day a metadata stamp gives as `HH:MM` (24-hour), or "" when it gives none
    (`06 OCT 2025 4:10PM` -> `16:10`, `26-FEB-1987 15:01:01.79` -> `15:01`)."""
    if isinstance(value, datetime):
        return value.strftime("%H:%M")
    match = _TIME.search(value) if isinstance(value, str) else None
    if not match:
        return ""
    hour, minute = int(match[1]), int(match[2])
    if match[3]:
        if not 1 <= hour <= 12:
            return ""
        hour = hour % 12 + (12 if match[3] in "Pp" else 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else ""


def resolve_dateline_date(month: int, day: int, year: int | None, header: str | None) -> str:
    """Return the dateline's date, taking a missing year from the header date (nearest wins)."""
    if year is not None:
        candidates = [year]
    elif header:
        reference = date.fromisoformat(header)
        candidates = [reference.year - 1, reference.year, reference.year + 1]
    else:
        return ""
    options = []
    for candidate in candidates:
        try:
            options.append(date(candidate, month, day))
        except ValueError:
            continue
    if not options:
        return ""
    if header and year is None:
        reference = date.fromisoformat(header)
        options.sort(key=lambda option: abs((option - reference).days))
    return options[0].isoformat()
