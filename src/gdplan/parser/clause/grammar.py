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
from typing import NamedTuple

from gdplan.model import Role
from gdplan.parser.clause import carry, kinds
from gdplan.parser.clause.inline import read_inline
from gdplan.parser.clause.part import read_part
from gdplan.parser.clause.roles import LABEL
from gdplan.parser.clause.scan import SPACE, inner_spans, split_top, trim
from gdplan.parser.clause.types import CarryState, ClauseLocation, ClauseReading, Offsets, UnitRef
from gdplan.parser.clause.units import read_group
from gdplan.parser.lazy import lazy
from gdplan.parser.memo import memo

_SENTENCE_TRIM = SPACE + ",，"
# A line of another label (责任领导:X, 完成标志:Y) among a node's unit label lines: no units.
_SPACED_LABEL = lazy(r"[ \t\u3000]+(?=" + LABEL.pattern + ")")
_OTHER_LABEL = lazy(r"[ \t\u3000]*[\u4e00-\u9fff]{2,10}[ \t\u3000]*:")


def read_clause(
    text: str, loc: ClauseLocation | None, state: CarryState, *, receive_carried: bool = True
) -> ClauseReading:
    """Who does what in the clause at ``loc``; updates ``state`` with what its 下同 carries.

    ``loc=None`` reads a node without a clause of its own: only what 下同 carried to it.
    ``receive_carried=False`` reads the clause without adding carried units (for headings).
    """
    if loc is None:
        reading, own, at = ClauseReading(), _NOTHING_READ, 0
    else:
        reading, own, at = _own_reading(text, loc)
    if own.rule_carried:
        state.first_listed_leads = True
    if state.first_listed_leads or own.rule_here:
        carry.first_listed_leads(reading, state.others_role)
    handed: list[tuple[Role, UnitRef]] = []
    if own.to_carry:
        to_carry = {_moved_pieces(u, at) for u in own.to_carry}
        handed = [(role, u) for role, units in reading.roles.items() for u in units if u.pieces in to_carry]
    handed += [(role, UnitRef(_moved_pieces(u, at))) for role, u in own.carry_only]
    if receive_carried:
        carry.receive(text, reading, state)
    carry.hand_on(text, state, handed)
    return reading


Pieces = tuple[Offsets, ...]  # a UnitRef's pieces
_ROLES = tuple(Role)


class _OwnReading(NamedTuple):
    """What a clause says by its own text alone, before 下同 and the document's rules apply;
    offsets are relative to the start of the text it was read from."""

    roles: tuple[tuple[UnitRef, ...], ...]  # the units of each role, in _ROLES order
    open_ended: bool
    deadline: Offsets | None
    problems: tuple[str, ...]
    rule_here: bool  # the clause states the first-listed-leads rule
    rule_carried: bool  # … and closes it with 下同
    to_carry: tuple[Pieces, ...]  # units of ``roles`` that 下同 hands on
    carry_only: tuple[tuple[Role, Pieces], ...]  # handed on, not this node's (以下…)


_NOTHING_READ = _OwnReading(tuple(() for _ in _ROLES), False, None, (), False, False, (), ())
# A clause's reading depends on its own text only (the span read, its notes, what lies
# between), and clauses recur (省政务和数据局牵头): each distinct one is read once. A longer
# one is read directly: cached, its text would stay in memory after its document.
_CACHED_CLAUSE_CHARS = 500


def _own_reading(text: str, loc: ClauseLocation) -> tuple[ClauseReading, _OwnReading, int]:
    """The clause at ``loc`` read from its own text: a fresh reading in ``text``'s offsets, the
    own reading, and where its text starts in ``text`` (what its offsets are relative to)."""
    reads_start, reads_end = start, end = loc.reads
    notes = loc.notes
    if notes:
        start = min(start, *(s for s, _ in notes))
        end = max(end, *(e for _, e in notes))
        notes = tuple([(s - start, e - start) for s, e in notes])
    reads = (reads_start - start, reads_end - start)
    read = _read_own_cached if end - start <= _CACHED_CLAUSE_CHARS else _read_own
    own = read(text[start:end], reads, notes, loc.role, loc.closed)
    reading = ClauseReading()  # fresh: callers change readings, never the cached one
    for role, units in zip(_ROLES, own.roles, strict=True):
        if units:
            reading.roles[role] = [
                UnitRef(tuple([(s + start, e + start) for s, e in u.pieces])) for u in units
            ]
    if own.deadline is not None:
        reading.deadline = (own.deadline[0] + start, own.deadline[1] + start)
    reading.open_ended = own.open_ended
    reading.problems = list(own.problems)
    return reading, own, start


def _moved_pieces(pieces: Pieces, by: int) -> Pieces:
    return tuple([(s + by, e + by) for s, e in pieces]) if by else pieces


