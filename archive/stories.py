"""Copies of one story: the text two releases are compared by, how alike they are, and what changed.

Two releases are one story when one is the other re-sent, re-issued, corrected, cut or extended.
They are compared by their words with the furniture taken off (dateline, agency credit, PIB's
`Posted On` line, sign-offs, a minister's answer-in-Parliament line, whose House is kept as a
fact): as sets of three-word shingles, in order, and by the numbers, names and headline subjects
they give. Releases made from one template (two companies' dividends, two weeks' data, one answer
to two questions) share most shingles but not their numbers, names, subjects or question: that
is what tells them apart (README, "Stories").
"""

from __future__ import annotations

import difflib
import functools
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
# A capitalised word after a lower-case word or a comma: a name, not a sentence's first word.
_MID_NAME = regex.compile(r"(?<=[\p{Ll}\d,;:]\s+)\p{Lu}[\p{L}\p{M}]+")
_POSTED = re.compile(r"^\s*Posted On:[^\n]*\n", re.IGNORECASE)
# Lines that end a release without being part of it: `Reuter`, `***`, `(ANI)`, `MJPS/SR`, `-END-`.
_SIGN_OFF = re.compile(
    r"(?:\n\s*(?:\*{2,}|#{3,}|-+ ?end ?-+|ends?|reuters?|\((?:ANI|IANS|PTI|UNI)\)|[A-Z]{2,}(?:/[A-Z0-9.\-]+)+"
    r"|\(Release ID: ?\d+\)|\(Visitor Counter ?: ?\d+\))[ \t]*)+\s*$",
    re.IGNORECASE,
)


# PIB's sign-off of an answer in Parliament: "This information was given by <minister> in a written
# reply in the Rajya Sabha today", "<minister> stated this in a written reply in the Lok Sabha".
_REPLY = regex.compile(
    r"^[^\n]{0,600}?(?:\b(?:reply|replies|answer|information)\b|लिखित उत्तर|जानकारी)[^\n]{0,400}?"
    r"(?:\b(?P<house>Lok|Rajya)\s*Sabha\b|(?P<hindi>लोक|राज्य)\s*सभा)[^\n]*$",
    regex.IGNORECASE | regex.MULTILINE)
#: Characters from the end an answer's sign-off is looked for in, and that may follow it.
_SIGN_OFF_CHARS = 1500
_AFTER_SIGN_OFF = 300


def story_text(release: Release) -> str:
    """The release's body with its dateline, agency credit, `Posted On` line and sign-offs taken off."""
    return story_parts(release)[0]


def story_parts(release: Release) -> tuple[str, str]:
    """The story text, and the House of Parliament (`lok`, `rajya`) when the release is an answer in one."""
    text = _POSTED.sub("", release.body.lstrip())
    text = _without_sign_off(parse_dateline(text).rest).strip()
    house = ""
    # From the start of a line: the sign-off is a paragraph of its own.
    start = text.rfind("\n", 0, max(0, len(text) - _SIGN_OFF_CHARS)) + 1
    tail = text[start:].lower()
    matches = list(_REPLY.finditer(text, start)) if "sabha" in tail or "सभा" in tail else []
    match = matches[-1] if matches else None
    # Only contacts and initials may follow it; a reply quoted mid-text is the text's.
    if match and len(text) - match.end() > _AFTER_SIGN_OFF:
        match = None
    if match:
        house = "lok" if (match["house"] or "").lower() == "lok" or match["hindi"] == "लोक" else "rajya"
        # Who answered, where, and the contacts after are furniture; the House is kept as a fact.
        text = text[:match.start()].strip()
    return text, house


def _without_sign_off(text: str) -> str:
    # Sign-offs are short: only the last lines are looked at, not every line of a long text.
    cut = text.rfind("\n", 0, max(0, len(text) - _SIGN_OFF_TAIL))
    return text[:cut] + _SIGN_OFF.sub("", text[cut:]) if cut > 0 else _SIGN_OFF.sub("", "\n" + text)


#: Characters from the end sign-off lines are looked for in.
_SIGN_OFF_TAIL = 500


def story_words(text: str) -> list[str]:
    """The words of a story text, folded (case, accents and Indian spellings ignored)."""
    return _WORD.findall(fold(ascii_digits(text)))


