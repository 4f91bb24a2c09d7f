"""Mark a query's words in already-escaped HTML, matching them as the index does (stemmed)."""

from __future__ import annotations

import re
from functools import lru_cache

from whoosh.analysis import StemmingAnalyzer

from archive.normalise import plain_punctuation

# Tags and character references are never marked inside.
_TAG = re.compile(r"(<[^>]*>|&#?\w+;)")
_WORD = re.compile(r"\w+")
_SYNTAX_WORDS = {"and", "or", "not", "to"}
_FIELD_PREFIX = re.compile(r"\b\w+:")


@lru_cache(maxsize=1)
def _analyzer():
    return StemmingAnalyzer()


def _stems(text: str) -> set[str]:
    return {token.text for token in _analyzer()(text)}


@lru_cache(maxsize=20000)
def _word_stems(word: str) -> frozenset[str]:
    return frozenset(_stems(word))


def query_stems(q: str) -> set[str]:
    """Return the stems of the words a user query searches for (operators and field names left out)."""
    text = _FIELD_PREFIX.sub(" ", plain_punctuation(q or ""))
    words = [w for w in _WORD.findall(text) if w.lower() not in _SYNTAX_WORDS and w not in ("AND", "OR", "NOT")]
    return _stems(" ".join(words))


def mark_terms(html_text: str, q: str) -> str:
    """Wrap each word of `html_text` (text between tags) whose stem the query has in <mark>."""
    stems = query_stems(q)
    if not stems:
        return html_text

    def mark_word(match: re.Match[str]) -> str:
        word = match.group()
        return f"<mark>{word}</mark>" if _word_stems(word) & stems else word

    parts = _TAG.split(html_text)
    return "".join(part if part[:1] in "<&" else _WORD.sub(mark_word, part) for part in parts)
