"""The front matter before the first numbered part: cover notice, plan title, preamble.

GB/T 9704 gives the order: title, 文号, addressees, body, signature, date; then the plan's
own title and preamble. Copies drop parts, wrap the title over lines, print a page
metadata block (used as a fallback) and web furniture (already tokenized as noise).
Each part is one small rule over the text tokens, matched on the analysis layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from gdplan.model import Notice
from gdplan.parser.addressees import read_addressees
from gdplan.parser.clause.names import ends_like_org
from gdplan.parser.lazy import lazy
from gdplan.parser.numerals import cn_to_int
from gdplan.parser.rules.metadata import TITLE_KEYS
from gdplan.parser.rules.signoff import SENTENCE_PUNCT, is_signature, read_date, signature_start
from gdplan.parser.text import NormalizedText, fold_width, to_simplified
from gdplan.parser.tokens import Segment, Token, TokenKind

_DOC_NUMBER = lazy(r"\S{1,16}?[〔\[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]\s*第?\s*\d{1,5}\s*号")
_PLAN_YEAR = lazy(r"((?:19|20)\d{2})\s*年")
_PLAN_YEAR_CN = lazy(r"([一二][〇零○O一二三四五六七八九]{3})\s*年")  # 二〇二七年
# 2026-2028年, 2026—2028年, 2026年-2028年, 2026至2028年: a plan for several years.
_YEAR_RANGE = lazy(r"(?:19|20)\d{2}\s*年?\s*(?:[-—–~～至到]|——)\s*(?:19|20)\d{2}")
# A bracketed period or status after a title: (2026-2028年), (试行), (征求意见稿).
_BRACKETED_TAIL = lazy(r"\s*[(〔][^()〔〕]{1,16}[)〕]\s*$")
# The 公文 kinds a document issues itself by (GB/T 9704); a plan (要点, 方案) is what they carry.
_NOTICE_KINDS = ("通知", "意见", "决定", "通报", "通告", "公告", "批复", "函")
_KIND_ALTERNATIVES = "|".join(_NOTICE_KINDS)
# What a plan's own title ends in (a wrapped title's last line does too).
_PLAN_KINDS = (
    "要点", "方案", "清单", "任务", "意见", "计划", "安排", "措施", "分工", "分解", "规划", "细则",
    "分解表", "分工表", "任务表", "一览表", "安排表", "推进表", "计划表", "台账",
)  # fmt: skip
_ISSUED_PLAN = lazy(r"(?:关于印发|印发(?=《))(.+?)的通知")  # X关于印发Y的通知 / X印发《Y》的通知
_HEADLINE_NUMBER = r"[^\s《》。,:]{1,10}?[〔\[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]\s*第?\s*\d{1,5}\s*号"
# A page headline: an optional 文号, the title (in 《》 or bare), an optional 文号 after it.
_HEADLINE = lazy(
    rf"(?P<before>{_HEADLINE_NUMBER})?\s*(?P<open>《)?(?P<title>[^《》]+(?:{_KIND_ALTERNATIVES}))(?(open)》)\s*(?P<after>{_HEADLINE_NUMBER})?"
)
_ADDRESSEE_WORD = lazy(r"各|单位|政府|部门|机构|委员会|管委|局|厅|办")


@dataclass
class FrontMatter:
    notice: Notice | None = None
    plan_title: str | None = None
    year: int | None = None
    preamble: str | None = None
    # Parts of a 公文 frame printed in the text (title, 文号, addressees, date): two make a
    # notice that stands without its plan.
    frame_parts: int = 0

    @property
    def is_notice_frame(self) -> bool:
        return self.notice is not None and self.frame_parts >= 2


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    line: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass
class _NoticeParts:
    """Where each part of the cover notice stands among the front lines (indexes)."""

    title: tuple[int, int] | None = None  # first and last line of a wrapped title
    # A headline that prints the title with its 文号 (X府办〔2027〕5号《关于…的通知》): where
    # in its line each stands.
    headline_title: tuple[int, int] | None = None
    headline_number: tuple[int, int] | None = None
    doc_number: int | None = None
    addressees: int | None = None  # the line that ends the list with its colon
    addressees_from: int | None = None  # the line it starts on (a long list wraps)
    date: _Line | None = None
    signature: list[_Line] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # lines that belong to the notice
    date_in_front: bool = False

    def found(self) -> bool:
        return self.count() > 0

    def count(self) -> int:
        return sum(x is not None for x in (self.title, self.doc_number, self.addressees, self.date))


def read_front_matter(
    nt: NormalizedText,
    tokens: Iterable[Token],
    script: str,
    signoff: Sequence[Segment] = (),
    *,
    has_plan: bool = True,
) -> FrontMatter:
    """Read the tokens before the first marker; ``signoff`` is a signature and date printed
    after the last item instead (a document whose body is the plan). ``has_plan`` is False
    when no numbered plan follows (a notice whose plan was an attachment): then the notice's
    lines are all there is, and no plan title is read or inferred."""
    a, shown = nt.analysis, nt.layer(script)
    meta = {k: (s, e) for t in tokens if t.kind is TokenKind.META for k, s, e in reversed(t.meta) if e > s}
    lines = [
        _Line(t.start, t.end, t.line) for t in tokens if t.kind is TokenKind.TEXT and t.segment.cell is None
    ]
    parts = _find_parts(a, lines, [_Line(seg.start, seg.end, seg.line) for seg in signoff])

    def joined(layer: str) -> str | None:
        if parts.headline_title is not None:
            return layer[slice(*parts.headline_title)]
        if parts.title is None:
            return None
        return "".join(lines[i].of(layer) for i in range(parts.title[0], parts.title[1] + 1))

    notice = None
    meta_title = _meta(meta, a, *TITLE_KEYS)
    # The title as printed above the body, else as the metadata block gives it.
    title_a = joined(a) or meta_title
    # A page's metadata block makes a notice when it names one: a 文号, a 成文日期, or a
    # title that is a 公文's (…的通知); a table's own name (…分解表) is the plan's title.
    if parts.found() or meta.keys() & {"发文字号", "成文日期"} or _is_notice_title(meta_title):
        notice = _notice(nt, shown, lines, parts, meta, joined(shown), title_a)

    # The plan's own title: the first title-like line after the notice; the rest is preamble.
    rest = [i for i in range(_body_start(parts), len(lines)) if i not in parts.used]
    plan_at = _plan_title_at(a, lines, rest) if has_plan else None
    plan_title = None
    if not has_plan:
        pass
    elif plan_at is not None:
        plan_end = plan_at
        # A long title wraps: the next line ends the title when it ends in a plan word, or
        # holds only the bracketed period or status: (2026-2028年), (试行).
        following = plan_at + 1
        if following in rest and _ends_wrapped_plan_title(lines[plan_at].of(a), lines[following].of(a)):
            plan_end = following
        plan_title = _unbracketed("".join(lines[i].of(shown) for i in range(plan_at, plan_end + 1)))
        printed = "".join(lines[i].of(a) for i in range(plan_at, plan_end + 1))
        # Lines before the title are web furniture; a page may print the title twice.
        rest = [i for i in rest if i > plan_end and lines[i].of(a) != printed]
    elif notice is not None and notice.title:
        plan_title = _plan_from_notice_title(notice.title, title_a)
    preamble = "\n".join(lines[i].of(shown) for i in rest) or None
    year = _year([plan_title, notice.title if notice else None])
    return FrontMatter(notice, plan_title, year, preamble, parts.count())


def _plan_title_at(a: str, lines: list[_Line], rest: list[int]) -> int | None:
    """The first title-like line, passing over a bare unit name (a site's or a bureau's name
    printed above the title: 某区教育局 / 某区教育局2027年重点工作任务分解表)."""
    candidates = [i for i in rest if _is_plan_title(lines[i].of(a))]
    for n, i in enumerate(candidates):
        s = lines[i].of(a)
        later = candidates[n + 1 :]
        if _is_bare_unit_name(s) and any(_reads_as_plan_title(lines[j].of(a)) for j in later):
            continue
        return i
    return None


def _reads_as_plan_title(s: str) -> bool:
    """More of a plan's title than a bare name: a plan word at its end, or a year in it."""
    return _ends_in_plan_kind(s) or _PLAN_YEAR.search(s) is not None


