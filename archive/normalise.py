"""Small text normalisations shared by the readers and the extractors."""

from __future__ import annotations

import re
import unicodedata

from archive.scripts import normalise_indic

_SPACES = re.compile(r"\s+")
# The combining accents of Latin, Greek and Cyrillic letters (not the vowel signs of other scripts).
_ACCENTS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# Typographic quotes and dashes pasted from documents, mapped to their plain forms.
_PLAIN = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ",
})


def fold(text: str) -> str:
    """Return `text` lower-cased with accents removed, for comparisons (`Malé` == `MALE`); words of
    Indian scripts keep their vowel signs and get one spelling (`वित्‍त` == `वित्त`)."""
    if text.isascii():
        return " ".join(text.split()).casefold()
    decomposed = unicodedata.normalize("NFKD", normalise_indic(text))
    return collapse_spaces(unicodedata.normalize("NFC", _ACCENTS.sub("", decomposed))).casefold()


def strip_accents(text: str) -> str:
    """Return `text` with combining accents removed but case kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def collapse_spaces(text: str) -> str:
    """Return `text` with every run of white space (CR/LF included) made one space, trimmed."""
    return _SPACES.sub(" ", text).strip()


def plain_punctuation(text: str) -> str:
    """Return `text` with curly quotes and typographic dashes made straight ASCII ones."""
    return text.translate(_PLAIN)
