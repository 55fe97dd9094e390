"""``gdplan convert`` over many inputs: discover, convert in parallel, report, record failures."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from gdplan.batch import stop
from gdplan.batch.atomic import exclusive_folder
from gdplan.batch.engine import Engine, make_engine
from gdplan.batch.errors_log import ErrorLog
from gdplan.batch.inputs import DEFAULT_GLOBS, InputSet, input_set, require_inputs
from gdplan.batch.job import ConvertJob, run_convert_job
from gdplan.batch.progress import Reporter, Tally, make_reporter


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


def convert_jobs(inputs: InputSet, options: ConvertOptions) -> Iterator[ConvertJob]:
    # One folder cannot clash with itself (see inputs.py); several arguments can: a/x.txt and b/x.txt.
    claimed: dict[str, str] | None = {} if len(inputs.arguments) > 1 else None
    outdir = str(options.outdir.resolve())
    for found in inputs:
        stem = str(found.output_stem)
        clash = None
        if claimed is not None:
            clash = claimed.setdefault(stem, str(found.path))
            clash = None if clash == str(found.path) else clash
        yield ConvertJob(
            source=str(found.path),
            path=str(found.path.resolve()),
            output_stem=str(found.output_stem),
            outdir=outdir,
            formats=options.formats,
            script=options.script,
            errors=options.errors,
            resume=options.resume,
            clashes_with=clash,
            reader=options.reader,
        )


def run_convert(
    options: ConvertOptions, *, engine: Engine | None = None, reporter: Reporter | None = None
) -> int:
    """Convert every input; return the exit status (0 when every input converted or was skipped)."""
    inputs = input_set(options.inputs, globs=options.globs, exclude=options.outdir)
    total = require_inputs(inputs)  # nothing to do is one clear error, before anything is made
    with exclusive_folder(options.outdir):
        reporter = reporter or make_reporter(quiet=options.quiet)
        engine = engine or make_engine(options.engine, jobs=options.jobs, scheduler=options.scheduler)
        errors = ErrorLog(options.outdir)
        tally = Tally()
        try:
            reporter.start(total)
            for result in engine.imap_unordered(run_convert_job, convert_jobs(inputs, options)):
                if stop.requested() and result.status == "failed":
                    stop.check()  # most likely the stop itself, caught inside the job: not the input's fault
                tally.add(result)
                if result.status == "failed":
                    errors.add(result)
                reporter.update(result, tally)
                stop.check()
        except KeyboardInterrupt:
            reporter.interrupted(tally, tally.summary())
            raise
        finally:
            engine.close()
        errors.write()
    reporter.finish(tally, tally.summary())
    return 1 if tally.failed else 0
