"""The escalation simulator: reproducibility, agreement with the reference, overrides, outputs."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hst

import casus
from casus import join_table, kernel
from casus.cascade import compile_scenario
from casus.escalation import Runner, run_counts, simulate
from casus.joining import FEATURES, JoiningModel, WarLevel, load_model
from casus.model import InputError, Scenario
from casus.scenario import load_scenario
from casus.world import World

from .compiled_reference import join_probability
from .simulate_reference import _features, _probability, run_reference

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def example(world: World, name: str) -> Scenario:
    return load_scenario(EXAMPLES / f"{name}.yaml", world)


def run_json(name: str, args: list[str], env: dict[str, str]) -> dict[str, Any]:
    """`casus run EXAMPLE --json ARGS` in a fresh process."""
    cmd = [sys.executable, "-m", "casus", "run", str(EXAMPLES / f"{name}.yaml"), "--json", *args]
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300)
    assert r.returncode == 0, r.stderr
    out: dict[str, Any] = json.loads(r.stdout)
    return out


def test_same_seed_same_numbers_and_chunk_size_does_not_matter(world: World) -> None:
    c = compile_scenario(world, example(world, "belgorod-2025"), load_model())
    big = run_counts(Runner(c, 11, 8), 20_480, chunk=1 << 20)
    small = run_counts(Runner(c, 11, 8), 20_480, chunk=2048)
    for key in ("a", "b", "sizes"):
        assert np.array_equal(big[key], small[key])
    assert big["nucopp"] == small["nucopp"] and big["paths"] == small["paths"]
    other = run_counts(Runner(c, 12, 8), 20_480)
    assert not np.array_equal(big["b"], other["b"])


def test_thread_count_does_not_matter(tmp_path: Path) -> None:
    outs = []
    for threads in ("1", "2"):
        env = {**os.environ, "NUMBA_NUM_THREADS": threads}
        env.pop("CASUS_TREATIES", None)
        args = ["--trials", "30000", "--seed", "5", "--no-sensitivity"]
        outs.append(run_json("estonia", args, env)["simulation"])
    assert outs[0] == outs[1]


def test_counter_based_draws_are_uniform() -> None:
    u = np.array([kernel.uniform(3, t, r, s) for t in range(200) for r in (1, 2) for s in range(50)])
    assert u.min() >= 0 and u.max() < 1
    assert abs(u.mean() - 0.5) < 0.01 and abs(u.var() - 1 / 12) < 0.003
    assert kernel.uniform(3, 7, 1, 4) == kernel.uniform(3, 7, 1, 4) != kernel.uniform(4, 7, 1, 4)


def test_kernel_probability_is_the_model_probability(world: World) -> None:
    sc = example(world, "belgorod-2025")
    c = compile_scenario(world, sc, load_model())
    runner = Runner(c, 1, 8)
    glob = {
        "maj_a": bool(runner.glob0[0]),
        "maj_b": bool(runner.glob0[1]),
        "nuc_a": bool(runner.glob0[2]),
        "nuc_b": bool(runner.glob0[3]),
    }
    for i in range(c.n):
        if c.side0[i] >= 0:
            continue
        flags = [int(c.flags0[i, 0]), int(c.flags0[i, 1])]
        adj = (bool(c.adj0[i, 0]), bool(c.adj0[i, 1]))
        for s in (0, 1):
            expected = _probability(c, i, s, _features(c, i, s, flags, adj, glob))
            assert math.isclose(runner.p0[i, s], expected, rel_tol=1e-12, abs_tol=1e-15), (c.ids[i], s)


def test_fast_engine_agrees_with_the_reference(world: World) -> None:
    """Two-proportion z-tests per state and side, Bonferroni-corrected; different random streams.

    Run with the prior: its larger probabilities exercise many more cascade rounds than the
    calibrated model, whose later rounds are rare.
    """
    c = compile_scenario(world, example(world, "belgorod-2025"), load_model(Path("prior")))
    n_ref, n_fast = 1500, 200_000
    ref = run_reference(c, n_ref, 99, 8)
    fast = run_counts(Runner(c, 99, 8), n_fast)
    tests = []
    for key in ("a", "b"):
        for i in range(c.n):
            p1, p2 = fast[key][i] / n_fast, ref[key][i] / n_ref
            pooled = (fast[key][i] + ref[key][i]) / (n_fast + n_ref)
            if pooled < 0.01:
                continue
            se = math.sqrt(pooled * (1 - pooled) * (1 / n_fast + 1 / n_ref))
            tests.append((c.ids[i], key, abs(p1 - p2) / se))
    assert len(tests) > 10
    z_crit = 4.0  # two-sided alpha about 6e-5 per test, below 0.01 overall for up to 150 tests
    failing = [t for t in tests if t[2] > z_crit]
    assert not failing, failing
    size_fast = np.dot(np.arange(c.n + 1), fast["sizes"]) / n_fast
    size_ref = np.dot(np.arange(c.n + 1), ref["sizes"]) / n_ref
    assert abs(size_fast - size_ref) < 0.6


def test_result_shape_and_invariants(world: World) -> None:
    prior = load_model(Path("prior"))
    sc = example(world, "estonia")
    r = casus.simulate(world, sc, trials=20_000, seed=3, sensitivity=False, model=prior)
    assert r.trials == 20_000 and r.seed == 3 and "prior" in r.model
    assert r.side_a == ["RUS"] and r.side_b == ["EST"]
    for s in r.states:
        assert (
            0 <= s.p_side_a <= 1 and 0 <= s.p_side_b <= 1 and math.isclose(s.p_war, s.p_side_a + s.p_side_b)
        )
    assert math.isclose(sum(r.war_size["distribution"].values()), 1.0)
    assert r.war_size["mean"] >= 2
    assert 0 <= r.p_nuclear_opposed <= 1
    usa = next(s for s in r.states if s.state == "USA")
    assert usa.p_side_b > 0.5  # NATO Art. 5 triggered, "such action as it deems necessary"
    assert r.paths and all(0 < p.probability <= 1 for p in r.paths)
    assert any(step.via.startswith("nato-1949 Art. 5") for p in r.paths for step in p.steps)


def test_overrides_supports_but_does_not_fight_and_reliability(world: World) -> None:
    data = example(world, "belgorod-2025").model_dump(mode="json")
    data["assumptions"]["overrides"] = {"BLR": {"fights": False}, "PRK": {"reliability": 1.0}}
    sc = Scenario.model_validate(data)
    r = simulate(world, sc, trials=20_000, seed=1, sensitivity=False)
    states = {s.state: s for s in r.states}
    assert "BLR" not in states
    assert states["PRK"].p_side_b > 0.99  # contested Art. 4, honoured with certainty
    assert states["PRK"].p_side_a == 0.0  # and never the other side


def test_reliability_binds_a_state_to_the_side_it_is_obliged_to(world: World) -> None:
    """reliability: 1 is joining the obliged side; 0 is staying out, never joining the other side."""
    data = example(world, "kursk-2025").model_dump(mode="json")
    for r in (1.0, 0.0):
        data["assumptions"]["overrides"] = {"PRK": {"reliability": r}, "BLR": {"reliability": r}}
        res = simulate(world, Scenario.model_validate(data), trials=20_000, seed=4, sensitivity=False)
        states = {s.state: s for s in res.states}
        for sid in ("PRK", "BLR"):
            st = states.get(sid)
            assert (st.p_side_a if st else 0.0) == 0.0
            assert (st.p_side_b if st else 0.0) == pytest.approx(r, abs=1e-9 if r == 0 else 0.01)


def test_a_supplier_is_distinct_from_a_state_that_stays_out(world: World) -> None:
    data = example(world, "kursk-2025").model_dump(mode="json")
    data["assumptions"]["overrides"] = {"CHN": {"fights": False, "supports": "RUS"}}
    staying_out = simulate(world, Scenario.model_validate(data), trials=5_000, seed=1, sensitivity=False)
    assert "CHN" not in staying_out.side_b and "CHN" not in {s.state for s in staying_out.states}
    data["assumptions"]["suppliers_are_cobelligerents"] = True
    counted = simulate(world, Scenario.model_validate(data), trials=5_000, seed=1, sensitivity=False)
    assert "CHN" in counted.side_b  # a supplier of Russia, counted as at war on its side
    changes = {
        s.change for s in simulate(world, Scenario.model_validate(data), trials=2_000, seed=1).sensitivity
    }
    assert any(c.startswith("weapon suppliers") for c in changes)


def test_a_state_can_be_at_war_from_the_start_on_a_named_side(world: World) -> None:
    data = example(world, "korea-clash").model_dump(mode="json")
    data["assumptions"] = {"overrides": {"JPN": {"at_war_on": "b"}, "CHN": {"at_war_on": "a"}}}
    r = simulate(world, Scenario.model_validate(data), trials=5_000, seed=1, sensitivity=False)
    assert r.side_a == ["CHN", "PRK"] and r.side_b == ["JPN", "KOR", "USA"]
    assert {s.state: s.initial for s in r.states}["JPN"] == "b"


def test_sides_follow_who_attacked_whom(world: World) -> None:
    """North Korea shells the South, the South and the US strike back: PRK alone on side A."""
    r = simulate(world, example(world, "korea-clash"), trials=20_000, seed=1, sensitivity=False)
    assert r.side_a == ["PRK"] and r.side_b == ["KOR", "USA"]
    assert r.p_nuclear_opposed == 1.0  # PRK and the US are nuclear-armed, on opposite sides from the start


def test_the_intensity_is_recorded_and_moves_the_numbers(world: World) -> None:
    sc = example(world, "kursk-2025")
    assert sc.intensity.value == "war" and sc.intensity_source == "set in the scenario"
    war = simulate(world, sc, trials=20_000, seed=3, sensitivity=False)
    data = sc.model_dump(mode="json")
    del data["simulation"]["intensity"]
    force = simulate(world, Scenario.model_validate(data), trials=20_000, seed=3, sensitivity=False)
    assert war.intensity.value == "war" and force.intensity.value == "use_of_force"
    assert force.intensity_source == "from the events' kinds"
    assert "reached war" in war.model_note and "use of force short of war" in force.model_note
    p = {s.state: s.p_war for s in war.states}
    q = {s.state: s.p_war for s in force.states}
    assert p["BLR"] > 3 * q["BLR"] and p["PRK"] > 5 * q.get("PRK", 0.0)
    assert war.war_size["mean"] > force.war_size["mean"]


def test_sensitivity_asks_what_if_it_becomes_a_war(world: World) -> None:
    r = simulate(world, example(world, "belgorod-2025"), trials=10_000, seed=2, sensitivity=True)
    change = next(s for s in r.sensitivity if s.kind == "intensity")
    assert change.change == "intensity: use_of_force → war" and change.delta > 0
    top = next(s for s in r.states if s.initial is None)
    v = r.verdicts
    assert v is not None and v.state == top.state and v.p_war == pytest.approx(top.p_war)
    assert (
        v is not None and v.p_war_untriggered <= v.p_war
    )  # a triggered tie weighs more than an untriggered one


def test_paths_name_a_treaty_only_for_an_obligation_this_war_engages(world: World) -> None:
    """Belgorod (Ukraine the attacker): the Budapest memorandum binds no one to join Ukraine."""
    r = simulate(world, example(world, "belgorod-2025"), trials=100_000, seed=5, sensitivity=False)
    steps = [st for p in r.paths for st in p.steps]
    assert steps and not any("budapest" in st.via for st in steps)
    for st in steps:
        if st.side == "a":  # nothing obliges anyone to join the attacker here
            assert " Art. " not in st.via and "Para." not in st.via, st


def test_sensitivity_uses_common_random_numbers(world: World) -> None:
    prior = load_model(Path("prior"))  # its large effects make the ranking assertion meaningful
    r = simulate(world, example(world, "belgorod-2025"), trials=20_000, seed=2, sensitivity=True, model=prior)
    changes = {s.change: s for s in r.sensitivity}
    # A reading that changes only automaticity does not move the cascade at all: exactly zero.
    automatic = next(s for k, s in changes.items() if "nato-like-binding" in k)
    assert automatic.delta == 0.0
    sup = next(s for k, s in changes.items() if k.startswith("weapon suppliers"))
    assert sup.delta > 0.1 and r.sensitivity[0] is sup  # ranked first
    assert [abs(s.delta) for s in r.sensitivity] == sorted(
        (abs(s.delta) for s in r.sensitivity), reverse=True
    )


def test_model_file_errors_are_located(tmp_path: Path) -> None:
    bad = tmp_path / "m.json"
    bad.write_text('{"version": "x", "kind": "prior",\n "intercept": 1, "coefficients": {"nonsense": 1},')
    with pytest.raises(InputError, match=r"m\.json:2: invalid JSON"):
        load_model(bad)
    bad.write_text(
        json.dumps(
            {
                "version": "x",
                "kind": "prior",
                "intercept": 1,
                "description": "d",
                "coefficients": {"nonsense": 1.0},
            }
        )
    )
    with pytest.raises(InputError, match="unknown features"):
        load_model(bad)
    level = {"version": "x", "kind": "fitted", "intercept": 1, "description": "d", "coefficients": {}}
    for wrong, field in (
        ({"offset": 0, "scale": 1, "sd": -1}, "level.sd"),
        ({"offset": 0, "sd": 1}, "level.scale"),
    ):
        bad.write_text(json.dumps({**level, "level": wrong}))
        with pytest.raises(InputError) as e:
            load_model(bad)
        assert e.value.problems[0].field == field and str(bad) in str(e.value)


def test_prior_is_documented_and_complete() -> None:
    m = load_model(Path(casus.__file__).parent / "data" / "joining-prior.json")
    assert m.kind == "prior" and set(m.coefficients) == set(FEATURES)
    assert "Leeds" in m.description and "Berkemeier" in m.description
    # P(join | triggered defence at the strongest automaticity) = 0.60, at "constitutional processes" 0.45
    x = {f: 0.0 for f in FEATURES}
    x.update(defense_triggered=1.0, defense_strength=1.0)
    assert math.isclose(m.probability(x), 0.60, abs_tol=1e-3)
    x.update(defense_strength=0.5)
    assert math.isclose(m.probability(x), 0.45, abs_tol=1e-3)


def test_run_json_includes_the_simulation() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASUS_")}
    sim = run_json("yeonpyeong", ["--trials", "20000"], env)["simulation"]
    assert {
        "trials",
        "seed",
        "model",
        "states",
        "p_nuclear_opposed",
        "war_size",
        "paths",
        "sensitivity",
    } <= set(sim)
    assert {"state", "p_war", "p_side_a", "p_side_b", "se"} <= set(sim["states"][0])
    assert sim["sensitivity"] and "fitted" in sim["model"] and sim["data_version"].startswith("sha256:")
    assert "today-all" in sim["model"] and "as 0" not in sim["model_note"]  # it weighs only what it measures


def test_the_engine_measures_every_feature_but_the_ones_named_unmeasured(world: World) -> None:
    """UNMEASURED_TODAY is what the engine leaves at 0: if it starts measuring one, the list must change."""
    from casus.joining import UNMEASURED_TODAY

    c = compile_scenario(world, example(world, "belgorod-2025"), load_model())
    glob = {"maj_a": True, "maj_b": True, "nuc_a": True, "nuc_b": True}
    rows = [_features(c, i, s, [0, 0], (True, True), glob) for i in range(c.n) for s in (0, 1)]
    assert set(rows[0]) | set(UNMEASURED_TODAY) == set(FEATURES)
    assert all(x.get(f, 0.0) == 0.0 for x in rows for f in UNMEASURED_TODAY)
    # the features read from the compiled state arrays are measured: non-zero for some state
    per_state = ("major_power", "nuclear", "proximity_enemy", "proximity_friend", "system_size")
    assert all(any(x[f] != 0.0 for x in rows) for f in per_state)


def test_a_model_weighing_what_today_cannot_measure_says_so() -> None:
    from casus.escalation import model_note
    from casus.joining import UNMEASURED_TODAY

    full = load_model(Path("calibrated"))
    note = model_note(full)
    assert "history_with" in note and "capability" not in note and "as 0" in note  # set aside, not weighed
    weighs_all = full.model_copy(
        update={"coefficients": {**full.coefficients, **dict.fromkeys(UNMEASURED_TODAY, 0.5)}}
    )
    assert all(f in model_note(weighs_all) for f in UNMEASURED_TODAY)
    assert "as 0" not in model_note(load_model()) and "as 0" not in model_note(load_model(Path("prior")))


def test_probability_table_matches_the_model(world: World) -> None:
    """The kernel's tabulated probabilities equal JoiningModel.probability for every reachable signature."""
    from casus.cascade import ABSTAIN, CONSULT, CONTESTED, POLICY, UNTRIGGERED

    c = compile_scenario(world, example(world, "estonia"), load_model())
    runner = Runner(c, 1, 8)
    classes = [0, CONSULT, UNTRIGGERED, POLICY, CONTESTED]
    checked = 0
    for i in range(0, c.n, 7):
        for s in (0, 1):
            for sig in range(join_table.N_SIG):
                cls = sig // 32
                if (cls == 5) != (c.trig0[i, s] > 0):
                    continue
                flags = [0, 0]
                flags[s] = (classes[cls] if cls < 5 else 0) | (ABSTAIN if sig & 16 else 0)
                adj = [False, False]
                adj[1 - s], adj[s] = bool(sig & 8), bool(sig & 4)
                det = bool(sig & 1)
                glob = {"maj_a": bool(sig & 2), "maj_b": bool(sig & 2), "nuc_a": det, "nuc_b": det}
                x = _features(c, i, s, flags, (adj[0], adj[1]), glob)  # nuclear_opposed where i is armed
                assert math.isclose(
                    runner.table[i, s, sig], _probability(c, i, s, x), rel_tol=1e-12, abs_tol=1e-15
                )
                checked += 1
    assert checked > 1000


