"""Reading a clause: who does what (DOMAIN.md §3).

    clause   := sentence (; | 。) sentence …
    sentence := part , part , …             (a part is a group of units, 下同, a time limit)
    part     := [LABEL:] UNITS [ROLE]        (groups with no role share the next role word;
                                              those after the last one are responsible)

Text is read from a local copy in which annotations (bracket groups that hold 下同 or a
见附件 pointer) are blanked out, so 市有关单位(见附件1,下同) reads as 市有关单位; offsets are
shifted back to the document's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gdplan.model import Role
from gdplan.parser.clause import carry
from gdplan.parser.clause.deadline import deadline_of, labelled_deadline
from gdplan.parser.clause.inline import read_inline
from gdplan.parser.clause.roles import LABEL, label_at, role_at_end
from gdplan.parser.clause.scan import OPENERS, SPACE, close_of, split_top, top_level, trim
from gdplan.parser.clause.types import CarryState, ClauseLocation, ClauseReading, Offsets, UnitRef
from gdplan.parser.clause.units import read_group


def read_clause(
    text: str, loc: ClauseLocation | None, state: CarryState, *, receive_carried: bool = True
) -> ClauseReading:
    """Who does what in the clause at ``loc``; updates ``state`` with what its 下同 carries.

    ``loc=None`` reads a node without a clause of its own: only what 下同 carried to it.
    ``receive_carried=False`` reads the clause without adding carried units (for headings).
    """
    reading = ClauseReading()
    reader = _Reader(text, reading)
    if loc is not None:
        reader.read_span(*loc.reads)
        for note in loc.notes:
            reader.read_span(*note)
        if not loc.closed:
            reading.problems.append("the text stops inside the clause")
        silent = not reading.problems and reading.deadline is None and not reader.rule_here
        if silent and not any(reading.roles.values()):
            reading.problems.append("the clause names no unit")
    if reader.rule_carried:
        state.first_listed_leads = True
    if state.first_listed_leads or reader.rule_here:
        carry.first_listed_leads(reading)
    handed = [
        (role, unit) for role, units in reading.roles.items() for unit in units if unit in reader.to_carry
    ]
    if receive_carried:
        carry.receive(text, reading, state)
    carry.hand_on(text, state, handed)
    return reading


@dataclass
class _Sentence:
    """What a sentence has read so far."""

    stated: list[UnitRef] = field(default_factory=list)
    pending: list[Offsets] = field(default_factory=list)  # groups with no role word yet
    label_role: Role | None = None  # 牵头单位: → lead; None: responsible
    labelled: bool = False
    same_below: bool = False


class _Reader:
    def __init__(self, text: str, reading: ClauseReading) -> None:
        self.text = text
        self.reading = reading
        self.rule_here = False  # the clause states the first-listed-leads rule
        self.rule_carried = False  # … and closes it with 下同
        self.to_carry: list[UnitRef] = []
        self.last_stated: list[UnitRef] = []  # units of the sentence before: …落实。下同
        self.src = ""
        self.base = 0

    def read_span(self, start: int, end: int) -> None:
        saved = self.src, self.base
        self.base = start
        local, notes = _blank_annotations(self.text[start:end])
        self.src = local
        for s, e in split_top(local, 0, len(local), ";。；"):
            for piece in _label_lines(local, s, e):
                self._sentence(*piece)
        self.src, self.base = saved
        for s, e in notes:
            if not carry.is_definition(self.text, start + s, start + e):
                self.read_span(start + s, start + e)

    def _sentence(self, start: int, end: int) -> None:
        src = self.src
        start, end = trim(src, start, end, SPACE + ",，")
        if start >= end:
            return
        if carry.is_same_below(src, start, end):  # 下同 as a sentence of its own
            self.to_carry.extend(self.last_stated)
            return
        if carry.states_first_leads(src, start, end):  # a rule, not a unit group
            self.rule_here = True
            self.rule_carried |= "下同" in src[start:end]
            return
        sentence = _Sentence()
        for raw in split_top(src, start, end, ",，"):
            part = trim(src, *raw)
            if part[0] < part[1]:
                self._part(sentence, part)
        # groups after the last role word: units unless they do not read as any (确保按时完成)
        self._flush(sentence, drop_odd=not sentence.labelled)
        self.last_stated = sentence.stated
        if sentence.same_below:
            self.to_carry.extend(sentence.stated)

    def _part(self, sentence: _Sentence, part: Offsets) -> None:
        """One comma-separated part: 下同, a label, a time limit, 由X会同Y, or units [ROLE]."""
        src = self.src
        if carry.is_same_below(src, *part):
            sentence.same_below = True
            return
        label = label_at(src, *part)
        if label is not None:
            if label.deadline:
                self._deadline(labelled_deadline(src, label.value_start, part[1]))
                return
            self._flush(sentence)
            sentence.label_role, sentence.labelled = label.role, True
            part = trim(src, label.value_start, part[1])
            if part[0] >= part[1]:
                self.reading.problems.append(f"{label.name}: names no unit")
                return
        when = deadline_of(src, *part)
        if when is not None:
            self._deadline(when)
            return
        if self._inline(sentence, part):
            return
        role = role_at_end(src, *part)
        if role is None:
            sentence.pending.append(part)  # waits for the next role word
            return
        units = trim(src, part[0], role.start)
        groups = [*sentence.pending, units] if units[0] < units[1] else sentence.pending
        if not groups:
            self.reading.problems.append(f"“{src[part[0] : part[1]]}” names no unit")
        self._assign(groups, role.role, sentence.stated)
        sentence.pending = []

    def _inline(self, sentence: _Sentence, part: Offsets) -> bool:
        """由X会同Y… / X会同Y负责: X leads, the partners cooperate."""
        if not (self.src.startswith("由", part[0]) or "会同" in self.src[part[0] : part[1]]):
            return False
        inline = read_inline(self.src, *part)
        if inline is None:
            return False
        self._flush(sentence)
        self._assign([inline.lead], Role.LEAD, sentence.stated)
        if inline.partners is not None:
            self._assign([inline.partners], Role.COOPERATING, sentence.stated)
        return True

    def _flush(self, sentence: _Sentence, *, drop_odd: bool = False) -> None:
        """Groups waiting for a role word take the label's role, or responsible."""
        self._assign(
            sentence.pending, sentence.label_role or Role.RESPONSIBLE, sentence.stated, drop_odd=drop_odd
        )
        sentence.pending = []

    def _assign(
        self, groups: list[Offsets], role: Role, stated: list[UnitRef], *, drop_odd: bool = False
    ) -> None:
        for start, end in groups:
            group = read_group(self.src, start, end, drop_odd=drop_odd)
            units = [_shifted(unit, self.base) for unit in group.units]
            for unit, marked in zip(units, group.marked, strict=True):
                self.reading.roles[marked or role].append(unit)  # 市发改委(牵头) has its own
            self.reading.open_ended |= group.open_ended
            self.reading.problems.extend(group.problems)
            stated.extend(units)

    def _deadline(self, span: Offsets | None) -> None:
        if span is not None and self.reading.deadline is None:
            self.reading.deadline = (span[0] + self.base, span[1] + self.base)


