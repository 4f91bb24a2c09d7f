"""Fault injection for the crash-safety tests: a process kills itself (or its parent) at a named point.

    PRESS_ARCHIVE_FAULT="point:count:signal[:target]"   e.g. "writer-batch:3:KILL" or "commit:1:TERM:parent"

kills at the `count`-th time this process reaches `point`. Unset (always, outside the tests),
`checkpoint` is one dictionary lookup. The points are named where `checkpoint` is called.
"""

from __future__ import annotations

import os
import signal

VARIABLE = "PRESS_ARCHIVE_FAULT"
_reached: dict[str, int] = {}


def _plan() -> tuple[str, int, int, str] | None:
    raw = os.environ.get(VARIABLE, "")
    if not raw:
        return None
    point, count, name, *target = raw.split(":")
    return point, int(count), getattr(signal, f"SIG{name}"), (target or ["self"])[0]


def checkpoint(point: str) -> None:
    """Die here if the fault plan names this point and this is the count-th time it is reached."""
    if VARIABLE not in os.environ:
        return
    plan = _plan()
    if plan is None or plan[0] != point:
        return
    _reached[point] = _reached.get(point, 0) + 1
    if _reached[point] == plan[1]:
        os.kill(os.getppid() if plan[3] == "parent" else os.getpid(), plan[2])


def forget() -> None:
    """Start counting afresh (a forked child counts its own points)."""
    _reached.clear()
