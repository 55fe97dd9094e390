"""The units table: every distinct body (unit_id), folded over all documents as they stream by.

A name the registry resolved counts for its body, whatever script, abbreviation or former
name printed it; a name it could not resolve is a row of its own, by folded name. Keeps one
small record per row (never a set of documents or items), so memory grows with the number
of distinct bodies, not with the corpus.
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
    unit_id: str | None = None
    jurisdiction: str | None = None
    kind: str | None = None
    canonical: str | None = None
    names: Counter[str] = field(default_factory=Counter)
    keys: Counter[str] = field(default_factory=Counter)
    documents: int = 0
    items: int = 0
    shared: int = 0
    per_role: Counter[str] = field(default_factory=Counter)
    first_year: int | None = None
    last_year: int | None = None
    last_doc: str | None = None


def _identity(row: Row) -> str:
    unit_id = row.get("unit_id")
    return f"id:{unit_id}" if unit_id is not None else f"key:{row['unit_key']}"


def _most_frequent(counts: Counter[str]) -> str:
    """Most frequent, ties by code-point order: never depends on input order."""
    return min(counts, key=lambda n: (-counts[n], n))


class UnitTable:
    """Feed it each document's responsibility rows (documents one after another); read rows() at the end."""

    def __init__(self) -> None:
        self._units: dict[str, _Tally] = {}

    def add_document(self, year: int | None, responsibilities: list[Row]) -> None:
        roles_by_item: dict[tuple[str, int], set[str]] = {}
        for row in responsibilities:
            key = _identity(row)
            tally = self._units.setdefault(key, _Tally())
            if tally.unit_id is None and row.get("unit_id") is not None:
                tally.unit_id = str(row["unit_id"])
                tally.jurisdiction = _text(row.get("jurisdiction"))
                tally.kind = _text(row.get("unit_kind"))
            if row.get("canonical") is not None and tally.canonical is None:
                tally.canonical = str(row["canonical"])
            tally.names[str(row["unit"])] += 1
            tally.keys[str(row["unit_key"])] += 1
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
        for tally in self._units.values():
            row: Row = {
                "unit_id": tally.unit_id,
                "unit_key": _most_frequent(tally.keys),
                "jurisdiction": tally.jurisdiction,
                "unit_kind": tally.kind,
                "canonical": tally.canonical,
                "name": _most_frequent(tally.names),
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
        # the table's key order: bodies by id, then unresolved names by key
        out.sort(key=lambda r: (r["unit_id"] is None, str(r["unit_id"] or ""), str(r["unit_key"])))
        return out

    def __len__(self) -> int:
        return len(self._units)


def _text(value: object) -> str | None:
    return None if value is None else str(value)
