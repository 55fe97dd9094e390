"""Telling the user how a run goes: a rich progress bar on a terminal, log records otherwise.

Everything said goes through :mod:`logging` (logger ``gdplan.batch``); the library never
prints. The command line puts a handler on the ``gdplan`` logger that writes the message
alone to standard error (``-q``: warnings and failures only; ``-v``: a line per input too).
Failures are always logged, one record each at ERROR level, as they happen (the contract:
one line per failed input naming the file and the reason).
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass, field
from typing import Any, Protocol, TextIO

from gdplan.batch.job import JobResult

log = logging.getLogger("gdplan.batch")

@dataclass
class Tally:
    converted: int = 0
    failed: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, result: JobResult) -> None:
        if result.status == "converted":
            self.converted += 1
        elif result.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1

    @property
    def done(self) -> int:
        return self.converted + self.failed + self.skipped

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def summary(self, verb: str = "converted") -> str:
        rate = self.converted / self.seconds if self.seconds > 0 else 0.0
        return (
            f"{verb} {self.converted}, failed {self.failed}, skipped {self.skipped} "
            f"in {self.seconds:.1f}s ({rate:.1f} docs/s)"
        )


    def left(self, total: int | None) -> float | None:
        """Seconds still to go at the rate so far; None before the first input or without a total."""
        if total is None or self.done == 0 or self.seconds <= 0:
            return None
        return max(0.0, (total - self.done) * self.seconds / self.done)


class Reporter(Protocol):
    def start(self, total: int | None) -> None: ...

    def update(self, result: JobResult, tally: Tally) -> None: ...

    def finish(self, tally: Tally, summary: str) -> None: ...

    def interrupted(self, tally: Tally, summary: str) -> None:
        """The run stops early (Ctrl-C, SIGTERM): end the display cleanly, say how far it got."""
        ...


def duration(seconds: float) -> str:
    """12.3 → '12s', 75 → '1m15s', 3700 → '1h01m'."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m{whole % 60:02d}s"
    return f"{whole // 3600}h{whole % 3600 // 60:02d}m"


def interrupted_line(tally: Tally, total: int | None, summary: str) -> str:
    of = f" of {total}" if total is not None else ""
    return f"gdplan: interrupted after {tally.done}{of} inputs: {summary}"


def _failure_line(result: JobResult) -> str:
    return f"gdplan: {result.reason or result.source + ': failed'}"


def _log_result(result: JobResult) -> None:
    if result.status == "failed":
        log.error(_failure_line(result))
    else:
        log.debug("%s: %s", result.source, result.status)


class PlainReporter:
    """Not a terminal: a progress record every few seconds, one per failure, the summary."""

    def __init__(self, *, every: float = 2.0, quiet: bool = False) -> None:
        self._every = every
        self._quiet = quiet
        self._total: int | None = None
        self._last = time.perf_counter()

    def start(self, total: int | None) -> None:
        self._total = total

    def update(self, result: JobResult, tally: Tally) -> None:
        _log_result(result)
        now = time.perf_counter()
        if not self._quiet and now - self._last >= self._every:
            self._last = now
            of = f"/{self._total}" if self._total is not None else ""
            left = tally.left(self._total)
            eta = f", about {duration(left)} left" if left is not None else ""
            log.info("progress: %s%s (%s failed%s)", tally.done, of, tally.failed, eta)

    def finish(self, tally: Tally, summary: str) -> None:
        if not self._quiet:
            log.info(summary)

    def interrupted(self, tally: Tally, summary: str) -> None:
        log.warning(interrupted_line(tally, self._total, summary))


class RichReporter:
    """A terminal: one live bar (time left labelled); failures scroll above it."""

    def __init__(self, stream: TextIO | None = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._console = Console(file=stream or sys.stderr)
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TextColumn("· time left"),
            TimeRemainingColumn(),
            console=self._console,
            transient=True,
        )
        self._task: Any = None
        self._total: int | None = None

    def start(self, total: int | None) -> None:
        self._total = total
        # While the bar is live, rich stands in for sys.stderr: records written there print above it.
        self._progress.start()
        self._task = self._progress.add_task("converting", total=total, failed=0)

    def update(self, result: JobResult, tally: Tally) -> None:
        _log_result(result)
        self._progress.update(self._task, advance=1, failed=tally.failed)

    def _stop(self) -> None:
        self._progress.stop()

    def finish(self, tally: Tally, summary: str) -> None:
        self._stop()
        log.info(summary)

    def interrupted(self, tally: Tally, summary: str) -> None:
        self._stop()  # the bar is erased: what follows starts on a clean line
        log.warning(interrupted_line(tally, self._total, summary))


class SilentReporter:
    """One input, one output: only a failure is worth a record."""

    def start(self, total: int | None) -> None:
        pass

    def update(self, result: JobResult, tally: Tally) -> None:
        if result.status == "failed":
            log.error(_failure_line(result))

    def finish(self, tally: Tally, summary: str) -> None:
        pass

    def interrupted(self, tally: Tally, summary: str) -> None:
        pass


def make_reporter(*, quiet: bool, stream: TextIO | None = None) -> Reporter:
    """A bar when ``stream`` (standard error by default) is a terminal, log records otherwise."""
    out = stream or sys.stderr
    if not quiet and out.isatty():
        return RichReporter(out)
    return PlainReporter(quiet=quiet)
