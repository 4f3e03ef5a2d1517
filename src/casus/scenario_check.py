"""Checking scenario files from `casus check`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from casus.model import InputError, Problem
from casus.scenario import load_scenario
from casus.world import load_world


def check_scenario_file(
    path: Path, extra_treaties: Sequence[Path] = (), extra_states: Sequence[Path] = ()
) -> list[Problem]:
    """Validate a scenario file against the world it would run in; returns its problems."""
    try:
        world = load_world(treaties=extra_treaties, states=extra_states)
        load_scenario(path, world)
    except InputError as exc:
        return exc.problems
    return []