def _is_bare_unit_name(s: str) -> bool:
    return ends_like_org(s, strict=True) and not _ends_in_plan_kind(s) and _PLAN_YEAR.search(s) is None


def _find_parts(a: str, lines: list[_Line], closing: list[_Line]) -> _NoticeParts:
    """Title, then 文号, addressees and date in the lines after it, the signature above the date."""
    parts = _NoticeParts(title=_find_title(a, lines))
    if parts.title is None:
        # A page headline may be the only place the title stands: with its 文号, or in 《》.
        headline = next(((i, h) for i, line in enumerate(lines) if (h := _headline(a, line))), None)
        if headline is not None:
            i, (parts.headline_title, parts.headline_number) = headline
            parts.title = (i, i)
    if parts.title is not None:
        parts.used.update(range(parts.title[0], parts.title[1] + 1))
        parts.used.update(_repeated_title(a, lines, parts.title))
    after = max(parts.used) + 1 if parts.used else 0

    def is_doc_number(line: _Line) -> bool:
        return _DOC_NUMBER.fullmatch(line.of(a)) is not None

    parts.doc_number = _take(lines, parts.used, after, is_doc_number)
    if parts.doc_number is None and parts.title is not None:
        # GB/T 9704 prints the 发文字号 above the title, under the 版头 (XX文件).
        above = max(parts.title[0] - 3, 0)
        parts.doc_number = _take(lines[: parts.title[0]], parts.used, above, is_doc_number)
    parts.addressees = _take(lines, parts.used, after, lambda s: _is_addressees(s.of(a)))
    if parts.addressees is not None:
        first = parts.addressees
        while first > after and first - 1 not in parts.used and _continues_list(lines[first - 1].of(a)):
            first -= 1
        parts.used.update(range(first, parts.addressees))
        parts.addressees_from = first
    date_at = _take(lines, parts.used, after, lambda s: read_date(s.of(a)) is not None)
    if date_at is not None:
        first = signature_start(date_at, lambda i: i not in parts.used and is_signature(lines[i].of(a)))
        signature = list(range(first, date_at))
        parts.used.update(signature)
        parts.date, parts.signature, parts.date_in_front = lines[date_at], [lines[i] for i in signature], True
    elif (signed := _take(lines, parts.used, after, lambda s: _signed_date(a, s) is not None)) is not None:
        # 某市人民政府    2027年3月5日: the right-aligned signature and date on one line.
        found = _signed_date(a, lines[signed])
        assert found is not None
        parts.signature, parts.date, parts.date_in_front = [found[0]], found[1], True
    elif closing:
        parts.date, parts.signature = closing[-1], closing[:-1]
    return parts


