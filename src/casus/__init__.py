"""casus: alliance obligations, casus foederis and escalation, from treaty text and history."""

from casus.world import World, WorldAt, load_world

__version__ = "0.1.0"

__all__ = ["World", "WorldAt", "__version__", "load_world"]
