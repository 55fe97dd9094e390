"""Hand-made Documents (and a hypothesis strategy) that the exporter tests share.

The rich document exercises every field the exporters write: nested nodes six deep, all
four roles, carried units, an open list, a deadline, a full notice, diagnostics,
Traditional script, and text that Markdown would act on (#, *, >, -, blank lines).
"""

from __future__ import annotations

from hypothesis import strategies as st

from gdplan.model import (
    ClauseForm,
    Diagnostic,
    Document,
    MarkerStyle,
    Node,
    Notice,
    Provenance,
    Responsibility,
    Unit,
)


def unit(name: str, key: str | None = None) -> Unit:
    return Unit(name=name, key=name if key is None else key)


CITIES = unit("各地級以上市人民政府", "各地级以上市人民政府")

TRICKY_TEXT = (
    "# 不是標題\n"
    "* 不是列表，**也不是粗體**\n"
    "> 不是引用\n"
    "- 不是事實行：牵头：省某廳\n"
    "1. 不是有序列表\n"
    "\n"
    "\n"
    "    縮進四格不是代碼；行尾兩個空格  \n"
    "<b>不是HTML</b> &amp; 不是實體 \\ 反斜線 `代碼` [鏈接](x) | 表格 | ~~刪除~~ $數學$\n"
    "===\n"
    "\n"
)


def item(number: int, path: list[int], title: str, **fields: object) -> Node:
    return Node.model_validate(
        {
            "kind": "item",
            "style": MarkerStyle.ARABIC_DOT,
            "label": f"{number}．",
            "number": number,
            "path": path,
            "title": title,
            "line": 20 + number,
            "span": (1000 + 100 * number, 1080 + 100 * number),
            **fields,
        }
    )


