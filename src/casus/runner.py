"""Running the compiled cascade: the arrays the kernel reads, built once per compiled scenario
(`Runner`), and all trials in bounded chunks (`run_counts`)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np

from casus import join_table, kernel
from casus.cascade import Compiled
from casus.joining import IDX
from casus.ties import CONTESTED

__all__ = ["BLOCK", "DEFAULT_CHUNK", "PATH_SAMPLE", "ProgressFn", "Runner", "level", "run_counts", "zconst"]

BLOCK = 1024  # trials per task on a thread; results do not depend on it
PATH_SAMPLE = 1 << 18  # escalation paths are counted on the first 2**18 trials
DEFAULT_CHUNK = 1 << 20
ProgressFn = Callable[[int], None]


def _glob0(c: Compiled) -> np.ndarray:
    a, b = c.side0 == 0, c.side0 == 1
    return np.array(
        [
            bool((c.major & a).any()),
            bool((c.major & b).any()),
            bool((c.nuclear & a).any()),
            bool((c.nuclear & b).any()),
        ]
    )


def zconst(c: Compiled) -> np.ndarray:
    """The part of each state's log-odds per side that no joining changes: intercept, system size, status,
    capability, and closeness to each side's initial belligerents."""
    k = c.coef
    z = c.intercept + k[IDX["system_size"]] * c.system_size
    z = (
        z
        + k[IDX["major_power"]] * c.major
        + k[IDX["nuclear"]] * c.nuclear
        + k[IDX["capability"]] * c.capability
    )
    zs = (
        z[:, None]
        + k[IDX["proximity_friend"]] * c.proximity
        + k[IDX["proximity_enemy"]] * c.proximity[:, ::-1]
    )
    return np.ascontiguousarray(zs, dtype=np.float64)


def _prepare(c: Compiled) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    glob0 = _glob0(c)
    zc = zconst(c)
    table = join_table.probability_table(
        c.trig0, zc, c.coef, c.fights, c.reliability, c.nuclear, c.major, c.deterrence
    )
    p0 = join_table.initial_probabilities(table, c.side0, c.flags0, c.adj0, c.trig0, c.deterrence, glob0)
    cand0 = np.flatnonzero((p0[:, 0] > 0) | (p0[:, 1] > 0)).astype(np.int32)
    return glob0, p0, cand0, zc, table


def level(c: Compiled, p0: np.ndarray) -> tuple[np.ndarray, float]:
    """The kernel's per-war level arrays: first-round odds factors and the level's sd (0: none).

    A user's reliability override is a probability, not a model output, so the level leaves it be.
    """
    lv = c.model.level
    if lv is None or lv.sd == 0.0:
        return np.full(p0.shape, -1.0), 0.0
    overridden = ~np.isnan(c.reliability)[:, None] & ((c.trig0 > 0) | ((c.flags0 & CONTESTED) != 0))
    return join_table.level_odds(p0, overridden, lv.offset, lv.scale), float(lv.sd)


class Runner:
    """Runs the compiled cascade for a range of trials; one per compiled scenario."""

    def __init__(self, compiled: Compiled, seed: int, rounds: int) -> None:
        self.c = compiled
        self.seed = seed
        self.rounds = rounds
        self.glob0, self.p0, self.cand0, self.zconst, self.table = _prepare(compiled)
        c = compiled
        self.n_initial = int((compiled.side0 >= 0).sum())
        self.elev, self.level_sd = level(compiled, self.p0)
        self.arrays = kernel.Arrays(
            c.side0, c.flags0, c.adj0, c.trig0, c.rev_ptr, c.rev_obligor, c.rev_cat, c.nb_ptr, c.nb_idx,
            c.nuclear, c.major, c.fights, c.reliability, self.zconst, c.coef, bool(c.deterrence), self.cand0,
            self.p0, self.glob0, self.table, self.elev, float(self.level_sd),
        )  # fmt: skip

    def run(self, trial0: int, ntrials: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, np.ndarray]:
        """Counts for trials [trial0, trial0 + ntrials)."""
        return kernel.simulate_range(
            self.seed, trial0, ntrials, BLOCK, self.rounds, self.arrays, self.n_initial
        )

    def replay(self, trial: int) -> list[tuple[int, int, int]]:
        """The joins of one trial: (state index, side, round)."""
        st, sd, rd = kernel.replay(self.seed, trial, self.rounds, self.arrays)
        return sorted(zip(st.tolist(), sd.tolist(), rd.tolist(), strict=True), key=lambda x: (x[2], x[0]))


def run_counts(
    runner: Runner, trials: int, chunk: int = DEFAULT_CHUNK, progress: ProgressFn | None = None,
    count_paths: bool = True,
) -> dict[str, Any]:  # fmt: skip
    """Run all trials in chunks, keeping memory bounded; returns summed counts and path counts.

    With `count_paths=False` escalation paths are not counted (sweeps record only summary outcomes).
    """
    n = runner.c.n
    count_a = np.zeros(n, dtype=np.int64)
    count_b = np.zeros(n, dtype=np.int64)
    sizes = np.zeros(n + 1, dtype=np.int64)
    nucopp = 0
    paths: Counter[int] = Counter()
    example: dict[int, int] = {}
    chunk = max(BLOCK, (chunk // BLOCK) * BLOCK)
    done = 0
    while done < trials:
        m = min(chunk, trials - done)
        ca, cb, sz, no, hashes = runner.run(done, m)
        count_a += ca
        count_b += cb
        sizes += sz
        nucopp += int(no)
        keep = max(0, min(m, PATH_SAMPLE - done)) if count_paths else 0
        if keep:
            uniq, first, cnt = np.unique(hashes[:keep], return_index=True, return_counts=True)
            for h, f, k in zip(uniq.tolist(), first.tolist(), cnt.tolist(), strict=True):
                paths[h] += k
                example.setdefault(h, done + f)
        done += m
        if progress is not None:
            progress(m)
    return {
        "a": count_a,
        "b": count_b,
        "sizes": sizes,
        "nucopp": nucopp,
        "paths": paths,
        "example": example,
        "path_trials": min(trials, PATH_SAMPLE),
    }
