"""Positions for the view, computed once in Python (pure numpy, no I/O).

Each community gets a disc sized by its number of nodes; discs are placed largest first on a
spiral around the centre, and each community is laid out inside its disc by
Fruchterman–Reingold. The same input gives the same positions on every run, and the browser
only has to relax them for a few physics steps: vis-network's own layout of 2,000 nodes took
over 20 s in headless Chromium here, and networkx's spring layout 30 s.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence

import numpy as np

SPACING = 45.0  # view units per node: a community of n nodes gets a disc of radius SPACING * sqrt(n)
GAP = 30.0


def fruchterman_reingold(n: int, edges: Sequence[tuple[int, int]], *, seed: int = 0,
                         iterations: int = 80) -> np.ndarray:
    """Positions (``n`` × 2) of a force-directed layout of nodes ``0..n-1``, centred, inside
    the unit disc.

    >>> pos = fruchterman_reingold(3, [(0, 1), (1, 2)])
    >>> pos.shape, bool(np.all(np.hypot(*pos.T) <= 1 + 1e-9))
    ((3, 2), True)
    >>> bool(np.array_equal(pos, fruchterman_reingold(3, [(0, 1), (1, 2)])))
    True
    """
    if n == 1:
        return np.zeros((1, 2))
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2)) - 0.5
    k = 1.0 / math.sqrt(n)
    e = np.array(edges, dtype=np.int64).reshape(-1, 2)
    e = e[e[:, 0] != e[:, 1]]
    temperature = 0.1
    block = max(1, (1 << 21) // n)  # rows of the n × n repulsion computed at once
    for step in range(iterations):
        disp = np.zeros_like(pos)
        for start in range(0, n, block):
            delta = pos[start:start + block, None, :] - pos[None, :, :]
            d2 = np.maximum(np.einsum("ijk,ijk->ij", delta, delta), 1e-6)
            disp[start:start + block] = np.einsum("ijk,ij->ik", delta, k * k / d2)
        if len(e):
            d = pos[e[:, 0]] - pos[e[:, 1]]
            pull = d * (np.hypot(d[:, 0], d[:, 1]) / k)[:, None]
            np.add.at(disp, e[:, 0], -pull)
            np.add.at(disp, e[:, 1], pull)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature = 0.1 * (1 - (step + 1) / (iterations + 1))
    pos -= pos.mean(axis=0)
    radius = np.hypot(pos[:, 0], pos[:, 1]).max()
    return pos / radius if radius > 0 else pos


def _place_discs(radii: list[float]) -> list[tuple[float, float]]:
    """Centres for discs of the given radii (largest first) so that none overlap: each goes to
    the first free point of a spiral around the origin."""
    placed: list[tuple[float, float, float]] = []
    out = []
    for r in radii:
        t = 0.0
        while True:
            x, y = (0.0, 0.0) if t == 0 else (t * math.cos(t * 0.5) * 4, t * math.sin(t * 0.5) * 4)
            if all(math.hypot(x - px, y - py) >= r + pr + GAP for px, py, pr in placed):
                break
            t += 1.0
        placed.append((x, y, r))
        out.append((x, y))
    return out


def community_layout(n: int, edges: Sequence[tuple[int, int]], community: Sequence[int], *,
                     seed: int = 0) -> list[tuple[int, int]]:
    """View coordinates for nodes ``0..n-1``: communities in discs, laid out inside.

    >>> pos = community_layout(4, [(0, 1), (2, 3)], [0, 0, 1, 1])
    >>> len(pos), pos == community_layout(4, [(0, 1), (2, 3)], [0, 0, 1, 1])
    (4, True)
    >>> near = math.dist(pos[0], pos[1]); far = math.dist(pos[0], pos[2])
    >>> near < far
    True
    """
    members: dict[int, list[int]] = defaultdict(list)
    for v in range(n):
        members[community[v]].append(v)
    groups = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    inside: dict[int, list[tuple[int, int]]] = defaultdict(list)
    where = {v: (gi, li) for gi, m in enumerate(groups) for li, v in enumerate(m)}
    for a, b in edges:
        (ga, la), (gb, lb) = where[a], where[b]
        if ga == gb:
            inside[ga].append((la, lb))
    radii = [SPACING * math.sqrt(len(m)) for m in groups]
    out: list[tuple[int, int]] = [(0, 0)] * n
    for gi, ((cx, cy), m, r) in enumerate(zip(_place_discs(radii), groups, radii, strict=True)):
        local = fruchterman_reingold(len(m), inside[gi], seed=seed + gi)
        for v, (x, y) in zip(m, local, strict=True):
            out[v] = (round(cx + r * x), round(cy + r * y))
    return out
