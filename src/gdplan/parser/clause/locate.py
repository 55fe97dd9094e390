"""Where a node's responsibility clause is: a labelled line, a table cell, the final
parenthetical, a last line listing units (a table flattened one cell per line), or
由X会同Y inside the sentence — tried in that order."""

from __future__ import annotations

from dataclasses import replace

from gdplan.model import ClauseForm
from gdplan.parser.clause import carry, names
from gdplan.parser.clause.deadline import deadline_of
from gdplan.parser.clause.inline import find_inline
from gdplan.parser.clause.roles import LABEL, has_closing_role, label_at, role_at_end
from gdplan.parser.clause.scan import (
    CLOSERS,
    SPACE,
    inner_spans,
    is_top,
    open_of,
    split_top,
    strip_trailing_groups,
    trim,
    unclosed_opener,
)
from gdplan.parser.clause.types import ClauseLocation, Offsets
from gdplan.parser.lazy import lazy
from gdplan.parser.memo import memo

_TAIL = SPACE + "。;；."  # what may follow the clause at the end of a node
_CELL_TAIL = _TAIL + "|"
_NOTE_GAP = _TAIL + ","  # between the clause's brackets and a note after them
_CUT_TAIL = _TAIL + "、,"
_LABEL_AFTER = "\n。;；|"  # a label starts a line or follows the end of a sentence
_CONTINUES = "、,，"  # a labelled line that ends so goes on on the next line
_NOT_IN_NAMES = ("简称", "以下", "下称", "包括", "的")  # (以下简称省数据局) names no unit
# A label that opens the text (words, then a colon): a unit label, or about something else.
_FOREIGN_LABEL = lazy(r"\s*[\u4e00-\u9fff]{2,10}\s*:")
_ETC_TAILS = ("等有关单位", "等相关单位", "等有关部门", "等单位", "等部门", "等")


def locate_clause(text: str, start: int, end: int) -> ClauseLocation | None:
    """The responsibility clause of the node whose own content is ``text[start:end]``."""
    s, e = trim(text, start, end, _TAIL)
    if s >= e:
        return None
    # a labelled line keeps its closing 。 in what is cut from the text
    found = _labelled(text, s, trim(text, s, end)[1])
    if found is not None:
        return found
    for finder in (_table_cell, _final_brackets, _units_line, _inline):
        found = finder(text, s, e)
        if found is not None:
            if finder is _units_line and found.remove is not None:
                # a last line of units keeps its closing 。 in what is cut, as a labelled line does
                found = replace(found, remove=(found.remove[0], trim(text, s, end)[1]))
            return found
    return None


# A bracket group inside the text is a clause only where it closes a sentence or a clause.
_INNER_BEFORE = ("。", ";")
_INNER_AFTER = ("。", ";", ",", "\n")


def locate_inner_clauses(text: str, start: int, end: int) -> list[ClauseLocation]:
    """Bracketed clauses that close a sentence inside ``text[start:end]`` (the node's text
    before its final clause): several tasks in one item, each with its own units
    (加快发行。(财政部负责)推动建设。(…))."""
    found = []
    for inside_start, inside_end in inner_spans(text, start, end):
        opener, after = inside_start - 1, inside_end + 1
        if after > end:
            continue  # left open
        if text[opener - 1 : opener] not in _INNER_BEFORE and text[after : after + 1] not in _INNER_AFTER:
            continue
        loc = locate_clause(text, start, after)
        if loc is not None and loc.remove is not None and loc.remove[0] <= opener and loc.remove[1] >= after:
            found.append(loc)
    return found


# ---- labelled lines: 责任单位:XX / 牵头单位:X;配合单位:Y / 部门分工:… -------------------------


def _labelled(text: str, start: int, end: int) -> ClauseLocation | None:
    if text.find(":", start, end) < 0:
        return None  # every label ends in a colon: most nodes have none
    inside: list[Offsets] | None = None  # bracket groups, found once a label is
    runs: list[Offsets] = []
    for found in LABEL.finditer(text, start, end):
        at = found.start()
        if inside is None:
            inside = inner_spans(text, start, end)
        if not is_top(inside, at) or not _starts_label(text, start, at):
            continue
        if runs and at < runs[-1][1]:
            continue  # a later label of the same run
        runs.append((at, _run_end(text, found.end(), end)))
    if not runs:
        return None
    run_start, run_end = runs[-1]
    label = label_at(text, run_start, run_end)
    assert label is not None
    body = trim(text, label.value_start, run_end, _TAIL)
    if body[0] > body[1]:
        body = (label.value_start, label.value_start)
    return ClauseLocation(
        ClauseForm.LABELLED, body=body, remove=(run_start, run_end), scope=(run_start, body[1])
    )


