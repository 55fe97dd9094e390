"""Levels come from the markers a document uses; numbers are kept as printed."""

import gdplan


def _outline(text: str) -> list[tuple[str, list[int], int, str]]:
    doc = gdplan.parse(text)
    return [(n.kind, n.path, n.number, n.title) for n in doc.walk()]


def test_run_on_numbering_keeps_printed_numbers_and_ordinal_paths() -> None:
    text = "\n".join([
        "一、第一部分", "（一）甲节", "1．任务一。正文。", "2．任务二。正文。",
        "二、第二部分", "（二）乙节", "3．任务三。正文。",
    ])  # fmt: skip
    assert _outline(text) == [
        ("heading", [1], 1, "第一部分"),
        ("heading", [1, 1], 1, "甲节"),
        ("item", [1, 1, 1], 1, "任务一"),
        ("item", [1, 1, 2], 2, "任务二"),
        ("heading", [2], 2, "第二部分"),
        ("heading", [2, 1], 2, "乙节"),
        ("item", [2, 1, 1], 3, "任务三"),
    ]


def test_levels_follow_first_use_not_fixed_positions() -> None:
    # Items (1.) directly under parts, then a part that opens sections (（一）) with items that run on.
    text = "\n".join(["一、目标", "1.增长6%。", "2.增长8%。", "二、工作", "（一）稳增长。", "3.招商引资。"])
    assert _outline(text) == [
        ("heading", [1], 1, "目标"),
        ("item", [1, 1], 1, "增长6%"),
        ("item", [1, 2], 2, "增长8%"),
        ("heading", [2], 2, "工作"),
        ("heading", [2, 1], 1, "稳增长"),
        ("item", [2, 1, 1], 3, "招商引资"),
    ]


def test_run_on_heading_title_is_first_sentence_and_intro_is_kept() -> None:
    text = "\n".join([
        "一、促进协同发展",
        "加大支持力度，推动均衡发展。",
        "（一）加快基础能力建设。全面启动均衡化发展工作。加大资金支持。",
    ])  # fmt: skip
    doc = gdplan.parse(text)
    part = doc.children[0]
    assert part.title == "促进协同发展"
    assert part.text == "加大支持力度，推动均衡发展。"
    item = part.children[0]
    assert item.title == "加快基础能力建设"
    assert item.text == "全面启动均衡化发展工作。加大资金支持。"


def test_brackets_inside_a_sentence_do_not_end_the_title() -> None:
    doc = gdplan.parse("一、总体\n1．发展超高清视频（共建）产业。支持建设。")
    assert doc.children[0].children[0].title == "发展超高清视频（共建）产业"


def test_gaps_and_repeats_are_diagnosed_with_lines_and_tree_still_built() -> None:
    doc = gdplan.parse("一、甲\n二、乙\n四、丁\n四、丁again")
    assert [n.number for n in doc.children] == [1, 2, 4, 4]
    codes = [(d.code, d.line) for d in doc.diagnostics]
    assert ("numbering-gap", 3) in codes
    assert ("numbering-repeat", 4) in codes


def test_inline_numbering_on_one_line_is_recovered() -> None:
    text = (
        "一、总体要求。坚持统筹推进。（一）加强统筹。建立机制。（二）强化保障。落实资金。"
        "二、重点任务。推进建设。"
    )
    assert _outline(text) == [
        ("heading", [1], 1, "总体要求"),
        ("item", [1, 1], 1, "加强统筹"),
        ("item", [1, 2], 2, "强化保障"),
        ("item", [2], 2, "重点任务"),
    ]


def test_flattened_table_rows() -> None:
    text = "\n".join([
        "工作任务 | 具体要求 | 责任单位 |",
        "一、以公开助力发展 |",
        "（一）加强市场主体信息公开。 | 1.加大帮扶政策公开力度。 | 区发展改革局、区财政局 |",
        "2.建立反馈机制。 | 区市场监管局 |",
        "（二）加强减税降费信息公开。 | 3.系统集成减税政策。 | 区税务局 |",
    ])  # fmt: skip
    doc = gdplan.parse(text)
    assert [(n.kind, n.path, n.number) for n in doc.walk()] == [
        ("heading", [1], 1),
        ("heading", [1, 1], 1),
        ("item", [1, 1, 1], 1),
        ("item", [1, 1, 2], 2),
        ("heading", [1, 2], 2),
        ("item", [1, 2, 1], 3),
    ]
    first = doc.children[0].children[0].children[0]
    assert first.title == "加大帮扶政策公开力度"
    assert first.responsibility is not None
    assert [u.name for u in first.responsibility.responsible] == ["区发展改革局", "区财政局"]


