"""The compact posting blocks and term entries (indexer/codec.py) read back what whoosh3 reads, in fewer bytes."""

import random
from pathlib import Path

import pytest
from whoosh import fields, index
from whoosh.codec.whoosh3 import W3Codec, W3TermInfo
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import FileStorage, RamStorage

from indexer.analysis import build_analyzer
from indexer.codec import CompactCodec, CompactLeafMatcher, CompactPositions, pack_numbers, unpack_numbers
from indexer.schema import Text
from indexer.term_table import BLOCK_TERMS, TermTable, TermTableWriter


def _schema():
    stemmed = build_analyzer()
    return fields.Schema(id=fields.ID(stored=True), text=Text(analyzer=stemmed),
                         boosted=Text(analyzer=stemmed, field_boost=1.5),
                         tag=fields.KEYWORD(), count=fields.FieldType(fields.formats.Frequency(), stemmed))


def _documents(count: int = 1000):
    rng = random.Random(7)
    words = [f"w{number}" for number in range(20)] + ["harbour", "dredging", "lighthouse"]
    for number in range(count):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        if number % 97 == 0:  # positions beyond what two bytes hold
            body += " " + "filler " * 70_000 + "harbour"
        yield {"id": f"d{number}", "text": body, "boosted": body[:200], "tag": f"t{number % 5}", "count": body[:300]}


def _build(folder, codec):
    folder.mkdir()
    ix = index.create_in(str(folder), _schema())
    writer = ix.writer(codec=codec)
    for document in _documents():
        writer.add_document(**document)
    writer.commit()
    return ix


def _postings(ix):
    """Every term's postings: documents, weights, and positions or values."""
    found = {}
    with ix.reader() as reader:
        for fieldname, term in reader.all_terms():
            if fieldname == "id":
                continue
            matcher = reader.postings(fieldname, term)
            rows = []
            while matcher.is_active():
                value = matcher.value_as("positions") if fieldname in ("text", "boosted") else matcher.value()
                rows.append((matcher.id(), matcher.weight(), value))
                matcher.next()
            found[fieldname, term] = rows
    return found


def _postings_bytes(ix) -> int:
    with ix.reader() as reader:
        return sum(info.extent()[1][0] for leaf, _ in reader.leaf_readers()
                   for _, info in leaf._terms.items() if not info.is_inlined())


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("codec")
    return _build(folder / "whoosh3", W3Codec()), _build(folder / "compact", CompactCodec())


def test_compact_blocks_read_back_what_whoosh3_blocks_do(built):
    stock, compact = built
    expected, found = _postings(stock), _postings(compact)
    assert found == expected
    # Many blocks, whole and fractional weights, positions past 65,535 are all in what was compared.
    assert max(len(rows) for rows in expected.values()) > 3 * 128
    assert any(weight % 1 for rows in expected.values() for _, weight, _ in rows)
    assert max(max(value) for (field, _), rows in expected.items() if field == "text" for *_, value in rows) > 70_000
    with compact.reader() as reader:
        assert type(reader.postings("text", b"harbour")) is CompactLeafMatcher


def test_compact_blocks_take_under_half_of_whoosh3s_bytes(built):
    stock, compact = built
    assert _postings_bytes(compact) < 0.5 * _postings_bytes(stock)


def test_an_inlined_entry_is_small_and_whoosh3_reads_it(built):
    _, compact = built
    with compact.reader() as reader:
        leaf = next(leaf for leaf, _ in reader.leaf_readers())
        raw = leaf._terms._tindex[leaf._terms._keycoder("id", b"d5")]
        info = W3TermInfo.from_bytes(raw)
    assert info.is_inlined() and info.inlined_postings()[0] == (5,)
    # whoosh3 writes 51 bytes for this entry: a float weight of nine bytes and its pickling's frame.
    assert len(raw) <= 40


def test_positions_are_packed_in_the_smallest_type():
    positions = CompactPositions()
    for poslist in ([], [0], [3, 9, 250], [1, 70_000, 70_001], [5, 2**33]):
        value = positions.encode(poslist)
        assert positions.decode_positions(value) == poslist
        assert positions.decode_frequency(value) == len(poslist)
    assert len(positions.encode([3, 9, 250])) == 1 + 3
    numbers, end = unpack_numbers(b"x" + pack_numbers([1, 300]) + b"tail", 1, 2)
    assert list(numbers) == [1, 300] and end == 6


def _table(entries):
    storage = RamStorage()
    writer = TermTableWriter(storage.create_file("terms"))
    writer.extras["fieldmap"] = {"text": 0}
    for key, value in entries:
        writer.add(key, value)
    length = writer.close()
    return TermTable(storage.open_file("terms"), length)


def test_the_term_table_finds_every_key_and_none_other():
    rng = random.Random(3)
    words = sorted({"".join(rng.choice("abcde") for _ in range(rng.randint(1, 9))).encode() for _ in range(3000)})
    words = sorted([*words, b"z" * 300, b"zz" + b"y" * 70_000])  # longer than a byte, or two, counts
    entries = [(word, f"entry of {word!r}".encode() * (1 + len(word) % 3)) for word in words]
    table = _table(entries)
    assert len(entries) > 20 * BLOCK_TERMS and table.extras == {"fieldmap": {"text": 0}}
    assert list(table.items()) == entries
    assert all(table[key] == value for key, value in entries)
    for missing in (b"", b"aaaaaaaaaaa", b"abcdf", b"zz", b"\xff"):
        assert missing not in table and table.get(missing) is None
    for start in (b"", b"b", b"cab", b"ddddddddd", b"e", b"zzzzzzzzzzz"):
        assert list(table.items_from(start)) == [entry for entry in entries if entry[0] >= start]
    with pytest.raises(ValueError, match="increase"):
        _table([(b"b", b""), (b"a", b"")])
    assert list(_table([]).items()) == [] and _table([]).get(b"a") is None


def test_terms_take_a_third_of_whoosh3s_bytes_and_read_the_same(built):
    stock, compact = built

    def terms(ix):
        with ix.reader() as reader:
            leaf = next(leaf for leaf, _ in reader.leaf_readers())
            listed = [(term, info.doc_frequency(), info.weight()) for term, info in leaf._terms.items()]
            prefixed = list(reader.expand_prefix("text", "w1"))
            cursor = reader.cursor("tag")
            tags = [cursor.text()]
            while cursor.next() is not None:
                tags.append(cursor.text())
            cursor.find("t3")
            return listed, prefixed, tags, cursor.text(), reader.doc_frequency("text", "nosuchword")

    expected, found = terms(stock), terms(compact)
    assert found == expected
    assert found[2] == ["t0", "t1", "t2", "t3", "t4"] and found[3] == "t3" and found[4] == 0

    def terms_bytes(folder):
        storage = FileStorage(str(folder))
        total = 0
        for segment in folder.glob("*.seg"):
            with storage.open_file(segment.name) as file:
                compound = CompoundStorage(file, use_mmap=False)
                total += sum(compound.file_length(name) for name in compound.list() if name.endswith(".trm"))
        return total

    stock_folder, compact_folder = (Path(ix.storage.folder) for ix in built)
    assert terms_bytes(compact_folder) < terms_bytes(stock_folder) / 3
