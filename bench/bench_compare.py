"""Quality and speed of ``gdplan.compare`` against hand-made gold alignments.

    python bench/bench_compare.py            # every gold in bench/compare_gold/, held-out copies marked
    python bench/bench_compare.py --tuning   # leave the held-out copies out (use this while tuning)
    python bench/bench_compare.py --json

For each gold file: precision, recall and F1 of the pairs (a pair is a link old path → new
path; a dropped item links to nothing, an added one from nothing; merged and split pairs are
one link per item), and of each relation (a link counts for a relation when the relation
matches too). Gold with ``"scope": "old"`` (an excerpt on the old side) is scored on the
links of the old items only. Then the time to compare two 50-item plans once jieba is loaded
(target < 200 ms), median of a few runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "compare_gold"
HELD_OUT = "heldout"  # edit-d-heldout, edit-e-heldout2: not looked at while tuning (README)

Link = tuple[str, tuple[int, ...] | None, tuple[int, ...] | None]  # relation, old, new


def _paths(value: Any) -> list[tuple[int, ...]]:
    if value is None:
        return []
    if value and isinstance(value[0], list):
        return [tuple(v) for v in value]
    return [tuple(value)] if value else []


def _links(pairs: list[dict[str, Any]], old_key: str, new_key: str) -> set[Link]:
    out: set[Link] = set()
    for p in pairs:
        olds, news = _paths(p[old_key]), _paths(p[new_key])
        if not news:
            out.update((p["relation"], o, None) for o in olds)
        elif not olds:
            out.update((p["relation"], None, n) for n in news)
        else:
            out.update((p["relation"], o, n) for o in olds for n in news)
    return out


def _prf(pred: set[Any], gold: set[Any]) -> dict[str, float]:
    hit = len(pred & gold)
    p = hit / len(pred) if pred else 1.0
    r = hit / len(gold) if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "pred": len(pred),
        "gold": len(gold),
    }


def _resolve(path: str) -> Path:
    return (ROOT / path).resolve()


def evaluate(gold_file: Path) -> dict[str, Any] | None:
    import gdplan
    from gdplan.compare import compare

    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    old_path, new_path = _resolve(gold["old"]), _resolve(gold["new"])
    if not old_path.exists() or not new_path.exists():
        return None
    comparison = compare(gdplan.parse(old_path), gdplan.parse(new_path))
    pred = _links([p.model_dump(mode="json") for p in comparison.pairs], "old_path", "new_path")
    want = _links(gold["pairs"], "old", "new")
    if gold.get("scope") == "old":
        pred = {k for k in pred if k[1] is not None}
        want = {k for k in want if k[1] is not None}
    result: dict[str, Any] = {
        "gold": gold_file.name,
        "pairs": _prf({k[1:] for k in pred}, {k[1:] for k in want}),
        "relations": {},
    }
    for rel in sorted({k[0] for k in pred | want}):
        result["relations"][rel] = _prf({k for k in pred if k[0] == rel}, {k for k in want if k[0] == rel})
    result["errors"] = sorted(str(k) for k in pred ^ want)
    # The evidence behind the threshold: scores of correct 1:1 pairs, and the best score an
    # item without a counterpart reached (docs/compare.md, "How the threshold was chosen").
    one_to_one = ("same", "reworded", "moved")
    result["paired_scores"] = sorted(
        p.score for p in comparison.pairs
        if p.relation.value in one_to_one and (p.relation.value, tuple(p.old_path), tuple(p.new_path)) in want
    )
    result["unpaired_best"] = sorted(
        p.score for p in comparison.pairs
        if p.relation.value in ("dropped", "added")
        and (p.relation.value, _first(p.old_path), _first(p.new_path)) in want
    )
    return result


def _first(value: Any) -> tuple[int, ...] | None:
    paths = _paths(value)
    return paths[0] if paths else None


def timing(repeat: int) -> dict[str, float]:
    import gdplan
    from gdplan.compare import compare
    from gdplan.compare.text import load, normalize

    load()
    old = gdplan.parse(ROOT / "samples" / "gd-2025-digital-seed.txt")
    new = gdplan.parse(GOLD / "edit-a-reorder-reword.txt")
    times = []
    cpu = []
    for _ in range(repeat):
        normalize.cache_clear()  # time the texts' folding too, as in a first comparison
        start, start_cpu = time.perf_counter(), time.process_time()
        compare(old, new)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return {
        "items": float(len(list(old.items()))),
        "median_ms": round(statistics.median(times) * 1000, 1),
        "min_ms": round(min(times) * 1000, 1),
        # CPU time of this process: what the comparison costs when other work shares the cores
        "median_cpu_ms": round(statistics.median(cpu) * 1000, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tuning", action="store_true", help="leave the held-out copy out")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the wrong links")
    args = parser.parse_args(argv)
    files = sorted(GOLD.glob("*.gold.json"))
    if args.tuning:
        files = [f for f in files if HELD_OUT not in f.name]
    results = []
    for f in files:
        r = evaluate(f)
        if r is None:
            print(f"{f.name}: skipped (input absent)", file=sys.stderr)
            continue
        results.append(r)
    edited = [r for r in results if r["gold"].startswith("edit-") and HELD_OUT not in r["gold"]]
    pooled = Counter[str]()
    for r in edited:
        p = r["pairs"]
        pooled["hit"] += round(p["precision"] * p["pred"])
        pooled["pred"] += p["pred"]
        pooled["gold"] += p["gold"]
    speed = timing(args.repeat)
    if args.json:
        print(json.dumps({"results": results, "timing": speed}, ensure_ascii=False, indent=1))
        return 0
    for r in results:
        tag = " (held out)" if HELD_OUT in r["gold"] else ""
        p = r["pairs"]
        print(f"{r['gold']}{tag}: pairs P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f} "
              f"({p['pred']} predicted, {p['gold']} gold links)")
        for rel, m in r["relations"].items():
            counts = f"({m['pred']} predicted / {m['gold']} gold)"
            print(f"    {rel:9} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}  {counts}")
        low = r["paired_scores"][0] if r["paired_scores"] else None
        high = r["unpaired_best"][-1] if r["unpaired_best"] else None
        print(f"    lowest score of a correct 1:1 pair {low}; highest best score of an unpaired item {high}")
        if args.verbose:
            for e in r["errors"]:
                print(f"    ≠ {e}")
    if pooled["pred"]:
        p = pooled["hit"] / pooled["pred"]
        rr = pooled["hit"] / pooled["gold"]
        print(f"edited copies (tuning set) pooled: pairs P {p:.3f} R {rr:.3f} F1 {2 * p * rr / (p + rr):.3f}")
    print(f"compare two {int(speed['items'])}-item plans (jieba loaded): median {speed['median_ms']} ms, "
          f"min {speed['min_ms']} ms, median CPU {speed['median_cpu_ms']} ms (target < 200 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