def shingles(words: list[str]) -> set[str]:
    """The runs of SHINGLE_WORDS words (the whole text when shorter)."""
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return set(map(" ".join, zip(*(words[n:] for n in range(SHINGLE_WORDS)))))


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
    #: For two answers in Parliament, whether they were given in the same House ("same", "other"), else "".
    houses: str = ""
    #: Of the names in either headline that its text names too, the share the other release names.
    subjects: float = 1.0
    #: The words aligned in order, matched over all (difflib's ratio); 0 when under half the shorter
    #: text is shared (then no rule needs it, and it is not worked out).
    alike: float = 1.0

    @property
    def kind(self) -> str:
        """`duplicate`, `version`, or "" when the two are different stories."""
        if self.length < MIN_WORDS or not self.same_subject:
            return ""
        # Shingles of a short text change with every word: its words are compared in order.
        short = self.length < SHORT_WORDS
        if self.identical or self.numbers == 1 and not self.figure_changed and (
                self.similarity >= DUPLICATE_SIMILARITY and self.names >= DUPLICATE_SIMILARITY
                or short and self.alike >= DUPLICATE_ALIKE and self.subjects == 1):
            return "duplicate"
        return "version" if self.same_event else ""

    @property
    def same_subject(self) -> bool:
        """Whether the two could be of one event: the same question in Parliament, the same subject,
        and for a short item of set wording (a dividend, a rate) much the same headline."""
        # Each question asked in Parliament is its own event, however alike the answers.
        if self.houses == "other" or self.houses == "same" and self.titles < REPLY_TITLES:
            return False
        if self.subjects < SAME_SUBJECTS:
            return False
        return self.length >= SHORT_WORDS or self.titles >= SHORT_TITLES

    @property
    def same_event(self) -> bool:
        """Whether the two tell of the same event: much text in common, its numbers and names agreeing."""
        # The same report on another day, its figures changed, is that day's report; a reply to
        # another question days later shares its background, not its headline.
        if self.days and (self.numbers < 1 or self.figure_changed and self.length < LATER_FIGURES_WORDS
                          or self.titles < LATER_TITLES):
            return False
        # The same words with a figure or a name changed: a correction (short set wording is a template).
        if self.alike >= CORRECTED_ALIKE and self.length >= SHORT_WORDS:
            return True
        facts = min(self.numbers, self.names)
        if self.containment < VERSION_CONTAINMENT or facts < VERSION_FACTS:
            return False
        if self.length < SHORT_WORDS and facts < 1:
            return False
        # A cut or a write-through of the same day's text, its facts all there.
        if not self.days and self.containment >= WRITE_THROUGH_CONTAINMENT and facts >= WRITE_THROUGH_FACTS:
            return True
        return self.similarity >= VERSION_SIMILARITY or self.titles >= VERSION_TITLES


#: Texts of fewer words never make a story (a release that is all headline and sign-off).
MIN_WORDS = 8
#: At least this similarity (for a short text, words this alike), with every number and this share
#: of names the same: the same text (a re-send).
DUPLICATE_SIMILARITY = 0.9
DUPLICATE_ALIKE = 0.9
#: Words this alike in order, a figure or name changed: a correction.
CORRECTED_ALIKE = 0.9
#: A version shares this much of the shorter text, and as many of its numbers and names ...
VERSION_CONTAINMENT = 0.5
VERSION_FACTS = 0.75
#: ... and this much of all the text, or of the headline.
VERSION_SIMILARITY = 0.6
VERSION_TITLES = 0.2
#: On the same day, this much of the shorter text with this share of its facts is enough.
WRITE_THROUGH_CONTAINMENT = 0.85
WRITE_THROUGH_FACTS = 0.9
#: Texts shorter than this are set wording: their headlines must agree.
SHORT_WORDS = 30
SHORT_TITLES = 0.5
#: A release of another day must have a headline this much like the other's, every figure of the
#: shorter, and when shorter than this no figure changed.
LATER_TITLES = 0.2
LATER_FIGURES_WORDS = 100
#: Two answers in Parliament are one only with headlines this much alike (the question's).
REPLY_TITLES = 0.5
#: The share of headline subjects the other must name.
SAME_SUBJECTS = 0.75


@dataclass(frozen=True)
class _BodyPart:
    """What stories compare of a release's body alone: copies under other headlines share it."""

    words: tuple[str, ...]
    shingles: frozenset[str]
    numbers: frozenset[str]
    names: frozenset[str]
    mid_names: frozenset[str]
    #: The House of Parliament the release answers a question in (`lok`, `rajya`), else "".
    house: str


