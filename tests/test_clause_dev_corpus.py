"""Clauses taken by hand from the dev corpus raw texts; expected values copied from its gold files.

Each document is read node by node with one CarryState, as the tree builder does, so 下同
(units in gd-2025-digital-seed, a rule in jieyang and ls) is exercised across nodes. These
tests need no corpus on disk: the texts are quoted here.
"""

from __future__ import annotations

import opencc
import pytest

from gdplan.model import Role
from gdplan.parser.clause import CarryState, locate_clause, read_clause

_T2S = opencc.OpenCC("t2s")

Expected = dict[str, list[str]]


def analysis(s: str) -> str:
    """The analysis text as the parser builds it: half width, U+3000 → space, simplified."""
    return str(_T2S.convert(s.translate({c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x3000: 0x20})))


def read_document(contents: list[str]) -> list[tuple[dict[str, list[str]], bool, str | None]]:
    """(roles, open_ended, deadline) of each node content, read in order."""
    texts = [analysis(c) for c in contents]
    text = "\n".join(texts)
    state = CarryState()
    out = []
    start = 0
    for part in texts:
        end = start + len(part)
        reading = read_clause(text, locate_clause(text, start, end), state)
        found = {r.value: [u.render(text) for u in units] for r, units in reading.roles.items() if units}
        deadline = None if reading.deadline is None else text[reading.deadline[0] : reading.deadline[1]]
        out.append((found, reading.open_ended, deadline))
        start = end + 1
    return out


def simplified(expected: Expected) -> Expected:
    return {role: [analysis(u) for u in units] for role, units in expected.items()}


