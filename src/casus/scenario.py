"""Loading scenario files and checking them against the world they will run in."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casus.loader import LineMap, format_path, read_file, validate
from casus.model import InputError, Problem, UnknownIdError
from casus.model.scenario import Scenario, SideConflict, WorldKind, initial_sides
from casus.world import World

__all__ = [
    "BUNDLED_EXAMPLES",
    "check_scenario",
    "find_scenario",
    "load_scenario",
    "parse_scenario",
    "reading_key",
    "validate_scenario",
]

# Example scenarios ship inside the package (a source checkout's examples/ points here).
BUNDLED_EXAMPLES = Path(__file__).resolve().parent / "examples"


def find_scenario(path: str | os.PathLike[str]) -> Path:
    """A scenario file: the path itself, or else a bundled example of that name (`belgorod-2025`,
    `history/july-1914`), so an installed casus runs its examples without a checkout."""
    given = Path(path)
    if given.exists():
        return given
    stem = given.as_posix().removeprefix("examples/").removesuffix(".yaml")
    bundled = BUNDLED_EXAMPLES / f"{stem}.yaml"
    return bundled if bundled.is_file() else given


def reading_key(treaty: str, article: str, question: str) -> str:
    """The key a scenario uses to pick a reading: `treaty/article/question`."""
    return f"{treaty}/{article}/{question}"


Bad = Callable[[list[str | int], str], None]
Known = Callable[[str, list[str | int]], None]


def _check_events(scenario: Scenario, world: World, known: Known, bad: Bad) -> None:
    """Each event's states, place and date."""
    for i, ev in enumerate(scenario.events):
        base: list[str | int] = ["events", i]
        if ev.attributes.state_actor:
            known(ev.actor, [*base, "actor"])
        known(ev.target, [*base, "target"])
        if ev.actor == ev.target:
            bad([*base, "target"], "an event's actor and target must differ")
        if ev.location.state:
            known(ev.location.state, [*base, "location", "state"])
        unknown_place = bool(ev.location.place) and world.find_place(ev.location.place or "") is None
        if unknown_place and world.places and not ev.location.state and not ev.location.high_seas:
            names = ", ".join(sorted(p.name for p in world.places.values()))
            bad(
                [*base, "location", "place"],
                f"unknown place {ev.location.place!r}: give its state too, or one of {names}",
            )
        if ev.attributes.flag:
            known(ev.attributes.flag, [*base, "attributes", "flag"])
        for j, s in enumerate(ev.attributes.weapons_supplied_by):
            known(s, [*base, "attributes", "weapons_supplied_by", j])
        if ev.date is not None and ev.date > scenario.date:
            bad([*base, "date"], f"event date {ev.date} is after the scenario date {scenario.date}")


def _check_states_assumed(scenario: Scenario, known: Known, bad: Bad) -> None:
    """The states assumed at war, the overrides, and whom a supplier supplies."""
    for j, s in enumerate(scenario.assumptions.at_war):
        known(s, ["assumptions", "at_war", j])
    for s, ov in scenario.assumptions.overrides.items():
        known(s, ["assumptions", "overrides", s])
        if ov.supports is not None:
            known(ov.supports, ["assumptions", "overrides", s, "supports"])
            if ov.supports == s:
                bad(["assumptions", "overrides", s, "supports"], "a state cannot supply itself")
    try:
        sides = initial_sides(scenario)
    except SideConflict as exc:
        bad(exc.path, str(exc))
        return
    for s, ov in scenario.assumptions.overrides.items():
        if ov.supports is not None and ov.supports not in sides:
            why = f"{ov.supports} is not at war in this scenario, so {s} cannot be supplying it"
            bad(["assumptions", "overrides", s, "supports"], why)


def _check_readings(scenario: Scenario, world: World, bad: Bad) -> None:
    """Each chosen reading names a real treaty, article, contested question and reading."""
    for key, reading in scenario.assumptions.readings.items():
        path: list[str | int] = ["assumptions", "readings", key]
        parts = key.split("/")
        if len(parts) != 3:
            bad(
                path,
                "choose a reading as 'treaty-id/article/question-id', e.g. 'ru-kp-2024/Art. 4/state-of-war'",
            )
            continue
        tid, article, question = parts
        if tid not in world.treaties:
            bad(path, str(UnknownIdError("treaty", tid)))
            continue
        provs = [p for p in world.treaties[tid].provisions if p.article == article]
        if not provs:
            arts = ", ".join(p.article for p in world.treaties[tid].provisions)
            bad(path, f"{tid} has no provision '{article}' (it has {arts})")
            continue
        qs = {q.id: q for p in provs for q in p.contested}
        if question not in qs:
            bad(
                path,
                f"{tid} {article} has no contested question '{question}' (it has {', '.join(qs) or 'none'})",
            )
            continue
        ids = [r.id for r in qs[question].readings]
        if reading not in ids:
            bad(path, f"unknown reading '{reading}' (expected one of {', '.join(ids)})")


def check_scenario(scenario: Scenario, world: World, file: str, lines: LineMap) -> list[Problem]:
    """Cross-checks a schema cannot express: known states, real readings, sensible dates."""
    problems: list[Problem] = []

    def bad(path: list[str | int], message: str) -> None:
        problems.append(Problem(file, lines.line(path), format_path(path), message))

    if scenario.world is WorldKind.HISTORY and world.provenance is None:
        bad(
            ["world"],
            f"this scenario runs in the historical world of {scenario.date.year}: give the ATOP and COW "
            "files (--data DIR)",
        )
        return problems

    def known(ident: str, path: list[str | int]) -> None:
        try:
            state = world.states.get(ident)
        except UnknownIdError as exc:
            bad(path, str(exc))
            return
        if not state.exists_on(scenario.date):
            bad(path, f"{ident} ({state.name}) did not exist on {scenario.date}")

    _check_events(scenario, world, known, bad)
    _check_states_assumed(scenario, known, bad)
    _check_readings(scenario, world, bad)
    return problems


def validate_scenario(data: Any, file: str, lines: LineMap) -> Scenario:
    """Validate parsed scenario data against the schema alone (no world: its date, which world it needs)."""
    if not isinstance(data, dict):
        raise InputError.single(file, 1, "", "a scenario file is a mapping with `date` and `events`")
    return validate(Scenario, data, file, lines)


def parse_scenario(data: Any, file: str, lines: LineMap, world: World) -> Scenario:
    """Validate parsed scenario data; raises InputError with every located problem."""
    scenario = validate_scenario(data, file, lines)
    problems = check_scenario(scenario, world, file, lines)
    if problems:
        raise InputError(problems)
    return scenario


def load_scenario(path: str | os.PathLike[str], world: World) -> Scenario:
    """Read, validate and cross-check a scenario file (YAML or JSON)."""
    path = Path(path)
    data, lines = read_file(path)
    return parse_scenario(data, str(path), lines, world)
