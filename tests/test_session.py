"""The use-case layer: one run of a scenario for every face, the same JSON as the engines give."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from casus.escalation import default_outcome, sensitivity_runs, simulate
from casus.obligations import casus_foederis, results_json
from casus.scenario import load_scenario
from casus.session import Session
from casus.world import World

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("name", ["belgorod-2025", "korea-clash"])
def test_a_session_run_is_the_engines_run(world: World, name: str) -> None:
    scenario = load_scenario(EXAMPLES / f"{name}.yaml", world)
    got = Session(world).run(scenario, trials=3000, seed=5).to_json()
    want = results_json(scenario, casus_foederis(world, scenario), world)
    sim = simulate(world, scenario, trials=3000, seed=5, sensitivity_trials=sensitivity_runs(3000),
                   outcome=default_outcome(world, scenario))  # fmt: skip
    want["simulation"] = sim.model_dump(mode="json")
    assert got == want


def test_the_command_line_prints_the_sessions_json(world: World) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "casus", "run", "kursk-2025", "--json", "--trials", "2000", "--seed", "3"],
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    scenario = load_scenario(EXAMPLES / "kursk-2025.yaml", world)
    assert json.loads(r.stdout) == Session(world).run(scenario, trials=2000, seed=3).to_json()


def test_planned_trials_count_what_progress_reports(world: World) -> None:
    scenario = load_scenario(EXAMPLES / "belgorod-2025.yaml", world)
    session = Session(world)
    seen: list[int] = []
    result = session.run(scenario, trials=3000, seed=1, progress=seen.append)
    assert sum(seen) == session.planned_trials(scenario, 3000) and result.seed == 1
    assert (
        session.planned_trials(scenario, 0) == 0
        and session.planned_trials(scenario, 10, sensitivity=False) == 10
    )
    none = session.run(scenario, trials=0)
    assert none.simulation is None and "simulation" not in none.to_json() and len(none.obligations_frame())
    war = session.run(scenario, trials=2000, intensity="war", sensitivity=False)
    assert war.simulation is not None and war.simulation.intensity.value == "war"
