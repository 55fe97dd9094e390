"""``OUTDIR/_errors.jsonl``: every input that failed in the last run, with its reason.

Rewritten atomically after each failure (failures are few) and at the end, sorted by
source, so it is always whole and the same run gives the same file. An empty file means
the last run had no failures.
"""

from __future__ import annotations

import json
from pathlib import Path

from gdplan.batch.atomic import write_text_atomic
from gdplan.batch.job import JobResult

ERRORS_FILE = "_errors.jsonl"


class ErrorLog:
    def __init__(self, outdir: Path) -> None:
        self.path = outdir / ERRORS_FILE
        self._rows: list[dict[str, str | None]] = []

    def add(self, result: JobResult) -> None:
        self._rows.append({"source": result.source, "error": result.error_type, "reason": result.reason})
        self.write()

    def write(self) -> None:
        rows = sorted(self._rows, key=lambda r: r["source"] or "")
        write_text_atomic(self.path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
