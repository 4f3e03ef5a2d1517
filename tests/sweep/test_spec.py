"""Sweep files: checking, expansion into cells, seeds that do not depend on scheduling."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casus.model import InputError
from casus.sweep.spec import apply_inputs, load_plan
from casus.sweep.variables import parse_variable
from casus.world import World

from .conftest import EXAMPLES, write_spec

READING = "assumptions.readings.ru-kp-2024/Art. 4/state-of-war"


def problems(path: Path, world: World) -> list[str]:
    with pytest.raises(InputError) as info:
        load_plan(path, world)
    return [str(p) for p in info.value.problems]


def test_grid_expands_every_combination_per_scenario(spec_file: Path, world: World) -> None:
    plan = load_plan(spec_file, world)
    assert len(plan.cells) == 2 * 2 * 2 * 3
    assert plan.levels["assumptions.overrides.PRK.reliability"] == [0.2, 0.5, 0.8]
    combos = {(c.scenario, tuple(c.inputs.values())) for c in plan.cells}
    assert len(combos) == len(plan.cells)
    assert len({c.cell_id for c in plan.cells}) == len(plan.cells)
    assert len({c.seed for c in plan.cells}) == len(plan.cells)  # per-cell seeds by default


def test_cell_seeds_depend_on_the_cell_not_on_the_rest_of_the_sweep(tmp_path: Path, world: World) -> None:
    full = load_plan(write_spec(tmp_path), world)
    (tmp_path / "b").mkdir()
    # Another scenario first, another order of inputs, fewer values: the shared cells keep their seeds.
    spec = write_spec(
        tmp_path / "b",
        scenarios=[str(EXAMPLES / "belgorod-2025.yaml")],
        vary={
            "assumptions.overrides.PRK.reliability": [0.8, 0.5],
            "assumptions.suppliers_are_cobelligerents": [True],
            READING: ["narrow", "broad"],
        },
    )
    part = load_plan(spec, world)
    key = lambda c, plan: (plan.scenarios[c.scenario].file, tuple(sorted(c.inputs.items())))  # noqa: E731
    seeds = {key(c, full): (c.seed, c.cell_id) for c in full.cells}
    for c in part.cells:
        assert seeds[key(c, part)] == (c.seed, c.cell_id)


def test_common_seeds_and_random_samples(tmp_path: Path, world: World) -> None:
    spec = write_spec(
        tmp_path,
        seeds="common",
        sample={"random": 7},
        vary={
            "assumptions.overrides.PRK.reliability": {"from": 0, "to": 1},
            "simulation.rounds": {"from": 1, "to": 8},
        },
    )
    plan = load_plan(spec, world)
    assert len(plan.cells) == 2 * 7
    assert {c.seed for c in plan.cells} == {11}
    values = [c.inputs["assumptions.overrides.PRK.reliability"] for c in plan.cells[:7]]
    assert all(0 <= v <= 1 for v in values) and len(set(values)) == 7
    assert all(
        isinstance(c.inputs["simulation.rounds"], int) and 1 <= c.inputs["simulation.rounds"] <= 8
        for c in plan.cells
    )
    # The same samples for every scenario, and the same again from the same seed.
    assert [c.inputs for c in plan.cells[:7]] == [c.inputs for c in plan.cells[7:]]
    assert [c.inputs for c in load_plan(spec, world).cells] == [c.inputs for c in plan.cells]


def test_inputs_reach_the_scenario_and_the_model(world: World) -> None:
    from casus.joining import load_model

    data = yaml.safe_load((EXAMPLES / "belgorod-2025.yaml").read_text())
    model = load_model()
    keys = [
        READING,
        "assumptions.overrides.PRK.reliability",
        "model.coefficients.defense_triggered",
        "simulation.rounds",
    ]
    variables = {k: parse_variable(k) for k in keys}
    inputs = dict(zip(keys, ["narrow", 0.3, 9.5, 3], strict=True))
    changed, m2 = apply_inputs(data, model, inputs, variables)
    assert changed["assumptions"]["readings"]["ru-kp-2024/Art. 4/state-of-war"] == "narrow"
    assert changed["assumptions"]["overrides"]["PRK"] == {"reliability": 0.3}
    assert changed["simulation"] == {"rounds": 3}
    assert changed["assumptions"]["suppliers_are_cobelligerents"] is False  # the rest kept
    assert m2.coefficients["defense_triggered"] == 9.5 and model.coefficients["defense_triggered"] != 9.5
    assert "overrides" not in data["assumptions"]  # the original is untouched


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        (
            {"vary": {"assumptions.nuclear_war": [True]}},
            "sweep.yaml:6: vary.assumptions.nuclear_war: cannot vary",
        ),
        ({"vary": {"assumptions.nuclear_deterrence": [1, 2]}}, "1 is not true or false"),
        ({"vary": {"assumptions.overrides.PRK.reliability": [0.5, 1.5]}}, "1.5 is outside 0..1"),
        ({"vary": {"model.coefficients.charm": [1.0]}}, "unknown model feature 'charm'"),
        ({"vary": {READING: ["broad", "sideways"]}}, "'sideways' does not fit scenario"),
        ({"vary": {"assumptions.overrides.SUN.fights": [True]}}, "SUN"),
        ({"vary": {"assumptions.nuclear_deterrence": []}}, "give at least one value"),
        ({"vary": {"assumptions.nuclear_deterrence": {"from": 0, "to": 1}}}, "needs a numeric input"),
        ({"outcomes": ["p_war:XXX"]}, "unknown state 'XXX'"),
        ({"outcomes": ["p_victory"]}, "unknown outcome 'p_victory'"),
        ({"outcomes": ["p_war:SUN"]}, "SUN did not exist on 2025-01-15"),
        ({"trials": 0}, "trials: Input should be greater than or equal to 1"),
        ({"seeds": "random"}, "seeds"),
        ({"scenarios": ["nowhere.yaml"]}, "cannot read file"),
        ({"model": "missing.json"}, "model: "),
        ({"sample": {"random": 10**7}}, "sample"),
        (
            {"summary": {"heatmaps": [{"x": READING, "y": "simulation.rounds", "outcome": "p_spread"}]}},
            "summary.heatmaps[0].y: 'simulation.rounds' is not one of the varied inputs",
        ),
        ({"summary": {"flips": [{"outcome": "p_war:USA"}]}}, "is not one of the recorded outcomes"),
        (
            {
                "vary": {
                    f"model.coefficients.{f}": {"from": 0, "to": 1, "steps": 100}
                    for f in ("major_power", "nuclear", "capability")
                }
            },
            "cells; a sweep holds at most 1,000,000",
        ),
        ({"name": ""}, "name"),
        ({"scenarios": [str(EXAMPLES / "kursk-2025.yaml")] * 2}, "a scenario is listed more than once"),
    ],
)
def test_bad_sweep_files_name_file_line_and_field(
    tmp_path: Path, world: World, changes: dict, expected: str
) -> None:  # type: ignore[type-arg]
    found = problems(write_spec(tmp_path, **changes), world)
    assert found and all(line.startswith(str(tmp_path / "sweep.yaml")) for line in found), found
    assert any(expected in line for line in found), found


def test_not_yaml_and_not_a_mapping(tmp_path: Path, world: World) -> None:
    bad = tmp_path / "sweep.yaml"
    bad.write_text("name: [unclosed\n", encoding="utf-8")
    assert "invalid YAML" in problems(bad, world)[0]
    bad.write_text("- a\n- b\n", encoding="utf-8")
    assert "a sweep file is a mapping" in problems(bad, world)[0]


values = st.one_of(st.booleans(), st.integers(-5, 60), st.floats(allow_nan=True), st.text(max_size=8))
keys = st.sampled_from(
    [
        READING,
        "assumptions.nuclear_deterrence",
        "assumptions.overrides.PRK.reliability",
        "assumptions.overrides.ZZZ.fights",
        "simulation.rounds",
        "model.intercept",
        "model.x",
        "vary",
        "",
    ]
)
vary = st.dictionaries(
    keys,
    st.one_of(st.lists(values, max_size=3), st.fixed_dictionaries({"from": values, "to": values}), values),
    max_size=3,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    vary=vary,
    trials=st.one_of(st.integers(-2, 50), st.text(max_size=3)),
    outcomes=st.lists(st.text(max_size=12), max_size=2),
)
def test_fuzzed_sweep_files_give_a_plan_or_located_problems(
    tmp_path: Path, world: World, vary: dict, trials: object, outcomes: list[str]
) -> None:  # type: ignore[type-arg]
    path = write_spec(tmp_path, vary=vary, trials=trials, outcomes=outcomes or ["p_spread"])
    try:
        plan = load_plan(path, world)
    except InputError as exc:
        assert exc.problems and all(p.file == str(path) and p.message for p in exc.problems)
        return
    assert len(plan.cells) >= 2


def test_without_inputs_to_vary_there_is_one_cell_per_scenario(tmp_path: Path, world: World) -> None:
    from casus.sweep.run import run_sweep

    plan = load_plan(write_spec(tmp_path, vary={}), world)
    assert [c.inputs for c in plan.cells] == [{}, {}]
    run = run_sweep(plan, tmp_path / "out", workers=0)
    assert len(run.rows) == 2 and "No inputs are varied" in (tmp_path / "out" / "summary.html").read_text()


def test_a_sweep_without_a_model_runs_the_one_casus_run_uses(spec_file: Path, world: World) -> None:
    from casus.joining import load_model

    assert "model" not in yaml.safe_load(spec_file.read_text())
    assert load_plan(spec_file, world).model == load_model()  # the today model, fitted on what it can measure
    assert load_plan(EXAMPLES / "sweeps" / "korea-pact.yaml", world).model.version == "today-all"
