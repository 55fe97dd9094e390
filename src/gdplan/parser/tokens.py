"""Line tokens: what each segment of the text is, with where it stands."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from gdplan.model import MarkerStyle


class TokenKind(StrEnum):
    BLANK = "blank"
    NOISE = "noise"  # web furniture: navigation, 来源/发布时间, print buttons …
    META = "meta"  # a page's metadata block: 发文字号: …, 成文日期: …
    MARKER = "marker"  # a numbered heading or item starts here
    TEXT = "text"


@dataclass(frozen=True, slots=True)
class Marker:
    style: MarkerStyle
    number: int
    end: int  # offset just after the label (the label is text[token.start:end])


@dataclass(frozen=True, slots=True)
class Segment:
    """A line, a table cell, or a sentence run that carried its own marker."""

    start: int  # offsets into the normalized layers, whitespace trimmed
    end: int
    line: int  # 1-based line in the decoded input
    cell: int | None = None  # column when the segment is a table cell
    row_end: bool = True  # False for a cell that is followed by more cells in its row


@dataclass(frozen=True, slots=True)
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
