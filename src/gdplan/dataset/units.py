"""The units table: every distinct unit key, folded over all documents as they stream by.

Keeps one small record per unit (never a set of documents or items), so memory grows
with the number of distinct units, not with the corpus.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from gdplan.dataset.schema import Row

_ROLE_COLUMNS = {
    "lead": "lead_items",
    "responsible": "responsible_items",
    "implementing": "implementing_items",
    "cooperating": "cooperating_items",
}


@dataclass
class _Tally:
    names: Counter[str] = field(default_factory=Counter)
    documents: int = 0
    items: int = 0
    shared: int = 0
    per_role: Counter[str] = field(default_factory=Counter)
    first_year: int | None = None
    last_year: int | None = None
    last_doc: str | None = None


class UnitTable:
    """Feed it each document's responsibility rows (documents one after another); read rows() at the end."""

    def __init__(self) -> None:
        self._units: dict[str, _Tally] = {}

    def add_document(self, year: int | None, responsibilities: list[Row]) -> None:
        roles_by_item: dict[tuple[str, int], set[str]] = {}
        for row in responsibilities:
            key = str(row["unit_key"])
            tally = self._units.setdefault(key, _Tally())
            tally.names[str(row["unit"])] += 1
            doc_id = str(row["doc_id"])
            if tally.last_doc != doc_id:
                tally.last_doc = doc_id
                tally.documents += 1
                if year is not None:
                    tally.first_year = year if tally.first_year is None else min(tally.first_year, year)
                    tally.last_year = year if tally.last_year is None else max(tally.last_year, year)
            if row["kind"] == "item":
                ord_ = row["ord"]
                assert isinstance(ord_, int)
                roles_by_item.setdefault((key, ord_), set()).add(str(row["role"]))
        for (key, _ord), roles in roles_by_item.items():
            tally = self._units[key]
            tally.items += 1
            tally.per_role.update(roles)
            if "lead" not in roles:
                tally.shared += 1

    def rows(self) -> list[Row]:
        out: list[Row] = []
        for key in sorted(self._units):
            tally = self._units[key]
            # Most frequent printed name, ties by code-point order: never depends on input order.
            name = min(tally.names, key=lambda n: (-tally.names[n], n))
            row: Row = {
                "unit_key": key,
                "name": name,
                "names": sorted(tally.names),
                "documents": tally.documents,
                "items": tally.items,
                "lead_items": tally.per_role["lead"],
                "shared_items": tally.shared,
            }
            row.update(
                {column: tally.per_role[role] for role, column in _ROLE_COLUMNS.items() if role != "lead"}
            )
            row["first_year"] = tally.first_year
            row["last_year"] = tally.last_year
            out.append(row)
        return out

    def __len__(self) -> int:
        return len(self._units)
