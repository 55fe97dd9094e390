"""Compare two plans: which tasks continue, which are new, reworded, merged, split, moved or dropped.

    >>> comparison = gdplan.compare(old_doc, new_doc)
    >>> comparison.summary.continued, comparison.summary.new, comparison.summary.lead_changes

The compare room imports the model only (never the CLI or the parser). jieba loads when a
comparison runs, not on import. Details: docs/compare.md.
"""

from __future__ import annotations

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
