"""A document as an Excel task ledger (台账): ``.xlsx`` bytes, written with XlsxWriter.

Five sheets: 任务台账 (one row per item), 单位任务 (one row per unit, item and role, sorted
by unit), 单位汇总 (per unit: items led, shared, cooperated on), 通知 (the cover notice)
and 说明 (source, sha256, gdplan and schema versions). Every cell from the input is
written as a string (never a formula or link, whatever it starts with); an empty role is
an empty cell. The same document always gives the same bytes (the workbook's creation
date is fixed, see :data:`CREATED`).

Reads only the model (through :mod:`gdplan.export.ledger`).
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from gdplan._version import __version__
from gdplan.export.ledger import (
    ROLE_LABELS,
    LedgerItem,
    heading_depth,
    ledger_items,
    unit_tasks,
    unit_totals,
)
from gdplan.model import Document, Notice, Role

CREATED = datetime(2000, 1, 1)
"""The workbook's creation date: fixed, so the bytes depend only on the document."""

JOIN = "、"
"""Units in one cell are joined with the enumeration comma, as a notice prints them."""

MAX_CELL = 32_767  # Excel's limit on the characters of one cell
TRUNCATED_CELL = "…（超出 Excel 单元格长度，已截断）"
MAX_WIDTH = {"narrow": 8, "name": 28, "title": 30, "text": 60}
LEVEL_NAMES = ("一级标题", "二级标题", "三级标题", "四级标题", "五级标题", "六级标题")
TRUNCATED_NOTE = "原文在此截断"


@dataclass(frozen=True)
class _Column:
    header: str
    kind: str  # narrow | name | title | text: how wide it may grow
    wrap: bool = True


def to_xlsx(doc: Document) -> bytes:
    """The document as an .xlsx workbook (bytes)."""
    import xlsxwriter

    buffer = io.BytesIO()
    # Every text from the input is a string cell: never a number, formula or link by its look.
    options = {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, **options})
    book.set_properties(
        {
            "title": _clip(doc.title or "") or "gdplan 任务台账",
            "subject": "任务台账",
            "author": "gdplan",
            "comments": f"made by {doc.provenance.generator} from {doc.source}",
            "created": CREATED,
        }
    )
    styles = _Styles(book)
    items = ledger_items(doc)
    _ledger_sheet(book, styles, doc, items)
    _unit_tasks_sheet(book, styles, doc, items)
    _unit_totals_sheet(book, styles, doc, items)
    _notice_sheet(book, styles, doc.notice or Notice())
    _about_sheet(book, styles, doc)
    book.close()
    return buffer.getvalue()


class _Styles:
    def __init__(self, book: Any) -> None:
        base = {"valign": "top", "font_size": 10}
        self.header = book.add_format(
            {**base, "bold": True, "bg_color": "#DDE6F0", "border": 1, "text_wrap": True, "valign": "vcenter"}
        )
        self.cell = book.add_format({**base, "border": 1, "text_wrap": True})
        self.plain = book.add_format({**base, "border": 1})
        self.number = book.add_format({**base, "border": 1, "align": "center"})
        self.flag = book.add_format({**base, "border": 1, "text_wrap": True, "font_color": "#B00020"})
        self.key = book.add_format({**base, "bold": True})
        self.value = book.add_format({**base, "text_wrap": True})


def display_width(text: str) -> int:
    """Columns a text takes in a spreadsheet: East Asian wide and full-width characters count 2."""
    widest = 0
    for line in text.splitlines() or [""]:
        width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
        widest = max(widest, width)
    return widest


_CONTROL = dict.fromkeys(c for c in range(32) if chr(c) not in "\t\n\r")


def _clip(text: str) -> str:
    """A cell's text: without control characters (a ledger is read by people), within Excel's limit."""
    text = text.translate(_CONTROL)
    if len(text) <= MAX_CELL:
        return text
    return text[: MAX_CELL - len(TRUNCATED_CELL)] + TRUNCATED_CELL


def _joined(names: Sequence[str]) -> str:
    return JOIN.join(names)


