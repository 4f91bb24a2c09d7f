"""`watch`: the index follows the source folder while it runs, one reindex a burst, never a half-written file."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pytest

from indexer import SearchRequest, search
from web.cli_pull import parse_duration
from web.watch import Schedule, watch_source

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.mark.parametrize("text, seconds", [("30m", 1800), ("1h", 3600), ("1h30m", 5400), ("90s", 90),
                                           ("2h5m10s", 7510), (" 10S ", 10)])
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text, message", [("", "not a duration"), ("30", "not a duration"),
                                           ("m30", "not a duration"), ("5s", "too often")])
def test_bad_durations_say_why(text, message):
    with pytest.raises(ValueError, match=message):
        parse_duration(text)


class Watching:
    """watch_source running in a thread on a small folder, with its log."""

    def __init__(self, tmp_path: Path, schedule: Schedule | None = None):
        self.source, self.index = tmp_path / "source", tmp_path / "index"
        self.source.mkdir()
        for name in ("pib_2221376.txt", "pib_2221425.txt", "000_9fc2457ebedf823b.txt"):
            shutil.copy(SEEDS / name, self.source / name)
        self.log: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=watch_source,
                                       args=(self.source, self.index, self.stop, self.log.append, schedule))
        self.thread.start()
        self.wait_for(lambda: any("(start)" in line for line in self.log))

    def reindexes(self) -> list[str]:
        return [line for line in self.log if line.startswith("reindexed") and "(start)" not in line]

    def total(self, query: str) -> int:
        return search(self.index, SearchRequest(q=query, collapse=False)).total

    def wait_for(self, condition, seconds: float = 20) -> float:
        """Seconds until `condition()` held; fails after `seconds`."""
        started = time.monotonic()
        while not condition():
            assert time.monotonic() - started < seconds, f"not within {seconds} s; log: {self.log}"
            time.sleep(0.05)
        return time.monotonic() - started

    def close(self) -> None:
        self.stop.set()
        self.thread.join(10)
        assert not self.thread.is_alive()


@pytest.fixture
def watching(tmp_path):
    watcher = Watching(tmp_path)
    yield watcher
    watcher.close()


def release(word: str, day: int = 1) -> str:
    return f" date 2026-12-{day:02d} Male, Dec {day} (IANS) The {word} delegation met officials in Male today.\n"


def test_a_new_changed_and_removed_file_is_followed(watching):
    (watching.source / "new.txt").write_text(release("zanzibarian"), "utf-8")
    assert watching.wait_for(lambda: watching.total("zanzibarian") == 1) < 10
    (watching.source / "new.txt").write_text(release("patagonian"), "utf-8")
    watching.wait_for(lambda: watching.total("patagonian") == 1)
    assert watching.total("zanzibarian") == 0
    (watching.source / "new.txt").unlink()
    watching.wait_for(lambda: watching.total("patagonian") == 0)
    assert watching.total("") == 3


def test_a_burst_of_files_is_one_or_two_reindexes(watching):
    folder = watching.source / "burst"
    folder.mkdir()
    for number in range(100):
        (folder / f"r{number:03d}.txt").write_text(release(f"burstword{number}", 1 + number % 28), "utf-8")
    watching.wait_for(lambda: watching.total("") == 103)
    time.sleep(1)
    assert 1 <= len(watching.reindexes()) <= 2, watching.log
    assert all(watching.total(f"burstword{number}") == 1 for number in (0, 42, 99))


def test_hidden_files_are_no_reason_to_reindex(watching):
    (watching.source / ".pull-1-x.html").write_text("<html>half", "utf-8")
    (watching.source / ".press-archive").mkdir()
    (watching.source / ".press-archive" / "pull-state.json").write_text("{}", "utf-8")
    time.sleep(3)
    assert watching.reindexes() == []


def test_a_file_still_being_written_is_not_read_half_way(watching):
    # Read before its last piece, the file's front matter is never closed: it would be skipped as broken.
    text = ("---\ntitle: A long statement\ndate: 2026-12-01\n" + "# a comment of the front matter\n" * 200
            + "---\nThe quetzalcoatl committee met.\n")
    pieces = [text[i:i + len(text) // 14] for i in range(0, len(text), len(text) // 14)]
    with open(watching.source / "slow.md", "w", encoding="utf-8") as stream:
        for piece in pieces:  # 15 pieces over 3 s: longer than a burst is grouped
            stream.write(piece)
            stream.flush()
            time.sleep(0.2)
    watching.wait_for(lambda: watching.total("quetzalcoatl") == 1)
    time.sleep(1)
    assert all(line.endswith(" 0 skipped") for line in watching.log), watching.log


def test_the_schedule_pulls_at_the_start_and_then_on_time(tmp_path):
    pulls: list[float] = []

    def pull() -> None:  # may run before Watching returns: it knows the folder, not the watcher
        pulls.append(time.monotonic())
        (tmp_path / "source" / f"pulled{len(pulls)}.txt").write_text(release(f"pulledword{len(pulls)}"), "utf-8")

    watcher = Watching(tmp_path, Schedule(every=2, pull=pull))
    try:
        watcher.wait_for(lambda: len(pulls) >= 2)
        watcher.wait_for(lambda: watcher.total("pulledword1") == 1 and watcher.total("pulledword2") == 1)
        assert 1.5 < pulls[1] - pulls[0] < 6
    finally:
        watcher.close()


def test_a_source_folder_removed_and_made_again_is_watched_again(watching):
    shutil.rmtree(watching.source)
    watching.wait_for(lambda: any("is gone" in line for line in watching.log) or watching.total("") == 0)
    watching.source.mkdir()
    time.sleep(1.5)  # watched afresh
    (watching.source / "again.txt").write_text(release("phoenixword"), "utf-8")
    watching.wait_for(lambda: watching.total("phoenixword") == 1)
    assert watching.total("") == 1


def test_a_slow_pull_does_not_hold_up_reindexing(tmp_path):
    started = threading.Event()

    def slow_pull() -> None:
        started.set()
        time.sleep(8)

    watcher = Watching(tmp_path, Schedule(every=3600, pull=slow_pull))
    try:
        assert started.wait(10)
        (watcher.source / "meanwhile.txt").write_text(release("meanwhileword"), "utf-8")
        assert watcher.wait_for(lambda: watcher.total("meanwhileword") == 1) < 6
    finally:
        watcher.close()
