"""Release files the archive writes itself (from feeds), in shapes its readers know.

A feed entry with only its own content becomes Markdown with front matter:

    ---
    title: Defence Secretary visits Maldives
    date: '2025-10-07 16:10'
    url: https://pib.gov.in/PressReleasePage.aspx?PRID=2175412
    agency: PIB
    ---
    Male, Oct 7 ...

A page an entry links to is kept as it was served, with the facts the feed states about it as
`<meta name="press-archive:KEY" content="...">` in its head, which the HTML reader reads back.
"""

from __future__ import annotations

import html
import re

import yaml

#: The facts a pulled page may carry, and how the HTML reader treats each: all but `date` win over
#: what the page says; `date` is the feed's, used only when the page gives none.
PAGE_FACTS = ("url", "date", "agency", "language", "ministries")
META_PREFIX = "press-archive:"

_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_FIRST_TAG = re.compile(r"<(?!!|\?)", re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
# Facts a page states already: only those `pull` puts in count.
_STATED = re.compile(rf"<meta\b[^>]*\bname\s*=\s*[\"']?{re.escape(META_PREFIX)}[^>]*>", re.IGNORECASE)


def markdown_release(facts: dict[str, object], text: str) -> str:
    """A Markdown release: `facts` (title, date, url, agency ...) as front matter, then `text` as it reads."""
    kept = {key: value for key, value in facts.items() if value not in (None, "", [])}
    front = yaml.safe_dump(kept, allow_unicode=True, sort_keys=False, width=1000) if kept else ""
    # The text as it reads, unescaped: the index and the exports keep what the feed said.
    return f"---\n{front}---\n{text.strip()}\n"


def page_with_facts(page: str, facts: dict[str, object]) -> str:
    """The HTML `page` with a `press-archive:` meta element for each fact, inserted at the start of its head."""
    metas = "".join(
        f'<meta name="{META_PREFIX}{key}" content="{html.escape(_as_text(value), quote=True)}">\n'
        for key, value in facts.items() if key in PAGE_FACTS and value not in (None, "", []))
    page = _STATED.sub("", page)
    if not metas:
        return page
    # A `<head>` inside a comment is none: tags are looked for with comments blanked out.
    uncommented = _COMMENT.sub(lambda comment: " " * len(comment[0]), page)
    head = _HEAD.search(uncommented)
    if head:
        return page[:head.end()] + "\n" + metas + page[head.end():]
    # A page without a head: the metas go before its first element (after any doctype).
    first = _FIRST_TAG.search(uncommented)
    at = first.start() if first else len(page)
    return page[:at] + metas + page[at:]


def _as_text(value: object) -> str:
    return "; ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
