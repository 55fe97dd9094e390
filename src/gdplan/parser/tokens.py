"""Line tokens: what each segment of the text is, with where it stands."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gdplan.model import MarkerStyle, Role


class TokenKind(StrEnum):
    BLANK = "blank"
    NOISE = "noise"  # web furniture: navigation, 来源/发布时间, print buttons …
    META = "meta"  # a page's metadata block: 发文字号: …, 成文日期: …
    MARKER = "marker"  # a numbered heading or item starts here
    CELL = "cell"  # a table cell read by its column (a header, a 序号, units, a time limit …)
    TEXT = "text"


@dataclass(slots=True)
class Marker:
    style: MarkerStyle
    number: int
    end: int  # offset just after the label (the label is text[token.start:end])
    family: str = ""  # a level of its own within the style: 第一节 beside 第一章, 1） beside （1）


@dataclass(slots=True)
class Segment:
    """A line, a table cell, or a sentence run that carried its own marker."""

    start: int  # offsets into the normalized layers, whitespace trimmed
    end: int
    line: int  # 1-based line in the decoded input
    cell: int | None = None  # column when the segment is a table cell
    row_end: bool = True  # False for a cell that is followed by more cells in its row


@dataclass(slots=True)
class Token:
    kind: TokenKind
    segment: Segment
    marker: Marker | None = None
    meta: tuple[tuple[str, int, int], ...] = ()  # (key, value start, value end) for META

    @property
    def start(self) -> int:
        return self.segment.start

    @property
    def end(self) -> int:
        return self.segment.end

    @property
    def line(self) -> int:
        return self.segment.line


class ColumnKind(StrEnum):
    NUMBER = "number"  # 序号
    TASK = "task"  # 工作任务 / 具体措施 …
    UNITS = "units"  # 牵头单位 / 责任单位 / 配合单位 …
    LEADER = "leader"  # 分管领导: people, not units
    DEADLINE = "deadline"  # 完成时限
    REMARK = "remark"  # 备注


@dataclass(frozen=True)
class Column:
    """A table column, from its header cell."""

    header: str  # as printed in the analysis text
    kind: ColumnKind
    role: Role | None = None  # a units column: the role of units no word in the cell names


@dataclass(frozen=True)
class Cell:
    """A cell of a table row that is not its task text: units, a time limit, a remark."""

    segment: Segment
    column: Column