_SIGNED_DATE = lazy(r"(\S.*?)\s+(\S+)")


def _signed_date(a: str, line: _Line) -> tuple[_Line, _Line] | None:
    """A line that holds a signature, spaces, then the date: the two parts."""
    m = _SIGNED_DATE.fullmatch(a, line.start, line.end)
    if m is None or not is_signature(m.group(1)) or read_date(m.group(2)) is None:
        return None
    return _Line(m.start(1), m.end(1), line.line), _Line(m.start(2), m.end(2), line.line)


def _notice(
    nt: NormalizedText,
    shown: str,
    lines: list[_Line],
    parts: _NoticeParts,
    meta: dict[str, tuple[int, int]],
    title: str | None,
    analysis_title: str | None,
) -> Notice:
    a = nt.analysis
    notice = Notice(
        title=title or _meta(meta, shown, *TITLE_KEYS),
        doc_number=lines[parts.doc_number].of(shown)
        if parts.doc_number is not None
        else shown[slice(*parts.headline_number)]
        if parts.headline_number is not None
        else _meta(meta, shown, "发文字号", "文号"),
        addressees=_addressees(nt, lines[parts.addressees_from], lines[parts.addressees], shown)
        if parts.addressees is not None and parts.addressees_from is not None
        else [],
        signature="、".join(_offices(line.of(shown)) for line in parts.signature) or None,
        date=read_date(parts.date.of(a))
        if parts.date is not None
        else read_date(_meta(meta, a, "成文日期") or ""),
    )
    notice.issuer = _issuer(notice, analysis_title, _meta(meta, shown, "发文机关"))
    spanned = [lines[i] for i in parts.used] or ([*parts.signature, parts.date] if parts.date else [])
    if spanned:
        notice.span = nt.span(min(p.start for p in spanned), max(p.end for p in spanned))
    return notice


