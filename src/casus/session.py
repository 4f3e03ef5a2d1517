"""The use cases, once: run a scenario, score the model against history, read articles.

The command line, the service's jobs, sweep cells and Python users call a `Session`:
`run` (obligations, then the escalation; it decides the defaults — the scenario's trials and
seed, the sensitivity outcome, the sensitivity cap — in one place, and `RunResult.to_json` is
the documented shape of `casus run --json` and of a stored run), `counts` (a sweep cell),
`backtest` (`casus backtest`) and `read` (`casus read`).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from casus.joining import JoiningModel, load_model
from casus.model import Intensity, Scenario
from casus.obligations import ObligationResult, casus_foederis, results_json
from casus.world import World

__all__ = ["BacktestRun", "Reading", "RunResult", "Session"]


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


@dataclass(frozen=True)
class BacktestRun:
    """A backtest's scores (`summary`, the JSON of `casus backtest --json`) and what lies behind
    them: every scored candidate, and the tables read."""

    summary: dict[str, Any]
    scored: Any  # pandas DataFrame: every candidate's probability under each scorer
    tables: dict[str, Any]
    test_participants: Any

    def predictions(self) -> Any:
        """Every candidate's probability and rank in its dispute (`casus.history.explain`)."""
        from casus.history.explain import predictions

        return predictions(self.scored, self.tables["cow_states"])

    def write_predictions(self, path: str | os.PathLike[str]) -> None:
        """The predictions as CSV."""
        from casus.history.explain import write_predictions

        write_predictions(self.predictions(), Path(path))

    def write_report(self, path: str | os.PathLike[str]) -> None:
        """The HTML backtest report."""
        from casus.backtest_report import write_backtest_report
        from casus.history.explain import disputes

        cases = disputes(self.predictions(), self.test_participants, self.tables["cow_states"])
        write_backtest_report(self.summary, self.scored, Path(path), cases)


@dataclass(frozen=True)
class Reading:
    """What `read` gives: one reading per article and, when asked, their comparison."""

    articles: list[Any]  # casus.evidence.model.ArticleReading
    comparison: dict[str, Any] | None = None  # copies, events and provisions (casus.evidence.compare)
    skipped: list[str] = field(default_factory=list)  # files of a folder that could not be read
    min_confidence: float = 0.0  # claims less likely right than this were left out

    def confidence_note(self) -> dict[str, Any]:
        """What each claim's `confidence` means: the model, what it was fitted on, any cut-off."""
        from casus.evidence.confidence import MEANING, MODEL_VERSION, REASONS
        from casus.evidence.confidence import load as load_confidence

        fitted = {coder: m.fitted_on for coder, m in load_confidence().items()}
        return {"meaning": MEANING, "reasons": REASONS, "model": MODEL_VERSION, "fitted_on": fitted,
                "min_confidence": self.min_confidence}  # fmt: skip

    def to_json(self) -> dict[str, Any]:
        """The documented JSON of `casus read --json`."""
        data: dict[str, Any] = {"articles": [r.model_dump(mode="json") for r in self.articles],
                                "confidence": self.confidence_note()}  # fmt: skip
        if self.comparison is not None:
            data["comparison"] = self.comparison
        if self.skipped:
            data["skipped"] = self.skipped
        return data


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
        from casus.sensitivity import sensitivity_runs, variations

        return trials + sensitivity_runs(trials, cap) * (len(variations(self.world, scenario)) + 1)

    def counts(self, scenario: Scenario, *, trials: int, seed: int) -> tuple[Any, dict[str, Any]]:
        """A sweep cell's run: the compiled scenario (with the engine's verdicts) and the raw counts
        of `trials` trials, without escalation paths or a summary."""
        from casus.cascade import compile_scenario
        from casus.runner import Runner, run_counts

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
            from casus.escalation import simulate
            from casus.sensitivity import default_outcome, sensitivity_runs

            sim = simulate(
                self.world, scenario, trials=n, seed=used_seed, model=self.model, sensitivity=sensitivity,
                sensitivity_trials=sensitivity_runs(n, sensitivity_cap),
                outcome=outcome or default_outcome(self.world, scenario), progress=progress,
            )  # fmt: skip
        return RunResult(scenario, self.world, obligations, sim, used_seed)

    @staticmethod
    def backtest(
        tables: dict[str, Any],
        *,
        participants: Any | None = None,
        protocol: Literal["single", "forward", "blocked"] = "single",
        model: JoiningModel | None = None,
        blocks: int = 5,
        trials: int = 256,
        seed: int = 0,
        intervals: int = 0,
        without: dict[str, str] | None = None,
        progress: Callable[[int], None] | None = None,
        on_total: Callable[[int], None] | None = None,
    ) -> BacktestRun:
        """Score the cascade and its baselines against who joined the disputes in `tables`
        (`casus.history.readers.read_folder`), or in `participants` (a MID participants table)
        when given; see `casus.history.evaluate.backtest` for the protocols. `on_total` is told how
        many disputes will be scored before the first is; `progress` as each is."""
        from casus.history.cascade import HistoryWorld
        from casus.history.evaluate import backtest
        from casus.history.features import build, history_table

        data_cands = build(tables)
        test_cands = data_cands if participants is None else build(tables, participants=participants)
        test_parts = tables["mid_participants"] if participants is None else participants
        world = HistoryWorld(tables, history_table(tables, test_parts))
        if on_total is not None:
            on_total(int(test_cands.dispnum.nunique()))
        summary = backtest(
            data_cands, test_cands, world=world, test_participants=test_parts, protocol=protocol,
            model=model, blocks=blocks, trials=trials, seed=seed, progress=progress, without=without,
            intervals=intervals,
        )  # fmt: skip
        scored = summary.pop("_scored", None)
        return BacktestRun(summary, scored, tables, test_parts)

    def read(
        self,
        inputs: Sequence[str | os.PathLike[str]],
        *,
        on: dt.date | None = None,
        compare: bool = False,
        coder: str | None = None,
        min_confidence: float | None = None,
    ) -> Reading:
        """Read articles (text, HTML or feed files, folders, http(s) addresses): actors, claims,
        provision links and flags, each as of `on` (default: the article's date); with `compare`,
        what they say about the same subject set side by side. `coder` ("parse" or "rules")
        picks the claim coder (default: the parser when installed). Claims less likely right
        than `min_confidence` (default `casus.evidence.confidence.MIN_CONFIDENCE`; 0 keeps all)
        are left out, of the comparison too. Raises `SourceError` for an input that cannot be
        read; a bad file inside a folder is listed in `skipped` instead."""
        from casus.evidence.compare import compare as compare_readings
        from casus.evidence.read import read_documents
        from casus.evidence.sources import load

        skipped: list[str] = []
        docs = load([os.fspath(x) for x in inputs], skipped)
        from casus.evidence.confidence import MIN_CONFIDENCE

        cut = MIN_CONFIDENCE if min_confidence is None else min_confidence
        readings = list(read_documents(docs, on=on, coder=coder, min_confidence=cut))
        texts = [d.text for d in docs]
        comparison = compare_readings(readings, texts) if compare else None
        return Reading(readings, comparison, skipped, cut)
