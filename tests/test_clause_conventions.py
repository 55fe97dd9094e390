"""The field's clause conventions (DOMAIN.md §3b), on constructed texts: no corpus strings.

Carry sentences, 等 inside a list element, prefixes by kind, the rules a plan states about
itself, and labels.
"""

from __future__ import annotations

import pytest

import gdplan
from gdplan.model import Document, Node, Responsibility
from gdplan.parser.clause import kinds, split_units


def _items(doc: Document) -> list[Node]:
    return [n for root in doc.children for n in root.walk() if n.kind == "item"]


def _duties(text: str) -> list[Responsibility]:
    out = []
    for node in _items(gdplan.parse(text)):
        assert node.responsibility is not None, node.label
        out.append(node.responsibility)
    return out


def _n(units: list[gdplan.Unit]) -> list[str]:
    return [u.name for u in units]


def _split(text: str) -> list[str]:
    return [u.render(text) for u in split_units(text, 0, len(text))]


# ---- point 2: carry sentences --------------------------------------------------------------


def test_a_sentence_about_what_follows_carries_to_later_items_only() -> None:
    first, second, third = _duties(
        "一、总体安排\n"
        "(一)压实责任。建立台账。(市林业局、市委宣传部分工负责;以下各项工作均需各县区、"
        "甲高新区具体落实,不再注明)\n"
        "(二)加强培训。开展轮训。(市人社局负责)\n"
        "(三)强化考核。纳入考核。\n"
    )
    assert _n(first.responsible) == ["市林业局", "市委宣传部"]
    assert first.implementing == [] and first.carried == []
    assert _n(second.responsible) == ["市人社局"]
    assert _n(second.implementing) == ["各县区", "甲高新区"]
    assert _n(second.carried) == ["各县区", "甲高新区"]
    assert _n(third.implementing) == ["各县区", "甲高新区"]
    every = [u.name for d in (first, second, third) for u in [*d.responsible, *d.implementing]]
    assert not any("以下" in name or "具体" in name or "不再" in name for name in every)


def test_a_sentence_about_all_the_plans_tasks_also_gives_them_to_its_own_item() -> None:
    first, second = _duties(
        "一、重点任务\n"
        "1.推进林长制。完善制度。(市林业局牵头;本方案所列任务均需各县(市、区)人民政府作为责任单位,"
        "以下不再列出)\n"
        "2.保护湿地。开展调查。(市自然资源局负责)\n"
    )
    assert _n(first.lead) == ["市林业局"]
    assert _n(first.responsible) == ["各县(市、区)人民政府"]
    assert _n(second.responsible) == ["市自然资源局", "各县(市、区)人民政府"]
    assert _n(second.carried) == ["各县(市、区)人民政府"]


def test_a_carry_sentence_with_tong_xia_in_a_label() -> None:
    first, second = _duties(
        "一、重点任务\n"
        "(一)建设物流枢纽。〔责任单位:省交通运输厅、商务厅按职责分工负责;具体任务均涉及相关市(州)人民政府,"
        "不再做分工,下同。〕\n"
        "(二)发展冷链。〔责任单位:省商务厅〕\n"
    )
    assert _n(first.responsible) == ["省交通运输厅", "省商务厅", "相关市(州)人民政府"]
    assert _n(second.responsible) == ["省商务厅", "相关市(州)人民政府"]


# ---- point 3: 等 inside a list element -----------------------------------------------------


@pytest.mark.parametrize(
    ("group", "unit"),
    [
        ("市林业局等市直有关单位", "市林业局"),
        ("市财政局等市级相关单位", "市财政局"),
        ("电信企业等", "电信企业"),
        ("县水利局等县直部门", "县水利局"),
    ],
)
def test_deng_inside_a_list_element_keeps_the_unit_and_opens_the_list(group: str, unit: str) -> None:
    (duty,) = _duties(f"一、任务\n1.推进造林。开展监测。(市发改委牵头,{group}配合)\n")
    assert _n(duty.cooperating) == [unit]
    assert duty.open_ended


# ---- point 4: a prefix goes only where it fits ---------------------------------------------


@pytest.mark.parametrize(
    ("group", "units"),
    [
        ("省委网信办、教育厅、科技厅", ["省委网信办", "省教育厅", "省科技厅"]),
        ("省委宣传部、网信办、林业局", ["省委宣传部", "省委网信办", "省林业局"]),
        ("市委组织部、编办、人社局", ["市委组织部", "市委编办", "市人社局"]),
        ("市交通局、电信运营商、银行", ["市交通局", "电信运营商", "银行"]),
        ("区商务局、物流协会、工业集团", ["区商务局", "物流协会", "工业集团"]),
        ("自治区党委政法委、公安厅", ["自治区党委政法委", "自治区公安厅"]),
    ],
)
def test_prefixes_by_kind(group: str, units: list[str]) -> None:
    assert _split(group) == units


def test_the_registry_knows_party_organs_the_word_list_lacks() -> None:
    """教育工委 is in the registry's party forms, not in unit_kinds.toml: the registry answers."""
    assert kinds._is("party_organ", "教育工委") is False  # the word list alone would say no
    assert kinds.is_party_organ("教育工委")
    assert _split("市委宣传部、教育工委、教育局") == ["市委宣传部", "市委教育工委", "市教育局"]


def test_unit_kinds_come_from_the_data_file() -> None:
    assert kinds.is_party_organ("宣传部") and not kinds.is_party_organ("教育厅")
    assert kinds.is_non_government("电信运营商") and not kinds.is_non_government("林业局")
    assert kinds.is_local_government("各镇(街道)") and kinds.is_local_government("甲经开区")
    assert not kinds.is_local_government("各有关部门")


