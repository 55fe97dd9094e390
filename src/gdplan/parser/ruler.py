"""The ruler: runs the line rules in order over each segment and emits tokens, then the
token rules over the whole stream (tables, read by their columns)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gdplan.model import MarkerStyle
from gdplan.parser.rules.markers import marker_at, marker_family
from gdplan.parser.rules.metadata import MAX_BLANKS_BEFORE_VALUE, is_value_below, read_metadata
from gdplan.parser.rules.noise import is_noise
from gdplan.parser.rules.signoff import is_attachment_list
from gdplan.parser.rules.table import Rows, may_hold_table, read_tables
from gdplan.parser.tokens import Marker, Segment, Token, TokenKind


def read_tokens(text: str, segments: Iterable[Segment]) -> tuple[Iterable[Token], Rows]:
    """The line rules, then the token rules: the tokens and each table row's cells.

    A text without a table's header words is streamed: its tokens are never all held at
    once, so memory stays a few times the input (the table rule looks ahead, and holds them).
    """
    if not may_hold_table(text):
        return tokenize(text, segments), {}
    return read_tables(text, list(tokenize(text, segments)))


def tokenize(text: str, segments: Iterable[Segment]) -> Iterator[Token]:
    awaiting: tuple[tuple[str, int, int], ...] | None = None  # a metadata key whose value is on a later line
    blanks = 0  # blank lines since the key that awaits its value
    listing_attachments = False  # after 附件：1.…, the lines 2.… 3.… name attachments, not items
    for seg in segments:
        token = classify(text, seg)
        if token.kind is TokenKind.BLANK:
            blanks += 1
            if blanks > MAX_BLANKS_BEFORE_VALUE:
                awaiting = None
        if awaiting is not None and token.kind is TokenKind.TEXT:
            key = awaiting[-1][0]
            if is_value_below(key, text, seg.start, seg.end):
                token = Token(TokenKind.META, seg, meta=((key, seg.start, seg.end),))
        if listing_attachments and token.marker is not None and token.marker.style in _ATTACHMENT_NUMBERS:
            token = Token(TokenKind.TEXT, seg)
        elif token.kind is not TokenKind.BLANK:
            listing_attachments = token.kind is TokenKind.TEXT and is_attachment_list(
                text[seg.start : seg.end]
            )
        if token.kind is not TokenKind.BLANK:
            last = token.meta[-1] if token.kind is TokenKind.META else None
            awaiting = token.meta if last is not None and last[1] == last[2] else None
            blanks = 0
        yield token


_ATTACHMENT_NUMBERS = (MarkerStyle.ARABIC_DOT, MarkerStyle.ARABIC_DUN, MarkerStyle.ARABIC_PAREN)


def classify(text: str, seg: Segment) -> Token:
    start, end = seg.start, seg.end
    if start == end:
        return Token(TokenKind.BLANK, seg)
    # Markers first: no furniture or metadata line starts with one, and most lines of a
    # plan do, so the costlier furniture patterns run only on the rest.
    found = marker_at(text, start, end)
    if found is not None:
        style, number, label_end = found
        family = marker_family(style, text, start, label_end)
        return Token(TokenKind.MARKER, seg, marker=Marker(style, number, label_end, family))
    if is_noise(text, start, end):
        return Token(TokenKind.NOISE, seg)
    meta = read_metadata(text, start, end)
    if meta is not None:
        return Token(TokenKind.META, seg, meta=meta)
    return Token(TokenKind.TEXT, seg)
