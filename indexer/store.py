"""Where an index lives on disk: generations behind an atomically replaced pointer, and the lock.

    INDEX_DIR/CURRENT              names the generation readers open ("gen-000003-1f2e3d4c")
    INDEX_DIR/gen-000003-1f2e3d4c/ a complete Whoosh index plus manifest.json and schema-version
    INDEX_DIR/reindex.lock   held (flock) by the one reindex allowed at a time

A full rebuild writes a new generation and only then replaces CURRENT, so an interrupted
rebuild leaves the previous generation serving, untouched.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import secrets
import shutil
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.index import TOC, clean_files
from whoosh.filedb.filestore import FileStorage

from indexer import stored_fields
from indexer.errors import IndexMissing, ReindexRunning
from indexer.locations import reindex_command
from indexer.schema import build_schema, schema_signature
from indexer.whoosh_reads import last_commit

POINTER = "CURRENT"
LOCK = "reindex.lock"
#: The time the last reindex finished, whether it changed anything or not.
CHECKED = "last-reindex"
MANIFEST = "manifest.json"
SCHEMA_FILE = "schema-version"
_PREFIX = "gen-"
INDEX_NAME = "MAIN"
# A table of contents or manifest being written when its writer died.
_TEMPORARY_FILE = re.compile(r"_MAIN_\d+\.toc\.[\d.]+|manifest\.json\.tmp|stories\.npz\.(?:next|tmp|next\.tmp)")


def current_generation(index_dir: Path) -> Path | None:
    """Return the folder of the generation readers should open, or None when there is none."""
    try:
        name = (index_dir / POINTER).read_text("utf-8").strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    folder = index_dir / name
    return folder if name.startswith(_PREFIX) and folder.is_dir() else None


def open_folder(folder: Path):
    """Open the Whoosh index in one generation folder, reading its files without mmap.

    With mmap, whoosh3 copies each compound segment file into memory on opening (about
    0.2 s and 300 MB at 100,000 releases); plain reads open in milliseconds and search as fast.
    """
    return FileStorage(str(folder), supports_mmap=False).open_index()


def open_index(index_dir: Path):
    """Open the current generation for reading; IndexMissing when there is none or it is broken."""
    folder = current_generation(Path(index_dir))
    if folder is None:
        raise IndexMissing(f"no index at {index_dir}: run '{reindex_command(index_dir)}' to build one")
    try:
        return open_folder(folder)
    except Exception as exc:  # Whoosh raises several unrelated types for a damaged index.
        raise IndexMissing(f"the index at {folder} cannot be opened ({exc}); "
                           f"run '{reindex_command(index_dir, full=True)}' to rebuild it") from exc


def last_updated(index_dir: Path) -> str:
    """The UTC date (YYYY-MM-DD) the index last changed; IndexMissing when there is none."""
    return last_changed(index_dir)[:10]


def last_changed(index_dir: Path) -> str:
    """When the index last changed (UTC, `2026-12-01T10:30:00Z`); IndexMissing when there is none."""
    folder = current_generation(Path(index_dir))
    if folder is None:
        raise IndexMissing(f"no index at {index_dir}: run '{reindex_command(index_dir)}' to build one")
    stamps = [path.stat().st_mtime for path in (folder / MANIFEST, Path(index_dir) / POINTER) if path.exists()]
    return _iso(max(stamps, default=folder.stat().st_mtime))


def last_checked(index_dir: Path) -> str:
    """When a reindex last finished (UTC), changing anything or not; "" when none has said so."""
    try:
        return (Path(index_dir) / CHECKED).read_text("utf-8").strip()
    except OSError:
        return ""


def record_check(index_dir: Path) -> None:
    """Note that a reindex has just brought the index in line with its source."""
    _replace(Path(index_dir) / CHECKED, _iso(datetime.now(timezone.utc).timestamp()) + "\n")


def _iso(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_generation(index_dir: Path, common_words: frozenset[str] = frozenset(),
                   stored_dictionary: bytes | None = None) -> Path:
    """Create and return an empty generation folder, numbered after every existing one, pairing
    `common_words` for phrases and compressing stored fields with `stored_dictionary`."""
    numbers = [int(number) for p in index_dir.glob(f"{_PREFIX}*")
               if (number := p.name[len(_PREFIX):].split("-")[0]).isdigit()]
    # The random part keeps a rebuilt index (say, after its folder was deleted) from taking the
    # name of one that open searchers and caches still remember.
    folder = index_dir / f"{_PREFIX}{max(numbers, default=0) + 1:06d}-{secrets.token_hex(4)}"
    folder.mkdir(parents=True)
    whoosh_index.create_in(str(folder), build_schema(common_words))
    if stored_dictionary:
        (folder / stored_fields.DICTIONARY_FILE).write_bytes(stored_dictionary)
    (folder / SCHEMA_FILE).write_text(f"{schema_signature()}\n", "utf-8")
    return folder


def has_current_schema(folder: Path) -> bool:
    """Whether the generation was built with this version's schema (older ones need a full rebuild)."""
    try:
        return (folder / SCHEMA_FILE).read_text("utf-8").strip() == schema_signature()
    except FileNotFoundError:
        return False


