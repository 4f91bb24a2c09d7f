"""The files of a source folder, without ever leaving it: those to read, and why each other one is not read.

Symbolic links are not followed out of the folder; a link (or hard link) to a file read anyway
is not read twice; hidden entries, READMEs and licences are passed over; FIFOs, sockets and
devices are never opened.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Files that sit beside releases without being releases.
IGNORED_NAMES = {"readme", "readme.md", "readme.txt", "license", "license.txt", "licence"}
#: The list of feeds `pull` saves releases from (see web/feeds.py).
FEEDS_CONFIG = "feeds.toml"


@dataclass(frozen=True)
class NotRead:
    """An entry of the source folder that is not read: passed over by design, or skipped as a problem."""

    name: str
    reason: str
    problem: bool = False
    #: A folder or file that exists but cannot be read just now (permissions, a failing disk).
    unreadable: bool = False

    def __str__(self) -> str:
        return f"{self.name}: {self.reason}"


def walk_source(folder: Path) -> Iterator[Path | NotRead]:
    """Yield the release files under `folder` in a stable order, and a NotRead for every other entry."""
    folder = Path(folder)
    root = folder.resolve()
    found: list[tuple[tuple[str, ...], Path | NotRead]] = []
    regular: dict[tuple[int, int], str] = {}
    links: list[tuple[tuple[str, ...], Path]] = []
    for parts, path, info in _entries(folder, (), found):
        if info is None:
            links.append((parts, path))
        elif (info.st_dev, info.st_ino) in regular:
            found.append((parts, NotRead("/".join(parts), f"same file as {regular[info.st_dev, info.st_ino]} "
                                                          "(a hard link): read once, as that")))
        else:
            regular[info.st_dev, info.st_ino] = "/".join(parts)
            found.append((parts, path))
    for parts, path in links:
        found.append((parts, _follow_link(path, "/".join(parts), root, regular)))
    for _, entry in sorted(found, key=lambda item: item[0]):
        yield entry


def iter_release_files(folder: Path) -> Iterator[Path]:
    """Yield only the files under `folder` that are read as releases, in a stable order."""
    return (entry for entry in walk_source(folder) if isinstance(entry, Path))


def _entries(directory: Path, parts: tuple[str, ...],
             found: list) -> Iterator[tuple[tuple[str, ...], Path, os.stat_result | None]]:
    """Yield (parts, path, stat) of the regular files under `directory`, stat None for links; the rest
    go to `found`."""
    try:
        children = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as exc:
        found.append((parts, NotRead("/".join(parts) or ".", f"cannot read folder: {exc.strerror or exc}", True, True)))
        return
    for child in children:
        here = (*parts, child.name)
        name = "/".join(here)
        if child.name.startswith("."):
            kind = "folder" if child.is_dir(follow_symlinks=False) else "file"
            found.append((here, NotRead(name, f"hidden {kind}: not read")))
        elif child.name.lower() in IGNORED_NAMES:
            found.append((here, NotRead(name, "README or licence: not a release")))
        elif not parts and child.name == FEEDS_CONFIG:
            found.append((here, NotRead(name, "the feeds pull reads: not a release")))
        elif child.is_symlink():
            yield here, Path(child.path), None
        elif child.is_dir(follow_symlinks=False):
            yield from _entries(Path(child.path), here, found)
        else:
            try:
                info = child.stat(follow_symlinks=False)
            except OSError as exc:
                found.append((here, NotRead(name, f"cannot read file: {exc.strerror or exc}", True, True)))
                continue
            if stat.S_ISREG(info.st_mode):
                yield here, Path(child.path), info
            else:
                found.append((here, NotRead(name, f"not a regular file ({_kind(info.st_mode)}): not read", True)))


def _follow_link(path: Path, name: str, root: Path, regular: dict[tuple[int, int], str]) -> Path | NotRead:
    """The link itself when its target is a file inside the folder not read otherwise, else why not."""
    target = Path(os.path.realpath(path))
    if not target.is_relative_to(root):
        return NotRead(name, f"symbolic link to {target}, outside the source folder: not followed", True)
    try:
        info = target.stat()
    except OSError:
        return NotRead(name, "broken symbolic link", True)
    inside = target.relative_to(root).as_posix()
    if stat.S_ISDIR(info.st_mode):
        return NotRead(name, f"symbolic link to the folder {inside or '.'}: not followed "
                             "(folders are read where they are)")
    if not stat.S_ISREG(info.st_mode):
        return NotRead(name, f"symbolic link to {inside}, not a regular file ({_kind(info.st_mode)}): not read", True)
    key = (info.st_dev, info.st_ino)
    if key in regular:
        return NotRead(name, f"symbolic link to {regular[key]}: read once, as that")
    regular[key] = name
    return path


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device")):
        if test(mode):
            return kind
    return "not a file"