def _starts_label(text: str, start: int, at: int) -> bool:
    i = at
    while i > start and text[i - 1] in " \t\u3000":
        i -= 1
    # after spaces too: labels printed side by side on one line (责任单位:X  完成时限:Y)
    return i == start or i < at or text[i - 1] in _LABEL_AFTER


def _run_end(text: str, pos: int, end: int) -> int:
    """End of a labelled run: its line, and the next lines that are labels or continuations."""
    line_end = _line_end(text, pos, end)
    while line_end < end:
        last = trim(text, pos, line_end)
        nxt = trim(text, line_end, end)
        if nxt[0] >= nxt[1]:
            break
        next_line_end = _line_end(text, nxt[0], end)
        continues = last[1] > last[0] and text[last[1] - 1] in _CONTINUES
        if (
            not continues
            and LABEL.match(text, nxt[0], next_line_end) is None
            and not _foreign_between(text, nxt[0], next_line_end, end)
        ):
            break
        pos, line_end = nxt[0], next_line_end
    return trim(text, pos, line_end)[1] if line_end > pos else line_end


def _foreign_between(text: str, pos: int, line_end: int, end: int) -> bool:
    """A line of another label (责任领导：X, 完成标志：Y) with a unit label line after it: the run of
    labels goes on over it (its value is no unit list, the grammar passes it over)."""
    if _FOREIGN_LABEL.match(text, pos, line_end) is None or label_at(text, pos, line_end) is not None:
        return False
    while line_end < end:
        nxt = trim(text, line_end, end)
        if nxt[0] >= nxt[1]:
            return False
        next_end = _line_end(text, nxt[0], end)
        if LABEL.match(text, nxt[0], next_end) is not None:
            return True
        if _FOREIGN_LABEL.match(text, nxt[0], next_end) is None:
            return False
        line_end = next_end
    return False


def _line_end(text: str, pos: int, end: int) -> int:
    at = text.find("\n", pos, end)
    return end if at < 0 else at


# ---- a table row flattened to cells: 工作任务 | 具体要求 | 责任单位 | --------------------------


def _table_cell(text: str, start: int, end: int) -> ClauseLocation | None:
    if text.find("|", start, end) < 0:
        return None  # one cell at most
    s, e = trim(text, start, end, _CELL_TAIL)
    cells = [c for c in split_top(text, s, e, "|") if trim(text, *c)[0] < trim(text, *c)[1]]
    if len(cells) < 2:
        return None
    cell = trim(text, *cells[-1])
    if not reads_as_clause(text, *cell):
        return None
    bar = text.rfind("|", s, cell[0])
    cut = bar
    while cut > start and text[cut - 1] in SPACE:
        cut -= 1
    return ClauseLocation(ClauseForm.TABLE, body=cell, remove=(cut, end))


# ---- a table flattened one cell per line: the units cell is the node's last line ----------


def _units_line(text: str, start: int, end: int) -> ClauseLocation | None:
    newline = text.rfind("\n", start, end)
    if newline < 0:
        return None  # the node's only line: its text, not a cell after it
    cell = trim(text, newline + 1, end)
    if "。" in text[cell[0] : cell[1]] or not reads_as_clause(text, *cell) or not _names_units(text, *cell):
        return None
    return ClauseLocation(ClauseForm.TABLE, body=cell, remove=(newline, end))


def _names_units(text: str, start: int, end: int) -> bool:
    """Some part of the line is a list of units, with or without its role word: not a sentence
    that merely ends on a role verb (各单位要加强组织领导,确保任务落实)."""
    for s, e in split_top(text, start, end, ",;"):
        s, e = trim(text, s, e)
        role = role_at_end(text, s, e)
        if role is not None:
            e = trim(text, s, role.start)[1]
        if s < e and all(_part_is_unit(text, *trim(text, *p)) for p in split_top(text, s, e, "、")):
            return True
    return False


# ---- the final parenthetical: (省XX牵头,省YY按职责分工负责) / 〔…〕 / [责任单位:…] ------------------