def test_proximity_is_measured_to_the_initial_belligerents(world: World) -> None:
    """log(1 + summed capital closeness) to each side's states at war at the start, as in history."""
    from casus.capitals import closeness_matrix

    sc = example(world, "belgorod-2025")
    c = compile_scenario(world, sc, load_model())
    on = sc.date
    codes = [s.cow_on(on) for s in world.states.existing_on(on)]
    m = closeness_matrix([x.code if x and x.code else -1 for x in codes], on.year)
    for s in (0, 1):
        expected = np.log1p(m[c.side0 == s].sum(axis=0))
        assert np.allclose(c.proximity[:, s], expected)
    b = c.side0 == 1
    near, far = c.index["BLR"], c.index["AUS"]
    assert c.side0[near] < 0 and c.proximity[near, 1] > 0.3 > 0.01 > c.proximity[far, 1]
    # closer to the enemy, more likely to join (the fitted coefficient is positive)
    runner = Runner(c, 1, 8)
    assert load_model().coefficients["proximity_enemy"] > 0 and b.any()
    zs = runner.zconst
    gap = (c.coef[19] - c.coef[18]) * (c.proximity[near, 0] - c.proximity[near, 1])
    assert math.isclose(zs[near, 0] - zs[near, 1], gap)


def test_system_size_is_the_number_of_states_on_the_date(world: World) -> None:
    """log(states existing on the scenario date), as history counts the COW system; shifts every log-odds."""
    import dataclasses

    sc = example(world, "belgorod-2025")
    c = compile_scenario(world, sc, load_model())
    assert c.n == len(world.states.existing_on(sc.date)) > 150
    assert math.isclose(c.system_size, math.log(c.n))
    # the shipped model fixes it at -1 (casus.history.evaluate.FIXED): each state's odds fall as 1/n
    assert FEATURES[20] == "system_size" and load_model().coefficients["system_size"] == -1.0
    doubled = dataclasses.replace(c, system_size=c.system_size + math.log(2))
    shift = Runner(doubled, 1, 8).zconst - Runner(c, 1, 8).zconst
    assert np.allclose(shift, c.coef[20] * math.log(2))


