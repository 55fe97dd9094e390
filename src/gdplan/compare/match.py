"""Pair the items of two plans by meaning: similarity, global assignment, merges and moves.

1. Every item gets its words (jieba), a TF-IDF vector fitted on both plans, its folded title
   and its units.
2. score(old, new) = weighted text cosine, title similarity and unit overlap (docs/compare.md).
3. A maximum-weight 1:1 assignment over all pairs scoring at least the threshold
   (assign.max_assignment): global, so an early item never takes a later item's better match.
4. Merges and splits: an item left without a counterpart whose words are largely found in a
   paired item's counterpart joins that pair.
5. Moves: each old heading is mapped to the new heading most of its items went to; a pair whose
   new item sits under another heading than that is ``moved``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from gdplan.compare import text as T
from gdplan.compare.assign import max_assignment
from gdplan.compare.result import (
    CONTINUED,
    Comparison,
    ItemRef,
    Pair,
    Relation,
    Side,
    Summary,
)
from gdplan.compare.units import all_identities, jaccard, role_changes, role_units
from gdplan.model import Document, Node, Role


@dataclass(frozen=True)
class Settings:
    """The weights and thresholds of the comparison (how they were chosen: docs/compare.md)."""

    threshold: float = 0.30  # lowest score that pairs two items
    same: float = 0.95  # character similarity of the whole texts above which wording is "same"
    w_text: float = 0.60
    w_title: float = 0.25
    w_units: float = 0.15
    cover: float = 0.45  # share of an unmatched item's words found in a partner: merged / split
    heading_same: float = 0.90  # heading titles this similar are one heading whatever the votes


DEFAULT = Settings()


@dataclass
class _Item:
    index: int
    node: Node
    parent: Node | None
    headings: list[Node]
    words: list[str]
    title: str
    full: str
    units: frozenset[str]
    bigrams: frozenset[str] = frozenset()
    vector: T.Vector = field(default_factory=dict)


def _walk(nodes: Sequence[Node], above: list[Node]) -> Iterator[tuple[Node, list[Node]]]:
    for node in nodes:
        if node.kind == "item":
            yield node, above
        else:
            yield from _walk(node.children, [*above, node])


def _items(doc: Document) -> list[_Item]:
    out: list[_Item] = []
    for index, (node, above) in enumerate(_walk(doc.children, [])):
        body = f"{node.title}。{node.text}" if node.text else node.title
        out.append(
            _Item(
                index=index,
                node=node,
                parent=above[-1] if above else None,
                headings=list(above),
                words=T.words(body),
                title=(title := T.normalize(node.title)),
                bigrams=_bigrams(title),
                full=T.normalize(body),
                units=all_identities(node),
            )
        )
    return out


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1)) if len(text) > 1 else frozenset([text])


def title_similarity(a: str, b: str) -> float:
    """Short titles: the better of character edit similarity and character-bigram Dice overlap."""
    return _title_similarity(a, b, _bigrams(a), _bigrams(b))


def _title_similarity(a: str, b: str, ga: frozenset[str], gb: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    ratio: float = fuzz.ratio(a, b) / 100.0
    dice = 2 * len(ga & gb) / (len(ga) + len(gb))
    return max(ratio, dice)


@dataclass(frozen=True)
class _Score:
    total: float
    text: float
    title: float
    units: float | None


def _score(a: _Item, b: _Item, s: Settings) -> _Score:
    text = T.cosine(a.vector, b.vector)
    title = _title_similarity(a.title, b.title, a.bigrams, b.bigrams)
    if a.units or b.units:
        overlap = jaccard(a.units, b.units)
        total = s.w_text * text + s.w_title * title + s.w_units * overlap
        units: float | None = overlap
    else:  # no evidence from units: weigh the texts alone
        units = None
        total = (s.w_text * text + s.w_title * title) / (s.w_text + s.w_title)
    return _Score(min(1.0, max(0.0, total)), text, title, units)


def _explain(sc: _Score) -> str:
    units = "none listed" if sc.units is None else f"{sc.units:.2f}"
    return f"text {sc.text:.2f}, title {sc.title:.2f}, units {units}"


def _ref(item: _Item) -> ItemRef:
    n = item.node
    return ItemRef(
        path=list(n.path),
        label=n.label,
        title=n.title,
        text=n.text,
        headings=[h.title for h in item.headings],
        line=n.line,
    )


def _where(item: _Item) -> str:
    return f"{'.'.join(map(str, item.node.path))} {item.node.title}"


def compare(old: Document, new: Document, settings: Settings = DEFAULT) -> Comparison:
    """Pair the items of ``old`` and ``new``: see the module docstring and docs/compare.md."""
    s = settings
    olds, news = _items(old), _items(new)
    tfidf = T.Tfidf([i.words for i in olds] + [i.words for i in news])
    for item in (*olds, *news):
        item.vector = tfidf.vector(item.words)
    scores = [[_score(a, b, s) for b in news] for a in olds]
    weights = [[sc.total if sc.total >= s.threshold else 0.0 for sc in row] for row in scores]
    matched = max_assignment(weights) if olds and news else []
    old_to_new = dict(matched)
    new_to_old = {j: i for i, j in matched}

    # Merges and splits: an unmatched item largely covered by a matched item's counterpart.
    absorbed_old: dict[int, list[tuple[int, float]]] = defaultdict(list)  # new j → extra old items
    absorbed_new: dict[int, list[tuple[int, float]]] = defaultdict(list)  # old i → extra new items
    for o in olds:
        if o.index in old_to_new:
            continue
        best = max(
            ((tfidf.coverage(o.words, news[j].words), -j, j) for j in new_to_old),
            default=None,
        )
        if best and best[0] >= s.cover:
            absorbed_old[best[2]].append((o.index, best[0]))
    for n in news:
        if n.index in new_to_old:
            continue
        best = max(
            (
                (tfidf.coverage(n.words, olds[i].words), -i, i)
                for i in old_to_new
                if old_to_new[i] not in absorbed_old  # one side only: no many-to-many
            ),
            default=None,
        )
        if best and best[0] >= s.cover:
            absorbed_new[best[2]].append((n.index, best[0]))
    used_old = {i for extra in absorbed_old.values() for i, _ in extra}
    used_new = {j for extra in absorbed_new.values() for j, _ in extra}

    heading_map = _map_headings(olds, news, matched, s)

    pairs: list[tuple[float, Pair]] = []
    for i, j in matched:
        a, b = olds[i], news[j]
        if j in absorbed_old:
            group = [a, *(olds[k] for k, _ in sorted(absorbed_old[j]))]
            group.sort(key=lambda it: it.index)
            pairs.append((group[0].index, _many(group, [b], Relation.MERGED, tfidf, s)))
            continue
        if i in absorbed_new:
            group = [b, *(news[k] for k, _ in sorted(absorbed_new[i]))]
            group.sort(key=lambda it: it.index)
            pairs.append((a.index, _many([a], group, Relation.SPLIT, tfidf, s)))
            continue
        pairs.append((a.index, _one(a, b, scores[i][j], heading_map, s)))
    for o in olds:
        if o.index not in old_to_new and o.index not in used_old:
            row = scores[o.index]
            best_j = max(range(len(news)), key=lambda j: row[j].total, default=None)
            pairs.append((o.index, _alone(o, Relation.DROPPED, news, best_j, row, new_to_old, s)))
    # Added items sit after the pair holding the new item just before them.
    position = {}
    for key, pair in pairs:
        for ref in pair.new:
            position[_path_key(ref.path)] = key
    last = -1.0
    for n in news:
        here = position.get(_path_key(list(n.node.path)))
        if here is not None:
            last = here
            continue
        if n.index in used_new:
            continue
        column = [scores[i][n.index] for i in range(len(olds))]
        best_i = max(range(len(olds)), key=lambda i: column[i].total, default=None)
        pairs.append((last + 0.5, _alone(n, Relation.ADDED, olds, best_i, column, old_to_new, s)))
    ordered = [p for _, p in sorted(pairs, key=lambda kp: kp[0])]
    return Comparison(
        old=Side(source=old.source, title=old.title, year=old.year, items=len(olds)),
        new=Side(source=new.source, title=new.title, year=new.year, items=len(news)),
        threshold=s.threshold,
        summary=_summary(ordered, len(olds), len(news)),
        pairs=ordered,
    )


def _path_key(path: list[int]) -> tuple[int, ...]:
    return tuple(path)


def _lead_changed(olds: Sequence[Node], news: Sequence[Node]) -> bool:
    return role_units(olds, Role.LEAD).keys() != role_units(news, Role.LEAD).keys()


def _one(a: _Item, b: _Item, sc: _Score, heading_map: dict[int, int | None], s: Settings) -> Pair:
    wording = a.full != b.full
    moved = _moved(a, b, heading_map, s)
    if moved:
        relation = Relation.MOVED
    elif fuzz.ratio(a.full, b.full) / 100.0 >= s.same:
        relation = Relation.SAME
    else:
        relation = Relation.REWORDED
    reason = f"global assignment: {_explain(sc)}"
    if moved:
        before = a.parent.title if a.parent else "(top level)"
        after = b.parent.title if b.parent else "(top level)"
        reason += f"; heading {before} → {after}"
    return Pair(
        relation=relation,
        old_path=list(a.node.path),
        new_path=list(b.node.path),
        score=round(sc.total, 4),
        reason=reason,
        wording_changed=wording,
        lead_changed=_lead_changed([a.node], [b.node]),
        units=role_changes([a.node], [b.node]),
        old=[_ref(a)],
        new=[_ref(b)],
    )


def _many(olds: list[_Item], news: list[_Item], relation: Relation, tfidf: T.Tfidf, s: Settings) -> Pair:
    if relation is Relation.MERGED:
        parts, whole = olds, news[0]
    else:
        parts, whole = news, olds[0]
    words = [w for p in parts for w in p.words]
    score = tfidf.coverage(words, whole.words)
    names = ", ".join(".".join(map(str, p.node.path)) for p in parts)
    side = "old" if relation is Relation.MERGED else "new"
    old_path: list[int] | list[list[int]] = (
        [list(o.node.path) for o in olds] if relation is Relation.MERGED else list(olds[0].node.path)
    )
    new_path: list[int] | list[list[int]] = (
        [list(n.node.path) for n in news] if relation is Relation.SPLIT else list(news[0].node.path)
    )
    reason = (
        f"{side} items {names}: {score:.0%} of their words are in {_where(whole)} "
        f"(one was paired by global assignment, the others had no counterpart of their own)"
    )
    return Pair(
        relation=relation,
        old_path=old_path,
        new_path=new_path,
        score=round(min(1.0, score), 4),
        reason=reason,
        wording_changed=True,
        lead_changed=_lead_changed([o.node for o in olds], [n.node for n in news]),
        units=role_changes([o.node for o in olds], [n.node for n in news]),
        old=[_ref(o) for o in olds],
        new=[_ref(n) for n in news],
    )


def _alone(
    item: _Item,
    relation: Relation,
    others: list[_Item],
    best: int | None,
    row: list[_Score],
    taken: dict[int, int],
    s: Settings,
) -> Pair:
    other = "new" if relation is Relation.DROPPED else "old"
    if best is None:
        score, reason = 0.0, f"the {other} plan has no items"
    else:
        score = row[best].total
        if score < s.threshold:
            closest = _where(others[best])
            reason = f"no {other} item scores {s.threshold:.2f} or more (best {score:.2f}: {closest})"
        else:
            reason = (
                f"its closest {other} item ({score:.2f}: {_where(others[best])}) has a closer match"
                if best in taken
                else f"no counterpart in the global assignment (best {score:.2f})"
            )
    ref = _ref(item)
    nodes = [item.node]
    return Pair(
        relation=relation,
        old_path=ref.path if relation is Relation.DROPPED else None,
        new_path=ref.path if relation is Relation.ADDED else None,
        score=round(min(1.0, score), 4),
        reason=reason,
        wording_changed=True,
        lead_changed=False,
        units=role_changes(nodes, []) if relation is Relation.DROPPED else role_changes([], nodes),
        old=[ref] if relation is Relation.DROPPED else [],
        new=[ref] if relation is Relation.ADDED else [],
    )


def _map_headings(
    olds: list[_Item], news: list[_Item], matched: list[tuple[int, int]], s: Settings
) -> dict[int, int | None]:
    """id(old parent heading) → id(its new counterpart), a 1:1 assignment of headings.

    weight(P, Q) = share of P's paired items whose counterparts sit under Q + title similarity
    of P and Q; a pair of headings is possible when at least one item went from one to the
    other or the titles are nearly the same. One heading continues as one heading, so when
    two old headings send items to one new heading, the weaker one's items count as moved.
    """
    votes: dict[int, Counter[int]] = defaultdict(Counter)
    heading: dict[int, Node] = {}
    for i, j in matched:
        p, q = olds[i].parent, news[j].parent
        if p is not None and q is not None:
            votes[id(p)][id(q)] += 1
    old_heads = list({id(it.parent): it.parent for it in olds if it.parent is not None}.values())
    new_heads = list({id(it.parent): it.parent for it in news if it.parent is not None}.values())
    for h in (*old_heads, *new_heads):
        heading[id(h)] = h
    if not old_heads or not new_heads:
        return {}
    titles = {id(h): T.normalize(h.title) for h in (*old_heads, *new_heads)}
    weights: list[list[float]] = []
    for p in old_heads:
        counter = votes.get(id(p), Counter())
        total = sum(counter.values())
        row = []
        for q in new_heads:
            title = title_similarity(titles[id(p)], titles[id(q)])
            share = counter[id(q)] / total if total else 0.0
            row.append(share + title if share > 0 or title >= s.heading_same else 0.0)
        weights.append(row)
    return {id(old_heads[a]): id(new_heads[b]) for a, b in max_assignment(weights)}


def _moved(a: _Item, b: _Item, heading_map: dict[int, int | None], s: Settings) -> bool:
    p, q = a.parent, b.parent
    if p is None or q is None:
        return (p is None) != (q is None)
    if title_similarity(T.normalize(p.title), T.normalize(q.title)) >= s.heading_same:
        return False
    return heading_map.get(id(p)) != id(q)


def _summary(pairs: list[Pair], n_old: int, n_new: int) -> Summary:
    counts = Counter(p.relation.value for p in pairs)
    continued = [p for p in pairs if p.relation in CONTINUED]
    return Summary(
        continued=len(continued),
        new=counts.get(Relation.ADDED.value, 0),
        dropped=counts.get(Relation.DROPPED.value, 0),
        lead_changes=sum(1 for p in continued if p.lead_changed),
        relations={r.value: counts.get(r.value, 0) for r in Relation},
        old_items=n_old,
        new_items=n_new,
    )
