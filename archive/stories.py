"""Copies of one story: the text two releases are compared by, how alike they are, and what changed.

Two releases are one story when one is the other re-sent, re-issued, corrected, cut or extended.
They are compared by their words with the furniture taken off (dateline, agency credit, PIB's
`Posted On` line, sign-offs): as sets of three-word shingles, and by the numbers and names they
give. Releases made from one template (two companies' dividends, two weeks' data) share most
shingles but not their numbers and names: that is what tells them apart (README, "Stories").
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date

import regex

from archive.dateline import parse_dateline
from archive.model import Release
from archive.normalise import fold
from archive.scripts import LETTER, ascii_digits

#: Releases more than this many days apart are never one story.
STORY_WINDOW_DAYS = 3
SHINGLE_WORDS = 3

_WORD = regex.compile(rf"{LETTER}+(?:[.,'’]{LETTER}+)*")
_NUMBER = regex.compile(r"\d")
_NAME = regex.compile(r"\b\p{Lu}[\p{L}\p{M}]+")
_POSTED = re.compile(r"^\s*Posted On:[^\n]*\n", re.IGNORECASE)
# Lines that end a release without being part of it: `Reuter`, `***`, `(ANI)`, `MJPS/SR`, `-END-`.
_SIGN_OFF = re.compile(
    r"(?:\n\s*(?:\*{2,}|#{3,}|-+ ?end ?-+|ends?|reuters?|\((?:ANI|IANS|PTI|UNI)\)|[A-Z]{2,}(?:/[A-Z0-9.\-]+)+"
    r"|\(Release ID: ?\d+\)|\(Visitor Counter ?: ?\d+\))[ \t]*)+\s*$",
    re.IGNORECASE,
)


def story_text(release: Release) -> str:
    """The release's body with its dateline, agency credit, `Posted On` line and sign-off taken off."""
    text = _POSTED.sub("", release.body.lstrip())
    text = parse_dateline(text).rest
    return _SIGN_OFF.sub("", "\n" + text).strip()


def story_words(text: str) -> list[str]:
    """The words of a story text, folded (case, accents and Indian spellings ignored)."""
    return _WORD.findall(fold(ascii_digits(text)))


def shingles(words: list[str]) -> set[str]:
    """The runs of SHINGLE_WORDS words (the whole text when shorter)."""
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[n:n + SHINGLE_WORDS]) for n in range(len(words) - SHINGLE_WORDS + 1)}


@dataclass(frozen=True)
class Comparison:
    """How alike two releases' story texts are."""

    #: Shingles in common over shingles of either (Jaccard).
    similarity: float
    #: Shingles in common over those of the shorter text: 1 when one is a cut of the other.
    containment: float
    #: Of the shorter text's numbers, the share the other has too (1 when it has none); the same of names.
    numbers: float
    names: float
    #: Words in common over words of either headline.
    titles: float
    #: Days between the two (0 when either is undated).
    days: int
    #: Words of the shorter text.
    length: int
    identical: bool
    #: Whether a number of one stands where the other has another word (a changed figure).
    figure_changed: bool = False

    @property
    def kind(self) -> str:
        """`duplicate`, `version`, or "" when the two are different stories."""
        if self.length < MIN_WORDS:
            return ""
        if self.identical or (self.similarity >= DUPLICATE_SIMILARITY and self.numbers == 1
                              and self.names >= DUPLICATE_SIMILARITY):
            return "duplicate"
        return "version" if self.same_event else ""

    @property
    def same_event(self) -> bool:
        """Whether the two tell of the same event: much text in common, its numbers and names agreeing."""
        facts = min(self.numbers, self.names)
        if self.containment < VERSION_CONTAINMENT or facts < VERSION_FACTS:
            return False
        # A short item of set wording (a dividend, a rate) names its event in the headline.
        if self.length < SHORT_WORDS and (self.titles < SHORT_TITLES or facts < 1):
            return False
        # The same report on another day, its figures changed, is that day's report; a reply to
        # another question days later shares its background, not its headline.
        if self.days and (self.figure_changed or self.numbers < 1 and self.length < SHORT_WORDS * 2
                          or self.titles < LATER_TITLES):
            return False
        return self.similarity >= VERSION_SIMILARITY or self.titles >= VERSION_TITLES


