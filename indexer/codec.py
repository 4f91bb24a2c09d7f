"""Whoosh's whoosh3 format with compact posting blocks, the short posting lists kept in the terms' entries.

whoosh3 can keep a term's postings in its entry in the terms file instead of a block of their own
in the postings file ("inlining"), but its writer calls a method by a name the term entry does not
have, so Whoosh's default is to inline nothing. Most terms of a release archive are in one release
or two (a name, a pair of words): a block each is a fifth of a full build's writing and a tenth of
the index. Inlined postings are read back by whoosh3's own reader, as any Whoosh reads them.

whoosh3 pickles each block of postings: every weight a float of nine bytes, every release's word
positions a pickled list behind a four-byte count. A compact block (`CompactCodec`) keeps the same
numbers as arrays of the smallest unsigned type that holds them (document numbers and positions as
differences from the one before), the documents and weights apart from the values so that a search
that reads no positions does not decompress them: the text field's postings take a third of the bytes.
"""

from __future__ import annotations

import io
import pickle
import struct
import sys
import zlib
from array import array
from itertools import accumulate

from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC, W3Codec, W3LeafMatcher, W3PerDocReader, W3PerDocWriter, W3PostingsWriter, W3TermInfo,
)
from whoosh.formats import Positions
from whoosh.reading import CorruptIndexError
from whoosh.util.numeric import byte_to_length, length_to_byte

from indexer.stored_fields import StoredColumn, dictionary_in, read_file
from indexer.term_table import CompactFieldWriter, CompactTermsReader

#: Posting lists shorter than this are kept in the term's entry (measured: 4 writes 2,000 releases'
#: postings 18% faster than no inlining and makes them 11% smaller; 8 gains no more and grows them).
INLINE_BELOW = 4
#: Parts of a block shorter than this are written as they are (zlib's header would outweigh its gain).
COMPRESS_FROM = 80
#: A block's header: postings, last document, largest weight, shortest and longest document (length
#: bytes), flags, and the length of the part with the documents and weights.
_HEADER = struct.Struct("<HIfBBBI")
_IDS_COMPRESSED, _VALUES_COMPRESSED = 1, 2
_WEIGHTS_ONE, _WEIGHTS_WHOLE, _WEIGHTS_FLOAT = 0, 4, 8
_WEIGHTS = 12
_TYPECODES = ((0xFF, "B"), (0xFFFF, "H"), (0xFFFFFFFF, "I"))
_SWAP = sys.byteorder != "little"
#: whoosh3's column of each document's stored fields.
_STORED = "_stored"
_DICTIONARY = ".zdict"


def pack_numbers(numbers: list[int]) -> bytes:
    """Unsigned numbers as their array's type code and its little-endian bytes, in the smallest type."""
    largest = max(numbers, default=0)
    code = next((code for limit, code in _TYPECODES if largest <= limit), "Q")
    packed = array(code, numbers)
    if _SWAP:
        packed.byteswap()
    return code.encode("ascii") + packed.tobytes()


def unpack_numbers(data: bytes, start: int = 0, count: int | None = None) -> tuple[array, int]:
    """The numbers packed at `start` (`count` of them, or all the rest), and where they end."""
    numbers = array(chr(data[start]))
    end = len(data) if count is None else start + 1 + count * numbers.itemsize
    numbers.frombytes(data[start + 1:end])
    if _SWAP:
        numbers.byteswap()
    return numbers, end


def _differences(numbers) -> list[int]:
    return [numbers[0], *(after - before for before, after in zip(numbers, numbers[1:]))] if numbers else []


def _pickled(value) -> bytes:
    # A memo only pays for objects repeated, which postings' tuples of numbers and bytes are not.
    out = io.BytesIO()
    pickler = pickle.Pickler(out, 3)
    pickler.fast = True
    pickler.dump(value)
    return out.getvalue()


def _squeezed(part: bytes, level: int) -> tuple[bytes, bool]:
    if level and len(part) >= COMPRESS_FROM:
        compressed = zlib.compress(part, level)
        if len(compressed) < len(part):
            return compressed, True
    return part, False


