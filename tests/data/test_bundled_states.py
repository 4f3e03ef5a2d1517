"""The bundled state registry: real facts, and agreement with the COW files when present."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from casus.model import StateStatus
from casus.world import World

D = dt.date
TODAY = D(2025, 1, 1)


def test_todays_world_has_the_un_members_and_the_contested_cases(world: World) -> None:
    today = {s.id: s for s in world.states.existing_on(TODAY)}
    assert sum(s.status is StateStatus.UN_MEMBER for s in today.values()) == 193
    for ident in ("TWN", "XKX", "PSE"):
        assert today[ident].status_note, f"{ident} needs its status noted"
    assert today["TWN"].status is StateStatus.PARTIALLY_RECOGNISED
    assert today["XKX"].status is StateStatus.PARTIALLY_RECOGNISED
    assert today["PSE"].status is StateStatus.UN_OBSERVER


def test_every_current_state_in_cow_maps_both_ways(world: World) -> None:
    for s in world.states.existing_on(TODAY):
        if s.cow is None or s.cow.code is None:
            continue
        assert world.states.by_cow_code(s.cow.code, TODAY) is s, s.id
        assert s.cow.abb is not None and world.states.by_cow_abb(s.cow.abb, TODAY) is s, s.id


def test_cow_codes_are_unique_among_current_states(world: World) -> None:
    seen: dict[int, str] = {}
    for s in world.states.existing_on(TODAY):
        if s.cow and s.cow.code:
            assert s.cow.code not in seen, (s.id, seen.get(s.cow.code))
            seen[s.cow.code] = s.id


def test_land_neighbours_are_symmetric(world: World) -> None:
    for s in world.states:
        for n in s.neighbours:
            assert s.id in world.states.get(n).neighbours, (s.id, n)


def test_nuclear_status_by_date(world: World) -> None:
    nuclear_today = {s.id for s in world.states.existing_on(TODAY) if s.nuclear_on(TODAY)}
    assert nuclear_today == {"USA", "RUS", "GBR", "FRA", "CHN", "IND", "PAK", "PRK", "ISR"}
    assert not world.states.get("PRK").nuclear_on(D(2005, 1, 1))
    assert world.states.get("SUN").nuclear_on(D(1980, 1, 1))
    assert not world.states.get("ZAF").nuclear_on(TODAY)


def test_lookup_by_name_alias_and_cow(world: World) -> None:
    reg = world.states
    assert reg.find("North Korea") is reg.get("PRK")
    assert reg.find("DPRK") is reg.get("PRK")
    assert reg.find("ROK") is reg.get("KOR")
    assert reg.find("UKG") is reg.get("GBR")
    assert reg.find("2") is reg.get("USA")


def test_every_state_has_the_core_fields(world: World) -> None:
    for s in world.states.existing_on(TODAY):
        assert s.capital, s.id
        assert s.demonyms, s.id
        assert s.region in {"Africa", "Americas", "Asia", "Europe", "Oceania"}, s.id


# --- agreement with the COW files (skips without ../shared/data) ---------------------------------


def _cow_states(folder: Path) -> list[dict[str, str]]:
    with (folder / "cow_states.csv").open(newline="") as f:
        return list(csv.DictReader(f))


def test_cow_codes_and_abbreviations_match_the_cow_state_list(world: World, shared_data: Path) -> None:
    rows = _cow_states(shared_data)
    abb_of = {int(r["ccode"]): r["stateabb"] for r in rows}
    current = {int(r["ccode"]) for r in rows if int(r["endyear"]) >= 2016}
    wrong = []
    for s in world.states:
        for cow in [s.cow, *s.former_cow]:
            if cow is None or cow.code is None:
                continue
            if cow.code not in abb_of or abb_of[cow.code] != cow.abb:
                wrong.append((s.id, cow.code, cow.abb, abb_of.get(cow.code)))
    assert not wrong
    mapped = {s.cow.code for s in world.states.existing_on(D(2016, 12, 31)) if s.cow and s.cow.code}
    assert current <= mapped, f"COW states in 2016 without a registry entry: {sorted(current - mapped)}"


def test_land_neighbours_agree_with_cow_contiguity(world: World, shared_data: Path) -> None:
    land: set[tuple[int, int]] = set()
    with (shared_data / "cow_contiguity.csv").open(newline="") as f:
        for r in csv.DictReader(f):
            if r["conttype"] == "1" and str(r["enddate"]).startswith("2016"):
                land.add((int(r["ccode1"]), int(r["ccode2"])))
    ours: set[tuple[int, int]] = set()
    for s in world.states.existing_on(D(2016, 12, 31)):
        for n in s.neighbours:
            other = world.states.get(n)
            if s.cow and s.cow.code and other.cow and other.cow.code:
                ours.add((s.cow.code, other.cow.code))
    missing = land - ours
    extra = ours - land
    # Allow a handful of known coding differences (e.g. borders COW codes by water or enclaves).
    assert len(missing) <= 6, sorted(missing)
    assert len(extra) <= 6, sorted(extra)
