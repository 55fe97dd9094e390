"""Clauses inside the sentence: 由X会同Y、Z等部门研究提出落实意见 / 由X会同Y负责落实 / 由X牵头.

X leads and the 会同 partners cooperate. The unit list ends where the sentence goes on
with a verb; that point is found after an organisation ending, so 政策研究室 is not cut at 研究.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gdplan.parser.clause import names
from gdplan.parser.clause.deadline import deadline_of
from gdplan.parser.clause.roles import ROLE_WORDS
from gdplan.parser.clause.scan import inner_spans, is_top, split_top, top_level, trim
from gdplan.parser.clause.types import Offsets
from gdplan.parser.lazy import lazy

_ETC = lazy(r"等(?:有关|相关|其他)?(?:部门|单位|机构)?")
_VERBS = (
    *sorted(ROLE_WORDS, key=len, reverse=True),
    "研究", "提出", "制定", "共同", "组织", "抓紧", "加快", "做好", "出台", "开展", "推进", "完善",
    "建立", "实施", "指导", "督促", "按照", "根据", "结合", "承担", "提供", "统筹", "协调", "推动",
    "加强", "进一步", "切实", "认真", "及时", "联合", "会同", "抓好", "部署", "编制",
)  # fmt: skip
_ROLES_LONGEST_FIRST = tuple(sorted(ROLE_WORDS, key=len, reverse=True))
# Where a unit list may end: a clause separator, or just after an organisation ending. Only
# these positions need a closer look, so the regex engine skips the characters in between.
_UNITS_STOP = lazy(
    "[,;。:]|(?<=[" + re.escape("".join(sorted({e[-1] for e in names.LOOSE_ORG_ENDINGS}))) + "])"
)
_HEADS = ("会同", "牵头负责", "牵头", "负责")
_NOT_ROLES = ("负责同志", "负责人")  # 由省政府负责同志牵头: 负责 is not the role here
_MAX_LEAD = 30  # characters between 由 and 会同/牵头/负责


@dataclass(frozen=True)
class InlineClause:
    start: int  # at 由
    lead: Offsets  # X
    partners: Offsets | None  # Y, Z (with 等部门) after 会同
    end: int  # end of the units, and of the role verb that closes them


def units_end(text: str, start: int, end: int) -> tuple[int, int]:
    """Where a unit list that the sentence continues ends: (end of units, end of its role verb)."""
    flags = top_level(text, start, end)
    for found in _UNITS_STOP.finditer(text, start, end):
        i = found.start()
        if i == end:
            break  # an ending that closes the range: the list runs to the end
        if not flags[i - start]:
            continue
        if found.end() > i:  # a separator (tried first at each position)
            return i, i
        if i == start or not text.endswith(names.LOOSE_ORG_ENDINGS, start, i):
            continue
        etc = _ETC.match(text, i, end)
        if etc is not None:
            return etc.end(), _role_end(text, etc.end(), end)
        if text.startswith(_VERBS, i):
            return i, _role_end(text, i, end)
    return end, end


def _role_end(text: str, pos: int, end: int) -> int:
    for word in _ROLES_LONGEST_FIRST:
        if text.startswith(word, pos) and pos + len(word) <= end:
            return pos + len(word)
    return pos


def read_inline(text: str, start: int, end: int) -> InlineClause | None:
    """Read 由X会同Y… / X会同Y… / 由X牵头 in ``text[start:end]`` (which starts with it)."""
    start, end = trim(text, start, end)
    lead_start = start + 1 if text.startswith("由", start) else start
    head_at, head = -1, ""
    for word in _HEADS:
        at = text.find(word, lead_start + 1, min(end, lead_start + _MAX_LEAD + len(word)))
        if at >= 0 and (head_at < 0 or at < head_at):
            head_at, head = at, word
    if head_at < 0 or text.startswith(_NOT_ROLES, head_at):
        return None
    lead = trim(text, lead_start, head_at)
    if not _reads_as_units(text, *lead):
        return None
    if head != "会同":
        clause_end = _partner_parts_end(text, _role_end(text, head_at, end), end)
        return InlineClause(start, lead, None, clause_end)
    units_stop, clause_end = units_end(text, head_at + 2, end)
    partners = trim(text, head_at + 2, units_stop)
    if partners[0] >= partners[1]:
        return None
    return InlineClause(start, lead, partners, max(clause_end, units_stop))


def _partner_parts_end(text: str, pos: int, end: int) -> int:
    """由X牵头，Y、Z配合，年内完成: the parts right after the lead (由X牵头 / 由X负责) that are
    units closed by a role word belong to the clause, and so does a time limit after them
    (年内完成), which closes it; it ends before the first part that is neither."""
    while pos < end and text[pos] in ",，":
        part_end = min((i for i in (text.find(c, pos + 1, end) for c in ",，") if i >= 0), default=end)
        s, e = trim(text, pos + 1, part_end)
        word = next((w for w in _ROLES_LONGEST_FIRST if text.endswith(w, s, e)), None)
        if word is None or not _reads_as_units(text, s, e - len(word)):
            if deadline_of(text, s, e) is not None:
                pos = e
            break
        pos = e
    return pos


def find_inline(text: str, start: int, end: int) -> InlineClause | None:
    """The first 由X会同Y / 由X牵头 / 由X负责 of the range that names units."""
    at = text.find("由", start, end)
    inside = inner_spans(text, start, end) if at >= 0 else []
    while at >= 0:
        if is_top(inside, at):
            sentence_end = min((i for i in (text.find(c, at, end) for c in "。;") if i >= 0), default=end)
            found = read_inline(text, at, sentence_end)
            if found is not None:
                return found
        at = text.find("由", at + 1, end)
    return _find_joint(text, start, end) or _find_role_sentence(text, start, end)


def _find_joint(text: str, start: int, end: int) -> InlineClause | None:
    """X会同Y负责研究制定 without 由: a sentence that opens with units, then 会同."""
    at = text.find("会同", start, end)
    inside = inner_spans(text, start, end) if at >= 0 else []
    while at >= 0:
        if is_top(inside, at):
            opens = max(text.rfind(c, start, at) for c in "。;\n")
            sentence_start = trim(text, max(opens + 1, start), at)[0]
            sentence_end = min((i for i in (text.find(c, at, end) for c in "。;") if i >= 0), default=end)
            found = read_inline(text, sentence_start, sentence_end)
            if (
                found is not None
                and found.partners is not None
                and _all_strict(text, found.lead, found.partners)
            ):
                return found
        at = text.find("会同", at + 2, end)
    return None


def _find_role_sentence(text: str, start: int, end: int) -> InlineClause | None:
    """X牵头，Y、Z配合，2026年底前完成。 as the node's last sentence, without 由 or brackets: every
    comma part is units closed by a role word (the first one: 牵头 / 负责), but for a time limit
    that closes it. Without 由 the names must read as organisations."""
    stop = trim(text, start, end, "。; \n")[1]
    opens = max(text.rfind(c, start, stop) for c in "。;\n")
    s, e = trim(text, max(opens + 1, start), stop)
    if s >= e or not is_top(inner_spans(text, start, end), s):
        return None
    parts = [trim(text, *p) for p in split_top(text, s, e, ",，")]
    for i, (ps, pe) in enumerate(parts):
        word = next((w for w in _ROLES_LONGEST_FIRST if text.endswith(w, ps, pe)), None)
        if word is not None and (i > 0 or word in _HEADS) and _all_strict(text, (ps, pe - len(word))):
            continue
        if i > 0 and i == len(parts) - 1 and deadline_of(text, ps, pe) is not None:
            continue
        return None
    return InlineClause(s, parts[0], None, e)


def _all_strict(text: str, *spans: Offsets) -> bool:
    """Without 由 nothing marks the units: each must read as an organisation's name."""
    for start, end in spans:
        for s, e in split_top(text, start, end, "、"):
            name = _ETC.sub("", text[slice(*trim(text, s, e))])
            if not names.looks_like_unit(name, strict=True):
                return False
    return True


def _reads_as_units(text: str, start: int, end: int) -> bool:
    if start >= end or any(c in text[start:end] for c in ",;。:"):
        return False
    parts = [trim(text, *p) for p in split_top(text, start, end, "、")]
    return all(names.looks_like_unit(text[s:e]) for s, e in parts)
