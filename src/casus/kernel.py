"""The cascade's inner loop, compiled with numba.

Random numbers come from a counter-based generator: the uniform for (seed, trial, round, state)
is a hash of those four numbers. A trial's outcome therefore depends only on the seed and its
own index, never on chunk size, thread count or the order trials run in, and two runs with the
same seed share their random numbers (common random numbers for the sensitivity analysis).

Per trial, only states whose ties changed are re-evaluated: round 1 uses probabilities computed
once for all trials, and a later round looks only at the states touched by the previous round's
joiners (their obligors and neighbours).

A model with a per-war level (`casus.joining.WarLevel`) moves every first-round probability of a
trial together: the trial draws one standard normal g and a state's first-round probability is
1 / (1 + e * exp(-sd * g)), e being exp(-(offset + scale * logit p)) computed once (`level_odds`).
Later rounds draw, as without a level, the rise of a state's plain probability over its plain
first-round one: the level decides how many join at the outset, and the joiners' allies answer
at the fitted rates.
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

import numba as nb
import numpy as np

from casus.join_table import (
    K_ABSTAIN,
    K_DETERRED,
    K_ENEMY_MAJOR,
    K_NUC_OPP,
)
from casus.joining import FEATURES
from casus.shipped import attach_shipped_cache
from casus.ties import ABSTAIN, CONSULT, CONTESTED, POLICY, UNTRIGGERED

_C_SEED = np.uint64(0x9E3779B97F4A7C15)
_C_TRIAL = np.uint64(0xD1B54A32D192ED03)
_C_DRAW = np.uint64(0x8CB92BA72F3D8DD7)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31, _S11 = np.uint64(30), np.uint64(27), np.uint64(31), np.uint64(11)
_INV53 = 1.0 / 9007199254740992.0


@nb.njit(cache=True, inline="always")
def _mix(z: np.uint64) -> np.uint64:
    z = (z ^ (z >> _S30)) * _M1
    z = (z ^ (z >> _S27)) * _M2
    return z ^ (z >> _S31)


@nb.njit(cache=True, inline="always")
def trial_key(seed: int, trial: int) -> np.uint64:
    """The per-trial key of the counter-based generator."""
    return _mix(_mix(np.uint64(seed) + _C_SEED) ^ (np.uint64(trial) * _C_TRIAL))


@nb.njit(cache=True, inline="always")
def draw(key: np.uint64, rnd: int, state: int) -> float:
    """The uniform draw in [0, 1) for one state in one round of the trial with that key."""
    k = _mix(key ^ (np.uint64(rnd * 65536 + state + 1) * _C_DRAW))
    return float(k >> _S11) * _INV53


@nb.njit(cache=True, inline="always")
def level_draw(key: np.uint64) -> float:
    """The trial's standard-normal war level (Box-Muller on the generator's round-0 draws)."""
    u1 = draw(key, 0, 0)
    u2 = draw(key, 0, 1)
    return math.sqrt(-2.0 * math.log(1.0 - u1)) * math.cos(2.0 * math.pi * u2)


@nb.njit(cache=True)
def uniform(seed: int, trial: int, rnd: int, state: int) -> float:
    """The uniform draw for (seed, trial, round, state); what `draw` gives inside the kernel."""
    return draw(trial_key(seed, trial), rnd, state)


@nb.njit(cache=True, inline="always")
def tie_class(f: int, t: int) -> int:
    """The strongest tie: 5 triggered defence, 4 contested, 3 policy, 2 untriggered, 1 consultation, 0 none."""
    if t > 0:
        return 5
    if f & CONTESTED:
        return 4
    if f & POLICY:
        return 3
    if f & UNTRIGGERED:
        return 2
    if f & CONSULT:
        return 1
    return 0


@nb.njit(cache=True, inline="always")
def signature(i, s, trig, flags, adj, enemy_major, enemy_nuclear, nuclear, deterrence):
    """Index of state i's feature combination for side s in the probability table."""
    f = flags[i, s]
    sig = tie_class(f, trig[i, s]) * 32
    if f & ABSTAIN:
        sig += 16
    if adj[i, 1 - s]:
        sig += 8
    if adj[i, s]:
        sig += 4
    if enemy_major:
        sig += 2
    if deterrence and enemy_nuclear:  # deterred if i is not nuclear-armed, opposed if it is
        sig += 1
    return sig


