"""Sweep files: which scenarios, which assumptions and parameters to vary, which outcomes to record.

A sweep file (YAML or JSON) is checked as a whole before any cell runs, every problem reported as
file:line: field: message. It expands into cells, one per scenario and combination of inputs
(a full grid, or a random sample drawn from the file's seed), each with a seed derived from the
file's seed and the cell's own inputs, so a cell's numbers do not depend on how, where or in what
order the sweep is scheduled. A scenario set in a historical world (`world: history`) runs in its
year's world, built from the ATOP and COW tables the caller gives. See docs/sweep-format.md.
"""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from casus.joining import BUNDLED, JoiningModel, load_model
from casus.loader import format_path, read_file, validate
from casus.model import InputError, Problem
from casus.version import __version__
from casus.world import World

if TYPE_CHECKING:
    import pandas as pd

    from casus.history.world import ScenarioWorlds

from casus.sweep.format import MAX_CELLS, SEED_MAX, RandomSample, Span, SweepSpec, Value
from casus.sweep.variables import Variable, grid_values, parse_variable, within

# --- cells ----------------------------------------------------------------------------------------


def digest(data: Any) -> str:
    """A short stable hash of JSON-able data."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class ScenarioEntry:
    """A scenario named by the sweep, as data (workers need no access to the file)."""

    file: str
    name: str
    data: dict[str, Any]
    digest: str
    world_version: str  # of the world it runs in (the bundled one, or its year's historical one)


@dataclass(frozen=True)
class Cell:
    """One Monte Carlo run: a scenario, values for the varied inputs, a seed."""

    index: int
    scenario: int
    inputs: dict[str, Value]
    seed: int
    cell_id: str


@dataclass
class Plan:
    """A checked sweep: its spec, scenarios and the world each runs in, variables, model, every cell."""

    spec: SweepSpec
    path: Path
    scenarios: list[ScenarioEntry]
    worlds: list[World]  # aligned with `scenarios`
    unchecked: list[str]  # scenario files checked against the schema alone (`schema_only_history`)
    variables: list[Variable]
    levels: dict[str, list[Value]]
    model: JoiningModel
    world_version: str
    spec_digest: str
    cells: list[Cell] = field(default_factory=list)


def world_version(world: World) -> str:
    """A hash of the states and treaties a sweep runs on (cells computed on another world differ)."""
    states = [s.model_dump(mode="json") for s in sorted(world.states, key=lambda s: s.id)]
    treaties = [world.treaties[t].model_dump(mode="json") for t in sorted(world.treaties)]
    return digest({"states": states, "treaties": treaties})


def _combined_version(versions: list[str]) -> str:
    """One world version for a sweep: its only world's, or a hash of its worlds' versions."""
    return versions[0] if len(versions) == 1 else digest(versions)


def apply_inputs(
    data: dict[str, Any], model: JoiningModel, inputs: dict[str, Value], variables: dict[str, Variable]
) -> tuple[dict[str, Any], JoiningModel]:
    """Scenario data and joining model with a cell's inputs set."""
    data = copy.deepcopy(data)
    coefficients: dict[str, float] | None = None
    intercept = model.intercept
    for key, value in inputs.items():
        target = variables[key].target
        if target[0] == "model":
            if target[1] == "intercept":
                intercept = float(value)
            else:
                coefficients = coefficients or dict(model.coefficients)
                coefficients[target[2]] = float(value)
            continue
        node = data
        for part in target[:-1]:
            child = node.get(part)
            if not isinstance(child, dict):
                child = {}
                node[part] = child
            node = child
        node[target[-1]] = value
    if coefficients is not None or intercept != model.intercept:
        model = model.model_copy(
            update={"intercept": intercept, "coefficients": coefficients or model.coefficients}
        )
    return data, model


def _cell_seed(spec: SweepSpec, scenario: ScenarioEntry, inputs: dict[str, Value]) -> int:
    if spec.seeds == "common":
        return spec.seed
    h = hashlib.sha256(f"{spec.seed}|{scenario.digest}|{digest(inputs)}".encode()).hexdigest()
    return int(h[:16], 16) & SEED_MAX


def _combinations(
    spec: SweepSpec, variables: list[Variable], levels: dict[str, list[Value]]
) -> list[dict[str, Value]]:
    keys = [v.key for v in variables]
    if spec.sample == "grid":
        return [
            dict(zip(keys, combo, strict=True)) for combo in itertools.product(*(levels[k] for k in keys))
        ]
    rng = np.random.default_rng(spec.seed)
    out = []
    for _ in range(spec.sample.random):
        row: dict[str, Value] = {}
        for var in variables:
            values = spec.vary[var.key]
            if isinstance(values, Span):
                lo, hi = sorted((values.start, values.stop))
                drawn: Value = (
                    int(rng.integers(int(lo), int(hi) + 1))
                    if var.kind == "int"
                    else round(float(rng.uniform(lo, hi)), 12)
                )
            else:
                drawn = levels[var.key][int(rng.integers(len(levels[var.key])))]
            row[var.key] = drawn
        out.append(row)
    return out


