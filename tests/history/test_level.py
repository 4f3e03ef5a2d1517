"""The per-war level's fit: it recovers known parameters, and sees no level where there is none."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from casus.history.level import fit_level
from casus.joining import WarLevel, load_model


def _simulate(rng: np.random.Generator, a: float, b: float, s: float, groups: int = 600, size: int = 40):
    z = rng.normal(-3.5, 1.5, groups * size)
    g = np.repeat(np.arange(groups), size)
    u = rng.standard_normal(groups)[g]
    y = (rng.random(len(z)) < 1 / (1 + np.exp(-(a + b * z + s * u)))).astype(np.int64)
    return z, y, g


def test_the_fit_recovers_a_known_level() -> None:
    z, y, g = _simulate(np.random.default_rng(1), -0.5, 1.2, 1.5)
    lv = fit_level(z, y, g)
    assert lv.offset == pytest.approx(-0.5, abs=0.35)
    assert lv.scale == pytest.approx(1.2, abs=0.15)
    assert lv.sd == pytest.approx(1.5, abs=0.3)


def test_independent_draws_give_almost_no_level_and_the_fit_is_deterministic() -> None:
    z, y, g = _simulate(np.random.default_rng(2), 0.0, 1.0, 0.0)
    lv = fit_level(z, y, g)
    assert lv.sd < 0.35 and lv.scale == pytest.approx(1.0, abs=0.15)
    # disputes given in another order: the same rounded parameters, so a refit reproduces a file
    perm = np.random.default_rng(3).permutation(len(z))
    assert fit_level(z[perm], y[perm], g[perm]) == lv


def test_first_round_probability_follows_the_level() -> None:
    m = load_model(Path("prior")).model_copy(update={"level": WarLevel(offset=-1.0, scale=1.5, sd=2.0)})
    assert m.first_round(0.0, 3.0) == 0.0 and m.first_round(1.0, -3.0) == 1.0
    z = np.log(0.2 / 0.8)
    assert m.first_round(0.2, 0.5) == pytest.approx(1 / (1 + np.exp(-(-1.0 + 1.5 * z + 2.0 * 0.5))))
    assert m.first_round(0.2, 1.0) > m.first_round(0.2, 0.0) > m.first_round(0.2, -1.0)
    plain = load_model(Path("prior"))
    assert plain.first_round(0.2, 2.0) == 0.2
