"""Capital cities by COW state code and year, and how close two capitals are.

`data/capitals.csv` gives each state's capital (the city's latitude and longitude to two
decimals) with the years it served as seat of government, 1816-2016, for every state in the COW
State System; moves and contested seats are explained in its `note` column. It is compiled for
casus from the cities' coordinates, not taken from a published dataset. A state's last capital
is taken to still be its capital after 2016.
The joining model measures a candidate's closeness to a war by great-circle distance between
capitals (see `casus.joining`, features `proximity_friend` and `proximity_enemy`).
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

__all__ = [
    "CAPITALS_PATH",
    "EARTH_RADIUS_KM",
    "F64",
    "PROXIMITY_KM",
    "capital",
    "closeness",
    "closeness_matrix",
    "codes",
    "distance_km",
    "positions",
]

CAPITALS_PATH = Path(__file__).parent / "data" / "capitals.csv"
EARTH_RADIUS_KM = 6371.0
PROXIMITY_KM = 1000.0  # closeness = exp(-km / PROXIMITY_KM): 0.37 at 1,000 km, 0.05 at 3,000 km

F64 = npt.NDArray[np.float64]


@lru_cache(maxsize=1)
def _spells() -> dict[int, list[tuple[int, int, float, float]]]:
    """ccode -> [(from_year, to_year, lat, lon)], latest start first."""
    spells: dict[int, list[tuple[int, int, float, float]]] = {}
    with CAPITALS_PATH.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            spell = (int(row["from_year"]), int(row["to_year"]), float(row["lat"]), float(row["lon"]))
            spells.setdefault(int(row["ccode"]), []).append(spell)
    last = max(s[1] for v in spells.values() for s in v)
    for code, v in spells.items():
        v.sort(key=lambda s: -s[0])
        if v[0][1] == last:  # the capital at the end of the data stays the capital
            v[0] = (v[0][0], 10_000, v[0][2], v[0][3])
        spells[code] = v
    return spells


def codes() -> set[int]:
    """Every COW code with a capital in the table."""
    return set(_spells())


def capital(ccode: int, year: int) -> tuple[float, float] | None:
    """(latitude, longitude) of a state's capital in a year; in a year of a move, the new one.

    >>> capital(365, 2025)  # Russia: Moscow
    (55.76, 37.62)
    >>> capital(260, 1990)  # West Germany: Bonn
    (50.74, 7.1)
    """
    for start, end, lat, lon in _spells().get(int(ccode), []):
        if start <= year <= end:
            return lat, lon
    return None


def positions(ccodes: npt.ArrayLike, year: int) -> tuple[F64, F64]:
    """Latitudes and longitudes of the capitals of `ccodes` in `year` (NaN where unknown)."""
    codes = np.asarray(ccodes, dtype=np.int64)
    lat = np.full(len(codes), np.nan)
    lon = np.full(len(codes), np.nan)
    for k, code in enumerate(codes):
        pos = capital(int(code), year)
        if pos is not None:
            lat[k], lon[k] = pos
    return lat, lon


def distance_km(lat1: npt.ArrayLike, lon1: npt.ArrayLike, lat2: npt.ArrayLike, lon2: npt.ArrayLike) -> F64:
    """Great-circle distance in km (haversine), elementwise with broadcasting.

    >>> round(float(distance_km(55.76, 37.62, 39.04, 125.76)))  # Moscow to Pyongyang
    6412
    >>> distance_km([0.0, 0.0], [0.0, 0.0], 0.0, [0.0, 180.0]).round()  # half the equator
    array([    0., 20015.])
    """
    p1, l1, p2, l2 = (np.radians(np.asarray(v, dtype=np.float64)) for v in (lat1, lon1, lat2, lon2))
    h = np.sin((p2 - p1) / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin((l2 - l1) / 2) ** 2
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0))), dtype=np.float64)


def closeness(km: npt.ArrayLike) -> F64:
    """exp(-km / PROXIMITY_KM); 0 where the distance is unknown (NaN).

    >>> closeness([0.0, float("nan")])
    array([1., 0.])
    """
    d = np.asarray(km, dtype=np.float64)
    return np.asarray(np.where(np.isnan(d), 0.0, np.exp(-np.nan_to_num(d, nan=0.0) / PROXIMITY_KM)))


def closeness_matrix(ccodes: npt.ArrayLike, year: int) -> F64:
    """[i, j] = closeness of the capitals of ccodes[i] and ccodes[j] in `year` (0 on the diagonal)."""
    lat, lon = positions(ccodes, year)
    m = closeness(distance_km(lat[:, None], lon[:, None], lat[None, :], lon[None, :]))
    np.fill_diagonal(m, 0.0)
    return m
