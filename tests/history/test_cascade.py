"""The historical cascade on the shared data: its first round, its later rounds, its seeds."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.special import expit, ndtri

from casus.history.cascade import HistoryWorld, cascade_probabilities
from casus.history.evaluate import predict
from casus.history.features import KEY, joining_features
from casus.joining import CALIBRATED_PATH, load_model


def test_cascade_first_round_is_the_table_model(
    history: tuple[dict[str, pd.DataFrame], pd.DataFrame], hworld: HistoryWorld
) -> None:
    tables, cands = history
    m = load_model(CALIBRATED_PATH)  # history measures every feature
    parts = tables["mid_participants"]
    some = parts[parts.dispnum.isin(sorted(parts.dispnum.unique())[::8])]
    r = cascade_probabilities(hworld, some, m, trials=32)
    x = cands.merge(r, on=KEY)
    assert len(x) == len(r) == len(cands[cands.dispnum.isin(some.dispnum)])
    table = predict(m.intercept, m.coefficients, joining_features(x))
    assert m.level is not None
    # the first round averages the level over the trials' evenly spaced normal quantiles
    g = ndtri((np.arange(32) + 0.5) / 32)
    z = np.log(table / (1 - table))[:, None]
    levelled = expit(m.level.offset + m.level.scale * z + m.level.sd * g).mean(axis=1)
    assert np.abs(levelled - x.p_first.to_numpy()).max() < 1e-12
    plain = cascade_probabilities(hworld, some, m.model_copy(update={"level": None}), trials=32)
    assert np.abs(table - cands.merge(plain, on=KEY).p_first.to_numpy()).max() < 1e-12
    both = x.groupby(["dispnum", "ccode"]).p_cascade.sum()
    assert (both <= 1 + 1e-9).all() and (x.p_cascade >= 0).all()
    # allies of joiners join in later rounds: the cascade adds probability somewhere
    assert (x.p_cascade > x.p_first + 1e-6).any()


def test_cascade_is_reproducible_whatever_the_order(
    history: tuple[dict[str, pd.DataFrame], pd.DataFrame], hworld: HistoryWorld
) -> None:
    tables, _ = history
    parts = tables["mid_participants"]
    ids = [258, 4137, 51]  # the Second World War, Kosovo and Korea: many joiners
    m = load_model(CALIBRATED_PATH)  # history measures every feature
    one = cascade_probabilities(hworld, parts[parts.dispnum.isin(ids)], m, trials=64, seed=5)
    alone = cascade_probabilities(hworld, parts[parts.dispnum == 4137], m, trials=64, seed=5)
    again = one[one.dispnum == 4137].reset_index(drop=True)
    pd.testing.assert_frame_equal(again, alone)
    other = cascade_probabilities(hworld, parts[parts.dispnum == 4137], m, trials=64, seed=6)
    assert not np.array_equal(other.p_cascade.to_numpy(), alone.p_cascade.to_numpy())


def test_a_war_level_makes_spreading_rarer_but_keeps_the_first_round_ranking(
    history: tuple[dict[str, pd.DataFrame], pd.DataFrame], hworld: HistoryWorld
) -> None:
    tables, _ = history
    parts = tables["mid_participants"]
    some = parts[parts.dispnum.isin(sorted(parts.dispnum.unique())[::40])]
    m = load_model(CALIBRATED_PATH)
    plain = m.model_copy(update={"level": None})
    lv = cascade_probabilities(hworld, some, m, trials=64)
    pl = cascade_probabilities(hworld, some, plain, trials=64)
    # without a level, P(no joiner) is the product over the independent first-round draws
    prod = pl.groupby("dispnum").p_first.apply(lambda p: np.prod(1 - p))
    assert np.allclose(pl.groupby("dispnum").p_none.first(), prod, rtol=1e-9)
    # with it, the first round's joins come together: no joiner is likelier than independence says
    indep = lv.groupby("dispnum").p_first.apply(lambda p: np.prod(1 - p))
    assert (lv.groupby("dispnum").p_none.first() >= indep - 1e-12).all()
    assert lv.p_none.mean() > pl.p_none.mean()
    # the level is monotone in the plain log-odds, so each dispute's first-round order is kept
    for _, a in lv.merge(pl, on=KEY, suffixes=("", "_plain")).groupby("dispnum"):
        order = np.argsort(-a.p_first_plain.to_numpy(), kind="stable")
        assert (np.diff(a.p_first.to_numpy()[order]) <= 1e-15).all()
