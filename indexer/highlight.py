"""Mark a query's words in text, matching them as the index does (stemmed), and cut snippets.

Done here rather than with Whoosh's highlighter, which re-analyses each hit's whole stored
body and cost about 8 ms a hit at 100,000 releases; words' stems are cached instead.
"""

from __future__ import annotations

import html
import re

import regex

from archive.normalise import plain_punctuation
from archive.scripts import LETTER, normalise_indic, normalise_prefix
from indexer.analysis import word_stems
from indexer.bodies import STORED_BODY_CHARS

# Tags and character references are never marked inside.
_TAG = re.compile(r"(<[^>]*>|&#?\w+;)")
# Words are marked whole, in every script; "U.S." is marked letter by letter as it always was.
_WORD = regex.compile(rf"{LETTER}+")
_PREFIX = regex.compile(rf"({LETTER}{{2,}})[*?]")
_WHOLE_WORD = regex.compile(rf"{LETTER}+(?![*?]|{LETTER})")
_EXCLUDED = re.compile(r'(?:\bNOT\s+|(?<![^\s(])-)(?:"[^"]*"|\S+)')
_FIELD_PREFIX = re.compile(r"\b\w+:")
_OPERATORS = {"AND", "OR", "NOT", "TO"}
#: Snippets look for the query's words in the first this many characters of a release, so that a
#: snippet costs the same for a release of megabytes as for one of a page.
SNIPPET_WINDOW = STORED_BODY_CHARS
_HEAD = 2


class Marker:
    """The words of a query, to recognise them in text whatever their inflection."""

    def __init__(self, text: str):
        text = _FIELD_PREFIX.sub(" ", _EXCLUDED.sub(" ", plain_punctuation(text or "")))
        self.prefixes = tuple(normalise_prefix(w.lower()) for w in _PREFIX.findall(text))
        words = [w for w in _WHOLE_WORD.findall(text) if w not in _OPERATORS]
        self.stems = frozenset().union(*map(word_stems, words)) if words else frozenset()
        # The stemmers only ever change the end of a word, so a word can share a stem with the
        # query only if it begins as one of the stems does: most words are passed over without
        # being stemmed, which is what a snippet of a long release spends its time on.
        self._heads = frozenset(stem[:_HEAD] for stem in self.stems)

    def __bool__(self) -> bool:
        return bool(self.stems or self.prefixes)

    def matches(self, word: str) -> bool:
        """Whether `word` is one the query searches for."""
        lower = _comparable(word)
        if self.prefixes and lower.startswith(self.prefixes):
            return True
        return (lower[:_HEAD] in self._heads or lower[:1] in self._heads) and bool(word_stems(word) & self.stems)

    def mark_html(self, html_text: str) -> str:
        """Wrap the query's words in already-escaped HTML (text between tags) in <mark>."""
        if not self:
            return html_text

        def mark_word(match) -> str:
            word = match.group()
            return f"<mark>{word}</mark>" if self.matches(word) else word

        parts = _TAG.split(html_text)
        return "".join(part if part[:1] in "<&" else _WORD.sub(mark_word, part) for part in parts)

    def snippet(self, text: str, size: int = 240, fragments: int = 2) -> str:
        """Return escaped HTML: up to `fragments` passages of `text` around the query's words, marked."""
        whole_length = len(text)
        text = " ".join(text[:SNIPPET_WINDOW].split())
        spans: list[tuple[int, int]] = []
        width = size // fragments
        for match in _WORD.finditer(text):
            if spans and match.start() < spans[-1][1]:
                continue
            if self.matches(match.group()):
                start = _word_start(text, max(0, match.start() - width // 3))
                if spans and start <= spans[-1][1] + 1:
                    # Close to the last passage: it goes on (up to the snippet's size) rather than
                    # a second passage repeat its end.
                    end = _word_end(text, match.end() + width - width // 3)
                    if end - spans[-1][0] <= size:
                        spans[-1] = (spans[-1][0], end)
                    continue
                spans.append((start, _word_end(text, start + width)))
                if len(spans) == fragments:
                    break
        if not spans:
            return lead(text, size)
        pieces = []
        for start, end in spans:
            piece = self.mark_html(html.escape(text[start:end]))
            more = end < len(text) or whole_length > SNIPPET_WINDOW
            pieces.append(("\u2026 " if start else "") + piece + (" \u2026" if more else ""))
        return " ".join(pieces).replace("\u2026 \u2026", "\u2026")


def _comparable(word: str) -> str:
    lower = word.lower()
    return lower if lower.isascii() else normalise_indic(lower)


def _word_start(text: str, position: int) -> int:
    if position <= 0:
        return 0
    space = text.rfind(" ", 0, position)
    return space + 1 if space != -1 else 0


def _word_end(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    space = text.find(" ", position)
    return space if space != -1 else len(text)


def lead(text: str, size: int = 240) -> str:
    """Return the start of `text`, escaped, cut on a word boundary."""
    window = text[:size * 4]
    start = " ".join(window.split())
    if len(start) > size:
        start = start[:_word_end(start, size)].rstrip() + " \u2026"
    elif len(window) < len(text):
        start += " \u2026"
    return html.escape(start)


def mark_terms(html_text: str, q: str) -> str:
    """Wrap each word of `html_text` (text between tags) that the query `q` searches for in <mark>."""
    return Marker(q).mark_html(html_text)
