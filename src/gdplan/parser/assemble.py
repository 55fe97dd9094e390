"""Drafts → model nodes: title and body, the responsibility clause, truncation.

Clause reading runs in document order over the whole tree because 下同 carries a clause
or a rule from one node to every later one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from gdplan.model import ROLES, ClauseForm, Diagnostic, MarkerStyle, Node, Role
from gdplan.parser import clause as _clause
from gdplan.parser.clause import CarryState, ClauseLocation, ClauseReading, UnitRef
from gdplan.parser.clause.deadline import labelled_deadline
from gdplan.parser.lazy import lazy
from gdplan.parser.memo import memo
from gdplan.parser.rules.table import Rows
from gdplan.parser.text import NormalizedText, fold_key, trim_space
from gdplan.parser.tokens import Cell, ColumnKind
from gdplan.parser.tree import Draft, Skeleton

_SENTENCE_END = "。!?"
_OPENERS, _CLOSERS = "(〔[【《“‘<", ")〕]】》”’>"
_TITLE_TRIM = " \t。;:,、."
# A text that stops on one of these may have ended where its author ended it.
_TERMINAL = "。!?)〕]】>;."

_WRAP_BREAKER = lazy(r"[。;:!?,()]")  # a line with these is a sentence, not a wrapped title
# What decides where the first sentence ends: brackets (a 。 inside them does not), sentence
# ends, and a run of spaces that stands for a line break a copy lost (一、总体要求  坚持…).
# A copy that turned 。 into ASCII ends its sentences with "." after a Han character (建设.推进…);
# after a digit or a Latin letter it is a decimal point or part of a name (1.5亿, www.x.cn).
_TITLE_SCAN = lazy(
    "[" + re.escape(_OPENERS + _CLOSERS + _SENTENCE_END) + "]|[ \t]{2,}" + r"|(?<=[^\x00-\x7f])\.(?![0-9])"
)

Piece = tuple[int, int]
UnitFields = dict[str, str]  # the fields of a Unit, validated with its node
_LINE_BREAK = lazy(r"[ \t\u3000]*\n[ \t\u3000]*")


@dataclass
class NodeParts:
    title: str
    text: str
    responsibility: dict[str, Any] | None  # the fields of the node's Responsibility
    problems: list[str]
    end: int  # where the node's own text ends (see Assembler._end)


class Assembler:
    def __init__(self, nt: NormalizedText, script: str, rows: Rows | None = None) -> None:
        self.nt = nt
        self.a = nt.analysis
        self.shown = nt.layer(script)
        self.rows: Rows = rows or {}  # a table row's cells, by the start of its task token
        self.state = CarryState()
        self.diagnostics: list[Diagnostic] = []
        # a unit recurs (下同 carries it): built once per (pieces, table column)
        self._units: dict[tuple[tuple[tuple[int, int], ...], str | None], UnitFields] = {}

    def nodes(self, skeleton: Skeleton) -> list[Node]:
        drafts = skeleton.drafts()
        if skeleton.roots:
            self._read_front_carry(skeleton.roots[0].token.start)
        parts = {id(d): self._parts(d) for d in drafts}  # document order: 下同 needs it
        last = drafts[-1] if drafts else None
        truncated = last is not None and self._is_truncated(last, drafts, parts)
        if truncated and last is not None:
            end = parts[id(last)].end
            line = self.nt.line_number(max(end - 1, 0))
            column = end - self.a.rfind("\n", 0, end)
            self.diagnostics.append(
                Diagnostic(
                    code="truncated",
                    message=f"the text stops inside {self._label(last)} at line {line}, column {column}:"
                    " the document is cut off",
                    line=line,
                )
            )
        # each top-level node is validated once, with its subtree given as plain dicts
        return [
            Node.model_validate(self._node(d, parts, last if truncated else None)) for d in skeleton.roots
        ]

    def _read_front_carry(self, end: int) -> None:
        """What the text says of every task before its first numbered node (本方案所列任务均需X
        作为责任单位，以下不再列出; 责任单位排在首位的为牵头单位): carried from the first task on."""
        for start, stop in _clause.front_carry_sentences(self.a, 0, end):
            if _clause.states_first_leads(self.a, start, stop):
                self.state.first_listed_leads = True
                self.state.others_role = _clause.others_role(self.a, start, stop)
                continue
            loc = ClauseLocation(ClauseForm.INLINE, (start, stop), None)
            _clause.read_clause(self.a, loc, self.state, receive_carried=False)

    def _read_text_carry(self, body: list[Piece]) -> list[ClauseLocation]:
        """Carry sentences in a node's own text that close as one does (以下各项任务均需X具体落实，
        不再一一列出。): one about all the plan's tasks holds from this node on (read now); one
        about what follows (以下…) from the next node (returned, read after)."""
        later: list[ClauseLocation] = []
        for s, e in body:
            if not _clause.says_not_listed(self.a, s, e):
                continue  # a body sentence that merely names units and tasks carries nothing
            for start, stop in _clause.front_carry_sentences(self.a, s, e):
                if _clause.states_first_leads(self.a, start, stop) or not _clause.says_not_listed(
                    self.a, start, stop
                ):
                    continue  # a rule in a node's text is left to its clause
                loc = ClauseLocation(ClauseForm.INLINE, (start, stop), None)
                carrying = _clause.carry_sentence(self.a, start, stop)
                if carrying is not None and carrying.this_task:
                    _clause.read_clause(self.a, loc, self.state, receive_carried=False)
                else:
                    later.append(loc)
        return later

    # -- one node ---------------------------------------------------------------------------

    def _node(self, d: Draft, parts: dict[int, NodeParts], truncated: Draft | None) -> dict[str, Any]:
        """The fields of the node's :class:`Node`, its children's as dicts too."""
        p = parts[id(d)]
        assert d.token.marker is not None
        for problem in p.problems:
            self.diagnostics.append(
                Diagnostic(code="unparsed-clause", message=f"{self._label(d)}: {problem}", line=d.token.line)
            )
        return {
            "kind": "heading" if d.children else "item",
            "style": d.style,
            "label": self._label(d),
            "number": d.number,
            "path": d.path,
            "title": p.title,
            "text": p.text,
            "responsibility": p.responsibility,
            "truncated": d is truncated,
            "line": d.token.line,
            "span": self.nt.span(d.token.start, p.end),
            "children": [self._node(c, parts, truncated) for c in d.children],
        }

    def _end(self, d: Draft) -> int:
        """Where the node's own text ends: its last line or units cell, before its children."""
        end = d.token.end
        for seg in (*d.content, *d.unit_cells, *(c.segment for c in self._own_cells(d))):
            end = max(end, seg.end)
        return end

    def _own_cells(self, d: Draft) -> list[Cell]:
        """The cells of the node's table row that follow it (not those merged from a row above)."""
        return [c for c in self.rows.get(d.token.start, ()) if c.segment.start > d.token.start]

    def _label(self, d: Draft) -> str:
        assert d.token.marker is not None
        label = self.shown[d.token.start : d.token.marker.end].strip()
        if d.style is MarkerStyle.TABLE_ROW:  # the 序号 cell, without the | that ends it
            label = label.rstrip("|｜ \t").strip()
        return label

    def _parts(self, d: Draft) -> NodeParts:
        assert d.token.marker is not None
        pieces: list[Piece] = [(d.token.marker.end, d.token.end)]
        pieces += [(s.start, s.end) for s in d.content]
        cells = self.rows.get(d.token.start)
        if cells:
            pieces = [p for p in [trim_space(self.a, s, e) for s, e in pieces] if p[1] > p[0]]
            title, body = self._title_and_body(pieces, wrapped=bool(d.children))
            responsibility, problems = self._row_responsibility(cells, heading=bool(d.children))
            return NodeParts(title, self._join(body), responsibility, problems, self._end(d))
        loc: ClauseLocation | None
        inner: list[ClauseLocation] = []
        if d.unit_cells:
            cell = d.unit_cells[-1]
            loc = ClauseLocation(ClauseForm.TABLE, (cell.start, cell.end), None)
        else:
            loc = _clause.locate_clause(self.a, pieces[0][0], max([e for _, e in pieces]))
            if loc is not None and loc.form is ClauseForm.BRACKETED and loc.remove is not None:
                inner = _clause.locate_inner_clauses(self.a, pieces[0][0], loc.remove[0])
        for found in [*inner, loc]:
            if found is not None and found.remove is not None:
                pieces = _cut(pieces, found.remove)
        pieces = [p for p in [trim_space(self.a, s, e) for s, e in pieces] if p[1] > p[0]]
        title, body = self._title_and_body(pieces, wrapped=bool(d.children))
        # 下同 carries to later items only: a heading reads just its own clause, if any.
        later = self._read_text_carry(body)
        readings = [(_clause.read_clause(self.a, i, self.state, receive_carried=False), i) for i in inner]
        reading = None
        if loc is not None:
            reading = _clause.read_clause(self.a, loc, self.state, receive_carried=not d.children)
        elif not d.children and self.state.units:
            reading = _clause.read_clause(self.a, None, self.state)
        for sentence in later:
            _clause.read_clause(self.a, sentence, self.state, receive_carried=False)
        responsibility = self._responsibility(reading, loc, readings) if reading is not None else None
        problems = [p for r, _ in [*readings, (reading, loc)] if r is not None for p in r.problems]
        return NodeParts(title, self._join(body), responsibility, problems, self._end(d))

    def _join(self, pieces: list[Piece]) -> str:
        """Pieces of one line (a clause cut from its middle) join directly; lines join with a newline."""
        out: list[str] = []
        for i, (s, e) in enumerate(pieces):
            if i and "\n" in self.a[pieces[i - 1][1] : s]:
                out.append("\n")
            out.append(self.shown[s:e])
        return "".join(out)

    def _title_and_body(self, pieces: list[Piece], *, wrapped: bool) -> tuple[str, list[Piece]]:
        """The title is the first sentence; a heading's title may wrap onto short lines below it."""
        if not pieces:
            return "", []
        s, e = pieces[0]
        stop = _first_sentence_end(self.a, s, e)
        title_pieces: list[Piece]
        if stop is None:
            title_pieces, rest = [(s, e)], pieces[1:]
            while wrapped and rest and self._continues_title(rest[0]):
                title_pieces.append(rest.pop(0))
        else:
            title_pieces = [(s, stop)]
            rest = [trim_space(self.a, stop + 1, e), *pieces[1:]]
        # Trailing punctuation is judged on the analysis layer, where ：and ；are half width.
        last_start, last_end = title_pieces[-1]
        while last_end > last_start and self.a[last_end - 1] in _TITLE_TRIM:
            last_end -= 1
        title_pieces[-1] = (last_start, last_end)
        title = "".join([self.shown[ps:pe].strip() for ps, pe in title_pieces])
        return title, [p for p in rest if p[1] > p[0]]

    def _continues_title(self, piece: Piece) -> bool:
        text = self.a[piece[0] : piece[1]]
        return len(text) <= 30 and _WRAP_BREAKER.search(text) is None

    # -- responsibility ---------------------------------------------------------------------

    def _unit(self, ref: UnitRef, column: str | None = None) -> UnitFields:
        """The unit at ``ref`` (from a table's ``column``), built once per document (the model is
        validated once per ref)."""
        cache_key = (ref.pieces, column)  # the pieces say it all, and a tuple hashes fast
        unit = self._units.get(cache_key)
        if unit is None:
            # A clause wrapped over a line break (a hard-wrapped copy) breaks no name: 人民银行\n赣州分行.
            name = _LINE_BREAK.sub("", ref.render(self.shown).strip())
            unit = {"name": name, "key": _unit_key(ref.render(self.a))}
            if column is not None:
                unit["column"] = column
            self._units[cache_key] = unit
        return unit

    def _responsibility(
        self,
        reading: ClauseReading,
        loc: ClauseLocation | None,
        inner: Sequence[tuple[ClauseReading, ClauseLocation]] = (),
    ) -> dict[str, Any]:
        """The fields of the node's :class:`Responsibility` (validated with its node).

        ``loc`` is None for an item with no clause of its own: only 下同 reached it.
        ``inner`` are clauses inside the text before the final one: their units join in order."""
        unit = self._unit
        readings = [r for r, _ in inner] + [reading]
        roles: dict[Role, list[UnitFields]] = {}
        for role in ROLES:
            units = [unit(u) for r in readings for u in r.roles[role]]
            roles[role] = units if not inner else _first_of_each_key(units)
        deadline = next(
            (self.shown[r.deadline[0] : r.deadline[1]] for r in reversed(readings) if r.deadline), None
        )
        clauses = [self.shown[i.body[0] : i.body[1]] for _, i in inner]
        if loc is not None:
            clauses.append(self.shown[loc.body[0] : loc.body[1]])
        return _responsibility_fields(
            roles,
            carried=[unit(u) for _, u in reading.carried],
            open_ended=any(r.open_ended for r in readings),
            deadline=deadline,
            clause="；".join(clauses) if clauses else None,
            clause_span=self.nt.span(*loc.body) if loc is not None else None,
            form=loc.form if loc is not None else ClauseForm.CARRIED,
        )

    def _row_responsibility(
        self, cells: Sequence[Cell], *, heading: bool
    ) -> tuple[dict[str, Any] | None, list[str]]:
        """A table row: each units cell read as a clause in its column's role, the time limit
        from the deadline column; leaders and remarks are not units."""
        read: list[tuple[ClauseReading, Cell]] = []
        unit_cells = [c for c in cells if c.column.kind is ColumnKind.UNITS]
        for i, cell in enumerate(unit_cells):
            loc = ClauseLocation(
                ClauseForm.TABLE, (cell.segment.start, cell.segment.end), None, role=cell.column.role
            )
            last = i == len(unit_cells) - 1
            reading = _clause.read_clause(self.a, loc, self.state, receive_carried=last and not heading)
            read.append((reading, cell))
        if not read and not heading and self.state.units:
            read.append((_clause.read_clause(self.a, None, self.state), cells[0]))
        deadline = next(
            (
                found
                for c in cells
                if c.column.kind is ColumnKind.DEADLINE
                and (found := labelled_deadline(self.a, c.segment.start, c.segment.end)) is not None
            ),
            None,
        )
        if not read and deadline is None:
            return None, []
        unit = self._unit
        roles: dict[Role, list[UnitFields]] = {role: [] for role in ROLES}
        carried: list[UnitFields] = []
        for reading, cell in read:
            column = cell.column.header if cell.column.kind is ColumnKind.UNITS else None
            for role in ROLES:
                for ref in reading.roles[role]:
                    is_carried = any(ref is u for _, u in reading.carried)
                    roles[role].append(unit(ref, None if is_carried else column))
            carried += [unit(ref) for _, ref in reading.carried]
        for role in ROLES:
            roles[role] = _first_of_each_key(roles[role])
        stated = [c for _, c in read if c.column.kind is ColumnKind.UNITS]
        spans = [(c.segment.start, c.segment.end) for c in stated]
        responsibility = _responsibility_fields(
            roles,
            carried=carried,
            open_ended=any(r.open_ended for r, _ in read),
            deadline=self.shown[deadline[0] : deadline[1]] if deadline is not None else None,
            clause="；".join(self.shown[s:e] for s, e in spans) if spans else None,
            clause_span=self.nt.span(spans[0][0], spans[-1][1]) if spans else None,
            form=ClauseForm.TABLE if spans else ClauseForm.CARRIED,
        )
        return responsibility, [p for r, _ in read for p in r.problems]

    # -- truncation -------------------------------------------------------------------------

    def _is_truncated(self, last: Draft, drafts: list[Draft], parts: dict[int, NodeParts]) -> bool:
        """The text stops inside the last node: mid-sentence, or a copy cut where a clause should follow."""
        end = parts[id(last)].end
        if self._own_cells(last):
            return False  # a table row that reached its cells
        if self.a[end - 1] not in _TERMINAL:
            return not self._ends_on_label(parts[id(last)], end)
        if self.nt.original.endswith(("\n", "\r")):
            return False
        items = [d for d in drafts if not d.children]
        with_clause = sum(1 for d in items if parts[id(d)].responsibility is not None)
        return parts[id(last)].responsibility is None and with_clause > 0


    def _ends_on_label(self, part: NodeParts, end: int) -> bool:
        """The node ends on a labelled line read whole (配合单位：X、Y): such a line ends no sentence."""
        r = part.responsibility
        if r is None or part.problems or r["form"] is not ClauseForm.LABELLED or r["clause_span"] is None:
            return False
        return bool(r["clause_span"][1] >= self.nt.span(end - 1, end)[1])


