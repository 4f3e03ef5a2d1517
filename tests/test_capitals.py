"""Capitals by COW code and year, and great-circle closeness."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from casus.capitals import (
    EARTH_RADIUS_KM,
    capital,
    closeness,
    closeness_matrix,
    codes,
    distance_km,
    positions,
)


def test_known_distances() -> None:
    london, paris = capital(200, 1900), capital(220, 1900)
    assert london is not None and paris is not None
    assert 330 < float(distance_km(*london, *paris)) < 355  # about 344 km
    washington, moscow = capital(2, 1990), capital(365, 1990)
    assert washington is not None and moscow is not None
    assert 7700 < float(distance_km(*washington, *moscow)) < 7900  # about 7,820 km


def test_capitals_move_with_the_years() -> None:
    petersburg, moscow = capital(365, 1900), capital(365, 1930)
    assert petersburg is not None and moscow is not None
    assert float(distance_km(*petersburg, *moscow)) > 600
    assert capital(365, 2030) == capital(365, 2016)  # the last capital stays after the data end
    assert capital(2, 1700) is None and capital(999, 1900) is None
    lat, lon = positions([2, 999], 1900)
    assert not math.isnan(lat[0]) and math.isnan(lat[1]) and math.isnan(lon[1])


def test_closeness_matrix() -> None:
    m = closeness_matrix([200, 220, 2, 999], 1950)
    assert np.allclose(m, m.T) and (np.diag(m) == 0).all()
    assert m[0, 1] > 0.7 > 0.01 > m[0, 2] > 0  # London-Paris close, London-Washington far
    assert (m[3] == 0).all()  # an unknown capital is close to nothing
    assert closeness(float("nan")) == 0 and closeness(0.0) == 1


def test_every_state_has_a_capital_in_its_first_year() -> None:
    assert len(codes()) > 200 and all(any(capital(c, y) for y in range(1816, 2017)) for c in codes())


lat = st.floats(-90, 90)
lon = st.floats(-180, 180)


@given(lat, lon, lat, lon)
def test_distance_is_symmetric_and_bounded(a: float, b: float, c: float, d: float) -> None:
    x, y = float(distance_km(a, b, c, d)), float(distance_km(c, d, a, b))
    assert math.isclose(x, y, abs_tol=1e-6) and 0 <= x <= math.pi * EARTH_RADIUS_KM + 1e-6
    assert float(distance_km(a, b, a, b)) < 1e-6