def _shifted(unit: UnitRef, base: int) -> UnitRef:
    return UnitRef(tuple((s + base, e + base) for s, e in unit.pieces))


def _blank_annotations(local: str) -> tuple[str, list[Offsets]]:
    """Blank out bracket groups that annotate rather than name: (见附件1,下同), (…,下同)."""
    chars = list(local)
    notes: list[Offsets] = []
    flags = top_level(local, 0, len(local))
    i = 0
    while i < len(local):
        if local[i] in OPENERS and flags[i]:
            close = close_of(local, i, len(local))
            if close is None:
                break
            inner = local[i + 1 : close]
            if "下同" in inner or carry.is_definition(inner, 0, len(inner)):
                chars[i : close + 1] = " " * (close + 1 - i)
                notes.append((i + 1, close))
            i = close + 1
            continue
        i += 1
    return "".join(chars), notes


def _label_lines(src: str, start: int, end: int) -> list[Offsets]:
    """Split a sentence where a new line starts with a label (牵头单位:X⏎配合单位:Y)."""
    pieces: list[Offsets] = []
    begin = start
    at = src.find("\n", start, end)
    while at >= 0:
        nxt = trim(src, at, end)[0]
        if LABEL.match(src, nxt, end) is not None:
            pieces.append((begin, at))
            begin = at
        at = src.find("\n", at + 1, end)
    pieces.append((begin, end))
    return pieces
