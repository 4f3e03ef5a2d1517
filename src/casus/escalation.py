"""Monte Carlo escalation: how likely the war spreads, to whom, and how far.

`simulate(world, scenario, trials=..., seed=...)` compiles the scenario (see `cascade`), runs the
trials in chunks through the numba kernel (see `kernel`) and summarises them. The same scenario,
seed and model give the same numbers whatever the chunk size or thread count.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from casus import __version__, kernel
from casus.cascade import CONTESTED, SIDE_A, Compiled, compile_scenario
from casus.joining import JoiningModel, load_model
from casus.model import Scenario
from casus.world import World

BLOCK = 1024  # trials per parallel task; results do not depend on it
PATH_SAMPLE = 1 << 18  # escalation paths are counted on the first 2**18 trials
DEFAULT_CHUNK = 1 << 20
ProgressFn = Callable[[int], None]


class StateOutcome(BaseModel):
    """One state's probability of being at war, by side, with the Monte Carlo standard error."""

    model_config = ConfigDict(frozen=True)

    state: str
    name: str
    initial: str | None
    p_war: float
    p_side_a: float
    p_side_b: float
    se: float


class PathStep(BaseModel):
    """One state joining, in one round, and the tie that carried it."""

    model_config = ConfigDict(frozen=True)

    round: int
    state: str
    side: str
    via: str


class EscalationPath(BaseModel):
    """A sequence of joins and how often it happened."""

    model_config = ConfigDict(frozen=True)

    probability: float
    steps: list[PathStep]


class Sensitivity(BaseModel):
    """The effect on the outcome of changing one assumption, with the same random numbers."""

    model_config = ConfigDict(frozen=True)

    change: str
    kind: str
    outcome: float
    delta: float


def model_note(model: JoiningModel) -> str:
    """What the model's probabilities are, and what in it today's world cannot feed."""
    note = (
        "prior from published reliability rates, not fitted to data"
        if model.kind == "prior"
        else f"fitted on {model.data_version}: historical militarized disputes of every "
        "intensity, most of which never became wars, so these are base rates for a dispute, "
        "not for a declared war (--model prior gives the reliability-anchored view)"
    )
    if model.level is not None and model.level.sd > 0:
        note += (
            f"; a per-war level (sd {model.level.sd:.2f} on the log-odds) moves the first round's "
            "joins together, so most wars draw no one in and the few that spread draw several"
        )
    unmeasured = model.unmeasured_today()
    if unmeasured:
        # The scenario's world has no values for these, so the model runs with them at 0.
        note += (
            f"; it weighs {', '.join(unmeasured)}, which casus cannot measure for this world and takes "
            "as 0 (--model today is fitted without them)"
        )
    return note


