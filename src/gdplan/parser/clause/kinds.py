"""What kind of body a unit name names, from the words in ``data/unit_kinds.toml``.

Three questions the clause grammar asks (DOMAIN.md §3b): may the unit implement (a local
government or zone), may a party prefix be shared with it (a party organ), may a
jurisdiction prefix be shared with it (not an enterprise, bank or association)?

The registry of bodies (gdplan.registry) is asked first: where it knows a name's kind, that
answers the party-organ and non-government questions; the word lists here answer for the
names it does not know.
"""

from __future__ import annotations

import functools
import tomllib
from importlib import resources

from gdplan.parser.clause.scan import strip_trailing_groups
from gdplan.parser.memo import memo


@functools.cache
def _kinds() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    raw = resources.files(__package__).joinpath("data", "unit_kinds.toml").read_text(encoding="utf-8")
    return {
        kind: (frozenset(entry.get("names", ())), tuple(entry.get("endings", ())))
        for kind, entry in tomllib.loads(raw).items()
    }


def _is(kind: str, name: str) -> bool:
    names, endings = _kinds()[kind]
    core = name[: strip_trailing_groups(name, 0, len(name))]
    return name in names or core in names or name.endswith(endings) or core.endswith(endings)


@memo(maxsize=4096)
def is_local_government(name: str) -> bool:
    """各县区 / 各镇(街) / 兰州高新区 / 各区人民政府: a government, zone or township."""
    return _is("local_government", name)


def _registry_kind(name: str) -> str | None:
    """The registry's kind of a name without its jurisdiction (its UnitKind value), or None."""
    from gdplan.registry import kind_of_stem  # loads the registry's data on first use

    kind = kind_of_stem(name)
    return None if kind is None else kind.value


@memo(maxsize=4096)
def is_party_organ(name: str) -> bool:
    """宣传部 / 网信办 / 政法委: an organ of a party committee."""
    kind = _registry_kind(name)
    return kind == "party" if kind is not None else _is("party_organ", name)


@memo(maxsize=4096)
def is_non_government(name: str) -> bool:
    """电信运营商 / 银行 / 企业 / 集团 / 协会: not a government body."""
    if _registry_kind(name) == "enterprise":
        return True
    return _is("non_government", name)
