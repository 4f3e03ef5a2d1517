"""Scenario files: schema, cross-checks against the world, and fuzzing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.loader import parse_text
from casus.model import InputError
from casus.scenario import load_scenario, parse_scenario
from casus.world import World

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

GOOD = """\
name: test
date: 2025-01-15
events:
  - id: e1
    actor: UKR
    target: RUS
    kind: armed_attack
    location: {state: RUS, place: Kursk Oblast}
    attributes: {weapons_supplied_by: [USA]}
assumptions:
  readings:
    ru-kp-2024/Art. 4/state-of-war: narrow
"""


def problems(world: World, text: str) -> list[str]:
    data, lines = parse_text(text, "s.yaml")
    try:
        parse_scenario(data, "s.yaml", lines, world)
    except InputError as exc:
        return [str(p) for p in exc.problems]
    return []


def test_examples_are_valid(world: World) -> None:
    files = sorted(EXAMPLES.glob("*.yaml"))
    assert files
    for f in files:
        load_scenario(f, world)


def test_good_scenario_loads(world: World) -> None:
    assert problems(world, GOOD) == []


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("target: RUS", "target: RUX"), "s.yaml:6: events[0].target: unknown state 'RUX'"),
        (("kind: armed_attack", "kind: invasion"), "s.yaml:7: events[0].kind: unknown kind 'invasion'"),
        (("date: 2025-01-15", "date: 2025-02-29"), "s.yaml:2: date: invalid date '2025-02-29'"),
        (
            ("actor: UKR", "actor: SUN"),
            "s.yaml:5: events[0].actor: SUN (Soviet Union) did not exist on 2025-01-15",
        ),
        (
            (": narrow", ": wide"),
            "s.yaml:12: assumptions.readings.ru-kp-2024/Art. 4/state-of-war: unknown reading 'wide'",
        ),
        (("Art. 4/state", "Art. 9/state"), "ru-kp-2024 has no provision 'Art. 9'"),
        (
            ("{state: RUS, place: Kursk Oblast}", "{}"),
            "events[0].location: give a state, a place, or high_seas",
        ),
    ],
)
def test_bad_scenarios_name_file_line_and_field(world: World, change: tuple[str, str], expected: str) -> None:
    found = problems(world, GOOD.replace(*change))
    assert any(expected in p for p in found), found


def test_non_state_actor_need_not_be_a_state(world: World) -> None:
    text = GOOD.replace("actor: UKR", "actor: an unidentified armed group").replace(
        "attributes: {weapons_supplied_by: [USA]}", "attributes: {state_actor: false}"
    )
    assert problems(world, text) == []


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(GOOD)), st.text(max_size=40))
def test_scenario_loader_never_crashes(world: World, at: int, junk: str) -> None:
    text = GOOD[:at] + junk + GOOD[at:]
    try:
        data, lines = parse_text(text, "s.yaml")
        parse_scenario(data, "s.yaml", lines, world)
    except InputError as exc:
        assert all(p.file == "s.yaml" and "\n" not in str(p) for p in exc.problems)
