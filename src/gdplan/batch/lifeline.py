"""Worker processes that cannot outlive the run that started them.

A pool's workers are children of the gdplan process. When that process dies without
shutting the pool down (``kill -9``, an out-of-memory kill, a crash), the workers would be
re-parented to PID 1 and wait for work for ever, holding the output folder's lock. Two
mechanisms make them die with their parent:

- **Linux**: ``prctl(PR_SET_PDEATHSIG, SIGKILL)``: the kernel kills the worker the moment
  its parent dies, even while the worker runs C code.
- **Everywhere else** (and as a second line on Linux): a pipe whose write end only the
  parent holds. A thread in each worker blocks reading it; when the parent dies the kernel
  closes the write end, the read returns end-of-file, and the worker removes the temporary
  files it was writing and exits. The same thread also notices a changed parent pid.

A worker killed this way may leave a temporary file (``.NAME.gdplan-tmp-PID-RANDOM``) but
never a partial output: outputs only appear by an atomic rename. The next run into the
same folder removes such temporary files.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
from pathlib import Path

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
_POLL_SECONDS = 1.0

# Temporary files this process is writing right now (see atomic.py): removed if the parent dies.
_ACTIVE_TEMPS: set[Path] = set()


def track_temp(path: Path) -> None:
    _ACTIVE_TEMPS.add(path)


def untrack_temp(path: Path) -> None:
    _ACTIVE_TEMPS.discard(path)


class Lifeline:
    """The parent's end: create before starting the pool, :meth:`close` after it shut down."""

    def __init__(self, *, forked: bool) -> None:
        self.parent_pid = os.getpid()
        self.read_fd: int | None = None
        self.write_fd: int | None = None
        if forked:  # a forked child inherits the pipe; a spawned one would not (it polls the pid)
            self.read_fd, self.write_fd = os.pipe()

    def initargs(self) -> tuple[int, int | None, int | None]:
        """What :func:`bind_to_parent` needs; without a pipe (not forked) the worker watches
        whichever process started it (its pid is not ours when a fork server starts it)."""
        return (self.parent_pid if self.read_fd is not None else 0, self.read_fd, self.write_fd)

    def close(self) -> None:
        for fd in (self.read_fd, self.write_fd):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.read_fd = self.write_fd = None


def bind_to_parent(parent_pid: int, read_fd: int | None, write_fd: int | None) -> None:
    """Run first in every worker: die when ``parent_pid`` dies (see the module docstring)."""
    _set_parent_death_signal()
    if write_fd is not None:
        with contextlib.suppress(OSError):
            os.close(write_fd)  # only the parent may hold the write end, or EOF never comes
    if not parent_pid:
        parent_pid = os.getppid()
    elif os.getppid() != parent_pid:  # the parent died before we got here
        _parent_gone()
    threading.Thread(target=_watch, args=(parent_pid, read_fd), name="gdplan-lifeline", daemon=True).start()


def _set_parent_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no libc prctl (an unusual libc): the pipe still works
        pass


def _watch(parent_pid: int, read_fd: int | None) -> None:
    if read_fd is not None:
        import select

        while os.getppid() == parent_pid:
            try:
                ready, _, _ = select.select([read_fd], [], [], _POLL_SECONDS)
                if ready and not os.read(read_fd, 1):
                    _parent_gone()  # end of file: the parent is gone
            except (OSError, ValueError):
                break  # not a pipe we can watch: fall back to the pid
    import time

    while os.getppid() == parent_pid:
        time.sleep(_POLL_SECONDS)
    _parent_gone()


def _parent_gone() -> None:
    _remove_active_temps()
    os._exit(1)


def terminated(signum: int, frame: object) -> None:
    """A worker's SIGTERM handler: no temporary file left behind, then exit (128 + SIGTERM)."""
    _remove_active_temps()
    os._exit(128 + signum)


def _remove_active_temps() -> None:
    for path in list(_ACTIVE_TEMPS):
        with contextlib.suppress(OSError):
            path.unlink()
