"""The registry of bodies: which body a unit name is (jurisdiction, kind, full name, id).

A room of its own: it imports the model, never the parser's internals or the CLI. Its
knowledge is data (``data/*.tsv``, format in docs/registry.md), loaded on first use::

    >>> from gdplan.registry import kind_of_stem, accepts_prefix
    >>> kind_of_stem("宣传部"), kind_of_stem("教育厅")
    (<UnitKind.PARTY: 'party'>, <UnitKind.DEPARTMENT: 'department'>)
    >>> accepts_prefix("宣传部", "省委"), accepts_prefix("教育厅", "省委")
    (True, False)

:func:`resolve_document` is the pipeline step the parser runs after clause analysis.
"""

from __future__ import annotations

from gdplan.model import UnitKind
from gdplan.registry.data import REGISTRY_VERSION, fold, registry
from gdplan.registry.resolve import (
    Context,
    Resolution,
    document_context,
    kind_from_ending,
    resolve_document,
    resolve_name,
)

Kind = UnitKind
"""The kinds of body (the model's :class:`~gdplan.model.UnitKind`)."""

# The prefixes a clause distributes: party ones name the party committee of the level.
PARTY_PREFIXES = ("自治区党委", "中共", "省委", "市委", "区委", "县委", "州委")
LEVEL_PREFIXES = {"自治区": "P", "省": "P", "市": "C", "区": "X", "县": "X", "州": "C"}


def kind_of_stem(name: str) -> UnitKind | None:
    """The kind of a body named without its jurisdiction (宣传部 → party, 教育厅 → department).

    The registry's forms first; a name it does not list gets the kind its ending tells
    (XX集团 → enterprise), else None. A name listed both as a party organ and as a
    government body (外办) returns None: the text must decide.
    """
    reg = registry()
    key = fold(name)
    kinds = {f.kind for f in [*reg.party.get(key, []), *reg.plain.get(key, [])]}
    if len(kinds) == 1:
        return kinds.pop()
    if kinds:
        return None
    return kind_from_ending(key, party=False)


def accepts_prefix(name: str, prefix: str) -> bool | None:
    """Whether a shared prefix distributes onto ``name``: 省委+宣传部 yes, 省委+教育厅 no, 省+宣传部 no.

    ``prefix`` is a party prefix (省委, 市委, 中共X委 …) or a level word (省 市 区 县 州).
    True or False where the registry knows the name; None where it does not (the clause
    reader then keeps its own rule).
    """
    reg = registry()
    key = fold(name)
    party_forms = reg.party.get(key, [])
    other_forms = reg.plain.get(key, [])
    if not party_forms and not other_forms:
        kind = kind_of_stem(key)
        if kind in (UnitKind.ENTERPRISE,):
            return False
        return None
    if prefix.endswith("委") or prefix in PARTY_PREFIXES:
        return bool(party_forms)
    level = LEVEL_PREFIXES.get(prefix)
    if level is None:
        return None
    usable = [f for f in other_forms if f.kind not in (UnitKind.ENTERPRISE, UnitKind.PARTY)]
    return any(level in f.levels or (level == "C" and "X" in f.levels) for f in usable)


__all__ = [
    "REGISTRY_VERSION",
    "Context",
    "Kind",
    "Resolution",
    "UnitKind",
    "accepts_prefix",
    "document_context",
    "kind_of_stem",
    "registry",
    "resolve_document",
    "resolve_name",
]
