"""Time limits that share a clause: 年内持续推进, 长期坚持, 2024年底前完成, 6月底前."""

from __future__ import annotations

from gdplan.parser.clause import names
from gdplan.parser.clause.scan import trim
from gdplan.parser.clause.types import Offsets
from gdplan.parser.lazy import lazy

_N = r"(?:\d+|[〇零一二三四五六七八九十两]+)"
_WHEN = (
    rf"(?:{_N}年|今年|明年|本年度?|当年)?"
    rf"(?:{_N}月(?:{_N}日)?)?"
    r"(?:底|末|初|中|上旬|中旬|下旬|上半年|下半年|年底|年末|年内|内|第?[一二三四1-4]季度末?)?"
)
# A date, perhaps closed by 前 and a verb: 2024年底前完成 → the time limit is 2024年底前.
_DATED = lazy(
    rf"(?P<when>{_WHEN}(?:以前|之前|前)?)(?:基本完成|全面完成|完成|启动|实现|出台|建成|取得进展|见效|落地|推进)?"
)
# A span of years: 2023—2025年, 2024-2025年底前.
_YEARS = lazy(r"\d{4}年?[-—–~至到]\d{4}年(?:底|末)?(?:以前|之前|前)?")
# A standing time limit, with or without a period in front: 年内持续推进, 长期坚持, 持续推进.
_STANDING = lazy(
    r"(?:年内|年底前|今年|本年度|全年|\d{4}年(?:起|内)?|\d{4}[-—~至]\d{4}年)?"
    r"(?:持续推进|持续实施|持续开展|长期坚持|长期推进|常态化推进|持续|长期|逐年推进|分步实施|分年度实施)"
    r"|(?:全年|每年|每季度|每月)(?:持续)?(?:推进|完成|实施|开展)?"  # 全年: a period, not a date
)
# A date and 前 that open a longer phrase: 2024年底前取得阶段性成果 → 2024年底前.
_BEFORE = lazy(rf"{_WHEN}(?:以前|之前|前)")
_HAS_TIME = lazy(r"\d|年|月|季度|旬|底|末")
# Every time limit above holds a time word or a standing word: without one, none matches.
_MAYBE = lazy(r"\d|年|月|季度|旬|底|末|持续|长期|常态化|逐年|分步|分年度")


def deadline_of(text: str, start: int, end: int) -> Offsets | None:
    """The time limit when the whole of ``text[start:end]`` states one, else None."""
    if _MAYBE.search(text, start, end) is None:
        return None
    start, end = trim(text, start, end, " \t\r\n\u3000。;,")
    if start >= end:
        return None
    if _STANDING.fullmatch(text, start, end) or _YEARS.fullmatch(text, start, end):
        return start, end
    dated = _DATED.fullmatch(text, start, end)
    if dated is not None and _HAS_TIME.search(dated.group("when")):
        return start, dated.end("when")
    before = _BEFORE.match(text, start, end)
    if before is not None and _HAS_TIME.search(before.group()) and not names.looks_like_unit(text[start:end]):
        return start, before.end()
    return None


def labelled_deadline(text: str, start: int, end: int) -> Offsets | None:
    """The value of 完成时间:/时限要求: (any text: the label says it is a time limit)."""
    start, end = trim(text, start, end, " \t\r\n\u3000。;,")
    return (start, end) if start < end else None
