"""Crash safety, tested by killing: a reindex killed at any point, in any of its processes, leaves
no process running, the lock free, the old index or the complete new one serving, and a next
reindex that succeeds and cleans up.

Each case copies an index of the "before" source, runs `press-archive reindex` on the "after"
source (one more folder, one changed release) and kills it at one point: by a fault planted with
PRESS_ARCHIVE_FAULT (indexer/faults.py) or by a signal from here when its progress says so.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from indexer import SearchRequest, matching_releases, reindex, search
from indexer.searchers import close_all
from indexer.store import current_generation, reindex_lock

pytestmark = pytest.mark.slow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Three copies of the seeds' text and Markdown releases: 723 files. Full builds run with two
# writer processes (--jobs 2), as they do by default on a large source.
COPIES = 3
FILES = 723
CHANGED = "copy1/000_9fc2457ebedf823b.txt"
NEW_WORD = "zanzibarquake"
QUERIES = ("defence", "budget", '"prime minister"', NEW_WORD)
SETTLE_SECONDS = 5


@dataclass
class World:
    source: Path
    before_index: Path
    before: tuple
    after: tuple
    files: int
    #: The totals of the same searches counting stories, after.
    after_stories: tuple = ()


def fingerprint(index: Path, stories: bool = False) -> tuple:
    """What the serving index answers: every id, and the totals of a few searches (of releases; of
    stories when asked: a run stopped between its commit and its stories leaves them to the next run)."""
    close_all()
    ids = tuple(sorted(release.id for release in matching_releases(index, SearchRequest())))
    totals = tuple(search(index, SearchRequest(q=q, collapse=stories)).total for q in QUERIES)
    close_all()
    return ids, totals


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    base = tmp_path_factory.mktemp("crash")
    source = base / "source"
    for number in range(1, COPIES + 1):
        folder = source / f"copy{number}"
        folder.mkdir(parents=True)
        for seed in [*SEEDS.glob("*.txt"), *SEEDS.glob("*.md")]:
            # The English seeds of 2026: the kill points below are counted in their files.
            if seed.name != "README.md" and not seed.name.startswith("pib_hi_"):
                shutil.copy2(seed, folder / seed.name)
        # One release a folder longer than the index stores: its whole body is kept beside it.
        long = sorted(folder.glob("*.txt"))[1]
        long.write_text(long.read_text("utf-8") + "\n\n" + "\n\n".join([long.read_text("utf-8")] * 12), "utf-8")
    # "before": without the last copy and with the original text of CHANGED.
    aside = base / "aside"
    shutil.move(source / f"copy{COPIES}", aside)
    before_index = base / "before-index"
    assert reindex(source, before_index).added > 0
    shutil.move(aside, source / f"copy{COPIES}")
    changed = source / CHANGED
    changed.write_text(changed.read_text("utf-8") + f"\nThe {NEW_WORD} drill was held.\n", "utf-8")
    after_index = base / "after-index"
    report = reindex(source, after_index, full=True)
    assert report.added > 0 and not report.skipped
    world = World(source, before_index, fingerprint(before_index), fingerprint(after_index),
                  sum(1 for p in source.rglob("*") if p.is_file()), fingerprint(after_index, stories=True))
    assert world.before != world.after
    assert world.files == FILES  # the kill points above are counted in files of this source
    return world


def processes_of(marker: str) -> list[int]:
    """Processes still running (not zombies) whose environment carries this run's marker."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() not in (entry / "environ").read_bytes():
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state not in ("Z", "X"):
            found.append(int(entry.name))
    return found


def writer_pids(pid: int) -> list[int]:
    try:
        return [int(child) for task in Path(f"/proc/{pid}/task").iterdir()
                for child in (task / "children").read_text().split()]
    except OSError:
        return []


def state_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "gone"


