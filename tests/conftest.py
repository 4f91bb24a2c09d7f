from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def good_dir() -> Path:
    return DATA / "good"


@pytest.fixture
def bad_dir() -> Path:
    return DATA / "bad"


@pytest.fixture
def seeds_dir() -> Path:
    return ROOT / "seeds"
