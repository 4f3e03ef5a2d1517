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

from casus import kernel
from casus.cascade import Compiled, compile_scenario
from casus.joining import IDX, JoiningModel, load_model
from casus.model import Intensity, Scenario, initial_sides
from casus.ties import ABSTAIN, CONSULT, CONTESTED, POLICY, SIDE_A, TRIGGERED, UNTRIGGERED
from casus.version import __version__
from casus.world import World

__all__ = [
    "BLOCK",
    "DEFAULT_CHUNK",
    "PATH_SAMPLE",
    "SENSITIVITY_TRIALS",
    "EscalationPath",
    "PathStep",
    "Runner",
    "Sensitivity",
    "SimulationResult",
    "StateOutcome",
    "VerdictEffect",
    "check_outcome",
    "default_outcome",
    "level",
    "model_note",
    "outcome_value",
    "run_counts",
    "sensitivity_runs",
    "simulate",
    "summarise",
    "untriggered",
    "variations",
    "verdict_effect",
    "zconst",
]

BLOCK = 1024  # trials per parallel task; results do not depend on it
SENSITIVITY_TRIALS = 200_000  # trials per sensitivity variation, at most the run's own
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


def model_note(model: JoiningModel, intensity: Intensity | None = None) -> str:
    """What the model's probabilities are conditional on, and what in it today's world cannot feed."""
    level = intensity or model.given
    if model.kind == "prior":
        note = (
            "prior from published reliability rates, not fitted to data; it does not distinguish intensities"
        )
    elif model.knows_intensity and level is not None:
        note = (
            f"fitted on {model.data_version}: historical militarized disputes that reached "
            f"{level.label} (MID level {level.hostlev}), so these are the chances of joining "
            f"if it comes to {level.label}"
        )
    else:
        note = (
            f"fitted on {model.data_version}: historical militarized disputes of every intensity "
            "(this model has no intensity terms), so these are base rates for a dispute"
        )
    if model.level is not None and model.level.sd > 0:
        note += (
            f"; a per-war level (sd {model.level.sd:.2f} on the log-odds) moves the first round's "
            "joins together, so most conflicts draw no one in and the few that spread draw several"
        )
    unmeasured = model.unmeasured_today()
    if unmeasured:
        # The scenario's world has no values for these, so the model runs with them at 0.
        note += (
            f"; it weighs {', '.join(unmeasured)}, which casus cannot measure for this world and takes "
            "as 0 (--model today is fitted without them)"
        )
    return note


class VerdictEffect(BaseModel):
    """How much the obligation engine's verdicts move the numbers under the model in use: the most
    likely joiner's P(war), and the mean war size, with every triggered or contested obligation
    counted as not triggered (same random numbers)."""

    model_config = ConfigDict(frozen=True)

    state: str | None
    p_war: float
    p_war_untriggered: float
    war_size_mean: float
    war_size_mean_untriggered: float
    trials: int


class SimulationResult(BaseModel):
    """What `casus.simulate` returns; also the `simulation` object of `casus run --json`."""

    model_config = ConfigDict(frozen=True)

    trials: int
    seed: int
    rounds: int
    intensity: Intensity  # the level the probabilities are conditional on
    intensity_source: str
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
    verdicts: VerdictEffect | None = None

    def to_frame(self) -> Any:
        """Each state's probabilities as a pandas DataFrame (state, name, initial, p_war, p_side_a,
        p_side_b, se), with what they are conditional on in `attrs` (intensity, model, data and
        casus versions, trials, seed)."""
        import pandas as pd

        columns = ["state", "name", "initial", "p_war", "p_side_a", "p_side_b", "se"]
        frame = pd.DataFrame([s.model_dump() for s in self.states], columns=columns)
        frame.attrs.update(
            intensity=self.intensity.value, model=self.model, data_version=self.data_version,
            casus_version=self.casus_version, trials=self.trials, seed=self.seed, world=self.world,
        )  # fmt: skip
        return frame


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
    table = kernel.probability_table(
        c.trig0, zc, c.coef, c.fights, c.reliability, c.nuclear, c.major, c.deterrence
    )
    p0 = kernel.initial_probabilities(table, c.side0, c.flags0, c.adj0, c.trig0, c.deterrence, glob0)
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
    return kernel.level_odds(p0, overridden, lv.offset, lv.scale), float(lv.sd)


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