@dataclass
class Case:
    full: bool
    #: where the run dies: "point:count:SIGNAL[:parent]" (see indexer/faults.py)
    fault: str
    #: with a fault of signal STOP: who is signalled here while the main process is stopped
    then: tuple[str, int] | None = None
    no_index: bool = False

    @property
    def name(self) -> str:
        then = f"-then-{self.then[0]}-{signal.Signals(self.then[1]).name}" if self.then else ""
        return f"{'full' if self.full else 'incremental'}{'-first' if self.no_index else ''}-{self.fault}{then}"


def _full(*faults: str) -> list[Case]:
    return [Case(True, fault) for fault in faults]


def _incremental(*faults: str) -> list[Case]:
    return [Case(False, fault) for fault in faults]


CASES = [
    # The main process of a full build, while it reads files and feeds the writers.
    *_full("file:1:KILL", "file:150:KILL", "file:400:KILL", "file:650:KILL", f"file:{FILES}:KILL",
           "file:100:TERM", "file:500:TERM", "file:250:INT", "file:600:INT", "file:350:HUP"),
    # Inside the writer processes: each dies at its own n-th batch of 100 releases.
    *_full("writer-batch:1:KILL", "writer-batch:2:KILL", "writer-batch:3:KILL", "writer-batch:2:TERM",
           "writer-batch:3:TERM", "writer-batch:3:SEGV", "writer-batch:2:ABRT"),
    # A writer kills the main process (as the OOM killer would) while the writers work.
    *_full("writer-batch:1:KILL:parent", "writer-batch:2:KILL:parent", "writer-batch:3:KILL:parent",
           "writer-batch:2:TERM:parent"),
    # A Ctrl-C meant for a writer alone is ignored: the build completes.
    *_full("writer-batch:2:INT"),
    # The main process while it commits, counts, writes the manifest and publishes.
    *_full("commit:1:KILL", "commit:1:TERM", "writers-joined:1:KILL", "writers-joined:1:TERM",
           "committed:1:KILL", "committed:1:TERM", "manifest:1:KILL", "manifest:1:TERM",
           "publish:1:KILL", "publish:1:INT", "published:1:KILL", "published:1:TERM"),
    # Stopped at a point, then signalled from outside: both writers late in the build, one writer,
    # the main process, the whole process group (Ctrl-C in a terminal, a service manager's stop).
    Case(True, "file:700:STOP", ("writers", signal.SIGTERM)),
    Case(True, "file:400:STOP", ("writers", signal.SIGKILL)),
    Case(True, "file:650:STOP", ("one writer", signal.SIGKILL)),
    Case(True, "commit:1:STOP", ("writers", signal.SIGKILL)),
    Case(True, "file:300:STOP", ("main", signal.SIGKILL)),
    Case(True, "file:700:STOP", ("main", signal.SIGKILL)),
    Case(True, "writers-joined:1:STOP", ("main", signal.SIGKILL)),
    Case(True, "file:200:STOP", ("group", signal.SIGINT)),
    Case(True, "file:600:STOP", ("group", signal.SIGINT)),
    Case(True, "file:450:STOP", ("group", signal.SIGTERM)),
    # The first build, with no index before it.
    Case(True, "file:150:KILL", no_index=True),
    Case(True, "writer-batch:2:KILL", no_index=True),
    Case(True, "published:1:KILL", no_index=True),
    # An incremental run: the changed release is read first, the new folder's files from 483 on.
    *_incremental("file:1:KILL", "file:480:KILL", "file:600:KILL", f"file:{FILES}:KILL", "file:550:TERM",
                  "file:700:TERM", "file:650:INT", "file:500:HUP", "commit:1:KILL", "commit:1:TERM",
                  "commit:1:INT", "committed:1:KILL", "committed:1:TERM", "manifest:1:KILL"),
    Case(False, "file:600:STOP", ("group", signal.SIGINT)),
    Case(False, "commit:1:STOP", ("main", signal.SIGKILL)),
]


