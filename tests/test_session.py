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


def test_a_session_reading_is_what_casus_read_prints(world: World, tmp_path: Path) -> None:
    import datetime as dt

    a = tmp_path / "a.txt"
    a.write_text(
        "Russia and North Korea signed a treaty on comprehensive strategic partnership in Pyongyang. "
        "South Korea's defence ministry said North Korea had sent troops to Russia.\n",
        encoding="utf-8",
    )
    b = tmp_path / "b.txt"
    b.write_text("North Korea denied that it had sent troops to Russia, KCNA said.\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "casus", "read", str(a), str(b), "--compare", "--json", "--date", "2024-10-20"],  # noqa: E501
        capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    got = Session(world).read([a, b], on=dt.date(2024, 10, 20), compare=True)
    assert json.loads(r.stdout) == got.to_json()
    assert len(got.articles) == 2 and got.comparison is not None
    assert any(c.relation for c in got.articles[0].claims)


def test_a_session_backtest_is_casus_backtest(shared_data: Path, tmp_path: Path) -> None:
    from casus.history.readers import read_folder
    from casus.joining import load_model

    tables = read_folder(shared_data)
    # The 1990s' disputes keep this quick; the command and the session score the same ones.
    parts = tables["mid_participants"]
    decade = parts[parts.styear.between(1990, 1999)]
    csv = tmp_path / "parts.csv"
    decade.to_csv(csv, index=False)
    r = subprocess.run(
        [sys.executable, "-m", "casus", "backtest", "--data", str(shared_data), "--participants", str(csv),
         "--trials", "64", "--intervals", "0", "--json"],
        capture_output=True, text=True, timeout=900, check=True,
    )  # fmt: skip
    # Without --model the command scores the shipped full model; the session, given it, does too.
    model = load_model("calibrated")
    run = Session.backtest(tables, participants=decade, model=model, trials=64, intervals=0)
    assert json.loads(r.stdout) == json.loads(json.dumps(run.summary))
    assert 0 < run.summary["n_disputes"] <= decade.dispnum.nunique()
    assert len(run.predictions()) == run.summary["n_candidates"]


def test_python_entry_points_take_plain_strings(world: World, tmp_path: Path) -> None:
    from casus.check import check_paths
    from casus.joining import load_model
    from casus.report import write_report
    from casus.sweep.spec import load_plan
    from casus.world import load_treaty_file, load_world

    scenario = load_scenario(str(EXAMPLES / "kursk-2025.yaml"), world)
    assert load_model("today").kind and load_model(str(Path("prior"))).kind
    treaty = next((Path(__file__).parents[1] / "src/casus/data/treaties").glob("*.yaml"))
    assert load_treaty_file(str(treaty), world.states).id
    assert load_world(treaties=[str(treaty.parent)], use_env=False).treaties.keys() == world.treaties.keys()
    result = Session(world).run(scenario, trials=0)
    write_report(str(tmp_path / "r.html"), scenario, result.obligations, world, None)
    assert (tmp_path / "r.html").stat().st_size > 1000
    assert not check_paths([str(EXAMPLES / "kursk-2025.yaml")]).problems
    assert load_plan(str(EXAMPLES / "sweeps" / "korea-pact.yaml"), world).cells
