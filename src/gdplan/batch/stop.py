"""A stop asked for (Ctrl-C, SIGTERM), remembered so a run notices it even when it was swallowed.

Ctrl-C raises KeyboardInterrupt wherever the parent happens to be; inside a job run in
this process (``-j 1``) a library may catch it and turn it into an ordinary error (pydantic's
serializer does), and the run would go on as if one input had failed. The command line's
signal handler calls :func:`request` before raising; the batch loops call
:func:`check` after each result and stop there.
"""

from __future__ import annotations

_requested: int | None = None


def request(signum: int) -> None:
    global _requested
    _requested = signum


def requested() -> bool:
    return _requested is not None


def reset() -> None:
    global _requested
    _requested = None


def check() -> None:
    """Raise KeyboardInterrupt when a stop was asked for since the last :func:`reset`."""
    if _requested is not None:
        raise KeyboardInterrupt
