"""Write files so that a reader never sees half of one.

Each file is written to a temporary file in the same folder (so the rename stays on one
file system) and moved over the target with ``os.replace``, which is atomic on POSIX and
Windows. A crash, SIGKILL or Ctrl-C leaves at most a temporary file whose name marks it
(``TEMP_MARK``); the next run into the same folder clears those (:func:`exclusive_folder`).
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from gdplan.batch.lifeline import track_temp, untrack_temp

TEMP_MARK = ".gdplan-tmp-"


def temp_path_for(target: Path) -> Path:
    """A fresh temporary name beside ``target`` (pid and random part: unique across workers)."""
    return target.with_name(f".{target.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


@contextlib.contextmanager
def atomic_writer(target: Path, *, fsync: bool = False) -> Iterator[BinaryIO]:
    """Open a temporary file for writing; on success it replaces ``target``, on error it is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_path_for(target)
    track_temp(temp)  # a worker whose parent dies removes it before exiting (lifeline.py)
    try:
        with open(temp, "xb") as handle:
            yield handle
            if fsync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    finally:
        untrack_temp(temp)


def write_bytes_atomic(target: Path, data: bytes, *, fsync: bool = False) -> None:
    with atomic_writer(target, fsync=fsync) as handle:
        handle.write(data)


def write_text_atomic(target: Path, text: str, *, fsync: bool = False) -> None:
    write_bytes_atomic(target, text.encode("utf-8"), fsync=fsync)


def is_temp_file(name: str) -> bool:
    return TEMP_MARK in name


class OutputFolderError(RuntimeError):
    """The output folder cannot be had: another gdplan run holds it, or it cannot be made."""


LOCK_FILE = ".gdplan-lock"


# How long a new run waits for the lock when the run that holds it is dead: its workers are
# being killed with it (lifeline.py) and release the lock within milliseconds.
LINGER_SECONDS = 10.0


@contextlib.contextmanager
def exclusive_folder(folder: Path) -> Iterator[None]:
    """Hold ``folder`` for one run; on entry, clear temporary files that earlier runs left.

    The lock is an advisory ``flock`` on ``folder/.gdplan-lock``: the kernel drops it when
    the last process holding it dies (even by SIGKILL), so a crashed run never blocks the
    next one, and while the lock is ours no other run can be writing temporary files here.
    Worker processes forked by this run inherit it, so it lasts as long as any of them
    (they die with the run: lifeline.py). See :class:`FolderLock` for the details.
    """
    lock = FolderLock(folder)
    lock.acquire()
    try:
        remove_temps(folder)
        yield
    finally:
        lock.release()


class FolderLock:
    """``flock`` on ``folder/.gdplan-lock``, which holds the owner's pid as text.

    - Acquire: open the file, lock it, then check that the path still names the file we
      locked (a run that was releasing may have removed it meanwhile: then lock anew).
      Without that check, two runs could both hold a lock: one on the removed file, one
      on its successor.
    - Release: remove the file *while still holding the lock*, then close it. Whoever opens
      the path afterwards gets a new file; whoever had opened the old one fails the check
      above. (Unlocking first would let a waiting run lock the old file just before its
      removal, while a third run creates and locks the new one.)
    - A lock held by a run that is no longer alive (its pid gone, or a zombie) is waited
      for up to ``LINGER_SECONDS``: its workers are exiting with it.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_FILE
        self._handle: BinaryIO | None = None

    def acquire(self) -> None:
        import time

        deadline = time.monotonic() + LINGER_SECONDS
        while True:
            handle = self._open()
            if _try_lock(handle):
                if _names_same_file(handle, self.path):
                    _write_owner(handle)
                    self._handle = handle
                    return
                handle.close()  # removed or replaced while we waited: lock the file there now
                continue
            owner = _read_owner(handle)
            handle.close()
            if (owner is not None and _pid_alive(owner)) or time.monotonic() > deadline:
                who = f" (pid {owner})" if owner is not None else ""
                raise OutputFolderError(
                    f"{self.folder}: another gdplan run{who} is writing here; "
                    "wait for it or choose another folder"
                )
            time.sleep(0.05)

    def _open(self) -> BinaryIO:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            return open(self.path, "a+b")  # closed in release()
        except OSError as exc:
            raise OutputFolderError(f"{self.folder}: cannot write here: {exc.strerror or exc}") from None

    def release(self) -> None:
        handle, self._handle = self._handle, None
        if handle is None:
            return
        with contextlib.suppress(OSError):
            if _names_same_file(handle, self.path):
                self.path.unlink()
        handle.close()  # closing the last descriptor drops the flock


def _names_same_file(handle: BinaryIO, path: Path) -> bool:
    try:
        here, there = os.fstat(handle.fileno()), os.stat(path)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _write_owner(handle: BinaryIO) -> None:
    with contextlib.suppress(OSError):
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode("ascii"))
        handle.flush()


def _read_owner(handle: BinaryIO) -> int | None:
    try:
        handle.seek(0)
        return int(handle.read(32).decode("ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def _pid_alive(pid: int) -> bool:
    """True when ``pid`` is a live process (a zombie, dead but not yet reaped, is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # not Linux, or gone meanwhile: believe kill(0)
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def _try_lock(handle: BinaryIO) -> bool:
    try:
        import fcntl
    except ImportError:  # not POSIX: no protection against two runs in one folder
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def remove_temps(folder: Path) -> int:
    """Delete the temporary files below ``folder`` (call only while holding it: see exclusive_folder)."""
    removed = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if is_temp_file(name):
                with contextlib.suppress(OSError):
                    (Path(root) / name).unlink()
                    removed += 1
    return removed