_TIE_FEATURE = {TRIGGERED: "defense_triggered", CONTESTED: "defense_contested", POLICY: "policy",
                UNTRIGGERED: "defense_untriggered", CONSULT: "consultation"}  # fmt: skip
_TIE_STRENGTH = {TRIGGERED: 5, CONTESTED: 4, POLICY: 3, UNTRIGGERED: 2, CONSULT: 1}


def _via(c: Compiled, state: int, side: int, belligerents: dict[int, int]) -> str:
    """What carried `state` to `side`, given who was at war when it joined: the term that adds the
    most to its log-odds under the model in use.

    A treaty is named only for an obligation that this war engages (a triggered or contested
    defence obligation toward a belligerent of that side); a tie that binds to nothing here (not
    triggered, owed to the attacker, non-binding, consultation) is named as a tie, not as a duty.
    """
    k = c.coef
    best_tie: tuple[int, int, int] | None = None  # (strength, rank, index into ties)
    ties = [*c.initial_ties, *c.joiner_ties]
    for n, tie in enumerate(ties):
        if tie.obligor != state or tie.category == ABSTAIN or belligerents.get(tie.beneficiary) != side:
            continue
        if n >= len(c.initial_ties) and c.side0[tie.beneficiary] >= 0:
            continue  # ties to the initial belligerents come from the engine's verdicts above
        key = (_TIE_STRENGTH[tie.category], tie.rank, -n)
        if best_tie is None or key > best_tie:
            best_tie = key
    reasons: list[tuple[float, str]] = []
    if best_tie is not None:
        tie = ties[-best_tie[2]]
        feat = _TIE_FEATURE[tie.category]
        weight = k[IDX[feat]] + (
            k[IDX["defense_strength"]] * tie.rank / 6 if tie.category == TRIGGERED else 0.0
        )
        to = c.ids[tie.beneficiary]
        label = {
            TRIGGERED: f"{tie.label} → {to}",
            CONTESTED: f"{tie.label} → {to} (contested)",
            UNTRIGGERED: f"ties to {to} (no duty to join here)",
            POLICY: f"non-binding ties to {to}",
            CONSULT: f"consultation with {to} (no duty to fight)",
        }[tie.category]
        reasons.append((weight, label))
    for j in range(c.nb_ptr[state], c.nb_ptr[state + 1]):
        other = int(c.nb_idx[j])
        if other in belligerents:
            friend = belligerents[other] == side
            weight = k[IDX["contiguous_friend" if friend else "contiguous_enemy"]]
            reasons.append((weight, f"border with {c.ids[other]}"))
    near = (
        k[IDX["proximity_friend"]] * c.proximity[state, side]
        + k[IDX["proximity_enemy"]] * c.proximity[state, 1 - side]
    )
    reasons.append((near, "close to the war"))
    if c.major[state]:
        reasons.append((k[IDX["major_power"]], "major power"))
    weight, label = max(reasons, key=lambda r: r[0])
    return label if weight > 0 else "other"


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
    """The sensitivity outcome to rank by: p_nuclear_opposed where it can move, else war_size_mean.

    It cannot move where no state on the scenario's date is nuclear-armed (it is always 0), or
    where nuclear-armed states are on opposite sides from the start (it is always 1).
    """
    on = scenario.date
    if not any(s.nuclear_on(on) for s in world.at(on).states):
        return "war_size_mean"
    armed = {side for sid, side in initial_sides(scenario).items()
             if sid in world.states and world.states.get(sid).nuclear_on(on)}  # fmt: skip
    return "war_size_mean" if len(armed) == 2 else "p_nuclear_opposed"


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
    """Every assumption flipped and every override moved, one at a time; and the intensity
    raised to war ("if this becomes a war"), or for a war lowered to a use of force."""
    a = scenario.assumptions
    out: list[tuple[str, str, Scenario]] = []
    level = scenario.intensity
    other = Intensity.USE_OF_FORCE if level is Intensity.WAR else Intensity.WAR
    raised = scenario.simulation.model_copy(update={"intensity": other})
    out.append((f"intensity: {level.value} → {other.value}", "intensity",
                scenario.model_copy(update={"simulation": raised})))  # fmt: skip

    def with_assumptions(**kw: Any) -> Scenario:
        return scenario.model_copy(update={"assumptions": a.model_copy(update=kw)})

    for key, label in (
        ("suppliers_are_cobelligerents", "weapon suppliers count as co-belligerents"),
        ("honour_signed_not_in_force", "signed treaties not in force are honoured"),
        ("nuclear_deterrence", "nuclear deterrence shapes who joins against a nuclear-armed side"),
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


def sensitivity_runs(trials: int, cap: int | None = None) -> int:
    """Trials per sensitivity variation (and for what the verdicts weigh): the run's, at most `cap`."""
    return min(trials, cap or SENSITIVITY_TRIALS)


def untriggered(c: Compiled) -> Compiled:
    """The same compiled scenario with every triggered or contested obligation counted as not triggered."""
    from dataclasses import replace

    flags0 = np.where((c.flags0 & CONTESTED) != 0, (c.flags0 & ~CONTESTED) | UNTRIGGERED, c.flags0)
    flags0 = np.where(c.trig0 > 0, flags0 | UNTRIGGERED, flags0).astype(np.int32)
    rev_cat = np.where((c.rev_cat & CONTESTED) != 0, (c.rev_cat & ~CONTESTED) | UNTRIGGERED, c.rev_cat)
    return replace(c, trig0=np.zeros_like(c.trig0), flags0=flags0, rev_cat=rev_cat.astype(np.int32))


def verdict_effect(
    c: Compiled,
    counts: dict[str, Any],
    trials: int,
    seed: int,
    rounds: int,
    n: int,
    chunk: int = DEFAULT_CHUNK,
    progress: ProgressFn | None = None,
) -> VerdictEffect:
    """How much the engine's verdicts move the numbers (VerdictEffect), with the same random numbers."""
    p = (counts["a"] + counts["b"]) / trials
    p[c.side0 >= 0] = -1.0
    top = int(np.argmax(p)) if len(p) and p.max() > 0 else None
    base = counts if n == trials else run_counts(Runner(c, seed, rounds), n, chunk, count_paths=False)
    alt = run_counts(Runner(untriggered(c), seed, rounds), n, chunk, progress, count_paths=False)

    def share(cnt: dict[str, Any]) -> float:
        return 0.0 if top is None else float((cnt["a"][top] + cnt["b"][top]) / n)

    return VerdictEffect(
        state=None if top is None else c.ids[top], p_war=share(base), p_war_untriggered=share(alt),
        war_size_mean=outcome_value("war_size_mean", base, c, n),
        war_size_mean_untriggered=outcome_value("war_size_mean", alt, c, n), trials=n,
    )  # fmt: skip


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
    intensity: Intensity | str | None = None,
) -> SimulationResult:
    """Run the cascade for a scenario; see the module docstring.

    `intensity` (threat, display, use_of_force or war) replaces the scenario's: every probability
    is conditional on it. The sensitivity analysis runs `sensitivity_trials` (default 200,000, at
    most `trials`) per variation, and as many again for what the treaty verdicts weigh.
    """
    if intensity is not None:
        level = Intensity(intensity)
        scenario = scenario.model_copy(
            update={"simulation": scenario.simulation.model_copy(update={"intensity": level})}
        )
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
        n_s = sensitivity_runs(trials, sensitivity_trials)
        base_counts = counts if n_s == trials else run_counts(Runner(compiled, seed, rounds), n_s, chunk)
        base = outcome_value(outcome, base_counts, compiled, n_s)
        for label, kind, sc in variations(world, scenario):
            c2 = compile_scenario(world, sc, model)
            v = outcome_value(outcome, run_counts(Runner(c2, seed, rounds), n_s, chunk, progress), c2, n_s)
            sens.append(Sensitivity(change=label, kind=kind, outcome=v, delta=v - base))
        sens.sort(key=lambda s: -abs(s.delta))
    verdicts = None
    if sensitivity:
        n_v = sensitivity_runs(trials, sensitivity_trials)
        verdicts = verdict_effect(compiled, counts, trials, seed, rounds, n_v, chunk, progress)
    return SimulationResult(
        trials=trials,
        seed=seed,
        rounds=rounds,
        intensity=compiled.intensity,
        intensity_source=scenario.intensity_source,
        model=model.label,
        model_kind=model.kind,
        model_note=model_note(compiled.model, compiled.intensity),
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
        verdicts=verdicts,
    )
