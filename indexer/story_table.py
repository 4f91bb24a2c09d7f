"""What stories keep of one index generation: each release's sketch and story, and the verdicts on
the pairs of texts compared so far, in `stories.npz` beside the index."""

from __future__ import annotations

import hashlib
import os
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import regex
from datasketch import MinHash

from archive import Release
from archive.stories import MIN_WORDS, day_number, story_parts, story_words

STORIES_FILE = "stories.npz"
#: 32 bands of 2 rows: a pair whose shingles are 30% the same is looked at 95 times in 100, one of 10%
#: 28 times (README, "Stories"): a cut copy or a rewrite is rarely missed, and every pair is checked.
BANDS, ROWS = 32, 2
NUM_PERM = BANDS * ROWS
#: A last key of the first words: a cut copy shares its lead even where it shares few shingles.
LEAD_WORDS = 12
KEYS = BANDS + 1
#: The fingerprint of a text too short to be anyone's copy (archive.stories.MIN_WORDS).
NO_FINGERPRINT = 0
#: The minute of a release whose source gives no time of day: after every time.
NO_TIME = 24 * 60
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1).permutations
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F], dtype=np.uint64)
# Sketches need words, not the words compare folds: cased and accented letters alike, marks kept.
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+")
#: Characters of a text its MinHash is made of (some 300 words).
SKETCH_CHARS = 2000


@dataclass(frozen=True)
class Sketch:
    """What stories keep of a release: its day, the fingerprint of its words, its MinHash band keys
    and lead key."""

    day: int
    fingerprint: int
    bands: np.ndarray
    #: Minutes after midnight its source gives (NO_TIME when none): the first reported of a day.
    minute: int = NO_TIME


def sketch(release: Release) -> Sketch:
    """The sketch of a release, made as it is written."""
    text, house = story_parts(release)
    lowered = text.lower()
    # The start of a long text is enough to find its copies (they share it), and costs a third less.
    words = _WORD.findall(lowered, 0, SKETCH_CHARS)
    day = day_number(release.date)
    minute = int(release.time[:2]) * 60 + int(release.time[3:5]) if release.time else NO_TIME
    # Too short to be anyone's copy by compare's own count of words (which reads `6.25` as one).
    if len(words) < MIN_WORDS or len(words) < 4 * MIN_WORDS and len(story_words(text)) < MIN_WORDS:
        return Sketch(day, NO_FINGERPRINT, np.zeros(KEYS, np.uint32), minute)
    hashes = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    # A three-word shingle's hash from its words' (archive.stories.SHINGLE_WORDS).
    hashes = (hashes[:-2] * np.uint64(1_000_003) + hashes[1:-1] * np.uint64(8191) + hashes[2:]) & np.uint64(0xFFFFFFFF)
    minhash = MinHash(num_perm=NUM_PERM, permutations=_PERMUTATIONS, hashfunc=int, scheme="affine32")
    minhash.update_batch(hashes)  # a shingle seen twice changes no minimum
    rows = minhash.hashvalues.astype(np.uint64).reshape(BANDS, ROWS)
    lead = zlib.crc32(" ".join(words[:LEAD_WORDS]).encode("utf-8"))
    bands = np.append(((rows * _MIX).sum(axis=1) >> np.uint64(32)).astype(np.uint32), np.uint32(lead))
    # Releases of one fingerprint are joined unchecked and compared as one: it covers all that
    # compare reads (text, House, headline, place, date), so any of them stands for the others.
    same = "\x1f".join((" ".join(text.split()), house, release.title, release.location, release.date))
    digest = hashlib.blake2b(same.encode("utf-8"), digest_size=8).digest()
    return Sketch(day, int.from_bytes(digest, "big") or 1, bands, minute)


@dataclass
class StoryTable:
    """Every release's sketch and story in one generation, rows in the order of their ids, and
    the pairs of texts (by fingerprint) compared so far with whether they were one story."""

    ids: np.ndarray
    days: np.ndarray
    minutes: np.ndarray
    fingerprints: np.ndarray
    bands: np.ndarray
    #: The order releases were first indexed in (for "first reported" when dates are equal).
    sequence: np.ndarray
    #: Each release's story, as the `sequence` of its earliest release (then lowest id).
    story: np.ndarray
    #: Pairs of fingerprints compared (the lower first), and whether they were found one story.
    pairs: np.ndarray
    joined: np.ndarray

    @classmethod
    def empty(cls) -> StoryTable:
        """A table with no release."""
        return cls(np.zeros(0, dtype=str), np.zeros(0, np.int32), np.zeros(0, np.int16), np.zeros(0, np.uint64),
                   np.zeros((0, KEYS), np.uint32), np.zeros(0, np.int64), np.zeros(0, np.int64),
                   np.zeros((0, 2), np.uint64), np.zeros(0, bool))

    def story_of(self) -> dict[str, str]:
        """Each release id's story: the id of the story's earliest release."""
        by_sequence = dict(zip(self.sequence.tolist(), self.ids.tolist()))
        return {release_id: by_sequence[story] for release_id, story in zip(self.ids.tolist(), self.story.tolist())}


_COLUMNS = ("ids", "days", "minutes", "fingerprints", "bands", "sequence", "story", "pairs", "joined")


def load_stories(folder: Path) -> StoryTable:
    """The generation's story table (empty when it has none yet)."""
    try:
        with np.load(Path(folder) / STORIES_FILE, allow_pickle=False) as data:
            return StoryTable(*(data[name] for name in _COLUMNS))
    except FileNotFoundError:
        return StoryTable.empty()


def first_indexed(folder: Path) -> StoryTable:
    """A generation's releases and the order they were first indexed in, as a table with no story
    found (empty when it has none it can read: another version's, or a damaged one)."""
    try:
        with np.load(Path(folder) / STORIES_FILE, allow_pickle=False) as data:
            ids, sequence = data["ids"], data["sequence"]
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return StoryTable.empty()
    table = StoryTable.empty()
    count = len(ids)
    return StoryTable(ids, np.zeros(count, np.int32), np.zeros(count, np.int16), np.zeros(count, np.uint64),
                      np.zeros((count, KEYS), np.uint32), sequence, sequence.copy(), table.pairs, table.joined)


def stories_stamp(folder: Path) -> tuple[int, int] | None:
    """When the generation's stories last changed (None when it has none): snapshots key on it."""
    try:
        stat = (Path(folder) / STORIES_FILE).stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def save_stories(folder: Path, table: StoryTable, name: str = STORIES_FILE) -> None:
    """Replace the generation's story table (or the file `name` beside it) atomically."""
    temporary = Path(folder) / f"{name}.tmp"
    with open(temporary, "wb") as file:
        np.savez(file, **{column: getattr(table, column) for column in _COLUMNS})
    os.replace(temporary, Path(folder) / name)
