"""casus: alliance obligations, casus foederis and escalation, from treaty text and history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from casus.version import __version__
from casus.world import World, WorldAt, load_world

if TYPE_CHECKING:
    from casus.simulation import SimulationResult


def simulate(world: World, scenario: Any, **kwargs: Any) -> SimulationResult:
    """Run the Monte Carlo escalation for a scenario; see `casus.escalation.simulate` for options."""
    from casus.escalation import simulate as _simulate

    return _simulate(world, scenario, **kwargs)


__all__ = ["World", "WorldAt", "__version__", "load_world", "simulate"]