OUTCOME_HELP = (
    "p_spread, war_size_mean, p_nuclear_opposed, p_war:ISO3, p_side_a:ISO3, p_side_b:ISO3, "
    "triggered, triggered:TREATY"
)


def check_outcome_name(name: str, world: World | None) -> str | None:
    """Why an outcome name is not one a sweep records, or None when it is (`world` None: its kind only)."""
    if name in ("p_spread", "war_size_mean", "p_nuclear_opposed", "triggered"):
        return None
    kind, _, arg = name.partition(":")
    if kind in ("p_war", "p_side_a", "p_side_b"):
        known = world is None or arg in world.states
        return None if known else f"unknown state {arg!r} in outcome {name!r}"
    if kind == "triggered":
        known = world is None or arg in world.treaties
        return None if known else f"unknown treaty {arg!r} in outcome {name!r}"
    return f"unknown outcome {name!r} (expected one of {OUTCOME_HELP})"


Bad = Callable[[tuple[str | int, ...], str], None]


def _varied(spec: SweepSpec, bad: Bad) -> tuple[list[Variable], dict[str, list[Value]]]:
    """The varied inputs and each one's values; a bad key or range is reported, not raised."""
    variables: list[Variable] = []
    levels: dict[str, list[Value]] = {}
    for key, values in spec.vary.items():
        try:
            var = parse_variable(key)
            levels[key] = grid_values(var, values)
        except ValueError as exc:
            bad(("vary", key), str(exc))
            continue
        drawn_from = isinstance(values, Span) and spec.sample != "grid"
        if drawn_from and isinstance(values, Span) and not within(var, values):
            bad(("vary", key), f"the range must lie within {var.lo:g}..{var.hi:g}")
        variables.append(var)
    return variables, levels


def _sweep_model(spec: SweepSpec, path: Path, bad: Bad) -> JoiningModel:
    """The joining model the sweep names (a bundled one, or a file beside the sweep file)."""
    try:
        model_path = Path(spec.model)
        if spec.model not in BUNDLED and not model_path.is_absolute():
            model_path = path.parent / model_path
        return load_model(model_path)
    except InputError as exc:
        bad(("model",), "; ".join(str(p) for p in exc.problems))
        return load_model()


@dataclass
class _Scenarios:
    """The sweep's scenarios as read and checked, each in its world."""

    entries: list[ScenarioEntry] = field(default_factory=list)
    worlds: list[World] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)
    historical: bool = False  # some scenario is set in a historical world
    versions: dict[int, str] = field(default_factory=dict)

    def version(self, w: World) -> str:
        """The world's version, computed once per world."""
        if id(w) not in self.versions:
            self.versions[id(w)] = world_version(w)
        return self.versions[id(w)]


def _read_scenarios(
    spec: SweepSpec, path: Path, world_of: ScenarioWorlds, model: JoiningModel,
    variables: list[Variable], levels: dict[str, list[Value]], schema_only_history: bool, bad: Bad,
) -> _Scenarios:  # fmt: skip
    """Read and check each scenario the sweep names, and that every varied value fits each one."""
    from casus.model.scenario import WorldKind
    from casus.scenario import parse_scenario, validate_scenario

    def values_fit(rel: str, sdata: Any, check: Callable[[Any], object]) -> None:
        """Each value alone must make a valid scenario (states exist on its date, readings are real)."""
        for var in variables:
            if var.target[0] == "model":
                continue
            for value in levels[var.key]:
                changed, _ = apply_inputs(sdata, model, {var.key: value}, {var.key: var})
                try:
                    check(changed)
                except InputError as exc:
                    msg = exc.problems[0].message
                    bad(("vary", var.key), f"{value!r} does not fit scenario {rel}: {msg}")
                    break

    out = _Scenarios()
    for i, rel in enumerate(spec.scenarios):
        sp = Path(rel) if Path(rel).is_absolute() else path.parent / rel
        try:
            sdata, slines = read_file(sp)
            schema = validate_scenario(sdata, str(sp), slines)
            out.historical |= schema.world is WorldKind.HISTORY
            if schema.world is WorldKind.HISTORY and world_of.tables is None and schema_only_history:
                out.unchecked.append(str(rel))
                values_fit(rel, sdata, partial(validate_scenario, file=str(sp), lines=slines))
                continue
            sworld = world_of(schema, str(sp), slines)
            scenario = parse_scenario(sdata, str(sp), slines, sworld)
        except InputError as exc:
            bad(("scenarios", i), "; ".join(str(p) for p in exc.problems))
            continue
        out.entries.append(ScenarioEntry(str(rel), scenario.name, sdata, digest(sdata), out.version(sworld)))
        out.worlds.append(sworld)
        values_fit(rel, sdata, partial(parse_scenario, file=str(sp), lines=slines, world=sworld))
        for j, name in enumerate(spec.outcomes):
            kind, _, arg = name.partition(":")
            named = kind in ("p_war", "p_side_a", "p_side_b") and arg in sworld.states
            if named and not sworld.states.get(arg).exists_on(scenario.date):
                bad(("outcomes", j), f"{arg} did not exist on {scenario.date} (scenario {rel})")
    return out


