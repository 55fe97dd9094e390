"""Processes a test started: wait for all of them, not only the one it holds a handle to.

A test that starts ``gdplan convert -j 2`` starts it in a new session (its own process
group, ``start_new_session=True``); the workers join that group. :func:`group_alive` scans
``/proc`` for the group's live members (zombies, already dead, do not count).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
from pathlib import Path

import pytest

PROC = Path("/proc")


def need_proc() -> None:
    if not (PROC / "self" / "stat").exists():
        pytest.skip("needs /proc to see every process of a run (Linux)")


def _stat_fields(pid: str) -> list[str] | None:
    try:
        stat = (PROC / pid / "stat").read_text()
    except OSError:
        return None
    return stat.rpartition(")")[2].split()  # state, ppid, pgrp, session, …


def group_alive(pgid: int) -> list[int]:
    """Pids of the live processes in process group ``pgid``."""
    alive = []
    for entry in os.listdir(PROC):
        if entry.isdigit():
            fields = _stat_fields(entry)
            if fields is not None and int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(entry))
    return alive


def wait_for_group(pgid: int, timeout: float = 30.0) -> list[int]:
    """Wait until group ``pgid`` has no live process; the pids still alive at the deadline."""
    deadline = time.monotonic() + timeout
    while (alive := group_alive(pgid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def kill_group(pgid: int) -> None:
    """Clean-up for a failed test: leave nothing running."""
    import signal

    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGKILL)


def start_in_own_group(command: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
