"""Words of an item's text: normalization, jieba segmentation (loaded lazily), TF-IDF.

jieba (and OpenCC) are imported on first use only, so ``import gdplan`` and parsing never
load jieba.
"""

from __future__ import annotations

import logging
import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

# Characters that carry no meaning for matching: punctuation and spacing (after NFKC).
_PUNCT_CATEGORIES = ("P", "S", "Z", "C")


@cache
def _to_simplified() -> Any:
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Simplified script, half width (NFKC), no whitespace: a traditional-script plan and a
    simplified one, or full-width and half-width punctuation, read alike."""
    folded = unicodedata.normalize("NFKC", _to_simplified().convert(text))
    return "".join(ch for ch in folded if not ch.isspace())


def _is_word(token: str) -> bool:
    return any(unicodedata.category(ch)[0] not in _PUNCT_CATEGORIES for ch in token)


@cache
def _jieba() -> Any:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def load() -> None:
    """Load jieba's dictionary now (the benchmark times comparisons after this)."""
    _jieba()


def tokens(text: str) -> list[str]:
    """jieba's segmentation of the normalized text, punctuation included."""
    return list(_jieba().lcut(normalize(text), HMM=True))


def raw_tokens(text: str) -> list[str]:
    """jieba's segmentation of the text as printed (for showing diffs)."""
    return list(_jieba().lcut(text, HMM=True))


def words(text: str) -> list[str]:
    """The meaningful words of a text: jieba tokens without punctuation or spaces."""
    return [t for t in tokens(text) if _is_word(t)]


Vector = dict[str, float]


class Tfidf:
    """TF-IDF weights fitted on the items of both documents (each item one document)."""

    def __init__(self, docs: Iterable[Sequence[str]]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for doc in docs:
            n += 1
            df.update(set(doc))
        self._n = n
        self._idf = {w: math.log((1 + n) / (1 + c)) + 1.0 for w, c in df.items()}
        self._default = math.log(1 + n) + 1.0

    def idf(self, word: str) -> float:
        return self._idf.get(word, self._default)

    def vector(self, doc: Sequence[str]) -> Vector:
        """Sub-linear tf times idf, L2-normalized."""
        counts = Counter(doc)
        vec = {w: (1.0 + math.log(c)) * self.idf(w) for w, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values()))
        return {w: v / norm for w, v in vec.items()} if norm else {}

    def coverage(self, part: Sequence[str], whole: Sequence[str]) -> float:
        """Share of ``part``'s idf mass (over distinct words) that ``whole`` also has."""
        kinds = set(part)
        total = sum(self.idf(w) for w in kinds)
        if not total:
            return 0.0
        present = set(whole)
        return sum(self.idf(w) for w in kinds if w in present) / total


def cosine(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())
