"""Sweeps over scenarios set in a historical world: each runs in its year's world from ATOP and COW files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from casus.escalation import simulate
from casus.history.readers import read_folder
from casus.history.world import TABLES, historical_world
from casus.model import InputError
from casus.model.scenario import Scenario
from casus.sweep.run import run_sweep
from casus.sweep.spec import apply_inputs, load_plan, world_version
from casus.world import World, load_states

from .conftest import EXAMPLES, casus

JULY_1914 = EXAMPLES / "history" / "july-1914.yaml"
EXAMPLE_SWEEP = EXAMPLES / "sweeps" / "july-1914.yaml"


@pytest.fixture(scope="module")
def tables(shared_data: Path) -> dict[str, pd.DataFrame]:
    return read_folder(shared_data, TABLES)


def _spec(folder: Path, **changes: object) -> Path:
    spec: dict[str, object] = {
        "name": "1914",
        "scenarios": [str(JULY_1914)],
        "vary": {"assumptions.overrides.GRC.reliability": [0.0, 1.0]},
        "trials": 3000,
        "seed": 5,
        "outcomes": ["p_war:GRC", "p_war:GMY", "p_spread"],
    }
    spec.update(changes)
    path = folder / "sweep.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


def test_without_the_files_a_historical_scenario_is_a_located_problem(world: World, tmp_path: Path) -> None:
    with pytest.raises(InputError) as exc:
        load_plan(_spec(tmp_path), world)
    text = str(exc.value)
    assert f"{tmp_path / 'sweep.yaml'}:3: scenarios[0]" in text
    assert "outcomes" not in text  # the year's states are unknown without its files, not wrong
    assert "historical world of 1914: give the ATOP and COW files (--data DIR)" in text


def test_each_cell_runs_in_the_year_s_world_with_the_numbers_casus_run_gives(
    world: World, tables: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    plan = load_plan(_spec(tmp_path), world, tables)
    year_world = historical_world(tables, 1914, load_states())
    assert plan.worlds[0].provenance == year_world.provenance
    assert plan.scenarios[0].world_version == world_version(year_world) != world_version(world)
    rows = run_sweep(plan, tmp_path / "out", workers=0).rows
    assert "historical world of 1914 from" in (tmp_path / "out" / "summary.html").read_text()
    # Greece's defence pact with Serbia is the one obligation the attack triggers at once.
    never, always = sorted(rows, key=lambda r: r["assumptions.overrides.GRC.reliability"])
    assert always["p_war:GRC"] == 1.0 and never["p_war:GRC"] < 0.05
    assert always["p_spread"] == 1.0 > never["p_spread"]
    for row, cell in zip(rows, plan.cells, strict=True):
        variables = {v.key: v for v in plan.variables}
        data, model = apply_inputs(plan.scenarios[0].data, plan.model, cell.inputs, variables)
        sim = simulate(
            year_world,
            Scenario.model_validate(data),
            trials=3000,
            seed=cell.seed,
            model=model,
            sensitivity=False,
        )
        p = {s.state: s.p_war for s in sim.states}
        assert row["p_war:GMY"] == pytest.approx(p["GMY"], abs=1e-12)
        assert row["world_version"] == plan.scenarios[0].world_version


def test_a_sweep_may_mix_the_bundled_world_and_a_historical_year(
    world: World, tables: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    spec = _spec(
        tmp_path,
        scenarios=[str(JULY_1914), str(EXAMPLES / "kursk-2025.yaml")],
        vary={"assumptions.suppliers_are_cobelligerents": [False, True]},
        outcomes=["p_war:RUS", "p_spread"],
    )
    plan = load_plan(spec, world, tables)
    assert [w.provenance is None for w in plan.worlds] == [False, True]
    rows = run_sweep(plan, tmp_path / "out", workers=0).rows
    assert len({r["world_version"] for r in rows}) == 2
    assert plan.world_version not in {r["world_version"] for r in rows}  # one hash of both worlds
    # COW's GMY is a state of 1914, not of the bundled world of 2025.
    with pytest.raises(InputError) as exc:
        load_plan(_spec(tmp_path, scenarios=[str(JULY_1914), str(EXAMPLES / "kursk-2025.yaml")],
                        outcomes=["p_war:GMY"], vary={}), world, tables)  # fmt: skip
    assert "outcomes[0]: unknown state 'GMY' in outcome 'p_war:GMY': not in the world of scenario" in str(
        exc.value
    )
    assert "kursk-2025.yaml" in str(exc.value)


def test_an_outcome_unknown_in_the_year_s_world_is_refused(
    world: World, tables: dict[str, pd.DataFrame], tmp_path: Path
) -> None:
    with pytest.raises(InputError) as exc:
        load_plan(_spec(tmp_path, outcomes=["p_war:DEU"]), world, tables)
    assert "outcomes[0]: unknown state 'DEU' in outcome 'p_war:DEU'" in str(exc.value)


def test_the_example_sweep_runs_from_the_command_line_on_dask_as_in_process(
    shared_data: Path, tmp_path: Path
) -> None:
    spec = _spec(tmp_path, trials=2000)
    here = casus(
        "sweep", str(spec), "--data", str(shared_data), "--workers", "0", "--out", str(tmp_path / "a")
    )
    assert here.returncode == 0, here.stderr
    dask = casus(
        "sweep", str(spec), "--data", str(shared_data), "--workers", "2", "--out", str(tmp_path / "b")
    )
    assert dask.returncode == 0, dask.stderr
    a = pd.read_parquet(tmp_path / "a" / "results.parquet").drop(columns="elapsed_s")
    b = pd.read_parquet(tmp_path / "b" / "results.parquet").drop(columns="elapsed_s")
    pd.testing.assert_frame_equal(a, b)
    manifest = json.loads((tmp_path / "b" / "sweep.json").read_text())
    assert manifest["world_version"] == a.world_version.iloc[0]
    checked = casus("check", str(EXAMPLE_SWEEP), "--data", str(shared_data))
    assert checked.returncode == 0 and "(sweep)" in checked.stdout, checked.stdout + checked.stderr


def test_check_reads_a_historical_sweep_against_the_schema_without_the_files(tmp_path: Path) -> None:
    r = casus("check", str(EXAMPLE_SWEEP))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "schema only" in " ".join(r.stdout.split())
    bad = _spec(tmp_path, outcomes=["p_wars:GRC"])
    r = casus("check", str(bad))
    assert r.returncode != 0
    assert f"{bad}:" in r.stdout + r.stderr and "unknown outcome 'p_wars:GRC'" in r.stdout + r.stderr


def test_check_builds_a_year_once_for_the_scenarios_and_sweeps_set_in_it(
    shared_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from casus import check
    from casus.history import world as history_world

    built: list[int] = []

    def counting(tables, year, states):  # type: ignore[no-untyped-def]
        built.append(year)
        return historical_world(tables, year, states)

    monkeypatch.setattr(history_world, "historical_world", counting)
    report = check.check_paths([JULY_1914, EXAMPLE_SWEEP], history_data=shared_data)
    assert report.problems == [] and len(report.ok) == 2, report.problems
    assert built == [1914]
