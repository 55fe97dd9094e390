"""Tables as one Excel workbook, ``dataset.xlsx``: one sheet per table, in table order.

Each sheet has the column names as a frozen header row with an auto-filter. Integers are
numbers, booleans TRUE/FALSE, lists JSON text (as in CSV), null an empty cell; every text
is written as a string (never a formula or link). XlsxWriter's constant-memory mode
streams rows to temporary files (in the system's temporary folder), so memory stays
flat; a sheet holds at most :data:`MAX_DATA_ROWS` rows (Excel's limit), and a larger
table fails the run with a clear message instead of a workbook Excel refuses.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from gdplan.batch.atomic import temp_path_for
from gdplan.dataset.schema import TABLES, Row, Table
from gdplan.dataset.writers.base import FormatUnavailableError, json_text

FILE_NAME = "dataset.xlsx"
MAX_DATA_ROWS = 1_048_575  # Excel: 1,048,576 rows per sheet, one of them the header
MAX_CELL = 32_767


class TableTooLargeError(FormatUnavailableError):
    """A table has more rows than an Excel sheet can hold."""


class XlsxWriter:
    format = "xlsx"

    def __init__(self, folder: Path) -> None:
        import xlsxwriter

        from gdplan.export.xlsx import CREATED

        self._target = folder / FILE_NAME
        self._temp = temp_path_for(self._target)
        self._book = xlsxwriter.Workbook(
            str(self._temp),
            {
                "constant_memory": True,
                "strings_to_numbers": False,
                "strings_to_formulas": False,
                "strings_to_urls": False,
            },
        )
        self._book.set_properties({"title": "gdplan dataset", "author": "gdplan", "created": CREATED})
        self._header = self._book.add_format({"bold": True, "bg_color": "#DDE6F0"})
        self._sheets: dict[str, Any] = {}
        self._rows: dict[str, int] = {}
        for table in TABLES:  # sheets in table order, each with its header
            sheet = self._book.add_worksheet(table.name)
            for col, name in enumerate(table.column_names):
                sheet.write_string(0, col, name, self._header)
                sheet.set_column(col, col, max(10, len(name) + 2))
            sheet.freeze_panes(1, 0)
            self._sheets[table.name] = sheet
            self._rows[table.name] = 0

    def write(self, table: Table, rows: Iterable[Row]) -> None:
        sheet = self._sheets[table.name]
        columns = table.columns
        for row in rows:
            n = self._rows[table.name] + 1
            if n > MAX_DATA_ROWS:
                raise TableTooLargeError(
                    f"the {table.name} table has more than {MAX_DATA_ROWS} rows, more than an Excel "
                    "sheet holds: choose --format csv, parquet or sqlite"
                )
            self._rows[table.name] = n
            for col, column in enumerate(columns):
                _write_cell(sheet, n, col, column.base_type, column.is_list, row.get(column.name))

    def close(self) -> list[Path]:
        try:
            for table in TABLES:
                rows = self._rows[table.name]
                self._sheets[table.name].autofilter(0, 0, max(rows, 1), len(table.columns) - 1)
            self._book.close()
            os.replace(self._temp, self._target)
        finally:
            self._cleanup()
        return [self._target]

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self._book.close()
        self._cleanup()

    def _cleanup(self) -> None:
        with contextlib.suppress(OSError):
            self._temp.unlink()


def _write_cell(sheet: Any, row: int, col: int, base_type: str, is_list: bool, value: object) -> None:
    if value is None:
        return
    if is_list:
        sheet.write_string(row, col, _clip(json_text(value)))
    elif base_type == "boolean":
        sheet.write_boolean(row, col, bool(value))
    elif base_type == "integer" and isinstance(value, int):
        sheet.write_number(row, col, value)
    else:
        sheet.write_string(row, col, _clip(str(value)))


def _clip(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"
