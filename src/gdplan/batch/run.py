"""``gdplan convert`` over many inputs: discover, convert in parallel, report, record failures."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gdplan.batch import stop
from gdplan.batch.atomic import exclusive_folder
from gdplan.batch.engine import Engine, make_engine
from gdplan.batch.errors_log import DISK_FULL, ErrorLog
from gdplan.batch.inputs import DEFAULT_GLOBS, InputSet, input_set, require_inputs
from gdplan.batch.job import ConvertJob, JobResult, run_convert_job
from gdplan.batch.progress import Reporter, Tally, make_reporter
from gdplan.limits import DEFAULT_MAX_BYTES
from gdplan.names import printable


@dataclass(frozen=True)
class ConvertOptions:
    inputs: tuple[Path, ...]
    outdir: Path
    formats: tuple[str, ...]
    jobs: int = 1
    globs: tuple[str, ...] = DEFAULT_GLOBS
    resume: bool = False
    engine: str = "local"
    scheduler: str | None = None
    script: str = "original"
    errors: str = "warn"
    quiet: bool = False
    reader: str | None = None  # --from
    max_bytes: int | None = DEFAULT_MAX_BYTES  # an input larger than this fails (None: no limit)


def convert_jobs(
    inputs: InputSet, options: ConvertOptions, should_stop: Callable[[], bool] = lambda: False
) -> Iterator[ConvertJob]:
    """One job per input, until ``should_stop()`` says the run must end (a full disk)."""
    # One folder cannot clash with itself (see inputs.py); several arguments can: a/x.txt and b/x.txt.
    claimed: dict[str, str] | None = {} if len(inputs.arguments) > 1 else None
    outdir = str(options.outdir.resolve())
    for found in inputs:
        if should_stop():
            return
        stem = str(found.output_stem)
        clash = None
        if claimed is not None:
            clash = claimed.setdefault(stem, str(found.path))
            clash = None if clash == str(found.path) else printable(clash)
        yield ConvertJob(
            source=printable(str(found.path)),  # a name that is not UTF-8 is shown escaped
            path=str(found.path.resolve()),
            output_stem=str(found.output_stem),
            outdir=outdir,
            formats=options.formats,
            script=options.script,
            errors=options.errors,
            resume=options.resume,
            clashes_with=clash,
            reader=options.reader,
            max_bytes=options.max_bytes,
        )


def run_convert(
    options: ConvertOptions, *, engine: Engine | None = None, reporter: Reporter | None = None
) -> int:
    """Convert every input; return the exit status (0 when every input converted or was skipped).

    A full disk (ENOSPC, EDQUOT) is one failure line per input it hit, then the run stops:
    no new input starts, the ones in flight finish, and the summary says why it stopped.
    """
    inputs = input_set(options.inputs, globs=options.globs, exclude=options.outdir)
    total = require_inputs(inputs)  # nothing to do is one clear error, before anything is made
    with exclusive_folder(options.outdir):
        reporter = reporter or make_reporter(quiet=options.quiet)
        engine = engine or make_engine(options.engine, jobs=options.jobs, scheduler=options.scheduler)
        errors = ErrorLog(options.outdir)
        tally = Tally()
        stopped: list[str] = []  # why the run stopped early: a full disk, a killed worker
        try:
            log_error = errors.start()
            if log_error is not None:
                stopped.append(_cannot_write(errors.path, log_error))
            reporter.start(total)
            jobs = convert_jobs(inputs, options, should_stop=lambda: bool(stopped))
            for result in _results(engine, jobs, stopped):
                if stop.requested() and result.status == "failed":
                    stop.check()  # most likely the stop itself, caught inside the job: not the input's fault
                tally.add(result)
                if result.status == "failed":
                    log_error = errors.add(result)
                    if log_error is not None and not stopped:
                        stopped.append(_cannot_write(errors.path, log_error))
                    if result.errno in DISK_FULL and not stopped:
                        stopped.append(result.detail or "the disk is full")
                reporter.update(result, tally)
                stop.check()
        except KeyboardInterrupt:
            reporter.interrupted(tally, tally.summary())
            raise
        finally:
            errors.close()
            engine.close()
        log_error = errors.finish()
    summary = tally.summary()
    if stopped:
        summary += f"; stopped early: {stopped[0]}"
    elif log_error is not None:
        logging.getLogger("gdplan.batch").error(f"gdplan: {_cannot_write(errors.path, log_error)}")
    reporter.finish(tally, summary)
    return 1 if tally.failed or stopped or log_error is not None else 0


def _results(engine: Engine, jobs: Iterator[ConvertJob], stopped: list[str]) -> Iterator[JobResult]:
    """The engine's results; a worker that died under us ends the run with a reason, not a traceback."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        yield from engine.imap_unordered(run_convert_job, jobs)
    except BrokenProcessPool:
        stopped.append("a worker process died (killed, or out of memory); rerun with --resume to finish")


def _cannot_write(path: Path, exc: OSError) -> str:
    return f"cannot write {printable(str(path))}: {exc.strerror or exc}"
