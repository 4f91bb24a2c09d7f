"""The archive kept current: freshness on the page and in the API, `serve --watch` as a user runs it."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from indexer import reindex
from web import create_app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_status_says_how_current_the_archive_is(tmp_path):
    source, index = tmp_path / "source", tmp_path / "index"
    source.mkdir()
    shutil.copy(SEEDS / "000_9fc2457ebedf823b.txt", source)
    shutil.copy(SEEDS / "pib_2221376.txt", source)
    reindex(source, index)
    client = create_app({"INDEX": str(index), "SOURCE": str(source), "TESTING": True}).test_client()
    status = client.get("/api/status").get_json()
    assert status["releases"] == 2 and status["pulled_at"] == ""
    newest = client.get("/api/search?sort=newest&collapse=0").get_json()["hits"][0]["date"]
    assert status["newest_release"] == newest and newest > "2025-10-07"  # the PIB release, not the IANS one
    assert status["changed_at"].endswith("Z") and status["checked_at"] >= status["changed_at"]
    first_check = status["checked_at"]
    time.sleep(1.1)
    reindex(source, index)  # nothing changed: checked, not changed
    again = client.get("/api/status").get_json()
    assert again["changed_at"] == status["changed_at"] and again["checked_at"] > first_check
    (source / ".press-archive").mkdir()
    (source / ".press-archive" / "last-pull.json").write_text('{"at": "2026-12-02T01:00:00Z"}', "utf-8")
    found = client.get("/api/search?q=defence").get_json()
    assert found["freshness"]["pulled_at"] == "2026-12-02T01:00:00Z"
    page = client.get("/").get_data(as_text=True)
    assert 'id="freshness"' in page
    assert 'feeds pulled <time datetime="2026-12-02T01:00:00Z">2026-12-02 01:00 UTC' in page
    assert f'Newest release <time datetime="{status["newest_release"]}">' in page


def test_follow_this_search_is_offered_also_before_anything_matches(client):
    page = client.get("/?q=zzqqxxnothing&ministry=Ministry+of+Defence").get_data(as_text=True)
    assert "No releases match" in page
    assert 'id="follow-link"' in page and "/feed.atom?q=zzqqxxnothing&amp;ministry=Ministry+of+Defence" in page
    assert "Download:" not in page
    feed = client.get("/feed.atom?q=zzqqxxnothing&ministry=Ministry+of+Defence")
    assert feed.status_code == 200 and feed.mimetype == "application/atom+xml" and b"<entry>" not in feed.data


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_serve_watch_finds_a_new_file_while_serving(tmp_path):
    source, index = tmp_path / "source", tmp_path / "index"
    source.mkdir()
    for name in ("000_9fc2457ebedf823b.txt", "pib_2221376.txt", "pib_2221425.txt"):
        shutil.copy(SEEDS / name, source)
    port = free_port()
    command = [sys.executable, "-c", "from web.cli import main; main()", "serve", "--port", str(port),
               "--source", str(source), "--index", str(index), "--watch"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        lines = []
        while not any(line.startswith("Serving press-archive") for line in lines):
            line = process.stderr.readline()
            assert line, f"serve stopped: {lines}"
            lines.append(line)
        assert any("watching" in line for line in lines)

        def total(query: str) -> int:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/search?q={query}&collapse=0", timeout=10) as r:
                return json.load(r)["total"]

        assert total("") == 3
        (source / "new.txt").write_text(" date 2026-12-02 Male, Dec 2 (IANS) The xylophonist envoy arrived.\n", "utf-8")
        started = time.monotonic()
        while total("xylophonist") == 0:
            assert time.monotonic() - started < 15, "the new file was not found"
            time.sleep(0.1)
        assert total("") == 4
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)
    assert process.returncode == 0
