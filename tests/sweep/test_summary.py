"""The sweep's HTML summary: heat maps, flips between neighbouring cells, escaped text."""

from __future__ import annotations

import itertools
from pathlib import Path

import pandas as pd

from casus.sweep.run import run_sweep
from casus.sweep.spec import load_plan
from casus.sweep.summary import find_flips
from casus.world import World

from .conftest import write_spec

READING = "assumptions.readings.ru-kp-2024/Art. 4/state-of-war"
RELIABILITY = "assumptions.overrides.PRK.reliability"


def test_flips_are_neighbouring_cells_on_opposite_sides_of_the_threshold(
    spec_file: Path, world: World, tmp_path: Path
) -> None:
    from casus.sweep.format import Flip

    plan = load_plan(spec_file, world)
    frame = pd.DataFrame(run_sweep(plan, tmp_path / "out", workers=0).rows)
    flips = find_flips(frame, plan, Flip(outcome="p_war:PRK", threshold=0.35))
    # Checked against the frame directly: every listed pair differs in one input and crosses 0.35.
    assert flips
    for f in flips:
        a, b = frame.iloc[f["cells"][0]], frame.iloc[f["cells"][1]]
        differing = [k for k in plan.levels if a[k] != b[k]]
        assert differing == [f["input"]] and a.scenario_file == b.scenario_file
        assert (a["p_war:PRK"] >= 0.35) != (b["p_war:PRK"] >= 0.35)
    # ... and every such pair is listed: reliability 0.2 -> 0.5 under the broad reading, and broad -> narrow.
    inputs = {(f["input"], f["from"], f["to"]) for f in flips}
    assert (RELIABILITY, "0.2", "0.5") in inputs and (READING, "broad", "narrow") in inputs
    expected = 0
    for (_, _, _), grp in frame.groupby(
        ["scenario_file", READING, "assumptions.suppliers_are_cobelligerents"]
    ):
        vals = grp.sort_values(RELIABILITY)["p_war:PRK"].tolist()
        expected += sum((x >= 0.35) != (y >= 0.35) for x, y in itertools.pairwise(vals))
    assert sum(f["input"] == RELIABILITY for f in flips) == expected
    assert find_flips(frame, plan, Flip(outcome="p_war:PRK", threshold=2.0)) == []


def test_summary_page_has_heat_maps_and_escapes_names(tmp_path: Path, world: World) -> None:
    spec = write_spec(
        tmp_path,
        name="<script>alert(1)</script> sweep",
        summary={"heatmaps": [{"x": RELIABILITY, "y": READING, "outcome": "p_war:PRK"}]},
    )
    plan = load_plan(spec, world)
    run_sweep(plan, tmp_path / "out", workers=0)
    html = (tmp_path / "out" / "summary.html").read_text()
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; sweep" in html
    assert html.count('class="plotly-graph-div"') == 2  # one heat map per scenario
    assert "Each square averages the cells over <code>assumptions.suppliers_are_cobelligerents</code>" in html
    assert "p_war:PRK</code> crossing 0.5" in html and "https://" not in html.split("</script>", 1)[1]


def test_random_samples_bin_numeric_inputs_and_skip_flips(tmp_path: Path, world: World) -> None:
    spec = write_spec(
        tmp_path,
        sample={"random": 30},
        vary={RELIABILITY: {"from": 0, "to": 1}, READING: ["broad", "narrow"]},
    )
    plan = load_plan(spec, world)
    run_sweep(plan, tmp_path / "out", workers=0)
    html = (tmp_path / "out" / "summary.html").read_text()
    assert "0 to 1, uniformly" in html and "this sweep is a random sample" in html
    assert html.count('class="plotly-graph-div"') == 2 * len(plan.spec.outcomes)
