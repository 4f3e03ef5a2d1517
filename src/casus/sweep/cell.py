"""One sweep cell: set its inputs, decide the obligations, run the Monte Carlo, record the outcomes.

`run_cell` is what Dask workers execute. Everything it needs travels in a `Context` (the world
each scenario runs in, the scenarios as data, the joining model), so a worker on another machine
needs casus installed and nothing else; the row it returns names the casus version that computed it.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import numpy as np

from casus.joining import JoiningModel
from casus.sweep.spec import Cell, Plan, ScenarioEntry, apply_inputs
from casus.sweep.variables import Variable
from casus.version import __version__
from casus.world import World

# Columns every row has besides the varied inputs and the outcomes.
META = (
    "cell",
    "cell_id",
    "scenario",
    "scenario_file",
    "seed",
    "trials",
    "rounds",
    "intensity",
    "model_version",
    "data_version",
    "casus_version",
    "world_version",
    "spec_digest",
    "elapsed_s",
)


@dataclass(frozen=True)
class Context:
    """What every cell of a sweep shares; sent to each worker once."""

    worlds: list[World]  # aligned with `scenarios`
    scenarios: list[ScenarioEntry]
    variables: dict[str, Variable]
    model: JoiningModel
    outcomes: list[str]
    trials: int
    spec_digest: str
    threads: int | None = None  # simulation threads per cell (None: numba's default)

    @classmethod
    def of(cls, plan: Plan, threads: int | None) -> Context:
        """The context of a checked plan."""
        return cls(
            plan.worlds,
            plan.scenarios,
            {v.key: v for v in plan.variables},
            plan.model,
            list(plan.spec.outcomes),
            plan.spec.trials,
            plan.spec_digest,
            threads,
        )


def outcome(name: str, counts: dict[str, Any], compiled: Any, trials: int, triggered: list[str]) -> float:
    """The value of one outcome (see `casus.sweep.spec.OUTCOME_HELP`) for a finished run."""
    from casus.sensitivity import outcome_value

    if name == "triggered":
        return float(len(triggered))
    kind, _, arg = name.partition(":")
    if kind == "triggered":
        return float(sum(1 for t in triggered if t == arg))
    if name == "p_spread":
        initial = int((compiled.side0 >= 0).sum())
        return float(counts["sizes"][initial + 1 :].sum() / trials)
    if kind in ("p_side_a", "p_side_b"):
        i = compiled.index.get(arg)
        if i is None:
            return 0.0
        side = 0 if kind == "p_side_a" else 1
        if compiled.side0[i] >= 0:
            return float(compiled.side0[i] == side)
        return float(counts["ab"[side]][i] / trials)
    if kind == "p_war" and arg not in compiled.index:
        return 0.0
    return outcome_value(name, counts, compiled, trials)


def run_cell(cell: Cell, ctx: Context) -> dict[str, Any]:
    """Run one cell; the row it contributes to the results."""
    from casus.model import Scenario
    from casus.obligations import Status
    from casus.session import Session

    t0 = time.perf_counter()
    if ctx.threads is not None:
        import numba

        numba.set_num_threads(min(ctx.threads, numba.config.NUMBA_NUM_THREADS))  # type: ignore[attr-defined]
    entry = ctx.scenarios[cell.scenario]
    data, model = apply_inputs(entry.data, ctx.model, cell.inputs, ctx.variables)
    scenario = Scenario.model_validate(data)
    # The compiled scenario holds the obligation engine's verdicts in the scenario's own world.
    compiled, counts = Session(ctx.worlds[cell.scenario], model).counts(
        scenario, trials=ctx.trials, seed=cell.seed
    )
    triggered = [r.treaty for r in compiled.results if r.status is Status.TRIGGERED]
    rounds = scenario.simulation.rounds
    row: dict[str, Any] = {
        "cell": cell.index,
        "cell_id": cell.cell_id,
        "scenario": entry.name,
        "scenario_file": entry.file,
        **cell.inputs,
    }
    for name in ctx.outcomes:
        value = outcome(name, counts, compiled, ctx.trials, triggered)
        row[name] = value
        if name.startswith("p_"):
            row[f"{name}_se"] = math.sqrt(max(value * (1 - value), 0.0) / ctx.trials)
    row.update(
        seed=cell.seed,
        trials=ctx.trials,
        rounds=rounds,
        intensity=compiled.intensity.value,
        model_version=model.label,
        data_version=model.data_version or "",
        casus_version=__version__,
        world_version=entry.world_version,
        spec_digest=ctx.spec_digest,
        elapsed_s=round(time.perf_counter() - t0, 4),
    )
    return {k: (v.item() if isinstance(v, np.generic) else v) for k, v in row.items()}


def run_cells(cells: list[Cell], ctx: Context) -> list[dict[str, Any]]:
    """Run several cells in one task (small cells are batched so scheduling costs little)."""
    return [run_cell(c, ctx) for c in cells]