def rich_document() -> Document:
    """A plan in Traditional script, six levels deep under 二、: 一、 （一） (1) ① 第一條 第一章."""
    deep = Node(
        kind="item",
        style=MarkerStyle.CHAPTER,
        label="第一章",
        number=1,
        path=[2, 1, 2, 1, 1, 1],
        title="六層深的條目",
        text="第六層只能寫成粗體行。",
        line=61,
        span=(3000, 3040),
    )
    article = Node(
        kind="heading",
        style=MarkerStyle.ARTICLE,
        label="第一條",
        number=1,
        path=[2, 1, 2, 1, 1],
        title="第五層",
        line=60,
        span=(2980, 3040),
        children=[deep],
    )
    circled = Node(
        kind="heading",
        style=MarkerStyle.CIRCLED,
        label="①",
        number=1,
        path=[2, 1, 2, 1],
        title="圈號層",
        line=59,
        span=(2950, 3040),
        children=[article],
    )
    paren = Node(
        kind="heading",
        style=MarkerStyle.ARABIC_PAREN,
        label="(1)",
        number=1,
        path=[2, 1, 2],
        title="半角括號層",
        line=58,
        span=(2900, 3040),
        children=[circled],
    )
    item_1 = item(
        1,
        [1, 1, 1],
        "實施關鍵核心技術攻關",
        text="優化廣州、鵬城國家實驗室央地協同管理機制。\n推動成果中試熟化。",
        responsibility=Responsibility(
            responsible=[unit("省發展改革委", "省发展改革委"), unit("省科技廳", "省科技厅")],
            implementing=[CITIES],
            clause="省發展改革委、科技廳按職責分工負責；各地級以上市人民政府結合實際落實，下同",
            clause_span=(1170, 1210),
        ),
    )
    item_2 = item(
        2,
        [1, 1, 2],
        "推進數據資源開發利用",
        text=TRICKY_TEXT,
        responsibility=Responsibility(
            lead=[unit("省政務和數據局", "省政务和数据局")],
            responsible=[unit("省國資委", "省国资委")],
            implementing=[CITIES],
            cooperating=[unit("廣州、深圳數據交易所"), unit("省平等")],
            carried=[CITIES],
            open_ended=True,
            deadline="2025年底前",
            clause="省政務和數據局牵头，省國資委等單位按職責分工負責",
            clause_span=(1260, 1290),
        ),
    )
    item_3 = item(
        3,
        [1, 2, 1],
        "長期堅持的任務",
        responsibility=Responsibility(
            responsible=[unit("國務院各部門")],
            implementing=[CITIES],
            carried=[CITIES],
            deadline="年內持續推進",
            clause=None,
            form=ClauseForm.LABELLED,
        ),
        truncated=True,
    )
    item_4 = item(4, [2, 1, 1], "沒有責任條款的條目", text="  前後有空格的正文  ")
    section_1 = Node(
        kind="heading",
        style=MarkerStyle.CN_PAREN,
        label="（一）",
        number=1,
        path=[1, 1],
        title="打造數字技術創新高地",
        line=12,
        span=(900, 1300),
        children=[item_1, item_2],
    )
    section_2 = Node(
        kind="heading",
        style=MarkerStyle.CN_PAREN,
        label="（四）",
        number=4,
        path=[1, 2],
        title="編號接續上一部分",
        text="部分的引言段落。",
        line=30,
        span=(1300, 1500),
        children=[item_3],
    )
    part_1 = Node(
        kind="heading",
        style=MarkerStyle.CN_DUN,
        label="一、",
        number=1,
        path=[1],
        title="加快培育數字化發展引擎",
        line=11,
        span=(880, 1500),
        children=[section_1, section_2],
    )
    section_3 = Node(
        kind="heading",
        style=MarkerStyle.CN_PAREN,
        label="（五）",
        number=5,
        path=[2, 1],
        title="有自己條款的標題",
        responsibility=Responsibility(lead=[unit("省委網信辦", "省委网信办")], form=ClauseForm.INLINE),
        line=40,
        span=(1600, 3040),
        children=[item_4, paren],
    )
    part_2 = Node(
        kind="heading",
        style=MarkerStyle.CN_DUN,
        label="二、",
        number=2,
        path=[2],
        title="夯實數字基礎設施",
        line=39,
        span=(1500, 3040),
        children=[section_3],
    )
    return Document(
        doc_id="0f" * 32,
        source="samples/數字廣東-2025.txt",
        title="數字廣東建設2025年工作要點",
        year=2025,
        complete=False,
        notice=Notice(
            title="廣東省政務服務和數據管理局關於印發數字廣東建設2025年工作要點的通知",
            doc_number="粵政數〔2025〕12號",
            issuer="廣東省政務服務和數據管理局",
            addressees=["各地級以上市人民政府", "省有關單位"],
            signature="廣東省政務服務和數據管理局",
            date="2025-05-15",
            span=(0, 160),
        ),
        preamble="為全面貫徹落實黨的二十大精神，現制定工作要點如下。\n\n> 引言裡的引用符號也要保留。",
        children=[part_1, part_2],
        diagnostics=[
            Diagnostic(code="numbering-gap", message="（一）之後是（四）", line=30, span=(1300, 1305)),
            Diagnostic(level="info", code="truncated", message="文本在第3條中斷"),
        ],
        provenance=Provenance(
            source="samples/數字廣東-2025.txt",
            sha256="ab" * 32,
            encoding="gb18030",
            generator="gdplan 0.1.0",
        ),
    )


def minimal_document() -> Document:
    """No notice, no title, no preamble, no nodes: every optional part absent."""
    return Document(doc_id="00", source="<string>", provenance=Provenance(source="<string>", generator="t"))


# ---- hypothesis: arbitrary documents -------------------------------------------------

# Characters the layout must survive: CJK in both scripts, the layout's own separators
# (、 ： 等 space), Markdown's active characters, whitespace and a few controls.
_ALPHABET = st.sampled_from(
    [
        *"省委廳厅局等、：，。（）()1.#*>-+=_`[]<>&\\|~$!: \t\u3000",
        "\n",
        "\r",
        "\x00",
        "\u2028",
        "&#32;",
        "\\*",
        "<!-- x -->",
        "**",
    ]
)
_line_text = st.lists(_ALPHABET, max_size=8).map("".join)
_multiline_text = st.lists(st.one_of(_line_text, st.just("\n")), max_size=8).map("".join)
_name = st.lists(_ALPHABET, min_size=1, max_size=6).map("".join)  # unit names are never empty
_units = st.lists(st.builds(Unit, name=_name, key=st.one_of(_name, st.just(""))), max_size=3)
_spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000))


