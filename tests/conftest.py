"""Shared fixtures: the bundled world, and the historical data folder when it is present."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from casus.world import World, load_world

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("CASUS_SHARED_DATA", REPO.parent / "shared" / "data"))


@pytest.fixture(scope="session")
def world() -> World:
    """The bundled world, ignoring any user folders in the environment."""
    return load_world(use_env=False)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The historical data folder (../shared/data); tests that need it skip when it is absent."""
    if not (SHARED_DATA / "cow_states.csv").exists():
        pytest.skip(f"historical data not found at {SHARED_DATA} (set CASUS_SHARED_DATA to its folder)")
    return SHARED_DATA
