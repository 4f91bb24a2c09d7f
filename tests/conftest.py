import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
#: The browser tests' Chromium (Debian's), and where they write screenshots.
CHROMIUM = os.environ.get("PRESS_ARCHIVE_CHROMIUM", "/usr/bin/chromium")
OUTPUT = ROOT / "test-output"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


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


def free_port() -> int:
    """A TCP port free on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    """`press-archive serve` over the bundled seeds on a free loopback port, for the browser tests."""
    port = free_port()
    env = {**os.environ, "PRESS_ARCHIVE_INDEX": str(tmp_path_factory.mktemp("browser") / "index")}
    env.pop("PRESS_ARCHIVE_SOURCE", None)
    command = [str(Path(sys.executable).parent / "press-archive"), "serve", "--port", str(port)]
    if not Path(command[0]).exists():
        command = [shutil.which("press-archive") or "press-archive", *command[1:]]
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        try:
            urllib.request.urlopen(base + "/api/search", timeout=2)
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"press-archive serve exited: {process.stdout.read()}")
            time.sleep(0.3)
    else:
        process.kill()
        pytest.fail("press-archive serve did not answer within 120 s")
    yield base
    process.terminate()
    process.wait(timeout=10)
    process.stdout.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
