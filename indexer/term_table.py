"""A segment's terms in sorted blocks: what whoosh3 keeps in an on-disk hash table, in a third of the bytes.

whoosh3's terms file is a hash table: each term costs two lengths, two hash slots and a place in
an index of positions besides its key and entry (some 36 bytes), so that the pairs of words and
the spellings, most of them in one release, made three quarters of a 10,000-release index. Here
the terms are written in order, 64 to a block: each key as the bytes it does not share with the
one before, the block compressed. A lookup bisects the blocks' first keys (kept in memory, one in
64) and reads one block; a scan reads the blocks in turn.
"""

from __future__ import annotations

import pickle
import struct
import zlib
from bisect import bisect_left, bisect_right

from whoosh.codec.whoosh3 import W3FieldWriter, W3TermInfo, W3TermsReader
from whoosh.codec import base
from whoosh.reading import CorruptIndexError, TermNotFound

MAGIC = b"PATB"
BLOCK_TERMS = 64
#: Blocks a reader keeps decoded: the last few looked up, and a scan's current block.
CACHED_BLOCKS = 8
_ENTRY = struct.Struct("<HII")  # bytes shared with the key before, bytes of key after them, bytes of entry
_FOOTER = struct.Struct("<Q4s")  # where the blocks' index starts, MAGIC


class TermTableWriter:
    """Writes (key, entry) pairs given in increasing order of key."""

    def __init__(self, dbfile):
        self.dbfile = dbfile
        self.extras: dict = {}
        self._first_keys: list[bytes] = []
        self._offsets: list[int] = []
        self._block: list[bytes] = []
        self._count = 0
        self._previous = b""

    def add(self, key: bytes, value: bytes) -> None:
        """Add the next key (greater than the last) and its entry."""
        if self._count and key <= self._previous:
            raise ValueError(f"Keys must increase: {self._previous[:60]!r}..{key[:60]!r}")
        if not self._block:
            self._first_keys.append(key)
            shared = 0
        else:
            shared = _shared_prefix(self._previous, key)
        self._block.append(_ENTRY.pack(shared, len(key) - shared, len(value)) + key[shared:] + value)
        self._previous = key
        self._count += 1
        if len(self._block) == BLOCK_TERMS:
            self._write_block()

    def _write_block(self) -> None:
        data = b"".join(self._block)
        self._offsets.append(self.dbfile.tell())
        self.dbfile.write(zlib.compress(data, 1))
        self._block = []

    def close(self) -> int:
        """Write the blocks' index and close the file."""
        if self._block:
            self._write_block()
        self._offsets.append(self.dbfile.tell())
        index_at = self.dbfile.tell()
        self.dbfile.write(pickle.dumps((self._first_keys, self._offsets, self._count, self.extras), 5))
        self.dbfile.write(_FOOTER.pack(index_at, MAGIC))
        end = self.dbfile.tell()
        self.dbfile.close()
        return end


def _shared_prefix(before: bytes, after: bytes) -> int:
    limit = min(len(before), len(after), 0xFFFF)
    shared = 0
    while shared < limit and before[shared] == after[shared]:
        shared += 1
    return shared


class TermTable:
    """Reads what TermTableWriter wrote: lookups by key and scans in order."""

    def __init__(self, dbfile, length: int):
        self.dbfile = dbfile
        index_at, magic = _FOOTER.unpack(dbfile.get(length - _FOOTER.size, _FOOTER.size))
        if magic != MAGIC:
            raise CorruptIndexError(f"not a term table (ends {magic!r}); rebuilding the index (reindex --full) fixes it")
        self._first_keys, self._offsets, self.count, self.extras = pickle.loads(
            dbfile.get(index_at, length - _FOOTER.size - index_at))
        # A plain dict, emptied when full: threads may share a reader, and a dict's steps are atomic.
        self._cache: dict[int, tuple[list[bytes], list[bytes]]] = {}

    def _block(self, number: int) -> tuple[list[bytes], list[bytes]]:
        cached = self._cache.get(number)
        if cached is not None:
            return cached
        start, end = self._offsets[number], self._offsets[number + 1]
        data = zlib.decompress(self.dbfile.get(start, end - start))
        keys, values = [], []
        key, offset, size, unpack = b"", 0, _ENTRY.size, _ENTRY.unpack_from
        while offset < len(data):
            shared, added, length = unpack(data, offset)
            offset += size
            key = key[:shared] + data[offset:offset + added]
            offset += added
            keys.append(key)
            values.append(data[offset:offset + length])
            offset += length
        if len(self._cache) >= CACHED_BLOCKS:
            self._cache.clear()
        self._cache[number] = keys, values
        return keys, values

    def get(self, key: bytes) -> bytes | None:
        """The entry of `key`, or None."""
        number = bisect_right(self._first_keys, key) - 1
        if number < 0:
            return None
        keys, values = self._block(number)
        place = bisect_left(keys, key)
        return values[place] if place < len(keys) and keys[place] == key else None

    def __contains__(self, key: bytes) -> bool:
        return self.get(key) is not None

    def __getitem__(self, key: bytes) -> bytes:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def items_from(self, key: bytes = b""):
        """The (key, entry) pairs from the first key not less than `key`, in order."""
        number = max(bisect_right(self._first_keys, key) - 1, 0)
        for block in range(number, len(self._first_keys)):
            keys, values = self._block(block)
            start = bisect_left(keys, key) if block == number else 0
            yield from zip(keys[start:], values[start:])

    def items(self):
        return self.items_from(b"")

    def keys(self):
        return (key for key, _ in self.items())

    def close(self) -> None:
        self.dbfile.close()