def _read_own(
    text: str, reads: Offsets, notes: tuple[Offsets, ...], role: Role | None, closed: bool
) -> _OwnReading:
    """Read ``text[reads]`` and its ``notes`` (a clause's own text, offsets into ``text``)."""
    reading = ClauseReading()
    reader = _Reader(text, reading, role)
    reader.read_span(*reads)
    for note in notes:
        reader.read_span(*note)
    if not closed:
        reading.problems.append("the text stops inside the clause")
    silent = not reading.problems and reading.deadline is None and not reader.rule_here
    if silent and not any(reading.roles.values()):
        reading.problems.append("the clause names no unit")
    return _OwnReading(
        roles=tuple([tuple(reading.roles[r]) for r in _ROLES]),  # UnitRefs never change
        open_ended=reading.open_ended,
        deadline=reading.deadline,
        problems=tuple(reading.problems),
        rule_here=reader.rule_here,
        rule_carried=reader.rule_carried,
        to_carry=tuple(u.pieces for u in reader.to_carry),
        carry_only=tuple((r, u.pieces) for r, u in reader.carry_only),
    )


_read_own_cached = memo(maxsize=4096)(_read_own)


@dataclass
class _Sentence:
    """What a sentence has read so far."""

    stated: list[UnitRef] = field(default_factory=list)
    pending: list[Offsets] = field(default_factory=list)  # groups with no role word yet
    label_role: Role | None = None  # 牵头单位: → lead; None: responsible
    labelled: bool = False
    same_below: bool = False
    last_group: int = 0  # where in ``stated`` the units of the last role word begin


class _Reader:
    def __init__(self, text: str, reading: ClauseReading, default_role: Role | None = None) -> None:
        self.text = text
        self.reading = reading
        self.default_role = default_role or Role.RESPONSIBLE  # of groups no word gives a role
        self.rule_here = False  # the clause states the first-listed-leads rule
        self.rule_carried = False  # … and closes it with 下同
        self.to_carry: list[UnitRef] = []
        self.carry_only: list[tuple[Role, UnitRef]] = []  # carried on, not this node's (以下…)
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
        start, end = trim(src, start, end, _SENTENCE_TRIM)
        if start >= end:
            return
        if _OTHER_LABEL.match(src, start, end) is not None and LABEL.match(src, start, end) is None:
            return  # 牵头领导:X / 完成标志:Y — about something else, no units
        if carry.is_same_below(src, start, end):  # 下同 as a sentence of its own
            self.to_carry.extend(self.last_stated)
            return
        if carry.states_first_leads(src, start, end):  # a rule, not a unit group
            self.rule_here = True
            self.rule_carried |= "下同" in src[start:end]
            return
        carrying = carry.carry_sentence(src, start, end)  # 以下各项工作均需X具体落实
        if carrying is not None:
            start = carrying.units_start
        sentence = _Sentence()
        for raw in split_top(src, start, end, ",，"):
            part = trim(src, *raw)
            if part[0] < part[1] and not carry.is_not_listed(src, *part):
                self._part(sentence, part)
        # groups after the last role word: units unless they do not read as any (确保按时完成)
        self._flush(sentence, drop_odd=not sentence.labelled)
        self.last_stated = sentence.stated
        if carrying is not None:
            self._carry_sentence(sentence.stated, this_task=carrying.this_task)
        elif sentence.same_below:
            # X牵头，Y负责，下同: 下同 closes the group before it, not the sentence's lead
            self.to_carry.extend(sentence.stated[sentence.last_group :])

    def _carry_sentence(self, stated: list[UnitRef], *, this_task: bool) -> None:
        """A carry sentence's units go to every later task; to this one only when the
        sentence speaks of all the plan's tasks (本方案所列任务…), not of what follows (以下…)."""
        if this_task:
            self.to_carry.extend(stated)
            return
        ids = {id(u) for u in stated}
        for role, units in self.reading.roles.items():
            self.carry_only += [(role, u) for u in units if id(u) in ids]
            units[:] = [u for u in units if id(u) not in ids]

    def _part(self, sentence: _Sentence, part: Offsets) -> None:
        """One comma-separated part: 下同, a label, a time limit, 由X会同Y, or units [ROLE]."""
        src = self.src
        at = part[0]
        found = read_part(src[at : part[1]])
        if found.same_below:
            sentence.same_below = True
            return
        label = found.label
        if label is not None:
            if label.deadline:
                self._deadline(_moved(found.label_deadline, at))
                return
            self._flush(sentence)
            sentence.label_role, sentence.labelled = label.role, True
            if found.value[0] >= found.value[1]:
                self.reading.problems.append(f"{label.name}: names no unit")
                return
        if found.deadline is not None:
            self._deadline(_moved(found.deadline, at))
            return
        value = (found.value[0] + at, found.value[1] + at)
        if found.maybe_inline and self._inline(sentence, value):
            return
        if found.role is None:
            sentence.pending.append(value)  # waits for the next role word
            return
        units = (found.units[0] + at, found.units[1] + at)
        groups = [*sentence.pending, units] if units[0] < units[1] else sentence.pending
        if not groups:
            self.reading.problems.append(f"“{src[value[0] : value[1]]}” names no unit")
        sentence.last_group = len(sentence.stated)
        self._assign(groups, found.role, sentence.stated)
        sentence.pending = []

    def _inline(self, sentence: _Sentence, part: Offsets) -> bool:
        """由X会同Y… / X会同Y负责: X leads, the partners cooperate."""
        inline = read_inline(self.src, *part)
        if inline is None:
            return False
        self._flush(sentence)
        sentence.last_group = len(sentence.stated)
        self._assign([inline.lead], Role.LEAD, sentence.stated)
        if inline.partners is not None:
            self._assign([inline.partners], Role.COOPERATING, sentence.stated)
        return True

    def _flush(self, sentence: _Sentence, *, drop_odd: bool = False) -> None:
        """Groups waiting for a role word take the label's role, or responsible."""
        if not sentence.pending:
            return
        sentence.last_group = len(sentence.stated)
        self._assign(
            sentence.pending, sentence.label_role or self.default_role, sentence.stated, drop_odd=drop_odd
        )
        sentence.pending = []

    def _assign(
        self, groups: list[Offsets], role: Role, stated: list[UnitRef], *, drop_odd: bool = False
    ) -> None:
        roles = self.reading.roles
        for start, end in groups:
            group = read_group(self.src, start, end, drop_odd=drop_odd, shift=self.base)
            for unit, marked in zip(group.units, group.marked, strict=True):
                given = marked or role  # 市发改委(牵头) has its own
                if given is Role.IMPLEMENTING and not kinds.is_local_government(unit.render(self.text)):
                    given = Role.RESPONSIBLE  # only governments and zones implement (DOMAIN.md §3)
                roles[given].append(unit)
            self.reading.open_ended |= group.open_ended
            self.reading.problems.extend(group.problems)
            stated.extend(group.units)

    def _deadline(self, span: Offsets | None) -> None:
        if span is not None and self.reading.deadline is None:
            self.reading.deadline = (span[0] + self.base, span[1] + self.base)


