"""How much of the dev corpus the unit registry resolves (issue 8's acceptance figures).

    python bench/registry_coverage.py [CORPUS] [-v] [--json]

Over every document of the corpus (default ../shared/corpus/dev/raw, as gdplan parses it):

- mentions: every unit in every role list of every node (items and headings);
- with jurisdiction and kind: the share of mentions the registry placed (target ≥ 97%);
- departments with a canonical name: of the mentions whose kind is ``department``, the
  share with a full standard name (target ≥ 85%);
- bodies with two ids: counted on a hand-made CHECK LIST of alias groups below (names that
  are one body in a plan of a given jurisdiction, written from general knowledge, not from
  the corpus gold): a group whose names get more than one id, or no id, counts once
  (target 0). The corpus itself adds a second count: (jurisdiction, canonical name) pairs
  that got more than one id.

This measures coverage, not speed; it parses each document once. ``-v`` lists the
unresolved names.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "dev" / "raw"

# (the plan's jurisdiction, names that must be one body in it). General knowledge only.
CHECK_LIST: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("广东省", ("省发展改革委", "广东省发展和改革委员会", "省发改委")),
    ("广东省", ("省政务服务数据管理局", "省政务服务和数据管理局", "省政务和数据局", "省政数局")),
    ("广东省", ("省人力资源社会保障厅", "省人社厅", "广东省人力资源和社会保障厅")),
    ("广东省", ("省工业和信息化厅", "省工信厅", "广东省工业和信息化厅", "省经济和信息化委")),
    ("广东省", ("省市场监管局", "广东省市场监督管理局", "省工商局")),
    ("广东省", ("省住房城乡建设厅", "广东省住房和城乡建设厅", "省住建厅")),
    ("广东省", ("省卫生健康委", "省卫健委", "广东省卫生健康委员会", "省卫生计生委")),
    ("广东省", ("省自然资源厅", "省国土资源厅")),
    ("广东省", ("省委网信办", "中共广东省委网络安全和信息化委员会办公室", "广东省委网信办")),
    ("广东省", ("人民银行广东省分行", "中国人民银行广东省分行", "人行广东省分行")),
    ("广东省", ("国家金融监督管理总局广东监管局", "广东金融监管局", "金融监管总局广东监管局")),
    ("广东省", ("广东银保监局", "中国银保监会广东监管局", "国家金融监督管理总局广东监管局")),
    ("广东省", ("中国证监会广东监管局", "广东证监局")),
    ("广东省", ("省税务局", "国家税务总局广东省税务局")),
    ("广东省", ("省通信管理局", "广东省通信管理局")),
    ("广东省", ("省法院", "省高级人民法院", "广东省高级人民法院")),
    ("广东省", ("团省委", "共青团广东省委")),
    ("广东省", ("省政府办公厅", "广东省人民政府办公厅")),
    ("惠州市", ("市科技局", "惠州市科学技术局", "惠州市科技局")),
    ("惠州市", ("市人力社保局", "市人社局", "市人力资源和社会保障局", "市人力资源社会保障局")),
    ("惠州市", ("市市场监管局", "惠州市市场监督管理局")),
    ("惠州市", ("市发改局", "市发展和改革局", "惠州市发展和改革局")),
    ("惠州市", ("市委宣传部", "中共惠州市委宣传部", "惠州市委宣传部")),
    ("惠州市", ("市文化广电旅游局", "市文广旅局", "惠州市文化广电旅游局")),
    ("南沙区", ("区教育局", "广州市南沙区教育局", "南沙区教育局")),
    ("赣州市", ("市政府", "赣州市人民政府", "市人民政府", "赣州市")),
    ("赣州市", ("市委组织部", "中共赣州市委组织部")),
    ("江西省", ("省發改委", "省发改委", "江西省发展和改革委员会")),
    ("江西省", ("省政府办公厅", "江西省人民政府办公厅", "省政府办")),
    ("江西省", ("江西海事局", "江西省海事局")),
    ("浙江省", ("省经信厅", "浙江省经济和信息化厅", "省经济和信息化厅")),
)


def check_list() -> tuple[int, list[str]]:
    from gdplan.parser.text import fold_key  # what the parser makes a unit's key with
    from gdplan.registry import Context, registry, resolve_name

    reg = registry()
    bad: list[str] = []
    for place_name, names in CHECK_LIST:
        place = next(p for p in reg.place_names[place_name] if p.name == place_name)
        context = Context(tuple(reg.chain(place)))
        found = [resolve_name(fold_key(name), context) for name in names]
        ids = {r.unit_id if r is not None else None for r in found}
        if len(ids) != 1 or None in ids:
            bad.append(f"{place_name}: {' / '.join(names)} → {sorted(map(str, ids))}")
    return len(bad), bad


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("-v", "--verbose", action="store_true", help="list unresolved names")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    import gdplan
    from gdplan.model import ROLES, UnitKind

    mentions = placed = departments = canonical = 0
    unresolved: Counter[str] = Counter()
    ids_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    documents = failed = 0
    for path in sorted(args.corpus.glob("*.txt")):
        try:
            doc = gdplan.parse(path)
        except gdplan.GdplanError:
            failed += 1
            continue
        documents += 1
        for node in doc.walk():
            duty = node.responsibility
            for unit in [] if duty is None else [u for role in ROLES for u in duty.units(role)]:
                mentions += 1
                if unit.jurisdiction is not None and unit.kind is not None:
                    placed += 1
                else:
                    unresolved[f"{path.stem}: {unit.name}"] += 1
                if unit.kind is UnitKind.DEPARTMENT:
                    departments += 1
                    canonical += unit.canonical is not None
                if unit.canonical is not None and unit.unit_id is not None:
                    ids_of[(str(unit.jurisdiction), unit.canonical)].add(unit.unit_id)
    two_ids, bad = check_list()
    corpus_two_ids = sorted(k for k, v in ids_of.items() if len(v) > 1)
    result = {
        "documents": documents,
        "documents_refused": failed,
        "mentions": mentions,
        "with_jurisdiction_and_kind": placed,
        "share_with_jurisdiction_and_kind": round(placed / mentions, 4) if mentions else None,
        "department_mentions": departments,
        "departments_with_canonical": canonical,
        "share_departments_with_canonical": round(canonical / departments, 4) if departments else None,
        "check_list_groups": len(CHECK_LIST),
        "bodies_with_two_ids_check_list": two_ids,
        "bodies_with_two_ids_corpus": len(corpus_two_ids),
    }
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:36} {value}")
        for line in bad:
            print("  two ids:", line)
        for key in corpus_two_ids:
            print("  two ids in the corpus:", key, sorted(ids_of[key]))
        if args.verbose:
            for name, count in unresolved.most_common():
                print(f"  unresolved {count:3} {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
