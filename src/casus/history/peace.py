"""Disputes and peace years in state-year and dyad-year tables (GML MID participants).

The Python counterparts of peacesciencer's `add_gml_mids()` indicators and its `add_spells()` /
`add_peace_years()` (Miller 2022; the spell count of `stevemisc::ps_spells`), on COW-coded tables
made by `casus.history.universe`. Columns, as peacesciencer names them:

- dyad-years: `gmlmidonset` 1 where the two states came to stand on opposite sides of a dispute that
  year (a dispute's onset for the dyad is the first year both took part in it at once: the later of
  the two participants' start years), `gmlmidongoing` 1 where they stood on opposite sides at any
  time that year; sides and years from `mid_participants` (sidea, styear, endyear, row by row);
- state-years: `gmlmidonset` 1 where a participation of the state began that year (its styear),
  `gmlmidongoing` 1 where one was under way; `gmlmidonset_init` / `gmlmidongoing_init` the same for
  participations counted as initiations (`init`, peacesciencer's three rules, default
  "sidea-all-joiners": side A, or any joiner);
- `gmlmidspell` (and `gmlmidinitspell` for state-years): the spell, the number of the unit's rows
  since its last event row, counted in the table's own rows sorted by year: 0 in the unit's first
  row and in the row after an event; an event row counts the peace years before it. This is
  `ps_spells` (ongo=False) exactly, so, like peacesciencer, a unit's gap years (Germany 1946-89)
  are not counted.

`add_peace_years` counts from onsets (years since the dyad's, or the state's, last MID onset);
`add_spells` counts from ongoing years by default, as peacesciencer's `add_spells()` and
`add_peace_years()` do, or from onsets (`event="onset"`); `ongo=True` leaves the spell missing in
the second and later years of a run of events, as ps_spells' `ongoing=TRUE`.

Coverage: the indicators and spells are 0/1 and counts for the years the MID file covers (1816 to
the last end year in the file, 2010 for GML 2.2.1) and missing outside (peacesciencer codes NA after
2010 and stops rather than count spells over them; casus leaves those rows' spells missing). The
file read is whatever file is given: a copy with some disputes held out gives fewer events.

Differences from peacesciencer, and why: its dyad-year indicators come from GML's directed dispute
data (dispute-level overlap by day, then whittled to one dispute per dyad-year); casus derives them
from the participant file it reads, by year, and counts a dyad-year with any onset as an onset (the
same 0/1 columns, without the dispute attributes). MIDs are COW-coded: a GW table takes them once it
carries COW codes (`casus.history.codes.add_cow_codes`); its spells still run over its own GW units,
and a state-year with no COW code that year gets no event.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from casus.history.citations import cited, kind_of

__all__ = [
    "FIRST_YEAR",
    "INIT_RULES",
    "add_peace_years",
    "add_spells",
    "dyad_events",
    "spells",
    "state_events",
]

FIRST_YEAR = 1816
INIT_RULES = ("sidea-all-joiners", "sidea-with-joiners", "sidea-orig")
Event = Literal["ongoing", "onset"]


def spells(
    units: list[npt.ArrayLike] | npt.ArrayLike, years: npt.ArrayLike, event: npt.ArrayLike, ongo: bool = False
) -> npt.NDArray[np.float64]:
    """The spell of every row: rows of its unit since the unit's last event row (0 after an event and
    in the unit's first row), rows taken in year order; `units` one array or a list of key arrays.

    >>> years = list(range(2000, 2007)) + [2000, 2001]
    >>> spells([1] * 7 + [2] * 2, years, [0, 0, 1, 0, 1, 1, 0, 1, 0]).tolist()
    [0.0, 1.0, 2.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0]
    >>> spells([1] * 4, [1, 2, 3, 4], [1, 1, 0, 1], ongo=True).tolist()
    [0.0, nan, 0.0, 1.0]
    """
    keys = (
        [np.asarray(u) for u in units]
        if isinstance(units, list) and np.ndim(units[0])
        else [np.asarray(units)]
    )
    y, e = np.asarray(years), np.asarray(event).astype(bool)
    n = len(y)
    if n == 0:
        return np.array([], dtype=float)
    order = np.lexsort((y, *reversed(keys)))
    e = e[order]
    new = np.zeros(n, dtype=bool)
    new[0] = True
    for k in keys:
        k = k[order]
        new[1:] |= k[1:] != k[:-1]
    idx = np.arange(n)
    unit_start = np.maximum.accumulate(np.where(new, idx, 0))
    last_event = np.r_[-1, np.maximum.accumulate(np.where(e, idx, -1))[:-1]]
    sp = (idx - np.maximum(last_event, unit_start - 1) - 1).astype(float)
    if ongo:  # the second and later years of a run of events are not new failures
        sp[e & ~new & np.r_[False, e[:-1]]] = np.nan
    out = np.empty(n)
    out[order] = sp
    return out


def _years(
    sy: npt.NDArray[np.int64], ey: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.int64]]:
    """(row, year) for every year from sy to ey of every row."""
    n = np.clip(ey - sy + 1, 0, None)
    row = np.repeat(np.arange(len(sy)), n)
    return row, np.repeat(sy, n) + (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n))


def dyad_events(participants: pd.DataFrame) -> pd.DataFrame:
    """Directed (ccode1, ccode2, year) with gmlmidonset and gmlmidongoing (0/1) where either is 1."""
    p = participants[["dispnum", "ccode", "sidea", "styear", "endyear"]].astype("int64")
    x = p.merge(p, on="dispnum", suffixes=("1", "2"))
    x = x[(x.ccode1 != x.ccode2) & (x.sidea1 != x.sidea2)]
    sy, ey = np.maximum(x.styear1, x.styear2).to_numpy(), np.minimum(x.endyear1, x.endyear2).to_numpy()
    x = x.assign(sy=sy, ey=ey)[sy <= ey]
    key = ["ccode1", "ccode2"]
    onset = x.groupby(["dispnum", *key], as_index=False).sy.min().rename(columns={"sy": "year"})
    onset = onset[[*key, "year"]].drop_duplicates().assign(gmlmidonset=1)
    row, year = _years(x.sy.to_numpy(), x.ey.to_numpy())
    ongoing = pd.DataFrame(
        {"ccode1": x.ccode1.to_numpy()[row], "ccode2": x.ccode2.to_numpy()[row], "year": year}
    )
    ongoing = ongoing.drop_duplicates().assign(gmlmidongoing=1)
    out = onset.merge(ongoing, on=[*key, "year"], how="outer").fillna(0)
    return out.astype("int64").sort_values([*key, "year"], ignore_index=True)


def state_events(participants: pd.DataFrame, init: str = "sidea-all-joiners") -> pd.DataFrame:
    """(ccode, year) with gmlmidonset, gmlmidongoing, gmlmidonset_init, gmlmidongoing_init (0/1)."""
    if init not in INIT_RULES:
        raise ValueError(f"init {init!r}: expected one of {', '.join(INIT_RULES)}")
    p = participants[["ccode", "sidea", "orig", "styear", "endyear"]].astype("int64")
    initiated = {
        "sidea-orig": (p.sidea == 1) & (p.orig == 1),
        "sidea-with-joiners": p.sidea == 1,
        "sidea-all-joiners": (p.sidea == 1) | (p.orig == 0),
    }[init].to_numpy()
    row, year = _years(p.styear.to_numpy(), p.endyear.to_numpy())
    onset = (year == p.styear.to_numpy()[row]).astype("int64")
    y = pd.DataFrame({
        "ccode": p.ccode.to_numpy()[row], "year": year, "gmlmidonset": onset, "gmlmidongoing": 1,
        "gmlmidonset_init": onset * initiated[row], "gmlmidongoing_init": initiated[row].astype("int64"),
    })  # fmt: skip
    return y.groupby(["ccode", "year"], as_index=False).max()


def _add(
    frame: pd.DataFrame, tables: dict[str, pd.DataFrame], verb: str, event: str, ongo: bool, init: str
) -> pd.DataFrame:
    kind, system = kind_of(frame, verb, "dyad_year", "state_year")
    dyadic = kind == "dyad_year"
    key = ["ccode1", "ccode2"] if dyadic else ["ccode"]
    if system != "cow" and not set(key) <= set(frame.columns):
        raise ValueError(
            f"{verb}: MID participants are COW-coded; this is a {system.upper()} table (add_cow_codes first)"
        )
    # Spells run over the table's own units (GW codes on a GW table); events join by COW code.
    units = key if system == "cow" else (["gwcode1", "gwcode2"] if dyadic else ["gwcode"])
    if event not in ("ongoing", "onset"):
        raise ValueError(f"{verb}: event {event!r}: expected 'ongoing' or 'onset'")
    if "mid_participants" not in tables:
        raise ValueError(f"{verb}: needs the mid_participants table; read it with read_folder")
    participants = tables["mid_participants"]
    if missing := [c for c in (*key, "year") if c not in frame.columns]:
        raise ValueError(f"{verb}: the table has no {', '.join(missing)} column")
    events = dyad_events(participants) if dyadic else state_events(participants, init)
    cols = [c for c in events.columns if c.startswith("gmlmid")]
    spell_cols = {"gmlmidspell": "gmlmid"} | ({} if dyadic else {"gmlmidinitspell": "gmlmid_init"})
    if clash := [c for c in (*cols, *spell_cols) if c in frame.columns]:
        raise ValueError(f"{verb}: the table already has {', '.join(clash)}")
    out = frame.merge(events, on=[*key, "year"], how="left")
    last = int(participants.endyear.max()) if len(participants) else FIRST_YEAR - 1
    covered = out.year.between(FIRST_YEAR, last).to_numpy()
    for c in cols:
        out[c] = out[c].fillna(0).astype("Int8").where(covered)
    c_out = out[covered]
    for spell, stem in spell_cols.items():
        col = stem.replace("gmlmid", f"gmlmid{event}") if stem != "gmlmid" else f"gmlmid{event}"
        values = np.full(len(out), np.nan)
        values[covered] = spells(
            [c_out[k].to_numpy() for k in units], c_out.year.to_numpy(), c_out[col].to_numpy(), ongo
        )
        out[spell] = (
            pd.array(values, dtype="Float64").astype("Int64")
            if not ongo
            else pd.array(values, dtype="Float64")
        )
    out.attrs = {k: list(v) if isinstance(v, list) else v for k, v in frame.attrs.items()}
    return cited(out, "mid")


def add_spells(
    frame: pd.DataFrame,
    tables: dict[str, pd.DataFrame],
    *,
    event: Event = "ongoing",
    ongo: bool = False,
    init: str = "sidea-all-joiners",
) -> pd.DataFrame:
    """`frame` (COW dyad-years or state-years) with the MID indicators and the spells counted from
    `event` years ("ongoing", peacesciencer's default, or "onset"); see the module's notes.

    >>> from casus.history.citations import describe
    >>> d = describe(pd.DataFrame({"ccode1": [2] * 4, "ccode2": [200] * 4, "year": [1900, 1901, 1902, 1903]}),
    ...              "dyad_year", "cow", True)
    >>> mid = pd.DataFrame({"dispnum": [1, 1, 2, 2], "ccode": [2, 200, 2, 200], "sidea": [1, 0, 0, 1],
    ...     "orig": [1, 1, 1, 1], "styear": [1900, 1900, 1903, 1903], "endyear": [1901, 1901, 1903, 1903]})
    >>> add_spells(d, {"mid_participants": mid}).gmlmidspell.tolist()
    [0, 0, 0, 1]
    """
    return _add(frame, tables, "add_spells", event, ongo, init)


def add_peace_years(
    frame: pd.DataFrame, tables: dict[str, pd.DataFrame], *, init: str = "sidea-all-joiners"
) -> pd.DataFrame:
    """`frame` (COW dyad-years or state-years) with the MID indicators and `gmlmidspell`: the years
    since the dyad's (or the state's) last MID onset, or since its first year in the table.

    >>> from casus.history.citations import describe
    >>> d = describe(pd.DataFrame({"ccode1": [2] * 4, "ccode2": [200] * 4, "year": [1900, 1901, 1902, 1903]}),
    ...              "dyad_year", "cow", True)
    >>> mid = pd.DataFrame({"dispnum": [1, 1, 2, 2], "ccode": [2, 200, 2, 200], "sidea": [1, 0, 0, 1],
    ...     "orig": [1, 1, 1, 1], "styear": [1900, 1900, 1903, 1903], "endyear": [1901, 1901, 1903, 1903]})
    >>> add_peace_years(d, {"mid_participants": mid})[["gmlmidonset", "gmlmidspell"]].values.tolist()
    [[1, 0], [0, 0], [0, 1], [1, 2]]
    """
    return _add(frame, tables, "add_peace_years", "onset", False, init)
