"""Patterns compiled on first use: importing the parser compiles none of its patterns, and a
parse compiles only those it needs (most texts need no table, web-page or pinyin pattern).

``lazy(source)`` stands where ``re.compile(source)`` stood. On its first use the pattern is
compiled and the compiled pattern's methods are kept as attributes of the stand-in, so every
later call goes straight to them (no Python code runs in between). ``.pattern`` is the source
and needs no compiling, so patterns built from other patterns stay lazy too.
"""

from __future__ import annotations

import re
from typing import cast

# What callers use of a compiled pattern: copied onto the stand-in when it compiles.
_ATTRIBUTES = (
    "search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn", "scanner",
    "flags", "groups", "groupindex",
)  # fmt: skip


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    def __getattr__(self, name: str) -> object:
        # Python calls this only for an attribute the object does not have yet: the first use.
        if name not in _ATTRIBUTES:
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self._flags)
        for attribute in _ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, compiled when first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))
