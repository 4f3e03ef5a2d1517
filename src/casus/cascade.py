"""Compile a world and a scenario into the arrays the cascade runs on.

Everything date- and scenario-specific is decided here, once: who starts on which side, the
obligation engine's verdicts for the attacked states, which obligations would engage if a
state joined the war, land borders, nuclear and major-power status, overrides. The kernel then
only reads arrays.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from casus import capitals
from casus.joining import JoiningModel
from casus.model import (
    Automaticity,
    Direction,
    Intensity,
    ObligationType,
    Scenario,
    State,
    SuspensionKind,
    initial_sides,
)
from casus.obligations import ObligationResult, Status, casus_foederis
from casus.ties import ABSTAIN, CAT_NAMES, CONSULT, CONTESTED, POLICY, SIDE_A, SIDE_B, UNTRIGGERED
from casus.world import World

__all__ = ["ABSTAIN", "CAT_NAMES", "CONSULT", "CONTESTED", "POLICY", "SIDE_A", "SIDE_B", "UNTRIGGERED",
           "Compiled", "Tie", "compile_scenario"]  # fmt: skip

F64 = npt.NDArray[np.float64]
I32 = npt.NDArray[np.int32]
I8 = npt.NDArray[np.int8]


@dataclass
class Tie:
    """One obligation of `obligor` toward `beneficiary`, as the cascade sees it."""

    obligor: int
    beneficiary: int
    category: int  # 0 = triggered defence (with rank), else one of the bits above
    rank: int
    label: str


@dataclass
class Compiled:
    """Arrays for the kernel plus what is needed to explain results."""

    ids: list[str]
    index: dict[str, int]
    side0: I8  # -1 not at war, 0 side A (attackers), 1 side B (attacked)
    nuclear: npt.NDArray[np.bool_]
    major: npt.NDArray[np.bool_]
    fights: npt.NDArray[np.bool_]  # [state, side]: False where the scenario keeps the state off that side
    reliability: F64  # NaN where the model decides
    rev_ptr: I32  # beneficiary -> obligors (ties that engage if the beneficiary joins)
    rev_obligor: I32
    rev_cat: I32
    nb_ptr: I32
    nb_idx: I32
    trig0: I32  # initial max triggered-defence rank per (state, side)
    flags0: I32  # initial tie bits per (state, side)
    adj0: npt.NDArray[np.bool_]  # initial land border with a belligerent of (side)
    coef: F64
    intercept: float
    deterrence: bool
    capability: F64
    proximity: F64  # [state, side]: log(1 + summed capital closeness to that side's initial belligerents)
    system_size: float  # log(number of states existing on the date)
    model: JoiningModel  # the plain model at the scenario's intensity (JoiningModel.at)
    intensity: Intensity
    results: list[ObligationResult]
    initial_ties: list[Tie] = field(default_factory=list)
    joiner_ties: list[Tie] = field(default_factory=list)

    @property
    def n(self) -> int:
        """Number of states in the world at the date."""
        return len(self.ids)


def _category(ptype: ObligationType, auto: Automaticity, binding: bool) -> int | None:
    """How an obligation toward a state that is at war (but not known to be attacked) counts."""
    if ptype in (ObligationType.DEFENSE, ObligationType.OFFENSE):
        return POLICY if (not binding or auto is Automaticity.DECLARATORY) else CONTESTED
    if ptype is ObligationType.CONSULTATION:
        return CONSULT
    return ABSTAIN


@dataclass(frozen=True)
class _DateArrays:
    """What depends only on the world, the date and which treaty statuses count (shared, read-only)."""

    states: list[State]
    ids: list[str]
    index: dict[str, int]
    nuclear: npt.NDArray[np.bool_]
    major: npt.NDArray[np.bool_]
    joiner: dict[tuple[int, int, int], Tie]
    ties: list[Tie]
    rev_ptr: I32
    rev_obligor: I32
    rev_cat: I32
    nbs: list[list[int]]
    nb_ptr: I32
    nb_idx: I32
    closeness: F64  # [i, j]: closeness of the capitals (casus.capitals), 0 where unknown


# Sensitivity variations and sweep cells compile many scenarios on one date: the date's arrays are
# built once per world and reused (worlds are never changed after loading).
_DATE_CACHE: dict[tuple[int, dt.date, tuple[str, ...]], tuple[weakref.ref[World], _DateArrays]] = {}
_DATE_CACHE_SIZE = 16


def _date_arrays(world: World, on: dt.date, statuses: tuple[str, ...]) -> _DateArrays:
    key = (id(world), on, statuses)
    hit = _DATE_CACHE.get(key)
    if hit is not None and hit[0]() is world:
        return hit[1]
    states = world.states.existing_on(on)
    ids = [s.id for s in states]
    index = {sid: i for i, sid in enumerate(ids)}
    n = len(ids)
    nuclear = np.array([s.nuclear_on(on) for s in states], dtype=np.bool_)
    major = np.array([s.major_on(on) for s in states], dtype=np.bool_)

    # Ties that engage if a state joins: every obligation owed to it in a treaty in force.
    joiner: dict[tuple[int, int, int], Tie] = {}
    for ta in world.at(on).treaties(include=statuses):
        treaty = ta.treaty
        for p in treaty.provisions:
            cat = _category(p.type, p.automaticity, not treaty.is_policy)
            if cat is None:
                continue
            if p.direction is Direction.DIRECTED:
                pairs = [(o, b) for o in p.obligors for b in p.beneficiaries]
            else:
                pairs = [(o, b) for o in ta.parties for b in ta.parties if o != b]
            for ob_id, be_id in pairs:
                if ob_id not in index or be_id not in index:
                    continue
                susp = ta.suspended(ob_id, be_id)
                if susp is not None and susp.kind is SuspensionKind.SUSPENDED:
                    continue
                c = UNTRIGGERED if (susp is not None and cat == CONTESTED) else cat
                tie_key = (index[be_id], index[ob_id], c)
                joiner.setdefault(tie_key, Tie(index[ob_id], index[be_id], c, 0, f"{treaty.id} {p.article}"))

    ties = sorted(joiner.values(), key=lambda t: (t.beneficiary, t.obligor, t.category))
    # One entry per (beneficiary, obligor): the categories OR-ed into one bit mask.
    merged: dict[tuple[int, int], int] = {}
    for tie in ties:
        merged[(tie.beneficiary, tie.obligor)] = merged.get((tie.beneficiary, tie.obligor), 0) | tie.category
    keys = sorted(merged)
    counts = (
        np.bincount(np.array([b for b, _ in keys], dtype=np.int64), minlength=n)
        if keys
        else np.zeros(n, dtype=np.int64)
    )
    rev_ptr = np.zeros(n + 1, dtype=np.int32)
    rev_ptr[1:] = np.cumsum(counts)
    rev_obligor = np.array([o for _, o in keys], dtype=np.int32)
    rev_cat = np.array([merged[k] for k in keys], dtype=np.int32)

    nbs = [[index[x] for x in s.neighbours if x in index] for s in states]
    nb_ptr = np.zeros(n + 1, dtype=np.int32)
    nb_ptr[1:] = np.cumsum([len(x) for x in nbs])
    nb_idx = np.array([x for row in nbs for x in row], dtype=np.int32)
    cow = [s.cow_on(on) for s in states]
    codes = np.array([c.code if c is not None and c.code is not None else -1 for c in cow], dtype=np.int64)
    closeness = capitals.closeness_matrix(codes, on.year)
    arrays = _DateArrays(
        states,
        ids,
        index,
        nuclear,
        major,
        joiner,
        ties,
        rev_ptr,
        rev_obligor,
        rev_cat,
        nbs,
        nb_ptr,
        nb_idx,
        closeness,
    )
    if len(_DATE_CACHE) >= _DATE_CACHE_SIZE:
        _DATE_CACHE.pop(next(iter(_DATE_CACHE)))
    _DATE_CACHE[key] = (weakref.ref(world), arrays)
    return arrays


def _initial_ties(
    results: list[ObligationResult],
    index: dict[str, int],
    side0: np.ndarray,
    joiner: dict[tuple[int, int, int], Tie],
) -> tuple[np.ndarray, np.ndarray, list[Tie]]:
    """The ties at the start: triggered defence ranks and tie bits per state and side, from the
    engine's verdicts toward the attacked states and from the obligations owed to the attackers."""
    trig0 = np.zeros((len(side0), 2), dtype=np.int32)
    flags0 = np.zeros((len(side0), 2), dtype=np.int32)
    initial: list[Tie] = []
    for r in results:
        if r.obligor not in index or r.beneficiary not in index:
            continue
        o, b = index[r.obligor], index[r.beneficiary]
        s = int(side0[b])
        if s < 0:
            continue
        cat = _category(r.type, r.automaticity, r.binding)
        if cat is None:
            continue
        label = f"{r.treaty} {r.article}"
        if cat == CONTESTED:
            if r.status is Status.TRIGGERED:
                rank = r.automaticity.rank or 0
                trig0[o, s] = max(trig0[o, s], rank)
                initial.append(Tie(o, b, 0, rank, label))
                continue
            cat = CONTESTED if r.status is Status.CONTESTED else UNTRIGGERED
        elif r.status is Status.NOT_TRIGGERED:
            continue
        initial.append(Tie(o, b, cat, 0, label))
        if cat == ABSTAIN:
            flags0[o, 1 - s] |= ABSTAIN
        else:
            flags0[o, s] |= cat
    # Obligations toward the states that started the war are owed to the aggressor: not triggered.
    for tie in joiner.values():
        s = int(side0[tie.beneficiary])
        if s != SIDE_A:
            continue
        cat = UNTRIGGERED if tie.category == CONTESTED else tie.category
        initial.append(Tie(tie.obligor, tie.beneficiary, cat, 0, tie.label))
        if cat == ABSTAIN:
            flags0[tie.obligor, 1 - s] |= ABSTAIN
        else:
            flags0[tie.obligor, s] |= cat
    return trig0, flags0, initial