def publish(index_dir: Path, folder: Path) -> None:
    """Point readers at `folder` in one atomic step, then delete the generations now unused."""
    previous = current_generation(index_dir)
    _replace(index_dir / POINTER, folder.name + "\n")
    # The previous generation stays until the next reindex: a search that has just read the
    # old pointer can still open it.
    remove_stale_generations(index_dir, keep=(folder, previous))


def remove_stale_generations(index_dir: Path, keep=()) -> None:
    """Delete generation folders (left by older or interrupted runs) except the current one and `keep`."""
    kept = {current_generation(index_dir), *keep}
    for folder in index_dir.glob(f"{_PREFIX}*"):
        if folder not in kept and folder.is_dir():
            shutil.rmtree(folder, ignore_errors=True)
    (index_dir / f"{POINTER}.tmp").unlink(missing_ok=True)


def remove_leftovers(folder: Path) -> None:
    """Delete what a killed writer left in a generation: temporary folders and files, unused segments."""
    for path in [*folder.iterdir(), *folder.glob("bodies/*.tmp")]:
        if path.is_dir() and path.suffix == ".tmp":
            shutil.rmtree(path, ignore_errors=True)
        elif _TEMPORARY_FILE.fullmatch(path.name) or path.parent.name == "bodies":
            path.unlink(missing_ok=True)
    storage = FileStorage(str(folder))
    try:
        toc = TOC.read(storage, INDEX_NAME)
    except Exception:  # no commit yet, or a damaged index: the next full build replaces it
        return
    clean_files(storage, INDEX_NAME, toc.generation, toc.segments)


# File descriptors of the reindex locks this process holds.
_held_locks: set[int] = set()


def _drop_inherited_locks() -> None:
    # A forked child shares its parent's flock; were it to keep the descriptor, a writer process
    # orphaned by a killed reindex would hold the lock for ever. /dev/null takes the descriptor's
    # place so that nothing in the child writes into a closed or reused one.
    for fd in _held_locks:
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, fd)
        os.close(null)
    _held_locks.clear()


os.register_at_fork(after_in_child=_drop_inherited_locks)


@contextmanager
def reindex_lock(index_dir: Path):
    """Hold the index's reindex lock for the block; ReindexRunning when another process has it.

    The lock is an flock: it goes with the process that holds it, however that process ends,
    and forked children do not keep it.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / LOCK, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ReindexRunning(f"reindex already running on {index_dir}; try again when it has finished") from None
        _held_locks.add(handle.fileno())
        try:
            yield
        finally:
            _held_locks.discard(handle.fileno())
            fcntl.flock(handle, fcntl.LOCK_UN)


def committed_generation(folder: Path) -> int:
    """The number of the generation folder's last Whoosh commit (-1 when it has none)."""
    return last_commit(folder, INDEX_NAME)


def needs_full_rebuild(index_dir: Path) -> str:
    """Why the index must be rebuilt in full before a reindex can update it, or "" when it need not."""
    current = current_generation(Path(index_dir))
    if current is None:
        return "there was no index yet"
    if not has_current_schema(current):
        return "the index was built by an older version"
    if not manifest_is_current(current):
        return "the last reindex was stopped between its commit and its manifest"
    return ""


def manifest_is_current(folder: Path) -> bool:
    """Whether the manifest describes the index as last committed (a run killed between its commit
    and its manifest leaves an index newer than the manifest)."""
    described = read_manifest(folder).get("commit")
    return described is None or described == committed_generation(folder)


def read_manifest(folder: Path) -> dict:
    """Return what the generation knows of its source files: {file: {"stamp", "ids": {id: hash}}}."""
    try:
        return json.loads((folder / MANIFEST).read_text("utf-8"))
    except FileNotFoundError:
        return {"files": {}}


def write_manifest(folder: Path, manifest: dict) -> None:
    """Replace the generation's manifest atomically."""
    _replace(folder / MANIFEST, json.dumps(manifest))


def _replace(path: Path, text: str) -> None:
    """Write `text` to `path` in one atomic step: a reader sees the old file or the new one, whole."""
    temporary = path.with_name(f"{path.name}.tmp")
    temporary.write_text(text, "utf-8")
    os.replace(temporary, path)