def _levelled(sd: float = 1.5) -> JoiningModel:
    """The prior with a per-war level: its large probabilities exercise the later rounds."""
    return load_model(Path("prior")).model_copy(update={"level": WarLevel(offset=-0.5, scale=1.2, sd=sd)})


def test_fast_engine_agrees_with_the_reference_under_a_war_level(world: World) -> None:
    """As above, with a per-war level: same marginals, same chance that no one joins."""
    c = compile_scenario(world, example(world, "belgorod-2025"), _levelled())
    n_ref, n_fast = 1500, 200_000
    ref = run_reference(c, n_ref, 7, 8)
    fast = run_counts(Runner(c, 7, 8), n_fast)
    n0 = int((c.side0 >= 0).sum())
    pairs = [(fast[k][i], ref[k][i]) for k in ("a", "b") for i in range(c.n)]
    pairs.append((fast["sizes"][n0], ref["sizes"][n0]))  # trials in which no one joins
    z = []
    for f, r in pairs:
        pooled = (f + r) / (n_fast + n_ref)
        if 0.01 <= pooled <= 0.99:
            z.append(
                abs(f / n_fast - r / n_ref) / math.sqrt(pooled * (1 - pooled) * (1 / n_fast + 1 / n_ref))
            )
    assert len(z) > 10 and max(z) < 4.0


