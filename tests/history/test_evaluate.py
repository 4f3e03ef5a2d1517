"""Features, metrics and the forward backtest on the shared data (skips without it)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from casus.history.evaluate import backtest, data_version, fit_model, metrics, recall_at_10
from casus.history.features import build, candidates, joining_features
from casus.history.readers import read_folder
from casus.joining import FEATURES


def test_recall_at_10_counts_joiners_in_their_own_disputes_top_ten() -> None:
    c = pd.DataFrame({"dispnum": [1] * 12 + [2] * 3, "joined": [1] + [0] * 10 + [1] + [0, 0, 1]})
    p = np.array([0.9] + [0.5] * 10 + [0.1] + [0.3, 0.2, 0.1])
    assert recall_at_10(c, p) == pytest.approx(2 / 3)  # dispute 1's second joiner ranks 12th
    m = metrics(c, p)
    assert 0 <= m["auc"] <= 1 and 0 <= m["brier"] <= 1


def test_candidates_exclude_originators_and_label_joiners() -> None:
    parts = pd.DataFrame(
        {
            "dispnum": [1, 1, 1],
            "ccode": [2, 200, 20],
            "styear": [1950] * 3,
            "stmon": [6] * 3,
            "sidea": [1, 0, 0],
            "orig": [1, 1, 0],
        }
    )
    states = pd.DataFrame(
        {"ccode": [2, 20, 200, 220], "styear": [1816, 1920, 1816, 1816], "endyear": [2016] * 4}
    )
    c = candidates(parts, states)
    assert set(c.ccode) == {20, 220} and len(c) == 4
    assert c[(c.ccode == 20) & (c.side == 0)].joined.item() == 1 and c.joined.sum() == 1


@pytest.fixture(scope="module")
def history(shared_data: Path) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    tables = read_folder(shared_data)
    return tables, build(tables)


def test_features_are_the_engines(history: tuple[dict[str, pd.DataFrame], pd.DataFrame]) -> None:
    _, cands = history
    X = joining_features(cands)
    assert list(X.columns) == list(FEATURES)
    assert len(cands) > 300_000 and 300 < cands.joined.sum() < 1_000  # about 0.1 % join


def test_calibration_is_reproducible(history: tuple[dict[str, pd.DataFrame], pd.DataFrame]) -> None:
    tables, cands = history
    a = fit_model(cands, until=1950, version="t", data_ver=data_version(tables))
    b = fit_model(cands, until=1950, version="t", data_ver=data_version(tables))
    assert a == b and a.fitted_on and a.fitted_on["until"] == 1950
    assert a.coefficients["defense_triggered"] > 0 and a.coefficients["contiguous_enemy"] > 0


def test_forward_backtest_beats_the_simple_baselines(
    history: tuple[dict[str, pd.DataFrame], pd.DataFrame],
) -> None:
    _, cands = history
    r = backtest(cands, cands, forward=True, model=None)
    assert r["protocol"] == "forward" and r["by_decade"]
    first = r["by_decade"][0]["decade"]
    assert first > 1810  # the first decades have too few earlier joiners to fit on
    m, base = r["metrics"], r["baselines"]
    assert (
        m["auc"] > 0.85
        and m["auc"] > base["defense_pact_rule"]["auc"]
        and m["auc"] > base["reliability_rate"]["auc"]
    )
    assert r["n_joiners"] == r["_scored"].joined.sum()
