"""Tables in one SQLite file, ``dataset.sqlite``, with the indexes the documented queries use.

Byte-identical on every run: rows go in in a fixed order into a scratch database with a
fixed page size, then ``VACUUM INTO`` writes a compact copy whose bytes depend only on
the contents (no timestamps live in SQLite pages). Lists are JSON text (query them with
``json_each``), booleans 1/0.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path

from gdplan.batch.atomic import temp_path_for
from gdplan.dataset.schema import TABLES, Row, Table
from gdplan.dataset.writers.base import ordered, text_cell

FILE_NAME = "dataset.sqlite"
PAGE_SIZE = 4096

_SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "boolean": "INTEGER"}

INDEXES: tuple[str, ...] = (
    "CREATE INDEX documents_year ON documents (year)",
    "CREATE INDEX responsibilities_unit ON responsibilities (unit_key, role)",
    "CREATE INDEX responsibilities_body ON responsibilities (unit_id, role)",
    "CREATE INDEX nodes_kind ON nodes (kind)",
)


def create_table_sql(table: Table) -> str:
    columns = []
    for column in table.columns:
        sql_type = "TEXT" if column.is_list else _SQL_TYPES[column.base_type]
        not_null = "" if column.nullable else " NOT NULL"
        columns.append(f"{column.name} {sql_type}{not_null}")
    key = ", ".join(table.key)
    return f"CREATE TABLE {table.name} (\n  " + ",\n  ".join(columns) + f",\n  PRIMARY KEY ({key})\n)"


class SqliteWriter:
    format = "sqlite"

    def __init__(self, folder: Path) -> None:
        self._target = folder / FILE_NAME
        self._scratch = temp_path_for(self._target)
        self._db = sqlite3.connect(self._scratch, isolation_level=None)
        self._db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        self._db.execute("BEGIN")
        for table in TABLES:
            self._db.execute(create_table_sql(table))

    def write(self, table: Table, rows: Iterable[Row]) -> None:
        marks = ", ".join("?" for _ in table.columns)
        sql = f"INSERT INTO {table.name} VALUES ({marks})"
        columns = table.columns
        self._db.executemany(
            sql,
            ([text_cell(c, v) for c, v in zip(columns, ordered(table, row), strict=True)] for row in rows),
        )

    def close(self) -> list[Path]:
        for statement in INDEXES:
            self._db.execute(statement)
        self._db.execute("COMMIT")
        compact = temp_path_for(self._target)
        try:
            self._db.execute("VACUUM INTO ?", (str(compact),))
            self._db.close()
            os.replace(compact, self._target)
        finally:
            for leftover in (compact, self._scratch):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        return [self._target]

    def abort(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._db.close()
        with contextlib.suppress(OSError):
            self._scratch.unlink()
