"""One temporary file per table beside its target, published by ``os.replace`` at the end."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import BinaryIO

from gdplan.batch.atomic import temp_path_for
from gdplan.dataset.schema import TABLES, Table


class TempFiles:
    def __init__(self, folder: Path, extension: str) -> None:
        self._folder = folder
        self._extension = extension
        self._open: dict[str, tuple[BinaryIO, Path, Path]] = {}

    def target(self, table: Table) -> Path:
        return self._folder / f"{table.name}{self._extension}"

    def is_open(self, table: Table) -> bool:
        return table.name in self._open

    def handle(self, table: Table) -> BinaryIO:
        if table.name not in self._open:
            target = self.target(table)
            temp = temp_path_for(target)
            self._open[table.name] = (open(temp, "xb"), temp, target)  # noqa: SIM115 - closed in publish/discard
        return self._open[table.name][0]

    def publish(self) -> list[Path]:
        published: list[Path] = []
        for table in TABLES:
            if table.name not in self._open:
                self.handle(table)  # a table with no rows still gets its (empty) file
        for table in TABLES:
            handle, temp, target = self._open.pop(table.name)
            handle.close()
            os.replace(temp, target)
            published.append(target)
        return published

    def discard(self) -> None:
        for handle, temp, _target in self._open.values():
            handle.close()
            with contextlib.suppress(OSError):
                temp.unlink()
        self._open.clear()