class CompactFieldWriter(W3FieldWriter):
    """whoosh3's field writer, its terms written to a TermTable."""

    def __init__(self, codec, storage, segment):
        self._codec, self._storage, self._segment = codec, storage, segment
        self._fieldname = self._fieldid = self._btext = self._fieldobj = self._format = None
        self._tindex = TermTableWriter(self._create_file(codec.TERMS_EXT))
        self._fieldmap = self._tindex.extras["fieldmap"] = {}
        self._postfile = self._create_file(codec.POSTS_EXT)
        self._postwriter = None
        self._infield = False
        self.is_closed = False

    def start_term(self, btext):
        if self._postwriter is None:
            raise Exception("Called start_term before start_field")
        self._btext = btext
        self._postwriter.start_postings(self._fieldobj.format, self._codec.terminfo())


class CompactTermsReader(W3TermsReader):
    """whoosh3's terms reader over a TermTable."""

    def __init__(self, codec, dbfile, length, postfile):
        self._codec, self._dbfile, self._postfile = codec, dbfile, postfile
        self._tindex = TermTable(dbfile, length)
        self._fieldmap = self._tindex.extras["fieldmap"]
        self._fieldunmap = [None] * len(self._fieldmap)
        for fieldname, number in self._fieldmap.items():
            self._fieldunmap[number] = fieldname

    def _field_items(self, fieldname, prefix: bytes = b""):
        if fieldname not in self._fieldmap:
            return
        start = self._keycoder(fieldname, prefix)
        field = start[:2]
        for key, value in self._tindex.items_from(start):
            if key[:2] != field:
                return
            yield key, value

    def cursor(self, fieldname, fieldobj):
        return _Cursor(self, fieldname, fieldobj)

    def terms(self):
        return (self._keydecoder(key) for key in self._tindex.keys())

    def terms_from(self, fieldname, prefix):
        return (self._keydecoder(key) for key, _ in self._field_items(fieldname, prefix))

    def items(self):
        return ((self._keydecoder(key), W3TermInfo.from_bytes(value)) for key, value in self._tindex.items())

    def items_from(self, fieldname, prefix):
        return ((self._keydecoder(key), W3TermInfo.from_bytes(value))
                for key, value in self._field_items(fieldname, prefix))

    def _entry(self, fieldname, tbytes) -> bytes:
        value = self._tindex.get(self._keycoder(fieldname, tbytes))
        if value is None:
            raise TermNotFound(f"No term {fieldname}:{tbytes!r}")
        return value

    def __contains__(self, term):
        return self._keycoder(*term) in self._tindex

    def term_info(self, fieldname, tbytes):
        return W3TermInfo.from_bytes(self._entry(fieldname, tbytes))

    # A missing term is a KeyError here, as from whoosh3's table: the segment reader counts it 0.
    def frequency(self, fieldname, tbytes):
        return W3TermInfo.from_bytes(self._tindex[self._keycoder(fieldname, tbytes)]).weight()

    def doc_frequency(self, fieldname, tbytes):
        return W3TermInfo.from_bytes(self._tindex[self._keycoder(fieldname, tbytes)]).doc_frequency()


class _Cursor(base.FieldCursor):
    def __init__(self, reader: CompactTermsReader, fieldname, fieldobj):
        self._reader, self._fieldname, self._fieldobj = reader, fieldname, fieldobj
        self.first()

    def _start(self, prefix: bytes):
        self._items = self._reader._field_items(self._fieldname, prefix)
        return self.next()

    def first(self):
        return self._start(b"")

    def find(self, term):
        return self._start(term if isinstance(term, bytes) else self._fieldobj.to_bytes(term))

    def next(self):
        try:
            key, self._value = next(self._items)
        except StopIteration:
            self._text = self._value = None
            return None
        self._text = self._fieldobj.from_bytes(key[2:])
        return self._text

    def text(self):
        return self._text

    def term_info(self):
        return None if self._value is None else W3TermInfo.from_bytes(self._value)

    def is_valid(self):
        return self._value is not None