class SimulationResult(BaseModel):
    """What `casus.simulate` returns; also the `simulation` object of `casus run --json`."""

    model_config = ConfigDict(frozen=True)

    trials: int
    seed: int
    rounds: int
    model: str
    model_kind: str
    model_note: str
    data_version: str | None
    casus_version: str
    world: str | None = None  # the provenance of a world built from data (a historical year)
    side_a: list[str]
    side_b: list[str]
    states: list[StateOutcome]
    p_nuclear_opposed: float
    p_nuclear_opposed_se: float
    war_size: dict[str, Any]
    paths: list[EscalationPath]
    outcome: str = "p_nuclear_opposed"
    sensitivity: list[Sensitivity] = Field(default_factory=list)


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
    capability, and closeness to each side's initial belligerents (proximity_friend = coef[19], _enemy =
    coef[18])."""
    z = c.intercept + c.coef[20] * c.system_size
    z = z + c.coef[9] * c.major + c.coef[11] * c.nuclear + c.coef[13] * c.capability
    zs = z[:, None] + c.coef[19] * c.proximity + c.coef[18] * c.proximity[:, ::-1]
    return np.ascontiguousarray(zs, dtype=np.float64)


def _prepare(c: Compiled) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    glob0 = _glob0(c)
    zc = zconst(c)
    p0 = kernel.initial_probabilities(
        c.side0,
        c.flags0,
        c.adj0,
        c.trig0,
        c.nuclear,
        c.major,
        zc,
        c.coef,
        c.fights,
        c.reliability,
        c.deterrence,
        glob0,
    )
    cand0 = np.flatnonzero((p0[:, 0] > 0) | (p0[:, 1] > 0)).astype(np.int32)
    return glob0, p0, cand0, zc


def level(c: Compiled, p0: np.ndarray) -> tuple[np.ndarray, float]:
    """The kernel's per-war level arrays: first-round odds factors and the level's sd (0: none).

    A user's reliability override is a probability, not a model output, so the level leaves it be.
    """
    lv = c.model.level
    if lv is None or lv.sd == 0.0:
        return np.full(p0.shape, -1.0), 0.0
    overridden = ~np.isnan(c.reliability)[:, None] & ((c.trig0 > 0) | ((c.flags0 & CONTESTED) != 0))
    return kernel.level_odds(p0, overridden, lv.offset, lv.scale), float(lv.sd)


class Runner:
    """Runs the compiled cascade for a range of trials; one per compiled scenario."""

    def __init__(self, compiled: Compiled, seed: int, rounds: int) -> None:
        self.c = compiled
        self.seed = seed
        self.rounds = rounds
        self.glob0, self.p0, self.cand0, self.zconst = _prepare(compiled)
        c = compiled
        self.table = kernel.probability_table(
            c.trig0, self.zconst, c.coef, c.fights, c.reliability, c.nuclear, c.major, c.deterrence
        )
        self.n_initial = int((compiled.side0 >= 0).sum())
        self.elev, self.level_sd = level(compiled, self.p0)

    def _world(self) -> tuple[Any, ...]:
        """The arrays both kernel entry points take, in their order."""
        c = self.c
        return (
            c.side0, c.flags0, c.adj0, c.trig0, c.rev_ptr, c.rev_obligor, c.rev_cat, c.nb_ptr, c.nb_idx,
            c.nuclear, c.major, c.fights, c.reliability, self.zconst, c.coef, c.deterrence, self.cand0,
            self.p0, self.glob0,
        )  # fmt: skip

    def run(self, trial0: int, ntrials: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, np.ndarray]:
        """Counts for trials [trial0, trial0 + ntrials)."""
        return kernel.simulate_range(  # type: ignore[no-any-return,call-arg]
            self.seed, trial0, ntrials, BLOCK, self.rounds, *self._world(), self.n_initial, self.table,
            self.elev, self.level_sd,
        )  # fmt: skip

    def replay(self, trial: int) -> list[tuple[int, int, int]]:
        """The joins of one trial: (state index, side, round)."""
        st, sd, rd = kernel.replay(
            self.seed, trial, self.rounds, *self._world(), self.table, self.elev, self.level_sd
        )  # type: ignore[call-arg]
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


def _via(c: Compiled, state: int, side: int, belligerents: dict[int, int]) -> str:
    """The strongest tie that drew `state` to `side`, given who was at war when it joined."""
    best: tuple[int, str] | None = None
    for tie in c.initial_ties:
        if tie.obligor == state and belligerents.get(tie.beneficiary) == side and tie.category != 16:
            score = 100 + tie.rank if tie.category == 0 else {1: 50, 8: 40, 2: 20, 4: 10}.get(tie.category, 0)
            if best is None or score > best[0]:
                best = (score, f"{tie.label} → {c.ids[tie.beneficiary]}")
    for tie in c.joiner_ties:
        joined = tie.beneficiary in belligerents and c.side0[tie.beneficiary] < 0
        if tie.obligor == state and joined and belligerents[tie.beneficiary] == side and tie.category != 16:
            score = {1: 45, 8: 35, 2: 15, 4: 5}.get(tie.category, 0)
            if best is None or score > best[0]:
                best = (score, f"{tie.label} → {c.ids[tie.beneficiary]}")
    if best is not None:
        return best[1]
    for k in range(c.nb_ptr[state], c.nb_ptr[state + 1]):
        other = int(c.nb_idx[k])
        if belligerents.get(other) == 1 - side:
            return f"border with {c.ids[other]}"
    return "major power" if c.major[state] else "other"


def summarise(
    runner: Runner, counts: dict[str, Any], trials: int, world: World, top_paths: int = 8
) -> dict[str, Any]:
    """Turn counts into probabilities, war sizes and labelled escalation paths."""
    c = runner.c
    out_states = []
    for i, sid in enumerate(c.ids):
        pa, pb = counts["a"][i] / trials, counts["b"][i] / trials
        init = None if c.side0[i] < 0 else ("a" if c.side0[i] == SIDE_A else "b")
        if init == "a":
            pa = 1.0
        elif init == "b":
            pb = 1.0
        pw = pa + pb
        if pw <= 0:
            continue
        out_states.append(
            StateOutcome(
                state=sid,
                name=world.states.get(sid).name,
                initial=init,
                p_war=pw,
                p_side_a=pa,
                p_side_b=pb,
                se=math.sqrt(max(pw * (1 - pw), 0.0) / trials),
            )
        )
    out_states.sort(key=lambda s: (s.initial is None, -s.p_war, s.state))
    sizes = counts["sizes"]
    dist = {str(k): int(v) / trials for k, v in enumerate(sizes.tolist()) if v}
    mean = float(np.dot(np.arange(len(sizes)), sizes) / trials)
    paths = []
    initial = {i: int(s) for i, s in enumerate(c.side0.tolist()) if s >= 0}
    for h, k in counts["paths"].most_common(top_paths):
        steps = []
        bell = dict(initial)
        joins = runner.replay(counts["example"][h])
        for rnd in sorted({r for _, _, r in joins}):
            now = [(st, sd) for st, sd, r in joins if r == rnd]
            for st, sd in now:
                steps.append(PathStep(round=rnd, state=c.ids[st], side="ab"[sd], via=_via(c, st, sd, bell)))
            for st, sd in now:
                bell[st] = sd
        paths.append(EscalationPath(probability=k / counts["path_trials"], steps=steps))
    p = counts["nucopp"] / trials
    return {
        "states": out_states,
        "war_size": {"mean": mean, "distribution": dist},
        "paths": paths,
        "p_nuclear_opposed": p,
        "p_nuclear_opposed_se": math.sqrt(p * (1 - p) / trials),
    }


def outcome_value(name: str, counts: dict[str, Any], c: Compiled, trials: int) -> float:
    """The sensitivity outcome: p_nuclear_opposed, war_size_mean, or p_war:ISO3."""
    if name == "p_nuclear_opposed":
        return float(counts["nucopp"] / trials)
    if name == "war_size_mean":
        sizes = counts["sizes"]
        return float(np.dot(np.arange(len(sizes)), sizes) / trials)
    if name.startswith("p_war:"):
        i = c.index[name.split(":", 1)[1].strip().upper()]
        if c.side0[i] >= 0:
            return 1.0
        return float((counts["a"][i] + counts["b"][i]) / trials)
    raise ValueError(f"unknown outcome {name!r} (p_nuclear_opposed, war_size_mean or p_war:ISO3)")


def default_outcome(world: World, scenario: Scenario) -> str:
    """The sensitivity outcome to rank by: p_nuclear_opposed where a nuclear-armed state exists on the
    scenario's date, else war_size_mean (nuclear opposition is then always 0)."""
    nuclear = any(s.nuclear_on(scenario.date) for s in world.at(scenario.date).states)
    return "p_nuclear_opposed" if nuclear else "war_size_mean"