class Arrays(NamedTuple):
    """Everything a trial reads, in one typed bundle (built once per compiled scenario by
    `casus.runner.Runner`). Per state i and side s (0 = A, 1 = B):"""

    side0: np.ndarray  # int8 [i]: -1 not at war, else the side it starts on
    flags0: np.ndarray  # int32 [i, s]: tie bits at the start (casus.ties)
    adj0: np.ndarray  # bool [i, s]: a land border with a belligerent of s at the start
    trig: np.ndarray  # int32 [i, s]: automaticity rank of a triggered defence obligation (0: none)
    rev_ptr: np.ndarray  # int32 CSR: beneficiary -> obligors whose ties engage if it joins
    rev_obligor: np.ndarray
    rev_cat: np.ndarray  # tie bits of each such obligation
    nb_ptr: np.ndarray  # int32 CSR: land neighbours
    nb_idx: np.ndarray
    nuclear: np.ndarray  # bool [i]
    major: np.ndarray  # bool [i]
    fights: np.ndarray  # bool [i, s]: False where the scenario keeps i off side s
    reliability: np.ndarray  # float [i]: NaN where the model decides
    zconst: np.ndarray  # float [i, s]: the log-odds terms no join changes
    coef: np.ndarray  # float: coefficients in casus.joining.FEATURES order
    deterrence: bool  # the scenario's nuclear-deterrence assumption
    cand0: np.ndarray  # int32: states with a first-round probability
    p0: np.ndarray  # float [i, s]: first-round plain probabilities
    glob0: np.ndarray  # bool [4]: major on A, major on B, nuclear on A, nuclear on B at the start
    table: np.ndarray  # float [i, s, signature]: probability_table
    elev: np.ndarray  # float [i, s]: level_odds, -1 where the level does not apply
    level_sd: float  # the per-war level's sd (0: none)


class Scratch(NamedTuple):
    """A block's working copies, restored after every trial (allocated here rather than in the
    compiled code, which keeps numba from compiling its array constructors on a first run)."""

    side: np.ndarray
    flags: np.ndarray
    adj: np.ndarray
    pprev: np.ndarray
    buf_a: np.ndarray
    buf_b: np.ndarray
    joiners: np.ndarray
    jside: np.ndarray
    mark: np.ndarray
    dirty: np.ndarray
    queued: np.ndarray


def scratch(wa: Arrays) -> Scratch:
    """Fresh working copies of the world's starting arrays for one block of trials."""
    n = wa.side0.shape[0]
    ints = [np.zeros(n, dtype=np.int32) for _ in range(5)]
    return Scratch(
        wa.side0.copy(), wa.flags0.copy(), wa.adj0.copy(), wa.p0.copy(), ints[0], ints[1], ints[2], ints[3],
        np.zeros(n, dtype=np.bool_), ints[4], np.zeros(n, dtype=np.bool_),
    )  # fmt: skip


