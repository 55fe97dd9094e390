"""The task ledger (台账) view of a document: items with their headings, units by role, unit totals.

One place computes what the xlsx workbook and the HTML report both show, from the model
only: :func:`ledger_items` (one entry per item, with the headings above it),
:func:`unit_tasks` (one entry per unit, item and role) and :func:`unit_totals` (per unit,
how many items it leads, shares and cooperates on). Units are grouped by their ``key``
(equal across scripts); each group shows its most frequent printed name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from gdplan.model import ROLES, Document, Node, Responsibility, Role, Unit

ROLE_LABELS: dict[Role, str] = {
    Role.LEAD: "牵头",
    Role.RESPONSIBLE: "负责",
    Role.IMPLEMENTING: "落实",
    Role.COOPERATING: "配合",
}
"""Each role as a ledger names it."""

_MARKER_TAIL = "、．.，,"  # what follows a number in a label: 一、 3． 3.


def marker_text(label: str) -> str:
    """A label without its trailing punctuation: 一、 → 一, 3． → 3, （二） stays （二）."""
    return label.strip().rstrip(_MARKER_TAIL) or label.strip()


@dataclass(frozen=True)
class LedgerItem:
    """One item of the plan as a ledger row sees it."""

    ordinal: int  # 1-based position among the document's items
    node: Node
    headings: tuple[Node, ...]  # the headings above it, outermost first

    @property
    def duty(self) -> Responsibility:
        """The item's responsibility (empty, with ``absent`` set, when the item states none)."""
        return self.node.responsibility

    @property
    def level_path(self) -> str:
        """The numbering from the top, as printed: 一/（二）/3."""
        return "/".join(marker_text(n.label) for n in (*self.headings, self.node))

    @property
    def anchor(self) -> str:
        """A stable id for the item inside its document: the path, 1-1-3."""
        return "-".join(str(p) for p in self.node.path)

    def units(self, role: Role) -> list[Unit]:
        return self.duty.units(role)

    def names(self, role: Role) -> list[str]:
        return [unit.name for unit in self.duty.units(role)]

    def is_carried(self, unit: Unit) -> bool:
        return any(c.key == unit.key for c in self.duty.carried)


def ledger_items(doc: Document) -> list[LedgerItem]:
    """Every item of ``doc`` in document order, with the headings above it."""
    out: list[LedgerItem] = []

    def visit(nodes: Sequence[Node], above: tuple[Node, ...]) -> None:
        for node in nodes:
            if node.kind == "item":
                out.append(LedgerItem(len(out) + 1, node, above))
            visit(node.children, (*above, node) if node.kind == "heading" else above)

    visit(doc.children, ())
    return out


def heading_depth(items: Iterable[LedgerItem]) -> int:
    """How many heading levels stand above the deepest-nested item."""
    return max((len(item.headings) for item in items), default=0)


@dataclass(frozen=True)
class UnitTask:
    """One unit's part in one item."""

    unit: Unit
    name: str  # the unit group's display name (most frequent printed name of its key)
    role: Role
    item: LedgerItem
    carried: bool  # the unit reached the item through 下同


def unit_tasks(items: Sequence[LedgerItem]) -> list[UnitTask]:
    """One entry per (unit, item, role), sorted by unit name, then item order, then role order."""
    names = display_names(items)
    tasks = [
        UnitTask(unit, names[unit.key], role, item, item.is_carried(unit))
        for item in items
        for role in ROLES
        for unit in item.units(role)
    ]
    role_order = {role: i for i, role in enumerate(ROLES)}
    tasks.sort(key=lambda t: (t.name, t.unit.key, t.item.ordinal, role_order[t.role]))
    return tasks


def display_names(items: Iterable[LedgerItem]) -> dict[str, str]:
    """Unit key → the name it is printed with most often (ties: code-point order)."""
    seen: dict[str, Counter[str]] = {}
    for item in items:
        for role in ROLES:
            for unit in item.units(role):
                seen.setdefault(unit.key, Counter())[unit.name] += 1
    return {key: min(counts, key=lambda n: (-counts[n], n)) for key, counts in seen.items()}


@dataclass
class UnitTotals:
    """How many items a unit has a part in, by role (an item counts once per role)."""

    key: str
    name: str
    roles: dict[Role, int] = field(default_factory=lambda: dict.fromkeys(ROLES, 0))
    items: int = 0  # items it has any role in
    led: int = 0  # items it leads
    shared: int = 0  # items it has a part in without leading
    item_ordinals: list[int] = field(default_factory=list)

    def count(self, role: Role) -> int:
        return self.roles[role]


def unit_totals(items: Sequence[LedgerItem]) -> list[UnitTotals]:
    """Per unit key, its counts; sorted by load (items, then items led) descending, then name."""
    names = display_names(items)
    totals: dict[str, UnitTotals] = {}
    for item in items:
        roles_here: dict[str, set[Role]] = {}
        for role in ROLES:
            for unit in item.units(role):
                roles_here.setdefault(unit.key, set()).add(role)
        for key, roles in roles_here.items():
            entry = totals.setdefault(key, UnitTotals(key, names[key]))
            entry.items += 1
            entry.item_ordinals.append(item.ordinal)
            for role in roles:
                entry.roles[role] += 1
            if Role.LEAD in roles:
                entry.led += 1
            else:
                entry.shared += 1
    return sorted(totals.values(), key=lambda t: (-t.items, -t.led, t.name, t.key))


def iter_roles(item: LedgerItem) -> Iterator[tuple[Role, Unit]]:
    """The item's units with their roles, in role order."""
    for role in ROLES:
        for unit in item.units(role):
            yield role, unit