SEED = [
    (
        "（省发展改革委、科技厅、工业和信息化厅按职责分工负责；各地级以上市人民政府结合实际落实，下同）",
        {
            "responsible": ["省发展改革委", "省科技厅", "省工业和信息化厅"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省工业和信息化厅牵头）",
        {"lead": ["省工业和信息化厅"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省政务和数据局牵头，省国资委等单位按职责分工负责）",
        {"lead": ["省政务和数据局"], "responsible": ["省国资委"], "implementing": ["各地级以上市人民政府"]},
        True,
    ),
    ("（省政务和数据局牵头）", {"lead": ["省政务和数据局"], "implementing": ["各地级以上市人民政府"]}, False),
    (
        "（省工业和信息化厅牵头，各有关单位按职责分工负责）",
        {
            "lead": ["省工业和信息化厅"],
            "responsible": ["各有关单位"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省工业和信息化厅牵头，省科技厅按职责分工负责）",
        {"lead": ["省工业和信息化厅"], "responsible": ["省科技厅"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省工业和信息化厅牵头）",
        {"lead": ["省工业和信息化厅"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省工业和信息化厅牵头）",
        {"lead": ["省工业和信息化厅"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省发展改革委牵头，省工业和信息化厅按职责分工负责）",
        {
            "lead": ["省发展改革委"],
            "responsible": ["省工业和信息化厅"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省工业和信息化厅、广电局牵头）",
        {"lead": ["省工业和信息化厅", "省广电局"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省工业和信息化厅牵头，省委宣传部，省文化和旅游厅、广电局、体育局按职责分工负责）",
        {
            "lead": ["省工业和信息化厅"],
            "responsible": ["省委宣传部", "省文化和旅游厅", "省广电局", "省体育局"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省工业和信息化厅牵头，省政务和数据局按职责分工负责）",
        {
            "lead": ["省工业和信息化厅"],
            "responsible": ["省政务和数据局"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省发展改革委牵头，省工业和信息化厅、政务和数据局按职责分工负责）",
        {
            "lead": ["省发展改革委"],
            "responsible": ["省工业和信息化厅", "省政务和数据局"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省工业和信息化厅牵头）",
        {"lead": ["省工业和信息化厅"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省农业农村厅牵头，省商务厅，省供销合作联社按职责分工负责）",
        {
            "lead": ["省农业农村厅"],
            "responsible": ["省商务厅", "省供销合作联社"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省商务厅、交通运输厅按职责分工负责）",
        {"responsible": ["省商务厅", "省交通运输厅"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（人民银行广东省分行牵头，省委金融办，国家金融监督管理总局广东监管局、中国证监会广东监管局按职责分工负责）",
        {
            "lead": ["人民银行广东省分行"],
            "responsible": ["省委金融办", "国家金融监督管理总局广东监管局", "中国证监会广东监管局"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省政务和数据局牵头，省工业和信息化厅、统计局按职责分工负责）",
        {
            "lead": ["省政务和数据局"],
            "responsible": ["省工业和信息化厅", "省统计局"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省有关单位按职责分工负责）",
        {"responsible": ["省有关单位"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省政务和数据局牵头，各有关单位按职责分工负责）",
        {"lead": ["省政务和数据局"], "responsible": ["各有关单位"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省政务和数据局牵头，各有关单位按职责分工负责）",
        {"lead": ["省政务和数据局"], "responsible": ["各有关单位"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    ("（省政务和数据局牵头）", {"lead": ["省政务和数据局"], "implementing": ["各地级以上市人民政府"]}, False),
    (
        "（省发展改革委、财政厅、政务和数据局、统计局按职责分工负责）",
        {
            "responsible": ["省发展改革委", "省财政厅", "省政务和数据局", "省统计局"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省自然资源厅、住房城乡建设厅、农业农村厅、市场监管局，省海洋综合执法总队按职责分工负责）",
        {
            "responsible": [
                "省自然资源厅",
                "省住房城乡建设厅",
                "省农业农村厅",
                "省市场监管局",
                "省海洋综合执法总队",
            ],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省自然资源厅、生态环境厅按职责分工负责）",
        {"responsible": ["省自然资源厅", "省生态环境厅"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省住房城乡建设厅、交通运输厅、水利厅按职责分工负责）",
        {
            "responsible": ["省住房城乡建设厅", "省交通运输厅", "省水利厅"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省人大常委会办公厅，省政协办公厅，省政务和数据局、机关事务局按职责分工负责）",
        {
            "responsible": ["省人大常委会办公厅", "省政协办公厅", "省政务和数据局", "省机关事务局"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省公安厅、交通运输厅、政务和数据局，海关总署广东分署、广东海事局按职责分工负责）",
        {
            "responsible": ["省公安厅", "省交通运输厅", "省政务和数据局", "海关总署广东分署", "广东海事局"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省委网信办，省政务和数据局按职责分工负责）",
        {"responsible": ["省委网信办", "省政务和数据局"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省政务和数据局牵头，省科技厅、工业和信息化厅、交通运输厅按职责分工负责）",
        {
            "lead": ["省政务和数据局"],
            "responsible": ["省科技厅", "省工业和信息化厅", "省交通运输厅"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省教育厅、人力资源社会保障厅按职责分工负责）",
        {"responsible": ["省教育厅", "省人力资源社会保障厅"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省民政厅、卫生健康委、医保局按职责分工负责）",
        {"responsible": ["省民政厅", "省卫生健康委", "省医保局"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    ("（省应急管理厅牵头）", {"lead": ["省应急管理厅"], "implementing": ["各地级以上市人民政府"]}, False),
    (
        "（省委金融办牵头，省委政法委按职责分工负责）",
        {"lead": ["省委金融办"], "responsible": ["省委政法委"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省委社会工作部，省政务和数据局牵头）",
        {"lead": ["省委社会工作部", "省政务和数据局"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省法院，省检察院按职责分工负责）",
        {"responsible": ["省法院", "省检察院"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省生态环境厅、林业局、能源局按职责分工负责）",
        {"responsible": ["省生态环境厅", "省林业局", "省能源局"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    ("（省文化和旅游厅牵头）", {"lead": ["省文化和旅游厅"], "implementing": ["各地级以上市人民政府"]}, False),
    (
        "（省工业和信息化厅、住房城乡建设厅、交通运输厅按职责分工负责）",
        {
            "responsible": ["省工业和信息化厅", "省住房城乡建设厅", "省交通运输厅"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    ("（省政务和数据局牵头）", {"lead": ["省政务和数据局"], "implementing": ["各地级以上市人民政府"]}, False),
    (
        "（省政务和数据局、农业农村厅按职责分工负责）",
        {"responsible": ["省政务和数据局", "省农业农村厅"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
    (
        "（省发展改革委、工业和信息化厅，省通信管理局按职责分工负责）",
        {
            "responsible": ["省发展改革委", "省工业和信息化厅", "省通信管理局"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省政务和数据局牵头，省委网信办，省发展改革委、工业和信息化厅、财政厅、能源局，省通信管理局等按职责分工负责）",
        {
            "lead": ["省政务和数据局"],
            "responsible": [
                "省委网信办",
                "省发展改革委",
                "省工业和信息化厅",
                "省财政厅",
                "省能源局",
                "省通信管理局",
            ],
            "implementing": ["各地级以上市人民政府"],
        },
        True,
    ),
    (
        "（省政务和数据局牵头，省通信管理局按职责分工负责）",
        {
            "lead": ["省政务和数据局"],
            "responsible": ["省通信管理局"],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    ("（省政务和数据局牵头）", {"lead": ["省政务和数据局"], "implementing": ["各地级以上市人民政府"]}, False),
    (
        "（省教育厅、工业和信息化厅、商务厅、文化和旅游厅、卫生健康委、能源局等按职责分工负责）",
        {
            "responsible": [
                "省教育厅",
                "省工业和信息化厅",
                "省商务厅",
                "省文化和旅游厅",
                "省卫生健康委",
                "省能源局",
            ],
            "implementing": ["各地级以上市人民政府"],
        },
        True,
    ),
    (
        "（省委网信办，省保密局、密码管理局，省公安厅、政务和数据局，省通信管理局按职责分工负责）",
        {
            "responsible": [
                "省委网信办",
                "省保密局",
                "省密码管理局",
                "省公安厅",
                "省政务和数据局",
                "省通信管理局",
            ],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    ("（省政务和数据局牵头）", {"lead": ["省政务和数据局"], "implementing": ["各地级以上市人民政府"]}, False),
    (
        "（省委金融办，省发展改革委、教育厅、财政厅、人力资源社会保障厅、政务和数据局，人民银行广东省分行、国家金融监督管理总局广东监管局按职责分工负责）",
        {
            "responsible": [
                "省委金融办",
                "省发展改革委",
                "省教育厅",
                "省财政厅",
                "省人力资源社会保障厅",
                "省政务和数据局",
                "人民银行广东省分行",
                "国家金融监督管理总局广东监管局",
            ],
            "implementing": ["各地级以上市人民政府"],
        },
        False,
    ),
    (
        "（省有关单位按职责分工负责）",
        {"responsible": ["省有关单位"], "implementing": ["各地级以上市人民政府"]},
        False,
    ),
]


def test_gd_2025_digital_seed_all_fifty_items() -> None:
    got = read_document([f"推进工作。{clause}" for clause, _, _ in SEED])
    for n, ((_, expected, open_ended), (found, is_open, deadline)) in enumerate(
        zip(SEED, got, strict=True), 1
    ):
        assert found == expected, f"item {n}"
        assert is_open is open_ended, f"item {n}"
        assert deadline is None


# (node content as in the raw text, expected roles from gold, open_ended from gold)
OTHERS: dict[str, list[tuple[str, Expected, bool]]] = {
    "gd-2024-digital-s": [
        (
            "(一)推动粤港澳大湾区政府服务衔接融合。深化政务服务“跨境通办”合作。进一步提升外国人永久居留身份证、"
            "港澳居民居住证、港澳居民往来内地通行证等证件在大湾区行、消、住、游等方面的便利化应用。"
            "(省政务服务和数据管理局牵头,省公安厅,广州、深圳、珠海出入境边防检查总站,"
            "中国人民银行广东省分行等有关单位按职责分工负责)",
            {
                "lead": ["省政务服务和数据管理局"],
                "responsible": [
                    "省公安厅",
                    "广州出入境边防检查总站",
                    "深圳出入境边防检查总站",
                    "珠海出入境边防检查总站",
                    "中国人民银行广东省分行",
                ],
            },
            True,
        ),
    ],
    "gd-2022-govt-t": [
        (
            "加快數字政府基礎能力均衡化發展。全面啟動全省數字政府基礎能力均衡化發展工作,以地市為主體建設落實。"
            "不斷提高粵東粵西粵北地區數字政府建設水平。(省政務服務數據管理局,相關地市政府牽頭)\n",
            {"lead": ["省政務服務數據管理局", "相關地市政府"]},
            False,
        ),
    ],
    "zhaoqing-2024-digecon-s": [
        (
            "发展新一代电子信息产业。加强电子信息产业集群创新,培育更多电子信息领域的高新技术企业。"
            "〔市工信局牵头,市发改局、市科技局、各县(市、区)人民政府按职责分工负责〕\n",
            {"lead": ["市工信局"], "responsible": ["市发改局", "市科技局", "各县(市、区)人民政府"]},
            False,
        ),
    ],
    "cn-2014-rural-split-t": [
        (
            "關於“實施以我為主、立足國內、確保産能、適度進口、科技支撐的國家糧食安全戰略”和“確保穀物基本自給、"
            "口糧絕對安全”的問題,由發展改革委會同中央農辦、農業部、財政部、科技部、國土資源部、水利部、商務部、"
            "統計局、糧食局等部門研究提出落實意見。\n  ",
            {
                "lead": ["發展改革委"],
                "cooperating": [
                    "中央農辦",
                    "農業部",
                    "財政部",
                    "科技部",
                    "國土資源部",
                    "水利部",
                    "商務部",
                    "統計局",
                    "糧食局",
                ],
            },
            True,
        ),
        (
            "關於“嚴守耕地保護紅線,劃定永久基本農田”的問題,由國土資源部會同農業部等部門負責落實。\n  ",
            {"lead": ["國土資源部"], "cooperating": ["農業部"]},
            True,
        ),
    ],
    "gd-2021-gzbg-s": [
        (
            "地区生产总值增长6%以上。\n\n  分管省领导:林克庆\n\n  "
            f"部门分工:{lead}牵头,各地、各部门配合。\n\n  ",
            {"lead": [lead], "cooperating": ["各地", "各部门"]},
            False,
        )
        for lead in ("省发展改革委", "省财政厅", "省发展改革委", "省商务厅")
    ],
    "sh-2025-open-govt-t": [
        (f"依法、規範、及時發布信息并做好解讀。(責任單位:{units})\n", {"responsible": expected}, False)
        for units, expected in (
            ("各有關單位、各區政府", ["各有關單位", "各區政府"]),
            ("市政府辦公廳、各試點單位、各試點區政府", ["市政府辦公廳", "各試點單位", "各試點區政府"]),
            (
                "市政府辦公廳、市司法局、各有關單位、各區政府",
                ["市政府辦公廳", "市司法局", "各有關單位", "各區政府"],
            ),
            ("市政府辦公廳、各區政府", ["市政府辦公廳", "各區政府"]),
            ("各有關單位、各區政府", ["各有關單位", "各區政府"]),
        )
    ],
    "qd-2023-energy-t": [
        (
            "建設崂山實驗室。實施“藍色藥庫”開發計劃,加快海洋科技成果轉移轉化。"
            "(牽頭單位:市科技局,參與單位:青島藍谷管理局)\n",
            {"lead": ["市科技局"], "cooperating": ["青島藍谷管理局"]},
            False,
        ),
        (
            "完善實驗室建設體系。形成國家級—省級—市級實驗室體系。(牽頭單位:市科技局)\n",
            {"lead": ["市科技局"]},
            False,
        ),
    ],
    "huadu-2022-zwgk-t": [
        (
            "加大受疫情影響重的餐飲、住宿、零售、文化、旅游、客運等行業幫扶政策的公開力度,"
            "促進穩就業和消費恢復。 | "
            "區發展改革局、區科技工業商務信息化局、區市場監管局、區文化廣電旅游體育局、區交通運輸局、"
            "區人力資源社會保障局、區城市管理綜合執法局、區財政局、區金融局、"
            "廣州市花都區稅務局等部門、各鎮(街) |\n",
            {
                "responsible": [
                    "區發展改革局",
                    "區科技工業商務信息化局",
                    "區市場監管局",
                    "區文化廣電旅游體育局",
                    "區交通運輸局",
                    "區人力資源社會保障局",
                    "區城市管理綜合執法局",
                    "區財政局",
                    "區金融局",
                    "廣州市花都區稅務局",
                    "各鎮(街)",
                ]
            },
            True,
        ),
        (
            "建立市場主體反映投資和工程建設項目審批問題的辦理和反饋機制,及時回應和解決“堵點”問題。 | "
            "區發展改革局、區科技工業商務信息化局、市規劃和自然資源局花都區分局、區住房城鄉建設局、區交通運輸局、"
            "區水務局、區財政局等部門、各鎮(街) |\n",
            {
                "responsible": [
                    "區發展改革局",
                    "區科技工業商務信息化局",
                    "市規劃和自然資源局花都區分局",
                    "區住房城鄉建設局",
                    "區交通運輸局",
                    "區水務局",
                    "區財政局",
                    "各鎮(街)",
                ]
            },
            True,
        ),
        (
            "持續推進反壟斷和反不正當競爭執法信息公開工作。 | 區市場監管局、各鎮(街) |\n",
            {"responsible": ["區市場監管局", "各鎮(街)"]},
            False,
        ),
        (
            "加強內容保障,加大涉企政策的分類公開和精準推送力度。 | 區直各單位、各鎮(街) |\n",
            {"responsible": ["區直各單位", "各鎮(街)"]},
            False,
        ),
        (
            "系統集成、智能推送已出臺各項減稅降費政策,做到應知盡知、應享盡享。 | "
            "廣州市花都區稅務局、區財政局按職能分工落實,各鎮(街) |\n",
            {"responsible": ["廣州市花都區稅務局", "區財政局", "各鎮(街)"]},
            False,
        ),
    ],
}


@pytest.mark.parametrize("doc", sorted(OTHERS))
def test_dev_document_clauses(doc: str) -> None:
    nodes = OTHERS[doc]
    got = read_document([content for content, _, _ in nodes])
    for n, ((_, expected, open_ended), (found, is_open, deadline)) in enumerate(
        zip(nodes, got, strict=True), 1
    ):
        assert found == simplified(expected), f"{doc} node {n}"
        assert is_open is open_ended, f"{doc} node {n}"
        assert deadline is None


def test_jieyang_rule_applies_from_its_own_clause() -> None:
    # gold: lead = the first unit listed, the rest responsible; the cut item 2 is not scored
    (first, _, _), (second, _, _) = read_document(
        [
            "用好省的统筹资源和扶持政策。紧紧抓住省政府推动全省数字政府基础能力均衡化发展契机,"
            "密切配合省政务服务数据管理局落实均衡化发展实施方案和资金管理办法,努力缩小与省内发达地区的数字鸿沟。"
            "(市政务服务数据管理局、市有关单位、各县<市、区>政府<管委会>负责。"
            "责任单位排在首位的为牵头单位,下同)\n\n  ",
            "加强政务云运行管理。为数字政府改革建设提供充足的运算资源支持。"
            "(市政务服务数据管理局、市有关单位、各县<市、区>政府<管委会>负",
        ]
    )
    assert first == {
        "lead": ["市政务服务数据管理局"],
        "responsible": ["市有关单位", "各县<市、区>政府<管委会>"],
    }
    assert second == {"lead": ["市政务服务数据管理局"], "responsible": ["市有关单位"]}


LISHUI = [
    ("生产总值增长6%以上,高质量前提下能快则快。\n\n责任单位:市发改委\n\n", {"responsible": ["市发改委"]}),
    ("规上工业增加值增长8%。\n\n责任单位:市经信局\n\n", {"responsible": ["市经信局"]}),
    ("研发投入强度达到2.3%。\n\n责任单位:市科技局\n\n", {"responsible": ["市科技局"]}),
    (
        "固定资产投资增长10%。\n\n责任单位:市发改委、市经信局、市科技局、市财政局、市自然资源局、市生态环境局、"
        "市建设局、市交通运输局、市水利局、市农业农村局、市文广旅体局、市卫生健康委"
        "(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)\n\n",
        {
            "lead": ["市发改委"],
            "responsible": [
                "市经信局",
                "市科技局",
                "市财政局",
                "市自然资源局",
                "市生态环境局",
                "市建设局",
                "市交通运输局",
                "市水利局",
                "市农业农村局",
                "市文广旅体局",
                "市卫生健康委",
            ],
        },
    ),
    ("社会消费品零售总额增长5%,外贸出口增长5%。\n\n责任单位:市商务局\n\n", {"lead": ["市商务局"]}),
    (
        "城乡居民收入增速保持全省领先、农民收入增速快于城镇居民。\n\n责任单位:市人力社保局、市农业农村局分别牵头\n\n",
        {"lead": ["市人力社保局", "市农业农村局"]},
    ),
    ("一般公共预算收入与经济增长基本同步。\n\n责任单位:市财政局\n\n", {"lead": ["市财政局"]}),
    ("居民消费价格涨幅控制在3%以内。\n\n责任单位:市发改委\n\n", {"lead": ["市发改委"]}),
    (
        "城镇新增就业、节能减排降碳完成省定任务。\n\n责任单位:市人力社保局、市发改委分别牵头\n\n",
        {"lead": ["市人力社保局", "市发改委"]},
    ),
    (
        "实施招商引资“百千”行动,带动未来五年制造业投资1000亿元以上。\n\n"
        "责任单位:市双招双引办、市发改委、市经信局,各县(市、区)政府、丽水开发区管委会\n\n",
        {
            "lead": ["市双招双引办"],
            "responsible": ["市发改委", "市经信局", "各县(市、区)政府", "丽水开发区管委会"],
        },
    ),
]


def test_lishui_rule_from_item_four_on() -> None:
    got = read_document([content for content, _ in LISHUI])
    for n, ((_, expected), (found, is_open, _)) in enumerate(zip(LISHUI, got, strict=True), 1):
        assert found == expected, f"item {n}"
        assert not is_open


def test_gd_2021_empty_label_at_the_cut_reads_no_unit() -> None:
    text = analysis("进出口实现正增长。\n\n  分管省领导:张新\n\n  部门分工:")
    loc = locate_clause(text, 0, len(text))
    reading = read_clause(text, loc, CarryState())
    assert all(not reading.roles[r] for r in Role)
    assert reading.problems
