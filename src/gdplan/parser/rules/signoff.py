"""The notice's sign-off: the 成文日期 line and the signature lines above it, and the
other lines a 公文 closes with (附件 list, 抄送, the 印发 line).

A notice prints its signature and date before the plan; a document whose body is the plan
(an 意见, a 分工通知) prints them after its last item. Matched on the analysis text of one line.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from gdplan.parser.lazy import lazy
from gdplan.parser.numerals import cn_to_int

_DATE_ARABIC = lazy(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_CN = lazy(
    r"([〇零○O一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
_DATE_ISO = lazy(r"((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})")
# 2024327: a copy that lost 年月日 (and any separators); read only where one reading is a date.
_DATE_COMPACT = lazy(r"((?:19|20)\d{2})(\d{3,4})")
SENTENCE_PUNCT = lazy(r"[。,;:!?、]")
_ATTACHMENT = lazy(r"附件\s*\d*\s*[:.]?")  # 附件 / 附件：… / 附件1：…
_ATTACHMENT_LIST = lazy(r"附件\s*:?\s*(?:1[.、]|\(1\))")
_DISTRIBUTION = lazy(
    r"(?:抄送|抄报|分送)\s*:|.{0,40}\d{1,2}\s*日\s*印发"
)  # 抄送：… / …2025年5月16日印发


def read_date(s: str) -> str | None:
    """A whole line that is a date → YYYY-MM-DD (2025年5月15日, 二〇二五年五月十五日, 2024-07-26,
    2024327 or 20240327 where the copy lost 年月日)."""
    s = s.strip()
    for rx, conv in ((_DATE_ARABIC, int), (_DATE_ISO, int), (_DATE_CN, _cn_date_part)):
        m = rx.fullmatch(s)
        if m:
            y, mo, d = (conv(g) for g in m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _DATE_COMPACT.fullmatch(s)
    if m:
        return _compact_date(int(m.group(1)), m.group(2))
    return None


def _compact_date(year: int, rest: str) -> str | None:
    """The month and day of 2024327 (327 → 3-27; 32-7 is no date): None unless exactly one
    split of ``rest`` into a month and a day is a real date (2024111 may be 1-11 or 11-1)."""
    splits = [(rest[:2], rest[2:])] if len(rest) == 4 else [(rest[:1], rest[1:]), (rest[:2], rest[2:])]
    found = set()
    for month, day in splits:
        if (month.startswith("0") and len(month) == 1) or (day.startswith("0") and len(day) == 1):
            continue
        try:
            found.add(datetime.date(year, int(month), int(day)).isoformat())
        except ValueError:
            continue
    return found.pop() if len(found) == 1 else None


def is_signature(s: str) -> bool:
    """A line that can sign a notice: a short name with no punctuation."""
    return (
        2 <= len(s) <= 40
        and not s[0].isdigit()  # 2.某市…清单: an attachment listed above it, not a name
        and SENTENCE_PUNCT.search(s) is None
        and read_date(s) is None
    )


def signature_start(date_at: int, can_sign: Callable[[int], bool]) -> int:
    """Index of the first of the (up to two) signature lines right above the date line at
    ``date_at``; ``date_at`` itself when none can sign."""
    start = date_at
    while start > 0 and date_at - start < 2 and can_sign(start - 1):
        start -= 1
    return start


def is_attachment(s: str) -> bool:
    """附件：数字广东建设任务分工表 — the notice's list of attachments, not an item's text."""
    return _ATTACHMENT.match(s) is not None


def is_attachment_list(s: str) -> bool:
    """附件：1.A — the first of several attachments; the next lines (2.B …) continue the list."""
    return _ATTACHMENT_LIST.match(s) is not None


def is_distribution(s: str) -> bool:
    """抄送：… / 广东省人民政府办公厅 2025年5月16日印发 — the print run's closing lines."""
    return _DISTRIBUTION.match(s) is not None


def _cn_date_part(s: str) -> int:
    return cn_to_int(s.replace("○", "〇").replace("O", "〇"))
