"""What the report shows, as plain data for the template: one view per document.

Built from the model through :mod:`gdplan.export.ledger` (the same items, units and
totals the xlsx ledger has); the template only lays it out. Geometry of the bar chart is
computed here, so the template draws an SVG without arithmetic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from gdplan.export.ledger import (
    ROLE_LABELS,
    LedgerItem,
    UnitTotals,
    display_names,
    ledger_items,
    marker_text,
    unit_totals,
)
from gdplan.model import ROLES, Document, Node, Role

SYMBOLS: dict[Role, str] = {
    Role.LEAD: "●",
    Role.RESPONSIBLE: "○",
    Role.IMPLEMENTING: "◇",
    Role.COOPERATING: "·",
}
assert all(len(symbol) == 1 for symbol in SYMBOLS.values())
"""The matrix marks: the strongest role a unit has in an item (roles in ROLES order)."""

NO_MARK = "-"
"""An item the unit has no part in, in :attr:`MatrixRow.marks`."""


@dataclass(frozen=True)
class Chip:
    name: str
    role: str  # Role value: the CSS class
    role_label: str
    carried: bool
    group: str | None  # the unit's name elsewhere in the document, when printed differently here


@dataclass(frozen=True)
class ItemView:
    anchor: str  # id inside the page
    ordinal: int
    label: str
    marker: str  # 3
    level_path: str
    title: str
    text: str
    clause: str | None
    deadline: str | None
    truncated: bool
    open_ended: bool
    line: int
    chips: list[Chip]
    unit_names: list[str]  # every unit's name (and its group name), for the filter


@dataclass
class TreeNode:
    """A heading with what is below it, or an item (``item`` set)."""

    label: str
    title: str
    item: ItemView | None = None
    children: list[TreeNode] = field(default_factory=list)
    items: int = 0  # items below (or 1 for an item)


@dataclass(frozen=True)
class MatrixRow:
    name: str
    key: str
    total: int
    counts: dict[str, int]  # role value → items
    led: int
    shared: int
    cells: list[str]  # one symbol (or "") per item, in item order
    roles: list[str]  # the role value behind each symbol (or "")

    @property
    def marks(self) -> str:
        """The row's cells as one string, one character per item (NO_MARK for none).

        The page builds the cells from it when the matrix is first shown: a report of a
        hundred documents would otherwise parse a quarter of a million table cells.
        """
        return "".join(cell or NO_MARK for cell in self.cells)


@dataclass(frozen=True)
class Bar:
    name: str
    y: int
    led: int
    shared: int
    led_width: float
    shared_width: float


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    width: int
    height: int
    label_width: int
    bar_x: int
    bar_height: int
    ticks: list[tuple[float, int]]  # x, value


@dataclass(frozen=True)
class DocumentView:
    index: int
    anchor: str
    title: str
    notice_title: str | None
    year: int | None
    issuer: str | None
    doc_number: str | None
    date: str | None
    source: str
    sha256: str | None
    complete: bool
    items: list[ItemView]
    tree: list[TreeNode]
    matrix: list[MatrixRow]
    chart: Chart
    unit_count: int
    diagnostics: int


def document_view(doc: Document, index: int) -> DocumentView:
    anchor = f"d{index}"
    entries = ledger_items(doc)
    names = display_names(entries)
    views = [_item_view(anchor, entry, names) for entry in entries]
    by_node = {id(entry.node): view for entry, view in zip(entries, views, strict=True)}
    totals = unit_totals(entries)
    notice = doc.notice
    return DocumentView(
        index=index,
        anchor=anchor,
        title=doc.title or (notice.title if notice and notice.title else doc.source),
        notice_title=notice.title if notice else None,
        year=doc.year,
        issuer=notice.issuer if notice else None,
        doc_number=notice.doc_number if notice else None,
        date=notice.date if notice else None,
        source=doc.source,
        sha256=doc.provenance.sha256,
        complete=doc.complete,
        items=views,
        tree=[_tree(node, by_node) for node in doc.children],
        matrix=[_matrix_row(unit, entries) for unit in totals],
        chart=bar_chart(totals),
        unit_count=len(totals),
        diagnostics=len(doc.diagnostics),
    )


def _item_view(doc_anchor: str, entry: LedgerItem, names: dict[str, str]) -> ItemView:
    duty = entry.duty
    chips = [
        Chip(
            unit.name,
            role.value,
            ROLE_LABELS[role],
            entry.is_carried(unit),
            names[unit.key] if names[unit.key] != unit.name else None,
        )
        for role in ROLES
        for unit in entry.units(role)
    ]
    unit_names: list[str] = []
    for role in ROLES:
        for unit in entry.units(role):
            unit_names.extend(n for n in (unit.name, names[unit.key]) if n not in unit_names)
    node = entry.node
    return ItemView(
        anchor=f"{doc_anchor}-{entry.anchor}",
        ordinal=entry.ordinal,
        label=node.label,
        marker=marker_text(node.label),
        level_path=entry.level_path,
        title=node.title,
        text=node.text,
        clause=duty.clause,
        deadline=duty.deadline,
        truncated=node.truncated,
        open_ended=duty.open_ended,
        line=node.line,
        chips=chips,
        unit_names=unit_names,
    )


def _tree(node: Node, items: dict[int, ItemView]) -> TreeNode:
    if node.kind == "item":
        return TreeNode(node.label, node.title, item=items[id(node)], items=1)
    children = [_tree(child, items) for child in node.children]
    return TreeNode(node.label, node.title, children=children, items=sum(c.items for c in children))


def _matrix_row(unit: UnitTotals, entries: Sequence[LedgerItem]) -> MatrixRow:
    cells: list[str] = []
    roles: list[str] = []
    for entry in entries:
        role = next((r for r in ROLES if any(u.key == unit.key for u in entry.units(r))), None)
        cells.append(SYMBOLS[role] if role else "")
        roles.append(role.value if role else "")
    return MatrixRow(
        name=unit.name,
        key=unit.key,
        total=unit.items,
        counts={role.value: unit.count(role) for role in ROLES},
        led=unit.led,
        shared=unit.shared,
        cells=cells,
        roles=roles,
    )


CHART_ROW = 22
CHART_BAR = 14
CHART_WIDTH = 760
CHART_TOP = 24


def _text_width(text: str) -> int:
    return sum(14 if ord(ch) > 0x2E7F else 8 for ch in text)


def bar_chart(totals: Sequence[UnitTotals]) -> Chart:
    """Horizontal stacked bars: items led, then items shared, per unit (most loaded first)."""
    label_width = min(max((_text_width(t.name) for t in totals), default=60) + 12, 320)
    bar_x = label_width
    span = CHART_WIDTH - bar_x - 40
    top = max((t.led + t.shared for t in totals), default=0) or 1
    scale = span / top
    bars = [
        Bar(
            name=t.name,
            y=CHART_TOP + i * CHART_ROW,
            led=t.led,
            shared=t.shared,
            led_width=round(t.led * scale, 1),
            shared_width=round(t.shared * scale, 1),
        )
        for i, t in enumerate(totals)
    ]
    step = _tick_step(top)
    ticks = [(round(bar_x + v * scale, 1), v) for v in range(0, top + 1, step)]
    return Chart(
        bars=bars,
        width=CHART_WIDTH,
        height=CHART_TOP + len(bars) * CHART_ROW + 8,
        label_width=label_width,
        bar_x=bar_x,
        bar_height=CHART_BAR,
        ticks=ticks,
    )


def _tick_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500):
        if top / step <= 10:
            return step
    return 1000
