"""Build the place lexicon of the clause grammar from jieba's dictionary (run at development time).

    python tools/build_places.py [--dict PATH] [--out PATH] [--check]

Reads jieba's ``dict.txt`` (``word frequency tag`` per line) and writes
``src/gdplan/parser/clause/places.txt``: one place stem per line, sorted. A stem is a word
tagged ``ns`` (place) that ends in a level word (省 市 县 区 州 盟 旗), without that ending:
深圳市 → 深圳, 番禺区 → 番禺. Generic compound endings (地区, 新区, 自治州, …) are cut whole,
and what is left counts only when jieba tags it ``ns`` on its own: 浦东新区 → 浦东, but
周边地区 gives nothing. Stems keep 2–4 characters; ordinary words that are also the
name of some county (中心区, 平安县, 振兴区) are dropped, as are distributive and counted
forms (各省, 东三省). Foreign places stay: they are harmless.

The output depends only on the dictionary, so the shipped file can be checked against
it (``--check`` exits 1 when the file differs; tests/test_clause_places.py does the same).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "gdplan" / "parser" / "clause" / "places.txt"

LEVEL_ENDINGS = ("省", "市", "县", "区", "州", "盟", "旗")
# Endings made of a generic word and a level: the rest is a place only if jieba says so.
COMPOUND_ENDINGS = (
    "风景区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "特区", "矿区", "郊区", "军区",
    "库区", "半区", "边区", "行省", "超市", "都市",
)  # fmt: skip
MIN_STEM, MAX_STEM = 2, 4
NUMERALS = "一二三四五六七八九十百千两"
# Ordinary words that jieba also lists as a county or district (中心区, 平安县, 振兴区): a
# unit name starting with one of them names no place. Kept to words that could start a
# name or a phrase in a plan; rare words that happen to be places are left alone. Then
# pieces of slogans and idioms that jieba tags as places (科教兴市, 骑鹤上扬州).
ORDINARY_WORDS = frozenset(
    {
        "中心", "中方", "中立", "东方", "北方", "南部", "城中", "城北", "老城", "积累", "延长", "安定",
        "繁华", "四方", "平安", "东风", "黑人", "清新", "赤道", "陆地", "山地", "振兴", "新兴", "万年",
        "五大", "草坪", "萧条", "三维", "三角", "三色", "五色", "小店", "无人", "上半", "下半", "包干",
        "百强", "十强", "冬麦", "自治", "非上", "诸行", "和平", "共和", "精华", "友谊", "平和", "大方",
        "长子", "洞口", "平定", "清水", "莲花", "台前", "灯塔", "高台", "富民", "爱民", "民和", "民乐",
        "新民", "名山", "全州", "宜居", "珠宝", "大城", "都市", "外省",
        "科教兴", "日中为", "花街柳", "柳营花", "柳衢花", "潜山隐", "赤县神", "神州赤", "骑鹤扬", "旅游名",
    }
)  # fmt: skip


@dataclass
class Counts:
    ns_words: int = 0
    with_ending: int = 0
    dropped: dict[str, int] = field(default_factory=dict)

    def drop(self, why: str) -> None:
        self.dropped[why] = self.dropped.get(why, 0) + 1


def jieba_dict() -> Path:
    """The dictionary of the installed jieba package (found without importing jieba)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or spec.origin is None:
        raise SystemExit("build_places: jieba is not installed")
    return Path(spec.origin).parent / "dict.txt"


def read_tags(lines: Iterable[str]) -> dict[str, set[str]]:
    """Every word of the dictionary with its part-of-speech tags."""
    tags: dict[str, set[str]] = {}
    for line in lines:
        fields = line.split()
        if len(fields) == 3:
            tags.setdefault(fields[0], set()).add(fields[2])
    return tags


def stem_of(word: str, tags: dict[str, set[str]]) -> str | None:
    """深圳市 → 深圳; 浦东新区 → 浦东 (浦东 is a place of its own); 周边地区 → None."""
    for ending in COMPOUND_ENDINGS:
        if word.endswith(ending):
            rest = word[: -len(ending)]
            return rest if "ns" in tags.get(rest, ()) else None
    if word.endswith("城市") and len(word) >= 4:
        return None  # 大中城市, 文明城市 (but 晋城市, 丰城市)
    return word[:-1]


def why_not(stem: str, not_places: frozenset[str]) -> str | None:
    """The reason a stem is no place stem, or None when it is one."""
    if not MIN_STEM <= len(stem) <= MAX_STEM:
        return "length"
    if not all("\u4e00" <= ch <= "\u9fff" for ch in stem):
        return "not all Han characters"
    if "各" in stem or stem[-1] in NUMERALS or (stem[0] in NUMERALS and stem.endswith(LEVEL_ENDINGS)):
        return "distributive or counted (各省, 两省, 东三)"
    if stem in ORDINARY_WORDS or stem in not_places:
        return "ordinary word"
    return None


def build(lines: Iterable[str], not_places: frozenset[str]) -> tuple[list[str], Counts]:
    tags = read_tags(lines)
    counts = Counts()
    stems: set[str] = set()
    for word in sorted(tags):
        if "ns" not in tags[word]:
            continue
        counts.ns_words += 1
        if not word.endswith(LEVEL_ENDINGS):
            continue
        counts.with_ending += 1
        stem = stem_of(word, tags)
        if stem is None:
            counts.drop("generic compound (周边地区)")
            continue
        reason = why_not(stem, not_places)
        if reason is not None:
            counts.drop(reason)
            continue
        stems.add(stem)
    # 广州市 (from 广州市区) adds nothing to 广州 and its level word
    redundant = {s for s in stems if s.endswith(LEVEL_ENDINGS) and s[:-1] in stems}
    for _ in redundant:
        counts.drop("a known stem and its level word (广州市)")
    return sorted(stems - redundant), counts


def render(stems: list[str]) -> str:
    return "".join(f"{stem}\n" for stem in stems)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dict", type=Path, default=None, help="jieba's dict.txt (the installed one)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write ({OUT.relative_to(REPO)})")
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    from gdplan.parser.clause.names import NOT_PLACES

    source = args.dict or jieba_dict()
    with source.open(encoding="utf-8") as handle:
        stems, counts = build(handle, NOT_PLACES)
    text = render(stems)
    print(f"{source}: {counts.ns_words} words tagged ns, {counts.with_ending} end in a level word")
    for why, n in sorted(counts.dropped.items()):
        print(f"  dropped {n:5d}: {why}")
    print(f"  place stems: {len(stems)}")
    if args.check:
        same = args.out.is_file() and args.out.read_text(encoding="utf-8") == text
        print(f"{args.out}: {'up to date' if same else 'DIFFERS: run tools/build_places.py'}")
        return 0 if same else 1
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
