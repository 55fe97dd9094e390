"""The cover notice in its forms, told apart from web furniture and page metadata."""

import pytest

import gdplan

PLAN = "\n一、总体要求\n（一）加强统筹。建立机制。（省政务服务数据管理局牵头）\n"


def test_full_notice_frame() -> None:
    text = (
        "广东省人民政府办公厅关于印发\n广东省数字政府改革建设2022年\n工作要点的通知\n"
        "粤办函〔2022〕24号\n"
        "各地级以上市人民政府，省政府各部门、各直属机构：\n"
        "《广东省数字政府改革建设2022年工作要点》已经省人民政府同意，现印发给你们，请认真贯彻执行。\n"
        "省政府办公厅\n2022年2月28日\n"
        "广东省数字政府改革建设2022年工作要点\n"
        "2022年是关键一年。" + PLAN
    )
    doc = gdplan.parse(text)
    n = doc.notice
    assert n is not None
    assert n.title == "广东省人民政府办公厅关于印发广东省数字政府改革建设2022年工作要点的通知"
    assert n.issuer == "广东省人民政府办公厅"
    assert n.doc_number == "粤办函〔2022〕24号"
    assert n.addressees == ["各地级以上市人民政府", "省政府各部门", "省政府各直属机构"]
    assert n.signature == "省政府办公厅"
    assert n.date == "2022-02-28"
    assert doc.title == "广东省数字政府改革建设2022年工作要点"
    assert doc.year == 2022
    assert doc.preamble == "2022年是关键一年。"


def test_chinese_numeral_date_and_bracket_variants_of_doc_number() -> None:
    text = (
        "关于印发《2024年某市工作要点》的通知\n某府函[2024]7号\n各区人民政府：\n现印发给你们。\n某市人民政府\n二〇二四年五月十五日\n"
        + PLAN
    )
    n = gdplan.parse(text).notice
    assert n is not None
    assert n.doc_number == "某府函[2024]7号"
    assert n.date == "2024-05-15"


def test_plan_title_inferred_from_notice_title() -> None:
    text = "关于印发《2024年肇庆市数字经济工作要点》的通知\n各县（市、区）人民政府：\n现印发给你们。\n" + PLAN
    doc = gdplan.parse(text)
    assert doc.title == "2024年肇庆市数字经济工作要点"
    assert doc.year == 2024


def test_two_signing_offices_and_publishing_date_is_not_the_date() -> None:
    text = (
        "来源时间为:2024-09-02\n发布时间：2024-08-02\n"
        "各县（市、区）人民政府：\n现印发给你们。\n"
        "肇庆市工业和信息化局\n肇庆市政务服务和数据管理局\n2024年7月26日\n" + PLAN
    )
    n = gdplan.parse(text).notice
    assert n is not None
    assert n.signature == "肇庆市工业和信息化局、肇庆市政务服务和数据管理局"
    assert n.date == "2024-07-26"


def test_metadata_block_is_a_fallback_for_the_date() -> None:
    text = (
        "發文機關: 國務院辦公廳 成文日期: 2014年02月23日\n"
        "發文字號: 國辦函〔2014〕31號\n國務院各部委、各直屬機構:\n" + PLAN
    )
    n = gdplan.parse(text).notice
    assert n is not None
    assert n.date == "2014-02-23"
    assert n.doc_number == "國辦函〔2014〕31號"


def test_no_notice() -> None:
    doc = gdplan.parse("市政府工作报告重点工作责任分解(2023年)\n时间:2023-07-11 17:01 浏览次数:" + PLAN)
    assert doc.notice is None
    assert doc.title == "市政府工作报告重点工作责任分解(2023年)"
    assert doc.year == 2023


def test_news_lead_in_before_the_notice_is_not_the_notice() -> None:
    text = (
        "近日，广东省政务服务和数据管理局印发《数字广东建设2025年工作要点》，全文如下：\n"
        "广东省政务服务和数据管理局关于印发数字广东建设2025年工作要点的通知\n"
        "各地级以上市人民政府，省有关单位：\n现印发给你们，请认真贯彻执行。\n"
        "广东省政务服务和数据管理局\n2025年5月15日\n数字广东建设2025年工作要点\n" + PLAN
    )
    doc = gdplan.parse(text)
    assert doc.notice is not None
    assert doc.notice.title == "广东省政务服务和数据管理局关于印发数字广东建设2025年工作要点的通知"
    assert doc.notice.addressees == ["各地级以上市人民政府", "省有关单位"]
    assert doc.title == "数字广东建设2025年工作要点"


def test_table_header_cells_are_not_a_plan_title() -> None:
    doc = gdplan.parse("工作任务\n具体要求\n责任单位" + PLAN)
    assert doc.title is None


