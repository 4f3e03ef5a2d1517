"""A historical year as a World: COW states, ATOP codings as provisions, and the engines run on it."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from casus.cascade import CONTESTED, compile_scenario
from casus.cli import app
from casus.history.cascade import HistoryWorld
from casus.history.snapshot import KINDS as LABELS
from casus.history.snapshot import world_at
from casus.history.world import historical_world
from casus.joining import load_model
from casus.model import Direction, ObligationType, StateStatus
from casus.model.scenario import Scenario
from casus.obligations import Status, casus_foederis
from casus.ties import SIDE_A
from casus.world import World, load_states

REPO = Path(__file__).resolve().parents[2]
JULY_1914 = REPO / "examples" / "history" / "july-1914.yaml"


def _spans(rows: list[tuple[int, int, int, int, int, int, int]]) -> pd.DataFrame:
    cols = ["ccode", "styear", "stmonth", "stday", "endyear", "endmonth", "endday"]
    return pd.DataFrame(rows, columns=cols)


def _atop(rows: list[tuple[int, int, int, int, int, int, int, int]]) -> pd.DataFrame:
    cols = ["ccode1", "ccode2", "year", "defense", "offense", "neutral", "nonagg", "consul"]
    return pd.DataFrame(rows, columns=cols)


def _tables(atop: pd.DataFrame) -> dict[str, pd.DataFrame]:
    states = _spans([
        (255, 1816, 1, 1, 1945, 5, 8),
        (300, 1816, 1, 1, 1918, 11, 12),
        (345, 1878, 7, 13, 1941, 4, 20),
        (290, 1918, 11, 11, 2016, 12, 31),
    ]).assign(
        stateabb=["GMY", "AUH", "YUG", "POL"], statenme=["Germany", "Austria-Hungary", "Yugoslavia", "Poland"]
    )  # fmt: skip
    contiguity = pd.DataFrame({
        "ccode1": [255, 300, 300, 345], "ccode2": [300, 255, 345, 300], "conttype": [1, 1, 1, 1],
        "stdate": pd.to_datetime(["1816-01-01"] * 2 + ["1878-07-13"] * 2),
        "enddate": pd.to_datetime(["1918-11-12"] * 4),
    })  # fmt: skip
    majors = _spans([(255, 1816, 1, 1, 1918, 11, 11), (300, 1816, 1, 1, 1918, 11, 3)])
    return {"cow_states": states, "cow_majors": majors, "cow_contiguity": contiguity, "atop": atop}


ATOP = _atop([
    (255, 300, 1913, 1, 0, 0, 0, 1), (300, 255, 1913, 1, 0, 0, 0, 1),
    (255, 300, 1914, 1, 0, 0, 0, 1), (300, 255, 1914, 1, 0, 0, 0, 1),
    (300, 345, 1914, 0, 0, 0, 1, 0),  # owed one way only, first coded in 1914
    (255, 999, 1914, 1, 0, 0, 0, 0),  # a state outside the system
    (255, 345, 1915, 1, 0, 0, 0, 0),  # after the year: never read
])  # fmt: skip


def test_states_are_cow_members_of_the_year_with_their_borders_and_major_power_spells() -> None:
    w = historical_world(_tables(ATOP), 1914)
    assert sorted(s.id for s in w.states) == ["AUH", "GMY", "YUG"]  # Poland only from 1918
    auh = w.states.get("AUH")
    assert auh.status is StateStatus.HISTORICAL and auh.cow is not None and auh.cow.code == 300
    assert auh.neighbours == ["GMY", "YUG"] and auh.region == "Europe"
    assert auh.major_on(dt.date(1914, 7, 29)) and not w.states.get("YUG").major_on(dt.date(1914, 7, 29))
    # What ends after the year is not known in it: no end date, open major-power spell.
    assert auh.end is None and auh.major_power[0].until is None


def test_a_state_leaving_during_the_year_ends_on_the_day_after_its_last() -> None:
    w = historical_world(_tables(ATOP.assign(year=1941)), 1941)
    yug = w.states.get("YUG")
    assert yug.exists_on(dt.date(1941, 4, 20)) and not yug.exists_on(dt.date(1941, 4, 21))


def test_atop_codings_become_one_record_per_pair_marked_as_codings_not_text() -> None:
    w = historical_world(_tables(ATOP), 1914)
    assert sorted(w.treaties) == ["atop-auh-yug", "atop-gmy-auh"]
    pact = w.treaties["atop-gmy-auh"]
    assert pact.in_force == dt.date(1913, 1, 1) and pact.ended is None
    defence, consult = pact.provisions
    assert defence.type is ObligationType.DEFENSE and defence.direction is Direction.MUTUAL
    assert consult.type is ObligationType.CONSULTATION
    one_way = w.treaties["atop-auh-yug"].provisions[0]
    assert one_way.type is ObligationType.NON_AGGRESSION and one_way.direction is Direction.DIRECTED
    assert (one_way.obligors, one_way.beneficiaries) == (["AUH"], ["YUG"])
    for t in w.treaties.values():
        for p in t.provisions:
            assert not p.verbatim and "not treaty text" in p.text and p.text_source is not None
    assert "1913-1914" in defence.text
    assert any("999" in c for c in w.caveats)  # outside the system: left out, and said so
    assert any("AUH–YUG" in c and "first coded in 1914" in c for c in w.caveats)
    assert w.provenance is not None and "1914" in w.provenance and "sha256:" in w.provenance


def test_the_world_of_a_year_reads_nothing_after_it() -> None:
    later = _atop([(255, 300, 1916, 0, 0, 0, 0, 1), (255, 345, 1915, 1, 1, 1, 1, 1)])
    a = historical_world(_tables(ATOP), 1914)
    b = historical_world(_tables(pd.concat([ATOP[ATOP.year <= 1914], later])), 1914)
    assert a.treaties == b.treaties and a.states.states == b.states.states


KINDS = tuple(LABELS)
ROWS = st.lists(
    st.tuples(
        st.sampled_from([255, 300, 345, 290, 999]),
        st.sampled_from([255, 300, 345, 290, 999]),
        st.integers(1912, 1922),
        *[st.integers(0, 1)] * 5,
    ).filter(lambda r: r[0] != r[1]),
    min_size=1,
    max_size=40,
)


def _owed(world: World) -> set[tuple[str, str, str]]:
    """(obligor, beneficiary, kind) for every provision of a built world."""
    kind_of = {
        f"ATOP {label}": k for k, label in zip(KINDS, world_at.__globals__["KINDS"].values(), strict=True)
    }
    out = set()
    for t in world.treaties.values():
        a, b = (m.state for m in t.parties)
        for p in t.provisions:
            pairs = (
                [(a, b), (b, a)] if p.direction is Direction.MUTUAL else [(p.obligors[0], p.beneficiaries[0])]
            )
            out |= {(o, e, kind_of[p.article]) for o, e in pairs}
    return out


@settings(max_examples=60, deadline=None)
@given(rows=ROWS, year=st.integers(1913, 1920))
def test_every_coding_of_the_year_and_nothing_else_becomes_a_provision(
    rows: list[tuple[int, ...]], year: int
) -> None:
    atop = _atop([tuple(r) for r in rows]).drop_duplicates(["ccode1", "ccode2", "year"])
    if not atop.year.min() <= year <= atop.year.max():
        with pytest.raises(ValueError, match="ATOP file covers"):
            historical_world(_tables(atop), year)
        return
    w = historical_world(_tables(atop), year)
    abb = {s.cow.code: s.id for s in w.states if s.cow is not None}
    now = atop[(atop.year == year) & atop.ccode1.isin(list(abb)) & atop.ccode2.isin(list(abb))]
    coded = {(abb[r.ccode1], abb[r.ccode2], k) for r in now.itertuples() for k in KINDS if getattr(r, k)}
    assert _owed(w) == coded
    assert all(not p.verbatim for t in w.treaties.values() for p in t.provisions)
    # Later years coded otherwise (here: nothing at all) change nothing.
    blank = atop[atop.year > year].assign(**dict.fromkeys(KINDS, 0))
    cut = historical_world(_tables(pd.concat([atop[atop.year <= year], blank])), year)
    assert cut.treaties == w.treaties


def test_a_year_outside_the_files_is_refused() -> None:
    with pytest.raises(ValueError, match="ATOP file covers 1913-1915"):
        historical_world(_tables(ATOP), 1920)


def _scenario(attacker: str, target: str, on: str = "1914-07-29") -> Scenario:
    return Scenario.model_validate({
        "name": "t", "date": on,
        "events": [{"id": "e", "actor": attacker, "target": target, "kind": "armed_attack",
                    "location": {"state": target}}],
    })  # fmt: skip


def test_the_obligation_engine_reads_the_codings() -> None:
    w = historical_world(_tables(ATOP), 1914)
    results = casus_foederis(w, _scenario("YUG", "AUH"))
    verdicts = {(r.obligor, r.beneficiary, r.type.value): r.status for r in results}
    assert verdicts[("GMY", "AUH", "defense")] is Status.TRIGGERED
    assert verdicts[("GMY", "AUH", "consultation")] is Status.TRIGGERED
    triggered = next(r for r in results if r.type is ObligationType.DEFENSE)
    assert any("(paraphrase)" in x for x in triggered.reasons)  # quoted, and marked as not verbatim


# --- on the shared data -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def tables(history: tuple[dict[str, pd.DataFrame], pd.DataFrame]) -> dict[str, pd.DataFrame]:
    return history[0]


@pytest.fixture(scope="module")
def world_1914(tables: dict[str, pd.DataFrame]) -> World:
    return historical_world(tables, 1914, load_states())


def test_1914_holds_the_snapshot_states_and_obligations(
    tables: dict[str, pd.DataFrame], world_1914: World
) -> None:
    snap = world_at(tables, 1914)
    assert sorted(s.id for s in world_1914.states) == sorted(snap.states.stateabb)
    assert world_1914.states.get("YUG").name == "Serbia"  # the registry's name for COW 345 that year
    coded = {(a, b) for a, b, _ in snap.pairs("defense")} | {(b, a) for a, b, m in snap.pairs("defense") if m}
    ours = set()
    for t in world_1914.treaties.values():
        for p in t.provisions:
            if p.type is ObligationType.DEFENSE:
                pair = [m.state for m in t.parties]
                if p.direction is Direction.MUTUAL:
                    ours |= {(pair[0], pair[1]), (pair[1], pair[0])}
                else:
                    ours |= {(p.obligors[0], p.beneficiaries[0])}
    inside = {s.id for s in world_1914.states}
    assert ours == {(a, b) for a, b in coded if a in inside and b in inside}
    assert ("FRN", "RUS") in ours and ("GMY", "AUH") in ours


@pytest.mark.parametrize("year", [1914, 1939, 1962])
def test_the_simulator_compiles_the_same_alliance_ties_as_the_backtest_cascade(
    tables: dict[str, pd.DataFrame], hworld: HistoryWorld, year: int
) -> None:
    world = historical_world(tables, year, load_states())
    on = f"{year}-07-01"
    ids = [s.id for s in world.at(dt.date.fromisoformat(on)).states]
    compiled = compile_scenario(world, _scenario(ids[0], ids[1], on), load_model())
    codes = {s.id: s.cow.code for s in world.states if s.cow is not None}
    ours = {
        (codes[compiled.ids[t.obligor]], codes[compiled.ids[t.beneficiary]])
        for t in compiled.joiner_ties
        if t.category == CONTESTED
    }
    origs = pd.DataFrame({"oc": [codes[ids[0]]], "oside": [SIDE_A]})
    d = hworld.compile(0, year, 7, origs)
    i, j = np.nonzero(d.defense)
    # The backtest counts a state in the system at any time of the year; the simulator, on the
    # date (Czechoslovakia and Albania are gone by July 1939).
    alive = {codes[x] for x in compiled.ids}
    coded = {(int(d.states[a]), int(d.states[b])) for a, b in zip(i, j, strict=True)}
    assert ours == {(a, b) for a, b in coded if a in alive and b in alive}


def _plain(output: str) -> str:
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", output).split())


def test_casus_run_on_1914(shared_data: Path) -> None:
    r = CliRunner().invoke(
        app, ["run", str(JULY_1914), "--data", str(shared_data), "-n", "3000", "--json", "--no-sensitivity"]
    )
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert "historical world of 1914" in doc["world"]["provenance"]
    assert any("GMY–TUR" in c for c in doc["world"]["caveats"])
    triggered = {(o["obligor"], o["beneficiary"]) for o in doc["obligations"] if o["status"] == "triggered"}
    assert ("GRC", "YUG") in triggered  # the 1913 Greek-Serbian alliance, as ATOP codes it
    sim = doc["simulation"]
    assert (
        sim["world"] == doc["world"]["provenance"] and sim["side_a"] == ["AUH"] and sim["side_b"] == ["YUG"]
    )
    again = CliRunner().invoke(
        app, ["run", str(JULY_1914), "--data", str(shared_data), "-n", "3000", "--json", "--no-sensitivity"]
    )
    assert json.loads(again.output)["simulation"] == sim  # same scenario and seed, same numbers


def test_casus_run_on_history_names_states_as_cow_does(shared_data: Path, tmp_path: Path) -> None:
    bad = tmp_path / "s.yaml"
    bad.write_text(JULY_1914.read_text().replace("target: YUG", "target: SRB"))
    r = CliRunner().invoke(app, ["run", str(bad), "--data", str(shared_data), "-n", "0"])
    assert r.exit_code != 0
    assert "events[0].target" in str(r.exception) and "did you mean YUG (Serbia)" in str(r.exception)


def test_casus_run_on_history_refuses_a_year_outside_the_files(shared_data: Path, tmp_path: Path) -> None:
    late = tmp_path / "s.yaml"
    late.write_text(JULY_1914.read_text().replace("1914-07-29", "2024-07-29"))
    r = CliRunner().invoke(app, ["run", str(late), "--data", str(shared_data), "-n", "0"])
    assert r.exit_code != 0
    assert f"{late}:9: date: no state is in the COW system in 2024 (the data cover 1816-2016)" in str(
        r.exception
    )


def test_a_scenario_set_in_the_bundled_world_stays_there_with_data(shared_data: Path) -> None:
    belgorod = REPO / "examples" / "belgorod-2025.yaml"
    r = CliRunner().invoke(app, ["run", str(belgorod), "--data", str(shared_data), "-n", "0", "--json"])
    assert r.exit_code == 0, r.output
    assert "--data is not used" in r.stderr
    doc = json.loads(r.stdout)
    assert "world" not in doc and any(o["treaty"] == "ru-kp-2024" for o in doc["obligations"])


def test_casus_run_on_history_needs_its_files(tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["run", str(JULY_1914), "--data", str(tmp_path), "-n", "0"])
    assert r.exit_code != 0
    assert "cow_states.csv" in str(r.exception) or "cow_states" in _plain(r.output)


def test_a_historical_scenario_without_its_files_is_refused_where_it_says_so() -> None:
    r = CliRunner().invoke(app, ["run", str(JULY_1914), "-n", "0"])
    assert r.exit_code != 0
    assert f"{JULY_1914}:10: world: this scenario runs in the historical world of 1914" in str(r.exception)


def test_casus_check_reads_a_historical_scenario_against_its_schema_without_the_files() -> None:
    r = CliRunner().invoke(app, ["check", str(JULY_1914.parent)])
    assert r.exit_code == 0, r.output
    assert "historical world: schema only" in _plain(r.output)


def test_casus_check_with_the_files_checks_its_states(shared_data: Path, tmp_path: Path) -> None:
    ok = CliRunner().invoke(app, ["check", "--data", str(shared_data), str(JULY_1914)])
    assert ok.exit_code == 0 and "(scenario)" in ok.output
    bad = tmp_path / "s.yaml"
    bad.write_text(JULY_1914.read_text().replace("actor: AUH", "actor: AUT"))
    r = CliRunner().invoke(app, ["check", "--data", str(shared_data), str(bad)])
    assert r.exit_code == 1
    assert "events[0].actor: unknown state 'AUT'" in r.output


def test_the_report_of_a_historical_run_says_which_world_it_ran_in(shared_data: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.html"
    r = CliRunner().invoke(
        app, ["run", str(JULY_1914), "--data", str(shared_data), "-n", "0", "--report", str(report)]
    )
    assert r.exit_code == 0, r.output
    html = report.read_text()
    assert "World: historical world of 1914" in html and "GMY–TUR" in html
    assert "world: historical world of 1914" in r.output  # and so does the terminal


def test_an_unknown_world_is_refused_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "s.yaml"
    bad.write_text(JULY_1914.read_text().replace("world: history", "world: past"))
    r = CliRunner().invoke(app, ["check", str(bad)])
    assert r.exit_code == 1
    assert f"{bad}:10: world: unknown world 'past' (expected one of bundled or history)" in _plain(r.output)


def test_states_and_treaties_of_a_historical_year_from_the_command_line(shared_data: Path) -> None:
    data = ["--data", str(shared_data), "--at", "1914-07-01"]
    r = CliRunner().invoke(app, ["states", *data, "--region", "Europe", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["world"].startswith("historical world of 1914 from")
    assert {"GMY", "AUH", "YUG", "RUS"} <= {s["id"] for s in doc["states"]} and doc["count"] == 19
    listed = json.loads(
        CliRunner().invoke(app, ["treaties", "list", *data, "--party", "GMY", "--json"]).output
    )
    assert "atop-gmy-auh" in {t["id"] for t in listed["treaties"]} and listed["party"] == "GMY"
    shown = CliRunner().invoke(app, ["treaties", "show", "atop-gmy-auh", *data])
    assert shown.exit_code == 0, shown.output
    text = _plain(shown.output)
    assert (
        "world: historical world of 1914" in text
        and "[PARAPHRASE]" in text
        and "defense = 1, 1879-1914" in text
    )
    # The bundled registry by default: no Austria-Hungary there.
    assert "AUH" not in {
        s["id"]
        for s in json.loads(CliRunner().invoke(app, ["states", "--at", "1914-07-01", "--json"]).output)[
            "states"
        ]
    }
    # An unknown id is explained in the ids this world takes, not ISO's.
    unknown = CliRunner().invoke(app, ["treaties", "list", *data, "--party", "ZZZ"])
    assert unknown.exit_code != 0 and "states are COW abbreviations of 1914" in str(unknown.exception)
    late = CliRunner().invoke(app, ["states", "--data", str(shared_data), "--at", "2024-01-01"])
    assert late.exit_code == 2 and "no state is in the COW system in 2024" in _plain(late.output)
