"""The visible text of HTML as blocks, one per paragraph-like element (pages, feed entries' content)."""

from __future__ import annotations

from html.parser import HTMLParser

from archive.release_files import META_PREFIX

_SKIPPED = {"script", "style", "noscript", "nav", "header", "footer", "form", "button", "select",
            "iframe", "svg", "template", "head", "aside"}
_VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "section", "article",
           "blockquote", "pre", "ul", "ol", "dd", "dt", "figcaption", "br", "hr", "main", "body", "td"}

class TextBlocks(HTMLParser):
    """Collects the visible text of a page as blocks, one per paragraph-like element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.title = ""
        #: The text of the page's first <h1>: its headline, when it is no PIB page.
        self.heading = ""
        self._h1: list[str] | None = None
        self._current: list[str] = []
        self._skipping: list[str] = []
        self._in_title = False
        #: (href, text) of every link, for the links to the release in other languages.
        self.links: list[tuple[str, str]] = []
        self._link: list[str] | None = None
        self._href = ""
        #: What a `press-archive:` meta element states (a page saved by `pull`), by key.
        self.facts: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "title":
            self._in_title = True
        if tag == "h1" and not self.heading and not self._skipping:
            self._h1 = []
        if tag == "a":
            self._href, self._link = dict(attrs).get("href") or "", []
        if tag == "meta":
            attributes = dict(attrs)
            name = (attributes.get("name") or "").strip().lower()
            if name.startswith(META_PREFIX) and attributes.get("content"):
                self.facts.setdefault(name[len(META_PREFIX):], attributes["content"].strip())
        if tag in _SKIPPED and tag not in _VOID:
            self._skipping.append(tag)
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "h1" and self._h1 is not None:
            self.heading, self._h1 = " ".join("".join(self._h1).split()), None
        if tag == "a" and self._link is not None:
            self.links.append((self._href, " ".join("".join(self._link).split())))
            self._link = None
        if self._skipping and tag == self._skipping[-1]:
            self._skipping.pop()
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link.append(data)
        if self._h1 is not None and not self._skipping:
            self._h1.append(data)
        if self._in_title:
            self.title += data
        elif not self._skipping:
            self._current.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        self._current = []
        if text:
            self.blocks.append(text)

    def close(self) -> None:
        super().close()
        self._flush()


def html_text(markup: str) -> str:
    """The visible text of HTML (a page or a fragment, such as a feed entry's content), a paragraph a block."""
    parser = TextBlocks()
    parser.feed(markup)
    parser.close()
    return "\n\n".join(parser.blocks)
