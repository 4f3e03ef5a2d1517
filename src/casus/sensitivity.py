"""Sensitivity: the outcomes a run can be asked about, the one-change-at-a-time variations of a
scenario (intensity included), how many trials each gets, and what the treaty verdicts weigh
(`verdict_effect`: the same random numbers with every triggered tie counted as untriggered)."""

from __future__ import annotations

from typing import Any

import numpy as np

from casus.cascade import Compiled
from casus.model import Intensity, Scenario, initial_sides
from casus.runner import DEFAULT_CHUNK, ProgressFn, Runner, run_counts
from casus.simulation import VerdictEffect
from casus.ties import CONTESTED, UNTRIGGERED
from casus.world import World

__all__ = [
    "SENSITIVITY_TRIALS",
    "check_outcome",
    "default_outcome",
    "outcome_value",
    "sensitivity_runs",
    "untriggered",
    "variations",
    "verdict_effect",
]

SENSITIVITY_TRIALS = 200_000  # trials per sensitivity variation, at most the run's own


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