@attach_shipped_cache
@nb.njit(cache=True, nogil=True)
def run_block(seed, t_lo, t_hi, rounds, wa, sc, n_initial, count_a, count_b, sizes, hashes, rec_state, rec_side, rec_round):  # fmt: skip
    """Run trials t_lo .. t_hi-1 of the world `wa` (Arrays), adding to the counters; returns
    (nuclear-opposed count, joins of the last trial, recorded in rec_*).

    The scratch arrays (side, flags, adj, pprev, mark) are restored after every trial, touching
    only the states the trial changed.
    """
    side0, flags0, adj0, trig = wa.side0, wa.flags0, wa.adj0, wa.trig
    rev_ptr, rev_obligor, rev_cat, nb_ptr, nb_idx = (
        wa.rev_ptr,
        wa.rev_obligor,
        wa.rev_cat,
        wa.nb_ptr,
        wa.nb_idx,
    )
    nuclear, major, deterrence, coef = wa.nuclear, wa.major, wa.deterrence, wa.coef
    cand0, p0, glob0, table, elev, level_sd = wa.cand0, wa.p0, wa.glob0, wa.table, wa.elev, wa.level_sd
    side, flags, adj, pprev = sc.side, sc.flags, sc.adj, sc.pprev
    buf_a, buf_b, joiners, jside = sc.buf_a, sc.buf_b, sc.joiners, sc.jside
    mark, dirty, queued = sc.mark, sc.dirty, sc.queued
    nucopp = 0
    nrec = 0
    for trial in range(t_lo, t_hi):
        key = trial_key(seed, trial)
        maj_a, maj_b, nuc_a, nuc_b = glob0[0], glob0[1], glob0[2], glob0[3]
        # Whether a newly entered major or nuclear power can raise anyone's probability.
        global_up = coef[K_ENEMY_MAJOR] > 0 or coef[K_DETERRED] > 0 or coef[K_NUC_OPP] > 0
        nrec = 0
        ndirty = 0
        h = np.uint64(0)
        cand = cand0
        ncand = cand0.shape[0]
        which = 0
        nxt = buf_a
        levelled = level_sd > 0.0
        w = math.exp(-level_sd * level_draw(key)) if levelled else 1.0
        for r in range(1, rounds + 1):
            nj = 0
            if r == 1:
                # Every trial draws every first-round candidate at the same plain probabilities (a
                # level scales them per trial), so the baseline pprev (reset after each trial)
                # already holds them: no writes needed here.
                for k in range(ncand):
                    c = cand[k]
                    u = draw(key, 1, c)
                    pa = p0[c, 0]
                    pb = p0[c, 1]
                    if levelled:  # pprev keeps the plain probabilities later rounds rise from
                        if elev[c, 0] >= 0.0:
                            pa = 1.0 / (1.0 + elev[c, 0] * w)
                        if elev[c, 1] >= 0.0:
                            pb = 1.0 / (1.0 + elev[c, 1] * w)
                    if pa + pb > 1.0:
                        tot = pa + pb
                        pa = pa / tot
                        pb = pb / tot
                    if u < pa:
                        joiners[nj] = c
                        jside[nj] = 0
                        nj += 1
                    elif u < pa + pb:
                        joiners[nj] = c
                        jside[nj] = 1
                        nj += 1
            else:
                for k in range(ncand):
                    c = cand[k]
                    if side[c] >= 0:
                        continue
                    pa = table[c, 0, signature(c, 0, trig, flags, adj, maj_b, nuc_b, nuclear, deterrence)]
                    pb = table[c, 1, signature(c, 1, trig, flags, adj, maj_a, nuc_a, nuclear, deterrence)]
                    qa = pprev[c, 0]
                    qb = pprev[c, 1]
                    ia = (pa - qa) / (1.0 - qa) if pa > qa else 0.0
                    ib = (pb - qb) / (1.0 - qb) if pb > qb else 0.0
                    if ia <= 0.0 and ib <= 0.0:
                        continue
                    if not mark[c]:
                        mark[c] = True
                        dirty[ndirty] = c
                        ndirty += 1
                    u = draw(key, r, c)
                    if ia + ib > 1.0:
                        # Both sides pull hard: split the certainty in proportion.
                        tot = ia + ib
                        ia = ia / tot
                        ib = ib / tot
                    if u < ia:
                        joiners[nj] = c
                        jside[nj] = 0
                        nj += 1
                    elif u < ia + ib:
                        joiners[nj] = c
                        jside[nj] = 1
                        nj += 1
                    else:
                        if pa > qa:
                            pprev[c, 0] = pa
                        if pb > qb:
                            pprev[c, 1] = pb
            if nj == 0:
                break
            hr = np.uint64(0)
            changed = False
            for q in range(nj):
                c = joiners[q]
                s = jside[q]
                side[c] = s
                if not mark[c]:
                    mark[c] = True
                    dirty[ndirty] = c
                    ndirty += 1
                rec_state[nrec] = c
                rec_side[nrec] = s
                rec_round[nrec] = r
                nrec += 1
                hr += _mix(np.uint64(c * 2 + s + 1) * _C_DRAW + np.uint64(r))
                # A major or nuclear power newly on a side changes the enemy terms of the other side.
                if major[c] and not (maj_a if s == 0 else maj_b):
                    changed = True
                    maj_a, maj_b = maj_a or s == 0, maj_b or s == 1
                if nuclear[c] and not (nuc_a if s == 0 else nuc_b):
                    changed = True
                    nuc_a, nuc_b = nuc_a or s == 0, nuc_b or s == 1
            h = _mix(h ^ hr) + np.uint64(r)
            if r == rounds:
                break
            # Apply the joiners' ties; the states they touch are the next round's candidates.
            nnext = 0
            for q in range(nj):
                c = joiners[q]
                s = jside[q]
                for e in range(rev_ptr[c], rev_ptr[c + 1]):
                    o = rev_obligor[e]
                    if side[o] >= 0:
                        continue
                    mask = rev_cat[e]
                    rises = False
                    if mask & ABSTAIN and not flags[o, 1 - s] & ABSTAIN:
                        flags[o, 1 - s] |= ABSTAIN
                        # A duty to abstain lowers the odds unless a fitted model says otherwise.
                        rises = coef[K_ABSTAIN] > 0.0
                    cat = mask & ~ABSTAIN
                    old_f = flags[o, s]
                    if cat and (old_f & cat) != cat:
                        flags[o, s] = old_f | cat
                        # Only a stronger tie than the one it has changes the one-hot tie feature.
                        if tie_class(old_f, trig[o, s]) != tie_class(old_f | cat, trig[o, s]):
                            rises = True
                    if not rises:
                        if not mark[o]:
                            mark[o] = True
                            dirty[ndirty] = o
                            ndirty += 1
                        continue
                    if not mark[o]:
                        mark[o] = True
                        dirty[ndirty] = o
                        ndirty += 1
                    if not queued[o]:
                        queued[o] = True
                        nxt[nnext] = o
                        nnext += 1
                for e in range(nb_ptr[c], nb_ptr[c + 1]):
                    o = nb_idx[e]
                    if side[o] >= 0 or adj[o, s]:
                        continue
                    adj[o, s] = True
                    if not mark[o]:
                        mark[o] = True
                        dirty[ndirty] = o
                        ndirty += 1
                    if not queued[o]:
                        queued[o] = True
                        nxt[nnext] = o
                        nnext += 1
            if changed and global_up:
                # Everyone already in play may now be more likely to join.
                for k in range(ndirty):
                    o = dirty[k]
                    if side[o] < 0 and not queued[o]:
                        queued[o] = True
                        nxt[nnext] = o
                        nnext += 1
                for k in range(cand0.shape[0]):
                    o = cand0[k]
                    if side[o] < 0 and not queued[o]:
                        queued[o] = True
                        nxt[nnext] = o
                        nnext += 1
            for q in range(nnext):
                queued[nxt[q]] = False
            cand = nxt
            ncand = nnext
            which = 1 - which
            nxt = buf_b if which == 1 else buf_a
        for k in range(nrec):
            if rec_side[k] == 0:
                count_a[rec_state[k]] += 1
            else:
                count_b[rec_state[k]] += 1
        sizes[n_initial + nrec] += 1
        if nuc_a and nuc_b:
            nucopp += 1
        hashes[trial - t_lo] = h
        for k in range(ndirty):
            c = dirty[k]
            side[c] = side0[c]
            flags[c, 0] = flags0[c, 0]
            flags[c, 1] = flags0[c, 1]
            adj[c, 0] = adj0[c, 0]
            adj[c, 1] = adj0[c, 1]
            pprev[c, 0] = p0[c, 0]
            pprev[c, 1] = p0[c, 1]
            mark[c] = False
    return nucopp, nrec


