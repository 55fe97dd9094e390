"""Write the edited copies of the seed and their gold alignments (see README.md).

    python bench/compare_gold/make_copies.py          # rewrite edit-*.txt and edit-*.gold.json
    python bench/compare_gold/make_copies.py --check  # say whether the committed files are current

Each copy is the seed (samples/gd-2025-digital-seed.txt) with the edits listed in EDITS
applied: every edit is written here by hand (rewordings, merged and split texts, added
items, units, moves). The gold follows from the edits: an untouched item is `same`, a
reworded one `reworded`, and so on, with the item paths of the edited text.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEED = HERE.parents[1] / "samples" / "gd-2025-digital-seed.txt"

CN = "一二三四五六七八九十"


def cn_number(n: int) -> str:
    if n <= 10:
        return CN[n - 1]
    if n < 20:
        return "十" + (CN[n - 11] if n > 10 else "")
    tens, ones = divmod(n, 10)
    return CN[tens - 1] + "十" + (CN[ones - 1] if ones else "")


@dataclass
class Item:
    origin: list[int]  # seed item numbers this item came from ([] for an added item)
    body: str  # the item line without its number
    relation: str = "same"


@dataclass
class Sub:
    title: str
    items: list[Item] = field(default_factory=list)


@dataclass
class Top:
    title: str
    subs: list[Sub] = field(default_factory=list)


def read_seed() -> tuple[list[str], list[Top]]:
    prefix: list[str] = []
    tops: list[Top] = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if m := re.match(r"^[一二三四五六七八九十]+、(.*)$", line):
            tops.append(Top(m.group(1)))
        elif m := re.match(r"^（[一二三四五六七八九十]+）(.*)$", line):
            tops[-1].subs.append(Sub(m.group(1)))
        elif m := re.match(r"^(\d+)．(.*)$", line):
            tops[-1].subs[-1].items.append(Item([int(m.group(1))], m.group(2)))
        elif tops:
            if line.strip():
                raise SystemExit(f"unexpected line after the plan started: {line[:40]}")
        else:
            prefix.append(line)
    return prefix, tops


def find(tops: list[Top], number: int) -> tuple[Sub, int]:
    for top in tops:
        for sub in top.subs:
            for k, item in enumerate(sub.items):
                if item.origin == [number]:
                    return sub, k
    raise KeyError(number)


def seed_paths(tops: list[Top]) -> dict[int, list[int]]:
    out = {}
    for a, top in enumerate(tops, 1):
        for b, sub in enumerate(top.subs, 1):
            for c, item in enumerate(sub.items, 1):
                out[item.origin[0]] = [a, b, c]
    return out


def sub_by_title(tops: list[Top], start: str) -> Sub:
    return next(s for t in tops for s in t.subs if s.title.startswith(start))


# ---------------------------------------------------------------------------- the edits
# Operations, applied in order:
#   ("reword", n, body)              item n reworded (gold: reworded)
#   ("units", n, body)               item n with other units, same wording otherwise (gold: same)
#   ("drop", n)                      (gold: dropped)
#   ("add", after_n, body)           a new item after item n (gold: added)
#   ("merge", [n1, n2], body)        items n1, n2 → one item where n1 stood (gold: merged)
#   ("split", n, [body1, body2])     (gold: split)
#   ("move", n, sub_title_start, k)  item n moved to position k of another sub-heading (gold: moved)
#   ("reverse_items",)               every sub-heading's items in reverse order (gold unchanged)
#   ("swap_subs", top_index, i, j)   two sub-headings of a section change places (with their items)
#   ("swap_tops", i, j)              two sections change places

EDITS: dict[str, list[tuple[Any, ...]]] = {
    "edit-a-reorder-reword": [
        ("reverse_items",),
        ("swap_subs", 2, 1, 2),
        ("swap_tops", 5, 6),
        (
            "reword",
            3,
            "加快数据资源开发利用。推动《广东省数据条例》出台实施，印发加快省公共数据资源开发利用的实施意见，"
            "建成公共数据资源登记平台。推进省级公共数据授权运营，鼓励各地结合实际开展授权运营。"
            "完善数据交易所监管规则，推动企业数据资产入表。（省政务和数据局牵头，省国资委等单位按职责分工负责）",
        ),
        (
            "reword",
            9,
            "壮大半导体与集成电路产业。推进重大项目建设和产能爬坡，补齐集成电路制造、先进封测等短板，"
            "发展材料及装备产业，谋划建设光芯片产业创新平台。（省发展改革委牵头，省工业和信息化厅按职责分工负责）",
        ),
        (
            "reword",
            20,
            "提升“一网统管”能力。出台省域治理“一网统管”提升行动方案，健全“一网统管·驾驶舱”管理机制，"
            "汇聚更多治理专题，建设共性组件资源库。（省政务和数据局牵头，各有关单位按职责分工负责）",
        ),
        (
            "reword",
            31,
            "推进教育、社保与就业服务数字化。推进国家中小学智慧教育平台全域全员全流程应用，建设智慧教育实验省。"
            "深化社会保障卡“一卡通”场景应用。优化全省就业一体化信息平台。（省教育厅、人力资源社会保障厅按职责分工负责）",
        ),
        (
            "reword",
            44,
            "部署数据基础设施。建设数据可信流通基础设施，鼓励龙头企业牵引孵化行业数据空间，"
            "支持有条件的地市探索城市数据空间建设。（省政务和数据局牵头，省通信管理局按职责分工负责）",
        ),
    ],
    "edit-b-merge-split-drop": [
        (
            "merge",
            [7, 8],
            "发展新一代电子信息与软件产业。支持龙头企业加强AI手机、AI PC等新兴产业技术研发，"
            "促进电子元器件高端化，"
            "加强北斗、虚拟现实等新兴产业培育。做好“链主”企业培育和重点电子整机企业跟踪服务。"
            "促进软件产品增值税即征即退等政策落地生效，强化广州、深圳两个中国软件名城的产业集聚效应。（省工业和信息化厅牵头）",
        ),
        (
            "merge",
            [33, 34],
            "提升应急指挥和金融风险防控能力。@33@34",
        ),
        (
            "split",
            3,
            [
                "推进数据立法和公共数据开发利用。加快《广东省数据条例》立法，印发加快省公共数据资源开发利用实施意见。"
                "建设公共数据资源登记平台。组建省数据集团，推进省级公共数据授权运营。（省政务和数据局牵头，省国资委等单位按职责分工负责）",
                "推动数据交易和数据资产入表。完善数据交易所监管规则，开展数据产权登记试点，推动企业数据资产入表。"
                "培育一批优秀应用场景，形成高质量数据产品和服务。（省政务和数据局牵头）",
            ],
        ),
        (
            "split",
            43,
            [
                "推动算力基础设施布局。制定加强算力基础设施布局和发展的政策措施。开展算、电、网基础设施协同布局规划。"
                "支持韶关加快数据中心集群建设。（省政务和数据局牵头，省发展改革委、能源局按职责分工负责）",
                "推进数据中心绿色转型。推进低效数据中心节能降碳改造和向智算中心转型升级。加强全省数据中心算力监测调度。"
                "（省政务和数据局牵头，省通信管理局按职责分工负责）",
            ],
        ),
        ("drop", 22),
        ("drop", 36),
        (
            "add",
            19,
            "推进数字档案建设。推动电子文件单套制归档，建设省级数字档案馆，开展档案数字化成果共享利用。（省档案局牵头）",
        ),
        (
            "add",
            41,
            "推进县域商业数字化。支持县域商贸流通企业数字化改造，发展农村电商服务站点，"
            "推动快递进村与电商物流共同配送。（省商务厅牵头，省邮政管理局按职责分工负责）",
        ),
    ],
    "edit-c-move-units": [
        ("move", 29, "深化数据要素", 3),
        ("move", 12, "深入开展“人工智能+”", 1),
        ("move", 46, "加快产业数字化转型", 5),
        ("units", 2, "@2|（省科技厅牵头，省工业和信息化厅按职责分工负责）"),
        ("units", 14, "@14|（省工业和信息化厅、通信管理局牵头）"),
        (
            "units",
            30,
            "@30|（省政务服务和数据管理局牵头，省科技厅、工业和信息化厅、交通运输厅按职责分工负责）",
        ),
        ("units", 6, "@6|（省科技厅牵头，省工业和信息化厅配合）"),
        (
            "reword",
            38,
            "发展文旅新业态。挖掘地方特色数字文化资源，推进文化遗产数字化保护与应用。完善“文化广东”平台，"
            "推动全省数字文化资源共享。构建全省文化及相关产业发展数据库，开展全媒体推广。（省文化和旅游厅牵头）",
        ),
    ],
    # Held out: written before tuning, evaluated only at the end (README.md).
    "edit-d-heldout": [
        ("swap_subs", 4, 2, 3),
        ("move", 18, "提升数字产业发展能级", 2),
        (
            "merge",
            [25, 26],
            "推进生态环境和住建、交通、水利数智化。完善生态环境智慧云平台建设，深化自然生态保护数字化应用。"
            "推动全省城市信息模型（CIM）基础平台建设，开展智慧公路试点项目建设，推进智慧港口建设，"
            "加快数字孪生流域建设。（省自然资源厅、生态环境厅、住房城乡建设厅、交通运输厅、水利厅按职责分工负责）",
        ),
        (
            "split",
            47,
            [
                "强化网络安全防护。强化网络安全攻防演练和预警通报，提升应急处置能力。推动使用通过安全可靠测评的软硬件产品。"
                "落实商用密码应用安全性评估要求。（省委网信办，省保密局、密码管理局，省公安厅按职责分工负责）",
                "强化数据安全管理。明确数据安全责任，健全数据安全监测、审计、风险评估等机制。常态化开展安全培训、审计、"
                "测评和供应链安全管理。（省委网信办，省政务和数据局，省通信管理局按职责分工负责）",
            ],
        ),
        ("drop", 41),
        (
            "add",
            45,
            "推进政务大模型应用。建设省级政务大模型服务平台，在政务服务、城市治理等领域开展大模型应用试点。"
            "（省政务和数据局牵头，各有关单位按职责分工负责）",
        ),
        ("units", 40, "@40|（省政务和数据局、农业农村厅牵头）"),
        (
            "reword",
            10,
            "做强超高清视频产业。发展新型显示终端和超高清视频系统级产品，推动工业、文旅、教育等领域更新显示终端设备，"
            "增加优质超高清内容供给，提高有线电视超高清机顶盒占比。（省工业和信息化厅、广电局牵头）",
        ),
        (
            "reword",
            32,
            "推进医疗健康和养老服务数字化。建设全民健康信息平台，推广电子健康档案和互联网医院服务，"
            "推动养老服务信息平台与医保信息平台数据共享。（省民政厅、卫生健康委、医保局按职责分工负责）",
        ),
        (
            "reword",
            48,
            "加强统筹协调。发挥数字广东建设领导小组作用，组建数字广东建设专家委员会，科学编制数字广东建设相关规划。"
            "（省政务和数据局牵头）",
        ),
    ],
    # Second held-out copy: written after the first held-out result was seen (README.md),
    # before the heading assignment was changed; evaluated once, afterwards.
    "edit-e-heldout2": [
        ("swap_tops", 2, 3),
        (
            "reword",
            16,
            "推进服务业数字化。支持国家数字服务出口基地建设，培育数字贸易重点企业。打造跨境电商综试区升级版。"
            "推广自动分拣、智慧转运等智能物流设施设备。（省商务厅、交通运输厅按职责分工负责）",
        ),
        (
            "reword",
            24,
            "加强智慧监管。推进实景三维广东建设，加强地理信息公共服务平台（天地图）建设，推动城市生命线工程监测平台建设，"
            "推进市场监管信息化和海洋综合执法指挥系统升级。（省自然资源厅、住房城乡建设厅、市场监管局，"
            "省海洋综合执法总队按职责分工负责）",
        ),
        (
            "reword",
            37,
            "推动绿色智慧生活。推进能源数据融合创新和源网荷储一体化，推广零碳智慧园区、绿色智能建筑，"
            "完善林业监测数据管理平台。（省生态环境厅、林业局、能源局按职责分工负责）",
        ),
        (
            "merge",
            [42, 44],
            "建设泛在智联的网络和数据基础设施。完善“双千兆”网络建设覆盖，支持有条件地区开展万兆光网试点，"
            "推动5G规模化应用“扬帆”行动。推动建设数据可信流通基础设施，鼓励龙头企业牵引孵化企业和行业数据空间，"
            "支持有条件地区探索建设城市数据空间。（省发展改革委、工业和信息化厅、政务和数据局，省通信管理局按职责分工负责）",
        ),
        (
            "split",
            17,
            [
                "推进数字金融发展。推动银行保险机构优化数字金融治理机制。丰富数字人民币应用场景。提高金融监管数字化水平。"
                "（人民银行广东省分行牵头，国家金融监督管理总局广东监管局按职责分工负责）",
                "支持金融科技企业发展。鼓励金融科技企业挂牌上市、并购融资、发行企业专项债券。推动持牌金融机构在广东设立"
                "金融科技子公司，支持证券基金期货机构加大金融科技投入。（省委金融办，中国证监会广东监管局按职责分工负责）",
            ],
        ),
        ("drop", 27),
        (
            "add",
            5,
            "推进人工智能安全治理。建立人工智能安全评测体系，开展生成式人工智能服务安全评估。（省委网信办牵头）",
        ),
        ("move", 13, "加快产业数字化转型", 1),
        ("move", 50, "加强数字广东建设整体统筹", 2),
        ("units", 31, "@31|（省教育厅牵头，省人力资源社会保障厅按职责分工负责）"),
    ],
}


def _seed_body(tops: list[Top], n: int) -> str:
    sub, k = find(tops, n)
    return sub.items[k].body


def _strip_clause(body: str) -> str:
    return re.sub(r"（[^（）]*(?:（[^（）]*）[^（）]*)*）$", "", body)


def _expand(tops: list[Top], body: str) -> str:
    """@N| → item N's body with its clause replaced; @N@M → the bodies of N and M (no titles)."""
    if m := re.fullmatch(r"@(\d+)\|(.*)", body):
        return _strip_clause(_seed_body(tops, int(m.group(1)))) + m.group(2)
    if "@" in body:
        head, *nums = body.split("@")
        parts = []
        clauses = []
        for n in nums:
            seed = _seed_body(tops, int(n))
            text = _strip_clause(seed).split("。", 1)[1]
            parts.append(text)
            clauses.append(seed[len(_strip_clause(seed)) :])
        return head + "".join(parts) + clauses[0]
    return body


