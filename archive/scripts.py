"""India's scripts: which one a text is written in, and one spelling for each word of them.

The normalisation is what makes a word typed one way find the same word written another:
PIB puts zero-width joiners after viramas (`वित्‍त`), a nukta letter may be precomposed or not
(`क़`/`क़`) or left out (`फ़`/`फ`), `हिन्दी` and `हिंदी` are both current, Urdu text mixes Arabic
and Urdu letters (`ك`/`ک`, `ي`/`ی`), and numbers come in every script's digits. Text that is not
in an Indian script is left as it is.
"""

from __future__ import annotations

import re
import unicodedata

import regex

#: A letter of a word in any script (a `regex` class): what Python's `\w` matches (letters,
#: numbers, `_`), the marks that go with them (vowel signs, viramas, nuktas), and joiners.
#: (The `regex` module's own `\w` differs from Python's on `½`, `²` ...)
LETTER = r"[\p{L}\p{N}_\p{M}\u200c\u200d]"
#: Unicode blocks of the scripts, by name.
SCRIPT_RANGES = {
    "Devanagari": ("\u0900", "\u097f"),
    "Bengali": ("\u0980", "\u09ff"),
    "Gurmukhi": ("\u0a00", "\u0a7f"),
    "Gujarati": ("\u0a80", "\u0aff"),
    "Odia": ("\u0b00", "\u0b7f"),
    "Tamil": ("\u0b80", "\u0bff"),
    "Telugu": ("\u0c00", "\u0c7f"),
    "Kannada": ("\u0c80", "\u0cff"),
    "Malayalam": ("\u0d00", "\u0d7f"),
    "Arabic": ("\u0600", "\u06ff"),
}
_INDIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u0900-\u0d7f\ufb50-\ufdff\ufe70-\ufeff]")
# Zero-width characters, soft hyphens and (emoji) variation selectors: invisible, never part of a word.
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u00ad\ufeff\ufe00-\ufe0f]")
#: The nukta of each Brahmic script: a dot that makes another consonant (`ज़`), often left out.
_NUKTAS = re.compile("[\u093c\u09bc\u0a3c\u0abc\u0b3c\u0cbc]")
# A nasal consonant with a virama before another consonant is written as an anusvara too:
# `हिन्दी` / `हिंदी`, `सम्बन्ध` / `संबंध`.
_NASAL_CONJUNCT = re.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[\u0915-\u0939])")
_SPELLINGS = str.maketrans({
    "\u0901": "\u0902",  # Devanagari chandrabindu as anusvara
    "\u0a70": "\u0a02",  # Gurmukhi tippi as bindi
    "\u0a71": None,      # Gurmukhi addak (a doubled consonant), often not written
    # Malayalam's atomic chillus as the older consonant + virama (+ joiner, removed) they replace
    "\u0d7a": "\u0d23\u0d4d", "\u0d7b": "\u0d28\u0d4d", "\u0d7c": "\u0d30\u0d4d", "\u0d7d": "\u0d32\u0d4d",
    "\u0d7e": "\u0d33\u0d4d", "\u0d7f": "\u0d15\u0d4d",
    "\u0643": "\u06a9",  # Arabic kaf as Urdu keheh
    "\u064a": "\u06cc", "\u0649": "\u06cc",  # Arabic yeh and alef maksura as Farsi yeh
    "\u0647": "\u06c1",  # Arabic heh as Urdu heh goal
    "\u0629": "\u06c1",  # teh marbuta
    "\u0623": "\u0627", "\u0625": "\u0627",  # alef with hamza as alef
    "\u0640": None,      # tatweel (a stretch)
    **{chr(code): None for code in range(0x064b, 0x0660)},  # Arabic vowel marks
    "\u0670": None,      # superscript alef
})
#: Digits of every script as ASCII digits.
_DIGITS = str.maketrans({chr(zero + n): str(n) for zero in (
    0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66) for n in range(10)})


def is_indic(text: str) -> bool:
    """Whether `text` has a letter of an Indian script or of Urdu's."""
    return _INDIC.search(text) is not None


def script_counts(text: str) -> dict[str, int]:
    """How many letters of each script `text` has ("Latin" for a-z and accented letters)."""
    letters = _NOT_LETTERS.sub("", text)
    if letters.isascii():
        return {"Latin": len(letters)} if letters else {}
    # Each letter becomes its script's mark, then the marks are counted (no loop over characters here).
    marked = letters.translate(_SCRIPT_MARKS)
    counts = {}
    for mark, name in enumerate(_MARKED_SCRIPTS, start=1):
        if found := marked.count(chr(mark)):
            counts[name] = found
    return counts


_NOT_LETTERS = regex.compile(r"[^\p{L}\p{M}]+")
_MARKED_SCRIPTS = ["Latin", *SCRIPT_RANGES]


def _script_marks() -> dict[int, str]:
    marks = {code: chr(1) for code in range(0x250)}
    for mark, name in enumerate(_MARKED_SCRIPTS[1:], start=2):
        low, high = SCRIPT_RANGES[name]
        marks.update({code: chr(mark) for code in range(ord(low), ord(high) + 1)})
    arabic = chr(_MARKED_SCRIPTS.index("Arabic") + 1)
    marks.update({code: arabic for code in [*range(0x750, 0x780), *range(0xfb50, 0xff00)]})
    return marks


_SCRIPT_MARKS = str.maketrans(_script_marks())


def _script_of_char(char: str) -> str:
    for name, (low, high) in SCRIPT_RANGES.items():
        if low <= char <= high:
            return name
    if "\u0750" <= char <= "\u077f" or "\ufb50" <= char <= "\ufeff":
        return "Arabic"
    return ""


def main_script(text: str) -> str:
    """The script most of the letters of `text` are in ("" when it has none)."""
    counts = script_counts(text)
    return max(counts, key=counts.get) if counts else ""


def ascii_digits(text: str) -> str:
    """`text` with the digits of every script made ASCII digits (`२०२०`, `২০২০` -> `2020`)."""
    return text.translate(_DIGITS)


_NASAL_BEFORE_WILDCARD = re.compile("[\u0919\u091e\u0923\u0928\u092e]\u094d(?=[*?]|$)")


def normalise_prefix(text: str) -> str:
    """A wildcard's letters (`हिन्*`) as the words they should match are spelt: a nasal with a
    virama before the wildcard may stand before a consonant, where words spell it as an anusvara."""
    return _NASAL_BEFORE_WILDCARD.sub("\u0902", normalise_indic(text))


def normalise_indic(text: str) -> str:
    """One spelling for the words of Indian scripts and Urdu, for matching; other text unchanged
    but for its digits and zero-width characters."""
    text = _ZERO_WIDTH.sub("", ascii_digits(text))
    if not is_indic(text):
        return text
    # Decomposed, a precomposed nukta letter (U+0958...) is its consonant and a nukta.
    text = _NUKTAS.sub("", unicodedata.normalize("NFD", text))
    text = _NASAL_CONJUNCT.sub("\u0902", text)
    return unicodedata.normalize("NFC", text.translate(_SPELLINGS))
