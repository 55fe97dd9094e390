"""Where the work runs: in this process, in local worker processes, or on a Dask cluster.

Every engine offers one operation, :meth:`Engine.imap_unordered`: apply a picklable
function to a stream of jobs and yield results as they finish, keeping only a bounded
number of jobs in flight (streaming submission: the job stream is never materialized, so
memory stays flat whatever the number of inputs).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, Protocol, TypeVar

from gdplan.batch.heap import FrozenHeap

J = TypeVar("J")
R = TypeVar("R")

ENGINES = ("local", "dask")


class Engine(Protocol):
    def imap_unordered(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        """Results as they finish (fastest: for outputs that do not depend on order)."""
        ...

    def imap(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        """Results in job order; a slow job holds back at most the window behind it."""
        ...

    def close(self) -> None: ...


class EngineUnavailableError(RuntimeError):
    """The engine asked for cannot run here (an optional extra is missing, no scheduler)."""


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class InlineEngine:
    """-j 1: no processes at all; the cheapest way to run and the baseline for speed-ups."""

    def __init__(self) -> None:
        self._heap = FrozenHeap()

    def imap_unordered(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        return self.imap(fn, jobs)

    def imap(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        for index, job in enumerate(jobs):
            if index == 1:  # what a job loads on first use is loaded now: freeze it (heap.py)
                self._heap.freeze()
            yield fn(job)

    def close(self) -> None:
        self._heap.release()


class ProcessEngine:
    """-j N: a pool of N worker processes fed a few jobs ahead of the results."""

    def __init__(self, workers: int, *, ahead: int = 4, chunk: int = 8) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from gdplan.batch.lifeline import Lifeline

        _warm_up()  # import the parser before forking so every worker starts warm
        # Forked workers share the warm parser copy-on-write, and are this process's own
        # children (a fork server's would be the server's), which the lifeline relies on.
        linux = sys.platform.startswith("linux")
        context = multiprocessing.get_context("fork" if linux else None)
        # Workers die with this process, however it dies (see lifeline.py).
        self._lifeline = Lifeline(forked=context.get_start_method() == "fork")
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=self._lifeline.initargs(),
        )
        self._window = workers * ahead
        # Jobs go to workers a few at a time: per-job pickling and future bookkeeping in the
        # parent cost about 0.4 ms of CPU a document, which competes with the workers.
        self._chunk = chunk
        # Workers fork on the first submit, with the warm heap frozen: their collections then
        # neither walk it nor write to its shared pages.
        self._heap = FrozenHeap()
        self._heap.freeze()

    def _chunks(self, jobs: Iterable[J]) -> Iterator[list[J]]:
        """The first window one job at a time (a small batch still spreads over the workers),
        then chunks."""
        stream = iter(jobs)
        for job in islice(stream, self._window):
            yield [job]
        while chunk := list(islice(stream, self._chunk)):
            yield chunk

    def imap_unordered(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        from concurrent.futures import FIRST_COMPLETED, Future, wait

        run = functools.partial(_run_chunk, fn)
        chunks = self._chunks(jobs)
        pending: set[Future[list[R]]] = {self._pool.submit(run, c) for c in islice(chunks, self._window)}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield from future.result()
            for chunk in islice(chunks, len(done)):
                pending.add(self._pool.submit(run, chunk))

    def imap(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        from collections import deque

        run = functools.partial(_run_chunk, fn)
        chunks = self._chunks(jobs)
        queue = deque(self._pool.submit(run, c) for c in islice(chunks, self._window))
        while queue:
            results = queue.popleft().result()
            for chunk in islice(chunks, 1):
                queue.append(self._pool.submit(run, chunk))
            yield from results

    def close(self) -> None:
        try:
            self._pool.shutdown(wait=True, cancel_futures=True)
        finally:
            self._lifeline.close()
            self._heap.release()


def _run_chunk(fn: Callable[[J], R], jobs: list[J]) -> list[R]:
    return [fn(job) for job in jobs]


class DaskEngine:
    """Tasks on a Dask cluster: the one at ``scheduler``, or a LocalCluster started for this run."""

    def __init__(
        self, scheduler: str | None, workers: int, *, ahead: int = 4, processes: bool = True
    ) -> None:
        try:
            distributed = _distributed()
        except ImportError:
            raise EngineUnavailableError("--engine dask needs Dask: pip install 'gdplan[dask]'") from None
        self._cluster: Any = None
        if scheduler:
            try:
                self._client: Any = distributed.Client(scheduler, timeout="20s")
            except OSError as exc:
                raise EngineUnavailableError(
                    f"cannot reach the Dask scheduler at {scheduler}: {exc}"
                ) from None
        else:
            self._cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=processes, dashboard_address=None
            )
            self._client = distributed.Client(self._cluster)
        self._window = max(1, _total_threads(self._client)) * ahead

    def imap_unordered(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        stream = iter(jobs)
        # pure=False: two equal jobs (a rerun) must run again, not reuse a cached result.
        first = [self._client.submit(fn, j, pure=False) for j in islice(stream, self._window)]
        if not first:
            return
        running = _distributed().as_completed(first)
        for future in running:
            result: R = future.result()
            future.release()
            yield result
            for job in islice(stream, 1):
                running.add(self._client.submit(fn, job, pure=False))

    def imap(self, fn: Callable[[J], R], jobs: Iterable[J]) -> Iterator[R]:
        from collections import deque

        stream = iter(jobs)
        queue = deque(self._client.submit(fn, j, pure=False) for j in islice(stream, self._window))
        while queue:
            future = queue.popleft()
            result: R = future.result()
            future.release()
            for job in islice(stream, 1):
                queue.append(self._client.submit(fn, job, pure=False))
            yield result

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _distributed() -> Any:
    """The distributed module, untyped on purpose (it ships no complete type hints)."""
    import importlib

    return importlib.import_module("distributed")


def _total_threads(client: Any) -> int:
    try:
        return int(sum(client.nthreads().values()))
    except Exception:  # only sizes the window
        return 1


def _init_worker(parent_pid: int, read_fd: int | None, write_fd: int | None) -> None:
    """Workers leave Ctrl-C to the parent, which stops submitting and lets running files finish
    whole; SIGTERM sent to a worker itself (``kill -TERM -PGID``) removes its temporary files
    and ends it; and workers die with the parent (lifeline.py)."""
    import signal

    from gdplan.batch.lifeline import bind_to_parent, terminated

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, terminated)
    bind_to_parent(parent_pid, read_fd, write_fd)


def _warm_up() -> None:
    """Load the parser and exporters before forking workers.

    Forked workers then start with everything loaded and share it copy-on-write, instead of
    each paying the start-up cost (OpenCC, the place list, compiled grammars) on its first
    document.
    """
    import gdplan.export
    import gdplan.parser

    gdplan.export.load_all()
    gdplan.parser.warm_up()


def make_engine(name: str, *, jobs: int, scheduler: str | None = None) -> Engine:
    if name == "dask":
        return DaskEngine(scheduler, jobs)
    if name != "local":
        raise EngineUnavailableError(f"unknown engine {name!r} (choose from {', '.join(ENGINES)})")
    return InlineEngine() if jobs <= 1 else ProcessEngine(jobs)
