"""Default locations of the source folder and the index, overridable by environment variables."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

SOURCE_VARIABLE = "PRESS_ARCHIVE_SOURCE"
INDEX_VARIABLE = "PRESS_ARCHIVE_INDEX"
BUNDLED_SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def default_source() -> Path:
    """The folder of releases to index: $PRESS_ARCHIVE_SOURCE, else the bundled seeds/."""
    return Path(os.environ.get(SOURCE_VARIABLE) or BUNDLED_SEEDS)


def default_index() -> Path:
    """Where the index lives: $PRESS_ARCHIVE_INDEX, else a per-user data folder."""
    if os.environ.get(INDEX_VARIABLE):
        return Path(os.environ[INDEX_VARIABLE])
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "press-archive" / "index"


def reindex_command(index_dir: Path, full: bool = False) -> str:
    """The command that builds the index at `index_dir`, naming it unless it is the default one."""
    command = "press-archive reindex" + (" --full" if full else "")
    if Path(index_dir).absolute() != default_index().absolute():
        command += f" --index {shlex.quote(str(index_dir))}"
    return command
