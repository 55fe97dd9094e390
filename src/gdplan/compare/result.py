"""The typed result of :func:`gdplan.compare`: pairs of items with a relation.

These models belong to the compare room, not to the document model: a Comparison is made
from two Documents and refers to their items by path (``Node.path``, CONTRACT.md).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

COMPARISON_SCHEMA_VERSION = "1.0"

Path = list[int]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Relation(StrEnum):
    """What became of a task between the old and the new plan."""

    SAME = "same"  # wording nearly identical, same place
    REWORDED = "reworded"  # the same task, wording changed
    MERGED = "merged"  # several old items became one new item
    SPLIT = "split"  # one old item became several new items
    MOVED = "moved"  # the same task under another heading
    DROPPED = "dropped"  # old only
    ADDED = "added"  # new only


RELATIONS: tuple[Relation, ...] = tuple(Relation)
CONTINUED: frozenset[Relation] = frozenset(
    {Relation.SAME, Relation.REWORDED, Relation.MERGED, Relation.SPLIT, Relation.MOVED}
)


class ItemRef(_Model):
    """One side of a pair: an item as the reader sees it."""

    path: Path = Field(description="the item's path in its document (CONTRACT.md)")
    label: str = Field(description="the marker as printed: 1． （一）")
    title: str
    text: str = Field("", description="the item's body after its title, without the responsibility clause")
    headings: list[str] = Field(
        default_factory=list, description="titles of the headings above the item, from the top"
    )
    line: int = Field(description="1-based line of the item in its input")


class RoleChange(_Model):
    """Units that a role gained or lost between the two sides of a pair."""

    role: str = Field(description="lead, responsible, implementing or cooperating")
    added: list[str] = Field(default_factory=list, description="unit names in the new side only")
    removed: list[str] = Field(default_factory=list, description="unit names in the old side only")


class Pair(_Model):
    """Old item(s) and new item(s) that are one task, or an item without a counterpart."""

    relation: Relation
    old_path: Path | list[Path] | None = Field(
        description="the old item's path; a list of paths for merged; null for added"
    )
    new_path: Path | list[Path] | None = Field(
        description="the new item's path; a list of paths for split; null for dropped"
    )
    score: float = Field(
        ge=0.0,
        le=1.0,
        description=(
            "similarity in [0, 1] (docs/compare.md); for dropped/added the best score any "
            "item on the other side reached"
        ),
    )
    reason: str = Field(description="why the items were paired, or why no counterpart was found")
    wording_changed: bool = Field(description="the texts differ beyond spacing and punctuation width")
    lead_changed: bool = Field(description="the set of lead units differs (by unit identity)")
    units: list[RoleChange] = Field(
        default_factory=list, description="per role, units added and removed (roles without change left out)"
    )
    old: list[ItemRef] = Field(default_factory=list)
    new: list[ItemRef] = Field(default_factory=list)


class Summary(_Model):
    """The counts a reader wants first."""

    continued: int = Field(description="pairs that carry a task over: same, reworded, moved, merged, split")
    new: int = Field(description="added items")
    dropped: int = Field(description="dropped items")
    lead_changes: int = Field(description="continued pairs whose lead units changed")
    relations: dict[str, int] = Field(description="number of pairs per relation")
    old_items: int
    new_items: int


class Side(_Model):
    """What was compared on one side."""

    source: str
    title: str | None = None
    year: int | None = None
    items: int


class Comparison(_Model):
    """Every old and every new item, each in exactly one pair."""

    comparison_schema_version: str = COMPARISON_SCHEMA_VERSION
    old: Side
    new: Side
    threshold: float = Field(description="the lowest score that pairs two items")
    summary: Summary
    pairs: list[Pair]

    def by_relation(self, relation: Relation | str) -> list[Pair]:
        return [p for p in self.pairs if p.relation == Relation(relation)]


def comparison_schema() -> dict[str, Any]:
    """The JSON Schema of ``gdplan compare --to json`` output."""
    schema = Comparison.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "gdplan-comparison.schema.json"
    return schema