@functools.lru_cache(maxsize=512)
def _body_part(body: str) -> _BodyPart:
    text, house = story_parts(Release(id="", body=body))
    words = story_words(text)
    mid_names = frozenset(fold(" ".join(_MID_NAME.findall(text))).split()) - _COMMON
    return _BodyPart(tuple(words), frozenset(shingles(words)), _numbers(words), _names(text), mid_names, house)


@dataclass(frozen=True)
class StoryText:
    """A release's text as stories compare it: its body's part, and what its headline, place and
    date add."""

    body: _BodyPart
    numbers: frozenset[str]
    names: frozenset[str]
    title: frozenset[str]
    day: int
    #: Words of the headline its text names mid-sentence (who or what the release is about).
    subjects: frozenset[str]

    @classmethod
    def of(cls, release: Release) -> StoryText:
        """Prepare a release for comparing."""
        body = _body_part(release.body)
        headline = _TICKER.sub(" ", release.title)
        title = frozenset(story_words(headline))
        # In a headline in title case or capitals every word is capitalised, names or not.
        named = release.location if _all_capitalised(headline) else f"{release.location} {headline}"
        return cls(body, body.numbers | _numbers(title), body.names | _names(named), title,
                   day_number(release.date), title & body.mid_names)

    @property
    def words(self) -> tuple[str, ...]:
        return self.body.words

    @property
    def shingles(self) -> frozenset[str]:
        return self.body.shingles

    @property
    def house(self) -> str:
        return self.body.house


def _numbers(words) -> frozenset[str]:
    return frozenset(word for word in set(words) if not word.isalpha() and _NUMBER.search(word))


def _names(text: str) -> frozenset[str]:
    # Folded all at once: folding is slow word by word.
    return frozenset(fold(" ".join(_NAME.findall(text))).split()) - _COMMON


def _all_capitalised(headline: str) -> bool:
    words = [word for word in headline.split() if word[:1].isalpha() and word.casefold() not in _COMMON]
    return len(words) > 1 and all(word[:1].isupper() for word in words)


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
    houses = ("same" if first.house == second.house else "other") if first.house and second.house else ""
    # The same either way round: equal sizes are ordered by their words.
    shorter, longer = sorted((first, second), key=lambda text: (len(text.shingles), text.words))
    titles = len(first.title & second.title) / len(first.title | second.title) if first.title | second.title else 0.0
    subjects = _subjects(first, second)
    if first.words == second.words:
        return Comparison(1.0, 1.0, 1.0, 1.0, titles, days, len(first.words), True, houses=houses, subjects=subjects)
    shared = len(first.shingles & second.shingles)
    union = len(first.shingles | second.shingles)
    containment = shared / len(shorter.shingles) if shorter.shingles else 0.0
    # Under half the shorter text's shingles shared, no rule asks how the words align (words 90%
    # alike share far more): aligning is most of a comparison's cost.
    figure_changed, alike = _aligned(first.words[:ALIGNED_WORDS], second.words[:ALIGNED_WORDS]) \
        if containment >= VERSION_CONTAINMENT else (False, 0.0)
    return Comparison(
        similarity=shared / union if union else 0.0, containment=containment,
        numbers=_share(shorter.numbers, longer.numbers), names=_share(shorter.names, longer.names),
        titles=titles, days=days, length=min(len(first.words), len(second.words)), identical=False,
        figure_changed=figure_changed, houses=houses, subjects=subjects, alike=alike,
    )


#: Words of each text aligned to find changed figures (the start of a long text is enough).
ALIGNED_WORDS = 1000


def _aligned(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[bool, float]:
    """The texts aligned word by word: whether a number in one stands in place of other words, and
    how alike they are (difflib's ratio)."""
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    changed = any(op == "replace" and any(_NUMBER.search(word) for word in (*first[a0:a1], *second[b0:b1]))
                  for op, a0, a1, b0, b1 in matcher.get_opcodes())
    return changed, matcher.ratio()


def _subjects(first: StoryText, second: StoryText) -> float:
    """Of either headline's subjects, the share the other release names (in its text or headline)."""
    found = len(first.subjects & (second.names | second.title)) + len(second.subjects & (first.names | first.title))
    total = len(first.subjects) + len(second.subjects)
    return found / total if total else 1.0


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
