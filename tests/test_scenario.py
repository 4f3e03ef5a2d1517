"""Scenario files: schema, cross-checks against the world, and fuzzing."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.loader import parse_text
from casus.model import InputError, initial_sides
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


TWO_WAY = """\
name: two-way clash
date: 2025-06-01
events:
  - id: shelling
    actor: PRK
    target: KOR
    kind: strike_on_territory
    location: {state: KOR}
  - id: strike-back
    actor: KOR
    target: PRK
    kind: strike_on_territory
    location: {state: PRK}
  - id: us-strike
    actor: USA
    target: PRK
    kind: strike_on_territory
    location: {state: PRK}
"""


def test_sides_follow_the_events_and_a_retaliation_keeps_them(world: World) -> None:
    data, lines = parse_text(TWO_WAY, "s.yaml")
    sc = parse_scenario(data, "s.yaml", lines, world)
    sides = {k: v.value for k, v in initial_sides(sc).items()}
    assert sides == {"PRK": "a", "KOR": "b", "USA": "b"}


def test_a_state_on_both_sides_is_an_error_naming_the_two_events(world: World) -> None:
    text = (
        TWO_WAY
        + """\
  - id: odd
    actor: KOR
    target: USA
    kind: armed_attack
    location: {state: USA}
"""
    )
    found = problems(world, text)
    assert len(found) == 1, found
    assert found[0].startswith("s.yaml:20: events[3].actor: KOR would be on both sides")
    assert "event 'shelling'" in found[0] and "event 'odd'" in found[0]


def test_a_later_event_dated_earlier_sets_the_sides(world: World) -> None:
    text = TWO_WAY.replace(
        "    location: {state: KOR}\n", "    location: {state: KOR}\n    date: 2025-05-31\n"
    )
    text = text.replace("  - id: us-strike", "  - id: us-strike\n    date: 2025-05-01").replace(
        "  - id: strike-back", "  - id: strike-back\n    date: 2025-05-31"
    )
    data, lines = parse_text(text, "s.yaml")
    sc = parse_scenario(data, "s.yaml", lines, world)
    # the US strike came first: the US attacked North Korea, which then shelled the South
    assert {k: v.value for k, v in initial_sides(sc).items()} == {"USA": "a", "PRK": "b", "KOR": "a"}


def test_overrides_put_states_at_war_and_name_what_they_supply(world: World) -> None:
    ok = GOOD + "  overrides:\n    BLR: {at_war_on: b}\n    USA: {supports: UKR}\n"
    data, lines = parse_text(ok, "s.yaml")
    sc = parse_scenario(data, "s.yaml", lines, world)
    assert initial_sides(sc)["BLR"].value == "b" and "USA" not in initial_sides(sc)
    both = GOOD + "  overrides:\n    UKR: {at_war_on: b}\n"
    assert any("UKR would be on both sides" in p for p in problems(world, both))
    idle = GOOD + "  overrides:\n    USA: {supports: POL}\n"
    assert any("POL is not at war in this scenario" in p for p in problems(world, idle))
    clash = GOOD + "  overrides:\n    BLR: {at_war_on: b, fights: false}\n"
    assert any("a state at war from the start fights" in p for p in problems(world, clash))


@pytest.mark.parametrize(
    ("kinds", "level"),
    [
        (["imminent_threat"], "threat"),
        (["armed_attack"], "use_of_force"),
        (["imminent_threat", "strike_on_territory"], "use_of_force"),
        (["armed_attack", "declaration_of_war"], "war"),
    ],
)
def test_the_intensity_defaults_from_the_events(world: World, kinds: list[str], level: str) -> None:
    events = "".join(
        f"  - {{id: e{i}, actor: RUS, target: EST, kind: {k}, location: {{state: EST}}}}\n"
        for i, k in enumerate(kinds)
    )
    data, lines = parse_text(f"name: t\ndate: 2025-01-01\nevents:\n{events}", "s.yaml")
    sc = parse_scenario(data, "s.yaml", lines, world)
    assert sc.intensity.value == level and sc.intensity_source == "from the events' kinds"
    data["simulation"] = {"intensity": "display"}
    assert parse_scenario(data, "s.yaml", lines, world).intensity.value == "display"
    data["simulation"] = {"intensity": "skirmish"}
    with pytest.raises(InputError, match=r"simulation\.intensity"):
        parse_scenario(data, "s.yaml", lines, world)
