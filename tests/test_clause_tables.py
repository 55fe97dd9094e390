"""Tables read by their columns (DOMAIN.md §3b), on constructed texts: no corpus strings."""

from __future__ import annotations

import gdplan
from gdplan.export import from_markdown, to_markdown, to_xml
from gdplan.model import ClauseForm, Document, MarkerStyle, Node
from gdplan.parser.rules.table import column_of
from gdplan.parser.tokens import ColumnKind


def _items(doc: Document) -> list[Node]:
    return [n for root in doc.children for n in root.walk() if n.kind == "item"]


def _names(units: list[gdplan.Unit]) -> list[str]:
    return [u.name for u in units]


def _cells(*lines: str, gap: str = "\n\n") -> str:
    return gap.join(lines) + "\n"


# One cell per line, blank lines between; rows numbered by a 序号 column.
NUMBERED = _cells(
    "赣州市2027年林业重点工作任务分解表",
    "序号",
    "工作任务",
    "牵头单位",
    "配合单位",
    "分管领导",
    "完成时限",
    "1",
    "推进国土绿化行动，完成造林任务。",
    "市林业局",
    "市财政局、市自然资源局",
    "王某某",
    "2027年底前",
    "2",
    "加强森林防火基础设施建设。",
    "市应急管理局",
    "各县(市、区)人民政府",
    "李某某",
    "全年",
    "3",
    "开展古树名木保护。",
).rstrip("\n")  # a copy cut after the last task cell


def test_numbered_rows_become_items_with_roles_by_column() -> None:
    doc = gdplan.parse(NUMBERED)
    items = _items(doc)
    assert [n.number for n in items] == [1, 2, 3]
    assert [n.style for n in items] == [MarkerStyle.TABLE_ROW] * 3
    assert [n.label for n in items] == ["1", "2", "3"]
    assert items[0].title == "推进国土绿化行动，完成造林任务"
    first = items[0].responsibility
    assert first is not None
    assert _names(first.lead) == ["市林业局"]
    assert _names(first.cooperating) == ["市财政局", "市自然资源局"]
    assert first.responsible == []  # the leader column holds people, not units
    assert first.deadline == "2027年底前"
    assert first.form is ClauseForm.TABLE
    assert [u.column for u in first.lead] == ["牵头单位"]
    assert {u.column for u in first.cooperating} == {"配合单位"}
    second = items[1].responsibility
    assert second is not None
    assert _names(second.cooperating) == ["各县(市、区)人民政府"]
    assert second.deadline == "全年"
    # the last row stops before its cells: the text is cut there
    assert items[2].truncated
    assert items[2].responsibility.is_empty() and items[2].responsibility.absent == "truncated"
    assert doc.title == "赣州市2027年林业重点工作任务分解表"


def test_header_cells_are_not_the_task_text() -> None:
    doc = gdplan.parse(NUMBERED)
    texts = " ".join(n.title + n.text for n in _items(doc))
    for header in ("序号", "牵头单位", "配合单位", "完成时限"):
        assert header not in texts


def test_a_table_keeps_its_columns_through_markdown_and_xml() -> None:
    doc = gdplan.parse(NUMBERED)
    assert from_markdown(to_markdown(doc)) == doc
    xml = to_xml(doc)
    assert 'column="牵头单位"' in xml and 'style="table-row"' in xml


# Sections that span a row, rows numbered by bare numbers, a cell that states its own roles.
SECTIONS = _cells(
    "序号",
    "重点工作任务",
    "主要责任单位",
    "协同配合单位",
    "一、稳住林业产业基本盘",
    "12",
    "油茶产业产值增长百分之十。",
    "县林业局",
    "县发改委、县财政局,各乡镇人民政府、街道办事处。",
    "二、守牢生态安全底线",
    "三、办好民生实事",
    "40",
    "建设城市口袋公园五个。",
    "县住建局牵头,县直其他单位按职能分工落实",
    "县城管局",
    "41",
    "推进林长制。",
    "县林业局",
    "县水利局",
)


