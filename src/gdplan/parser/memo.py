"""The parser's memo caches, and one function that clears them all.

Parts of a text recur within a document and across documents (a clause, a group of units, a
department's name), so the parser reads each distinct one once: ``memo`` is
``functools.lru_cache`` with a bound, registered so that ``clear_caches`` empties every such
cache (a benchmark's cleared-cache figure, a test that wants a first reading). What is loaded
once and never grows (word lists, the place lexicon, compiled patterns) is not a memo cache
and stays.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])

_CLEARS: list[Callable[[], None]] = []


def memo(maxsize: int) -> Callable[[_F], _F]:
    """``functools.lru_cache(maxsize)`` that ``clear_caches`` clears (the wrapped function's
    arguments must be hashable, its result never changed by a caller)."""

    def decorate(function: _F) -> _F:
        cached = functools.lru_cache(maxsize=maxsize)(function)
        _CLEARS.append(cached.cache_clear)
        return cached  # type: ignore[return-value]  # same call signature, plus cache_clear

    return decorate


def clear_caches() -> None:
    """Empty every memo cache of the parser: the next parse reads every text afresh."""
    for clear in _CLEARS:
        clear()
