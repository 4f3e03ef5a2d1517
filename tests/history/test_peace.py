"""MID indicators and peace years in dyad-years and state-years, against a row-by-row reference."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.history.citations import describe
from casus.history.peace import add_peace_years, add_spells, spells
from casus.history.readers import read_folder
from casus.history.universe import create_dyad_years, create_state_years


@pytest.fixture(scope="module")
def tables(shared_data: Path) -> dict[str, pd.DataFrame]:
    return read_folder(shared_data, ["cow_states", "gw_states", "mid_participants"])


def _btscs(events: list[int]) -> list[int]:
    """peacesciencer's spell loop (DAMisc's btscs, via stevemisc's ps_btscs), one unit's rows in order."""
    out, run = [0] * len(events), 0
    for j in range(1, len(events)):
        if events[j] == 0 and events[j - 1] == 0:
            out[j] = run = run + 1
        elif events[j] != 0 and events[j - 1] == 0:
            out[j], run = run + 1, 0
        elif events[j] == 0:
            out[j] = run = 0
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 1), min_size=1, max_size=12), min_size=1, max_size=5))
def test_spells_are_peacesciencers(units: list[list[int]]) -> None:
    unit = np.concatenate([[i] * len(u) for i, u in enumerate(units)])
    year = np.concatenate([np.arange(len(u))[::-1] + 1900 for u in units])  # rows given out of order
    event = np.concatenate([u[::-1] for u in units])
    got = spells(unit, year, event)
    want = np.concatenate([_btscs(u)[::-1] for u in units])
    assert got.tolist() == want.tolist()


def _reference_onsets(p: pd.DataFrame, a: int, b: int) -> set[int]:
    """Years the dyad (a, b) came to stand on opposite sides of a dispute, from the participant rows."""
    years = set()
    for _, d in p[p.ccode.isin([a, b])].groupby("dispnum"):
        first = [
            max(r.styear, s.styear)
            for r in d[d.ccode == a].itertuples()
            for s in d[d.ccode == b].itertuples()
            if r.sidea != s.sidea and max(r.styear, s.styear) <= min(r.endyear, s.endyear)
        ]
        if first:
            years.add(min(first))
    return years


def test_dyadic_peace_years_row_by_row_on_a_sample(tables: dict[str, pd.DataFrame]) -> None:
    d = create_dyad_years(tables, until=2016)
    out = add_peace_years(d, tables)
    assert (
        len(out) == len(d)
        and out.attrs["citations"] == ["cow_states", "mid"]
        and out.attrs["kind"] == "dyad_year"
    )
    p = tables["mid_participants"]
    last = int(p.endyear.max())
    assert out[out.year > last].gmlmidspell.isna().all() and out[out.year <= last].gmlmidspell.notna().all()
    fought = p.merge(p, on="dispnum").query("ccode_x != ccode_y and sidea_x != sidea_y")
    rng = np.random.default_rng(7)
    sample = {
        tuple(x) for x in fought[["ccode_x", "ccode_y"]].drop_duplicates().sample(40, random_state=1).values
    }
    sample |= {tuple(x) for x in d[["ccode1", "ccode2"]].drop_duplicates().to_numpy()[rng.choice(10_000, 20)]}
    sample |= {(2, 365), (365, 2), (255, 260), (345, 344)}
    by_dyad = dict(tuple(out[out.year <= last].groupby(["ccode1", "ccode2"])))
    for a, b in sample:
        rows = by_dyad.get((a, b))
        if rows is None:
            continue
        rows = rows.sort_values("year")
        onsets = _reference_onsets(p, a, b)
        events = [int(y in onsets) for y in rows.year]
        assert rows.gmlmidonset.tolist() == events, (a, b)
        assert rows.gmlmidspell.tolist() == _btscs(events), (a, b)
    us_ussr = out[(out.ccode1 == 2) & (out.ccode2 == 365)].set_index("year")
    assert us_ussr.loc[1816, "gmlmidspell"] == 0
    assert (out.gmlmidonset.fillna(0) <= out.gmlmidongoing.fillna(0)).all()


def test_undirected_and_ongoing_spells(tables: dict[str, pd.DataFrame]) -> None:
    d = create_dyad_years(tables, directed=False, since=1900, until=1950)
    on = add_spells(d, tables)
    ons = add_spells(d, tables, event="onset")
    dd = add_peace_years(create_dyad_years(tables, since=1900, until=1950), tables)
    merged = ons.merge(dd, on=["ccode1", "ccode2", "year"], suffixes=("", "_d"))
    assert (merged.gmlmidspell == merged.gmlmidspell_d).all()  # one side of a directed table is the same
    war = on[(on.ccode1 == 2) & (on.ccode2 == 255)].set_index("year")
    assert war.loc[1942, "gmlmidongoing"] == 1 and war.loc[1942, "gmlmidspell"] == 0
    ongo = add_spells(d, tables, ongo=True)
    run = ongo[(ongo.ccode1 == 2) & (ongo.ccode2 == 255)].set_index("year")
    assert pd.isna(run.loc[1943, "gmlmidspell"])  # the second year of a run of ongoing years


def test_state_years(tables: dict[str, pd.DataFrame]) -> None:
    sy = create_state_years(tables, until=2016)
    out = add_peace_years(sy, tables)
    cols = [
        "gmlmidonset",
        "gmlmidongoing",
        "gmlmidonset_init",
        "gmlmidongoing_init",
        "gmlmidspell",
        "gmlmidinitspell",
    ]
    assert set(cols) <= set(out.columns) and len(out) == len(sy)
    p = tables["mid_participants"]
    for c in (2, 200, 365, 345, 255, 710):
        rows = out[(out.ccode == c) & (out.year <= p.endyear.max())].sort_values("year")
        starts = set(p[p.ccode == c].styear)
        events = [int(y in starts) for y in rows.year]
        assert rows.gmlmidonset.tolist() == events and rows.gmlmidspell.tolist() == _btscs(events)
    orig = add_peace_years(sy, tables, init="sidea-orig")
    assert (orig.gmlmidonset_init.fillna(0) <= out.gmlmidonset_init.fillna(0)).all()


def test_wrong_tables_are_refused_in_one_line(tables: dict[str, pd.DataFrame]) -> None:
    gw = create_state_years(tables, "gw", since=1900, until=1901)
    neither = pd.DataFrame({"dispnum": [1], "ccode": [2]})
    cow = create_dyad_years(tables, since=1900, until=1900)
    calls: list[Callable[[], object]] = [
        lambda: add_peace_years(gw, tables),
        lambda: add_peace_years(neither, tables),
        lambda: add_spells(cow, tables, event="war"),  # type: ignore[arg-type]
        lambda: add_peace_years(cow, {"cow_states": tables["cow_states"]}),
        lambda: add_peace_years(add_peace_years(cow, tables), tables),
        lambda: add_peace_years(create_state_years(tables, until=1900), tables, init="any"),
    ]
    for call in calls:
        with pytest.raises(ValueError) as err:
            call()
        assert "\n" not in str(err.value)


def test_years_outside_the_file_are_missing() -> None:
    d = describe(pd.DataFrame({"ccode": [2, 2, 2], "year": [1815, 1900, 1901]}), "state_year", "cow")
    mid = pd.DataFrame(
        {"dispnum": [1], "ccode": [2], "sidea": [1], "orig": [1], "styear": [1900], "endyear": [1900]}
    )
    out = add_peace_years(d, {"mid_participants": mid})
    assert out.gmlmidonset.isna().tolist() == [True, False, True] and out.gmlmidspell.tolist()[1] == 0
