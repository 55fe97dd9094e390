"""Telling the user how a run goes: a rich progress bar on a terminal, plain lines otherwise.

Failures are always printed, one line each on standard error, as they happen (the
contract: one line per failed input naming the file and the reason).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Any, Protocol, TextIO

from gdplan.batch.job import JobResult


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


class Reporter(Protocol):
    def start(self, total: int | None) -> None: ...

    def update(self, result: JobResult, tally: Tally) -> None: ...

    def finish(self, tally: Tally, summary: str) -> None: ...


def _failure_line(result: JobResult) -> str:
    return f"gdplan: {result.reason or result.source + ': failed'}"


class PlainReporter:
    """Not a terminal: a progress line every few seconds, one line per failure, the summary."""

    def __init__(self, stream: TextIO | None = None, *, every: float = 2.0, quiet: bool = False) -> None:
        self._stream = stream or sys.stderr
        self._every = every
        self._quiet = quiet
        self._total: int | None = None
        self._last = time.perf_counter()

    def start(self, total: int | None) -> None:
        self._total = total

    def update(self, result: JobResult, tally: Tally) -> None:
        if result.status == "failed":
            print(_failure_line(result), file=self._stream, flush=True)
        now = time.perf_counter()
        if not self._quiet and now - self._last >= self._every:
            self._last = now
            of = f"/{self._total}" if self._total is not None else ""
            print(f"progress: {tally.done}{of} ({tally.failed} failed)", file=self._stream, flush=True)

    def finish(self, tally: Tally, summary: str) -> None:
        if not self._quiet:
            print(summary, file=self._stream, flush=True)


class RichReporter:
    """A terminal: one live bar; failures scroll above it."""

    def __init__(self, stream: TextIO | None = None) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._console = Console(file=stream or sys.stderr)
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TimeRemainingColumn(),
            console=self._console,
            transient=True,
        )
        self._task: Any = None

    def start(self, total: int | None) -> None:
        self._progress.start()
        self._task = self._progress.add_task("converting", total=total, failed=0)

    def update(self, result: JobResult, tally: Tally) -> None:
        if result.status == "failed":
            self._console.print(_failure_line(result), markup=False, highlight=False)
        self._progress.update(self._task, advance=1, failed=tally.failed)

    def finish(self, tally: Tally, summary: str) -> None:
        self._progress.stop()
        self._console.print(summary, markup=False, highlight=False)


class SilentReporter:
    """One input, one output: only a failure is worth a line."""

    def start(self, total: int | None) -> None:
        pass

    def update(self, result: JobResult, tally: Tally) -> None:
        if result.status == "failed":
            print(_failure_line(result), file=sys.stderr, flush=True)

    def finish(self, tally: Tally, summary: str) -> None:
        pass


def make_reporter(*, quiet: bool, stream: TextIO | None = None) -> Reporter:
    out = stream or sys.stderr
    if not quiet and out.isatty():
        return RichReporter(out)
    return PlainReporter(out, quiet=quiet)
