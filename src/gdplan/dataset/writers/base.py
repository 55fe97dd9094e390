"""What every table writer does: take rows table by table, publish whole files at the end.

Rows may arrive for several tables in turn (a document's rows, then the next document's);
a writer keeps each table's file open, writes to temporary files beside the targets, and
only :meth:`TableWriter.close` moves them into place (atomically, one by one).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from gdplan.dataset.schema import Column, Row, Table


class FormatUnavailableError(RuntimeError):
    """The table format needs an optional extra that is not installed."""


class TableWriter(Protocol):
    format: str

    def write(self, table: Table, rows: Iterable[Row]) -> None: ...

    def close(self) -> list[Path]:
        """Finish every file and move it into place; return the files, in table order."""
        ...

    def abort(self) -> None:
        """Drop the temporary files (after an error or Ctrl-C)."""
        ...


def json_text(value: object) -> str:
    """Lists inside text formats (CSV, SQLite): compact JSON, CJK as is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def ordered(table: Table, row: Row) -> list[object]:
    """The row's values in the table's column order (a missing column is null)."""
    return [row.get(column.name) for column in table.columns]


def text_cell(column: Column, value: object) -> object:
    """A value for a format without lists or booleans: lists as JSON text, booleans as 1/0."""
    if value is None:
        return None
    if column.is_list:
        return json_text(value)
    if column.base_type == "boolean":
        return 1 if value else 0
    return value