def test_a_war_level_moves_first_round_joiners_together(world: World) -> None:
    """With a level the first round's joins are correlated: fewer wars spread, the spreading ones
    draw more states; a zero sd is the plain model exactly."""
    sc = example(world, "belgorod-2025")
    plain = load_model(Path("prior"))
    counts = {}
    for name, m in (("plain", plain), ("zero", _levelled(0.0)), ("level", _levelled(2.0))):
        c = compile_scenario(world, sc, m)
        counts[name] = run_counts(Runner(c, 3, 1), 50_000)  # one round: only the first round's draws
    n0 = int((c.side0 >= 0).sum())
    assert np.array_equal(counts["plain"]["sizes"], counts["zero"]["sizes"])
    p0 = Runner(compile_scenario(world, sc, plain), 3, 1).p0
    none_indep = float(np.prod(1 - p0.sum(axis=1).clip(0, 1)))
    assert abs(counts["plain"]["sizes"][n0] / 50_000 - none_indep) < 0.01
    assert counts["level"]["sizes"][n0] > counts["plain"]["sizes"][n0] + 2_000


def test_a_reliability_override_is_not_levelled(world: World) -> None:
    data = example(world, "belgorod-2025").model_dump(mode="json")
    data["assumptions"]["overrides"] = {"PRK": {"reliability": 0.3}}
    sc = Scenario.model_validate(data)
    c = compile_scenario(world, sc, _levelled(3.0))
    r = run_counts(Runner(c, 4, 1), 40_000)
    i = c.ids.index("PRK")
    assert abs(r["b"][i] / 40_000 - 0.3) < 0.01


