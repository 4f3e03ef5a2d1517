"""The universe of cases: state-years and dyad-years of the COW or Gleditsch-Ward state system.

The Python counterparts of peacesciencer's `create_stateyears()` and `create_dyadyears()` (Miller
2022), built from the membership files casus reads (`cow_states`, `gw_states`; see
`casus.history.readers`). Every table is marked (`describe`) and cites its data (`cited`).

Membership is read to the day:

- a state is in a year's system when one of its spells covers at least one day of that year
  (peacesciencer expands each spell from its start year to its end year: the same rows);
- two states form a dyad in a year only when both were members on at least one common day of that
  year. peacesciencer builds its dyad-years by years and then drops the "false dyads" it found by
  expanding state-days (`false_cow_dyads`, `false_gw_dyads`): the same rule, computed here directly
  from the spells (e.g. Suriname, 115, entered on 25 November 1975, after the Republic of Vietnam,
  817, left on 30 April: no 115-817 dyad in 1975).

Measured on the files in casus's data folder: 15,951 COW state-years 1816-2016, 1,912,290 directed
COW dyad-years 1816-2016 (peacesciencer's `cow_ddy` to 2016; 60 year-only pairs dropped), 17,767
GW state-years and 1,939,316 directed GW dyad-years 1816-2017; all directed dyad-years take about half a
second.

Differences from peacesciencer, and why:

- no `mry`: the tables end where the membership files end (COW 2016, GW 2017) unless `until` is
  given; carrying states forward to last year is a guess casus leaves to the user;
- `since`/`until` instead of `subset_years` (a contiguous range, applied before the pairs are
  made, which is what makes all dyad-years take a second);
- state-years carry the file's name column as peacesciencer's (`cw_name` from COW's `statenme`,
  `gw_name` from GW's `statename`); GW tables have no `microstate` column because the GW file
  casus reads is the list of independent states without the microstates.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from casus.history.citations import cited, describe

__all__ = ["SYSTEMS", "code_columns", "create_dyad_years", "create_state_years", "membership", "year_spans"]

System = Literal["cow", "gw"]
SYSTEMS: dict[str, tuple[str, str, str]] = {  # system: (table kind, code column, name column)
    "cow": ("cow_states", "ccode", "cw_name"),
    "gw": ("gw_states", "gwcode", "gw_name"),
}


def _system(system: str) -> tuple[str, str, str]:
    if system not in SYSTEMS:
        raise ValueError(f"system {system!r}: expected 'cow' or 'gw'")
    return SYSTEMS[system]


def code_columns(system: str, dyadic: bool) -> list[str]:
    """The key columns of a table of `system`: ["ccode", "year"], ["gwcode1", "gwcode2", "year"], …

    >>> code_columns("gw", dyadic=True)
    ['gwcode1', 'gwcode2', 'year']
    """
    code = _system(system)[1]
    return [f"{code}1", f"{code}2", "year"] if dyadic else [code, "year"]


def membership(tables: dict[str, pd.DataFrame], system: str = "cow") -> pd.DataFrame:
    """The membership spells of `system` as columns code, abb, name, start, end (dates, both inclusive).

    COW spells come from `cow_states` (styear/stmonth/stday … endday), GW ones from `gw_states`
    (startdate, enddate). Raises a one-line ValueError when the file is not among `tables`.

    >>> cow = pd.DataFrame({"ccode": [2], "stateabb": ["USA"], "statenme": ["United States of America"],
    ...     "styear": [1816], "stmonth": [1], "stday": [1], "endyear": [2016], "endmonth": [12],
    ...     "endday": [31]})
    >>> m = membership({"cow_states": cow})
    >>> int(m.code[0]), m.name[0], str(m.end[0])[:10]
    (2, 'United States of America', '2016-12-31')
    """
    kind, _, _ = _system(system)
    if kind not in tables:
        raise ValueError(f"{system} state-system membership needs the {kind} table; read it with read_folder")
    t = tables[kind]
    if system == "cow":
        start = pd.to_datetime({"year": t.styear, "month": t.stmonth, "day": t.stday})
        end = pd.to_datetime({"year": t.endyear, "month": t.endmonth, "day": t.endday})
        code, abb, name = t.ccode, t.get("stateabb"), t.get("statenme")
    else:
        start, end = pd.to_datetime(t.startdate), pd.to_datetime(t.enddate)
        code, abb, name = t.gwcode, t.get("stateabb"), t.get("statename")
    out = pd.DataFrame({
        "code": code.astype("int64").to_numpy(),
        "abb": abb.to_numpy() if abb is not None else None,
        "name": name.to_numpy() if name is not None else None,
        "start": start.to_numpy().astype("datetime64[D]"),
        "end": end.to_numpy().astype("datetime64[D]"),
    })  # fmt: skip
    return out.sort_values(["code", "start"], ignore_index=True)


def year_spans(spells: pd.DataFrame) -> pd.DataFrame:
    """One row per (spell, year it touches): code, name, year, first, last (its first and last day in
    that year; datetime64[D]).

    >>> s = pd.DataFrame({"code": [817], "name": ["RVN"], "start": np.array(["1954-06-04"], "datetime64[D]"),
    ...                   "end": np.array(["1955-12-31"], "datetime64[D]")})
    >>> year_spans(s)[["year", "first"]].astype(str).values.tolist()
    [['1954', '1954-06-04'], ['1955', '1955-01-01']]
    """
    sy = spells.start.to_numpy().astype("datetime64[Y]").astype(int) + 1970
    ey = spells.end.to_numpy().astype("datetime64[Y]").astype(int) + 1970
    n = np.clip(ey - sy + 1, 0, None)
    row = np.repeat(np.arange(len(spells)), n)
    year = np.repeat(sy, n) + (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n))
    jan1 = (year - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    dec31 = (year - 1969).astype("datetime64[Y]").astype("datetime64[D]") - np.timedelta64(1, "D")
    return pd.DataFrame({
        "code": spells.code.to_numpy()[row],
        "name": spells.name.to_numpy()[row],
        "year": year.astype("int64"),
        "first": np.maximum(spells.start.to_numpy().astype("datetime64[D]")[row], jan1),
        "last": np.minimum(spells.end.to_numpy().astype("datetime64[D]")[row], dec31),
        "whole": (spells.start.to_numpy()[row] <= jan1) & (spells.end.to_numpy()[row] >= dec31),
    })  # fmt: skip


def _bounds(since: int | None, until: int | None) -> None:
    if since is not None and until is not None and since > until:
        raise ValueError(f"since ({since}) is after until ({until})")


def _within(years: npt.NDArray[np.int64], since: int | None, until: int | None) -> npt.NDArray[np.bool_]:
    keep = np.ones(len(years), dtype=bool)
    if since is not None:
        keep &= years >= since
    if until is not None:
        keep &= years <= until
    return keep


def create_state_years(
    tables: dict[str, pd.DataFrame],
    system: System = "cow",
    since: int | None = None,
    until: int | None = None,
) -> pd.DataFrame:
    """Every state-year of `system` ("cow" or "gw"), `since`..`until`: columns ccode, cw_name, year (COW)
    or gwcode, gw_name, year (GW), sorted by code and year.

    A state is in a year when one of its membership spells covers at least one day of it (so
    Germany, 255, is in 1945 and again in 1990; the Republic of Vietnam, 817, in 1975).

    >>> cow = pd.DataFrame({"ccode": [255, 255], "statenme": ["Germany"] * 2, "styear": [1816, 1990],
    ...     "stmonth": [1, 10], "stday": [1, 3], "endyear": [1945, 2016], "endmonth": [5, 12],
    ...     "endday": [8, 31]})
    >>> sy = create_state_years({"cow_states": cow}, since=1944, until=1991)
    >>> sy.year.tolist(), sy.attrs["kind"]
    ([1944, 1945, 1990, 1991], 'state_year')
    """
    kind, code, name = _system(system)
    _bounds(since, until)
    ys = year_spans(membership(tables, system))
    ys = ys[_within(ys.year.to_numpy(), since, until)]
    out = ys.rename(columns={"code": code, "name": name})[[code, name, "year"]]
    out = out.drop_duplicates([code, "year"]).sort_values([code, "year"], ignore_index=True)
    return cited(describe(out, "state_year", system), kind)


def _pairs_by_year(
    codes: npt.NDArray[np.int64], years: npt.NDArray[np.int64], directed: bool
) -> pd.DataFrame:
    """All ordered (or c1 < c2) pairs of the codes present in the same year; codes sorted within years."""
    order = np.lexsort((codes, years))
    codes, years = codes[order], years[order]
    starts = np.flatnonzero(np.r_[True, years[1:] != years[:-1]])
    sizes = np.diff(np.r_[starts, len(years)])
    c1_parts, c2_parts, y_parts = [], [], []
    for s, n in zip(starts, sizes, strict=True):
        c = codes[s : s + n]
        i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
        keep = (i != j) if directed else (i < j)
        c1_parts.append(c[i[keep]])
        c2_parts.append(c[j[keep]])
        y_parts.append(np.full(int(keep.sum()), years[s]))
    if not c1_parts:
        empty = np.array([], dtype="int64")
        return pd.DataFrame({"c1": empty, "c2": empty, "year": empty})
    return pd.DataFrame(
        {"c1": np.concatenate(c1_parts), "c2": np.concatenate(c2_parts), "year": np.concatenate(y_parts)}
    )


def _never_together(ys: pd.DataFrame) -> pd.DataFrame:
    """(c1, c2, year), both orders, of states both in a year's system that never shared a day of it.

    Only states in the system for part of the year can miss each other: their spans are compared.
    """
    part = ys[~ys.whole]
    whole = set(zip(ys.code[ys.whole], ys.year[ys.whole], strict=True))
    part = part[
        np.array([(c, y) not in whole for c, y in zip(part.code, part.year, strict=True)], dtype=bool)
    ]
    x = part.merge(part, on="year", suffixes=("1", "2"))
    x = x[x.code1 != x.code2]
    x = x.assign(meet=(np.maximum(x.first1, x.first2) <= np.minimum(x.last1, x.last2)))
    met = x.groupby(["code1", "code2", "year"], as_index=False).meet.any()
    met = met[~met.meet]
    return pd.DataFrame({"c1": met.code1.to_numpy(), "c2": met.code2.to_numpy(), "year": met.year.to_numpy()})


def create_dyad_years(
    tables: dict[str, pd.DataFrame],
    system: System = "cow",
    directed: bool = True,
    since: int | None = None,
    until: int | None = None,
) -> pd.DataFrame:
    """Every dyad-year of `system`, `since`..`until`: ccode1, ccode2, year (COW) or gwcode1, gwcode2,
    year (GW), sorted. Directed gives each pair both ways; undirected once, code1 < code2.

    Two states form a dyad in a year only if both were members on a common day of it: peacesciencer's
    rule (its "false dyads" are the year-only pairs it drops).

    >>> cow = pd.DataFrame({"ccode": [2, 115, 817], "statenme": ["USA", "Suriname", "RVN"],
    ...     "styear": [1816, 1975, 1954], "stmonth": [1, 11, 6], "stday": [1, 25, 4],
    ...     "endyear": [2016, 2016, 1975], "endmonth": [12, 12, 4], "endday": [31, 31, 30]})
    >>> create_dyad_years({"cow_states": cow}, since=1975, until=1975).values.tolist()
    [[2, 115, 1975], [2, 817, 1975], [115, 2, 1975], [817, 2, 1975]]
    """
    kind = _system(system)[0]
    _bounds(since, until)
    ys = year_spans(membership(tables, system))
    ys = ys[_within(ys.year.to_numpy(), since, until)]
    present = ys[["code", "year"]].drop_duplicates()
    d = _pairs_by_year(present.code.to_numpy(), present.year.to_numpy(), directed)
    never = _never_together(ys)
    if len(never) and len(d):
        key = (d.c1.to_numpy() * 1000 + d.c2.to_numpy()) * 10_000 + d.year.to_numpy()
        drop = (never.c1.to_numpy() * 1000 + never.c2.to_numpy()) * 10_000 + never.year.to_numpy()
        d = d[~np.isin(key, drop)]
    cols = code_columns(system, dyadic=True)
    d = d.set_axis(cols, axis=1).astype("int64").sort_values(cols, ignore_index=True)
    return cited(describe(d, "dyad_year", system, directed), kind)
