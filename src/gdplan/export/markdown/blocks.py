"""Markdown lines → the blocks of gdplan's layout, before any meaning is read from them.

Every structural line is recognisable by its first characters, which the writer never
lets a text line start with (escape.py); whatever lies between structural blocks is a
text gap: the blank separators plus, maybe, a text block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from gdplan.export.markdown import grammar as g
from gdplan.export.markdown.escape import unescape

BlockKind = Literal["title", "node", "quote", "fact", "text"]

_NODE_HEADING = re.compile(rf"#{{2,{g.MAX_HEADING_DEPTH + 1}}} ")


@dataclass
class Block:
    kind: BlockKind
    line: int  # 1-based line of the block's first line in the Markdown
    lines: list[str]


def line_kind(line: str) -> BlockKind:
    if line == "#" or line.startswith("# "):
        return "title"
    if _NODE_HEADING.match(line) or line.startswith(g.BOLD):
        return "node"
    if line.startswith(">"):
        return "quote"
    if line.startswith(g.BULLET):
        return "fact"
    return "text"


def group_blocks(lines: list[str], first_line: int) -> list[Block]:
    """Consecutive quote, fact or text lines form one block; titles and nodes stand alone."""
    blocks: list[Block] = []
    for offset, line in enumerate(lines):
        kind = line_kind(line)
        previous = blocks[-1] if blocks else None
        if previous is not None and previous.kind == kind and kind in ("quote", "fact", "text"):
            previous.lines.append(line)
        else:
            blocks.append(Block(kind, first_line + offset, [line]))
    return blocks


def gap_text(lines: list[str]) -> str | None:
    """The text block inside a gap, without the blank line on each side; None when none."""
    inner = lines[1:] if lines[:1] == [""] else lines
    inner = inner[:-1] if inner[-1:] == [""] else inner
    if not inner:
        return None
    return unescape("\n".join(inner))