def _body_start(parts: _NoticeParts) -> int:
    """The first front line after the notice: after its date, else after its addressees or title."""
    if parts.date_in_front:
        return max(parts.used) + 1
    if parts.addressees is not None:
        return parts.addressees + 1
    if parts.title is not None:
        return max(parts.used) + 1
    return 0


def _take(lines: list[_Line], used: set[int], start: int, test: Callable[[_Line], bool]) -> int | None:
    """The first unused line from `start` on that passes `test`; marks it used."""
    for i in range(start, len(lines)):
        if i not in used and test(lines[i]):
            used.add(i)
            return i
    return None


def _find_title(a: str, lines: list[_Line]) -> tuple[int, int] | None:
    """The notice title: a line ending in 通知 (or another 公文 kind after 关于: 意见, 决定 …),
    joined with the (up to two) lines it wrapped from, the first of which holds 关于 or 印发."""
    for i, line in enumerate(lines):
        s = line.of(a)
        if not s.endswith(_NOTICE_KINDS) or len(s) > 120 or "。" in s:
            continue
        if "关于" in s or "印发" in s:
            return (_with_issuer_line(a, lines, i), i)
        # Wrapped over lines: reach back to the earliest line (of three) that holds 关于.
        first = None
        for j in range(i - 1, max(i - 3, -1), -1):
            prev = lines[j].of(a)
            if SENTENCE_PUNCT.search(prev[-1:]) or len(prev) > 40 or lines[j].line < lines[i].line - 4:
                break
            if "关于" in prev or "印发" in prev:  # X关于印发… / X印发《…》的通知
                first = j
        if first is not None:
            return (_with_issuer_line(a, lines, first), i)
        if s.endswith("通知"):
            return (i, i)
        # 意见, 决定 … without a 关于 on this line or the two above it are not a title.
    return None


def _with_issuer_line(a: str, lines: list[_Line], first: int) -> int:
    """GB/T 9704 titles are ISSUER关于…: a title whose first line starts with 关于 (or 印发)
    wrapped after its issuer, printed alone on the line above (某市人民政府办公室 / 关于印发…)."""
    if first == 0 or not lines[first].of(a).startswith(("关于", "印发")):
        return first
    above = lines[first - 1]
    name = above.of(a)
    if (
        2 <= len(name) <= 30
        and ends_like_org(name, strict=True)
        and SENTENCE_PUNCT.search(name) is None
        and read_date(name) is None
        and not a[above.end : lines[first].start].strip()  # nothing between but blank lines
        and above.line >= lines[first].line - 3
    ):
        return first - 1
    return first


def _headline(a: str, line: _Line) -> tuple[tuple[int, int], tuple[int, int] | None] | None:
    """A line that prints the notice title glued to its 文号 or in 《》, as page headlines
    do: X府办〔2027〕5号《关于…的通知》, 关于…的通知X府办〔2027〕5号, 《X关于…的意见》.
    Returns the offsets of the title and of the 文号 (None when the line has none)."""
    s = line.of(a)
    if not s.endswith(("》", "号")) or len(s) > 160 or "。" in s:
        return None
    m = _HEADLINE.fullmatch(s)
    if m is None:
        return None
    title = m.group("title")
    if not _is_notice_title(title) or (
        m.group("before") is None and m.group("after") is None and not m.group("open")
    ):
        return None
    number = m.span("before") if m.group("before") is not None else m.span("after")
    at = line.start
    return (at + m.start("title"), at + m.end("title")), (
        (at + number[0], at + number[1]) if number[0] >= 0 else None
    )


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


