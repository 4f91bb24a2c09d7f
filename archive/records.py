"""Bytes of release files within bounds: records split from a stream, a size cap, decoding.

A file of many releases (JSON Lines, Reuters SGML) is read a block at a time, so memory stays
flat however large the file; a record over the cap is measured and skipped, never held whole.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from typing import BinaryIO

from archive.model import ParseError

#: The most text one release may have (title, body and markup): larger ones are skipped and reported.
MAX_RELEASE_BYTES = 2_000_000
_BLOCK = 1 << 16


def split_records(stream: BinaryIO, end: bytes, limit: int) -> Iterator[tuple[int, bytes | int]]:
    """Yield (first line, bytes) for each record of `stream` ending in `end` (the last may lack it).

    A record longer than `limit` bytes comes back as (first line, its size) instead.
    """
    buffer = bytearray()
    line = 1  # where the record in the buffer starts
    dropped = dropped_lines = 0  # bytes and newlines of an oversize record already let go
    while True:
        block = stream.read(_BLOCK)
        search_from = max(0, len(buffer) - len(end) + 1)
        buffer += block
        start = 0
        while (at := buffer.find(end, max(start, search_from))) != -1:
            stop = at + len(end)
            record = bytes(buffer[start:stop])
            size = dropped + len(record)
            yield line, (size if size > limit else record)
            line += dropped_lines + record.count(b"\n")
            dropped = dropped_lines = 0
            start = stop
        del buffer[:start]
        if not block:
            break
        if dropped + len(buffer) > limit and len(buffer) >= len(end):
            # Over the limit: keep only what could be the start of `end`, count the rest.
            cut = len(buffer) - len(end) + 1
            dropped += cut
            dropped_lines += buffer.count(b"\n", 0, cut)
            del buffer[:cut]
    if buffer or dropped:
        size = dropped + len(buffer)
        yield line, (size if size > limit else bytes(buffer))


def decode(data: bytes, source: str, line: int | None = None) -> str:
    """Return the text of release bytes: UTF-8 (with or without BOM), else Latin-1/Windows-1252."""
    if not data.strip():
        raise ParseError(source, "empty file", line)
    if b"\x00" in data[:8192]:
        raise ParseError(source, "binary file, not text", line)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Latin-1 decodes any byte; C1 control characters mean it was not really Latin-1 text.
        if sum(0x80 <= ord(ch) <= 0x9F for ch in text) == 0:
            return text
    raise ParseError(source, f"cannot decode: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                             "and not Latin-1 text", line)


def format_size(size: int) -> str:
    """`2000000` -> `2.0 MB`, `52431` -> `52 KB`."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.0f} KB" if size >= 1000 else f"{size} bytes"