class _Table:
    """One sheet as a header row and data rows; sizes columns to their text when finished."""

    def __init__(self, book: Any, styles: _Styles, name: str, columns: Sequence[_Column]) -> None:
        self.sheet = book.add_worksheet(name)
        self.styles = styles
        self.columns = list(columns)
        self.widths = [display_width(c.header) + 2 for c in columns]
        self.rows = 0
        for col, column in enumerate(columns):
            self.sheet.write_string(0, col, column.header, styles.header)

    def add(self, values: Sequence[str | int | None], flags: Sequence[int] = ()) -> None:
        self.rows += 1
        row = self.rows
        for col, value in enumerate(values):
            column = self.columns[col]
            if value is None or value == "":
                self.sheet.write_blank(row, col, None, self.styles.plain)
            elif isinstance(value, int):
                self.sheet.write_number(row, col, value, self.styles.number)
                self.widths[col] = max(self.widths[col], len(str(value)) + 2)
            else:
                text = _clip(value)
                style = self.styles.flag if col in flags else (
                    self.styles.cell if column.wrap else self.styles.plain
                )
                self.sheet.write_string(row, col, text, style)
                self.widths[col] = max(self.widths[col], display_width(text) + 2)

    def finish(self, title: str) -> None:
        sheet = self.sheet
        for col, column in enumerate(self.columns):
            cap = MAX_WIDTH[column.kind] if column.kind != "narrow" else max(MAX_WIDTH["narrow"], 12)
            sheet.set_column(col, col, min(self.widths[col], cap))
        sheet.set_row(0, 28)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, max(self.rows, 1), len(self.columns) - 1)
        # Print: landscape A4, header row on every page, all columns on one page wide.
        sheet.set_landscape()
        sheet.set_paper(9)
        sheet.repeat_rows(0)
        sheet.fit_to_pages(1, 0)
        sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
        sheet.set_header("&C" + _header_text(title))
        sheet.set_footer("&C第 &P 页，共 &N 页")


def _header_text(title: str) -> str:
    # '&' starts a control code in Excel's header syntax; XlsxWriter limits headers to 255 chars.
    return title.replace("&", "&&")[:200]


def _ledger_sheet(book: Any, styles: _Styles, doc: Document, items: list[LedgerItem]) -> None:
    depth = heading_depth(items)
    levels = [
        LEVEL_NAMES[i] if i < len(LEVEL_NAMES) else f"{i + 1}级标题" for i in range(depth)
    ]
    columns = [
        _Column("序号", "narrow", wrap=False),
        _Column("层级", "narrow", wrap=False),
        *(_Column(name, "title") for name in levels),
        _Column("任务", "title"),
        _Column("具体内容", "text"),
        _Column("牵头单位", "name"),
        _Column("责任单位", "name"),
        _Column("配合单位", "name"),
        _Column("落实单位", "name"),
        _Column("完成时限", "name"),
        _Column("原文条款", "text"),
        _Column("行号", "narrow", wrap=False),
        _Column("备注", "name"),
    ]
    table = _Table(book, styles, "任务台账", columns)
    note_column = len(columns) - 1
    for item in items:
        node, duty = item.node, item.duty
        heads: list[str | int | None] = [h.title for h in item.headings]
        heads += [None] * (depth - len(heads))
        table.add(
            [
                node.number,
                item.level_path,
                *heads,
                node.title,
                node.text,
                _joined(item.names(Role.LEAD)),
                _joined(item.names(Role.RESPONSIBLE)),
                _joined(item.names(Role.COOPERATING)),
                _joined(item.names(Role.IMPLEMENTING)),
                duty.deadline,
                duty.clause,
                node.line,
                _remarks(item),
            ],
            flags=(note_column,) if node.truncated else (),
        )
    table.finish(doc.title or "任务台账")


def _remarks(item: LedgerItem) -> str:
    """What the role cells alone do not say: a cut-off text, 下同, an open-ended list."""
    notes: list[str] = []
    if item.node.truncated:
        notes.append(TRUNCATED_NOTE)
    duty = item.duty
    if duty.carried:
        notes.append("下同承接：" + _joined([u.name for u in duty.carried]))
    if duty.open_ended:
        notes.append("单位列表以“等”结尾")
    return "；".join(notes)