def apply(tops: list[Top], edits: list[tuple[Any, ...]]) -> list[Top]:
    for op, *args in edits:
        if op == "reverse_items":
            for top in tops:
                for sub in top.subs:
                    sub.items.reverse()
        elif op == "swap_subs":
            t, i, j = args
            subs = tops[t - 1].subs
            subs[i - 1], subs[j - 1] = subs[j - 1], subs[i - 1]
        elif op == "swap_tops":
            i, j = args
            tops[i - 1], tops[j - 1] = tops[j - 1], tops[i - 1]
        elif op in ("reword", "units"):
            n, body = args
            sub, k = find(tops, n)
            sub.items[k] = Item([n], _expand(tops, body), "reworded" if op == "reword" else "same")
        elif op == "drop":
            sub, k = find(tops, args[0])
            sub.items[k].relation = "dropped"
        elif op == "add":
            after, body = args
            sub, k = find(tops, after)
            sub.items.insert(k + 1, Item([], body, "added"))
        elif op == "merge":
            nums, body = args
            sub, k = find(tops, nums[0])
            merged = Item(list(nums), _expand(tops, body), "merged")
            for n in nums[1:]:
                s2, k2 = find(tops, n)
                del s2.items[k2]
            sub, k = find(tops, nums[0])
            sub.items[k] = merged
        elif op == "split":
            n, bodies = args
            sub, k = find(tops, n)
            sub.items[k : k + 1] = [Item([n], b, "split") for b in bodies]
        elif op == "move":
            n, target, position = args
            sub, k = find(tops, n)
            item = sub.items.pop(k)
            item.relation = "moved"
            sub_by_title(tops, target).items.insert(position - 1, item)
        else:
            raise ValueError(op)
    return tops