def check_outcome(name: str, world: World, scenario: Scenario) -> None:
    """Reject an unknown sensitivity outcome before any trial runs."""
    if name in ("p_nuclear_opposed", "war_size_mean"):
        return
    if name.startswith("p_war:"):
        ident = name.split(":", 1)[1].strip().upper()
        if ident in world.states and world.states.get(ident).exists_on(scenario.date):
            return
        raise ValueError(f"unknown outcome {name!r}: no state {ident!r} existed on {scenario.date}")
    raise ValueError(f"unknown outcome {name!r} (p_nuclear_opposed, war_size_mean or p_war:ISO3)")


def variations(world: World, scenario: Scenario) -> list[tuple[str, str, Scenario]]:
    """Every assumption flipped and every override moved, one at a time."""
    a = scenario.assumptions
    out: list[tuple[str, str, Scenario]] = []

    def with_assumptions(**kw: Any) -> Scenario:
        return scenario.model_copy(update={"assumptions": a.model_copy(update=kw)})

    for key, label in (
        ("suppliers_are_cobelligerents", "weapon suppliers count as co-belligerents"),
        ("honour_signed_not_in_force", "signed treaties not in force are honoured"),
        ("nuclear_deterrence", "nuclear deterrence restrains non-nuclear states"),
    ):
        now = bool(getattr(a, key))
        out.append(
            (
                f"{label}: {'yes' if now else 'no'} → {'no' if now else 'yes'}",
                "assumption",
                with_assumptions(**{key: not now}),
            )
        )
    from casus.obligations import casus_foederis
    from casus.scenario import reading_key

    seen: set[str] = set()
    for r in casus_foederis(world, scenario):
        t = world.treaty(r.treaty)
        for p in t.provisions:
            if p.article != r.article:
                continue
            for q in p.contested:
                key = reading_key(t.id, p.article, q.id)
                if key in seen:
                    continue
                seen.add(key)
                current = a.readings.get(key, q.default)
                for reading in q.readings:
                    if reading.id != current:
                        readings = {**a.readings, key: reading.id}
                        out.append(
                            (
                                f"{key}: {current} → {reading.id}",
                                "reading",
                                with_assumptions(readings=readings),
                            )
                        )
    for sid, ov in a.overrides.items():
        toggled = {**a.overrides, sid: ov.model_copy(update={"fights": not ov.fights})}
        out.append(
            (
                f"{sid} fights: {'yes' if ov.fights else 'no'} → {'no' if ov.fights else 'yes'}",
                "override",
                with_assumptions(overrides=toggled),
            )
        )
        if ov.reliability is not None:
            for d in (-0.2, 0.2):
                v = min(1.0, max(0.0, ov.reliability + d))
                if v != ov.reliability:
                    moved = {**a.overrides, sid: ov.model_copy(update={"reliability": v})}
                    out.append(
                        (
                            f"{sid} reliability {ov.reliability:.2f} → {v:.2f}",
                            "override",
                            with_assumptions(overrides=moved),
                        )
                    )
    return out


