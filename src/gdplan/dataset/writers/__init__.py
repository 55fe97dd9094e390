"""Table writers, one per format: jsonl, csv, parquet (optional pyarrow), sqlite, xlsx."""

from __future__ import annotations

from pathlib import Path

from gdplan.dataset.writers.base import FormatUnavailableError, TableWriter

WRITER_FORMATS = ("jsonl", "csv", "parquet", "sqlite", "xlsx")


def make_writer(format: str, folder: Path) -> TableWriter:
    if format == "jsonl":
        from gdplan.dataset.writers.jsonl import JsonlWriter

        return JsonlWriter(folder)
    if format == "csv":
        from gdplan.dataset.writers.csvfiles import CsvWriter

        return CsvWriter(folder)
    if format == "parquet":
        from gdplan.dataset.writers.parquet import ParquetWriter

        return ParquetWriter(folder)
    if format == "sqlite":
        from gdplan.dataset.writers.sqlite import SqliteWriter

        return SqliteWriter(folder)
    if format == "xlsx":
        from gdplan.dataset.writers.xlsx import XlsxWriter

        return XlsxWriter(folder)
    raise ValueError(f"unknown dataset format {format!r} (choose from {', '.join(WRITER_FORMATS)})")


__all__ = ["WRITER_FORMATS", "FormatUnavailableError", "TableWriter", "make_writer"]
