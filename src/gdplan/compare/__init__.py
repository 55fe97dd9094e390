"""Compare two plans: which tasks continue, which are new, reworded, merged, split, moved or dropped.

    >>> comparison = gdplan.compare(old_doc, new_doc)
    >>> comparison.summary.continued, comparison.summary.new, comparison.summary.lead_changes

The compare room imports the model only (never the CLI or the parser). jieba loads when a
comparison runs, not on import. Details: docs/compare.md.
"""

from __future__ import annotations

import sys
import types

from gdplan.compare.match import DEFAULT, Settings, compare, title_similarity
from gdplan.compare.result import (
    COMPARISON_SCHEMA_VERSION,
    Comparison,
    ItemRef,
    Pair,
    Relation,
    RoleChange,
    Side,
    Summary,
    comparison_schema,
)
from gdplan.compare.units import unit_identity
from gdplan.model import Document


class _CallableModule(types.ModuleType):
    """``gdplan.compare`` is both the verb and this package. Importing the package makes the
    attribute ``gdplan.compare`` this module (Python sets it after the import), so the module
    itself is callable: ``gdplan.compare(old, new)`` works before and after the import."""

    def __call__(self, old: Document, new: Document, settings: Settings = DEFAULT) -> Comparison:
        return compare(old, new, settings)


sys.modules[__name__].__class__ = _CallableModule

__all__ = [
    "COMPARISON_SCHEMA_VERSION",
    "DEFAULT",
    "Comparison",
    "ItemRef",
    "Pair",
    "Relation",
    "RoleChange",
    "Settings",
    "Side",
    "Summary",
    "compare",
    "comparison_schema",
    "title_similarity",
    "unit_identity",
]
