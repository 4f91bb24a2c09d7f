"""Long bodies: Whoosh stores the start of each, the whole text lives in the generation's bodies/ folder.

Whoosh reads and decompresses a document's stored fields whole, so a hit on a release of
megabytes cost milliseconds per search. Every document stores at most STORED_BODY_CHARS of its
body (what snippets and related releases read); a longer body is written whole, once, to
`bodies/<sha1 of the body>.txt`, for the release page, the JSON API and exports.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

#: The most of a body the index stores with the document (99% of PIB releases are shorter).
STORED_BODY_CHARS = 20_000
FOLDER = "bodies"


def long_body_key(body: str) -> str | None:
    """The name a body too long to store is kept under; None for a body the index stores whole."""
    return hashlib.sha1(body.encode("utf-8")).hexdigest() if len(body) > STORED_BODY_CHARS else None


def write_long_body(generation: Path, key: str, body: str) -> None:
    """Keep a long body in the generation under `key` (atomically, once per text)."""
    folder = generation / FOLDER
    path = folder / f"{key}.txt"
    if not path.exists():
        folder.mkdir(exist_ok=True)
        temporary = folder / f"{key}.tmp"
        temporary.write_text(body, "utf-8")
        os.replace(temporary, path)


def read_long_body(generation: Path, key: str) -> str | None:
    """The whole body kept under `key`, or None when it is gone (replaced since the search began)."""
    try:
        return (generation / FOLDER / f"{key}.txt").read_text("utf-8")
    except FileNotFoundError:
        return None


def remove_unused_bodies(generation: Path, used: set[str]) -> None:
    """Delete the long bodies no release of the generation refers to, and unfinished writes."""
    folder = generation / FOLDER
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if path.suffix == ".tmp" or path.stem not in used:
            path.unlink(missing_ok=True)