class CompactPositions(Positions):
    """Word positions as an array of their differences (whoosh3 pickles a list behind a count)."""

    def encode(self, poslist) -> bytes:
        if len(poslist) == 1 and poslist[0] <= 0xFFFF:  # most words of a release: what pack_numbers gives
            position = poslist[0]
            return b"B" + bytes((position,)) if position <= 0xFF else b"H" + position.to_bytes(2, "little")
        return pack_numbers(_differences(poslist))

    def decode_positions(self, valuestring: bytes) -> list[int]:
        return list(accumulate(unpack_numbers(valuestring)[0]))

    def decode_frequency(self, valuestring: bytes) -> int:
        return (len(valuestring) - 1) // array(chr(valuestring[0])).itemsize


class _CompactTermInfo(W3TermInfo):
    """A term's entry whose inlined postings are pickled with protocol 3, without a memo, whole weights
    as integers: whoosh3's protocol 2 spells each byte string as a call to `codecs.encode` (some forty
    bytes) and each weight as a float of nine. whoosh3's reader unpickles any protocol."""

    def set_inlined(self, ids, weights, values):
        whole = all(float(weight).is_integer() for weight in weights)
        super().set_inlined(ids, [int(weight) for weight in weights] if whole else weights, values)

    def to_bytes(self) -> bytes:
        if not self.is_inlined():
            return super().to_bytes()
        none = 0xFFFFFFFF  # whoosh3's "no document"
        head = self._struct.pack(1, self._weight, self._df, length_to_byte(self._minlength or 0),
                                 length_to_byte(self._maxlength), self._maxweight,
                                 none if self._minid is None else self._minid,
                                 none if self._maxid is None else self._maxid)
        return head + _pickled(self._inlined)


class InliningCodec(W3Codec):
    """whoosh3 with the short posting lists inlined: the format of schema 7's segments, kept so that
    such an index is read (served) while the full build that replaces it runs. Nothing writes it."""


class _CompactPostingsWriter(W3PostingsWriter):
    def finish_postings(self):
        if not self.written() and len(self) < self._inlinelimit:
            terminfo, self._terminfo = self._terminfo, None
            terminfo.add_block(self)
            # A format with no values (a facet's, the pairs') reads None for each, as from a block.
            terminfo.set_inlined(self._ids, self._weights, self._values or (None,) * len(self._ids))
            return terminfo
        return super().finish_postings()

    def _write_block(self, last=False):
        if self._byteids:  # a term vector's block: whoosh3's own reader reads those
            return super()._write_block(last)
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids, weights = self._ids, self._weights
        if all(weight == 1.0 for weight in weights):
            kind, packed_weights = _WEIGHTS_ONE, b""
        elif all(float(weight).is_integer() and 0 <= weight <= 0xFFFFFFFF for weight in weights):
            kind, packed_weights = _WEIGHTS_WHOLE, pack_numbers([int(weight) for weight in weights])
        else:
            kind, packed_weights = _WEIGHTS_FLOAT, array("d", weights).tobytes()
        ids_part, ids_compressed = _squeezed(pack_numbers(_differences(ids)) + packed_weights, self._compression)
        values_part, values_compressed = _squeezed(self._packed_values(), self._compression)
        flags = kind | (_IDS_COMPRESSED if ids_compressed else 0) | (_VALUES_COMPRESSED if values_compressed else 0)
        header = _HEADER.pack(len(ids), ids[-1], self._maxweight, length_to_byte(self._minlength),
                              length_to_byte(self._maxlength), flags, len(ids_part))
        length = len(header) + len(ids_part) + len(values_part)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(header + ids_part + values_part)
        self._blockcount += 1
        self._new_block()

    def _packed_values(self) -> bytes:
        size = self._format.fixed_value_size()
        if size == 0:
            return b""
        if size is None or size < 0:
            return pack_numbers([len(value) for value in self._values]) + b"".join(self._values)
        return b"".join(self._values)


