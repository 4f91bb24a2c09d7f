"""Fast reads of whoosh3's files: the one module that touches Whoosh's private attributes.

Each fast read has a plain fallback through Whoosh's public interface, taken whenever the
objects are not the ones the fast read knows (another codec, another Whoosh version).
"""

from __future__ import annotations

import os
import re

from whoosh.codec.whoosh3 import W3LeafMatcher

from indexer.codec import CompactLeafMatcher
from whoosh.columns import VarBytesColumn


def as_text(value) -> str:
    """A column value or term as text ("" for none)."""
    return value.decode("utf-8") if isinstance(value, bytes) else (value or "")


def column_strings(leaf, name: str) -> list[str]:
    """Every document's value of one column of a segment, as text."""
    column = leaf.column_reader(name, translate=False)
    fast = _var_bytes_strings(column)
    return fast if fast is not None else list(map(as_text, column))


def _var_bytes_strings(column) -> list[str] | None:
    # A variable-bytes column is one run of bytes: read it at once rather than a read per document
    # (a second at 100,000 releases, for every new snapshot).
    if type(column) is not VarBytesColumn.Reader or not _has(column, "_lengths", "_basepos", "_dbfile"):
        return None
    lengths = column._lengths
    data = column._dbfile.get(column._basepos, sum(lengths))
    values, offset = [], 0
    for length in lengths:
        values.append(data[offset:offset + length].decode("utf-8"))
        offset += length
    return values


def leaf_postings(leaf, fieldname: str, term: bytes) -> tuple[list[int], list[float]]:
    """A term's postings in one segment, deleted documents included: document numbers and weights."""
    matcher = leaf.postings(fieldname, term)
    # Deletions are applied by the caller, so read the raw postings under any deletion filter.
    raw = getattr(matcher, "child", matcher)
    if type(raw) in (W3LeafMatcher, CompactLeafMatcher) and _has(raw, "_read_ids", "_read_weights", "_ids", "_weights", "_next_block"):
        return _by_blocks(raw)
    return _one_by_one(matcher)


def _by_blocks(matcher) -> tuple[list[int], list[float]]:
    # A whole block at a time: a quarter faster than asking for each posting's id and weight.
    docs: list[int] = []
    weights: list[float] = []
    matcher.reset()  # a deletions filter may have moved it past the first postings
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        docs.extend(matcher._ids)
        weights.extend(matcher._weights)
        matcher._next_block()
    return docs, weights


def _one_by_one(matcher) -> tuple[list[int], list[float]]:
    docs: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        docs.append(matcher.id())
        weights.append(matcher.weight())
        matcher.next()
    return docs, weights


def last_commit(folder, index_name: str) -> int:
    """The number of the last commit of the index in `folder` (-1 when it has none), from the names
    of its tables of contents, as Whoosh finds its latest generation."""
    pattern = re.compile(rf"_{re.escape(index_name)}_(\d+)\.toc")
    numbers = [int(match[1]) for name in os.listdir(folder) if (match := pattern.fullmatch(name))]
    return max(numbers, default=-1)


def bm25_parameters(weighting, fieldname: str) -> tuple[float, float]:
    """BM25F's B (length normalisation) for `fieldname` and K1 (term-frequency saturation)."""
    per_field = getattr(weighting, "_field_B", None) or {}
    return per_field.get(fieldname, weighting.B), weighting.K1


def _has(thing, *names: str) -> bool:
    return all(hasattr(thing, name) for name in names)
