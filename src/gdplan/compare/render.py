"""A Comparison as Markdown, self-contained HTML, or JSON.

Markdown and HTML put the two plans side by side (old | new) with the words that changed
marked; a summary comes first. Every text from the inputs is escaped.
"""

from __future__ import annotations

import html
import json

from gdplan.compare.diff import Piece, word_diff
from gdplan.compare.result import Comparison, ItemRef, Pair, Relation

RELATION_NAMES = {
    Relation.SAME: "same",
    Relation.REWORDED: "reworded",
    Relation.MERGED: "merged",
    Relation.SPLIT: "split",
    Relation.MOVED: "moved",
    Relation.DROPPED: "dropped",
    Relation.ADDED: "added",
}


UNCHANGED = "(text unchanged)"  # a same pair shows its titles only: the reader looks for changes


def to_json(comparison: Comparison, *, indent: int | None = 2) -> str:
    return json.dumps(comparison.model_dump(mode="json"), ensure_ascii=False, indent=indent)


def summary_lines(c: Comparison) -> list[str]:
    s = c.summary
    counts = ", ".join(f"{n} {r}" for r, n in s.relations.items() if n)
    return [
        f"old: {c.old.title or c.old.source} ({s.old_items} items) — {c.old.source}",
        f"new: {c.new.title or c.new.source} ({s.new_items} items) — {c.new.source}",
        f"{s.continued} continued, {s.new} new, {s.dropped} dropped, {s.lead_changes} lead changes",
        f"pairs: {counts or 'none'}",
    ]


def _body(refs: list[ItemRef]) -> str:
    return "\n".join(f"{r.title}。{r.text}" if r.text else r.title for r in refs)


def _where(refs: list[ItemRef]) -> str:
    return "; ".join(f"{r.label}{r.title}" for r in refs)


def _pieces(p: Pair) -> tuple[list[Piece], list[Piece]]:
    if p.relation is Relation.SAME and not p.wording_changed:
        return [("equal", UNCHANGED)], [("equal", UNCHANGED)]
    old, new = _body(p.old), _body(p.new)
    if p.old and p.new:
        return word_diff(old, new)
    return ([("removed", old)] if old else []), ([("added", new)] if new else [])


def _units_text(p: Pair) -> str:
    parts = []
    for ch in p.units:
        bits = [f"+{n}" for n in ch.added] + [f"−{n}" for n in ch.removed]
        parts.append(f"{ch.role}: {' '.join(bits)}")
    return "; ".join(parts)


# ---------------------------------------------------------------------------- Markdown

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~"})


def _md(text: str) -> str:
    return text.translate(_MD_SPECIAL).replace("\n", "<br>")


def _md_pieces(pieces: list[Piece]) -> str:
    out = []
    for kind, text in pieces:
        if kind == "equal":
            out.append(_md(text))
        elif kind == "removed":
            out.append(f"~~{_md(text)}~~")
        else:
            out.append(f"**{_md(text)}**")
    return "".join(out)


def to_markdown(c: Comparison) -> str:
    lines = [f"# Comparison: {_md(c.old.title or c.old.source)} → {_md(c.new.title or c.new.source)}", ""]
    lines += [f"- {_md(line)}" for line in summary_lines(c)]
    lines += [
        "",
        "Removed words are ~~struck through~~ in the old text, added words **bold** in the new text.",
        "",
        "| relation | score | old | new | units |",
        "|---|---|---|---|---|",
    ]
    for p in c.pairs:
        left, right = _pieces(p)
        old = (f"{_md(_where(p.old))}<br>" if p.old else "") + _md_pieces(left)
        new = (f"{_md(_where(p.new))}<br>" if p.new else "") + _md_pieces(right)
        lead = " (lead changed)" if p.lead_changed else ""
        units = _md(_units_text(p))
        lines.append(f"| {RELATION_NAMES[p.relation]}{lead} | {p.score:.2f} | {old} | {new} | {units} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- HTML

_CSS = """
body{font-family:sans-serif;margin:1.5em;line-height:1.5}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1px solid #ccc;padding:.4em;vertical-align:top;text-align:left}
th.rel,td.rel{width:7em}
del{background:#fdd;color:#900}
ins{background:#dfd;color:#060;text-decoration:none}
.where{font-weight:bold;display:block}
.units,.reason{font-size:.85em;color:#444;display:block}
tr.dropped td.new,tr.added td.old{background:#f6f6f6}
"""


def _html_pieces(pieces: list[Piece]) -> str:
    out = []
    for kind, text in pieces:
        esc = html.escape(text)
        if kind == "equal":
            out.append(esc)
        elif kind == "removed":
            out.append(f"<del>{esc}</del>")
        else:
            out.append(f"<ins>{esc}</ins>")
    return "".join(out)


def to_html(c: Comparison) -> str:
    e = html.escape
    title = f"Comparison: {c.old.title or c.old.source} → {c.new.title or c.new.source}"
    rows = []
    for p in c.pairs:
        left, right = _pieces(p)
        old = (f'<span class="where">{e(_where(p.old))}</span>' if p.old else "") + _html_pieces(left)
        new = (f'<span class="where">{e(_where(p.new))}</span>' if p.new else "") + _html_pieces(right)
        units = f'<span class="units">{e(_units_text(p))}</span>' if p.units else ""
        lead = "<br>lead changed" if p.lead_changed else ""
        rows.append(
            f'<tr class="{p.relation.value}"><td class="rel">{e(RELATION_NAMES[p.relation])}{lead}'
            f"<br>{p.score:.2f}</td>"
            f'<td class="old">{old}</td><td class="new">{new}{units}'
            f'<span class="reason">{e(p.reason)}</span></td></tr>'
        )
    summary = "".join(f"<li>{e(line)}</li>" for line in summary_lines(c))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body>\n"
        f"<h1>{e(title)}</h1>\n<ul>{summary}</ul>\n"
        '<table><thead><tr><th class="rel">relation</th><th>old</th><th>new</th></tr></thead><tbody>\n'
        + "\n".join(rows)
        + "\n</tbody></table></body></html>\n"
    )