def _final_brackets(text: str, start: int, end: int) -> ClauseLocation | None:
    if text[end - 1] not in CLOSERS:
        return _cut_brackets(text, start, end)
    opener = open_of(text, end - 1, start)
    if opener is None:
        return None
    content = trim(text, opener + 1, end - 1)
    if _is_note(text, *content):
        # (责任单位排在首位的为牵头单位,下同) after the clause's own brackets, or alone
        before = trim(text, start, opener, _NOTE_GAP)
        if before[1] > before[0] and text[before[1] - 1] in CLOSERS:
            prior = open_of(text, before[1] - 1, start)
            if prior is not None:
                found = _bracketed(text, prior, before[1], notes=(content,), remove_end=end)
                if found is not None:
                    return found
        return ClauseLocation(ClauseForm.BRACKETED, body=content, remove=(opener, end))
    return _bracketed(text, opener, end)


def _bracketed(
    text: str, opener: int, close_end: int, *, notes: tuple[Offsets, ...] = (), remove_end: int | None = None
) -> ClauseLocation | None:
    content = trim(text, opener + 1, close_end - 1)
    remove = (opener, close_end if remove_end is None else remove_end)
    label = label_at(text, *content)
    if label is not None:
        body = trim(text, label.value_start, content[1])
        return ClauseLocation(ClauseForm.LABELLED, body=body, remove=remove, scope=content, notes=notes)
    if not reads_as_clause(text, *content):
        return None
    return ClauseLocation(ClauseForm.BRACKETED, body=content, remove=remove, notes=notes)


def _cut_brackets(text: str, start: int, end: int) -> ClauseLocation | None:
    """The text stops inside the clause's brackets: (市政务服务数据管理局、市有关单位、…负"""
    opener = unclosed_opener(text, start, end)
    if opener is None:
        return None
    content = trim(text, opener + 1, end)
    parts = [trim(text, *p) for p in split_top(text, *content, "、,;。")]
    whole = [p for p in parts[:-1] if p[0] < p[1]]
    if not whole or not all(_part_is_unit(text, *p) for p in whole):
        return None
    last = parts[-1]
    body_end = content[1]
    if not (_part_is_unit(text, *last) or role_at_end(text, *last)):
        body_end = trim(text, content[0], last[0], _CUT_TAIL)[1]
    return ClauseLocation(
        ClauseForm.BRACKETED, body=(content[0], body_end), remove=(opener, end), closed=False
    )


# ---- inside the sentence: 由X会同Y、Z等部门研究提出落实意见 ------------------------------------


def _inline(text: str, start: int, end: int) -> ClauseLocation | None:
    found = find_inline(text, start, end)
    if found is None:
        return None
    return ClauseLocation(ClauseForm.INLINE, body=(found.start, found.end), remove=None)


# ---- what reads as a clause ---------------------------------------------------------------


def reads_as_clause(text: str, start: int, end: int) -> bool:
    """A role verb closes a part, or every part is a unit (a bare list): not (试行), (天地图)."""
    if start >= end:
        return False
    if _FOREIGN_LABEL.match(text, start, end) is not None and label_at(text, start, end) is None:
        # 适用范围:… / 完成标志:… is about something else; a unit label may follow it
        # (牵头领导:X;牵头单位:Y): the clause is read from there
        after = min((i for i in (text.find(c, start, end) for c in ";；") if i >= 0), default=-1)
        return after >= 0 and label_at(text, *trim(text, after + 1, end)) is not None and reads_as_clause(
            text, after + 1, end
        )
    if has_closing_role(text, start, end):
        return True
    parts = [trim(text, *p) for p in split_top(text, start, end, "、,;。")]
    units = 0
    for s, e in parts:
        if s >= e or carry.is_same_below(text, s, e) or deadline_of(text, s, e):
            continue
        if not _part_is_unit(text, s, e):
            return False
        units += 1
    return units > 0


def _part_is_unit(text: str, start: int, end: int) -> bool:
    return _name_is_unit(text[start:end])


@memo(maxsize=4096)
def _name_is_unit(name: str) -> bool:
    if any(word in name for word in _NOT_IN_NAMES):
        return False
    for tail in _ETC_TAILS:
        if name.endswith(tail) and len(name) > len(tail):
            name = name[: -len(tail)]
            break
    name = name[: strip_trailing_groups(name, 0, len(name))]
    return names.looks_like_unit(name, strict=True)


def _is_note(text: str, start: int, end: int) -> bool:
    """A rule closed by 下同 with no units of its own: (责任单位排在首位的为牵头单位,下同)."""
    if "下同" not in text[start:end]:
        return False
    sentences = [trim(text, *p) for p in split_top(text, start, end, ";。")]
    return all(s >= e or carry.states_first_leads(text, s, e) for s, e in sentences)
