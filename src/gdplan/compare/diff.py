"""Which words changed between two texts: difflib over jieba tokens."""

from __future__ import annotations

from difflib import SequenceMatcher
from typing import Literal

from gdplan.compare import text as T

Piece = tuple[Literal["equal", "removed", "added"], str]


def word_diff(old: str, new: str) -> tuple[list[Piece], list[Piece]]:
    """The old text and the new text as printed, cut into pieces, changed ones marked removed /
    added. Tokens are compared folded (script, width, spacing), so only wording counts."""
    a, b = T.raw_tokens(old), T.raw_tokens(new)
    left: list[Piece] = []
    right: list[Piece] = []
    matcher = SequenceMatcher(None, [T.normalize(t) for t in a], [T.normalize(t) for t in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            left.append(("equal", "".join(a[i1:i2])))
            right.append(("equal", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(("removed", "".join(a[i1:i2])))
        if j2 > j1:
            right.append(("added", "".join(b[j1:j2])))
    return left, right