def simulate(
    world: World,
    scenario: Scenario,
    *,
    trials: int | None = None,
    seed: int | None = None,
    rounds: int | None = None,
    model: JoiningModel | None = None,
    chunk: int = DEFAULT_CHUNK,
    sensitivity: bool = True,
    sensitivity_trials: int | None = None,
    outcome: str = "p_nuclear_opposed",
    progress: ProgressFn | None = None,
) -> SimulationResult:
    """Run the cascade for a scenario; see the module docstring."""
    check_outcome(outcome, world, scenario)
    model = model or load_model()
    trials = trials if trials is not None else scenario.simulation.trials
    seed = seed if seed is not None else scenario.simulation.seed
    rounds = rounds if rounds is not None else scenario.simulation.rounds
    compiled = compile_scenario(world, scenario, model)
    runner = Runner(compiled, seed, rounds)
    counts = run_counts(runner, trials, chunk, progress)
    summary = summarise(runner, counts, trials, world)
    sens: list[Sensitivity] = []
    if sensitivity:
        n_s = min(trials, sensitivity_trials or 200_000)
        base_counts = counts if n_s == trials else run_counts(Runner(compiled, seed, rounds), n_s, chunk)
        base = outcome_value(outcome, base_counts, compiled, n_s)
        for label, kind, sc in variations(world, scenario):
            c2 = compile_scenario(world, sc, model)
            v = outcome_value(outcome, run_counts(Runner(c2, seed, rounds), n_s, chunk, progress), c2, n_s)
            sens.append(Sensitivity(change=label, kind=kind, outcome=v, delta=v - base))
        sens.sort(key=lambda s: -abs(s.delta))
    return SimulationResult(
        trials=trials,
        seed=seed,
        rounds=rounds,
        model=model.label,
        model_kind=model.kind,
        model_note=model_note(model),
        data_version=model.data_version,
        casus_version=__version__,
        world=world.provenance,
        side_a=[compiled.ids[i] for i in np.flatnonzero(compiled.side0 == 0)],
        side_b=[compiled.ids[i] for i in np.flatnonzero(compiled.side0 == 1)],
        states=summary["states"],
        p_nuclear_opposed=summary["p_nuclear_opposed"],
        p_nuclear_opposed_se=summary["p_nuclear_opposed_se"],
        war_size=summary["war_size"],
        paths=summary["paths"],
        outcome=outcome,
        sensitivity=sens,
    )