class CompactLeafMatcher(W3LeafMatcher):
    """Reads the blocks `_CompactPostingsWriter` writes; the values only when asked for."""

    def _goto(self, position):
        postfile = self._postfile
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        postfile.seek(position)
        length = postfile.read_int()
        self._lastblock = length < 0
        self._nextoffset = position + 4 + abs(length)
        try:
            (self._blocklength, self._maxid, self._maxweight, minimum, maximum, self._flags,
             self._ids_length) = _HEADER.unpack(postfile.read(_HEADER.size))
        except struct.error as error:
            raise CorruptIndexError(f"Damaged postings block at offset {position}: {error}. "
                                    "Rebuilding the index (reindex --full) should fix it.") from error
        self._dataoffset = position + 4 + _HEADER.size
        self._minlength, self._maxlength = byte_to_length(minimum), byte_to_length(maximum)

    def _read_data(self):
        data = self._postfile.get(self._dataoffset, self._ids_length)
        if self._flags & _IDS_COMPRESSED:
            data = zlib.decompress(data)
        count = self._blocklength
        differences, end = unpack_numbers(data, 0, count)
        self._ids = list(accumulate(differences))
        kind = self._flags & _WEIGHTS
        if kind == _WEIGHTS_ONE:
            self._weights = [1.0] * count
        elif kind == _WEIGHTS_WHOLE:
            self._weights = [float(weight) for weight in unpack_numbers(data, end, count)[0]]
        else:
            self._weights = array("d", data[end:end + 8 * count]).tolist()
        self._data = True

    def _read_ids(self):
        if self._data is None:
            self._read_data()

    def _read_weights(self):
        if self._data is None:
            self._read_data()

    def _read_values(self):
        size, count = self._fixedsize, self._blocklength
        if size == 0:
            self._values = (None,) * count
            return
        start = self._dataoffset + self._ids_length
        data = self._postfile.get(start, self._nextoffset - start)
        if self._flags & _VALUES_COMPRESSED:
            data = zlib.decompress(data)
        if size is None or size < 0:
            lengths, offset = unpack_numbers(data, 0, count)
            values = []
            for length in lengths:
                values.append(data[offset:offset + length])
                offset += length
            self._values = values
        else:
            self._values = [data[offset:offset + size] for offset in range(0, size * count, size)]


class _PerDocWriter(W3PerDocWriter):
    def _create_column(self, fieldname, column):
        if fieldname == _STORED:
            # The segment keeps its own copy of the dictionary: a segment is read from its compound
            # file, which knows nothing of the generation's folder.
            dictionary = dictionary_in(self._storage)
            if dictionary:
                with self._create_file(_DICTIONARY) as file:
                    file.write(dictionary)
            column = StoredColumn(dictionary)
        super()._create_column(fieldname, column)


class _PerDocReader(W3PerDocReader):
    def stored_fields(self, docnum):
        if _STORED not in self._readers and self.has_column(_STORED):
            dictionary = read_file(self._storage, self._segment.make_filename(_DICTIONARY))
            self._readers[_STORED] = self.column_reader(_STORED, StoredColumn(dictionary))
        reader = self._readers.get(_STORED)
        return (reader[docnum] if reader is not None else None) or {}


class CompactCodec(W3Codec):
    """whoosh3 with compact posting blocks, inlining the posting lists of fewer than INLINE_BELOW documents
    and stored fields compressed with the generation's dictionary (indexer/stored_fields.py)."""

    def __init__(self, blocklimit: int = 128, compression: int = 3, inlinelimit: int = INLINE_BELOW):
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def per_document_writer(self, storage, segment):
        return _PerDocWriter(self, storage, segment)

    def field_writer(self, storage, segment):
        return CompactFieldWriter(self, storage, segment)

    def terminfo(self) -> W3TermInfo:
        """A new term's entry, as the field writer starts the term."""
        return _CompactTermInfo()

    def terms_reader(self, storage, segment):
        name = segment.make_filename(self.TERMS_EXT)
        return CompactTermsReader(self, storage.open_file(name), storage.file_length(name),
                                  segment.open_file(storage, self.POSTS_EXT))

    def per_document_reader(self, storage, segment):
        return _PerDocReader(storage, segment)

    def postings_writer(self, dbfile, byteids: bool = False):
        return _CompactPostingsWriter(dbfile, blocklimit=self._blocklimit, byteids=byteids,
                                      compression=self._compression, inlinelimit=self._inlinelimit)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return CompactLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)