def _responsibility_fields(
    roles: dict[Role, list[UnitFields]],
    *,
    carried: list[UnitFields],
    open_ended: bool,
    deadline: str | None,
    clause: str | None,
    clause_span: tuple[int, int] | None,
    form: ClauseForm,
) -> dict[str, Any]:
    """The fields of a :class:`Responsibility`, validated with its node (a clause's or a table row's)."""
    return {
        "lead": roles[Role.LEAD],
        "responsible": roles[Role.RESPONSIBLE],
        "implementing": roles[Role.IMPLEMENTING],
        "cooperating": roles[Role.COOPERATING],
        "carried": carried,
        "open_ended": open_ended,
        "deadline": deadline,
        "clause": clause,
        "clause_span": clause_span,
        "form": form,
    }


@memo(maxsize=4096)
def _unit_key(name: str) -> str:
    """The key of a unit named ``name`` in the analysis text (units recur: fold each once)."""
    return fold_key(name, simplified=True)


def _first_of_each_key(units: list[UnitFields]) -> list[UnitFields]:
    """Units named by several clauses of one item are listed once, where first named."""
    seen: set[str] = set()
    out = []
    for u in units:
        if u["key"] not in seen:
            seen.add(u["key"])
            out.append(u)
    return out


def _first_sentence_end(text: str, start: int, end: int) -> int | None:
    depth = 0
    for m in _TITLE_SCAN.finditer(text, start, end):  # only brackets and sentence ends matter
        ch = m.group()[0]
        if ch in _OPENERS:
            depth += 1
        elif ch in _CLOSERS:
            depth = max(depth - 1, 0)
        elif depth == 0:
            return m.start()
    return None


def _cut(pieces: list[Piece], remove: Piece) -> list[Piece]:
    rs, re_ = remove
    out: list[Piece] = []
    for s, e in pieces:
        if e <= rs or s >= re_:
            out.append((s, e))
            continue
        if s < rs:
            out.append((s, rs))
        if e > re_:
            out.append((re_, e))
    return out