def _unit_tasks_sheet(book: Any, styles: _Styles, doc: Document, items: list[LedgerItem]) -> None:
    columns = [
        _Column("单位", "name"),
        _Column("角色", "narrow", wrap=False),
        _Column("层级", "narrow", wrap=False),
        _Column("任务", "title"),
        _Column("完成时限", "name"),
        _Column("下同承接", "narrow", wrap=False),
        _Column("原文写法", "name"),
        _Column("行号", "narrow", wrap=False),
    ]
    table = _Table(book, styles, "单位任务", columns)
    for task in unit_tasks(items):
        table.add(
            [
                task.name,
                ROLE_LABELS[task.role],
                task.item.level_path,
                task.item.node.title,
                task.item.duty.deadline,
                "是" if task.carried else None,
                task.unit.name if task.unit.name != task.name else None,
                task.item.node.line,
            ]
        )
    table.finish((doc.title or "") + " 单位任务")


def _unit_totals_sheet(book: Any, styles: _Styles, doc: Document, items: list[LedgerItem]) -> None:
    columns = [
        _Column("单位", "name"),
        _Column("任务数", "narrow", wrap=False),
        _Column("牵头", "narrow", wrap=False),
        _Column("共担（不牵头）", "narrow", wrap=False),
        _Column("负责", "narrow", wrap=False),
        _Column("落实", "narrow", wrap=False),
        _Column("配合", "narrow", wrap=False),
    ]
    table = _Table(book, styles, "单位汇总", columns)
    for unit in unit_totals(items):
        table.add(
            [
                unit.name,
                unit.items,
                unit.led,
                unit.shared,
                unit.count(Role.RESPONSIBLE),
                unit.count(Role.IMPLEMENTING),
                unit.count(Role.COOPERATING),
            ]
        )
    table.finish((doc.title or "") + " 单位汇总")


def _pairs_sheet(book: Any, styles: _Styles, name: str, pairs: Sequence[tuple[str, str | None]]) -> None:
    sheet = book.add_worksheet(name)
    sheet.write_string(0, 0, "项目", styles.header)
    sheet.write_string(0, 1, "内容", styles.header)
    width = 10
    for row, (key, value) in enumerate(pairs, start=1):
        sheet.write_string(row, 0, key, styles.key)
        if value:
            sheet.write_string(row, 1, _clip(value), styles.value)
            width = max(width, display_width(value) + 2)
    sheet.set_column(0, 0, 16)
    sheet.set_column(1, 1, min(width, 80))
    sheet.freeze_panes(1, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)


def _notice_sheet(book: Any, styles: _Styles, notice: Notice) -> None:
    _pairs_sheet(
        book,
        styles,
        "通知",
        [
            ("标题", notice.title),
            ("发文字号", notice.doc_number),
            ("发文机关", notice.issuer),
            ("主送机关", _joined(notice.addressees)),
            ("落款", notice.signature),
            ("成文日期", notice.date),
        ],
    )


def _about_sheet(book: Any, styles: _Styles, doc: Document) -> None:
    items = sum(1 for _ in doc.items())
    _pairs_sheet(
        book,
        styles,
        "说明",
        [
            ("计划标题", doc.title),
            ("年度", str(doc.year) if doc.year is not None else None),
            ("来源", doc.source),
            ("sha256", doc.provenance.sha256),
            ("文档编号 doc_id", doc.doc_id),
            ("任务数", str(items)),
            ("全文完整", "是" if doc.complete else "否：原文在中途截断"),
            ("文字", "原文字形" if doc.script == "original" else "简体"),
            ("解析程序", doc.provenance.generator),
            ("导出程序", f"gdplan {__version__}"),
            ("数据结构版本 schema_version", doc.schema_version),
            (
                "读法",
                "任务台账每行一项任务；单位按角色分列，多个单位以“、”分隔，空格表示该角色无单位；"
                "单位任务每行一个单位在一项任务中的一个角色，可按单位筛选；单位汇总按任务数排序。",
            ),
        ],
    )
