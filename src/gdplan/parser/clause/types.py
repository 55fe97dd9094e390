"""Data passed between clause location, clause reading and the tree builder."""

from __future__ import annotations

from dataclasses import dataclass, field

from gdplan.model import ClauseForm, Role

Offsets = tuple[int, int]
_ROLES = tuple(Role)  # iterating the enum itself is slow


# Slotted, hashed by value like a frozen dataclass but built three times faster (a frozen
# one sets its field through object.__setattr__): every clause reading makes new ones.
@dataclass(slots=True, unsafe_hash=True)
class UnitRef:
    """A unit as pieces of the text: 省发展改革委、科技厅 gives 科技厅 the pieces (省)(科技厅).

    The name is the concatenation of the pieces, so it can be rendered from any text
    layer with the same offsets (original script or simplified). Never changed once made.
    """

    pieces: tuple[Offsets, ...]

    def render(self, text: str) -> str:
        if len(self.pieces) == 1:  # most units are one piece: no join
            start, end = self.pieces[0]
            return text[start:end]
        return "".join([text[s:e] for s, e in self.pieces])


@dataclass(frozen=True)
class ClauseLocation:
    """Where a node's responsibility clause is.

    body: the clause without brackets or label (what ``clause`` prints).
    remove: what to cut from the node's text (brackets and label included); None when the
            clause stays in the sentence (由X会同Y负责落实).
    scope: what read_clause reads when it differs from body: the labels included
           (``牵头单位:X,参与单位:Y`` has body ``X,参与单位:Y``); None means body.
    notes: trailing annotations read with the clause but not part of it, e.g. a separate
           ``(责任单位排在首位的为牵头单位,下同)`` after the clause's own brackets.
    closed: False when the text stops inside the clause's brackets (a cut-off document).
    role: the role of units that no role word or label names (a table column's: 牵头单位 →
          lead); None means responsible.
    """

    form: ClauseForm
    body: Offsets
    remove: Offsets | None
    scope: Offsets | None = None
    notes: tuple[Offsets, ...] = ()
    closed: bool = True
    role: Role | None = None

    @property
    def reads(self) -> Offsets:
        """The span read_clause reads: the body with its labels."""
        return self.scope if self.scope is not None else self.body


@dataclass
class ClauseReading:
    roles: dict[Role, list[UnitRef]] = field(default_factory=lambda: {r: [] for r in _ROLES})
    carried: list[tuple[Role, UnitRef]] = field(default_factory=list)  # what 下同 brought here
    open_ended: bool = False
    deadline: Offsets | None = None
    problems: list[str] = field(default_factory=list)  # e.g. a group that reads as no unit


@dataclass
class CarryState:
    """What 下同 carries from one node to every later node of the document."""

    units: list[tuple[Role, UnitRef]] = field(default_factory=list)
    first_listed_leads: bool = False  # 责任单位排在首位的为牵头单位，下同 / 列第一位为牵头单位
    others_role: Role | None = None  # …为牵头单位，其他为参与单位: the role of the units after the first
