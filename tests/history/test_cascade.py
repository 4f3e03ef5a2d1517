"""The historical cascade on the shared data: its first round, its later rounds, its seeds."""

from __future__ import annotations

import numpy as np
import pandas as pd

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
    assert np.abs(table - x.p_first.to_numpy()).max() < 1e-12
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