def render(prefix: list[str], tops: list[Top]) -> tuple[str, dict[int, list[list[int]]], list[list[int]]]:
    """The edited text; seed number → new paths; paths of added items."""
    lines = list(prefix)
    number = 0
    sub_number = 0
    paths: dict[int, list[list[int]]] = {}
    added: list[list[int]] = []
    # A sub-heading whose items all moved or were dropped is left out, as an editor would
    # (printed alone it would read as an item); so is a section left without sub-headings.
    tops = [Top(t.title, [s for s in t.subs if any(i.relation != "dropped" for i in s.items)]) for t in tops]
    tops = [t for t in tops if t.subs]
    for a, top in enumerate(tops, 1):
        lines.append(f"{cn_number(a)}、{top.title}")
        for b, sub in enumerate(top.subs, 1):
            sub_number += 1
            lines.append(f"（{cn_number(sub_number)}）{sub.title}")
            c = 0
            for item in sub.items:
                if item.relation == "dropped":
                    continue
                c += 1
                number += 1
                lines.append(f"{number}．{item.body}")
                for n in item.origin:
                    paths.setdefault(n, []).append([a, b, c])
                if not item.origin:
                    added.append([a, b, c])
    return "\n".join(lines) + "\n", paths, added


def gold(name: str, edits: list[tuple[Any, ...]]) -> tuple[str, dict[str, Any]]:
    prefix, tops = read_seed()
    old_paths = seed_paths(tops)
    relation_of: dict[int, str] = {}
    for op, *args in edits:
        if op == "reword":
            relation_of[args[0]] = "reworded"
        elif op == "drop":
            relation_of[args[0]] = "dropped"
        elif op == "merge":
            for n in args[0]:
                relation_of[n] = "merged"
        elif op == "split":
            relation_of[args[0]] = "split"
        elif op == "move":
            relation_of[args[0]] = "moved"
    text, new_paths, added = render(prefix, apply(tops, edits))
    pairs: list[dict[str, Any]] = []
    done: set[int] = set()
    for n in sorted(old_paths):
        if n in done:
            continue
        rel = relation_of.get(n, "same")
        if rel == "merged":
            group = next(a[0] for op, *a in edits if op == "merge" and n in a[0])
            done.update(group)
            pairs.append({"relation": rel, "old": [old_paths[m] for m in group], "new": new_paths[n]})
        elif rel == "dropped":
            pairs.append({"relation": rel, "old": [old_paths[n]], "new": []})
        else:
            pairs.append({"relation": rel, "old": [old_paths[n]], "new": new_paths[n]})
    pairs += [{"relation": "added", "old": [], "new": [p]} for p in added]
    return text, {
        "old": "samples/gd-2025-digital-seed.txt",
        "new": f"bench/compare_gold/{name}.txt",
        "scope": "all",
        "made_by": "bench/compare_gold/make_copies.py from the edits written there",
        "pairs": pairs,
    }


def main(argv: list[str]) -> int:
    stale = []
    for name, edits in EDITS.items():
        text, data = gold(name, edits)
        outputs = {
            HERE / f"{name}.txt": text,
            HERE / f"{name}.gold.json": json.dumps(data, ensure_ascii=False, indent=1) + "\n",
        }
        for path, content in outputs.items():
            if "--check" in argv:
                if not path.exists() or path.read_text(encoding="utf-8") != content:
                    stale.append(path.name)
            else:
                path.write_text(content, encoding="utf-8")
    if stale:
        print("stale:", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