def test_an_opinion_whose_body_is_the_plan_signs_off_after_its_last_item() -> None:
    text = (
        "国务院关于落实《政府工作报告》重点工作分工的意见\n国发〔2023〕8号\n"
        "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n"
        "为做好今年政府工作，现提出分工意见如下：\n"
        "一、着力扩大国内需求\n"
        "1.多渠道增加城乡居民收入。（国家发展改革委牵头，财政部等按职责分工负责，年内持续推进）\n"
        "2.持续开展关键核心技术攻关。①加强基础研究；②推进应用研究。（科技部牵头）\n"
        "国务院\n2023年3月31日\n"
    )
    doc = gdplan.parse(text)
    n = doc.notice
    assert n is not None
    assert n.title == "国务院关于落实《政府工作报告》重点工作分工的意见"
    assert n.issuer == "国务院"
    assert n.addressees == ["各省、自治区、直辖市人民政府", "国务院各部委", "国务院各直属机构"]
    assert (n.signature, n.date) == ("国务院", "2023-03-31")
    assert doc.title == n.title  # the body is the plan
    assert doc.complete and doc.diagnostics == []
    first, second = doc.items()
    assert first.responsibility is not None and first.responsibility.deadline == "年内持续推进"
    # ① ② inside an item are its enumeration, not items; the clause stays the item's.
    assert second.text == "①加强基础研究；②推进应用研究。"
    assert second.responsibility is not None
    assert [u.name for u in second.responsibility.lead] == ["科技部"]


def test_closing_lines_after_the_last_item_are_not_its_text() -> None:
    text = (
        "广东省政务服务和数据管理局关于印发数字广东建设2025年工作要点的通知\n"
        "各地级以上市人民政府，省有关单位：\n现印发给你们，请认真贯彻执行。\n"
        "广东省政务服务和数据管理局\n2025年5月15日\n附件\n数字广东建设2025年工作要点\n"
        "一、加快培育数字化发展引擎\n"
        "1．推进产业协同创新。完善体系。（省工业和信息化厅牵头）\n"
        "附件：重点任务分工表\n"
        "抄送：省委办公厅，省人大常委会办公厅。\n"
        "广东省政务服务和数据管理局办公室 2025年5月16日印发\n"
    )
    doc = gdplan.parse(text)
    item = next(doc.items())
    assert item.text == "完善体系。"
    assert item.responsibility is not None
    assert [u.name for u in item.responsibility.lead] == ["省工业和信息化厅"]
    assert doc.complete and doc.diagnostics == []
    assert doc.title == "数字广东建设2025年工作要点"
    assert doc.notice is not None and doc.notice.date == "2025-05-15"


def test_attachment_list_in_the_notice_is_not_numbered_items() -> None:
    text = (
        "某市人民政府办公室关于印发某市2024年数字政府工作要点和任务清单的通知\n"
        "各区人民政府，市政府各部门：\n现将《工作要点》《任务清单》印发给你们，请认真贯彻执行。\n"
        "附件：1.某市2024年数字政府工作要点\n2.某市2024年数字政府重点任务清单\n"
        "某市人民政府办公室\n2024年3月1日\n某市2024年数字政府工作要点\n"
        "一、夯实基础\n1.推进政务云建设。（市政务服务数据管理局牵头）\n2.完善数据共享。（市政务服务数据管理局负责）\n"
    )
    doc = gdplan.parse(text)
    assert [(n.path, n.label) for n in doc.walk()] == [([1], "一、"), ([1, 1], "1."), ([1, 2], "2.")]
    assert doc.notice is not None and doc.notice.signature == "某市人民政府办公室"
    assert doc.title == "某市2024年数字政府工作要点"
    assert [d for d in doc.diagnostics if d.code != "unresolved-unit"] == []  # 某市 is no place


def test_doc_number_printed_above_the_title() -> None:
    text = (
        "广东省人民政府办公厅文件\n粤府办〔2023〕5号\n"
        "广东省人民政府办公厅关于印发广东省2023年数字政府改革建设工作要点的通知\n"
        "各地级以上市人民政府：\n现印发给你们。\n广东省人民政府办公厅\n2023年3月20日\n"
        "广东省2023年数字政府改革建设工作要点\n" + PLAN
    )
    doc = gdplan.parse(text)
    assert doc.notice is not None
    assert doc.notice.doc_number == "粤府办〔2023〕5号"
    assert doc.title == "广东省2023年数字政府改革建设工作要点"


def test_addressee_list_wrapped_over_two_lines() -> None:
    text = (
        "广东省人民政府办公厅关于印发某市工作要点的通知\n"
        "各地级以上市人民政府，省政府各部门、\n各直属机构：\n现印发给你们。\n"
        "广东省人民政府办公厅\n2023年3月20日\n" + PLAN
    )
    notice = gdplan.parse(text).notice
    assert notice is not None
    assert notice.addressees == ["各地级以上市人民政府", "省政府各部门", "省政府各直属机构"]


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        ("广东省数字政府改革建设\n2022年工作要点\n", "广东省数字政府改革建设2022年工作要点"),  # wrapped
        ("《数字广东建设2025年工作要点》\n", "数字广东建设2025年工作要点"),  # printed in 《》
    ],
)
def test_plan_title_wrapped_or_in_title_marks(lines: str, title: str) -> None:
    text = (
        "各地级以上市人民政府：\n现印发给你们。\n广东省人民政府办公厅\n2023年3月20日\n"
        + lines
        + "为做好工作，制定本要点。"
        + PLAN
    )
    doc = gdplan.parse(text)
    assert doc.title == title
    assert doc.preamble == "为做好工作，制定本要点。"