# ---- point 9: rules the plan states about itself ----------------------------------------


def test_first_listed_leads_applies_to_later_clauses_a_lone_unit_included() -> None:
    before, rule, lone, listed = _duties(
        "一、任务\n"
        "1.发展油茶。\n责任单位:县林业局\n"
        "2.发展竹业。\n责任单位:县林业局、县发改委(列第一位者为牵头单位,下同)\n"
        "3.发展花卉。\n责任单位:县农业农村局\n"
        "4.发展苗木。\n责任单位:县自然资源局、县林业局\n"
    )
    assert _n(before.responsible) == ["县林业局"] and before.lead == []  # before the rule
    assert _n(rule.lead) == ["县林业局"] and _n(rule.responsible) == ["县发改委"]
    assert _n(lone.lead) == ["县农业农村局"] and lone.responsible == []
    assert _n(listed.lead) == ["县自然资源局"] and _n(listed.responsible) == ["县林业局"]


def test_implementing_is_for_governments_and_zones() -> None:
    (duty,) = _duties(
        "一、任务\n1.推进造林。开展监测。(市林业局、各县政府、乙高新区管委会按职责分工落实,各乡镇结合实际落实)\n"
    )
    assert _n(duty.responsible) == ["市林业局", "各县政府", "乙高新区管委会"]
    assert _n(duty.implementing) == ["各乡镇"]
    (department,) = _duties("一、任务\n1.推进造林。开展监测。(市林业局落实)\n")
    assert _n(department.responsible) == ["市林业局"] and department.implementing == []


@pytest.mark.parametrize(
    ("group", "units"),
    [
        ("县政府各工作部门、直属机构", ["县政府各工作部门", "县政府各直属机构"]),
        ("县政府有关部门、直属机构", ["县政府有关部门", "县政府有关直属机构"]),
        ("县政府各部门、各直属机构", ["县政府各部门", "县政府各直属机构"]),
        ("县政府各部门、直属各单位", ["县政府各部门", "县政府直属各单位"]),
        ("各县区党委、政府", ["各县区党委", "各县区政府"]),
        (
            "丙高新区、丁经开区党工委、管委会",
            ["丙高新区党工委", "丙高新区管委会", "丁经开区党工委", "丁经开区管委会"],
        ),
    ],
)
def test_shared_prefixes_and_tails(group: str, units: list[str]) -> None:
    assert _split(group) == units


# ---- point 11: labels -------------------------------------------------------------------


def test_department_labels_on_their_own_lines() -> None:
    (duty,) = _duties(
        "一、任务\n1.推进造林。\n牵头部门:市林业局\n配合部门:市财政局、市水利局\n完成时限:2028年底前\n"
    )
    assert _n(duty.lead) == ["市林业局"]
    assert _n(duty.cooperating) == ["市财政局", "市水利局"]
    assert duty.deadline == "2028年底前"


def test_zhuban_xieban_and_responsible_labels_in_brackets() -> None:
    (duty,) = _duties("一、任务\n1.推进造林。开展监测。(主办:市林业局;协办:市气象局)\n")
    assert _n(duty.lead) == ["市林业局"] and _n(duty.cooperating) == ["市气象局"]
    (section,) = _duties("一、任务\n1.推进造林。开展监测。(责任科室:造林科、保护科)\n")
    assert _n(section.responsible) == ["造林科", "保护科"]
    (lines,) = _duties(
        "一、任务\n1.推进造林。\n牵头负责领导:张某。\n牵头责任单位:市林业局。\n协同责任单位:市财政局、市水利局。\n"
    )
    assert _n(lines.lead) == ["市林业局"]
    assert _n(lines.responsible) == ["市财政局", "市水利局"]


def test_a_label_about_something_else_is_no_unit_list() -> None:
    doc = gdplan.parse("一、任务\n1.推进造林。开展监测。(适用范围:各县人民政府)\n")
    (item,) = _items(doc)
    assert item.responsibility.is_empty() and item.responsibility.absent == "no-clause"


# ---- carry sentences and rules stated before the first numbered node ------------------------


def test_a_carry_sentence_in_the_preamble_reaches_every_task() -> None:
    text = (
        "株洲市2026年营商环境重点工作任务\n"
        "为持续优化营商环境，制定本方案。本方案所列任务均需各县市区人民政府作为责任单位，以下不再列出。\n"
        "一、提升服务\n"
        "（一）深化改革。拓展集成服务。（市政务服务中心牵头，市司法局按职责分工负责）\n"
        "（二）推进兑现。建设兑现平台。（市工信局牵头）\n"
    )
    first, second = _duties(text)
    assert _n(first.responsible) == ["市司法局", "各县市区人民政府"]
    assert _n(second.responsible) == ["各县市区人民政府"]
    assert _n(second.carried) == ["各县市区人民政府"]
    assert _n(second.lead) == ["市工信局"]


def test_an_implementing_carry_and_a_first_leads_note_before_the_first_node() -> None:
    text = (
        "赣州市章贡区2027年林业工作要点\n"
        "以下各项工作均需各镇（街道）结合实际抓好落实。\n"
        "（责任单位排在首位的为牵头单位）\n"
        "一、加强森林防火\n"
        "1．建设监测网络。完善护林员巡护制度。（区林业局、区应急管理局）\n"
        "2．开展专项行动。（区公安分局）\n"
    )
    first, second = _duties(text)
    assert (_n(first.lead), _n(first.responsible)) == (["区林业局"], ["区应急管理局"])
    assert _n(first.implementing) == ["各镇（街道）"]
    assert (_n(second.lead), _n(second.implementing)) == (["区公安分局"], ["各镇（街道）"])