def test_enough_distinct_kill_points():
    assert len({case.name for case in CASES}) == len(CASES) >= 50


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_killed_reindex_leaves_a_whole_archive(world, tmp_path, case):
    index = tmp_path / "index"
    if not case.no_index:
        shutil.copytree(world.before_index, index)
    marker = f"crash-{uuid.uuid4().hex}"
    env = {**os.environ, "PRESS_ARCHIVE_FAULT": case.fault, "PRESS_ARCHIVE_CRASH_RUN": marker}
    command = [sys.executable, "-c", "from web.cli import main; main()", "reindex", "--source", str(world.source),
               "--index", str(index), *(["--full", "--jobs", "2"] if case.full else [])]
    log = tmp_path / "stderr.txt"
    with open(log, "w") as stderr_file:
        process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=stderr_file,
                                   start_new_session=True)
        if case.then:
            _signal_when_stopped(process, *case.then)
        process.wait(timeout=120)
    stderr = log.read_text()

    deadline = time.monotonic() + SETTLE_SECONDS
    while processes_of(marker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_of(marker) == [], f"processes left running; stderr:\n{stderr}"
    with reindex_lock(index):
        pass  # free: a held lock raises ReindexRunning
    assert "Traceback" not in stderr, stderr
    ignored = case.fault == "writer-batch:2:INT"
    assert (process.returncode == 0) == ignored, f"exit status {process.returncode}; stderr:\n{stderr}"
    if case.no_index and current_generation(index) is None:
        pass  # nothing was published: there is no index to answer, which is right
    else:
        allowed = [world.after] if case.no_index or ignored else [world.before, world.after]
        assert fingerprint(index) in allowed, f"the serving index is neither the old nor the new one; stderr:\n{stderr}"

    report = reindex(world.source, index)
    assert not report.skipped and not report.aborted
    assert fingerprint(index) == world.after
    assert fingerprint(index, stories=True) == world.after_stories
    if report.full:  # a run stopped between commit and manifest is rebuilt; the old generation goes next time
        assert report.full_reason in ("there was no index yet",
                                      "the last reindex was stopped between its commit and its manifest")
        reindex(world.source, index)
    _assert_clean(index)


def _signal_when_stopped(process: subprocess.Popen, who: str, signum: int) -> None:
    """Wait for the main process to stop itself at the fault's point, signal `who`, let it go on."""
    deadline = time.monotonic() + 60
    while state_of(process.pid) != "T":
        assert process.poll() is None and time.monotonic() < deadline, "the run never reached its stop"
        time.sleep(0.02)
    writers = writer_pids(process.pid)
    if who == "group":
        os.killpg(process.pid, signum)
    else:
        targets = {"main": [process.pid], "writers": writers, "one writer": writers[:1]}[who]
        assert targets, f"no {who} process to signal"
        for target in targets:
            os.kill(target, signum)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGCONT)


def _assert_clean(index: Path) -> None:
    """One generation, holding nothing a dead run left: no temporary folder or file, no unused segment."""
    generations = sorted(p.name for p in index.glob("gen-*"))
    current = current_generation(index)
    assert generations == [current.name]
    assert not (index / "CURRENT.tmp").exists()
    names = [p.name for p in current.iterdir()]
    assert not [n for n in names if n.endswith(".tmp") or re.search(r"\.toc\.", n)], names
    tocs = [n for n in names if n.endswith(".toc")]
    assert len(tocs) == 1, names
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import TOC

    segments = {segment.segment_id() for segment in TOC.read(FileStorage(str(current)), "MAIN").segments}
    unused = [n for n in names if n.startswith("MAIN_") and n != "MAIN_WRITELOCK" and n.split(".")[0] not in segments]
    assert unused == [], unused
    manifest = json.loads((current / "manifest.json").read_text())
    kept = {key for entry in manifest["files"].values() for key in entry.get("bodies", ())}
    assert kept and {p.stem for p in (current / "bodies").iterdir()} == kept
