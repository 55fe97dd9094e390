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

TEMP_MARK = ".gdplan-tmp-"


def temp_path_for(target: Path) -> Path:
    """A fresh temporary name beside ``target`` (pid and random part: unique across workers)."""
    return target.with_name(f".{target.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}")


@contextlib.contextmanager
def atomic_writer(target: Path, *, fsync: bool = False) -> Iterator[BinaryIO]:
    """Open a temporary file for writing; on success it replaces ``target``, on error it is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_path_for(target)
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


@contextlib.contextmanager
def exclusive_folder(folder: Path) -> Iterator[None]:
    """Hold ``folder`` for one run; on entry, clear temporary files that earlier runs left.

    The lock is an advisory ``flock`` on ``folder/.gdplan-lock``: the kernel drops it when
    the last process holding it dies (even by SIGKILL), so a crashed run never blocks the
    next one, and while the lock is ours no other run can be writing temporary files here.
    Worker processes forked by this run inherit it, so it lasts as long as any of them.
    """
    lock_path = folder / LOCK_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(lock_path, "a+b")  # noqa: SIM115 - closed below, after the run
    except OSError as exc:
        raise OutputFolderError(f"{folder}: cannot write here: {exc.strerror or exc}") from None
    with handle:
        if not _try_lock(handle):
            raise OutputFolderError(
                f"{folder}: another gdplan run is writing here; wait for it or choose another folder"
            )
        remove_temps(folder)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                lock_path.unlink()


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
