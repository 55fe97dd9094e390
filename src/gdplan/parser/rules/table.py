"""Tables read by their columns (DOMAIN.md §3b).

A table reaches us flattened: one cell per line (blank lines between), or a row per line
with ``|`` between cells. Its header row names the columns (序号 | 工作任务 | 牵头单位 |
完成时限 …, words in ``table_columns.toml``); every later cell is read by its column:

- a 序号 cell (or a bare number on its own line) numbers the row: the task cell after it
  becomes a marker of style ``table-row`` whose label is that number;
- a task cell that starts with a marker (1. / (一)) is that marker; in a table whose rows
  are not numbered at all, each task cell starts the next row;
- the other cells (units, time limit, leaders, remarks) are cells of the row they follow,
  in header order; a column a row has no cell for is skipped (an empty or merged cell);
- a row with no cells of its own, followed by another row of the same group, shares the
  cells of the row before it (cells merged over several rows appear once, on the first).

The rule runs over the token stream after the line rules (see ``gdplan.parser.ruler``):
it turns header and row cells into ``CELL`` tokens, which the tree builder leaves out of
the nodes' text, and returns each row's cells by the start of the row's task token.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from gdplan.model import MarkerStyle, Role
from gdplan.parser.clause.deadline import deadline_of
from gdplan.parser.clause.locate import reads_as_clause
from gdplan.parser.lazy import lazy
from gdplan.parser.tokens import Cell, Column, ColumnKind, Marker, Segment, Token, TokenKind

Rows = dict[int, tuple[Cell, ...]]  # the start of a row's task token → the row's cells

_SPACES = lazy(r"\s+")
_BARE_NUMBER = lazy(r"\d{1,3}")
_CELL_TRIM = " \t\u3000。;"
# Short cells: a time limit or a leader's name is a few words, never a paragraph.
_SHORT = 30


@functools.cache
def _columns_data() -> dict[str, Any]:
    """table_columns.toml (read once)."""
    raw = resources.files(__package__).joinpath("table_columns.toml").read_text(encoding="utf-8")
    return tomllib.loads(raw)


@functools.cache
def columns() -> dict[str, Column]:
    """Header word → column, from table_columns.toml."""
    out: dict[str, Column] = {}
    for name, entry in _columns_data().items():
        kind = ColumnKind.UNITS if "role" in entry else ColumnKind(name)
        role = Role(entry["role"]) if "role" in entry else None
        for header in entry["headers"]:
            out[header] = Column(header, kind, role)
    return out


def _task_ending_words() -> str:
    """The endings that name a task column (任务, 措施 …), as an alternation."""
    return "|".join(map(re.escape, _columns_data()["task"].get("endings", [])))


@functools.cache
def _task_endings() -> re.Pattern[str]:
    """A header cell not listed that names a task column by its ending (改革任务)."""
    return re.compile(r"[\u4e00-\u9fff]{0,6}(?:" + _task_ending_words() + ")")


def column_of(text: str) -> Column | None:
    """The column a header cell names, or None (spaces inside the cell ignored)."""
    word = _SPACES.sub("", text)
    found = columns().get(word)
    if found is None and _task_endings().fullmatch(word) is not None:
        return Column(text.strip(), ColumnKind.TASK, None)
    return None if found is None else Column(text.strip(), found.kind, found.role)


@functools.cache
def _header_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A task header word, and a units or deadline header word (spaces allowed inside)."""

    def any_of(kinds: set[ColumnKind]) -> str:
        words = sorted({h for h, c in columns().items() if c.kind in kinds}, key=len, reverse=True)
        return "|".join(r"\s*".join(map(re.escape, w)) for w in words)

    # A text holds a header ending in 任务 (改革任务, see _task_endings) wherever it holds 任务:
    # the characters before the ending may be none, so a search needs the endings alone
    # (their [\u4e00-\u9fff]{0,6} made every position of the text a trial, ten times slower).
    task = re.compile(any_of({ColumnKind.TASK}) + "|" + _task_ending_words())
    return task, re.compile(any_of({ColumnKind.UNITS, ColumnKind.DEADLINE}))


