"""A deliberately plain reference cascade: one trial at a time, in Python, over a networkx graph.

It reads the same compiled obligations and probabilities as the fast kernel but shares none of
its code: features are rebuilt from the graph every round for every state, and probabilities
come from `JoiningModel.probability`. The benchmark times it beside the kernel, and the tests
check that the two agree statistically (their random streams differ). A test helper: it needs
networkx, a development dependency, so it does not ship in the package.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
import numpy as np

from casus.cascade import ABSTAIN, CONSULT, CONTESTED, POLICY, UNTRIGGERED, Compiled


def build_graph(c: Compiled) -> tuple[nx.DiGraph, nx.Graph]:
    """Ties (obligor → beneficiary, with their categories if the beneficiary joins) and land borders."""
    ties = nx.DiGraph()
    ties.add_nodes_from(range(c.n))
    for b in range(c.n):
        for e in range(c.rev_ptr[b], c.rev_ptr[b + 1]):
            ties.add_edge(int(c.rev_obligor[e]), b, mask=int(c.rev_cat[e]))
    borders = nx.Graph()
    borders.add_nodes_from(range(c.n))
    for i in range(c.n):
        for e in range(c.nb_ptr[i], c.nb_ptr[i + 1]):
            borders.add_edge(i, int(c.nb_idx[e]))
    return ties, borders


def _features(
    c: Compiled, i: int, s: int, flags: list[int], adj: tuple[bool, bool], glob: dict[str, bool]
) -> dict[str, float]:
    t = int(c.trig0[i, s])
    f = flags[s]
    enemy_nuclear = glob["nuc_b"] if s == 0 else glob["nuc_a"]
    return {
        "defense_triggered": 1.0 if t > 0 else 0.0,
        "defense_strength": t / 6.0,
        "defense_contested": 1.0 if f & CONTESTED else 0.0,
        "policy": 1.0 if f & POLICY else 0.0,
        "defense_untriggered": 1.0 if f & UNTRIGGERED else 0.0,
        "consultation": 1.0 if f & CONSULT else 0.0,
        "abstain": 1.0 if f & ABSTAIN else 0.0,
        "contiguous_enemy": 1.0 if adj[1 - s] else 0.0,
        "contiguous_friend": 1.0 if adj[s] else 0.0,
        "major_power": 1.0 if c.major[i] else 0.0,
        "enemy_major": 1.0 if (glob["maj_b"] if s == 0 else glob["maj_a"]) else 0.0,
        "nuclear": 1.0 if c.nuclear[i] else 0.0,
        "deterred": 1.0 if (c.deterrence and enemy_nuclear and not c.nuclear[i]) else 0.0,
        "nuclear_opposed": 1.0 if (c.deterrence and enemy_nuclear and c.nuclear[i]) else 0.0,
        "capability": float(c.capability[i]),
        "proximity_friend": float(c.proximity[i, s]),
        "proximity_enemy": float(c.proximity[i, 1 - s]),
        "system_size": c.system_size,
    }


def _probability(c: Compiled, i: int, s: int, x: dict[str, float], level: float | None = None) -> float:
    """P(join side s); in the first round (`level`: the war's standard-normal draw) with the level."""
    if not c.fights[i, s]:
        return 0.0
    if not math.isnan(c.reliability[i]) and (x["defense_triggered"] or x["defense_contested"]):
        return float(c.reliability[i])
    p = c.model.probability(x)
    return p if level is None else c.model.first_round(p, level)


def run_reference(c: Compiled, trials: int, seed: int, rounds: int) -> dict[str, Any]:
    """Counts in the same shape as the fast engine's (without paths)."""
    ties, borders = build_graph(c)
    n = c.n
    count_a = np.zeros(n, dtype=np.int64)
    count_b = np.zeros(n, dtype=np.int64)
    sizes = np.zeros(n + 1, dtype=np.int64)
    nucopp = 0
    initial = {i: int(s) for i, s in enumerate(c.side0.tolist()) if s >= 0}
    for trial in range(trials):
        rng = np.random.default_rng([seed, trial])
        side = dict(initial)
        joined: dict[int, int] = {}
        pprev = [[0.0, 0.0] for _ in range(n)]
        level = float(rng.standard_normal()) if c.model.level is not None else None
        for r in range(rounds):
            glob = {
                "maj_a": any(c.major[j] for j, s in side.items() if s == 0),
                "maj_b": any(c.major[j] for j, s in side.items() if s == 1),
                "nuc_a": any(c.nuclear[j] for j, s in side.items() if s == 0),
                "nuc_b": any(c.nuclear[j] for j, s in side.items() if s == 1),
            }
            new: dict[int, int] = {}
            for i in range(n):
                if i in side:
                    continue
                flags = [int(c.flags0[i, 0]), int(c.flags0[i, 1])]
                for j in ties.successors(i):
                    if j in joined:
                        mask = ties.edges[i, j]["mask"]
                        sj = joined[j]
                        if mask & ABSTAIN:
                            flags[1 - sj] |= ABSTAIN
                        flags[sj] |= mask & ~ABSTAIN
                adj = [bool(c.adj0[i, 0]), bool(c.adj0[i, 1])]
                for k in borders.neighbors(i):
                    if k in joined:
                        adj[joined[k]] = True
                x = [_features(c, i, s, flags, (adj[0], adj[1]), glob) for s in (0, 1)]
                p = [_probability(c, i, s, x[s]) for s in (0, 1)]
                plain = p
                if level is not None and r == 0:
                    p = [_probability(c, i, s, x[s], level) for s in (0, 1)]
                inc = [
                    (p[s] - pprev[i][s]) / (1 - pprev[i][s]) if p[s] > pprev[i][s] else 0.0 for s in (0, 1)
                ]
                if inc[0] <= 0 and inc[1] <= 0:
                    continue
                u = rng.random()
                if inc[0] + inc[1] > 1:
                    inc = [inc[0] / (inc[0] + inc[1]), inc[1] / (inc[0] + inc[1])]
                if u < inc[0]:
                    new[i] = 0
                elif u < inc[0] + inc[1]:
                    new[i] = 1
                else:  # later rounds draw the rise of the plain probability, level or not
                    pprev[i] = [max(pprev[i][0], plain[0]), max(pprev[i][1], plain[1])]
            if not new:
                break
            side.update(new)
            joined.update(new)
        for j, s in joined.items():
            (count_a if s == 0 else count_b)[j] += 1
        sizes[len(side)] += 1
        if any(c.nuclear[j] for j, s in side.items() if s == 0) and any(
            c.nuclear[j] for j, s in side.items() if s == 1
        ):
            nucopp += 1
    return {"a": count_a, "b": count_b, "sizes": sizes, "nucopp": nucopp}
