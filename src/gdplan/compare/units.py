"""Unit identity and per-role unit changes between the two sides of a pair."""

from __future__ import annotations

from collections.abc import Iterable

from gdplan.compare.result import RoleChange
from gdplan.model import ROLES, Node, Role, Unit


def unit_identity(unit: Unit) -> str:
    """What makes two units the same body.

    ``Unit.unit_id`` (the registry issue) is stable across renames and abbreviations
    (市林业局 renamed 市林业和草原局 in a registry that knows it); until that field
    exists, the folded name ``Unit.key`` is the identity. Reading it with getattr keeps this
    working on both sides of that change.
    """
    return getattr(unit, "unit_id", None) or unit.key


def role_units(nodes: Iterable[Node], role: Role) -> dict[str, str]:
    """identity → name of the units holding ``role`` in any of ``nodes`` (first name wins)."""
    found: dict[str, str] = {}
    for node in nodes:
        for unit in node.responsibility.units(role):
            found.setdefault(unit_identity(unit), unit.name)
    return found


def all_identities(node: Node) -> frozenset[str]:
    return frozenset(unit_identity(u) for r in ROLES for u in node.responsibility.units(r))


def role_changes(old: Iterable[Node], new: Iterable[Node]) -> list[RoleChange]:
    """Per role, the units only on the new side (added) and only on the old side (removed)."""
    old, new = list(old), list(new)
    changes: list[RoleChange] = []
    for role in ROLES:
        before, after = role_units(old, role), role_units(new, role)
        added = [name for ident, name in after.items() if ident not in before]
        removed = [name for ident, name in before.items() if ident not in after]
        if added or removed:
            changes.append(RoleChange(role=role.value, added=added, removed=removed))
    return changes


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 0.0  # no evidence either way
    return len(a & b) / len(a | b)
