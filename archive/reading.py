"""Find release files under the paths given, read them within bounds, and hand each to its reader."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from archive.html_reader import read_html
from archive.jsonl_reader import read_record
from archive.markdown_reader import read_markdown
from archive.model import ParseError, Release, clean_id
from archive.records import MAX_RELEASE_BYTES, decode, format_size, split_records
from archive.sgml_reader import END_OF_ITEM, read_sgml
from archive.source_folder import iter_release_files, walk_source
from archive.text_reader import read_text

ReadResult = Release | ParseError

_SINGLE = {".txt": read_text, ".md": read_markdown, ".markdown": read_markdown,
           ".html": read_html, ".htm": read_html}
_MULTI = (".jsonl", ".sgm", ".sgml")
SUPPORTED_SUFFIXES = tuple(sorted({*_SINGLE, *_MULTI}))

__all__ = ["ReadResult", "SUPPORTED_SUFFIXES", "iter_release_files", "read_file", "read_paths", "walk_source"]


def read_paths(paths: Iterable[str | Path], limit: int = MAX_RELEASE_BYTES) -> Iterator[ReadResult]:
    """Yield every release (or ParseError) in the files and folders given, folders recursively."""
    for path in map(Path, paths):
        if path.is_dir():
            for entry in walk_source(path):
                if isinstance(entry, Path):
                    yield from read_file(entry, path, limit)
                elif entry.problem:
                    yield ParseError(entry.name, entry.reason)
        elif path.exists():
            yield from read_file(path, path.parent, limit)
        else:
            yield ParseError(str(path), "no such file or folder")


def read_file(file: Path, root: Path, limit: int = MAX_RELEASE_BYTES) -> Iterator[ReadResult]:
    """Yield the release(s) in one file; problems come back as ParseError values, never raised.

    A file of one release larger than `limit` bytes is not read; nor is such a record of a
    JSON Lines or SGML file, whose other records are.
    """
    source = file.relative_to(root).as_posix() if file.is_relative_to(root) else file.name
    stem = clean_id(source.rsplit(".", 1)[0] if "." in file.name else source)
    suffix = file.suffix.lower()
    try:
        source.encode("utf-8")
    except UnicodeEncodeError:
        yield ParseError(source.encode("utf-8", "backslashreplace").decode(), "file name is not valid UTF-8; rename it")
        return
    try:
        if suffix not in _SINGLE and suffix not in _MULTI:
            raise ParseError(source, f"unsupported file type '{suffix or file.name}' "
                                     f"(expected one of {', '.join(SUPPORTED_SUFFIXES)})")
        with _open_regular(file, source) as stream:
            if suffix in _MULTI:
                yield from _read_records(stream, suffix, stem, source, limit)
            else:
                yield _SINGLE[suffix](decode(_read_bounded(stream, source, limit), source), stem, source)
    except ParseError as error:
        yield error
    except OSError as exc:
        yield ParseError(source, f"cannot read file: {exc.strerror or exc}")
    except Exception as exc:  # One odd file must never stop a whole run: report it like any bad file.
        yield ParseError(source, f"could not be read ({type(exc).__name__}: {exc})")


def _open_regular(file: Path, source: str) -> BinaryIO:
    # Non-blocking, so that a FIFO given by name is refused instead of waiting for a writer.
    fd = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ParseError(source, "not a regular file: not read")
    return os.fdopen(fd, "rb")


def _read_bounded(stream: BinaryIO, source: str, limit: int) -> bytes:
    size = os.fstat(stream.fileno()).st_size
    data = stream.read(limit + 1) if size <= limit else b""
    if size > limit or len(data) > limit:
        raise ParseError(source, f"{format_size(max(size, len(data)))}, over the limit of {format_size(limit)} "
                                 "for one release: not read (reindex --max-size sets the limit)")
    return data


def _read_records(stream: BinaryIO, suffix: str, stem: str, source: str, limit: int) -> Iterator[ReadResult]:
    """The releases of a JSON Lines or SGML file, read a record at a time."""
    end = b"\n" if suffix == ".jsonl" else END_OF_ITEM
    if b"\x00" in stream.peek(8192)[:8192]:
        raise ParseError(source, "binary file, not text")
    found = 0
    for line, record in split_records(stream, end, limit):
        if isinstance(record, int):
            found += 1
            yield ParseError(source, f"record of {format_size(record)}, over the limit of {format_size(limit)} "
                                     "for one release: skipped (reindex --max-size sets the limit)", line)
            continue
        if not record.strip():
            continue
        try:
            text = decode(record, source, line)
            if end == b"\n":
                found += 1
                yield read_record(text.rstrip("\r\n"), f"{stem}-{line}", source, line)
            else:
                for result in read_sgml(text, stem, source, line):
                    found += 1
                    yield result
        except ParseError as error:
            yield error
    if not found:
        raise ParseError(source, "empty file" if end == b"\n" else "no <REUTERS> items in this SGML file")
