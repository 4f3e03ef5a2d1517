"""Checking scenario files from `casus check`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from casus.loader import read_file
from casus.model import InputError, Problem
from casus.model.scenario import WorldKind
from casus.scenario import parse_scenario, validate_scenario
from casus.world import World, load_world


def check_scenario_file(
    path: Path,
    extra_treaties: Sequence[Path] = (),
    extra_states: Sequence[Path] = (),
    data: Path | None = None,
) -> tuple[list[Problem], str]:
    """Validate a scenario file against the world it would run in: (its problems, what was checked).

    A scenario in a historical world is checked against that world when `data` (the folder of
    ATOP and COW files) is given, and against the schema alone otherwise.
    """
    try:
        raw, lines = read_file(path)
        scenario = validate_scenario(raw, str(path), lines)
        world: World
        if scenario.world is WorldKind.HISTORY:
            if data is None:
                return [], "scenario, historical world: schema only; --data checks its states"
            from casus.history.readers import read_folder
            from casus.history.world import TABLES, scenario_world

            world = scenario_world(scenario, read_folder(data, TABLES), str(path), lines)
        else:
            world = load_world(treaties=extra_treaties, states=extra_states)
        parse_scenario(raw, str(path), lines, world)
    except InputError as exc:
        return exc.problems, ""
    return [], "scenario"
