"""Each add_* function on a small hand-made world whose answers are worked out by hand.

The world needs no data folder: five states, one dispute to score (10, June 1950: state 2 on
side A against state 710 on side B, state 20 joining side A later) and a few earlier and later
disputes that the history window must count or ignore.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus import capitals
from casus.history.features import (
    KEY,
    SIDE_A,
    SIDE_B,
    add_atop,
    add_capabilities,
    add_contiguity,
    add_history,
    add_majors,
    add_nuclear,
    add_proximity,
    candidates,
    joining_features,
)
from casus.joining import FEATURES

STATES = pd.DataFrame(
    {"ccode": [2, 20, 200, 710, 731], "styear": [1816, 1920, 1816, 1816, 1949], "endyear": [2016] * 5}
)


def part(dispnum: int, ccode: int, year: int, month: int, sidea: int, orig: int) -> dict[str, int]:
    return {
        "dispnum": dispnum,
        "ccode": ccode,
        "styear": year,
        "stmon": month,
        "stday": 1,
        "sidea": sidea,
        "orig": orig,
    }


PARTS = pd.DataFrame(
    [
        part(10, 2, 1950, 6, 1, 1),
        part(10, 710, 1950, 6, 0, 1),
        part(10, 20, 1950, 9, 1, 0),
        part(5, 20, 1945, 3, 1, 1),
        part(5, 2, 1945, 3, 1, 1),
        part(5, 710, 1945, 3, 0, 1),  # 5 years before
        part(1, 20, 1939, 9, 1, 1),
        part(1, 710, 1939, 9, 0, 1),  # more than ten years before: ignored
        part(30, 20, 1950, 9, 0, 1),
        part(30, 2, 1950, 9, 1, 1),  # after the start of 10: ignored
    ]
)

ATOP = pd.DataFrame(
    {
        "ccode1": [20, 20, 200],
        "ccode2": [2, 710, 2],
        "year": [1950, 1949, 1950],
        "defense": [1, 1, 0],
        "offense": [0, 0, 0],
        "neutral": [0, 0, 1],
        "nonagg": [0, 0, 0],
        "consul": [0, 0, 1],
    }
)
CONTIGUITY = pd.DataFrame(
    {
        "ccode1": [20, 20, 200],
        "ccode2": [2, 2, 710],
        "conttype": [3, 1, 1],
        "stdate": pd.to_datetime(["1920-01-01", "1930-01-01", "1816-01-01"]),
        "enddate": pd.to_datetime(["2016-12-31", "2016-12-31", "1940-12-31"]),
    }
)
MAJORS = pd.DataFrame({"ccode": [2], "styear": [1898], "endyear": [2016]})
NMC = pd.DataFrame({"ccode": [2, 20, 710], "year": [1950] * 3, "cinc": [0.3, 0.01, 0.05]})


def row(c: pd.DataFrame, ccode: int, side: int, dispnum: int = 10) -> pd.Series:
    return c[(c.dispnum == dispnum) & (c.ccode == ccode) & (c.side == side)].iloc[0]


def test_candidates_are_the_system_minus_originators_on_both_sides() -> None:
    c = candidates(PARTS, STATES)
    ten = c[c.dispnum == 10]
    assert set(ten.ccode) == {20, 200, 731} and len(ten) == 6
    assert row(c, 20, SIDE_A).joined == 1 and ten.joined.sum() == 1
    assert row(c, 20, SIDE_A).jt == 19500901  # when it joined, for the "joined" exposure
    # the system counts the originators too (2 and 710 in 1950): five states, as the engine counts today
    assert set(ten.n_system) == {5}


def test_atop_counts_only_the_start_year_and_the_right_side() -> None:
    c = add_atop(candidates(PARTS, STATES), ATOP, PARTS)
    assert row(c, 20, SIDE_A).atop_defense_same == 1 and row(c, 20, SIDE_A).atop_defense_opp == 0
    assert row(c, 20, SIDE_B).atop_defense_opp == 1  # owes 2 a defence: joining 710 breaks it
    assert row(c, 200, SIDE_A).atop_consul_same == 1 and row(c, 200, SIDE_B).atop_neutral_opp == 1
    assert row(c, 731, SIDE_A)[[k for k in c.columns if k.startswith("atop_")]].sum() == 0  # 1949 row


def test_contiguity_counts_spells_in_force_and_keeps_the_closest() -> None:
    c = add_contiguity(candidates(PARTS, STATES), CONTIGUITY, PARTS)
    assert row(c, 20, SIDE_A).cont_same == 1 and row(c, 20, SIDE_B).cont_opp == 1
    assert row(c, 200, SIDE_B).cont_same == 9  # that border ended in 1940


def test_joining_features_map_ties_by_side() -> None:
    c = candidates(PARTS, STATES)
    c = add_contiguity(add_atop(c, ATOP, PARTS), CONTIGUITY, PARTS)
    c = add_majors(c, MAJORS, PARTS)
    c = add_capabilities(c, NMC, PARTS)
    c = add_nuclear(c, pd.DataFrame({"ccode": [2], "year": [1950]}), PARTS)
    c = add_proximity(add_history(c, PARTS), PARTS)
    X = joining_features(c)
    assert list(X.columns) == list(FEATURES)
    a, b = X.loc[row(c, 20, SIDE_A).name], X.loc[row(c, 20, SIDE_B).name]
    # side A struck first: a defence tie to its originator is untriggered; a tie to the other side's
    # originator is a duty to stay out of the war against it
    assert (a.defense_untriggered, a.defense_triggered, a.abstain) == (1, 0, 0)
    assert (b.defense_untriggered, b.defense_triggered, b.abstain) == (0, 0, 1)
    assert (a.contiguous_friend, b.contiguous_enemy, b.enemy_major, b.deterred) == (1, 1, 1, 1)
    assert a.capability == pytest.approx(np.log((0.01 + 1e-6) / (0.05 + 1e-6)))
    assert a.history_with == pytest.approx(np.log(3)) and b.history_against == pytest.approx(np.log(3))
    assert X.loc[row(c, 200, SIDE_A).name, "consultation"] == 1
    assert np.allclose(X.system_size[c.dispnum == 10], np.log(5))


def test_history_counts_the_ten_years_before_and_nothing_after() -> None:
    c = add_history(candidates(PARTS, STATES), PARTS)
    # dispute 5: 20 stood with 2 and against 710, so with side A twice and against side B twice
    assert (row(c, 20, SIDE_A).hist_with, row(c, 20, SIDE_A).hist_against) == (2, 0)
    assert (row(c, 20, SIDE_B).hist_with, row(c, 20, SIDE_B).hist_against) == (0, 2)
    assert row(c, 200, SIDE_A).hist_with == 0


def test_majors_and_proximity() -> None:
    c = add_proximity(add_majors(candidates(PARTS, STATES), MAJORS, PARTS), PARTS)
    assert row(c, 20, SIDE_B).enemy_major == 1 and row(c, 20, SIDE_A).enemy_major == 0
    lat, lon = capitals.positions(np.array([20, 2, 710]), 1950)
    to_2 = capitals.closeness(capitals.distance_km(lat[0], lon[0], lat[1], lon[1]))
    to_710 = capitals.closeness(capitals.distance_km(lat[0], lon[0], lat[2], lon[2]))
    assert row(c, 20, SIDE_A).prox_same == pytest.approx(to_2) and row(
        c, 20, SIDE_A
    ).prox_opp == pytest.approx(to_710)
    assert to_2 > 0.4 > 0.01 > to_710  # Ottawa is next to Washington and far from Beijing


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1951, 1990),
            st.integers(1, 12),
            st.sampled_from([20, 200, 731]),
            st.sampled_from([0, 1]),
        ),
        max_size=6,
    )
)
def test_later_disputes_never_change_earlier_features(later: list[tuple[int, int, int, int]]) -> None:
    """Adding disputes that start after dispute 10 leaves its features as they were (no leak)."""
    extra = [part(100 + i, cc, y, m, s, 1) for i, (y, m, cc, s) in enumerate(later)]
    extra += [part(100 + i, 2, y, m, 1 - s, 1) for i, (y, m, _cc, s) in enumerate(later)]
    more = pd.concat([PARTS, pd.DataFrame(extra, columns=PARTS.columns)], ignore_index=True).astype("int64")
    base = add_history(candidates(PARTS, STATES), PARTS)
    grown = add_history(candidates(more, STATES), more)
    cols = [*KEY, "hist_with", "hist_against", "joined"]
    a = base[base.dispnum == 10][cols].reset_index(drop=True)
    b = grown[grown.dispnum == 10][cols].reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)


def test_levels_come_from_the_disputes_file_else_from_the_originators_highest_action() -> None:
    from casus.history.features import add_level, dispute_levels, level_of_hiact

    # MID's highest actions: 0 none, 1-6 threats, 7-12 displays, 13-19 uses of force, 20-21 war
    assert level_of_hiact([0, 1, 6, 7, 12, 13, 16, 19, 20, 21]).tolist() == [1, 2, 2, 3, 3, 4, 4, 4, 5, 5]
    parts = pd.DataFrame({
        "dispnum": [1, 1, 2, 2, 2, 3], "ccode": [2, 200, 2, 365, 20, 2], "orig": [1, 1, 1, 1, 0, 1],
        "hiact": [7, 0, 16, 17, 21, 0],
    })  # fmt: skip
    disputes = pd.DataFrame({"dispnum": [2], "styear": [1950], "stmon": [6], "hostlev": [5]})
    # dispute 1: a display of force; 2: from the file (a joiner's war action would not count);
    # 3: no militarized action at all, asked about as a threat (casus's lowest level)
    assert dispute_levels(parts).to_dict() == {1: 3, 2: 4, 3: 2}
    assert dispute_levels(parts, disputes).to_dict() == {1: 3, 2: 5, 3: 2}
    cands = pd.DataFrame({"dispnum": [1, 2, 2, 3], "ccode": [20, 20, 200, 20], "side": [1, 0, 1, 0]})
    assert add_level(cands, disputes, parts).hostlev.tolist() == [3, 5, 5, 2]


def test_a_nuclear_armed_candidate_facing_a_nuclear_armed_side_is_nuclear_opposed() -> None:
    c = pd.DataFrame({
        "nuclear": [1, 1, 0, 0], "enemy_nuclear": [1, 0, 1, 0], "side": [SIDE_A] * 4, "atop_defense_same": 0,
        "atop_offense_same": 0, "atop_consul_same": 0, "atop_neutral_opp": 0, "atop_nonagg_opp": 0,
        "atop_defense_opp": 0, "cont_opp": 9, "cont_same": 9, "major": 0, "enemy_major": 0, "cinc": 0.0,
        "enemy_cinc": 0.0, "hist_with": 0, "hist_against": 0, "prox_opp": 0.0, "prox_same": 0.0,
        "n_system": 50,
    })  # fmt: skip
    X = joining_features(c)
    assert X.nuclear_opposed.tolist() == [1, 0, 0, 0] and X.deterred.tolist() == [0, 0, 1, 0]
