"""Turn a body of text plus whatever metadata a file gave into a complete Release."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from archive.dateline import Dateline, canonical_agency, parse_dateline
from archive.dates import parse_explicit_date, resolve_dateline_date
from archive.footer import read_footer
from archive.header import Header, read_header
from archive.header_lines import date_line, numbered_date, trailing_date, trailing_place, without_label
from archive.issuers import canonical_body, issuer_country
from archive.languages import canonical_language, detect_language
from archive.ministries import canonical_issuer, find_ministries, foreign_portfolio, names_indian_body
from archive.model import ParseError, Release
from archive.normalise import collapse_spaces, fold
from archive.places import conventional_place, country_of, leading_country, one_place

TITLE_LIMIT = 120
_ABBREVIATIONS = {
    "dr", "mr", "mrs", "ms", "shri", "smt", "prof", "st", "no", "nos", "gen", "lt", "col", "maj",
    "capt", "sr", "jr", "vs", "hon", "rs", "govt", "dept", "approx", "inc", "ltd", "co", "corp",
    "adm", "cmdr", "sgt", "cpl", "pvt", "brig", "lt", "gov", "sen", "rep", "amb",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "h.e", "e.g", "i.e",
}
_SENTENCE_END = re.compile(r"[.!?](?=[\"'\u201d\u2019)]?\s)")


@dataclass
class Metadata:
    """What a file states explicitly; every field set here wins over extraction."""

    title: str = ""
    date: str = ""
    header_date: str = ""
    location: str = ""
    country: str = ""
    agency: str = ""
    ministries: list[str] = field(default_factory=list)
    issuer: str = ""
    url: str = ""
    language: str = ""
    translation_key: str = ""
    body_format: str = "text"
    #: The time of day of `date` (or of `header_date` when the release takes its date from there).
    time: str = ""
    #: The place of the office that issued it (`PIB Mumbai`'s), when the text's own dateline gives none.
    office: str = ""


#: How much of a body is read for the ministries it mentions (PIB's longest releases are 140,000).
MINISTRY_WINDOW = 200_000


def build_release(release_id: str, source: str, text: str, meta: Metadata) -> Release:
    """Return the Release for `text` (starting at any header and dateline), filling gaps by extraction."""
    # PIB's layouts name their issuer, title and date: their text opens with the release's text.
    header = Header(rest=text) if meta.issuer else read_header(text)
    dateline = header.dateline or parse_dateline(header.rest)
    dateline, after_dash = _date_after_dash(dateline)
    footer = read_footer(dateline.rest)
    # A headline the metadata gives instead is kept as text, where it was, as is any summary.
    replaced = bool(meta.title) and fold(header.title) != fold(meta.title)
    lines = [line for line in header.lines if replaced or line != header.title]
    body = tidy_body("\n\n".join([*lines, footer.rest]))
    title = collapse_spaces(meta.title) or without_label(collapse_spaces(header.title) or first_sentence(body))
    dated = (after_dash if not header.date else "") or _own_date(header, footer, meta, title, text)
    date = meta.date
    if not date and dateline.month:
        date = resolve_dateline_date(dateline.month, dateline.day, dateline.year,
                                     _as_dateline_says(meta.header_date or dated or header.numbered, dateline))
    date = date or dated or meta.header_date
    if meta.location:
        location, country = conventional_place(meta.location), meta.country or country_of(meta.location)
    else:
        location = dateline.location or header.place or footer.place
        country = meta.country or (dateline.country if dateline.location else "") or (
            header.country if header.place else "") or footer.country
        titled = trailing_place(title) if not location else None
        if titled:
            location, country = titled[0], country or titled[1]
        if not location and meta.office:
            location, country = conventional_place(meta.office), country or country_of(meta.office)
    quoted = _quoted_dateline(header.rest) if not (location or meta.location or meta.issuer or meta.date) else None
    if quoted:
        # A release quoted whole after an introduction (a blog's `Here it is in full:`, a `> ` quote):
        # its place, and its date over the page's.
        location, country = quoted.location, quoted.country or country
        if quoted.month:
            date = resolve_dateline_date(quoted.month, quoted.day, quoted.year, date) or date
    location = one_place(location, country)
    issuer = meta.issuer or header.issuer or dateline.issuer or footer.issuer
    if not country and not meta.issuer:
        country = _issuing_country(header, dateline, issuer, title, body)
    return Release(
        id=release_id,
        title=title,
        date=date,
        location=location,
        country=country,
        agency=canonical_agency(meta.agency) if meta.agency else dateline.agency or header.agency or (
            quoted.agency if quoted else ""),
        ministries=_ministries(meta, issuer, country, title, body),
        language=canonical_language(meta.language) or detect_language(f"{title}\n{body}", location),
        body=body,
        source=source,
        url=meta.url,
        body_format=meta.body_format,
        translation_key=meta.translation_key,
        # A time belongs to the stamp it came with, not to a dateline's other day.
        time=meta.time if date and date == (meta.date or meta.header_date) else header.time if date == header.date
        else footer.time if date == footer.date else "",
    )


#: How far into a text a quoted release's dateline is looked for.
_QUOTED_CHARS = 3000
_PARAGRAPHS = re.compile(r"\n[ \t>]*\n")
_QUOTE_MARKS = re.compile(r"^[ \t]*>[ \t]?", re.MULTILINE)
_FORWARDED = re.compile(r"[-_=*]{3,}"
                        r"|-*\s*(?i:forwarded\s+message|original\s+message|begin\s+forwarded\s+message:?)\s*-*")


def _quoted_dateline(text: str) -> Dateline | None:
    """The dateline of a release quoted after an introduction: a paragraph after one ending with a
    colon or after a forwarding line (`-----`, its headline between), or quoted (`> `) or indented,
    that opens with a dated or credited dateline."""
    paragraphs = _PARAGRAPHS.split(text[:_QUOTED_CHARS])
    forwarded = -3
    for number, (before, paragraph) in enumerate(zip(paragraphs, paragraphs[1:]), start=1):
        if _FORWARDED.fullmatch(before.strip()):
            forwarded = number
        set_apart = paragraph.lstrip("\n")[:1] in (">", " ", "\t")
        if not (before.rstrip().endswith(":") or set_apart or number - forwarded <= 1):
            continue
        found = parse_dateline(_QUOTE_MARKS.sub("", paragraph).strip())
        if found.location and (found.month or found.agency):
            return found
    return None


def _date_after_dash(dateline: Dateline) -> tuple[Dateline, str]:
    """A dateline with no date whose next line is one (Afghanistan's `Kabul – Wednesday, 18 Jawza 1390
    (8 June 2011)`): the dateline without that line, and its date ("" otherwise)."""
    first_line, _, after = dateline.rest.lstrip().partition("\n")
    dated = date_line(first_line.strip()) if dateline.location and not dateline.month and first_line.strip() else None
    return (replace(dateline, rest=after), dated[0]) if dated else (dateline, "")


def _own_date(header: Header, footer, meta: Metadata, title: str, text: str) -> str:
    """The release's own date line (header or signature), else a dated headline (`Contracts For Oct. 7,
    2025`) where the metadata gives no date."""
    if header.date or footer.date or meta.date or meta.header_date:
        return header.date or footer.date
    return trailing_date(title) or numbered_date(title) or (
        "" if header.found else trailing_date(text.lstrip().split("\n", 1)[0])) or footer.page_date


def _issuing_country(header: Header, dateline, issuer: str, title: str, body: str) -> str:
    """The country of a release with no place, from who issued it: GOV.UK's page, a foreign body's or
    a letterhead's header, a body only one country has; else the country its headline opens with."""
    # (a country line alone is a table's as often as a header's: it counts beside an issuer line).
    country = (header.country if header.issuer else "") or header.government or (
        issuer_country(issuer) if issuer else "")
    if not country and issuer and foreign_portfolio(issuer) and not names_indian_body(issuer):
        # A minister's office with no country (`Minister for Foreign Affairs`) is the one of the
        # country the release opens with (`Australia will provide ...`).
        country = next(filter(None, (leading_country(title), leading_country(body))), "")
    elif not country and header.found and not issuer and not (dateline.agency or header.agency):
        # So is a government's release with a header and no issuer, by the country its headline
        # names first (`New Zealand supports ...`, `Japan-Sri Lanka Foreign Ministers' Meeting`).
        country = leading_country(title, demonym=False)
    # India's releases say so by their place or issuing line; a headline naming India is no sign.
    return "" if country == "India" else country


def _as_dateline_says(reference: str, dateline) -> str | None:
    """A date line's date, its figures swapped when the dateline reads them the other way round
    (`12/03/2015 06:40 PM` above `KUALA LUMPUR, March 12`)."""
    if not reference:
        return None
    year, month, day = (int(part) for part in reference.split("-"))
    if (month, day) == (dateline.day, dateline.month) and month != day:
        return f"{year:04d}-{day:02d}-{month:02d}"
    return reference


def stated_ministries(names: list[str]) -> list[str]:
    """The canonical names of the ministries a file states, each once, in its order."""
    return _unique(canonical_issuer(name) for name in names if name.strip())


def _ministries(meta: Metadata, issuer: str, country: str, title: str, body: str) -> list[str]:
    if meta.ministries:
        return stated_ministries(meta.ministries)
    # PIB's issuing line is India's; a header's is the body of the country the release is from.
    issued = [(canonical_issuer(issuer) if meta.issuer else canonical_body(issuer, country))] if issuer.strip() else []
    # A foreign government's release speaks of its own ministers (`the Defence Secretary`); agency
    # copy from abroad still speaks of India's.
    home = country if issued and not meta.issuer and issued[0].endswith(f"({country})") else "India"
    # A release says what it is about early on: the first pages of a very long one are read for
    # ministries, so that extraction costs the same for a release of megabytes as for a long one.
    return _unique([*issued, *find_ministries(f"{title}\n\n{body[:MINISTRY_WINDOW]}", home)])


def _unique(names) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


def tidy_body(text: str) -> str:
    """Return `text` with line endings unified, lines trimmed, and paragraphs kept."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def first_sentence(body: str) -> str:
    """Return the first sentence of `body`, cut on a word boundary to about TITLE_LIMIT characters."""
    first, _, then = body.strip().partition("\n")
    following = then.lstrip().split("\n", 1)[0]
    # A headline on a line of its own above a paragraph of one long line (not a hard-wrapped text).
    if first and len(first) <= TITLE_LIMIT and not first.rstrip().endswith((".", ",", ";", ":", "!", "?")) \
            and following[:1].isupper() and len(following) > max(100, 1.5 * len(first)):
        return first.strip().lstrip("#*> ").strip()
    paragraph = collapse_spaces(body.strip().split("\n\n", 1)[0]).lstrip("#*> ").strip()
    sentence = paragraph
    for match in _SENTENCE_END.finditer(paragraph):
        word = paragraph[:match.start()].rsplit(" ", 1)[-1].lower()
        if word in _ABBREVIATIONS or len(word) == 1 or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
            continue
        sentence = paragraph[:match.end()]
        break
    if len(sentence) <= TITLE_LIMIT:
        return sentence
    cut = sentence[:TITLE_LIMIT + 1].rsplit(" ", 1)[0].rstrip(",;:-")
    return cut + "\u2026"


def explicit_date(value: object, source: str, line: int | None = None) -> str:
    """Return a metadata date as `YYYY-MM-DD`, raising ParseError naming the file when it is not one."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    try:
        return parse_explicit_date(value)
    except ValueError as exc:
        raise ParseError(source, f"bad date: {exc}", line) from None
