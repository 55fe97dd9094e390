"""The naive line splitter users write: the yardstick of bench_parse.py, not a product.

Four marker regexes (一、 （一） 1． （1）) say where a numbered line starts and at which
level; everything up to the first 。 is the title; the last full-width bracket of the line
is the responsibility clause, split at ，、； into units, a unit ending in 牵头 being the
lead. Lines without a marker are appended to the open node. The result is a tree of plain
dicts. It finds the seed's 73 numbered lines and scores responsibility F1 0.24 on the dev
corpus (``main`` below writes what the scorer reads); what it skips (notices, wrapped lines,
inline and labelled clauses, 下同, shared prefixes, tables, other marker families) is the
grammar gdplan does.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import regex

LEVELS = [
    regex.compile(r"^\s*([一二三四五六七八九十]+、)"),
    regex.compile(r"^\s*(（[一二三四五六七八九十]+）)"),
    regex.compile(r"^\s*(\d+[．.])"),
    regex.compile(r"^\s*(（\d+）)"),
]
LAST_BRACKET = regex.compile(r"（([^（）]*)）[。；]?\s*$")
SEPARATORS = regex.compile(r"[，、；]")


def marker_at(line: str) -> tuple[int, regex.Match[str] | None]:
    """The level of the first marker regex that matches at the start of the line, and its match."""
    for level, marker in enumerate(LEVELS):
        found = marker.match(line)
        if found is not None:
            return level, found
    return -1, None


def parse(path: Path) -> list[dict[str, Any]]:
    text = path.read_bytes().decode("utf-8")
    roots: list[dict[str, Any]] = []
    stack: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        level, found = marker_at(line)
        if found is None:
            if stack and line.strip():
                stack[-1]["text"] += "\n" + line.strip()
            continue
        body = line[found.end() :].strip()
        title, stop, rest = body.partition("。")
        node: dict[str, Any] = {
            "label": found.group(1),
            "level": level,
            "line": number,
            "title": title,
            "text": rest if stop else "",
            "lead": [],
            "responsible": [],
            "clause": None,
            "children": [],
        }
        clause = LAST_BRACKET.search(body)
        if clause is not None:
            node["clause"] = clause.group(1)
            for unit in SEPARATORS.split(clause.group(1)):
                if unit.endswith("牵头"):
                    node["lead"].append(unit[: -len("牵头")])
                elif unit:
                    node["responsible"].append(unit.removesuffix("负责"))
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else roots).append(node)
        stack.append(node)
    return roots


def count(nodes: list[dict[str, Any]]) -> int:
    return sum(1 + count(node["children"]) for node in nodes)


def rows(nodes: list[dict[str, Any]], path: tuple[int, ...] = ()) -> list[dict[str, Any]]:
    """The tree as JSONL rows with the contract's keys the scorer reads (path by position)."""
    out: list[dict[str, Any]] = []
    for ordinal, node in enumerate(nodes, start=1):
        here = (*path, ordinal)
        kind = "heading" if node["children"] else "item"
        out.append({"kind": kind, "path": list(here), "title": node["title"], "lead": node["lead"],
                    "responsible": node["responsible"], "clause": node["clause"]})  # fmt: skip
        out += rows(node["children"], here)
    return out


def main(argv: list[str]) -> int:
    """``naive.py`` prints the seed's counts; ``naive.py convert FILE --to json|jsonl -o OUT``
    writes what /work/shared/tools/score.py reads, so the yardstick can be scored too:
    ``score.py CORPUS --gdplan "python bench/naive.py"``."""
    if not argv:
        seed = Path(__file__).resolve().parents[1] / "samples" / "gd-2025-digital-seed.txt"
        tree = parse(seed)
        print(f"{count(tree)} nodes, {len(tree)} top-level")
        return 0
    source, fmt, out = Path(argv[1]), argv[argv.index("--to") + 1], Path(argv[argv.index("-o") + 1])
    tree = parse(source)
    if fmt == "json":
        out.write_text(json.dumps({"children": tree}, ensure_ascii=False), encoding="utf-8")
    else:
        out.write_text(
            "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows(tree)), encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