#: Texts of fewer words never make a story (a release that is all headline and sign-off).
MIN_WORDS = 8
#: At least this similarity, with every number and this share of names the same: the same text (a re-send).
DUPLICATE_SIMILARITY = 0.9
#: A version shares this much of the shorter text, and as many of its numbers and names ...
VERSION_CONTAINMENT = 0.5
VERSION_FACTS = 0.75
#: ... and this much of all the text, or of the headline.
VERSION_SIMILARITY = 0.7
VERSION_TITLES = 0.3
#: Texts shorter than this are set wording: their headlines must agree.
SHORT_WORDS = 30
SHORT_TITLES = 0.5
#: A release of another day must have a headline this much like the other's.
LATER_TITLES = 0.2


@dataclass(frozen=True)
class StoryText:
    """A release's text as stories compare it."""

    words: tuple[str, ...]
    shingles: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    title: frozenset[str]
    day: int

    @classmethod
    def of(cls, release: Release) -> StoryText:
        """Prepare a release for comparing."""
        text = story_text(release)
        words = story_words(text)
        title = story_words(_TICKER.sub(" ", release.title))
        numbers = frozenset(word for word in (*words, *title) if _NUMBER.search(word))
        names = frozenset(fold(name) for name in _NAME.findall(f"{release.location} {release.title} {text}")) - _COMMON
        return cls(tuple(words), frozenset(shingles(words)), numbers, names, frozenset(title), day_number(release.date))


_TICKER = re.compile(r"<[^<>]*>")
#: Capitalised words that are no name (they start sentences and headlines).
_COMMON = frozenset("""a an and as at be but by for from had has have he her his in is it its of on or said says
she that the their there these they this those to was we were will with""".split())


#: The day number of an undated release (dated ones are proleptic ordinals, from 1).
UNDATED = 0


def day_number(iso: str) -> int:
    """The day of an ISO date as a number, to count days between releases; UNDATED when there is none."""
    try:
        return date.fromisoformat(iso[:10]).toordinal()
    except ValueError:
        return UNDATED


def compare(first: StoryText, second: StoryText) -> Comparison:
    """How alike two releases' story texts are."""
    days = abs(first.day - second.day) if first.day and second.day else 0
    shorter, longer = sorted((first, second), key=lambda text: len(text.shingles))
    titles = len(first.title & second.title) / len(first.title | second.title) if first.title | second.title else 0.0
    if first.words == second.words:
        return Comparison(1.0, 1.0, 1.0, 1.0, titles, days, len(first.words), True)
    shared = len(first.shingles & second.shingles)
    union = len(first.shingles | second.shingles)
    return Comparison(
        similarity=shared / union if union else 0.0,
        containment=shared / len(shorter.shingles) if shorter.shingles else 0.0,
        numbers=_share(shorter.numbers, longer.numbers), names=_share(shorter.names, longer.names),
        titles=titles, days=days, length=min(len(first.words), len(second.words)), identical=False,
        figure_changed=_figure_changed(first.words[:ALIGNED_WORDS], second.words[:ALIGNED_WORDS]),
    )


#: Words of each text aligned to find changed figures (the start of a long text is enough).
ALIGNED_WORDS = 1000


def _figure_changed(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether, the texts aligned word by word, a number in one stands in place of other words."""
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    return any(op == "replace" and any(_NUMBER.search(word) for word in (*first[a0:a1], *second[b0:b1]))
               for op, a0, a1, b0, b1 in matcher.get_opcodes())


def _share(few: frozenset[str], many: frozenset[str]) -> float:
    return len(few & many) / len(few) if few else 1.0


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """The words of `new` against `old` as (op, text) runs: op is "same", "deleted" or "inserted"."""
    before, after = _TOKEN.findall(old), _TOKEN.findall(new)
    # Compared by the words alone: a change of spacing or line breaks is no change.
    matcher = difflib.SequenceMatcher(None, [" " if token.isspace() else token for token in before],
                                      [" " if token.isspace() else token for token in after], autojunk=False)
    runs: list[tuple[str, str]] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("same", "".join(after[b0:b1])))
            continue
        if a1 > a0:
            runs.append(("deleted", "".join(before[a0:a1])))
        if b1 > b0:
            runs.append(("inserted", "".join(after[b0:b1])))
    return runs
