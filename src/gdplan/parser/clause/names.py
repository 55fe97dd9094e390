"""What a unit name looks like: organisation endings, jurisdiction prefixes, place names.

Names are plain strings of the analysis text (simplified script). Place names come from
``places.txt``, a lexicon of place stems built from jieba's dictionary at development
time (tools/build_places.py), so parsing does not load jieba's tagger; jieba is imported
only when the lexicon finds no place at the start of a name whose suffix must be shared.
"""

from __future__ import annotations

import functools
from importlib import resources

from gdplan.parser.lazy import lazy
from gdplan.parser.memo import memo

# Endings of organisation names. The strict set decides whether a bare bracketed list is a
# clause ((省商务厅,省供销合作联社)) rather than a remark ((试行), (共建)); the loose set adds
# endings that are too common in ordinary words to prove anything alone.
STRICT_ORG_ENDINGS = (
    "人民政府", "政府", "管委会", "管委", "委员会", "常委会", "办公室", "办公厅", "中心", "单位",
    "部门", "机构", "总站", "分行", "支行", "银行", "总署", "分署", "海关", "总队", "支队", "大队", "联社",
    "集团", "公司", "法院", "检察院", "联合会", "工会", "协会", "学会", "商会", "学校", "大学",
    "学院", "医院", "局", "厅", "委", "办", "部", "院", "署", "站", "府", "室", "处", "社", "队",
    "所", "馆",
)  # fmt: skip
LOOSE_ORG_ENDINGS = (*STRICT_ORG_ENDINGS, "会", "行", "司", "组", "团", "联", "科", "股", "庭", "台")

# Jurisdiction words a shared prefix is made of: 省委网信办、宣传部 → 省委宣传部 (longest first).
JURISDICTION_PREFIXES = (
    "自治区党委", "自治区", "自治州", "省委", "市委", "区委", "县委", "州委", "省", "市", "区", "县", "州",
    "镇", "乡",
)  # fmt: skip
# Words that start with a jurisdiction character but are not one: 市场监管局 is 省市场监管局.
NOT_JURISDICTION = (
    "市场", "区域", "县域", "省级", "市级", "区级", "县级", "省内", "市内", "区内", "乡村", "区块链",
)  # fmt: skip
# A follower starting with one of these names its own level and keeps its form.
OWN_JURISDICTION_STARTS = (
    "省", "市", "区", "县", "州", "镇", "乡", "街道", "自治区", "国家", "国务院", "中国", "中华", "中共",
    "中央", "全国", "各",
    # the Youth League's committees name their level inside: 团省委 is the province's, 团市委 the city's
    "共青团", "团省委", "团市委", "团区委", "团县委", "团州委", "团盟委", "团旗委",
)  # fmt: skip
PROVINCES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
    "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
)  # fmt: skip
# Words jieba tags as places that are ordinary nouns in unit names (省海洋综合执法总队); the
# lexicon leaves them out too.
NOT_PLACES = frozenset({"海洋", "海关", "海事", "海域", "深度", "城乡", "城市", "农村", "边境", "口岸"})
# Place-level endings (肇庆高新区, 粤桂合作特别试验区(肇庆)) that a shared suffix follows.
ZONE_ENDINGS = ("区", "县", "市", "镇", "乡", "州", "盟", "旗", "街道", "园")
# The lexicon's places are stems of 2–4 characters (深圳); a level word may follow them.
_LONGEST_PLACE = 4
_LEVELS = ("省", "市", "县", "区", "州", "盟", "旗")


def ends_like_org(name: str, *, strict: bool = False) -> bool:
    endings = STRICT_ORG_ENDINGS if strict else LOOSE_ORG_ENDINGS
    return name.endswith(endings)


def is_each(name: str) -> bool:
    """各地 / 各镇(街) / 各有关单位: a distributive name that stands alone as a unit."""
    return len(name) >= 2 and name.startswith("各")