def test_results_convert_to_pandas(world: World) -> None:
    from casus.obligations import casus_foederis, to_frame

    sc = example(world, "kursk-2025")
    r = simulate(world, sc, trials=5_000, seed=1, sensitivity=False)
    f = r.to_frame()
    assert list(f.columns) == ["state", "name", "initial", "p_war", "p_side_a", "p_side_b", "se"]
    assert len(f) == len(r.states) and f.p_war.iloc[0] == r.states[0].p_war
    assert f.attrs["intensity"] == "war" and f.attrs["seed"] == 1 and f.attrs["model"] == r.model
    obligations = to_frame(casus_foederis(world, sc))
    prk = obligations[(obligations.obligor == "PRK") & (obligations.article == "Art. 4")]
    assert len(prk) == 1 and prk.status.item() == "triggered" and prk.beneficiary.item() == "RUS"


@settings(max_examples=60, deadline=None)
@given(seed=hst.integers(0, 2**32 - 1), deterrence=hst.booleans())
def test_the_numpy_table_is_the_compiled_join_probability_to_the_bit(seed: int, deterrence: bool) -> None:
    """`join_table.probability_table` (numpy, so that a first run compiles one function less) equals the
    compiled `join_probability` the trials call, for every state, side and signature, bit for bit."""
    from casus.ties import ABSTAIN, CONSULT, CONTESTED, POLICY, UNTRIGGERED

    rng = np.random.default_rng(seed)
    n = 6
    trig = rng.choice([0, 0, 1, 3, 6], size=(n, 2)).astype(np.int32)
    zconst = rng.normal(-3, 2, size=(n, 2))
    coef = rng.normal(0, 1.5, size=len(FEATURES))
    fights = rng.random((n, 2)) > 0.2
    reliability = np.where(rng.random(n) < 0.3, rng.random(n), np.nan)
    nuclear, major = rng.random(n) < 0.3, rng.random(n) < 0.3
    table = join_table.probability_table(trig, zconst, coef, fights, reliability, nuclear, major, deterrence)
    classes = [0, CONSULT, UNTRIGGERED, POLICY, CONTESTED, 0]
    for i in range(n):
        for s in (0, 1):
            for sig in range(join_table.N_SIG):
                cls = sig // 32
                if (cls == 5) != (trig[i, s] > 0):
                    assert table[i, s, sig] == 0.0
                    continue
                flags = np.zeros((1, 2), np.int32)
                flags[0, s] = classes[cls] | (ABSTAIN if sig & 16 else 0)
                adj = np.zeros((1, 2), np.bool_)
                adj[0, 1 - s], adj[0, s] = bool(sig & 8), bool(sig & 4)
                t1 = np.zeros((1, 2), np.int32)
                t1[0, s] = trig[i, s]
                det = bool(sig & 1)
                want = join_probability(
                    0, s, t1, flags, adj, zconst[i : i + 1], coef, fights[i : i + 1], reliability[i : i + 1],
                    bool(sig & 2), det, nuclear[i : i + 1], major[i : i + 1], det,
                )  # fmt: skip
                assert table[i, s, sig] == want, (i, s, sig)
