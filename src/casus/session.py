"""The use cases, once: run a scenario (obligations, then the escalation), for every face.

The command line, the service's jobs and Python users call `Session.run`; it decides the
defaults (the scenario's trials and seed, the sensitivity outcome, the sensitivity cap) in one
place, and `RunResult.to_json` is the documented shape of `casus run --json` and of a stored run.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from casus.joining import JoiningModel, load_model
from casus.model import Intensity, Scenario
from casus.obligations import ObligationResult, casus_foederis, results_json
from casus.world import World

__all__ = ["RunResult", "Session"]


@dataclass(frozen=True)
class RunResult:
    """What a run gives: the obligations the events trigger and, with trials, the escalation."""

    scenario: Scenario
    world: World
    obligations: list[ObligationResult]
    simulation: Any | None  # casus.escalation.SimulationResult; None with no trials
    seed: int

    def to_json(self) -> dict[str, Any]:
        """The documented JSON of `casus run --json` (and of a stored run's result)."""
        data = results_json(self.scenario, self.obligations, self.world)
        if self.simulation is not None:
            data["simulation"] = self.simulation.model_dump(mode="json")
        return data

    def obligations_frame(self) -> Any:
        """The obligations as a pandas DataFrame (`casus.obligations.to_frame`)."""
        from casus.obligations import to_frame

        return to_frame(self.obligations)


class Session:
    """A world and a joining model, and the runs made on them."""

    def __init__(self, world: World, model: JoiningModel | None = None) -> None:
        self.world = world
        self._model = model

    @property
    def model(self) -> JoiningModel:
        """The joining model: the one given, else the shipped one (read when first needed)."""
        if self._model is None:
            self._model = load_model()
        return self._model

    def with_intensity(self, scenario: Scenario, intensity: Intensity | str | None) -> Scenario:
        """The scenario asked at another intensity (unchanged for None)."""
        if intensity is None:
            return scenario
        level = scenario.simulation.model_copy(update={"intensity": Intensity(intensity)})
        return scenario.model_copy(update={"simulation": level})

    def planned_trials(
        self, scenario: Scenario, trials: int, sensitivity: bool = True, cap: int | None = None
    ) -> int:
        """Every trial a run will simulate, sensitivity and the verdicts' weighing included, as
        progress counts them (0 with no trials)."""
        if trials <= 0:
            return 0
        if not sensitivity:
            return trials
        from casus.escalation import sensitivity_runs, variations

        return trials + sensitivity_runs(trials, cap) * (len(variations(self.world, scenario)) + 1)

    def counts(self, scenario: Scenario, *, trials: int, seed: int) -> tuple[Any, dict[str, Any]]:
        """A sweep cell's run: the compiled scenario (with the engine's verdicts) and the raw counts
        of `trials` trials, without escalation paths or a summary."""
        from casus.cascade import compile_scenario
        from casus.escalation import Runner, run_counts

        compiled = compile_scenario(self.world, scenario, self.model)
        counts = run_counts(Runner(compiled, seed, scenario.simulation.rounds), trials, count_paths=False)
        return compiled, counts

    def run(
        self,
        scenario: Scenario,
        *,
        trials: int | None = None,
        seed: int | None = None,
        intensity: Intensity | str | None = None,
        outcome: str | None = None,
        sensitivity: bool = True,
        sensitivity_cap: int | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> RunResult:
        """Obligations, then (with trials) the escalation at the scenario's intensity.

        Defaults: the scenario's trials and seed; the sensitivity outcome `default_outcome`
        picks; at most `sensitivity_cap` trials per sensitivity variation (`sensitivity_runs`).
        Raises ValueError for an unknown outcome, before any trial runs.
        """
        scenario = self.with_intensity(scenario, intensity)
        obligations = casus_foederis(self.world, scenario)
        n = scenario.simulation.trials if trials is None else trials
        used_seed = scenario.simulation.seed if seed is None else seed
        sim = None
        if n > 0:
            from casus.escalation import default_outcome, sensitivity_runs, simulate

            sim = simulate(
                self.world, scenario, trials=n, seed=used_seed, model=self.model, sensitivity=sensitivity,
                sensitivity_trials=sensitivity_runs(n, sensitivity_cap),
                outcome=outcome or default_outcome(self.world, scenario), progress=progress,
            )  # fmt: skip
        return RunResult(scenario, self.world, obligations, sim, used_seed)
