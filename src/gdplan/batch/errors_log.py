"""``OUTDIR/_errors.jsonl``: every input that failed in the last run, with its reason.

The file is emptied when a run starts and each failure is appended as one JSON line,
written with a single ``write`` and flushed, as it happens: after a crash or a kill the
file holds every failure reported so far, each line whole, and the cost of a failure does
not grow with the number of failures before it. When the run ends, the lines are sorted
by source (one linear rewrite, atomic), so the same inputs give the same file whatever
order the workers finished in. An empty file means the last run had no failures.

Writing it may itself fail (a full disk): :meth:`ErrorLog.add` then reports the
``OSError`` to its caller instead of raising, and the run stops cleanly.
"""

from __future__ import annotations

import contextlib
import errno
import json
from pathlib import Path
from typing import BinaryIO

from gdplan.batch.atomic import write_text_atomic
from gdplan.batch.job import JobResult

ERRORS_FILE = "_errors.jsonl"


def error_line(result: JobResult) -> str:
    # ensure_ascii=False keeps CJK readable; names were made printable (escaped) before here.
    row = {"source": result.source, "error": result.error_type, "reason": result.reason}
    return json.dumps(row, ensure_ascii=False) + "\n"


class ErrorLog:
    def __init__(self, outdir: Path) -> None:
        self.path = outdir / ERRORS_FILE
        self._lines: list[str] = []
        self._handle: BinaryIO | None = None

    def start(self) -> OSError | None:
        """Empty the file for this run (None, or the error that prevented it)."""
        try:
            self._handle = open(self.path, "wb", buffering=0)  # noqa: SIM115 - closed in finish()
        except OSError as exc:
            return exc
        return None

    def add(self, result: JobResult) -> OSError | None:
        """Append one failure (None, or the error that prevented writing it)."""
        line = error_line(result)
        self._lines.append(line)
        if self._handle is None:
            return None
        try:
            self._handle.write(line.encode("utf-8", "backslashreplace"))
        except OSError as exc:
            return exc
        return None

    def finish(self) -> OSError | None:
        """Close the file and rewrite it sorted by source; on error the appended file stays."""
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None
        lines = sorted(self._lines, key=lambda line: str(json.loads(line)["source"] or ""))
        try:
            write_text_atomic(self.path, "".join(lines))
        except OSError as exc:
            return exc
        return None

    def close(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self._handle.close()
            self._handle = None


# A full disk or an exhausted quota: nothing more can be written, so the run stops.
DISK_FULL = frozenset({errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)})
