"""Monte Carlo escalation: how likely the war spreads, to whom, and how far.

`simulate(world, scenario, trials=..., seed=...)` compiles the scenario (see `cascade`), runs the
trials in chunks through the numba kernel (`runner`, `kernel`), summarises them with the reason
each join came about, and varies the scenario one change at a time (`sensitivity`). The same
scenario, seed and model give the same numbers whatever the chunk size or thread count. The
result types are in `casus.simulation`; their names are importable from here too.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from casus.cascade import Compiled, compile_scenario
from casus.joining import IDX, JoiningModel, load_model
from casus.model import Intensity, Scenario
from casus.runner import BLOCK, DEFAULT_CHUNK, PATH_SAMPLE, ProgressFn, Runner, level, run_counts, zconst
from casus.sensitivity import (
    SENSITIVITY_TRIALS,
    check_outcome,
    default_outcome,
    outcome_value,
    sensitivity_runs,
    untriggered,
    variations,
    verdict_effect,
)
from casus.simulation import (
    EscalationPath,
    PathStep,
    Sensitivity,
    SimulationResult,
    StateOutcome,
    VerdictEffect,
    model_note,
)
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
