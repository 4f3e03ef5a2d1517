"""Checking scenario files from `casus check` (the scenario format arrives with the obligation engine)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from casus.model import Problem


def check_scenario_file(
    path: Path, extra_treaties: Sequence[Path] = (), extra_states: Sequence[Path] = ()
) -> list[Problem]:
    """Validate a scenario file; returns its problems."""
    return [Problem(str(path), 1, "events", "scenario files are not supported by this version of casus")]
