"""may_hold_table searches a task header by its endings alone (任务, not [\\u4e00-\\u9fff]{0,6}任务):
it must answer as the header patterns themselves do."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from gdplan.parser.rules import table


def plain_may_hold_table(text: str) -> bool:
    """As first written: a task header word or a header ending in 任务 …, and a units or
    deadline header word, each with spaces allowed inside."""

    def any_of(kinds: set[table.ColumnKind]) -> str:
        words = sorted({h for h, c in table.columns().items() if c.kind in kinds}, key=len, reverse=True)
        return "|".join(r"\s*".join(map(re.escape, w)) for w in words)

    task = re.compile(any_of({table.ColumnKind.TASK}) + "|" + table._task_endings().pattern)
    units = re.compile(any_of({table.ColumnKind.UNITS, table.ColumnKind.DEADLINE}))
    return task.search(text) is not None and units.search(text) is not None


_WORDS = [
    *("重点工作", "任务", "措施", "事项", "工作任务", "牵头单位", "责任单位", "完成时限"),
    *("任", "务", " ", "\n", "甲", "1."),
]
table_texts = st.lists(st.sampled_from(_WORDS), max_size=12).map("".join)


@given(table_texts)
def test_may_hold_table_equals_the_header_patterns(text: str) -> None:
    assert table.may_hold_table(text) == plain_may_hold_table(text)


def test_may_hold_table_on_examples() -> None:
    assert table.may_hold_table("序号 | 改革任务 | 牵头单位 |")
    assert table.may_hold_table("重 点 任 务\n责 任 单 位")
    assert not table.may_hold_table("推进改革任务。(省发展改革委牵头)")
    assert not table.may_hold_table("责任单位:省财政厅")