def simulate_range(seed: int, trial0: int, ntrials: int, block: int, rounds: int, wa: Arrays, n_initial: int, threads: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, np.ndarray]:  # fmt: skip
    """Trials trial0 .. trial0+ntrials-1 of the world `wa` (Arrays): side counts per state, war sizes,
    nuclear-opposed count, path hashes.

    Blocks of `block` trials run on `threads` threads (default: numba's thread count) through the
    one compiled `run_block`, which releases the GIL. A parallel loop compiled by numba would do
    the same, but compiling it cost a first run ten seconds.
    """
    n = wa.side0.shape[0]
    nblocks = (ntrials + block - 1) // block
    count_a = np.zeros((nblocks, n), dtype=np.int64)
    count_b = np.zeros((nblocks, n), dtype=np.int64)
    sizes = np.zeros((nblocks, n + 1), dtype=np.int64)
    nucopp = np.zeros(nblocks, dtype=np.int64)
    hashes = np.zeros(ntrials, dtype=np.uint64)
    seed_, rounds_, n_initial_ = np.int64(seed), np.int64(rounds), np.int64(n_initial)

    def one(b: int) -> None:
        lo = b * block
        hi = min(ntrials, lo + block)
        rec = np.zeros((3, n), dtype=np.int32)
        nucopp[b], _ = run_block(
            seed_, np.int64(trial0 + lo), np.int64(trial0 + hi), rounds_, wa, scratch(wa), n_initial_, count_a[b], count_b[b],
            sizes[b], hashes[lo:hi], rec[0], rec[1], rec[2],
        )  # fmt: skip

    workers = max(1, min(threads or nb.get_num_threads(), nblocks))
    if workers == 1:
        for b in range(nblocks):
            one(b)
    else:
        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(one, range(nblocks)))
    return count_a.sum(axis=0), count_b.sum(axis=0), sizes.sum(axis=0), int(nucopp.sum()), hashes


