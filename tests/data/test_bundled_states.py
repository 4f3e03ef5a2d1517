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


# Where the registry's land borders knowingly differ from COW's direct contiguity (type 1).
COW_ONLY = {
    ("DNK", "SWE"): "COW counts the Oresund bridge-tunnel as land contiguity",
    ("BHR", "SAU"): "COW counts the King Fahd causeway",
    ("MYS", "SGP"): "COW counts the Johor-Singapore causeway",
    ("CYP", "TUR"): "COW codes contiguity through northern Cyprus",
    ("MAR", "MRT"): "COW codes contiguity through Western Sahara",
    ("ARE", "QAT"): "no land border since the 1974 boundary settlement",
    ("MMR", "PAK"): "no land border between Myanmar and Pakistan",
}
REGISTRY_ONLY = {
    ("COD", "TZA"): "boundary runs through Lake Tanganyika; COW codes it as water",
    ("NGA", "TCD"): "boundary runs through Lake Chad; COW codes it as water",
}


def test_land_neighbours_agree_with_cow_contiguity(world: World, shared_data: Path) -> None:
    on = D(2016, 12, 31)

    def ids(a: int, b: int) -> tuple[str, str]:
        sa, sb = world.states.by_cow_code(a, on), world.states.by_cow_code(b, on)
        assert sa is not None and sb is not None, (a, b)
        x, y = sorted((sa.id, sb.id))
        return (x, y)

    cow: set[tuple[str, str]] = set()
    with (shared_data / "cow_contiguity.csv").open(newline="") as f:
        for r in csv.DictReader(f):
            if r["conttype"] == "1" and str(r["enddate"]).startswith("2016"):
                cow.add(ids(int(r["ccode1"]), int(r["ccode2"])))
    ours: set[tuple[str, str]] = set()
    for s in world.states.existing_on(on):
        for n in s.neighbours:
            other = world.states.get(n)
            if s.cow and s.cow.code and other.cow and other.cow.code:
                x, y = sorted((s.id, n))
                ours.add((x, y))
    assert cow - ours == set(COW_ONLY)
    assert ours - cow == set(REGISTRY_ONLY)


def test_cow_codes_resolve_by_date(world: World) -> None:
    reg = world.states
    assert reg.by_cow_code(365, D(1980, 1, 1)) is reg.get("SUN")
    assert reg.by_cow_code(365, TODAY) is reg.get("RUS")
    assert reg.by_cow_code(345, D(1980, 1, 1)) is reg.get("YUG")
    assert reg.by_cow_code(345, D(2000, 1, 1)) is reg.get("SCG")
    assert reg.by_cow_code(345, TODAY) is reg.get("SRB")
    assert reg.by_cow_code(260, D(1980, 1, 1)) is reg.get("DEU")
    assert reg.by_cow_code(265, D(1980, 1, 1)) is reg.get("DDR")


def test_major_powers_match_cow(world: World, shared_data: Path) -> None:
    on = D(2016, 12, 31)
    with (shared_data / "cow_majors.csv").open(newline="") as f:
        cow = {int(r["ccode"]) for r in csv.DictReader(f) if int(r["endyear"]) == 2016}
    ours = {s.cow.code for s in world.states.existing_on(on) if s.major_on(on) and s.cow and s.cow.code}
    assert ours == cow
    assert world.states.get("SUN").major_on(D(1980, 1, 1))
    assert not world.states.get("CHN").major_on(D(1949, 1, 1))