@st.composite
def _same_key_units(draw: st.DrawFn) -> list[Unit]:
    names = draw(st.lists(_name, max_size=3))
    return [Unit(name=name, key=name) for name in names]


_unit_lists = st.one_of(_units, _same_key_units())

_responsibilities = st.builds(
    Responsibility,
    lead=_unit_lists,
    responsible=_unit_lists,
    implementing=_unit_lists,
    cooperating=_unit_lists,
    carried=_unit_lists,
    open_ended=st.booleans(),
    deadline=st.one_of(st.none(), _line_text),
    clause=st.one_of(st.none(), _multiline_text),
    clause_span=st.one_of(st.none(), _spans),
    form=st.sampled_from(ClauseForm),
)


@st.composite
def _node(draw: st.DrawFn, depth: int, path: list[int]) -> Node:
    child_count = draw(st.integers(0, 2 if depth < 3 else 1 if depth < 7 else 0))  # deep, not wide
    children = [draw(_node(depth + 1, [*path, index])) for index in range(1, child_count + 1)]
    natural_kind = "heading" if children else "item"
    return Node(
        kind=draw(st.sampled_from([natural_kind, natural_kind, "heading", "item"])),
        style=draw(st.sampled_from(MarkerStyle)),
        label=draw(_line_text),
        number=draw(st.integers(-1, 60)),
        path=draw(st.one_of(st.just(path), st.lists(st.integers(1, 9), min_size=1, max_size=4))),
        title=draw(_line_text),
        text=draw(_multiline_text),
        responsibility=draw(st.one_of(st.none(), _responsibilities)),
        truncated=draw(st.booleans()),
        line=draw(st.integers(1, 500)),
        span=draw(_spans),
        children=children,
    )


@st.composite
def documents(draw: st.DrawFn) -> Document:
    top = draw(st.integers(0, 3))
    return Document(
        doc_id=draw(st.text(max_size=8)),
        source=draw(st.text(max_size=8)),
        title=draw(st.one_of(st.none(), _line_text)),
        year=draw(st.one_of(st.none(), st.integers(1949, 2100))),
        complete=draw(st.booleans()),
        script=draw(st.sampled_from(["original", "simplified"])),
        notice=draw(
            st.one_of(
                st.none(),
                st.builds(
                    Notice,
                    title=st.one_of(st.none(), _line_text),
                    doc_number=st.one_of(st.none(), _line_text),
                    issuer=st.one_of(st.none(), _line_text),
                    addressees=st.lists(_line_text, max_size=3),
                    signature=st.one_of(st.none(), _line_text),
                    date=st.one_of(st.none(), st.just("2024-05-10")),
                    span=st.one_of(st.none(), _spans),
                ),
            )
        ),
        preamble=draw(st.one_of(st.none(), _multiline_text)),
        children=[draw(_node(1, [index])) for index in range(1, top + 1)],
        diagnostics=draw(
            st.lists(
                st.builds(
                    Diagnostic,
                    level=st.sampled_from(["info", "warning", "error"]),
                    code=_line_text,
                    message=_multiline_text,
                    line=st.one_of(st.none(), st.integers(1, 500)),
                    span=st.one_of(st.none(), _spans),
                ),
                max_size=2,
            )
        ),
        provenance=draw(
            st.builds(
                Provenance,
                source=st.text(max_size=8),
                sha256=st.one_of(st.none(), st.text("0123456789abcdef", min_size=64, max_size=64)),
                media_type=st.sampled_from(["text/plain", "text/html"]),
                encoding=st.one_of(st.none(), st.just("utf-8")),
                generator=st.just("gdplan test"),
            )
        ),
    )
