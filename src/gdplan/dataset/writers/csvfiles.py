"""Tables as CSV (RFC 4180): UTF-8 with a byte-order mark, CRLF line ends, a header row.

The BOM is what makes Excel and WPS read the file as UTF-8 (without it they guess the
local code page and show mojibake); Python reads it with ``encoding="utf-8-sig"``, pandas
skips it by itself. Lists are JSON text (``["省科技厅","省财政厅"]``), booleans
``1``/``0``, null an empty cell, integers (``year``) as integers, never ``2025.0``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path

from gdplan.dataset.schema import Row, Table
from gdplan.dataset.writers.base import text_cell
from gdplan.dataset.writers.files import TempFiles

BOM = "\ufeff"


class CsvWriter:
    format = "csv"

    def __init__(self, folder: Path) -> None:
        self._files = TempFiles(folder, ".csv")

    def write(self, table: Table, rows: Iterable[Row]) -> None:
        fresh = not self._files.is_open(table)
        handle = self._files.handle(table)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        if fresh:
            buffer.write(BOM)
            writer.writerow(table.column_names)
        for row in rows:
            writer.writerow(
                ["" if (v := text_cell(c, row.get(c.name))) is None else v for c in table.columns]
            )
        handle.write(buffer.getvalue().encode("utf-8"))

    def close(self) -> list[Path]:
        for table in _tables_without_rows(self._files):
            self.write(table, [])
        return self._files.publish()

    def abort(self) -> None:
        self._files.discard()


def _tables_without_rows(files: TempFiles) -> list[Table]:
    from gdplan.dataset.schema import TABLES

    return [t for t in TABLES if not files.is_open(t)]
