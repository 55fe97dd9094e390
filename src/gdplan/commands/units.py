"""``gdplan units INPUTS...``: each distinct unit (body) of the inputs and how many tasks it has by role.

    gdplan units notice.txt plans/ [--to table|csv|json]

A unit is a body of the registry (its ``unit_id``: one row for 省发改委 and
广东省发展和改革委员会), or, where the registry cannot tell, a folded name. Counts are
nodes naming the unit in each role, over all inputs. An input that cannot be read is named
on standard error with the reason; the others are still counted, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

COLUMNS = ("unit", "jurisdiction", "kind", "unit_id", "lead", "responsible", "cooperating", "implementing")
_ROLES = ("lead", "responsible", "cooperating", "implementing")


def add(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "units",
        help="list the units (bodies) the inputs name, with their task counts by role",
        description="List each distinct unit of the inputs: name, jurisdiction, kind, and how many"
        " tasks it leads, is responsible for, cooperates on and implements.",
    )
    command.add_argument("inputs", nargs="+", metavar="INPUT", help="plan files or folders of them")
    command.add_argument(
        "--to", choices=("table", "csv", "json"), default="table", help="output format (default: table)"
    )


@dataclass
class _Row:
    unit: str
    jurisdiction: str | None
    kind: str | None
    unit_id: str | None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_ROLES, 0))

    def record(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "jurisdiction": self.jurisdiction,
            "kind": self.kind,
            "unit_id": self.unit_id,
            **self.counts,
        }


def run(args: argparse.Namespace) -> int:
    import gdplan
    from gdplan.batch.inputs import input_set

    rows: dict[str, _Row] = {}
    failed = False
    for found in input_set([Path(p) for p in args.inputs]):
        try:
            doc = gdplan.parse(found.path, name=str(found.path))
        except gdplan.GdplanError as exc:
            print(f"gdplan units: {exc}", file=sys.stderr)
            failed = True
            continue
        except OSError as exc:
            print(f"gdplan units: {found.path}: cannot read: {exc.strerror or exc}", file=sys.stderr)
            failed = True
            continue
        for entry in doc.units():
            unit = entry.unit
            identity = unit.unit_id or "key:" + unit.key
            row = rows.get(identity)
            if row is None:
                name = unit.canonical or unit.name
                kind = unit.kind.value if unit.kind is not None else None
                row = rows[identity] = _Row(name, unit.jurisdiction, kind, unit.unit_id)
            for role in _ROLES:
                row.counts[role] += len(getattr(entry, role))
    ordered = sorted(rows.values(), key=lambda r: (-sum(r.counts.values()), r.unit))
    sys.stdout.write(_render([r.record() for r in ordered], args.to))
    return 1 if failed else 0


def _render(records: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(records)
        return buffer.getvalue()
    cells = [list(COLUMNS)] + [["" if r[c] is None else str(r[c]) for c in COLUMNS] for r in records]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(_pad(cell, widths[i]) for i, cell in enumerate(row)).rstrip() for row in cells]
    return "\n".join(lines) + "\n"


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
