"""Each numbering style is recognised at the start of a segment, in every common variant."""

import pytest

from gdplan.model import MarkerStyle
from gdplan.parser.ruler import classify
from gdplan.parser.text import normalize
from gdplan.parser.tokens import Segment, TokenKind


def _token(line: str):  # type: ignore[no-untyped-def]
    nt = normalize(line)
    return classify(nt.analysis, Segment(0, len(line), 1))


@pytest.mark.parametrize(
    ("line", "style", "number", "label"),
    [
        ("一、加快培育数字化发展引擎", MarkerStyle.CN_DUN, 1, "一、"),
        ("十二、强化保障", MarkerStyle.CN_DUN, 12, "十二、"),
        ("（一）打造数字技术创新高地", MarkerStyle.CN_PAREN, 1, "（一）"),
        ("(十四)加快建设", MarkerStyle.CN_PAREN, 14, "(十四)"),
        ("（十七）完善数字化交流合作机制", MarkerStyle.CN_PAREN, 17, "（十七）"),
        ("1．实施关键核心技术攻关。", MarkerStyle.ARABIC_DOT, 1, "1．"),
        ("50.推动数字化合作交流。", MarkerStyle.ARABIC_DOT, 50, "50."),
        ("3、加强协同", MarkerStyle.ARABIC_DUN, 3, "3、"),
        ("（2）完善机制", MarkerStyle.ARABIC_PAREN, 2, "（2）"),
        ("(12)完善机制", MarkerStyle.ARABIC_PAREN, 12, "(12)"),
        ("②推进建设", MarkerStyle.CIRCLED, 2, "②"),
        ("第三章 保障措施", MarkerStyle.CHAPTER, 3, "第三章 "),
        ("第十条 本办法自印发之日起施行", MarkerStyle.ARTICLE, 10, "第十条 "),
        ("（一）加強涉及市場主體的信息公開。", MarkerStyle.CN_PAREN, 1, "（一）"),
    ],
)
def test_marker_styles(line: str, style: MarkerStyle, number: int, label: str) -> None:
    token = _token(line)
    assert token.kind is TokenKind.MARKER
    assert token.marker is not None
    assert (token.marker.style, token.marker.number) == (style, number)
    assert line[: token.marker.end] == label


@pytest.mark.parametrize(
    "line",
    [
        "2.3%的增长目标",  # a decimal, not 2.
        "2022年是我省实施数字政府改革建设的关键一年。",
        "（共建）超高清视频",  # a bracket in a sentence, not a numeral
        "（此件公开发布）",
        "一、",  # a bare label with nothing after it
        "为贯彻落实党中央决策部署，制定本要点。",
    ],
)
def test_not_markers(line: str) -> None:
    assert _token(line).kind is not TokenKind.MARKER


@pytest.mark.parametrize(
    "line",
    [
        "首页 > 专题中心 > 通知公告",
        "时间 : 2021-05-14 22:01:43 来源 : 本网原创稿",
        "來源時間為:2024-09-02",
        "時間:2023-02-09瀏覽量:273",
        "【打印】 【字体:",
        "https://www.gov.cn/",
        "2014-03-10 08:00:00",
        "简体版 繁體版 信息无障碍",
    ],
)
def test_web_furniture_is_noise(line: str) -> None:
    assert _token(line).kind is TokenKind.NOISE


def test_metadata_fields_inline() -> None:
    line = "發文機關: 國務院辦公廳 成文日期: 2014年02月23日"
    token = _token(line)
    assert token.kind is TokenKind.META
    assert [(key, line[s:e]) for key, s, e in token.meta] == [
        ("发文机关", "國務院辦公廳"),
        ("成文日期", "2014年02月23日"),
    ]
