"""'Did you mean': the words of a query that the index does not know, corrected from its own vocabulary.

A correction weighs how far a word is from what was typed (edits, a swap of two letters being one)
against how common it is in the archive: `Maldeves` -> `Maldives`, `budjet` -> `budget`. Words are
compared as typed, not as stems (the stem of `maldeves` is nearer `made` than `maldives`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import regex
from rapidfuzz import process
from rapidfuzz.distance import OSA

from archive.scripts import LETTER, normalise_indic
from indexer.analysis import word_stems
from indexer.schema import SPELLING

#: The field holding every word of the text as written (lower-cased), with how many releases have each.
SPELLING_FIELD = SPELLING
#: Words shorter than this are not corrected: too many words lie one edit from them.
SHORTEST = 4
#: The most words of one query corrected (the rest are left as typed): a bound on the work.
MOST_CORRECTED = 5
#: What one edit is worth against frequency: a word this many times as common offsets an edit.
EDIT_WORTH = 1 / math.log10(300)
# A word typed in a query, with what may surround it: a field prefix or a wildcard make it no word
# to correct.
_TYPED = regex.compile(rf"(?<![\w:*?])({LETTER}+)(?![\w:*?])")
_OPERATORS = {"AND", "OR", "NOT", "TO"}


@dataclass
class SpellingVocabulary:
    """The words of one index snapshot with how many releases have each, grouped by length."""

    #: For each length, the words of that length and how many releases have each.
    words: dict[int, list[str]]
    frequencies: dict[int, np.ndarray]

    @classmethod
    def of(cls, reader) -> SpellingVocabulary:
        """The vocabulary of a reader's spelling field: words of letters only."""
        counts: dict[str, int] = {}
        is_word = regex.compile(rf"{LETTER}+").fullmatch
        # Segment by segment: a reader over several segments merges each term's statistics, 15 times slower.
        for segment, _offset in reader.leaf_readers():
            for term, info in segment.iter_field(SPELLING_FIELD):
                word = term.decode("utf-8")
                if is_word(word):
                    # A posting a word a segment weighted by its releases (word_counts.py); an index
                    # written before had a posting of weight 1 for each release, the same sum.
                    counts[word] = counts.get(word, 0) + round(info.weight())
        words, frequencies = list(counts), list(counts.values())
        by_length: dict[int, list[int]] = {}
        for position, word in enumerate(words):
            by_length.setdefault(len(word), []).append(position)
        return cls({length: [words[position] for position in positions] for length, positions in by_length.items()},
                   {length: np.array([frequencies[position] for position in positions], dtype=np.int64)
                    for length, positions in by_length.items()})

    def corrections(self, word: str, count: int = 3) -> list[str]:
        """The best corrections of a lower-cased word, best first (none when none is near enough)."""
        if len(word) < SHORTEST:
            return []
        most = 1 if len(word) < 6 else 2
        scored = []
        for length in range(len(word) - most, len(word) + most + 1):
            choices = self.words.get(length)
            if not choices:
                continue
            for candidate, distance, place in process.extract(word, choices, scorer=OSA.distance,
                                                              score_cutoff=most, limit=None):
                if distance:
                    frequency = int(self.frequencies[length][place])
                    # A different first letter is a rarer slip than one inside the word.
                    score = math.log10(frequency) * EDIT_WORTH - distance - (0.5 if candidate[0] != word[0] else 0)
                    scored.append((-score, candidate))
        return [candidate for _, candidate in sorted(scored)[:count]]


def unknown_to(reader, word: str) -> bool:
    """Whether the index has never seen `word` written so (a stop word counts as seen): it may
    still match other forms of it through their stem."""
    lowered = word.lower()
    written = lowered if lowered.isascii() else normalise_indic(lowered)
    return (SPELLING_FIELD, written) not in reader and bool(word_stems(lowered))


def corrected_texts(text: str, reader, vocabulary_of, count: int = 3) -> list[str]:
    """`text` with every word the index does not know replaced by its best correction, then by its
    second best, and so on (`count` texts at most), capitals kept; none when there is nothing to
    correct. `vocabulary_of()` gives the SpellingVocabulary (read on first need)."""
    words = [(match.span(1), match.group(1)) for match in _TYPED.finditer(text)]
    options = {}
    for span, typed in words:
        if len(options) == MOST_CORRECTED:
            break
        if typed not in _OPERATORS and len(typed) >= SHORTEST and unknown_to(reader, typed):
            found = vocabulary_of().corrections(typed.lower(), count)
            # When the likeliest word has the typed word's stem, the search already finds it.
            if found and word_stems(found[0]) != word_stems(typed.lower()):
                options[span] = [_cased(typed, word) for word in found]
    texts = []
    for rank in range(max(map(len, options.values()), default=0)):
        corrected, end = [], 0
        for (start, stop), choices in sorted(options.items()):
            corrected += [text[end:start], choices[min(rank, len(choices) - 1)]]
            end = stop
        texts.append("".join(corrected) + text[end:])
    return texts


def _cased(typed: str, word: str) -> str:
    """`word` written with the capitals of `typed` (all capitals, a capital first, or none)."""
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    return word[0].upper() + word[1:] if typed[0].isupper() else word