def _check_outcomes_and_summary(
    spec: SweepSpec, read: _Scenarios, world: World, variables: list[Variable], bad: Bad
) -> None:
    """Outcomes must name what exists in every world the sweep runs in; summaries what is varied."""
    distinct: list[tuple[World | None, str]] = list(
        {id(w): (w, e.file) for w, e in zip(read.worlds, read.entries, strict=True)}.values()
    )
    if not distinct:  # no scenario loaded or checked beyond its schema: which world names are of is unknown
        distinct = [(None if read.historical else world, "")]
    for i, name in enumerate(spec.outcomes):
        whys = [(check_outcome_name(name, w), file) for w, file in distinct]
        failed = [(why, file) for why, file in whys if why]
        if failed and len(failed) == len(whys):
            bad(("outcomes", i), failed[0][0] or "")
        elif failed:
            for why, file in failed:
                bad(("outcomes", i), f"{why}: not in the world of scenario {file}")
    varied = {v.key for v in variables}
    for i, hm in enumerate(spec.summary.heatmaps):
        for axis in ("x", "y"):
            if getattr(hm, axis) not in varied:
                bad(
                    ("summary", "heatmaps", i, axis), f"{getattr(hm, axis)!r} is not one of the varied inputs"
                )
        if hm.outcome not in spec.outcomes:
            bad(("summary", "heatmaps", i, "outcome"), f"{hm.outcome!r} is not one of the recorded outcomes")
    for i, fl in enumerate(spec.summary.flips):
        if fl.outcome not in spec.outcomes:
            bad(("summary", "flips", i, "outcome"), f"{fl.outcome!r} is not one of the recorded outcomes")


def _add_cells(plan: Plan) -> None:
    """One cell per scenario and combination of inputs, each with its seed and content id."""
    spec = plan.spec
    combos = _combinations(spec, plan.variables, plan.levels)
    model_digest = digest(plan.model.model_dump(mode="json"))
    for si, entry in enumerate(plan.scenarios):
        for inputs in combos:
            seed = _cell_seed(spec, entry, inputs)
            cid = digest(
                {
                    "scenario": entry.digest,
                    "inputs": inputs,
                    "seed": seed,
                    "trials": spec.trials,
                    "model": model_digest,
                    "world": entry.world_version,
                    "casus": __version__,
                    "outcomes": spec.outcomes,
                }
            )
            plan.cells.append(Cell(len(plan.cells), si, inputs, seed, cid))


def load_plan(
    path: str | os.PathLike[str],
    world: World,
    history: dict[str, pd.DataFrame] | None = None,
    *,
    schema_only_history: bool = False,
    resolver: ScenarioWorlds | None = None,
) -> Plan:
    """Read and check a sweep file and the scenarios it names, and expand it into cells.

    Scenarios run in `world` unless they are set in a historical world (`world: history`): those run
    in their year's world built from `history`, the ATOP and COW tables (`casus.history.world.TABLES`).
    Without the tables such a scenario is a problem, or, with `schema_only_history` (for `casus check`),
    is checked against the scenario schema alone and left out of the plan (`Plan.unchecked`).
    `resolver` (over `world` and `history`) shares year worlds already built with other files.
    """
    from casus.history.world import ScenarioWorlds

    path = Path(path)
    file = str(path)
    data, lines = read_file(path)
    if not isinstance(data, dict):
        raise InputError.single(file, 1, "", "a sweep file is a mapping with `name`, `scenarios` and `vary`")
    spec = validate(SweepSpec, data, file, lines)
    problems: list[Problem] = []

    def bad(where: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(file, lines.line(where), format_path(where), message))

    variables, levels = _varied(spec, bad)
    model = _sweep_model(spec, path, bad)
    # one world per year, shared by the scenarios set in it
    world_of = resolver or ScenarioWorlds(world, history, keep=len(spec.scenarios) + 1)
    read = _read_scenarios(spec, path, world_of, model, variables, levels, schema_only_history, bad)
    _check_outcomes_and_summary(spec, read, world, variables, bad)
    n_combos = (
        spec.sample.random
        if isinstance(spec.sample, RandomSample)
        else int(np.prod([len(v) for v in levels.values()] or [1]))
    )
    if n_combos * len(spec.scenarios) > MAX_CELLS:
        bad(("vary",), f"{n_combos * len(spec.scenarios):,} cells; a sweep holds at most {MAX_CELLS:,}")
    if problems:
        raise InputError(problems)
    versions = sorted({e.world_version for e in read.entries})
    plan = Plan(
        spec=spec,
        path=path,
        scenarios=read.entries,
        worlds=read.worlds,
        unchecked=read.unchecked,
        variables=variables,
        levels=levels,
        model=model,
        world_version=_combined_version(versions or [read.version(world)]),
        spec_digest=digest(
            {"spec": spec.model_dump(mode="json"), "scenarios": [s.digest for s in read.entries]}
        ),
    )
    _add_cells(plan)
    return plan
