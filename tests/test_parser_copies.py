"""Notices and titles as real copies print them (issue 7: titles, notice fields, notices
without their plan, markers and one-line copies, saved pages).

Every text here is constructed: other provinces, cities, units and years than the corpus.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gdplan
from gdplan import NotAPlanError
from gdplan.cli import main
from gdplan.parser.rules.signoff import read_date

PLAN = "\n一、总体要求\n（一）加强统筹。建立机制。（市林业局牵头，市财政局负责）\n"
FRAME = "各县（市、区）人民政府，市直各单位：\n现印发给你们，请认真贯彻执行。\n赣州市人民政府\n2027年3月5日\n"


def parse(text: str) -> gdplan.Document:
    return gdplan.parse(text)


# -- 5. titles --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "front",
    [
        "赣州市林业发展三年行动计划(2026-2028年)\n为推进工作，制定本计划。",
        "赣州市林业发展三年行动计划\n(2026-2028年)\n为推进工作，制定本计划。",
        "赣州市林业发展三年行动计划（2026—2028年）\n为推进工作，制定本计划。",
    ],
    ids=["one-line", "period-wrapped", "full-width"],
)
def test_a_plan_title_with_its_period_in_brackets_is_whole_and_has_no_year(front: str) -> None:
    doc = parse(front + PLAN)
    assert doc.title is not None
    assert doc.title.replace("（", "(").replace("）", ")").replace("—", "-") == (
        "赣州市林业发展三年行动计划(2026-2028年)"
    )
    assert doc.year is None  # a range is no single year
    assert doc.preamble == "为推进工作，制定本计划。"


def test_year_from_the_plan_title_else_the_notice_title_never_the_body() -> None:
    notice = "赣州市人民政府关于印发林业发展2027年工作要点的通知\n赣府字〔2026〕9号\n" + FRAME
    assert parse(notice + "赣州市林业发展2027年工作要点" + PLAN).year == 2027
    # The plan title prints no year: the notice title's.
    assert parse(notice + "赣州市林业发展工作要点" + PLAN).year == 2027
    # No title prints one: not from the 文号, the date or the preamble.
    bare = "赣州市人民政府关于印发林业发展工作要点的通知\n赣府字〔2026〕9号\n" + FRAME
    doc = parse(bare + "赣州市林业发展工作要点\n2027年是关键之年，做好2027年工作意义重大。" + PLAN)
    assert doc.year is None
    # Two different years in the plan title: no single year.
    assert parse("赣州市2026年林业工作总结和2027年工作计划" + PLAN).year is None


def test_web_furniture_before_the_plan_title_is_not_the_title() -> None:
    text = (
        "相关阅读：关于印发赣州市2026年林业工作要点的通知\n"
        "【推荐阅读】赣州市召开全市林业工作会议\n"
        "欢迎关注“赣州林业”微信公众号\n"
        "点击查看更多政策解读\n"
        "赣州市林业局2027年林业工作要点\n为推进工作，制定本要点。" + PLAN
    )
    doc = parse(text)
    assert doc.notice is None
    assert doc.title == "赣州市林业局2027年林业工作要点"
    assert doc.year == 2027


def test_a_bare_unit_name_above_a_task_table_title_is_not_the_title() -> None:
    text = (
        "赣州市林业局\n当前位置：首页 > 信息公开 > 计划总结\n"
        "赣州市林业局2027年重点工作任务分解表\n赣州市林业局2027年重点工作任务分解表" + PLAN
    )
    doc = parse(text)
    assert doc.title == "赣州市林业局2027年重点工作任务分解表"
    assert doc.year == 2027
    assert doc.preamble is None  # the page's second copy of the title is not preamble


@pytest.mark.parametrize(
    "title_lines",
    [
        ["江西省人民政府办公厅关于印发江西省", "林业发展2027年工作要点的通知"],
        ["江西省人民政府办公厅关于印发江西省", "林业发展2027年", "工作要点的通知"],
        ["江西省人民政府辦公廳關於印發江西省", "林業發展2027年", "工作要點的通知"],
        ["江西省人民政府办公厅关于推进江西省", "林业高质量发展的实施意见"],
        ["江西省人民政府辦公廳關於推進江西省", "林業高質量發展的實施意見"],
    ],
    ids=["two-lines", "three-lines", "three-lines-traditional", "opinion", "opinion-traditional"],
)
def test_a_notice_title_wrapped_over_lines_is_joined(title_lines: list[str]) -> None:
    doc = parse("\n".join(title_lines) + "\n赣府办〔2027〕5号\n" + FRAME + PLAN)
    assert doc.notice is not None
    assert doc.notice.title == "".join(title_lines)
    assert doc.notice.doc_number == "赣府办〔2027〕5号"
    assert doc.notice.issuer is not None and doc.notice.issuer.startswith("江西省人民政府")


# -- 6. notice fields -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("各县（市、区）人民政府，市直和中央、省属驻市各单位：",
         ["各县（市、区）人民政府", "市直各单位", "中央驻市各单位", "省属驻市各单位"]),
        ("区直和中央、省属驻区各单位：", ["区直各单位", "中央驻区各单位", "省属驻区各单位"]),
        ("各县（市、区）和市直各部门：", ["各县（市、区）", "市直各部门"]),
        ("市直有关单位和中央、省属驻市有关单位：", ["市直有关单位", "中央驻市有关单位", "省属驻市有关单位"]),
        ("各市、县（市、区）人民政府，省直各单位：", ["各市、县（市、区）人民政府", "省直各单位"]),
        ("各省、自治区、直辖市人民政府，国务院各部委：", ["各省、自治区、直辖市人民政府", "国务院各部委"]),
        ("市工业和信息化局各科室，市安委会各成员单位：", ["市工业和信息化局各科室", "市安委会各成员单位"]),
        ("省政府各部门、各直属机构：", ["省政府各部门", "省政府各直属机构"]),
    ],
)  # fmt: skip
def test_addressees(line: str, expected: list[str]) -> None:
    text = (
        "江西省林业局关于印发2027年工作要点的通知\n"
        + line
        + "\n现印发给你们。\n江西省林业局\n2027年3月5日"
        + PLAN
    )
    notice = parse(text).notice
    assert notice is not None
    assert notice.addressees == expected


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("2027315", "2027-03-15"),  # 3-15 only: 31-5 is no month
        ("20270315", "2027-03-15"),
        ("2028131", "2028-01-31"),
        ("2028229", "2028-02-29"),  # a leap year
        ("2027229", None),  # not one: no 29 February in 2027
        ("2027111", None),  # 1-11 or 11-1: no single reading
        ("202735", None),  # 3-5 or a year and month: not read
        ("二〇二七年三月十五日", "2027-03-15"),
        ("二○二七年十二月三十一日", "2027-12-31"),
        ("二零二七年一月五日", "2027-01-05"),
    ],
)
def test_dates_as_copies_print_them(line: str, iso: str | None) -> None:
    assert read_date(line) == iso


def test_a_date_without_separators_closes_the_notice_and_is_not_the_plan_title() -> None:
    text = (
        "关于印发《赣州市林业局2027年工作要点》的通知\n各县（市、区）林业局：\n"
        "现将《赣州市林业局2027年工作要点》印发给你们。\n2027315\n赣州市林业局2027年工作要点" + PLAN
    )
    doc = parse(text)
    assert doc.notice is not None and doc.notice.date == "2027-03-15"
    assert doc.title == "赣州市林业局2027年工作要点"


# -- 7. a notice without its plan --------------------------------------------------------

NOTICE_ONLY = (
    "江西省人民政府辦公廳關於印發江西省貫徹落實\n林業發展2027年工作要點\n分工方案的通知\n"
    "贛府辦〔2027〕21號\n各設區市人民政府，省政府各部門、各直屬機構：\n"
    "《江西省貫徹落實林業發展2027年工作要點分工方案》已經省人民政府同意，現印發給你們，請認真貫徹執行。\n"
    "各地、各部門要加強統籌，各牽頭單位要負責抓好落實。\n"
    "江西省人民政府辦公廳\n2027年4月8日\n"
)


def test_a_notice_without_its_plan_is_a_document_with_a_warning() -> None:
    doc = parse(NOTICE_ONLY)
    assert doc.children == []
    assert not doc.complete  # the plan is missing
    assert doc.title is None  # named in the body only: no plan title is inferred
    assert doc.year == 2027  # the notice title's year
    n = doc.notice
    assert n is not None
    assert n.title == "江西省人民政府辦公廳關於印發江西省貫徹落實林業發展2027年工作要點分工方案的通知"
    assert n.doc_number == "贛府辦〔2027〕21號"
    assert n.addressees == ["各設區市人民政府", "省政府各部門", "省政府各直屬機構"]
    assert n.signature == "江西省人民政府辦公廳"
    assert n.date == "2027-04-08"
    codes = [(d.code, d.level) for d in doc.diagnostics if d.level != "info"]
    assert codes == [("no-plan-text", "warning")]


def test_a_notice_without_its_plan_fails_only_when_warnings_must_fail() -> None:
    with pytest.raises(gdplan.ParseError, match="no-plan-text"):
        gdplan.parse(NOTICE_ONLY, errors=gdplan.ErrorLevel.RAISE)


@pytest.mark.parametrize("fmt", ["json", "jsonl", "xml", "md"])
def test_convert_exits_zero_on_a_notice_without_its_plan(
    fmt: str, tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "notice.txt"
    source.write_text(NOTICE_ONLY, encoding="utf-8")
    out = tmp_path / f"notice.{fmt}"
    assert main(["convert", str(source), "--to", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "json":
        data = json.loads(text)
        assert data["children"] == [] and data["notice"]["doc_number"] == "贛府辦〔2027〕21號"
    elif fmt == "jsonl":
        assert text == ""  # no numbered node: no row
    else:
        assert "21號" in text


@pytest.mark.parametrize(
    "text",
    [
        "今天天气很好，我们去公园散步。\n然后回家吃饭。\n",
        "赣州市林业局\n2027年3月5日\n",  # a date and a name are no notice frame
        "关于做好林业工作的通知\n请各单位认真做好林业工作。\n",  # a title alone neither
    ],
    ids=["letter", "date-only", "title-only"],
)
def test_a_text_with_neither_a_notice_frame_nor_numbering_is_refused(text: str) -> None:
    with pytest.raises(NotAPlanError, match="no notice frame"):
        parse(text)


# -- 8. markers and one-line copies -----------------------------------------------------


@pytest.mark.parametrize("dot", ["﹒", "．", ".", "․", "·", "・"])
def test_dot_variants_after_arabic_numbers_are_markers(dot: str) -> None:
    text = (
        f"一、稳定林业生产\n1{dot}全市森林覆盖率稳定在76%以上。\n牵头单位：市林业局。\n"
        f"2{dot}林业产值增长6%左右。\n牵头单位：市林业局。\n"
    )
    doc = parse(text)
    items = list(doc.items())
    assert [n.path for n in items] == [[1, 1], [1, 2]]
    assert [n.label for n in items] == [f"1{dot}", f"2{dot}"]
    assert items[0].title == "全市森林覆盖率稳定在76%以上"


def test_a_number_with_a_dot_inside_a_figure_is_no_marker() -> None:
    doc = parse("一、目标\n（一）稳增长。增长5·12个百分点。（市统计局负责）\n")
    assert [n.label for n in doc.walk()] == ["一、", "（一）"]


ONE_LINE = "  ".join(
    [
        "赣州市林业局关于印发2027年林业工作要点的通知",
        "赣林字〔2027〕5号",
        "各县（市、区）林业局，局机关各科室：",
        "现将《赣州市林业局2027年林业工作要点》印发给你们，请认真贯彻执行。",
        "赣州市林业局",
        "2027年3月5日",
        "赣州市林业局2027年林业工作要点",
        "2027年是实施林业规划的关键一年，全市林业工作要坚持稳中求进。",
        "一、总体要求",
        "坚持生态优先，统筹推进林业发展，全面提升森林质量和效益。",
        "二、重点任务",
        "（一）加强森林资源保护",
        "严格落实林长制，全面加强森林防火工作。（市林业局牵头，各县（市、区）人民政府负责）",
        "（二）推进国土绿化行动",
        "持续推进重点区域造林绿化。（市林业局负责）",
    ]
)


@pytest.mark.parametrize("space", ["  ", "\u3000\u3000", "    "], ids=["two", "ideographic", "four"])
def test_a_copy_that_kept_spaces_for_its_lost_line_breaks(space: str) -> None:
    doc = parse(ONE_LINE.replace("  ", space))
    n = doc.notice
    assert n is not None
    assert (n.title, n.doc_number, n.signature, n.date) == (
        "赣州市林业局关于印发2027年林业工作要点的通知",
        "赣林字〔2027〕5号",
        "赣州市林业局",
        "2027-03-05",
    )
    assert n.addressees == ["各县（市、区）林业局", "局机关各科室"]
    assert doc.title == "赣州市林业局2027年林业工作要点"
    assert [(x.label, x.title) for x in doc.walk()] == [
        ("一、", "总体要求"),
        ("二、", "重点任务"),
        ("（一）", "加强森林资源保护"),
        ("（二）", "推进国土绿化行动"),
    ]
    first = doc.children[1].children[0]
    assert first.responsibility is not None
    assert [u.name for u in first.responsibility.lead] == ["市林业局"]


def test_a_run_of_spaces_ends_a_heading_title() -> None:
    doc = parse(
        "一、总体要求  坚持生态优先，统筹推进林业发展。\n"
        "（一）加强森林资源保护\u3000\u3000严格落实林长制。（市林业局牵头）\n"
    )
    assert [(n.title, n.text) for n in doc.walk()] == [
        ("总体要求", "坚持生态优先，统筹推进林业发展。"),
        ("加强森林资源保护", "严格落实林长制。"),
    ]


# -- 11. saved pages: the title in the metadata block or the headline -------------------


def test_a_title_only_in_the_metadata_block() -> None:
    text = (
        "索 引 号: 360700-2027-00012\n分  类: 综合政务\n成文日期: 2027-03-05\n"
        "名  称: 赣州市人民政府办公室关于印发赣州市林业发展2027年工作要点的通知\n"
        "文  号: 赣市府办字〔2027〕5号\n主 题 词:\n\n\n\n" + FRAME + "赣州市林业发展2027年工作要点" + PLAN
    )
    n = parse(text).notice
    assert n is not None
    assert n.title == "赣州市人民政府办公室关于印发赣州市林业发展2027年工作要点的通知"
    assert n.doc_number == "赣市府办字〔2027〕5号"
    assert n.issuer == "赣州市人民政府办公室"


def test_an_empty_metadata_key_does_not_swallow_the_title_or_the_next_key() -> None:
    text = (
        "索 引 号:\n\n分 类:\n\n"
        "名 称:赣州市人民政府办公室关于印发林业发展2027年工作要点的通知\n\n主 题 词:\n\n"
        "赣州市人民政府办公室关于印发林业发展2027年工作要点的通知\n\n赣市府办字〔2027〕5号\n\n" + FRAME + PLAN
    )
    doc = parse(text)
    n = doc.notice
    assert n is not None
    assert n.title == "赣州市人民政府办公室关于印发林业发展2027年工作要点的通知"
    assert n.doc_number == "赣市府办字〔2027〕5号"
    assert doc.title == "林业发展2027年工作要点"


OPINION = "赣州市人民政府办公室关于推进林业发展的实施意见"
ISSUING = "赣州市人民政府办公室关于印发林业发展2027年工作要点的通知"


@pytest.mark.parametrize(
    ("headline", "title", "number"),
    [
        ("赣府办〔2027〕5号《" + OPINION + "》", OPINION, "赣府办〔2027〕5号"),
        (ISSUING + "赣府办〔2027〕5号", ISSUING, "赣府办〔2027〕5号"),
        ("《" + ISSUING + "》", ISSUING, None),
    ],
    ids=["number-then-title", "title-glued-to-number", "title-in-brackets"],
)  # fmt: skip
def test_a_title_only_in_the_page_headline(headline: str, title: str, number: str | None) -> None:
    text = headline + "\n各县（市、区）人民政府，市直各单位：\n现印发给你们，请认真贯彻执行。" + PLAN
    n = parse(text).notice
    assert n is not None
    assert (n.title, n.doc_number) == (title, number)


def test_a_table_name_in_the_metadata_block_makes_no_notice() -> None:
    table = "赣州市林业局2027年重点工作任务分解表"
    text = "名称: " + table + "\n发文日期: 2027-03-05\n" + table + PLAN
    doc = parse(text)
    assert doc.notice is None
    assert doc.title == "赣州市林业局2027年重点工作任务分解表"


def test_a_title_wrapped_after_its_issuer_keeps_the_issuer() -> None:
    text = (
        "江西省人民政府办公厅\n\n关于印发林业发展2027年\n工作要点的通知\n赣府办〔2027〕5号\n" + FRAME + PLAN
    )
    n = parse(text).notice
    assert n is not None
    assert n.title == "江西省人民政府办公厅关于印发林业发展2027年工作要点的通知"
    assert n.issuer == "江西省人民政府办公厅"
    # A site's name above a page's furniture is not the issuer.
    text = "赣州市人民政府\n发布时间：2027-03-05\n关于印发林业发展2027年工作要点的通知\n" + FRAME + PLAN
    n = parse(text).notice
    assert n is not None and n.title == "关于印发林业发展2027年工作要点的通知"


@pytest.mark.parametrize("date", ["2027年3月5日", "二〇二七年三月五日"])
def test_a_signature_and_date_printed_on_one_line(date: str) -> None:
    text = (
        "关于印发林业发展2027年工作要点的通知\n各设区市人民政府：\n现印发给你们。\n"
        f"江西省林业局    {date}\n江西省林业发展2027年工作要点" + PLAN
    )
    doc = parse(text)
    assert doc.notice is not None
    assert (doc.notice.signature, doc.notice.date) == ("江西省林业局", "2027-03-05")
    assert doc.title == "江西省林业发展2027年工作要点"


def test_a_dataset_of_a_notice_without_its_plan_has_its_document_and_no_node(
    tmp_path: Path, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    source = tmp_path / "in" / "notice.txt"
    source.parent.mkdir()
    source.write_text(NOTICE_ONLY, encoding="utf-8")
    out = tmp_path / "dataset"
    assert main(["dataset", str(source.parent), "-o", str(out), "-q"]) == 0
    documents = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(documents) == 1 and json.loads(documents[0])["notice_doc_number"] == "贛府辦〔2027〕21號"
    assert (out / "nodes.jsonl").read_text(encoding="utf-8") == ""


def test_other_title_keys_an_announcement_and_a_year_in_chinese_numerals() -> None:
    text = (
        "文件名称：赣州市林业局关于印发二〇二七年林业工作要点的通知\n发文单位：赣州市林业局\n" + FRAME + PLAN
    )
    doc = parse(text)
    assert doc.notice is not None
    assert doc.notice.title == "赣州市林业局关于印发二〇二七年林业工作要点的通知"
    assert (doc.title, doc.year) == ("二〇二七年林业工作要点", 2027)
    text = "赣州市人民政府关于林业生产的通告\n赣府告〔2027〕1号\n" + FRAME + PLAN
    notice = parse(text).notice
    assert notice is not None
    assert (notice.title, notice.doc_number) == ("赣州市人民政府关于林业生产的通告", "赣府告〔2027〕1号")


def test_a_title_issued_without_guanyu() -> None:
    text = "江西省人民政府办公厅印发\n《林业发展2027年工作要点》的通知\n赣府办发〔2027〕3号\n" + FRAME + PLAN
    doc = parse(text)
    assert doc.notice is not None
    assert doc.notice.title == "江西省人民政府办公厅印发《林业发展2027年工作要点》的通知"
    assert doc.notice.issuer == "江西省人民政府办公厅"
    assert (doc.title, doc.year) == ("林业发展2027年工作要点", 2027)


def test_a_clause_hard_wrapped_over_lines_gives_whole_names() -> None:
    text = (
        "一、总体要求\n（一）推进林业金融。提高服务水平。（江西银行赣州分行牵头，市委金融办，国家金融监督\n"
        "管理总局赣州监管分局、中国证监会江西监管局按职责分工负责）\n"
    )
    duty = parse(text).children[0].children[0].responsibility
    assert duty is not None
    assert [u.name for u in duty.lead] == ["江西银行赣州分行"]
    assert [u.name for u in duty.responsible] == [
        "市委金融办",
        "国家金融监督管理总局赣州监管分局",
        "中国证监会江西监管局",
    ]


def test_a_customs_office_in_a_unit_list_is_a_body_not_a_place(tmp_path: Path) -> None:
    from tests.test_clause_places import _parse_loads_jieba

    clause = "（省商务厅牵头，省发展改革委、南昌海关、省税务局按职责分工负责）"
    text = "一、稳外贸\n1﹒进出口总额增长6%左右。" + clause + "\n"
    duty = parse(text).children[0].children[0].responsibility
    assert duty is not None
    assert [u.name for u in duty.responsible] == ["省发展改革委", "南昌海关", "省税务局"]
    # Read as a body, 南昌海关 asks no place tagger whether it starts with a place.
    source = tmp_path / "plan.txt"
    source.write_text(text, encoding="utf-8")
    assert _parse_loads_jieba([source], tmp_path) is False


def test_a_signature_without_a_date_above_the_plan_title_is_not_the_title() -> None:
    text = (
        "关于印发赣州市2027年林业重点工作的通知\n各县（市、区）林业局：\n现印发给你们。\n"
        "赣州市林业局\n赣州市2027年林业重点工作" + PLAN
    )
    doc = parse(text)
    assert doc.title == "赣州市2027年林业重点工作"
    assert doc.year == 2027


def test_a_short_copy_that_lost_every_line_break() -> None:
    """A whole notice on one line of a few hundred characters (shorter than the long-line
    threshold) is still split into its notice parts and numbered nodes."""
    lines = [
        "湖南省株洲市人民政府办公室关于印发株洲市2026年营商环境重点工作任务的通知",
        "株政办函〔2026〕12号",
        "各县市区人民政府，市政府各局委办：",
        "现印发给你们，请认真组织实施。",
        "株洲市人民政府办公室",
        "2026年3月5日",
        "株洲市2026年营商环境重点工作任务",
        "一、提升服务效能",
        "（一）深化改革。拓展集成服务。（市政务服务中心牵头，市司法局按职责分工负责）",
        "（二）推进兑现。建设兑现平台。（市工信局牵头）",
        "二、优化要素保障",
        "（三）降低用地成本。推行弹性出让。（市自然资源和规划局牵头）",
    ]
    doc = gdplan.parse("".join(lines))
    assert [(n.label, n.title) for n in doc.walk()] == [
        ("一、", "提升服务效能"),
        ("（一）", "深化改革"),
        ("（二）", "推进兑现"),
        ("二、", "优化要素保障"),
        ("（三）", "降低用地成本"),
    ]
    assert doc.notice is not None
    assert doc.notice.doc_number == "株政办函〔2026〕12号"
    assert doc.notice.addressees == ["各县市区人民政府", "市政府各局委办"]
    assert doc.notice.date == "2026-03-05"
    assert [u.name for u in doc.children[1].children[0].responsibility.lead] == ["市自然资源和规划局"]
