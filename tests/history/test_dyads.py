"""Dyad-year tables: pairs of states in the system, one source's columns per function, each cited."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.history.dyads import (
    add_atop,
    add_capabilities,
    add_contiguity,
    add_disputes,
    add_distance,
    add_majors,
    add_nuclear,
    cite,
    dyad_years,
)
from casus.history.features import nuclear_years
from casus.history.readers import SOURCES
from casus.history.snapshot import world_at


def _states() -> pd.DataFrame:
    rows = [
        (2, "USA", 1816, 2016),
        (200, "UKG", 1816, 2016),
        (255, "GMY", 1816, 1945),
        (255, "GMY", 1990, 2016),
        (260, "GFR", 1955, 1990),
    ]
    return pd.DataFrame(rows, columns=["ccode", "stateabb", "styear", "endyear"])


def test_pairs_of_states_in_the_system_each_year_both_ways_or_once() -> None:
    d = dyad_years(_states(), since=1940, until=1960)
    per_year = d.groupby("year").size()
    assert per_year[1945] == 6 and per_year[1950] == 2 and per_year[1955] == 6  # GMY out 1946-89, GFR in 1955
    assert not ((d.ccode1 == 255) & (d.year == 1950)).any()
    u = dyad_years(_states(), since=1940, until=1960, directed=False)
    assert len(u) * 2 == len(d) and (u.ccode1 < u.ccode2).all()
    assert cite(d) == [SOURCES["cow_states"]]
    with pytest.raises(ValueError, match="since"):
        dyad_years(_states(), since=1960, until=1940)


def test_atop_obligations_are_read_one_way_or_either_way() -> None:
    atop = pd.DataFrame(
        [(200, 2, 1950, 1, 0, 0, 0, 1), (2, 200, 1950, 0, 0, 0, 0, 1)],
        columns=["ccode1", "ccode2", "year", "defense", "offense", "neutral", "nonagg", "consul"],
    )
    d = add_atop(dyad_years(_states(), since=1950, until=1951), atop)
    row = d.set_index(["ccode1", "ccode2", "year"])
    assert row.loc[(200, 2, 1950), "atop_defense"] == 1 and row.loc[(2, 200, 1950), "atop_defense"] == 0
    assert row.loc[(2, 200, 1950), "atop_consul"] == 1 and row.loc[(200, 2, 1951), "atop_defense"] == 0
    u = add_atop(dyad_years(_states(), since=1950, until=1950, directed=False), atop).set_index(
        ["ccode1", "ccode2"]
    )
    assert u.loc[(2, 200), "atop_defense"] == 1  # either state owes the other
    assert cite(u) == [SOURCES["cow_states"], SOURCES["atop"]]


def test_a_file_repeating_a_row_never_repeats_a_dyad_year() -> None:
    atop = pd.DataFrame(
        [(200, 2, 1950, 1, 0, 0, 0, 0), (200, 2, 1950, 0, 0, 0, 0, 1)],
        columns=["ccode1", "ccode2", "year", "defense", "offense", "neutral", "nonagg", "consul"],
    )
    nmc = pd.DataFrame({"ccode": [2, 2], "year": [1950, 1950], "cinc": [0.3, 0.3]})
    base = dyad_years(_states(), since=1950, until=1950)
    d = add_capabilities(add_atop(base, atop), nmc)
    assert len(d) == len(base)
    row = d.set_index(["ccode1", "ccode2"]).loc[(200, 2)]
    assert row.atop_defense == 1 and row.atop_consul == 1 and row.cinc2 == 0.3


def test_contiguity_counts_within_its_spell_and_the_closest_type_wins() -> None:
    ct = pd.DataFrame({
        "ccode1": [200, 200, 2], "ccode2": [255, 255, 200], "conttype": [5, 1, 4],
        "stdate": pd.to_datetime(["1816-01-01", "1994-05-06", "1816-01-01"]),
        "enddate": pd.to_datetime(["2016-12-31", "2016-12-31", "1900-12-31"]),
    })  # fmt: skip
    d = add_contiguity(dyad_years(_states(), since=1900, until=2000), ct).set_index(
        ["ccode1", "ccode2", "year"]
    )
    assert d.loc[(200, 255, 1993), "conttype"] == 5 and d.loc[(200, 255, 1994), "conttype"] == 1
    assert d.loc[(2, 200, 1900), "conttype"] == 4 and d.loc[(2, 200, 1901), "conttype"] == 0  # 0: none
    assert d.loc[(255, 200, 1994), "conttype"] == 0  # the file's direction is kept
    assert (d.conttype > 0).sum() == 46 + 11 + 1  # UKG-GMY 1900-45 and 1990-2000, USA-UKG 1900
    u = add_contiguity(dyad_years(_states(), since=1900, until=1900, directed=False), ct.iloc[[2]])
    assert u.set_index(["ccode1", "ccode2"]).loc[(2, 200), "conttype"] == 4  # either direction, once
    rev = ct.iloc[[2]].assign(ccode1=200, ccode2=2)
    u = add_contiguity(dyad_years(_states(), since=1900, until=1900, directed=False), rev)
    assert u.set_index(["ccode1", "ccode2"]).loc[(2, 200), "conttype"] == 4


def test_each_state_s_status_capabilities_and_capital_distance() -> None:
    majors = pd.DataFrame({"ccode": [200], "styear": [1816], "endyear": [1945]})
    nmc = pd.DataFrame({"ccode": [2, 200], "year": [1900, 1900], "cinc": [0.2, 0.1]})
    d = dyad_years(_states(), since=1900, until=1900)
    d = add_distance(add_nuclear(add_capabilities(add_majors(d, majors), nmc), nuclear_years()))
    row = d.set_index(["ccode1", "ccode2"])
    assert row.loc[(200, 2), "major1"] == 1 and row.loc[(200, 2), "major2"] == 0
    assert row.loc[(2, 200), "cinc1"] == 0.2 and np.isnan(row.loc[(2, 255), "cinc2"])
    assert row.nuclear1.sum() == 0  # no one in 1900
    assert 5500 < row.loc[(2, 200), "capital_km"] < 6000  # Washington–London
    assert row.loc[(2, 200), "capital_km"] == row.loc[(200, 2), "capital_km"]
    assert len(cite(d)) == 4 and cite(d)[-1].startswith("casus")  # registry and capitals: one source
    assert d.attrs["citations"] == ["cow_states", "cow_majors", "cow_nmc", "casus"]


def _brute_disputes(parts: pd.DataFrame, directed: bool) -> tuple[Counter[tuple[int, int, int]], ...]:
    onset: Counter[tuple[int, int, int]] = Counter()
    together: Counter[tuple[int, int, int]] = Counter()
    ongoing: Counter[tuple[int, int, int]] = Counter()
    for _, g in parts.groupby("dispnum"):
        spell = {
            c: (int(x.sidea.iloc[0]), int(x.styear.min()), int(x.endyear.max()))
            for c, x in g.groupby("ccode")
        }
        for a, (sa, ya, ea) in spell.items():
            for b, (sb, yb, eb) in spell.items():
                if a == b or (not directed and a > b) or max(ya, yb) > min(ea, eb):
                    continue
                (onset if sa != sb else together)[(a, b, max(ya, yb))] += 1
                if sa != sb:
                    for y in range(max(ya, yb), min(ea, eb) + 1):
                        ongoing[(a, b, y)] = 1
    return onset, together, ongoing


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 6),
            st.sampled_from([2, 200, 255]),
            st.integers(0, 1),
            st.integers(1900, 1910),
            st.integers(0, 4),
        ),
        min_size=1,
        max_size=14,
    ),
    st.booleans(),
)
def test_disputes_count_as_a_row_by_row_reading_does(
    rows: list[tuple[int, int, int, int, int]], directed: bool
) -> None:
    parts = pd.DataFrame(
        [(n, c, s, y, y + k) for n, c, s, y, k in rows],
        columns=["dispnum", "ccode", "sidea", "styear", "endyear"],
    ).drop_duplicates(["dispnum", "ccode"])
    d = add_disputes(dyad_years(_states(), since=1900, until=1914, directed=directed), parts)
    onset, together, ongoing = _brute_disputes(parts, directed)
    key = list(zip(d.ccode1, d.ccode2, d.year, strict=True))
    assert list(d.mid_onset) == [onset[k] for k in key]
    assert list(d.mid_together) == [together[k] for k in key]
    assert list(d.mid_ongoing) == [ongoing[k] for k in key]


# --- on the shared data -----------------------------------------------------------------------


def test_the_world_of_1914_as_dyad_years(history: tuple[dict[str, pd.DataFrame], pd.DataFrame]) -> None:
    tables, _ = history
    d = dyad_years(tables["cow_states"], since=1914, until=1914)
    d = add_contiguity(add_atop(d, tables["atop"]), tables["cow_contiguity"])
    snap = world_at(tables, 1914)
    n = len(snap.states)
    assert len(d) == n * (n - 1)
    owed = set(zip(d.ccode1[d.atop_defense == 1], d.ccode2[d.atop_defense == 1], strict=True))
    coded = snap.obligations[snap.obligations.defense == 1]
    inside = set(snap.states.ccode)  # ATOP also codes Montenegro (341), outside COW's system
    assert owed == {(a, b) for a, b in zip(coded.ccode1, coded.ccode2, strict=True) if {a, b} <= inside}
    row = d.set_index(["ccode1", "ccode2"])
    assert (
        row.loc[(255, 220), "conttype"] == 1 and row.loc[(220, 365), "atop_defense"] == 1
    )  # GMY–FRN, FRN→RUS


def test_disputes_on_the_shared_data_match_a_row_by_row_reading(
    history: tuple[dict[str, pd.DataFrame], pd.DataFrame],
) -> None:
    tables, _ = history
    parts = tables["mid_participants"]
    d = add_disputes(dyad_years(tables["cow_states"], directed=False), parts)
    onset, together, _ = _brute_disputes(parts, directed=False)
    inside = set(zip(d.ccode1, d.ccode2, d.year, strict=True))
    assert d.mid_onset.sum() == sum(v for k, v in onset.items() if k in inside) > 1000
    assert d.mid_together.sum() == sum(v for k, v in together.items() if k in inside) > 500
    assert cite(d)[-1] == SOURCES["mid"]


def test_the_whole_table_for_every_year(
    history: tuple[dict[str, pd.DataFrame], pd.DataFrame], shared_data: Path
) -> None:
    tables, _ = history
    d = dyad_years(tables["cow_states"])
    for add, table in ((add_atop, "atop"), (add_contiguity, "cow_contiguity"), (add_majors, "cow_majors"),
                       (add_capabilities, "cow_nmc"), (add_disputes, "mid_participants")):  # fmt: skip
        d = add(d, tables[table])
    assert len(d) == len(dyad_years(tables["cow_states"])) > 1_500_000  # no join duplicated a row
    assert not d.duplicated(["ccode1", "ccode2", "year"]).any()
    assert d.year.min() == 1816 and d.year.max() == 2016
    assert len(cite(d)) == 6
