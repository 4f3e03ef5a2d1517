"""State-years and dyad-years of the COW and GW systems, membership read to the day."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.history.citations import kind_of
from casus.history.dyads import dyad_years
from casus.history.readers import read_folder
from casus.history.universe import create_dyad_years, create_state_years


@pytest.fixture(scope="module")
def tables(shared_data: Path) -> dict[str, pd.DataFrame]:
    return read_folder(shared_data, ["cow_states", "gw_states"])


def _cow(rows: list[tuple[int, str, str]]) -> dict[str, pd.DataFrame]:
    """A cow_states table from (ccode, first day, last day)."""
    start, end = pd.to_datetime([r[1] for r in rows]), pd.to_datetime([r[2] for r in rows])
    return {"cow_states": pd.DataFrame({
        "ccode": [r[0] for r in rows], "statenme": [f"s{r[0]}" for r in rows],
        "styear": start.year, "stmonth": start.month, "stday": start.day,
        "endyear": end.year, "endmonth": end.month, "endday": end.day,
    })}  # fmt: skip


def test_the_directed_cow_dyad_years_are_peacesciencers_count(tables: dict[str, pd.DataFrame]) -> None:
    d = create_dyad_years(tables, "cow", since=1816, until=2016)
    assert len(d) == 1_912_290  # peacesciencer's cow_ddy, 1816-2016
    assert list(d.columns) == ["ccode1", "ccode2", "year"] and not d.duplicated().any()
    assert d.attrs["kind"] == "dyad_year" and d.attrs["system"] == "cow" and d.attrs["directed"] is True
    assert d.attrs["citations"] == ["cow_states"]
    by_years = dyad_years(tables["cow_states"])
    assert len(by_years) - len(d) == 60  # pairs in the same year that never shared a day of it
    u = create_dyad_years(tables, "cow", directed=False)
    assert len(u) * 2 == len(d) and (u.ccode1 < u.ccode2).all() and u.attrs["directed"] is False


@pytest.mark.parametrize(
    ("a", "b", "year", "together"),
    [
        (115, 817, 1975, False),  # Suriname from 25 Nov 1975, Republic of Vietnam to 30 April
        (210, 255, 1945, False),  # the Netherlands back 1945 after Germany's end on 8 May
        (211, 255, 1945, False),
        (255, 260, 1990, False),  # West Germany to 2 Oct 1990, Germany again from 3 Oct
        (255, 265, 1990, False),
        (678, 679, 1990, False),  # the Yemens to 21 May 1990, Yemen from 22 May
        (679, 680, 1990, False),
        (260, 265, 1990, True),
        (2, 817, 1975, True),
        (365, 345, 1941, True),
    ],
)
def test_awkward_years(tables: dict[str, pd.DataFrame], a: int, b: int, year: int, together: bool) -> None:
    d = create_dyad_years(tables, "cow", since=year, until=year)
    pairs = set(zip(d.ccode1, d.ccode2, strict=True))
    assert ((a, b) in pairs) is together and ((b, a) in pairs) is together


def test_gw_dyad_years_and_state_years(tables: dict[str, pd.DataFrame]) -> None:
    g = create_dyad_years(tables, "gw")
    assert len(g) == 1_939_316 and list(g.columns) == ["gwcode1", "gwcode2", "year"]
    assert g.year.min() == 1816 and g.year.max() == 2017 and g.attrs["system"] == "gw"
    assert g.attrs["citations"] == ["gw_states"]
    pairs = set(zip(g.gwcode1, g.gwcode2, g.year, strict=True))
    assert (340, 345, 2006) not in pairs  # Yugoslavia to 4 June 2006, Serbia from 5 June
    assert (260, 255, 1949) not in pairs and (260, 265, 1949) in pairs
    sy = create_state_years(tables, "gw")
    assert len(sy) == 17_767 and list(sy.columns) == ["gwcode", "gw_name", "year"]
    assert set(sy[sy.gwcode == 340].year) == set(range(1878, 1916)) | set(range(2006, 2018))


def test_cow_state_years(tables: dict[str, pd.DataFrame]) -> None:
    sy = create_state_years(tables, "cow", until=2016)
    # Every year a spell touches: 15,951 for 1816-2016 (peacesciencer's create_stateyears gives the same
    # rows; its 16,536 run to 2019, carrying the 195 states of 2016 three more years with mry=TRUE).
    assert len(sy) == 15_951 and (sy.year == 2016).sum() == 195
    assert list(sy.columns) == ["ccode", "cw_name", "year"] and sy.attrs["kind"] == "state_year"
    germany = set(sy[sy.ccode == 255].year)
    assert 1945 in germany and 1946 not in germany and 1989 not in germany and 1990 in germany
    assert {1975} <= set(sy[sy.ccode == 817].year) and 1976 not in set(sy[sy.ccode == 817].year)
    assert set(sy[sy.ccode == 300].year) == set(range(1816, 1919))
    assert kind_of(sy, "verb", "state_year") == ("state_year", "cow")


def test_bad_arguments_are_refused_in_one_line() -> None:
    t = _cow([(2, "1816-01-01", "2016-12-31")])
    calls: list[Callable[[], object]] = [
        lambda: create_dyad_years(t, since=1900, until=1800),
        lambda: create_state_years(t, system="xx"),  # type: ignore[arg-type]
        lambda: create_dyad_years({}, system="gw"),
    ]
    for call in calls:
        with pytest.raises(ValueError) as err:
            call()
        assert "\n" not in str(err.value)


days = st.integers(0, 3 * 365)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 6), days, days), min_size=1, max_size=8))
def test_a_dyad_year_is_two_states_sharing_a_day(spells: list[tuple[int, int, int]]) -> None:
    base = np.datetime64("1900-01-01")
    rows: list[tuple[int, str, str]] = []
    seen: list[tuple[int, int, int]] = []
    for code, a, b in spells:
        lo, hi = min(a, b), max(a, b)
        if any(c == code and not (hi < x or lo > y) for c, x, y in seen):
            continue  # one state's spells never overlap
        seen.append((code, lo, hi))
        rows.append((code, str(base + lo), str(base + hi)))
    t = _cow(rows)
    d = create_dyad_years(t)
    got = set(zip(d.ccode1, d.ccode2, d.year, strict=True))
    want = set()
    for c1, a1, b1 in seen:
        for c2, a2, b2 in seen:
            for day in range(max(a1, a2), min(b1, b2) + 1):
                if c1 != c2:
                    want.add((c1, c2, int(str(base + day)[:4])))
    assert got == want
    years = {(c, y) for c, a, b in seen for y in range(int(str(base + a)[:4]), int(str(base + b)[:4]) + 1)}
    sy = create_state_years(t)
    assert set(zip(sy.ccode, sy.year, strict=True)) == years
