from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def close_searchers():
    """Close the searchers this thread kept open, so no test leaves files to the garbage collector."""
    yield
    from indexer.searchers import close_all

    close_all()


@pytest.fixture
def good_dir() -> Path:
    return DATA / "good"


@pytest.fixture
def bad_dir() -> Path:
    return DATA / "bad"


@pytest.fixture
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def small_index(tmp_path_factory):
    """An index built once, with the real build code, from the hand-made releases in tests/corpus.py."""
    from indexer import reindex
    from tests.corpus import write_corpus

    base = tmp_path_factory.mktemp("small")
    source = write_corpus(base / "source")
    report = reindex(source, base / "index")
    assert report.added == 10 and not report.skipped
    return base / "index"


@pytest.fixture
def app(small_index):
    from web import create_app

    return create_app({"INDEX": str(small_index), "TESTING": True, "PER_PAGE": 5})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory):
    """The bundled seeds indexed once, as `press-archive serve` shows them on a fresh clone."""
    from indexer import reindex

    index = tmp_path_factory.mktemp("seeds") / "index"
    report = reindex(ROOT / "seeds", index)
    assert report.added > 300 and not report.skipped
    return index


@pytest.fixture
def seed_client(seed_index):
    from web import create_app

    return create_app({"INDEX": str(seed_index), "TESTING": True}).test_client()