def replay(seed: int, trial: int, rounds: int, wa: Arrays) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One trial's joins in order: (state, side, round) arrays."""
    n = wa.side0.shape[0]
    rec = np.zeros((3, n), dtype=np.int32)
    _, nrec = run_block(
        np.int64(seed), np.int64(trial), np.int64(trial + 1), np.int64(rounds), wa, scratch(wa), np.int64(0),
        np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64), np.zeros(n + 1, dtype=np.int64),
        np.zeros(1, dtype=np.uint64), rec[0], rec[1], rec[2],
    )  # fmt: skip
    return rec[0, :nrec].copy(), rec[1, :nrec].copy(), rec[2, :nrec].copy()


def warm() -> None:
    """Compile `run_block` for the types every run passes (on a two-state world, no trials): what
    the wheel ships (`casus.shipped`). A test holds these types equal to a real run's."""
    i32, f64 = np.int32, np.float64
    wa = Arrays(
        np.full(2, -1, np.int8), np.zeros((2, 2), i32), np.zeros((2, 2), np.bool_), np.zeros((2, 2), i32),
        np.zeros(3, i32), np.zeros(0, i32), np.zeros(0, i32), np.zeros(3, i32), np.zeros(0, i32),
        np.zeros(2, np.bool_), np.zeros(2, np.bool_), np.ones((2, 2), np.bool_), np.full(2, np.nan),
        np.zeros((2, 2)), np.zeros(len(FEATURES), f64), False, np.zeros(0, i32), np.zeros((2, 2)), np.zeros(4, np.bool_),
        np.zeros((2, 2, 1)), np.full((2, 2), -1.0), 0.0,
    )  # fmt: skip
    simulate_range(0, 0, 1, 1, 1, wa, 0, threads=1)
