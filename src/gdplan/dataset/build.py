"""``gdplan dataset``: inputs → the four tables, README.md and manifest.json in one folder.

Documents are parsed in parallel but written in input order (the engine's ordered map),
so the same inputs give byte-identical files whichever engine or worker count ran them.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from gdplan.batch import stop
from gdplan.batch.atomic import TEMP_MARK, exclusive_folder, write_text_atomic
from gdplan.batch.engine import Engine, make_engine
from gdplan.batch.inputs import DEFAULT_GLOBS, InputSet, input_set, require_inputs
from gdplan.batch.job import JobResult
from gdplan.batch.progress import Reporter, Tally, make_reporter
from gdplan.dataset.extract import DatasetJob, Extracted, run_dataset_job
from gdplan.dataset.manifest import MANIFEST_FILE, ManifestFacts, write_manifest
from gdplan.dataset.readme import ReadmeFacts, readme_text
from gdplan.dataset.schema import DOCUMENTS, NODES, RESPONSIBILITIES, TABLES, UNITS, Row, Table
from gdplan.dataset.units import UnitTable
from gdplan.dataset.writers import TableWriter, make_writer
from gdplan.limits import DEFAULT_MAX_BYTES
from gdplan.names import printable

README_FILE = "README.md"


_log = logging.getLogger("gdplan.batch")

@dataclass(frozen=True)
class DatasetOptions:
    inputs: tuple[Path, ...]
    outdir: Path
    format: str = "jsonl"
    jobs: int = 1
    globs: tuple[str, ...] = DEFAULT_GLOBS
    engine: str = "local"
    scheduler: str | None = None
    script: str = "original"
    errors: str = "warn"
    quiet: bool = False
    reader: str | None = None  # --from
    max_bytes: int | None = DEFAULT_MAX_BYTES  # an input larger than this fails (None: no limit)


class SourceDateEpochError(ValueError):
    """SOURCE_DATE_EPOCH is set but is not a number of seconds."""


def parsed_at_from_environment() -> str | None:
    """SOURCE_DATE_EPOCH (the reproducible-builds convention) as ISO 8601 UTC; None when unset."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not raw:
        return None
    try:
        return datetime.fromtimestamp(int(raw), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (ValueError, OverflowError, OSError):
        raise SourceDateEpochError(
            f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {raw!r}"
        ) from None


def dataset_jobs(inputs: InputSet, options: DatasetOptions, parsed_at: str | None) -> Iterator[DatasetJob]:
    for found in inputs:
        yield DatasetJob(
            printable(str(found.path)),  # names that are not UTF-8: shown and tabled escaped
            str(found.path.resolve()),
            printable(str(found.rel)),
            options.script,
            options.errors,
            parsed_at,
            options.reader,
            options.max_bytes,
        )


class _Assembler:
    """Takes parsed documents in input order and feeds the writer; remembers what to report."""

    def __init__(self, writer: TableWriter) -> None:
        self.writer = writer
        self.units = UnitTable()
        self.seen: dict[str, str] = {}  # doc_id → source of its first occurrence
        self.rows = {t.name: 0 for t in TABLES}
        self.failures: list[dict[str, object]] = []
        self.duplicates: list[dict[str, object]] = []

    def add(self, extracted: Extracted) -> JobResult:
        job_rel = extracted.rel
        if not extracted.ok:
            self.failures.append(
                {
                    "source": job_rel,
                    "line": extracted.line,
                    "error": extracted.error_type,
                    "reason": extracted.detail,
                }
            )
            return JobResult(extracted.source, "failed", extracted.reason, extracted.error_type)
        doc_id = str(extracted.document["doc_id"])
        if doc_id in self.seen:
            self.duplicates.append({"source": job_rel, "doc_id": doc_id, "same_as": self.seen[doc_id]})
            return JobResult(extracted.source, "skipped")
        self.seen[doc_id] = job_rel
        self._write(DOCUMENTS, [extracted.document])
        self._write(NODES, extracted.nodes)
        self._write(RESPONSIBILITIES, extracted.responsibilities)
        year = extracted.document.get("year")
        self.units.add_document(year if isinstance(year, int) else None, extracted.responsibilities)
        return JobResult(extracted.source, "converted")

    def _write(self, table: Table, rows: list[Row]) -> None:
        self.writer.write(table, rows)
        self.rows[table.name] += len(rows)

    def finish_units(self) -> None:
        self._write(UNITS, self.units.rows())


def build_dataset(
    options: DatasetOptions, *, engine: Engine | None = None, reporter: Reporter | None = None
) -> int:
    """Build the dataset folder; return the exit status (0 when every input was read).

    Everything is written into a staging folder beside the target
    (``.NAME.gdplan-tmp-PID-RANDOM``) and moved into the target only when the build
    succeeded and read at least one document: a run whose inputs are all missing or bad,
    a full disk, Ctrl-C or a kill leave an existing dataset exactly as it was.
    """
    parsed_at = parsed_at_from_environment()
    inputs = input_set(options.inputs, globs=options.globs, exclude=options.outdir)
    total = require_inputs(inputs)  # nothing to do is one clear error, before anything is made
    reporter = reporter or make_reporter(quiet=options.quiet)
    tally = Tally()
    existed = options.outdir.exists()
    published = False
    with exclusive_folder(options.outdir):
        staging = Staging(options.outdir)
        try:
            writer = make_writer(options.format, staging.path)  # fails early when an extra is missing
            assembler = _Assembler(writer)
            try:
                engine = engine or make_engine(options.engine, jobs=options.jobs, scheduler=options.scheduler)
                try:
                    reporter.start(total)
                    for extracted in engine.imap(run_dataset_job, dataset_jobs(inputs, options, parsed_at)):
                        stop.check()  # a stop swallowed inside a job: the dataset is not built from part
                        result = assembler.add(extracted)
                        tally.add(result)
                        reporter.update(result, tally)
                except KeyboardInterrupt:
                    reporter.interrupted(tally, tally.summary("documents"))
                    raise
                finally:
                    engine.close()
                assembler.finish_units()
                files = writer.close()
            except BaseException:
                writer.abort()
                raise
            if assembler.rows[DOCUMENTS.name] > 0:
                names = _publish(options, parsed_at, assembler, files, staging.path)
                staging.move_into(options.outdir, names)
                published = True
        except OSError as exc:  # a full disk, a folder we may not write: the old dataset stays
            reporter.finish(tally, tally.summary("documents"))
            where = printable(str(exc.filename)) if exc.filename else str(options.outdir)
            _log.error(
                f"gdplan: cannot write {where}: {exc.strerror or exc}; "
                f"{_left_as_it_was(options.outdir, existed)}"
            )
            return 1
        finally:
            staging.remove()
    if not existed and not published:
        with contextlib.suppress(OSError):
            options.outdir.rmdir()  # made only to hold the lock: leave no empty folder behind
    reporter.finish(tally, tally.summary("documents") + (f" → {options.outdir}" if published else ""))
    if not published:
        _log.error(f"gdplan: no document was read: {_left_as_it_was(options.outdir, existed)}")
        return 1
    return 1 if tally.failed else 0


def _left_as_it_was(outdir: Path, existed: bool) -> str:
    if existed and (outdir / MANIFEST_FILE).exists():
        return f"the dataset in {outdir} is left as it was"
    return f"no dataset written to {outdir}"


class Staging:
    """A folder beside the dataset folder where a build writes everything before it is published."""

    def __init__(self, target: Path) -> None:
        target = target.resolve()
        self._prefix = f".{target.name}{TEMP_MARK}"
        # Call only while holding the target's lock: any staging folder of it is a dead run's.
        for stale in target.parent.glob(glob.escape(self._prefix) + "*"):
            shutil.rmtree(stale, ignore_errors=True)
        self.path = target.with_name(f"{self._prefix}{os.getpid()}-{secrets.token_hex(4)}")
        self.path.mkdir()

    def move_into(self, target: Path, names: list[str]) -> None:
        """Move ``names`` into ``target``, the last one (the manifest) last.

        The old manifest goes first: at every moment the folder either has no manifest, or
        the old one with the old files, or the new one with all the new files, so a
        manifest that verifies always means a whole dataset.
        """
        with contextlib.suppress(FileNotFoundError):
            (target / MANIFEST_FILE).unlink()
        for name in names:
            os.replace(self.path / name, target / name)

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def _publish(
    options: DatasetOptions, parsed_at: str | None, assembler: _Assembler, files: list[Path], folder: Path
) -> list[str]:
    """README.md, then manifest.json last, into ``folder``; the names to publish, in order."""
    import gdplan

    readme = folder / README_FILE
    facts = ReadmeFacts(
        options.format,
        gdplan.__version__,
        parsed_at,
        assembler.rows[DOCUMENTS.name],
        len(assembler.failures),
        len(assembler.duplicates),
    )
    write_text_atomic(readme, readme_text(facts), fsync=True)
    manifest_facts = ManifestFacts(
        format=options.format,
        gdplan_version=gdplan.__version__,
        document_schema_version=gdplan.SCHEMA_VERSION,
        parsed_at=parsed_at,
        table_files=_table_files(options.format),
        row_counts=assembler.rows,
        failures=assembler.failures,
        duplicates=assembler.duplicates,
    )
    manifest = write_manifest(folder, manifest_facts, [*files, readme])
    return [*(f.name for f in files), readme.name, manifest.name]


def _table_files(format: str) -> dict[str, str]:
    from gdplan.dataset.writers import sqlite, xlsx

    if format in ("sqlite", "xlsx"):  # one file holds every table
        single = sqlite.FILE_NAME if format == "sqlite" else xlsx.FILE_NAME
        return {t.name: single for t in TABLES}
    return {t.name: f"{t.name}.{format}" for t in TABLES}
