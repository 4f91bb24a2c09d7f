"""The data files of `archive/data/`: ministries (with Indian states) and countries."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def load_data(name: str) -> dict:
    """Return the parsed JSON file `archive/data/<name>.json`, read once per process."""
    return json.loads(resources.files("archive").joinpath(f"data/{name}.json").read_text("utf-8"))
