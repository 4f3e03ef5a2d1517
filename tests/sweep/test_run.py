"""Running sweeps: numbers that match a direct simulation, resuming, and the same rows on Dask."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from casus.model import InputError
from casus.scenario import load_scenario
from casus.sweep.journal import JOURNAL
from casus.sweep.run import SweepError, run_sweep
from casus.sweep.spec import apply_inputs, load_plan
from casus.world import World

from .conftest import EXAMPLES, write_spec


def outcomes(frame: pd.DataFrame) -> pd.DataFrame:
    """Everything but the timing column, which differs from run to run."""
    return frame.drop(columns=["elapsed_s"]).reset_index(drop=True)


def test_a_cell_is_the_simulation_of_its_scenario_with_its_inputs(
    spec_file: Path, world: World, tmp_path: Path
) -> None:
    from casus.escalation import simulate
    from casus.model import Scenario

    plan = load_plan(spec_file, world)
    run = run_sweep(plan, tmp_path / "out", workers=0)
    assert run.computed == len(plan.cells) and run.reused == 0
    frame = pd.read_parquet(tmp_path / "out" / "results.parquet")
    assert list(frame.columns) == run.columns and len(frame) == len(plan.cells)
    assert frame["cell"].tolist() == list(range(len(plan.cells)))
    for cell in (plan.cells[1], plan.cells[-1]):
        entry = plan.scenarios[cell.scenario]
        data, model = apply_inputs(entry.data, plan.model, cell.inputs, {v.key: v for v in plan.variables})
        sim = simulate(
            world,
            Scenario.model_validate(data),
            trials=plan.spec.trials,
            seed=cell.seed,
            model=model,
            sensitivity=False,
        )
        row = frame.iloc[cell.index]
        prk = next(s for s in sim.states if s.state == "PRK")
        assert row["p_war:PRK"] == pytest.approx(prk.p_war, abs=1e-12)
        assert row["war_size_mean"] == pytest.approx(sim.war_size["mean"], abs=1e-12)
        spread = sum(
            p for k, p in sim.war_size["distribution"].items() if int(k) > len(sim.side_a) + len(sim.side_b)
        )
        assert row["p_spread"] == pytest.approx(spread, abs=1e-12)
        assert row["seed"] == cell.seed and row["model_version"] == plan.model.label
    # The inputs matter: North Korea's reliability moves its probability of joining under the broad reading.
    broad = frame[
        (frame["assumptions.readings.ru-kp-2024/Art. 4/state-of-war"] == "broad")
        & (frame.scenario_file.str.endswith("kursk-2025.yaml"))
    ]
    by_rel = broad.groupby("assumptions.overrides.PRK.reliability")["p_war:PRK"].mean()
    assert by_rel.is_monotonic_increasing and by_rel.iloc[-1] - by_rel.iloc[0] > 0.4
    manifest = json.loads((tmp_path / "out" / "sweep.json").read_text())
    assert (
        manifest["status"] == "complete" and manifest["cells"] == len(plan.cells) and manifest["seed"] == 11
    )
    assert (tmp_path / "out" / "summary.html").exists()


def test_an_interrupted_sweep_resumes_without_redoing_finished_cells(
    spec_file: Path, world: World, tmp_path: Path
) -> None:
    plan = load_plan(spec_file, world)
    out = tmp_path / "out"
    seen = [0]

    def interrupt(k: int) -> None:
        seen[0] += k
        if seen[0] == 9:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_sweep(plan, out, workers=0, advance=interrupt)
    assert len((out / JOURNAL).read_text().splitlines()) == 9
    assert not (out / "results.parquet").exists()
    # A crash mid-write leaves half a line: it is ignored, and the next row starts on a line of its own.
    with (out / JOURNAL).open("a") as fh:
        fh.write('{"cell_id": "0123')
    resumed = run_sweep(plan, out, workers=0)
    assert (resumed.reused, resumed.computed, resumed.unreadable) == (9, len(plan.cells) - 9, 1)
    fresh = run_sweep(plan, tmp_path / "fresh", workers=0)
    assert outcomes(pd.DataFrame(resumed.rows)).equals(outcomes(pd.DataFrame(fresh.rows)))
    again = run_sweep(plan, out, workers=0)
    assert (again.reused, again.computed) == (len(plan.cells), 0)


def test_changing_the_sweep_reuses_only_cells_that_are_still_the_same(tmp_path: Path, world: World) -> None:
    out = tmp_path / "out"
    first = load_plan(write_spec(tmp_path), world)
    run_sweep(first, out, workers=0)
    wider = load_plan(
        write_spec(
            tmp_path, vary={**first.spec.vary, "assumptions.overrides.PRK.reliability": [0.2, 0.5, 0.8, 1.0]}
        ),
        world,
    )
    run = run_sweep(wider, out, workers=0)
    assert (run.reused, run.computed) == (len(first.cells), len(wider.cells) - len(first.cells))
    more_trials = load_plan(write_spec(tmp_path, trials=4001), world)
    assert run_sweep(more_trials, out, workers=0).reused == 0


def test_a_local_dask_cluster_gives_the_same_rows_as_this_process(
    spec_file: Path, world: World, tmp_path: Path
) -> None:
    plan = load_plan(spec_file, world)
    local = run_sweep(plan, tmp_path / "a", workers=0)
    done: list[int] = []
    dask = run_sweep(plan, tmp_path / "b", workers=2, advance=done.append)
    assert dask.where == "local Dask cluster of 2 worker processes" and sum(done) == len(plan.cells)
    assert outcomes(pd.DataFrame(dask.rows)).equals(outcomes(pd.DataFrame(local.rows)))


def test_an_unreachable_scheduler_is_one_clear_error(spec_file: Path, world: World, tmp_path: Path) -> None:
    plan = load_plan(spec_file, world)
    with pytest.raises(SweepError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"):
        run_sweep(plan, tmp_path / "out", scheduler="tcp://127.0.0.1:9", connect_timeout=2)


def test_scenario_files_are_read_once_and_travel_as_data(
    spec_file: Path, world: World, tmp_path: Path
) -> None:
    plan = load_plan(spec_file, world)
    assert plan.scenarios[0].data["name"] == load_scenario(EXAMPLES / "kursk-2025.yaml", world).name
    moved = tmp_path / "moved"
    spec_file.rename(tmp_path / "renamed.yaml")  # the files are not needed once the plan is made
    assert run_sweep(plan, moved, workers=0).computed == len(plan.cells)


def test_small_cells_are_batched_but_every_worker_gets_several_tasks() -> None:
    from casus.sweep.run import MAX_BATCH, batch_size

    assert batch_size(trials=1_000_000, cells=10_000, slots=2) == 1  # big cells: one per task
    assert batch_size(trials=1_000, cells=10_000, slots=2) == MAX_BATCH
    assert batch_size(trials=50_000, cells=10_000, slots=2) == 5
    assert batch_size(trials=1_000, cells=40, slots=2) == 5  # 8 tasks for 2 threads
    assert batch_size(trials=1_000, cells=3, slots=8) == 1


def test_a_sweep_can_vary_the_intensity(tmp_path: Path, world: World) -> None:
    levels = {"simulation.intensity": ["use_of_force", "war"]}
    spec = write_spec(tmp_path, vary=levels, outcomes=["p_war:BLR"])
    plan = load_plan(spec, world)
    run_sweep(plan, tmp_path / "out", workers=0)
    frame = pd.read_parquet(tmp_path / "out" / "results.parquet")
    assert (frame["simulation.intensity"] == frame["intensity"]).all()
    blr = frame.set_index(["scenario_file", "intensity"])["p_war:BLR"]
    for f in frame.scenario_file.unique():
        assert blr[(f, "war")] > 2 * blr[(f, "use_of_force")]
    summary = (tmp_path / "out" / "summary.html").read_text()
    assert "conditional on the intensity each cell was run at" in summary and "use_of_force, war" in summary
    bad = write_spec(tmp_path, vary={"simulation.intensity": ["skirmish"]})
    with pytest.raises(InputError, match="not one of threat, display, use_of_force, war"):
        load_plan(bad, world)
