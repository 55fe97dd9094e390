"""A page's metadata block (索引号 / 发文机关 / 发文字号 / 成文日期 …).

Printed inline, as a pipe table, or one field a line with the value below.
"""

from __future__ import annotations

from gdplan.parser.lazy import lazy

KEYS = (
    "索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "文号", "发布日期", "时效",
    "发布网站", "发布机构", "主题词", "公文种类", "生效日期", "有效性", "名称", "体裁分类", "组配分类",
    "分类", "发文日期", "发文单位", "文件名称", "信息名称", "公文名称", "文件标题", "公文标题",
)  # fmt: skip
# The keys whose value is the document's title (a saved page may print it only there).
TITLE_KEYS = ("标题", "名称", "文件名称", "信息名称", "公文名称", "文件标题", "公文标题")
# Keys are printed with spaces inside them (标  题, 时  效).
_KEY = "|".join("\\s*".join(key) for key in KEYS)
_FIELD = lazy(rf"({_KEY})\s*[:|]\s*")
# A bare key of a block this parser does not know (字号:, 分 类:): a label, never a value.
_BARE_KEY = lazy(r"[^\s:]{1,3}(?:\s*[^\s:]){0,3}\s*:")
# A document title: only a title key takes it as its value.
_TITLE_LIKE = lazy(r".*关于.*|.*(?:通知|意见|决定|通报|批复)")
# A value printed below its key stands on the next line, or after a blank line or two;
# further down is the document (a block's last key, 主题词:, may be empty).
MAX_BLANKS_BEFORE_VALUE = 2
_FIRST_CHARS = frozenset(key[0] for key in KEYS)
_SPACE = lazy(r"\s")
_CANONICAL = {"".join(k.split()): k for k in KEYS}  # (split: no pattern compiled on import)


def read_metadata(text: str, start: int, end: int) -> tuple[tuple[str, int, int], ...] | None:
    """(key, value start, value end) when the whole segment is metadata fields.

    An empty value (start == end) means the value stands on a later line.
    """
    if text[start] not in _FIRST_CHARS:
        return None
    fields = list(_FIELD.finditer(text, start, end))
    if not fields or fields[0].start() != start:
        return None
    pairs = []
    for i, m in enumerate(fields):
        value_start, value_end = m.end(), fields[i + 1].start() if i + 1 < len(fields) else end
        while value_end > value_start and text[value_end - 1] in " |\t":
            value_end -= 1
        pairs.append((_CANONICAL[_SPACE.sub("", m.group(1))], value_start, value_end))
    return tuple(pairs)


def is_value_below(key: str, text: str, start: int, end: int) -> bool:
    """Whether the segment ``text[start:end]`` can be the value of ``key``, whose line
    left the value empty (索引号: / blank / 000014349/2014-00023).

    Not another key (分 类:, an unknown label), and not a document title unless the key is
    a title key: an empty 主题词: above the notice's title does not swallow it.
    """
    segment = text[start:end]
    if _BARE_KEY.fullmatch(segment):
        return False
    return key in TITLE_KEYS or _TITLE_LIKE.fullmatch(segment) is None
