"""Tables as JSON Lines: one object per row, keys in column order, UTF-8, ``\\n`` line ends."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from gdplan.dataset.schema import Row, Table
from gdplan.dataset.writers.files import TempFiles


class JsonlWriter:
    format = "jsonl"

    def __init__(self, folder: Path) -> None:
        self._files = TempFiles(folder, ".jsonl")

    def write(self, table: Table, rows: Iterable[Row]) -> None:
        handle: BinaryIO = self._files.handle(table)
        names = table.column_names
        for row in rows:
            line = json.dumps({name: row.get(name) for name in names}, ensure_ascii=False)
            handle.write(line.encode("utf-8") + b"\n")

    def close(self) -> list[Path]:
        return self._files.publish()

    def abort(self) -> None:
        self._files.discard()
