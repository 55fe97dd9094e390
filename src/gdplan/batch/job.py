"""One input → its output files: the unit of work a worker process (or Dask task) runs.

Everything here is picklable and returns a small result, so the parent holds nothing of
the document: memory stays flat however many inputs a run has.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from gdplan.batch.atomic import write_bytes_atomic
from gdplan.batch.formats import FORMATS, render_bytes
from gdplan.batch.record import DoneRecord, is_done, write_record
from gdplan.limits import DEFAULT_MAX_BYTES, Limits

Status = Literal["converted", "skipped", "failed"]
Script = Literal["original", "simplified"]


@dataclass(frozen=True)
class ConvertJob:
    source: str  # the input path as given: named in messages and in the document's source field
    path: str  # the same file, absolute: a Dask worker may run in another working directory
    output_stem: str  # below outdir, posix, without extension
    outdir: str  # absolute, for the same reason
    formats: tuple[str, ...]
    script: str = "original"
    errors: str = "warn"
    resume: bool = False
    clashes_with: str | None = None  # an earlier input of this run whose outputs have the same names
    reader: str | None = None  # --from: txt html docx pdf md json; None: by name and content
    max_bytes: int | None = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class JobResult:
    source: str
    status: Status
    reason: str | None = None  # why it failed: "source:line: reason"
    error_type: str | None = None
    seconds: float = 0.0
    detail: str | None = None  # the reason alone, without source and line
    line: int | None = None
    errno: int | None = None  # of an OSError writing the outputs (ENOSPC stops the run)


def output_name(output_stem: PurePosixPath, fmt: str) -> str:
    return output_stem.name + FORMATS[fmt].extension


def run_convert_job(job: ConvertJob) -> JobResult:
    """Convert one input; never raises for a bad input (that is a 'failed' result)."""
    started = time.perf_counter()
    try:
        status = _convert(job)
    except Exception as exc:  # one bad input must never stop the others
        return failure(job.source, exc, time.perf_counter() - started)
    return JobResult(job.source, status, seconds=time.perf_counter() - started)


def failure(source: str, exc: BaseException, seconds: float = 0.0) -> JobResult:
    """A failed result with a one-line reason naming the source (never a traceback)."""
    from gdplan.errors import GdplanError

    kind = type(exc).__name__
    if isinstance(exc, GdplanError):
        return JobResult(source, "failed", str(exc), kind, seconds, exc.reason, exc.line)
    if isinstance(exc, OSError):
        detail = f"cannot write {_target_name(exc.filename)}: {exc.strerror or exc}"
        return JobResult(source, "failed", f"{source}: {detail}", kind, seconds, detail, errno=exc.errno)
    # A bug in gdplan, not a bad input: say so plainly, still without a traceback.
    detail = f"internal error ({kind}: {exc}); please report it"
    return JobResult(source, "failed", f"{source}: {detail}", kind, seconds, detail)


def _target_name(filename: object) -> str:
    """The output an OSError is about: a temporary file is named by its target."""
    from gdplan.batch.atomic import TEMP_MARK
    from gdplan.names import printable

    if not filename:
        return "output"
    path = Path(os.fsdecode(filename)) if isinstance(filename, str | bytes) else Path(str(filename))
    name = path.name
    if TEMP_MARK in name:
        name = name.split(TEMP_MARK)[0].removeprefix(".")
    return printable(str(path.with_name(name)))


def _convert(job: ConvertJob) -> Status:
    import gdplan
    from gdplan.errors import InputError

    if job.clashes_with is not None:
        raise InputError(
            f"its outputs would overwrite those of {job.clashes_with}: convert them into different folders",
            source=job.source,
        )
    outdir = Path(job.outdir)
    stem = PurePosixPath(job.output_stem)
    # Everything that shapes the outputs: another gdplan version may write other bytes too.
    options = {"script": job.script, "errors": job.errors, "gdplan": gdplan.__version__}
    names = [output_name(stem, f) for f in job.formats]
    limits = gdplan.Limits().with_max_bytes(job.max_bytes)
    if job.resume:
        sha256 = hashlib.sha256(_read_bytes(job.path, job.source, limits)).hexdigest()
        if is_done(outdir, stem, input_sha256=sha256, options=options, output_names=names):
            return "skipped"
    from gdplan.load import load_document

    doc = load_document(
        Path(job.path),
        reader=job.reader,
        script=job.script,
        errors=job.errors,
        name=job.source,
        limits=limits,
    )
    folder = (outdir / stem).parent
    sizes: dict[str, int] = {}
    for fmt, name in zip(job.formats, names, strict=True):
        data = render_bytes(doc, FORMATS[fmt])
        write_bytes_atomic(folder / name, data)
        sizes[name] = len(data)
    # The record goes last: its presence vouches for every output above.
    input_sha256 = doc.provenance.sha256
    if input_sha256 is None:
        input_sha256 = hashlib.sha256(_read_bytes(job.path, job.source, limits)).hexdigest()
    write_record(outdir, stem, DoneRecord(input_sha256, options, sizes, gdplan.__version__))
    return "converted"


def _read_bytes(path: str, source: str, limits: Limits) -> bytes:
    from gdplan.read import file_bytes

    return file_bytes(Path(path), source, limits)
