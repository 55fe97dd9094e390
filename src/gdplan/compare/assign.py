"""A maximum-weight assignment (the Hungarian algorithm), small and dependency-free.

``scipy.optimize.linear_sum_assignment`` does the same; gdplan does not depend on scipy
(tens of megabytes, plus numpy) for matrices of a few dozen rows. This is the classic
O(n²m) potentials method (Kuhn–Munkres with Jonker–Volgenant style row insertion); for two
50-item plans it runs in a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence


def max_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """Row/column pairs that maximize the total weight, each row and column used at most once.

    Pairs of weight 0 (or below) are left out of the result, so a weight of 0 means
    "rather no counterpart". The matrix may be rectangular.
    """
    rows = len(weights)
    cols = len(weights[0]) if rows else 0
    if not rows or not cols:
        return []
    transposed = rows > cols
    if transposed:
        weights = [[weights[r][c] for r in range(rows)] for c in range(cols)]
        rows, cols = cols, rows
    inf = float("inf")
    # Minimize cost = -weight; 1-based arrays as in the textbook formulation.
    u = [0.0] * (rows + 1)
    v = [0.0] * (cols + 1)
    match = [0] * (cols + 1)  # match[j] = row assigned to column j
    way = [0] * (cols + 1)
    for i in range(1, rows + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (cols + 1)
        used = [False] * (cols + 1)
        while True:
            used[j0] = True
            i0 = match[j0]
            row = weights[i0 - 1]
            ui0 = u[i0]
            delta = inf
            j1 = 0
            for j in range(1, cols + 1):
                if not used[j]:
                    cur = -row[j - 1] - ui0 - v[j]
                    if cur < minv[j]:
                        minv[j] = cur
                        way[j] = j0
                    if minv[j] < delta:
                        delta = minv[j]
                        j1 = j
            for j in range(cols + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while True:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
            if j0 == 0:
                break
    pairs: list[tuple[int, int]] = []
    for j in range(1, cols + 1):
        i = match[j]
        if i and weights[i - 1][j - 1] > 0:
            pairs.append((j - 1, i - 1) if transposed else (i - 1, j - 1))
    return sorted(pairs)