def _moved(span: Offsets | None, by: int) -> Offsets | None:
    return None if span is None else (span[0] + by, span[1] + by)


def _blank_annotations(local: str) -> tuple[str, list[Offsets]]:
    """Blank out bracket groups that annotate rather than name: (见附件1,下同), (…,下同)."""
    notes: list[Offsets] = []
    pieces: list[str] = []
    done = 0  # local[:done] is in pieces
    for s, e in inner_spans(local, 0, len(local)):
        if e == len(local):
            break  # a group left open: nothing to blank
        inner = local[s:e]
        if "下同" in inner or carry.is_definition(inner, 0, len(inner)):
            pieces += [local[done : s - 1], " " * (e - s + 2)]
            done = e + 1
            notes.append((s, e))
    if not notes:
        return local, notes
    pieces.append(local[done:])
    return "".join(pieces), notes


def _label_lines(src: str, start: int, end: int) -> list[Offsets]:
    """Split a sentence where a new line starts with a label (牵头单位:X⏎配合单位:Y), or a label
    follows spaces on the same line (责任单位:X  完成时限:Y)."""
    pieces: list[Offsets] = []
    begin = start
    for gap in _SPACED_LABEL.finditer(src, start, end):
        if gap.start() > begin and not src[gap.start() - 1].isspace():
            pieces.append((begin, gap.start()))
            begin = gap.start()
    if pieces:
        return [p for piece in [*pieces, (begin, end)] for p in _label_lines_below(src, *piece)]
    return _label_lines_below(src, start, end)


def _label_lines_below(src: str, start: int, end: int) -> list[Offsets]:
    pieces: list[Offsets] = []
    begin = start
    at = src.find("\n", start, end)
    while at >= 0:
        nxt = trim(src, at, end)[0]
        if LABEL.match(src, nxt, end) is not None:
            pieces.append((begin, at))
            begin = at
        elif _OTHER_LABEL.match(src, nxt, end) is not None:
            pieces.append((begin, at))  # the other label's line is passed over
            line_end = src.find("\n", nxt, end)
            begin = end if line_end < 0 else line_end
            at = line_end
            continue
        at = src.find("\n", at + 1, end)
    pieces.append((begin, end))
    return pieces
