"""Reuters-21578 SGML files (`.sgm`): many `<REUTERS>` items per file, Latin-1 (the file is read an
item at a time by `archive.reading`).

    <REUTERS ... NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE> ... <TEXT><TITLE>BAHIA COCOA REVIEW</TITLE>
    <DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued ...</BODY></TEXT></REUTERS>
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator

from archive.dates import parse_explicit_time
from archive.extract import Metadata, build_release, explicit_date
from archive.model import ParseError, Release

_ITEM = re.compile(r"<REUTERS\b(?P<attrs>[^>]*)>(?P<inner>.*?)(?:</REUTERS>|(?=<REUTERS\b)|\Z)", re.DOTALL)
#: The end of an item: files are read an item at a time up to it.
END_OF_ITEM = b"</REUTERS>"
_NEWID = re.compile(r'NEWID="(\d+)"')
_TRAILER = re.compile(r"\s*(?:Reuter|REUTER)?\s*\x03?\s*$")


def _element(inner: str, name: str) -> str:
    match = re.search(rf"<{name}>(.*?)</{name}>", inner, re.DOTALL | re.IGNORECASE)
    return html.unescape(match[1]).replace("\x03", "") if match else ""


def read_sgml(text: str, stem: str, source: str, first_line: int = 1) -> Iterator[Release | ParseError]:
    """Yield one release (or a ParseError naming the line) per `<REUTERS>` item of `text`.

    `text` is a whole file or a piece of one that starts on line `first_line`.
    """
    for match in _ITEM.finditer(text):
        line = text.count("\n", 0, match.start()) + first_line
        try:
            yield read_item(match, stem, source, line)
        except ParseError as error:
            yield error


def read_item(match: re.Match[str], stem: str, source: str, line: int) -> Release:
    """Return the release of one `<REUTERS>` item."""
    if not match.group(0).rstrip().endswith("</REUTERS>"):
        raise ParseError(source, "<REUTERS> item is not closed (truncated file?)", line)
    inner = match["inner"]
    newid = _NEWID.search(match["attrs"])
    release_id = f"reuters-{newid[1]}" if newid else f"{stem}-{line}"
    filed = _element(inner, "DATE").strip()
    stamp = filed.split(" ")[0]
    meta = Metadata(
        title=_headline_case(_element(inner, "TITLE")),
        agency="Reuters",
    )
    # The <DATE> element is when the item was filed: the header date the dateline's day is read against.
    meta.header_date = explicit_date(stamp, source, line) if stamp else ""
    meta.time = parse_explicit_time(filed)
    body = _TRAILER.sub("", _element(inner, "BODY"))
    text = f"{_element(inner, 'DATELINE').strip()} {body}".strip()
    if not text and not meta.title:
        raise ParseError(source, "<REUTERS> item has no title and no text", line)
    return build_release(release_id, f"{source}:{line}", text, meta)


def _headline_case(title: str) -> str:
    """`BAHIA COCOA REVIEW` -> `Bahia Cocoa Review`; abbreviations such as `U.S.` are kept."""
    words = title.split()
    return " ".join(word if "." in word else word[:1].upper() + word[1:].lower() for word in words)
