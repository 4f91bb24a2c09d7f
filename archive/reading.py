"""Find release files under the paths given, decode them, and hand each to its reader."""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from pathlib import Path

from archive.html_reader import read_html
from archive.jsonl_reader import read_jsonl
from archive.markdown_reader import read_markdown
from archive.model import ParseError, Release, clean_id
from archive.sgml_reader import read_sgml
from archive.text_reader import read_text

ReadResult = Release | ParseError

_SINGLE = {".txt": read_text, ".md": read_markdown, ".markdown": read_markdown,
           ".html": read_html, ".htm": read_html}
_MULTI = {".jsonl": read_jsonl, ".sgm": read_sgml, ".sgml": read_sgml}
SUPPORTED_SUFFIXES = tuple(sorted({*_SINGLE, *_MULTI}))
# Files that sit beside releases without being releases.
_IGNORED_NAMES = {"readme", "readme.md", "readme.txt", "license", "license.txt", "licence"}


def read_paths(paths: Iterable[str | Path]) -> Iterator[ReadResult]:
    """Yield every release (or ParseError) in the files and folders given, folders recursively."""
    for path in map(Path, paths):
        if path.is_dir():
            for file in iter_release_files(path):
                yield from read_file(file, path)
        elif path.exists():
            yield from read_file(path, path.parent)
        else:
            yield ParseError(str(path), "no such file or folder")


def iter_release_files(folder: Path) -> Iterator[Path]:
    """Yield the files under `folder` that may hold releases, in a stable order."""
    for file in sorted(folder.rglob("*")):
        relative = file.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not file.is_file():
            continue
        if file.name.lower() in _IGNORED_NAMES:
            continue
        yield file


def read_file(file: Path, root: Path) -> Iterator[ReadResult]:
    """Yield the release(s) in one file; problems come back as ParseError values, never raised."""
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
        text = decode(file.read_bytes(), source)
        if suffix in _MULTI:
            yield from _MULTI[suffix](text, stem, source)
        else:
            yield _SINGLE[suffix](text, stem, source)
    except ParseError as error:
        yield error
    except OSError as exc:
        yield ParseError(source, f"cannot read file: {exc.strerror or exc}")
    except Exception as exc:  # One odd file must never stop a whole run: report it like any bad file.
        yield ParseError(source, f"could not be read ({type(exc).__name__}: {exc})")


def decode(data: bytes, source: str) -> str:
    """Return the text of a release file: UTF-8 (with or without BOM), else Latin-1/Windows-1252."""
    if not data.strip():
        raise ParseError(source, "empty file")
    if b"\x00" in data[:8192]:
        raise ParseError(source, "binary file, not text")
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
                             "and not Latin-1 text")
