"""``gdplan dataset``: inputs → the four tables, README.md and manifest.json in one folder.

Documents are parsed in parallel but written in input order (the engine's ordered map),
so the same inputs give byte-identical files whichever engine or worker count ran them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from gdplan.batch import stop
from gdplan.batch.atomic import exclusive_folder, write_text_atomic
from gdplan.batch.engine import Engine, make_engine
from gdplan.batch.inputs import DEFAULT_GLOBS, InputSet, input_set, require_inputs
from gdplan.batch.job import JobResult
from gdplan.batch.progress import Reporter, Tally, make_reporter
from gdplan.dataset.extract import DatasetJob, Extracted, run_dataset_job
from gdplan.dataset.manifest import ManifestFacts, write_manifest
from gdplan.dataset.readme import ReadmeFacts, readme_text
from gdplan.dataset.schema import DOCUMENTS, NODES, RESPONSIBILITIES, TABLES, UNITS, Row, Table
from gdplan.dataset.units import UnitTable
from gdplan.dataset.writers import TableWriter, make_writer

README_FILE = "README.md"


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
            str(found.path),
            str(found.path.resolve()),
            str(found.rel),
            options.script,
            options.errors,
            parsed_at,
            options.reader,
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
    """Build the dataset folder; return the exit status (0 when every input was read)."""
    parsed_at = parsed_at_from_environment()
    inputs = input_set(options.inputs, globs=options.globs, exclude=options.outdir)
    total = require_inputs(inputs)  # nothing to do is one clear error, before anything is made
    reporter = reporter or make_reporter(quiet=options.quiet)
    tally = Tally()
    with exclusive_folder(options.outdir):
        writer = make_writer(options.format, options.outdir)  # fails early when an extra is missing
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
        _publish(options, parsed_at, assembler, files)
    reporter.finish(tally, tally.summary("documents") + f" → {options.outdir}")
    return 1 if tally.failed else 0


def _publish(
    options: DatasetOptions, parsed_at: str | None, assembler: _Assembler, files: list[Path]
) -> None:
    """README.md, then manifest.json last: a folder whose manifest verifies is whole."""
    import gdplan

    readme = options.outdir / README_FILE
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
    write_manifest(options.outdir, manifest_facts, [*files, readme])


def _table_files(format: str) -> dict[str, str]:
    from gdplan.dataset.writers import sqlite, xlsx

    if format in ("sqlite", "xlsx"):  # one file holds every table
        single = sqlite.FILE_NAME if format == "sqlite" else xlsx.FILE_NAME
        return {t.name: single for t in TABLES}
    return {t.name: f"{t.name}.{format}" for t in TABLES}
