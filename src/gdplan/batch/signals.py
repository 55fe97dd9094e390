"""SIGTERM is Ctrl-C: the run stops the same clean way, whichever of the two asked it to.

``kill PID`` (or a service manager stopping gdplan) sends SIGTERM, whose default action
ends the process on the spot. Instead, :func:`terminate_as_interrupt` makes it raise
:class:`Interrupted`, a ``KeyboardInterrupt``: no new input starts, the inputs being
converted finish whole, temporary files are removed, and the exit status says which
signal it was: 130 after Ctrl-C (SIGINT), 143 after SIGTERM (128 + the signal number,
what a shell reports for a process the signal ended).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

EXIT_SIGINT = 128 + signal.SIGINT  # 130
EXIT_SIGTERM = 128 + signal.SIGTERM  # 143


class Interrupted(KeyboardInterrupt):
    """The run was asked to stop by a signal other than SIGINT (which raises KeyboardInterrupt)."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by {signal.Signals(signum).name}")
        self.signum = signum


def exit_status(exc: BaseException) -> int:
    """130 for Ctrl-C, 128 + N for the signal N that raised :class:`Interrupted`."""
    return 128 + exc.signum if isinstance(exc, Interrupted) else EXIT_SIGINT


@contextlib.contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Interrupted` in the main thread (once: a second
    SIGTERM during the clean-up is ignored, so the clean-up finishes; SIGKILL still works)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Interrupted(signum)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
