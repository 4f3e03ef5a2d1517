"""Checking scenario files from `casus check`."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from casus.loader import read_file
from casus.model import InputError, Problem
from casus.model.scenario import WorldKind
from casus.scenario import parse_scenario, validate_scenario

if TYPE_CHECKING:
    from casus.history.world import ScenarioWorlds


def check_scenario_file(
    path: str | os.PathLike[str], worlds: Callable[[], ScenarioWorlds]
) -> tuple[list[Problem], str]:
    """Validate a scenario file against the world it would run in: (its problems, what was checked).

    `worlds` gives the resolver of worlds (built once by the caller, on first use). A scenario in a
    historical world is checked against that world when the resolver has the ATOP and COW tables,
    and against the schema alone otherwise.
    """
    path = Path(path)
    try:
        raw, lines = read_file(path)
        scenario = validate_scenario(raw, str(path), lines)
        resolve = worlds()
        if scenario.world is WorldKind.HISTORY and resolve.tables is None:
            return [], "scenario, historical world: schema only; --data checks its states"
        parse_scenario(raw, str(path), lines, resolve(scenario, str(path), lines))
    except InputError as exc:
        return exc.problems, ""
    return [], "scenario"
