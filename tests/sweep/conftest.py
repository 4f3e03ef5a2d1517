"""Sweep fixtures: a sweep file over the bundled example scenarios."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def write_spec(folder: Path, **changes: Any) -> Path:
    """A small sweep file (both Korea-pact scenarios, 24 cells) with `changes` applied."""
    spec: dict[str, Any] = {
        "name": "test sweep",
        "scenarios": [str(EXAMPLES / "kursk-2025.yaml"), str(EXAMPLES / "belgorod-2025.yaml")],
        "vary": {
            "assumptions.readings.ru-kp-2024/Art. 4/state-of-war": ["broad", "narrow"],
            "assumptions.suppliers_are_cobelligerents": [False, True],
            "assumptions.overrides.PRK.reliability": {"from": 0.2, "to": 0.8, "steps": 3},
        },
        "trials": 4000,
        "seed": 11,
        "outcomes": ["p_war:PRK", "p_spread", "war_size_mean", "triggered:ru-kp-2024"],
    }
    spec.update(changes)
    path = folder / "sweep.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def spec_file(tmp_path: Path) -> Path:
    """The default test sweep file."""
    return write_spec(tmp_path)


def casus(*args: str) -> subprocess.CompletedProcess[str]:
    """The real `casus` entry point in a child process, without the user's CASUS_* settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CASUS_")}
    return subprocess.run(
        [sys.executable, "-m", "casus", *args], capture_output=True, text=True, env=env, timeout=300
    )
