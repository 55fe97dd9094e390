"""Tokens → a tree of numbered drafts.

Levels come from the markers a document actually uses, never from fixed positions: a
marker whose style is already open is a sibling at that level (closing what is below
it); a style not open yet starts a level below the current node. So 一、 → （一） → 1．
nests in the seed, 一、 → 1. → 二、 → （一） → 10. nests in a plan whose items run on.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from gdplan.model import Diagnostic, MarkerStyle
from gdplan.parser.rules.signoff import (
    is_attachment,
    is_distribution,
    is_signature,
    read_date,
    signature_start,
)
from gdplan.parser.tokens import Segment, Token, TokenKind


@dataclass
class Draft:
    token: Token
    parent: Draft | None
    path: list[int]
    content: list[Segment] = field(default_factory=list)  # own lines after the marker, before children
    unit_cells: list[Segment] = field(default_factory=list)  # a flattened table's units column
    children: list[Draft] = field(default_factory=list)

    @property
    def style(self) -> MarkerStyle:
        assert self.token.marker is not None
        return self.token.marker.style

    @property
    def level_key(self) -> tuple[MarkerStyle, str]:
        """What makes a level: the style and, within it, the family (第一节 is not 第一章)."""
        assert self.token.marker is not None
        return self.token.marker.style, self.token.marker.family

    @property
    def number(self) -> int:
        assert self.token.marker is not None
        return self.token.marker.number

    def walk(self) -> list[Draft]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


class FrontTokens:
    """The front matter's tokens (before the first marker), kept compact.

    Before the first marker gdplan cannot know whether a plan follows; a large input with
    no plan (or a plan after megabytes of text) would otherwise hold a token object for
    every line. A plain text line is kept as three machine integers and becomes a Token
    again only when iterated; metadata tokens, few, are kept as they are.
    """

    def __init__(self) -> None:
        self._starts = array("q")
        self._ends = array("q")
        self._lines = array("q")
        self._order = array("q")  # for each token in order: -1 a text line, else an index into _meta
        self._meta: list[Token] = []

    def append(self, token: Token) -> None:
        seg = token.segment
        if token.kind is TokenKind.TEXT and seg.cell is None and seg.row_end:
            self._starts.append(seg.start)
            self._ends.append(seg.end)
            self._lines.append(seg.line)
            self._order.append(-1)
        else:
            self._order.append(len(self._meta))
            self._meta.append(token)

    def __iter__(self) -> Iterator[Token]:
        text_at = 0
        for which in self._order:
            if which >= 0:
                yield self._meta[which]
            else:
                seg = Segment(self._starts[text_at], self._ends[text_at], self._lines[text_at])
                text_at += 1
                yield Token(TokenKind.TEXT, seg)

    def __len__(self) -> int:
        return len(self._order)


@dataclass
class Skeleton:
    front: FrontTokens  # what the front-matter reader needs of everything before the first marker
    roots: list[Draft]
    diagnostics: list[Diagnostic]
    signoff: list[Segment] = field(default_factory=list)  # signature and date after the last item

    def drafts(self) -> list[Draft]:
        return [d for root in self.roots for d in root.walk()]


def build_skeleton(text: str, tokens: Iterable[Token]) -> Skeleton:
    """The tree of drafts; ``tokens`` is consumed once, as it comes (nothing else keeps it:
    a token that ends up in no draft and not in the front matter is freed at once)."""
    front = FrontTokens()  # before the first marker: only what the front-matter reader uses
    roots: list[Draft] = []
    stack: list[Draft] = []
    last_number: dict[tuple[MarkerStyle, str], int] = {}
    diagnostics: list[Diagnostic] = []
    seen_marker = False
    for token in tokens:
        if not seen_marker:
            if token.kind is not TokenKind.MARKER:
                if token.kind in _FRONT_KINDS:
                    front.append(token)
                continue
            seen_marker = True
        if token.kind is TokenKind.MARKER:
            assert token.marker is not None
            key = token.marker.style, token.marker.family
            open_at = _level_of(stack, key)
            if open_at is not None:
                del stack[open_at:]
            parent = stack[-1] if stack else None
            siblings = parent.children if parent else roots
            problem = _numbering_problem(text, token, siblings, last_number.get(key, 0))
            if problem:
                diagnostics.append(problem)
            draft = Draft(token, parent, [*(parent.path if parent else []), len(siblings) + 1])
            siblings.append(draft)
            stack.append(draft)
            last_number[key] = token.marker.number
        elif token.kind is TokenKind.TEXT and stack:
            current = stack[-1]
            if _is_unit_cell(text, token.segment):
                current.unit_cells.append(token.segment)
            else:
                current.content.append(token.segment)
    signoff = _take_signoff(text, stack[-1]) if stack else []
    return Skeleton(front, roots, diagnostics, signoff)


_FRONT_KINDS = frozenset({TokenKind.TEXT, TokenKind.META})  # what read_front_matter reads


def _take_signoff(text: str, last: Draft) -> list[Segment]:
    """Cut what a document prints after its last item from that item's text.

    From the end: 抄送 / 印发 lines, then the 成文日期 with up to two signature lines above
    it, then the 附件 list. Returns the signature and date lines, which belong to the notice.
    """
    content = last.content

    def at(i: int) -> str:
        return text[content[i].start : content[i].end] if content[i].cell is None else ""

    end = len(content)
    while end > 0 and is_distribution(at(end - 1)):
        end -= 1
    signoff_start = end
    if end > 0 and read_date(at(end - 1)) is not None:
        signoff_start = signature_start(end - 1, lambda i: is_signature(at(i)))
    signoff = content[signoff_start:end]
    cut = signoff_start
    while cut > 0 and is_attachment(at(cut - 1)):
        cut -= 1
    del content[cut:]
    return signoff


def _level_of(stack: list[Draft], key: tuple[MarkerStyle, str]) -> int | None:
    """The index of the open level that uses ``key`` (style and family), if one does."""
    for i, draft in enumerate(stack):
        if draft.level_key == key:
            return i
    return None


def _is_unit_cell(text: str, seg: Segment) -> bool:
    """The last cell of a table row, after the task cells, holding a list of units."""
    return seg.cell is not None and seg.cell > 0 and seg.row_end and "。" not in text[seg.start : seg.end]


def _numbering_problem(
    text: str, token: Token, siblings: list[Draft], last_of_style: int
) -> Diagnostic | None:
    assert token.marker is not None
    number, key = token.marker.number, (token.marker.style, token.marker.family)
    previous = next((d for d in reversed(siblings) if d.level_key == key), None)
    # The first of its level here starts at 1, or runs on from under the previous parent.
    expected = {previous.number + 1} if previous is not None else {1, last_of_style + 1}
    if number in expected:
        return None
    label = text[token.start : token.marker.end].strip()
    code = "numbering-gap" if number > max(expected) else "numbering-repeat"
    want = " or ".join(str(n) for n in sorted(expected))
    return Diagnostic(
        code=code,
        message=f"{label} is out of sequence: expected number {want}",
        line=token.line,
    )