def may_hold_table(text: str) -> bool:
    """Whether ``text`` has the words a header row needs (a task column and a units or deadline
    column): without them no table is read, so the tokens need not be held to look ahead."""
    task, units = _header_words()
    # units first: most plans name tasks (任务) but print no units header
    return units.search(text) is not None and task.search(text) is not None


def read_tables(text: str, tokens: Sequence[Token]) -> tuple[list[Token], Rows]:
    """The tokens with every table read by its columns, and each row's cells."""
    out: list[Token] = []
    rows: Rows = {}
    i = 0
    while i < len(tokens):
        header = _header_at(text, tokens, i)
        if header is None:
            out.append(tokens[i])
            i += 1
            continue
        n, cols = header
        out.extend(Token(TokenKind.CELL, t.segment) for t in tokens[i : i + n])
        end = _table_end(text, tokens, i + n)
        body, table_rows = _Table(text, cols).read(tokens[i + n : end])
        out.extend(body)
        rows.update(table_rows)
        i = end
    return out, rows


def _header_at(text: str, tokens: Sequence[Token], i: int) -> tuple[int, list[Column]] | None:
    """The header row that starts at token ``i``: (its number of tokens, its columns)."""
    cols: list[Column] = []
    j = i
    while j < len(tokens):
        t = tokens[j]
        if t.kind is TokenKind.BLANK:
            j += 1
            continue
        if t.kind is not TokenKind.TEXT:
            break
        col = column_of(text[t.start : t.end])
        if col is None:
            break
        cols.append(col)
        j += 1
    kinds = {c.kind for c in cols}
    if len(cols) < 2 or ColumnKind.TASK not in kinds or not kinds & {ColumnKind.UNITS, ColumnKind.DEADLINE}:
        return None
    while j > i and tokens[j - 1].kind is TokenKind.BLANK:
        j -= 1
    return j - i, cols


def _table_end(text: str, tokens: Sequence[Token], start: int) -> int:
    """Where the table ends: at the next header row, else at the end of the text."""
    for j in range(start, len(tokens)):
        if tokens[j].kind is TokenKind.TEXT and _header_at(text, tokens, j) is not None:
            return j
    return len(tokens)


@dataclass
class _Row:
    key: int  # the start of its task token
    style: MarkerStyle
    group: int  # rows of one group share merged cells
    cells: list[Cell] = field(default_factory=list)
    tasks: int = 1  # the task cells read so far (a table may have two task columns)