def test_heading_wrapped_over_two_lines() -> None:
    doc = gdplan.parse("一、加快推进数字政府\n改革建设\n（一）加强统筹。建立机制。\n")
    assert doc.children[0].title == "加快推进数字政府改革建设"
    assert doc.children[0].text == ""


def test_table_flattened_one_cell_per_line() -> None:
    text = "\n".join([
        "工作任务", "具体要求", "责任单位",
        "一、以公开助力经济平稳健康发展",
        "（一）加强涉及市场主体的信息公开。",
        "1.加大帮扶政策的公开力度，促进稳就业和消费恢复。",
        "区发展改革局、区财政局等部门、各镇(街)",
        "2.建立市场主体反映问题的办理和反馈机制。",
        "区市场监管局、各镇(街)",
    ])  # fmt: skip
    doc = gdplan.parse(text)
    first, second = doc.children[0].children[0].children
    assert first.text == "" and first.responsibility is not None
    assert [u.name for u in first.responsibility.responsible] == ["区发展改革局", "区财政局", "各镇(街)"]
    assert first.responsibility.open_ended
    assert second.responsibility is not None
    assert [u.name for u in second.responsibility.responsible] == ["区市场监管局", "各镇(街)"]


def test_a_last_line_of_prose_is_not_a_units_cell() -> None:
    doc = gdplan.parse("一、总体\n1.加强统筹。\n加强宣传引导\n2.完善机制。\n推进建设，确保落实到位。\n")
    assert all(item.responsibility.absent == "no-clause" for item in doc.items())
    assert [item.text for item in doc.items()] == ["加强宣传引导", "推进建设，确保落实到位。"]


def test_same_below_carries_to_later_items_not_to_headings() -> None:
    text = "\n".join([
        "一、甲（省发展改革委牵头；各地级以上市人民政府结合实际落实，下同）",
        "1.任务一。（省科技厅负责）",
        "二、乙（省财政厅牵头）",
        "2.任务二。",
    ])  # fmt: skip
    doc = gdplan.parse(text)
    heading_two = doc.children[1]
    assert heading_two.responsibility is not None
    assert [u.name for u in heading_two.responsibility.lead] == ["省财政厅"]
    assert heading_two.responsibility.implementing == []
    last = doc.children[1].children[0]
    assert last.responsibility is not None
    assert last.responsibility.form == "carried"
    assert [u.name for u in last.responsibility.implementing] == ["各地级以上市人民政府"]
    assert last.responsibility.clause is None


def test_title_drops_trailing_full_width_colon() -> None:
    doc = gdplan.parse("一、主要任务：\n（一）推进决策公开。完善决策公开制度。\n")
    assert doc.children[0].title == "主要任务"


def test_several_clauses_in_one_item_all_count() -> None:
    text = (
        "一、稳定经济增长\n"
        "1.扩大有效投资。加快专项债券发行使用。（财政部、国家发展改革委按职责分工负责）"
        "推动重大项目建设。（国家发展改革委牵头，各地区按职责分工负责）\n"
        "2.促进消费。稳定汽车消费（商务部、工业和信息化部）；扩大服务消费（商务部、文化和旅游部）。\n"
    )
    first, second = gdplan.parse(text).items()
    assert first.text == "加快专项债券发行使用。推动重大项目建设。"
    assert first.responsibility is not None
    assert [u.name for u in first.responsibility.lead] == ["国家发展改革委"]
    assert [u.name for u in first.responsibility.responsible] == ["财政部", "国家发展改革委", "各地区"]
    assert second.text == "稳定汽车消费；扩大服务消费。"
    assert second.responsibility is not None
    assert [u.name for u in second.responsibility.responsible] == ["商务部", "工业和信息化部", "文化和旅游部"]
    assert second.responsibility.clause == "商务部、工业和信息化部；商务部、文化和旅游部"
