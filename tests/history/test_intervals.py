"""Bootstrap intervals of backtest scores: exact weighted metrics, whole start years resampled."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casus.history.evaluate import metrics
from casus.history.intervals import METRICS, bootstrap, point_estimates

# a NaN inside a resample would be dropped from its interval unseen: let numpy's warning fail instead
pytestmark = pytest.mark.filterwarnings("error::RuntimeWarning")


def _scored(seed: int, disputes: int = 60, per: int = 30, years: int = 12) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = disputes * per
    joined = (rng.random(n) < 0.04).astype(int)
    dispnum = np.repeat(np.arange(disputes) * 7 + 3, per)
    return pd.DataFrame({
        "dispnum": dispnum,
        "year": 1900 + (dispnum // 7) % years,
        "joined": joined,
        "p_good": np.round(0.02 + 0.3 * joined * rng.random(n) + 0.05 * rng.random(n), 2),  # ties
        "p_poor": np.round(0.05 * rng.random(n), 3),
    })  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 5), st.sampled_from([0.0, 0.1, 0.1, 0.5, 0.9]), st.booleans()),
             min_size=2, max_size=60)
)  # fmt: skip
def test_the_unweighted_computation_is_the_backtests_metrics(rows: list[tuple[int, float, bool]]) -> None:
    frame = pd.DataFrame(rows, columns=["dispnum", "p_m", "joined"]).assign(year=1900)
    frame["joined"] = frame.joined.astype(int)
    if frame.joined.nunique() < 2:
        frame.loc[0, "joined"] = 1 - frame.joined.iloc[0]
    want = metrics(frame, frame.p_m.to_numpy())
    got = point_estimates(frame, "m")
    for k in METRICS:
        assert got[k] == pytest.approx(want[k], rel=1e-9, abs=1e-12), k


def test_a_resample_scores_as_the_table_with_its_years_repeated() -> None:
    scored = _scored(3)
    r = bootstrap(scored, ["good"], resamples=1, seed=11, level=0.5)
    # draw the same years again, as bootstrap does, and build that resample by copying rows
    years = np.unique(scored.groupby("dispnum").year.first().to_numpy())
    picks = np.random.default_rng(11).integers(len(years), size=len(years))
    copies = [scored[scored.year == years[i]].assign(dispnum=lambda f, k=k: f.dispnum * 1000 + k)
              for k, i in enumerate(picks)]  # fmt: skip
    table = pd.concat(copies, ignore_index=True)
    want = metrics(table, table.p_good.to_numpy())
    for k in METRICS:  # one resample: the interval is that resample's score at both ends
        assert r["metrics"]["good"][k] == pytest.approx([want[k], want[k]], rel=1e-9), k


def test_the_disputes_of_a_year_go_in_or_out_together() -> None:
    scored = _scored(5).assign(year=1939)  # one start year: every resample is the whole table
    r = bootstrap(scored, ["good", "poor"], resamples=50)
    assert r["n_units"] == 1 and r["unit"] == "start year"
    point = point_estimates(scored, "good")
    for k in METRICS:
        lo, hi = r["metrics"]["good"][k]
        assert lo == pytest.approx(hi) == pytest.approx(point[k]), k


def test_intervals_hold_the_score_and_a_better_scorer_wins_its_resamples() -> None:
    scored = _scored(7)
    r = bootstrap(scored, ["good", "poor"], reference="good", resamples=300, level=0.9)
    point = point_estimates(scored, "good")
    for k in METRICS:
        lo, hi = r["metrics"]["good"][k]
        assert lo < hi and lo <= point[k] <= hi, k
    assert r["wins"]["poor"]["auc"] == 1.0 and r["wins"]["poor"]["recall_at_10"] > 0.9
    lo, hi = r["difference"]["poor"]["auc"]
    assert 0 < lo < hi
    assert set(r["difference"]) == {"poor"}  # the reference is not compared with itself


def test_intervals_are_reproducible_from_their_seed() -> None:
    scored = _scored(9)
    a = bootstrap(scored, ["good", "poor"], resamples=40, seed=1)
    assert a == bootstrap(scored, ["good", "poor"], resamples=40, seed=1)
    assert a["metrics"] != bootstrap(scored, ["good", "poor"], resamples=40, seed=2)["metrics"]
    assert a["seed"] == 1 and a["resamples"] == 40 and a["level"] == 0.9


def test_impossible_settings_are_refused() -> None:
    scored = _scored(1)
    with pytest.raises(ValueError, match="level"):
        bootstrap(scored, ["good"], level=1.5)
    with pytest.raises(ValueError, match="resamples"):
        bootstrap(scored, ["good"], resamples=0)


def test_no_resample_loses_a_score_when_some_years_are_left_out() -> None:
    scored = _scored(13, years=30)
    r = bootstrap(scored, ["good"], resamples=60, level=0.99)
    # every resample leaves some years out (and joiners with them); each still gives every score
    for k in METRICS:
        lo, hi = r["metrics"]["good"][k]
        assert np.isfinite(lo) and np.isfinite(hi) and lo < hi, k