class _Table:
    def __init__(self, text: str, cols: list[Column]) -> None:
        self.text = text
        self.attrs = [c for c in cols if c.kind not in (ColumnKind.NUMBER, ColumnKind.TASK)]
        self.numbered = any(c.kind is ColumnKind.NUMBER for c in cols)
        self.tasks = sum(1 for c in cols if c.kind is ColumnKind.TASK)
        self.rows: list[_Row] = []
        self.row: _Row | None = None
        self.pointer = 0  # the next attribute column a cell of the current row may fill
        self.group = 0
        self.ordinal = 0  # rows of a table numbered neither by 序号 nor by markers

    def read(self, tokens: Sequence[Token]) -> tuple[list[Token], Rows]:
        # Rows are numbered when the table has a 序号 column, bare numbers or markers.
        self.numbered |= any(
            t.kind is TokenKind.MARKER or (t.kind is TokenKind.TEXT and self._is_number(t)) for t in tokens
        )
        out: list[Token] = []
        pending: Token | None = None  # a 序号 cell waiting for its task cell
        for t in tokens:
            if t.kind is TokenKind.BLANK:
                out.append(t)
                continue
            if t.kind is TokenKind.MARKER:
                if pending is not None:
                    out.append(Token(TokenKind.CELL, pending.segment))
                    pending = None
                self._start(t, same_group=True)
                out.append(t)
                continue
            if t.kind is not TokenKind.TEXT:
                out.append(t)
                continue
            if self._is_number(t) and pending is None:
                pending = t
                continue
            if pending is not None:
                number = int(self._cell(pending))
                seg = Segment(pending.start, t.end, pending.line)
                marker = Marker(MarkerStyle.TABLE_ROW, number, t.start)
                row_token = Token(TokenKind.MARKER, seg, marker=marker)
                pending = None
                self._start(row_token, same_group=False)
                out.append(row_token)
                continue
            if self._second_task(t):
                out.append(t)  # 重点工作 | 具体措施: the measure goes on the row's task text
                continue
            column = self._fit(t)
            if column is not None and self.row is not None:
                cell = Cell(t.segment, self.attrs[column])
                self.row.cells.append(cell)
                self.pointer = column + 1
                out.append(Token(TokenKind.CELL, t.segment))
                continue
            if not self.numbered and (self.row is None or self.pointer > 0):
                self.ordinal += 1
                row_token = Token(
                    TokenKind.MARKER, t.segment, marker=Marker(MarkerStyle.TABLE_ROW, self.ordinal, t.start)
                )
                self._start(row_token, same_group=True)
                out.append(row_token)
                continue
            out.append(t)  # the task cell goes on (a cell of several paragraphs)
        if pending is not None:
            out.append(pending)
        self._close(followed=False)
        return out, {r.key: tuple(r.cells) for r in self.rows if r.cells}

    def _cell(self, t: Token) -> str:
        return self.text[t.start : t.end].strip(_CELL_TRIM)

    def _is_number(self, t: Token) -> bool:
        return t.segment.cell in (None, 0) and _BARE_NUMBER.fullmatch(self._cell(t)) is not None

    def _start(self, t: Token, *, same_group: bool) -> None:
        self._close(followed=True)
        assert t.marker is not None
        if not same_group or (self.row is not None and self.row.style is not t.marker.style):
            self.group += 1
        self.row = _Row(t.start, t.marker.style, self.group)
        self.rows.append(self.row)
        self.pointer = 0

    def _close(self, *, followed: bool) -> None:
        """A row without cells of its own, followed by another, shares its group's merged cells."""
        row = self.row
        if row is None or row.cells or not followed or len(self.rows) < 2:
            return
        before = self.rows[-2]
        if before.style is row.style and before.group == row.group and before.cells:
            row.cells = list(before.cells)

    def _second_task(self, t: Token) -> bool:
        """A cell of a further task column: the row has read fewer task cells than the table has
        task columns, none of its other cells yet, and the cell is no list of units for the first
        units column (a row whose merged group cell was left out starts on its measure)."""
        row = self.row
        if row is None or self.pointer or row.tasks >= self.tasks or not self.attrs:
            return False
        first = self.attrs[0]
        if first.kind is not ColumnKind.UNITS or _fits(self.text, t.start, t.end, first):
            return False
        row.tasks += 1
        return True

    def _fit(self, t: Token) -> int | None:
        """The first attribute column from the pointer that the cell's text fits."""
        if self.row is None:
            return None
        s, e = t.start, t.end
        while e > s and self.text[e - 1] in _CELL_TRIM:
            e -= 1
        for i in range(self.pointer, len(self.attrs)):
            if _fits(self.text, s, e, self.attrs[i]):
                return i
        return None


def _fits(text: str, start: int, end: int, column: Column) -> bool:
    if start >= end:
        return False
    kind = column.kind
    if kind is ColumnKind.UNITS:
        return reads_as_clause(text, start, end)
    short = end - start <= _SHORT and "。" not in text[start:end]
    if kind is ColumnKind.DEADLINE:
        return deadline_of(text, start, end) is not None or short
    if kind is ColumnKind.LEADER:
        return short
    return kind is ColumnKind.REMARK and short