def compile_scenario(
    world: World, scenario: Scenario, model: JoiningModel, intensity: Intensity | None = None
) -> Compiled:
    """Build the cascade's arrays for a scenario, at `intensity` (default: the scenario's)."""
    level = intensity or scenario.intensity
    model = model if model.given is level else model.at(level)
    on = scenario.date
    a = scenario.assumptions
    statuses = ("in_force", "signed") if a.honour_signed_not_in_force else ("in_force",)
    d = _date_arrays(world, on, statuses)
    ids, index, joiner = d.ids, d.index, d.joiner
    n = len(ids)

    side0 = np.full(n, -1, dtype=np.int8)
    for sid, side in initial_sides(scenario).items():
        if sid in index:
            side0[index[sid]] = side.position

    fights = np.ones((n, 2), dtype=np.bool_)
    reliability = np.full(n, np.nan)
    for sid, ov in a.overrides.items():
        if sid in index:
            fights[index[sid]] = ov.fights
            if ov.reliability is not None:
                reliability[index[sid]] = ov.reliability

    # Initial ties toward the attacked states come from the obligation engine's verdicts.
    results = casus_foederis(world, scenario)
    trig0, flags0, initial = _initial_ties(results, index, side0, joiner)

    # A reliability override says how surely a state honours its obligation: it never joins the
    # side it is not obliged to.
    for i in np.flatnonzero(~np.isnan(reliability)):
        obliged = (trig0[i] > 0) | ((flags0[i] & CONTESTED) != 0)
        if obliged.sum() == 1:
            fights[i, ~obliged] = False

    nbs = d.nbs
    adj0 = np.zeros((n, 2), dtype=np.bool_)
    for j in range(n):
        if side0[j] >= 0:
            for k in nbs[j]:
                adj0[k, side0[j]] = True

    # Closeness to where the war is: the initial belligerents of each side, as in the history tables.
    proximity = np.log1p(np.stack([d.closeness[side0 == s].sum(axis=0) for s in (SIDE_A, SIDE_B)], axis=1))

    return Compiled(
        ids=ids,
        index=index,
        side0=side0,
        nuclear=d.nuclear,
        major=d.major,
        fights=fights,
        reliability=reliability,
        rev_ptr=d.rev_ptr,
        rev_obligor=d.rev_obligor,
        rev_cat=d.rev_cat,
        nb_ptr=d.nb_ptr,
        nb_idx=d.nb_idx,
        trig0=trig0,
        flags0=flags0,
        adj0=adj0,
        coef=np.array(model.vector(), dtype=np.float64),
        intercept=model.intercept,
        deterrence=a.nuclear_deterrence,
        capability=np.zeros(n),
        proximity=proximity,
        system_size=float(np.log(n)) if n else 0.0,
        model=model,
        intensity=level,
        results=results,
        initial_ties=initial,
        joiner_ties=d.ties,
    )
