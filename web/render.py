"""Release bodies as HTML: plain paragraphs, or Markdown with raw HTML shown as text, never run."""

from __future__ import annotations

import html

import markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from indexer import mark_terms


_SAFE_SCHEMES = ("http://", "https://", "mailto:", "/", "#")
#: A release page shows at most this much of a release's text, so a release of megabytes costs
#: what a long one does; the rest is in its JSON.
PAGE_CHARS = 100_000


class _DropUnsafeLinks(Treeprocessor):
    """Remove link and image targets that are not web, mail or local addresses (`javascript:`)."""

    def run(self, root):
        for element in root.iter():
            for attribute in ("href", "src"):
                target = element.get(attribute)
                if target is not None and not target.strip().lower().startswith(_SAFE_SCHEMES):
                    del element.attrib[attribute]


def _markdown_without_raw_html() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    # With the raw-HTML handlers gone, <script> in a release is escaped like any other text.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_DropUnsafeLinks(md), "drop_unsafe_links", 0)
    return md


def page_text(body: str, limit: int = PAGE_CHARS) -> str:
    """The part of a body a release page shows: all of it, or its start cut at a paragraph or line."""
    if len(body) <= limit:
        return body
    start = body[:limit]
    for boundary in ("\n\n", "\n", " "):
        cut = start.rfind(boundary)
        if cut > limit // 2:
            return start[:cut]
    return start


def body_html(body: str, body_format: str, q: str = "") -> Markup:
    """Return a release's body as safe HTML, the query's words marked."""
    if body_format == "markdown":
        rendered = _markdown_without_raw_html().convert(body)
    else:
        paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
        rendered = "\n".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return Markup(mark_terms(rendered, q) if q else rendered)