@memo(maxsize=8192)
def looks_like_unit(name: str, *, strict: bool = False) -> bool:
    """The name reads as an organisation (``name`` without trailing bracket groups)."""
    if strict:
        if is_each(name):
            return ends_like_org(name) or len(name) <= 3
        return len(name) >= 3 and ends_like_org(name, strict=True)
    # a place stands for its government in a loose list: 责任单位:广州市、深圳市
    return is_each(name) or (len(name) >= 2 and (ends_like_org(name) or name.endswith(("市", "区", "县"))))


@memo(maxsize=4096)
def jurisdiction_prefix(name: str) -> str:
    """The jurisdiction word a shared prefix is made of: 省委网信办 → 省委, 省发展改革委 → 省."""
    if name.startswith(NOT_JURISDICTION):
        return ""
    for prefix in JURISDICTION_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            return prefix
    return ""


_OPENS_WITH_PLACE_LEVEL = lazy(
    r"[\u4e00-\u9fff]{2,3}(?<!城)[区县市州旗盟](?!场)"
)  # not 中心城区: generic


@memo(maxsize=8192)
def has_own_jurisdiction(name: str) -> bool:
    """The name says whose it is: 省/市/国家… or a place (广东海事局, 海关总署广东分署)."""
    if name.startswith(OWN_JURISDICTION_STARTS) and not name.startswith(NOT_JURISDICTION):
        return True
    # substring tests: each name is asked once (memoized), and an alternation cost ≈3 ms to compile
    if any(province in name for province in PROVINCES):
        return True
    # A name that opens with a place of its own level (南沙区政府, 高新区管委会) even when the
    # place list does not know it.
    return _place_at(name, 0) > 0 or _OPENS_WITH_PLACE_LEVEL.match(name) is not None


@memo(maxsize=8192)
def leading_place_length(name: str) -> int:
    """Length of the place name(s) a name starts with: 珠海出入境边防检查总站 → 2 (珠海).

    The lexicon first: the longest place at the start with its level word (深圳市), then
    another right after it (广州番禺区). jieba's tagger only when the lexicon knows none.
    """
    length = _place_at(name, 0)
    if length == 0:
        return _tagged_place_length(name)
    while True:
        length += _level_after(name, length)
        more = _place_at(name, length)
        if more == 0:
            return length
        length += more


def _place_at(name: str, pos: int) -> int:
    """Length of the longest lexicon place (2–4 characters) that starts at ``pos``, or 0."""
    places = _places()
    for size in range(_LONGEST_PLACE, 1, -1):
        if pos + size <= len(name) and name[pos : pos + size] in places:
            return size
    return 0


def is_level_word(ch: str) -> bool:
    """``ch`` is a level word that may close a place name (省, 市, 县, 区, 州, 盟, 旗)."""
    return len(ch) == 1 and ch in _LEVELS


def _level_after(name: str, pos: int) -> int:
    """1 when a level word closes the place at ``pos`` (深圳|市), not a word (珠海|市场监管局)."""
    return 1 if name.startswith(_LEVELS, pos) and not name.startswith(NOT_JURISDICTION, pos) else 0


@functools.cache
def _places() -> frozenset[str]:
    """The place stems of places.txt (read once, on first use)."""
    text = resources.files(__package__).joinpath("places.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


def _tagged_place_length(name: str) -> int:
    """Length of the words jieba tags as places at the start of the name."""
    length = 0
    for word, flag in _tagged(name):
        if flag != "ns" or word in NOT_PLACES:
            break
        length += len(word)
    return length


@memo(maxsize=1024)
def _tagged(name: str) -> tuple[tuple[str, str], ...]:
    """jieba's words and part-of-speech flags for a name (loads jieba on first use)."""
    import logging  # here, not at the top: only jieba needs it, and most parses never load jieba

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return tuple((pair.word, pair.flag) for pair in jieba.posseg.cut(name))
