"""The place lexicon: built from jieba's dictionary at development time, used instead of jieba.

places.txt must be exactly what tools/build_places.py makes of the installed jieba's
dictionary (jieba is a runtime dependency, so the check always runs); parsing the
bundled samples and the dev corpus must not load jieba's tagger.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from gdplan.parser.clause import names

from .conftest import DEV_CORPUS, ROOT, SAMPLES

SHIPPED = ROOT / "src" / "gdplan" / "parser" / "clause" / "places.txt"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_places", ROOT / "tools" / "build_places.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_shipped_lexicon_is_what_the_builder_makes_of_jiebas_dictionary() -> None:
    build = _builder()
    with build.jieba_dict().open(encoding="utf-8") as handle:
        stems, _ = build.build(handle, names.NOT_PLACES)
    assert SHIPPED.read_text(encoding="utf-8") == build.render(stems), "run tools/build_places.py"


def test_builder_rules_on_a_small_dictionary() -> None:
    lines = [
        "深圳市 100 ns",
        "深圳 300 ns",
        "番禺区 20 ns",
        "浦东新区 8 ns",
        "浦东 9 ns",
        "周边地区 30 ns",  # 周边 is no place of its own
        "周边 50 f",
        "中心区 60 ns",  # an ordinary word that is also a district
        "各省市 3 ns",
        "两省区 3 ns",
        "广州市区 4 ns",  # 广州市 adds nothing to 广州
        "广州市 40 ns",
        "黑市 70 ns",  # one character left
        "乌兰察布盟 20 ns",
        "科尔沁左翼后旗 5 ns",  # six characters left
        "海洋区 3 ns",  # one of names.NOT_PLACES
        "南沙 5 ns",  # no level word: not a stem
        "新会县 11 n",  # not tagged ns
    ]
    stems, counts = _builder().build(lines, names.NOT_PLACES)
    assert stems == sorted(["深圳", "番禺", "浦东", "广州", "乌兰察布"])
    assert (counts.ns_words, counts.with_ending) == (16, 13)
    assert sum(counts.dropped.values()) == 13 - len(stems)  # 广州市 is dropped after it was made


def test_lexicon_is_sorted_unique_han_stems_of_two_to_four_characters() -> None:
    stems = SHIPPED.read_text(encoding="utf-8").split("\n")
    assert stems[-1] == ""
    stems = stems[:-1]
    assert stems == sorted(set(stems))
    assert all(2 <= len(s) <= 4 and all("\u4e00" <= c <= "\u9fff" for c in s) for s in stems)
    assert {"深圳", "番禺", "珠海", "肇庆", "广州", "榕城", "天河", "浦东"} <= set(stems)
    assert not {"中心", "平安", "振兴", "海洋", "各省", "东北地", "周边"} & set(stems)


@pytest.mark.parametrize(
    ("name", "own"),
    [
        ("珠海出入境边防检查总站", True),  # a place of the lexicon
        ("番禺区政府", True),
        ("广东海事局", True),  # a province
        ("海关总署广东分署", True),  # a province anywhere in the name
        ("国家税务总局广东省税务局", True),
        ("科技厅", False),
        ("市场监管局", False),
        ("中心城区管委会", False),  # 中心 is left out of the lexicon
        ("海洋综合执法总队", False),
    ],
)
def test_has_own_jurisdiction(name: str, own: bool) -> None:
    assert names.has_own_jurisdiction(name) is own


@pytest.mark.parametrize(
    ("name", "length"),
    [
        ("珠海出入境边防检查总站", 2),
        ("深圳市出入境边防检查总站", 3),  # the level word goes with the place
        ("珠海市场监管局", 2),  # 市场 is a word, not 市
        ("广州番禺区税务局", 5),  # two places of the lexicon in a row
        ("科技厅", 0),
    ],
)
def test_leading_place_length_from_the_lexicon(name: str, length: int) -> None:
    assert names.leading_place_length(name) == length


def test_leading_place_length_asks_jieba_when_the_lexicon_knows_no_place() -> None:
    # 粤港澳 has no level form in jieba's dictionary, so only its tagger knows it
    assert names._place_at("粤港澳大湾区建设领导小组办公室", 0) == 0
    assert names.leading_place_length("粤港澳大湾区建设领导小组办公室") >= 3


# Whether a document is refused is another test's business (test_parse_errors, the corpus
# export tests): a refused document still ran the parser as far as it goes, so it counts.
PROBE = """
import json, sys
from pathlib import Path
import gdplan
from gdplan.errors import NotAPlanError
for path in sys.argv[1:]:
    try:
        gdplan.parse(Path(path))
    except NotAPlanError:
        pass
print(json.dumps("jieba" in sys.modules))
"""


def _parse_loads_jieba(paths: list[Path], cwd: Path) -> bool:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, paths)], cwd=cwd, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return bool(json.loads(done.stdout))


def test_parsing_the_samples_does_not_load_jieba(tmp_path: Path) -> None:
    paths = sorted(SAMPLES.glob("*.txt"))
    assert paths
    assert _parse_loads_jieba(paths, tmp_path) is False


def test_parsing_the_dev_corpus_does_not_load_jieba(tmp_path: Path) -> None:
    raw = DEV_CORPUS / "raw"
    if not raw.is_dir():
        pytest.skip(f"dev corpus not found at {DEV_CORPUS} (it sits beside the clone in CI only)")
    paths = sorted(raw.glob("*.txt"))
    assert paths
    assert _parse_loads_jieba(paths, tmp_path) is False


@pytest.mark.parametrize(
    ("clause", "responsible"),
    [
        ("市发改委、南沙区政府", ["市发改委", "南沙区政府"]),  # a district the place list does not know
        ("区发展改革局、高新区管委会", ["区发展改革局", "高新区管委会"]),
        ("省发展改革委、住房城乡建设厅、城市管理局", ["省发展改革委", "省住房城乡建设厅", "省城市管理局"]),
    ],
)
def test_a_follower_opening_with_its_own_place_level_keeps_its_form(
    clause: str, responsible: list[str]
) -> None:
    import gdplan

    doc = gdplan.parse("一、总体\n1.加强统筹。（" + clause + "按职责分工负责）\n")
    item = next(doc.items())
    assert item.responsibility is not None
    assert [u.name for u in item.responsibility.responsible] == responsible