def _is_notice_title(s: str | None) -> bool:
    return s is not None and s.endswith(_NOTICE_KINDS) and ("关于" in s or "印发" in s)


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


def _addressees(nt: NormalizedText, first: _Line, last: _Line, shown: str) -> list[str]:
    end = last.end - 1 if nt.analysis[last.end - 1] == ":" else last.end
    return [unit.render(shown) for unit in read_addressees(nt.analysis, first.start, end)]


def _ends_wrapped_plan_title(first: str, second: str) -> bool:
    if _BRACKETED_TAIL.fullmatch(second) and _ends_in_plan_kind(first):
        return True  # 某市林业发展三年行动计划 / (2026-2028年)
    return (
        _is_plan_title(second)
        and not _ends_in_plan_kind(first)
        and _ends_in_plan_kind(second)
        and len(first) + len(second) <= 80
    )


def _ends_in_plan_kind(s: str) -> bool:
    """Ends in a plan word (…要点, …方案, …分解表), also before a bracketed period or status."""
    return _BRACKETED_TAIL.sub("", s).endswith(_PLAN_KINDS)


def _unbracketed(title: str) -> str:
    """《数字广东建设2025年工作要点》 printed as the plan's own title line → without the 《》."""
    if title.startswith("《") and title.endswith("》") and title.count("《") == 1:
        return title[1:-1]
    return title


def _continues_list(s: str) -> bool:
    """A line of an addressee list that wrapped: it ends on a separator, not a sentence."""
    return s.endswith((",", "、")) and len(s) <= 100 and "。" not in s


def _meta(meta: dict[str, tuple[int, int]], layer: str, *keys: str) -> str | None:
    """A metadata value (first printed wins), rendered from a text layer."""
    for key in keys:
        if key in meta:
            start, end = meta[key]
            return layer[start:end]
    return None


def _issuer(notice: Notice, analysis_title: str | None, meta_issuer: str | None) -> str | None:
    if notice.title and analysis_title:
        quoted = analysis_title.find("《")  # X印发《关于Y的方案》的通知: that 关于 is the plan's
        before = analysis_title if quoted < 0 else analysis_title[:quoted]
        at = before.find("关于")
        if at < 0:
            at = before.find("印发")  # X印发《Y》的通知
        if at > 0:
            return _offices(notice.title[:at])
    return meta_issuer or notice.signature


_SPACE_RUN = lazy(r"[ \t\u3000\u00a0]+")


def _offices(text: str) -> str:
    """Two offices printed side by side, spaces between (甲市委办公室　甲市政府办公室), joined
    with 、 as a joint signature is; any other text as printed."""
    parts = _SPACE_RUN.split(text.strip())
    if len(parts) > 1 and all(ends_like_org(p, strict=True) for p in parts):
        return "、".join(parts)
    return text


def _plan_from_notice_title(title: str, analysis_title: str | None) -> str:
    """关于印发《X》的通知 → X; a notice whose body is the plan keeps its own title."""
    m = _ISSUED_PLAN.search(analysis_title or "")
    if m is None:
        return title
    start, end = m.span(1)
    inner = m.group(1)
    if inner.startswith("《") and inner.endswith("》") and inner.count("《") == 1:
        start, end = start + 1, end - 1
    return title[start:end]


def _year(titles: list[str | None]) -> int | None:
    """The year the plan is for: the single year printed in the plan title, else in the
    notice title. The first title that prints a year decides: a range (2026-2028年) or two
    different years give None. Never from the 文号, the date or the body (corpus SCHEMA)."""
    for title in titles:
        if not title:
            continue
        s = fold_width(to_simplified(title))
        if _YEAR_RANGE.search(s):
            return None
        years = {int(y) for y in _PLAN_YEAR.findall(s)}
        years |= {cn_to_int(y.replace("○", "〇").replace("O", "〇")) for y in _PLAN_YEAR_CN.findall(s)}
        if years:
            return years.pop() if len(years) == 1 else None
    return None
