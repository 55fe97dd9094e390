"""The front matter before the first numbered part: cover notice, plan title, preamble.

GB/T 9704 gives the order: title, 文号, addressees, body, signature, date; then the plan's
own title and preamble. Copies drop parts, wrap the title over lines, print a page
metadata block (used as a fallback) and web furniture (already tokenized as noise).
Each part is one small rule over the text tokens, matched on the analysis layer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from gdplan.model import Notice
from gdplan.parser import clause as _clause
from gdplan.parser.rules.signoff import SENTENCE_PUNCT, is_signature, read_date
from gdplan.parser.text import NormalizedText
from gdplan.parser.tokens import Segment, Token, TokenKind

_DOC_NUMBER = re.compile(r"\S{1,16}?[〔\[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]\s*第?\s*\d{1,5}\s*号")
_PLAN_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_PREAMBLE_YEAR = re.compile(r"(?:做好|制定|印发|^)((?:19|20)\d{2})\s*年(?:是|工作要点|重点工作|度)")
# The 公文 kinds a document issues itself by (GB/T 9704); a plan (要点, 方案) is what they carry.
_NOTICE_KINDS = ("通知", "意见", "决定", "通报", "批复", "函")
_ISSUED_PLAN = re.compile(r"关于印发(.+?)的通知")
_ADDRESSEE_WORD = re.compile(r"各|单位|政府|部门|机构|委员会|管委|局|厅|办")


@dataclass
class FrontMatter:
    notice: Notice | None = None
    plan_title: str | None = None
    year: int | None = None
    preamble: str | None = None
    problems: list[tuple[int, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    line: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


def read_front_matter(
    nt: NormalizedText, tokens: list[Token], script: str, signoff: Sequence[Segment] = ()
) -> FrontMatter:
    """Read the tokens before the first marker; ``signoff`` is a signature and date printed
    after the last item instead (a document whose body is the plan)."""
    a = nt.analysis
    shown = nt.layer(script)
    meta = {k: (s, e) for t in tokens if t.kind is TokenKind.META for k, s, e in reversed(t.meta) if e > s}
    lines = [
        _Line(t.start, t.end, t.line) for t in tokens if t.kind is TokenKind.TEXT and t.segment.cell is None
    ]
    used: set[int] = set()

    title_at = _find_title(a, lines)
    title = None
    if title_at is not None:
        first, last = title_at
        title = "".join(lines[i].of(shown) for i in range(first, last + 1))
        used.update(range(first, last + 1))
        used.update(_repeated_title(a, lines, title_at))
    after = max(used) + 1 if used else 0

    doc_number = _take(lines, used, after, lambda s: _DOC_NUMBER.fullmatch(s.of(a)) is not None)
    addressees_at = _take(lines, used, after, lambda s: _is_addressees(s.of(a)))
    date_at = _take(lines, used, after, lambda s: read_date(s.of(a)) is not None)
    signature: list[int] = []
    if date_at is not None:
        for i in range(date_at - 1, max(date_at - 3, -1), -1):
            if i in used or not is_signature(lines[i].of(a)):
                break
            signature.insert(0, i)
        used.update(signature)
    closing = [_Line(seg.start, seg.end, seg.line) for seg in signoff]
    date_line: _Line | None
    if date_at is not None:
        date_line, signed = lines[date_at], [lines[i] for i in signature]
    else:
        date_line, signed = (closing[-1], closing[:-1]) if closing else (None, [])

    notice = None
    notice_found = any(x is not None for x in (title_at, doc_number, addressees_at, date_line))
    if notice_found or meta.keys() & {"发文字号", "成文日期", "标题"}:
        notice = Notice(
            title=title or _meta(meta, shown, "标题"),
            doc_number=lines[doc_number].of(shown)
            if doc_number is not None
            else _meta(meta, shown, "发文字号", "文号"),
            addressees=_addressees(nt, lines[addressees_at], shown) if addressees_at is not None else [],
            signature="、".join(line.of(shown) for line in signed) or None,
            date=read_date(date_line.of(a))
            if date_line is not None
            else read_date(_meta(meta, a, "成文日期") or ""),
        )
        analysis_title = (
            "".join(lines[i].of(a) for i in range(title_at[0], title_at[1] + 1)) if title_at else None
        )
        notice.issuer = _issuer(notice, analysis_title, _meta(meta, shown, "发文机关"))
        parts = [lines[i] for i in used] or closing
        if parts:
            notice.span = nt.span(min(p.start for p in parts), max(p.end for p in parts))

    # The plan's own title: the first title-like line after the notice; the rest is preamble.
    body_from = max([*used, date_at if date_at is not None else -1]) + 1 if date_at is not None else after
    if addressees_at is not None and date_at is None:
        body_from = addressees_at + 1
    rest = [i for i in range(body_from, len(lines)) if i not in used]
    plan_title = None
    plan_at = next((i for i in rest if _is_plan_title(lines[i].of(a))), None)
    if plan_at is not None:
        plan_title = lines[plan_at].of(shown)
        rest = [i for i in rest if i > plan_at]
    elif notice is not None and notice.title:
        plan_title = _plan_from_notice_title(title or "", a, lines, title_at, shown)
    preamble = "\n".join(lines[i].of(shown) for i in rest) or None

    year_source = [plan_title or "", title or ""]
    year = _year(nt, year_source, [lines[i].of(a) for i in rest])
    return FrontMatter(notice, plan_title, year, preamble)


def _take(lines: list[_Line], used: set[int], start: int, test: object) -> int | None:
    """The first unused line from `start` on that passes `test`; marks it used."""
    for i in range(start, len(lines)):
        if i not in used and test(lines[i]):  # type: ignore[operator]
            used.add(i)
            return i
    return None


def _find_title(a: str, lines: list[_Line]) -> tuple[int, int] | None:
    """The notice title: a line ending in 通知 (or another 公文 kind after 关于: 意见, 决定 …),
    joined with the lines it wrapped from."""
    for i, line in enumerate(lines):
        s = line.of(a)
        if not s.endswith(_NOTICE_KINDS) or len(s) > 120 or "。" in s:
            continue
        if "关于" in s or "印发" in s:
            return (i, i)
        if not s.endswith("通知"):
            continue  # 意见, 决定 … are titles only with their 关于 (wrapped titles end in 通知)
        # Wrapped over lines: reach back to the earliest line (of three) that holds 关于.
        first = None
        for j in range(i - 1, max(i - 3, -1), -1):
            prev = lines[j].of(a)
            if SENTENCE_PUNCT.search(prev[-1:]) or len(prev) > 40 or lines[j].line < lines[i].line - 4:
                break
            if "关于" in prev:
                first = j
        return (first, i) if first is not None else (i, i)
    return None


def _repeated_title(a: str, lines: list[_Line], at: tuple[int, int]) -> set[int]:
    """A page prints the title twice (page heading, then the document wrapped over lines)."""
    title = "".join(lines[i].of(a) for i in range(at[0], at[1] + 1))
    for i in range(at[1] + 1, len(lines)):
        joined = ""
        for j in range(i, min(i + 4, len(lines))):
            joined += lines[j].of(a)
            if joined == title:
                return set(range(i, j + 1))
            if not title.startswith(joined):
                break
    return set()


def _is_addressees(s: str) -> bool:
    return (
        s.endswith(":")
        and len(s) <= 200
        and "。" not in s
        and "《" not in s
        and _ADDRESSEE_WORD.search(s) is not None
    )


def _is_plan_title(s: str) -> bool:
    # Six characters at least: a table's header cells (工作任务, 责任单位) are not a title.
    return 6 <= len(s) <= 80 and not SENTENCE_PUNCT.search(s[-1:]) and "。" not in s and read_date(s) is None


def _addressees(nt: NormalizedText, line: _Line, shown: str) -> list[str]:
    end = line.end - 1 if nt.analysis[line.end - 1] == ":" else line.end
    return [unit.render(shown) for unit in _clause.split_units(nt.analysis, line.start, end)]


def _meta(meta: dict[str, tuple[int, int]], layer: str, *keys: str) -> str | None:
    """A metadata value (first printed wins), rendered from a text layer."""
    for key in keys:
        if key in meta:
            start, end = meta[key]
            return layer[start:end]
    return None


def _issuer(notice: Notice, analysis_title: str | None, meta_issuer: str | None) -> str | None:
    if notice.title and analysis_title:
        at = analysis_title.find("关于")
        if at > 0:
            return notice.title[:at]
    return meta_issuer or notice.signature


def _plan_from_notice_title(
    title: str, a: str, lines: list[_Line], at: tuple[int, int] | None, shown: str
) -> str | None:
    """关于印发《X》的通知 → X; a notice whose body is the plan keeps its own title."""
    if at is None:
        return title or None
    analysis_title = "".join(lines[i].of(a) for i in range(at[0], at[1] + 1))
    m = _ISSUED_PLAN.search(analysis_title)
    if m is None:
        return title
    start, end = m.span(1)
    inner = analysis_title[start:end]
    if inner.startswith("《") and inner.endswith("》") and inner.count("《") == 1:
        start, end = start + 1, end - 1
    return title[start:end]


def _year(nt: NormalizedText, titles: list[str], preamble: list[str]) -> int | None:
    from gdplan.parser.text import fold_width, to_simplified

    for title in titles:
        m = _PLAN_YEAR.search(fold_width(to_simplified(title)))
        if m:
            return int(m.group(1))
    for line in preamble[:3]:
        m = _PREAMBLE_YEAR.search(line)
        if m:
            return int(m.group(1))
    return None