def test_sections_hold_numbered_rows_and_a_childless_section_is_an_item() -> None:
    doc = gdplan.parse(SECTIONS)
    assert [(n.kind, n.path) for n in doc.children] == [("heading", [1]), ("item", [2]), ("heading", [3])]
    rows = _items(doc)
    first = next(n for n in rows if n.number == 12)
    assert first.path == [1, 1]
    duty = first.responsibility
    assert duty is not None
    assert _names(duty.responsible) == ["县林业局"]
    # 各 is shared: 各乡镇人民政府、街道办事处 → 各街道办事处
    assert _names(duty.cooperating) == ["县发改委", "县财政局", "各乡镇人民政府", "各街道办事处"]
    stated = next(n for n in rows if n.number == 40).responsibility
    assert stated is not None
    assert _names(stated.lead) == ["县住建局"]
    assert _names(stated.responsible) == ["县直其他单位"]  # 按职能分工落实 by departments
    assert _names(stated.cooperating) == ["县城管局"]
    last = next(n for n in rows if n.number == 41)
    assert not last.truncated  # the last row reached its cells


# Two task columns: the first groups the rows of the second; a merged cell appears once.
GROUPED = _cells(
    "序号",
    "工作任务",
    "具体要求",
    "牵头单位",
    "完成时限",
    "1",
    "推进权责清单公开",
    "1.统一乡镇权责事项标准。",
    "县编办",
    "2028年6月底前",
    "2.公开取消和调整的审批事项。",
    "2",
    "推进执法信息公开",
    "1.公开行政处罚案件信息。",
    "县司法局",
    "全年工作",
)


def test_group_cells_head_their_rows_and_merged_cells_span_them() -> None:
    doc = gdplan.parse(GROUPED)
    assert [(n.kind, n.title) for n in doc.children] == [
        ("heading", "推进权责清单公开"),
        ("heading", "推进执法信息公开"),
    ]
    items = _items(doc)
    assert [n.path for n in items] == [[1, 1], [1, 2], [2, 1]]
    merged = items[1].responsibility  # no cells of its own: the row above's merged cells
    assert merged is not None
    assert _names(merged.lead) == ["县编办"]
    assert merged.deadline == "2028年6月底前"


def test_unnumbered_rows_are_items_in_order() -> None:
    text = _cells(
        "主要任务",
        "责任单位",
        "完成时间",
        "建设智慧林业平台。",
        "市林业局、市大数据中心",
        "2029年底前",
        "完善林权交易制度。",
        "市林业局",
        "2029年6月底前",
    )
    doc = gdplan.parse(text)
    items = _items(doc)
    assert [n.number for n in items] == [1, 2]
    assert [n.title for n in items] == ["建设智慧林业平台", "完善林权交易制度"]
    assert items[0].responsibility is not None
    assert _names(items[0].responsibility.responsible) == ["市林业局", "市大数据中心"]


def test_pipe_table_reads_cells_by_column_and_only_governments_implement() -> None:
    text = (
        "工作任务 | 具体要求 | 落实单位 |\n"
        "一、推进林业信息公开 |\n"
        "(一)公开林权信息。 | 1.及时公开林权登记结果。 | 市林业局、自然资源局;各县政府 |\n"
        "2.公开采伐许可。 | 市林业局 |\n"
    )
    doc = gdplan.parse(text)
    items = _items(doc)
    assert [n.path for n in items] == [[1, 1, 1], [1, 1, 2]]
    duty = items[0].responsibility
    assert duty is not None
    assert _names(duty.responsible) == ["市林业局", "市自然资源局"]
    assert _names(duty.implementing) == ["各县政府"]
    assert {u.column for u in duty.responsible} == {"落实单位"}


def test_column_words_come_from_the_data_file() -> None:
    lead = column_of("牵头单位")
    assert lead is not None and lead.kind is ColumnKind.UNITS and lead.role is not None
    spaced = column_of("完 成 时 限")
    assert spaced is not None and spaced.kind is ColumnKind.DEADLINE
    assert column_of("推进林业改革") is None


def test_pipe_rows_numbered_by_a_number_cell_are_labelled_by_the_number_alone() -> None:
    text = (
        "宜宾市2027年数字经济重点工作任务清单\n"
        "| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n"
        "| 1 | 建设算力中心 | 市经济和信息化局 | 市发展改革委、市大数据中心 | 2027年12月底前 |\n"
        "| 2 | 培育数据要素市场 | 市数据局 | 市财政局、各区县人民政府 | 2027年9月底前 |\n"
    )
    doc = gdplan.parse(text)
    first, second = _items(doc)
    assert (first.label, first.number, first.title) == ("1", 1, "建设算力中心")
    assert (second.label, second.title) == ("2", "培育数据要素市场")
    assert _names(first.responsibility.lead) == ["市经济和信息化局"]
    assert _names(first.responsibility.cooperating) == ["市发展改革委", "市大数据中心"]
    assert second.responsibility.deadline == "2027年9月底前"
    assert doc.title == "宜宾市2027年数字经济重点工作任务清单" and doc.year == 2027
