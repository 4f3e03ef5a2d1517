"""The escalation cascade run on a historical dispute, from its originators at its start date.

For each dispute the year's world is compiled into dense arrays over the states in the system
(plus any participant outside it): ATOP obligations between every pair, COW contiguity, major
powers, CINC and each pair's recent dispute history. The cascade then runs as the simulator
does for today's world: each round, every state not yet at war may join a side with the
joining model's probability, computed from its ties to that side's belligerents *as they stand
that round* — so an ally of a state that joined in round one is asked again in round two. As in
the simulator, probabilities are per war: a state draws again only when its probability rises,
with the conditional increment.

Features are exactly those of `casus.history.features.joining_features`, measured against the
current belligerents rather than the originators (a test checks the first round against the
table version). The estimate of P(state joins side) is Rao-Blackwellised: each trial adds the
probability of joining in each round given that trial's history, not the 0/1 draw, so rare
joiners get smooth, rankable probabilities from a few hundred trials.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd
from scipy.special import expit, ndtri

from casus import capitals
from casus.history.features import nuclear_years, originators, pair_history, system_years
from casus.joining import IDX as _F
from casus.joining import JoiningModel
from casus.model import Intensity
from casus.ties import SIDE_A, SIDE_B

__all__ = [
    "F64",
    "HISTORY_YEARS",
    "MAX_CCODE",
    "ROUNDS",
    "TRIALS",
    "DisputeArrays",
    "HistoryWorld",
    "cascade_probabilities",
    "logits",
    "run_dispute",
]

F64 = npt.NDArray[np.float64]
TRIALS = 256
ROUNDS = 8
HISTORY_YEARS = 10


@dataclass
class DisputeArrays:
    """One dispute's world at its start: states, originators' sides and pairwise ties."""

    dispnum: int
    states: npt.NDArray[np.int64]  # ccodes, sorted
    side0: npt.NDArray[np.int8]  # -1, or the side of an originator (casus.ties: 0 side A, 1 side B)
    candidate: npt.NDArray[np.bool_]  # in the COW system that year and not an originator
    defense: F64  # [i, j] = 1: i owes j a defence or offence obligation (ATOP)
    consult: F64  # [i, j] = 1: i owes j consultation
    abstain: (
        F64  # [i, j] = 1: i owes j neutrality, non-aggression or defence (so stays off j's enemies' side)
    )
    land: F64  # [i, j] = 1: land border (COW contiguity type 1)
    water: F64  # [i, j] = 1: within 400 miles of water (types 2-5) and no land border
    hist_with: F64  # [i, j]: disputes in the previous ten years in which i and j stood together
    hist_against: F64  # [i, j]: ... in which they stood on opposite sides
    major: F64
    cinc: F64
    nuclear: F64
    proximity: F64  # [i, side]: log(1 + summed capital closeness to that side's originators)
    system_size: float  # log(number of states in the COW system that year)


MAX_CCODE = 1000  # COW codes are below 1000


class HistoryWorld:
    """The data for compiling any dispute's world: one instance per data folder."""

    def __init__(
        self, tables: dict[str, pd.DataFrame], history: pd.DataFrame, nuclear: pd.DataFrame | None = None
    ) -> None:
        members = system_years(tables["cow_states"])
        self.by_year = {int(y): np.sort(g.ccode.to_numpy()) for y, g in members.groupby("year")}
        at = tables["atop"]
        kinds = np.stack(
            [
                ((at.defense + at.offense) > 0).to_numpy(),
                (at.consul > 0).to_numpy(),
                ((at.neutral + at.nonagg + at.defense) > 0).to_numpy(),
            ],
            axis=1,
        )
        order = np.argsort(at.year.to_numpy(), kind="stable")
        years = at.year.to_numpy()[order]
        self.atop_years = years
        self.atop = (at.ccode1.to_numpy()[order], at.ccode2.to_numpy()[order], kinds[order])
        ct = tables["cow_contiguity"]
        ct = ct[ct.conttype > 0]
        self.contiguity = (
            ct.ccode1.to_numpy(),
            ct.ccode2.to_numpy(),
            ct.conttype.to_numpy(),
            ct.stdate.dt.year.to_numpy(),
            ct.enddate.dt.year.to_numpy(),
        )
        self.major_by_year = {
            int(y): set(g.ccode) for y, g in system_years(tables["cow_majors"]).groupby("year")
        }
        nuc = nuclear_years() if nuclear is None else nuclear
        self.nuclear_by_year = {int(y): set(g.ccode) for y, g in nuc.groupby("year")}
        nmc = tables["cow_nmc"]
        self.cinc = {int(y): g.set_index("ccode").cinc for y, g in nmc.groupby("year")}
        pairs = pair_history(history)
        self.pairs = (
            pairs.ccode.to_numpy(),
            pairs.ccode_o.to_numpy(),
            pairs.t.to_numpy(),
            pairs.together.to_numpy().astype(bool),
        )

    def compile(self, dispnum: int, year: int, month: int, origs: pd.DataFrame) -> DisputeArrays:
        """Arrays for one dispute, from its originators (columns oc, oside)."""
        system = self.by_year.get(year, np.zeros(0, dtype=np.int64))
        states = np.union1d(system, origs.oc.to_numpy()).astype(np.int64)
        n = len(states)
        lookup = np.full(MAX_CCODE, -1, dtype=np.int64)
        lookup[states] = np.arange(n)
        side0 = np.full(n, -1, dtype=np.int8)
        side0[lookup[origs.oc.to_numpy()]] = origs.oside.to_numpy()
        candidate = np.isin(states, system) & (side0 < 0)

        def pair_matrix(a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> F64:
            i, j = lookup[a], lookup[b]
            ok = (i >= 0) & (j >= 0)
            m = np.zeros((n, n))
            np.add.at(m, (i[ok], j[ok]), 1.0)
            return m

        lo, hi = np.searchsorted(self.atop_years, [year, year + 1])
        c1, c2, kinds = (x[lo:hi] for x in self.atop)
        defense, consult, abstain = (pair_matrix(c1[kinds[:, k]], c2[kinds[:, k]]) > 0 for k in range(3))
        k1, k2, kt, ksy, key = self.contiguity
        now = (ksy <= year) & (key >= year)
        land = pair_matrix(k1[now & (kt == 1)], k2[now & (kt == 1)]) > 0
        water = (pair_matrix(k1[now & (kt >= 2)], k2[now & (kt >= 2)]) > 0) & ~land
        a, b, t, together = self.pairs
        t0 = year * 12 + month
        w = (t < t0) & (t >= t0 - 12 * HISTORY_YEARS)
        majors = self.major_by_year.get(year, set())
        nukes = self.nuclear_by_year.get(year, set())
        cy = self.cinc.get(year)
        # Proximity is measured to the originators (where the war is), so it is the same every round.
        close = capitals.closeness_matrix(states, year)
        return DisputeArrays(
            dispnum=dispnum,
            states=states,
            side0=side0,
            candidate=candidate,
            defense=defense.astype(np.float64),
            consult=consult.astype(np.float64),
            abstain=abstain.astype(np.float64),
            land=land.astype(np.float64),
            water=water.astype(np.float64),
            hist_with=pair_matrix(a[w & together], b[w & together]),
            hist_against=pair_matrix(a[w & ~together], b[w & ~together]),
            major=np.array([c in majors for c in states], dtype=np.float64),
            nuclear=np.array([c in nukes for c in states], dtype=np.float64),
            cinc=np.zeros(n) if cy is None else cy.reindex(states).fillna(0.0).to_numpy(dtype=np.float64),
            proximity=np.log1p(np.stack([close[side0 == s].sum(axis=0) for s in (0, 1)], axis=1)),
            system_size=float(np.log(len(system))) if len(system) else 0.0,
        )

    def disputes(self, participants: pd.DataFrame) -> Iterator[DisputeArrays]:
        """Compiled arrays for every dispute in a participants table, in dispute order."""
        o = originators(participants)
        for dispnum, g in o.groupby("dispnum", sort=True):
            yield self.compile(int(dispnum), int(g.year.iloc[0]), int(g.month.iloc[0]), g)


def _stack(d: DisputeArrays) -> F64:
    """All pairwise ties side by side, so one product per round measures every feature."""
    mats = (d.defense, d.consult, d.land, d.water, d.hist_with, d.hist_against, d.abstain)
    return np.concatenate(
        [m.T for m in mats] + [d.major[:, None], d.cinc[:, None], d.nuclear[:, None]], axis=1
    )


def logits(d: DisputeArrays, member: F64, model: JoiningModel, stack: F64 | None = None) -> F64:
    """Joining logits z[trial, state, side] given side membership member[trial, state, side].

    Side index as in the simulator (casus.ties: 0 side A, 1 side B).
    """
    n = len(d.states)
    coef = np.array(model.vector())
    st = _stack(d) if stack is None else stack
    trials = member.shape[0]
    prod = (member.transpose(0, 2, 1).reshape(trials * 2, n) @ st).reshape(trials, 2, -1)
    z = np.full(member.shape, model.intercept)
    log_cinc = np.log(d.cinc + 1e-6)
    for s in (SIDE_B, SIDE_A):
        fr, en = prod[:, s], prod[:, 1 - s]
        allied = fr[:, 0:n] > 0
        consult = (fr[:, n : 2 * n] > 0) & ~allied
        tie = "defense_triggered" if s == SIDE_B else "defense_untriggered"
        land_e, land_f = en[:, 2 * n : 3 * n] > 0, fr[:, 2 * n : 3 * n] > 0
        near_e = (en[:, 3 * n : 4 * n] > 0) & ~land_e
        near_f = (fr[:, 3 * n : 4 * n] > 0) & ~land_f
        hist_with = fr[:, 4 * n : 5 * n] + en[:, 5 * n : 6 * n]
        hist_against = fr[:, 5 * n : 6 * n] + en[:, 4 * n : 5 * n]
        enemy_major, enemy_cinc, enemy_nuclear = en[:, 7 * n], en[:, 7 * n + 1], en[:, 7 * n + 2]
        zs = (
            coef[_F[tie]] * allied
            + coef[_F["consultation"]] * consult
            + coef[_F["abstain"]] * (en[:, 6 * n : 7 * n] > 0)
            + coef[_F["contiguous_enemy"]] * land_e
            + coef[_F["contiguous_friend"]] * land_f
            + coef[_F["near_enemy"]] * near_e
            + coef[_F["near_friend"]] * near_f
            + coef[_F["major_power"]] * d.major
            + coef[_F["nuclear"]] * d.nuclear
            + coef[_F["deterred"]] * ((1 - d.nuclear) * (enemy_nuclear > 0)[:, None])
            + coef[_F["nuclear_opposed"]] * (d.nuclear * (enemy_nuclear > 0)[:, None])
            + coef[_F["enemy_major"]] * (enemy_major > 0)[:, None]
            + coef[_F["capability"]] * np.clip(log_cinc - np.log(enemy_cinc + 1e-6)[:, None], -10, 10)
            + coef[_F["history_with"]] * np.log1p(hist_with)
            + coef[_F["history_against"]] * np.log1p(hist_against)
            + coef[_F["proximity_friend"]] * d.proximity[:, s]
            + coef[_F["proximity_enemy"]] * d.proximity[:, 1 - s]
            + coef[_F["system_size"]] * d.system_size
        )
        z[..., s] += zs
    return z


def run_dispute(d: DisputeArrays, model: JoiningModel, trials: int = TRIALS, seed: int = 0,
                rounds: int = ROUNDS) -> tuple[F64, F64, float]:  # fmt: skip
    """P(join side) for every state of a dispute, (cascade, first round only) each [state, side],
    and P(no state joins).

    With the model's per-war level (`casus.joining.WarLevel`) the first round's probabilities take
    the level at evenly spaced normal quantiles, one per trial; later rounds draw the rise of the
    plain probability over its first-round value, as in the simulator's kernel.
    """
    n = len(d.states)
    rng = np.random.default_rng([seed, d.dispnum])
    member = np.zeros((1, n, 2))
    for s in (SIDE_B, SIDE_A):
        member[0, d.side0 == s, s] = 1.0
    free = np.broadcast_to(d.candidate, (1, n)).copy()
    stack = _stack(d)
    z1 = logits(d, member, model, stack)
    lv = model.level if model.level is not None and model.level.sd > 0 else None
    plain = 1.0 / (1.0 + np.exp(-z1)) * free[..., None]
    if lv is None:
        # Round 1 is the same in every trial: expand to `trials` copies only after it.
        p = np.repeat(plain, trials, axis=0)
        first = p[0].copy()
    else:
        g = ndtri((np.arange(trials) + 0.5) / trials)[:, None, None]
        p = expit(lv.offset + lv.scale * z1 + lv.sd * g) * free[..., None]
        first = p.mean(axis=0)
    none = float(np.exp(np.log1p(-np.clip(p, 0.0, 1.0 - 1e-12)).sum(axis=(1, 2))).mean())
    member = np.repeat(member, trials, axis=0)
    free = np.repeat(free, trials, axis=0)
    prev = np.zeros((trials, n, 2))
    acc = np.zeros((n, 2))
    active = np.arange(trials)
    for r in range(rounds):
        pa, pv, fr = p, prev[active], free[active]
        q = np.where(pa > pv, (pa - pv) / np.maximum(1.0 - pv, 1e-12), 0.0) * fr[..., None]
        # later rounds draw the rise over the plain first-round probability, level or not
        prev[active] = np.maximum(pv, pa) if r > 0 or lv is None else plain
        qb, qa = q[..., SIDE_B], q[..., SIDE_A]
        acc[:, SIDE_B] += (qb * (1 - qa) + qb * qa / 2).sum(axis=0)
        acc[:, SIDE_A] += (qa * (1 - qb) + qa * qb / 2).sum(axis=0)
        u = rng.random(q.shape) < q
        both = u[..., 0] & u[..., 1]
        pick_a = rng.random(both.shape) < 0.5
        join_a = u[..., SIDE_A] & ~(both & ~pick_a)
        join_b = u[..., SIDE_B] & ~(both & pick_a)
        moved = (join_a | join_b).any(axis=1)
        if not moved.any():
            break
        idx = active[moved]
        member[idx, :, SIDE_A] += join_a[moved]
        member[idx, :, SIDE_B] += join_b[moved]
        free[idx] &= ~(join_a[moved] | join_b[moved])
        active = idx
        p = 1.0 / (1.0 + np.exp(-logits(d, member[active], model, stack))) * free[active][..., None]
    return acc / trials, first, none


def cascade_probabilities(
    world: HistoryWorld,
    participants: pd.DataFrame,
    model: JoiningModel | Callable[[int], JoiningModel],
    *,
    trials: int = TRIALS,
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
    levels: pd.Series | None = None,
) -> pd.DataFrame:
    """P(join) by cascade and by first round, per (dispnum, ccode, side) candidate, with the
    dispute's P(no state joins) (`p_none`).

    `model` may be a function of the dispute's start year (the forward protocol's refits). Each
    dispute runs at its level (`levels`: MID hostlev by dispnum; a use of force where missing),
    so the probabilities answer "if it comes to this, who joins?".
    """
    rows: list[pd.DataFrame] = []
    o = originators(participants)
    years = o.drop_duplicates("dispnum").set_index("dispnum").year
    at: dict[tuple[int, int], tuple[JoiningModel, JoiningModel]] = {}  # the full model kept alive
    for d in world.disputes(participants):
        full = (
            model(int(years[d.dispnum])) if callable(model) and not isinstance(model, JoiningModel) else model
        )
        assert isinstance(full, JoiningModel)
        hostlev = int(levels.get(d.dispnum, 4)) if levels is not None else 4
        key = (id(full), hostlev)
        if key not in at:
            at[key] = (full, full.at(Intensity.from_hostlev(hostlev)))
        m = at[key][1]
        p, first, none = run_dispute(d, m, trials=trials, seed=seed)
        c = np.flatnonzero(d.candidate)
        k = len(c)
        rows.append(
            pd.DataFrame({
                "dispnum": d.dispnum,
                "ccode": np.concatenate([d.states[c], d.states[c]]),
                "side": np.repeat([SIDE_A, SIDE_B], k),
                "p_cascade": np.concatenate([p[c, SIDE_A], p[c, SIDE_B]]),
                "p_first": np.concatenate([first[c, SIDE_A], first[c, SIDE_B]]),
                "p_none": none,
            })
        )  # fmt: skip
        if progress is not None:
            progress(1)
    if not rows:
        return pd.DataFrame(columns=["dispnum", "ccode", "side", "p_cascade", "p_first", "p_none"])
    return pd.concat(rows, ignore_index=True)
