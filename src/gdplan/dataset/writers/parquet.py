"""Tables as Apache Parquet (needs pyarrow: ``pip install 'gdplan[parquet]'``).

Lists are real list columns, booleans real booleans. Row groups hold a fixed number of
rows, so the same rows always give the same bytes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gdplan.batch.atomic import temp_path_for
from gdplan.dataset.schema import TABLES, Column, Row, Table
from gdplan.dataset.writers.base import FormatUnavailableError

ROWS_PER_GROUP = 50_000


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise FormatUnavailableError(
            "--to parquet needs pyarrow: pip install 'gdplan[parquet]' (or choose jsonl, csv or sqlite)"
        ) from None
    return pyarrow, pyarrow.parquet


def arrow_type(pa: Any, column: Column) -> Any:
    return {
        "string": pa.string(),
        "integer": pa.int64(),
        "boolean": pa.bool_(),
        "list<string>": pa.list_(pa.string()),
        "list<integer>": pa.list_(pa.int64()),
    }[column.base_type]


def arrow_schema(pa: Any, table: Table) -> Any:
    fields = [pa.field(c.name, arrow_type(pa, c), nullable=c.nullable) for c in table.columns]
    return pa.schema(fields, metadata={"gdplan.table": table.name})


class ParquetWriter:
    format = "parquet"

    def __init__(self, folder: Path) -> None:
        self._pa, self._pq = _pyarrow()
        self._folder = folder
        self._pending: dict[str, list[Row]] = {}
        self._writers: dict[str, tuple[Any, Path, Path]] = {}

    def write(self, table: Table, rows: Iterable[Row]) -> None:
        pending = self._pending.setdefault(table.name, [])
        for row in rows:
            pending.append(row)
            if len(pending) >= ROWS_PER_GROUP:
                self._flush(table)
                pending = self._pending[table.name]

    def _writer(self, table: Table) -> Any:
        if table.name not in self._writers:
            target = self._folder / f"{table.name}.parquet"
            temp = temp_path_for(target)
            writer = self._pq.ParquetWriter(
                str(temp), arrow_schema(self._pa, table), compression="zstd", write_statistics=True
            )
            self._writers[table.name] = (writer, temp, target)
        return self._writers[table.name][0]

    def _flush(self, table: Table) -> None:
        rows = self._pending.get(table.name, [])
        self._pending[table.name] = []
        columns = {c.name: [row.get(c.name) for row in rows] for c in table.columns}
        batch = self._pa.Table.from_pydict(columns, schema=arrow_schema(self._pa, table))
        self._writer(table).write_table(batch, row_group_size=ROWS_PER_GROUP)

    def close(self) -> list[Path]:
        published: list[Path] = []
        for table in TABLES:
            if self._pending.get(table.name) or table.name not in self._writers:
                self._flush(table)
        for table in TABLES:
            writer, temp, target = self._writers.pop(table.name)
            writer.close()
            os.replace(temp, target)
            published.append(target)
        return published

    def abort(self) -> None:
        for writer, temp, _target in self._writers.values():
            with contextlib.suppress(Exception):
                writer.close()
            with contextlib.suppress(OSError):
                temp.unlink()
        self._writers.clear()
