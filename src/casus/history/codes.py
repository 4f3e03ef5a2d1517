"""Country codes across systems and years: COW <-> Gleditsch-Ward <-> ISO3 <-> names, for whole columns.

`crosswalk(tables)` builds, once, a table of dated pieces: stretches of days over which one COW code
(or none), one GW code (or none), one ISO3 code (or none) and one name denote the same state. `convert`
looks whole arrays of (code, year) up in it. A code matches a piece in a year when the piece covers
at least one day of that year; when several pieces with different answers do, the answer held on
the most days of the year wins (ties: the later one). No answer gives NaN (numbers) or None (text).

How the pieces are made:

- COW and GW spells (`cow_states`, `gw_states`) are joined where their days overlap and the codes
  denote the same state: the same number, or one of `LINKS`. GW's Serbia (340, to 1915 and from
  2006) is COW's 345 (COW keeps one code for Serbia, Yugoslavia and Serbia again); GW's West
  Germany (260) continues as united Germany after 1990, which COW codes 255 again; GW keeps North
  Yemen's 678 for united Yemen, which COW codes 679. Days one system has and the other has not give
  pieces with only one code (GW's Germany 1945-49, Tibet, Transvaal; COW's microstates).
- ISO3 codes and names come from casus's state registry (`casus.world.load_states`): a COW code
  held by one registry state is that state's at every date (Canada's 20 from 1920, though the
  registry dates Canada from 1931); a code several states held over time (365: Soviet Union,
  Russia; 345: Yugoslavia, Serbia and Montenegro, Serbia) goes by the registry's dates, and outside
  them to the code's current holder (so 365 before 1922 is RUS, 345 before December 1918 is SRB, the
  Kingdom of Serbia). A GW code on days COW lacks goes by the COW code it matched last before (else
  first after): GW 260 in 2017 is DEU, GW 260 in 1950 West Germany.
- The name is the registry's name for a state's current COW code; for a former code (West
  Germany's 260, North Yemen's 678) and for states with no ISO3 code (Austria-Hungary, the Republic
  of Vietnam) it is COW's name, else GW's.

Awkward cases, as the files have them (tested in tests/history/test_codes.py):

====================  =========================================================================
Yugoslavia/Serbia     COW 345 1878-1941 and 1944-2016; GW 340 1878-1915, 345 1918-2006, 340 from
                      6 June 2006. COW 345 in 1914 is GW 340, SRB, "Serbia"; in 1950 GW 345, YUG;
                      in 2000 GW 345, SCG; in 2006 GW 340 (most days), in 2010 GW 340, SRB.
Germany               COW 255 to 1945 and from 3 Oct 1990, 260 1955-90, 265 1954-90; GW 255 to
                      1945, 260 from 1949 on (united Germany included), 265 1949-90. COW 255 in
                      1995 is GW 260; GW 260 in 1995 is COW 255; both 255 and 260 give GW 260 in
                      1990. ISO3: 255 and 260 are DEU, 265 DDR.
Yemen                 COW 678 1926-90, 680 1967-90, 679 from 22 May 1990; GW 678 1918 on, 680
                      1967-90. COW 679 is GW 678; GW 678 in 1991 is COW 679. ISO3: 678/679 YEM,
                      680 none (the registry has no South Yemen).
Vietnam               816 and 817 in both (GW also 815, Vietnam before French rule): 816 VNM, 817
                      no ISO3 ("Republic of Vietnam").
USSR/Russia           365 in both systems, 1816 on: SUN 1922-91, RUS before and after.
Czechoslovakia        315 CSK (1918-92, COW with a 1939-45 gap); 316 CZE from 1993.
Austria-Hungary       300 in both, to November 1918: no ISO3; the name "Austria-Hungary".
====================  =========================================================================

Differences from peacesciencer (`add_ccode_to_gw`, `add_gwcode_to_cow`, its `cow_gw_years` table)
and from R's countrycode: the match is by days, not by abbreviations within years; a code-year
matching two states (COW 345 in 2006) gives one answer, by days, where peacesciencer keeps the first
row; ISO3 and names are casus's registry's, year by year (countrycode gives SRB for 345 at any
date).

>>> cow = pd.DataFrame({"ccode": [345, 345], "stateabb": ["YUG"] * 2, "statenme": ["Yugoslavia"] * 2,
...     "styear": [1878, 1944], "stmonth": [7, 10], "stday": [13, 20], "endyear": [1941, 2016],
...     "endmonth": [4, 12], "endday": [20, 31]})
>>> gw = pd.DataFrame({"gwcode": [340, 345, 340], "stateabb": ["SER", "YUG", "SER"],
...     "statename": ["Serbia", "Yugoslavia", "Serbia"],
...     "startdate": pd.to_datetime(["1878-07-13", "1918-12-01", "2006-06-05"]),
...     "enddate": pd.to_datetime(["1915-10-01", "2006-06-04", "2017-12-31"])})
>>> walk = crosswalk({"cow_states": cow, "gw_states": gw})
>>> convert(walk, [345, 345, 345], [1914, 2000, 2010], origin="cow", destination="gw").tolist()
[340.0, 345.0, 340.0]
>>> convert(walk, [345, 345, 345], [1914, 1950, 2000], origin="cow", destination="name").tolist()
['Serbia', 'Yugoslavia', 'Serbia and Montenegro']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

from casus.history.universe import membership

__all__ = ["LINKS", "SCHEMES", "add_cow_codes", "add_gw_codes", "convert", "crosswalk", "normalise_name"]

Scheme = Literal["cow", "gw", "iso3", "cowc", "gwc", "name"]
SCHEMES: tuple[str, ...] = ("cow", "gw", "iso3", "cowc", "gwc", "name")
# (COW code, GW code) pairs that denote the same state where their days overlap, besides equal codes.
LINKS: tuple[tuple[int, int], ...] = ((345, 340), (255, 260), (679, 678))
DAY = np.timedelta64(1, "D")
FAR_PAST, FAR_FUTURE = np.datetime64("1000-01-01", "D"), np.datetime64("2999-12-31", "D")


def normalise_name(name: Any) -> str | None:
    """A name folded for matching: no accents, lower case, letters and digits separated by one space.

    >>> normalise_name("  Côte d'Ivoire ")
    'cote d ivoire'
    """
    if not isinstance(name, str):
        return None
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    return " ".join(re.findall(r"[a-z0-9]+", text)) or None


@functools.lru_cache(maxsize=1)
def _registry() -> tuple[pd.DataFrame, dict[str, list[str]]]:
    """(code, iso3, name, start, end, current) spells of COW codes in the registry; names per ISO3."""
    from casus.world import load_states

    rows: list[tuple[Any, ...]] = []
    names: dict[str, list[str]] = {}
    for s in load_states():
        names[s.id] = [s.name, *([s.official_name] if s.official_name else []), *s.aliases]
        end = FAR_FUTURE if s.end is None else np.datetime64(s.end, "D") - DAY
        if s.cow is not None and s.cow.code is not None:
            rows.append((s.cow.code, s.id, s.name, np.datetime64(s.start, "D"), end, s.end is None))
        for f in s.former_cow:
            if f.code is not None:
                fs = FAR_PAST if f.start is None else np.datetime64(f.start, "D")
                fe = FAR_FUTURE if f.end is None else np.datetime64(f.end, "D") - DAY
                rows.append((f.code, s.id, None, fs, fe, False))
    reg = pd.DataFrame(rows, columns=["code", "iso3", "name", "start", "end", "current"])
    return reg, names


@functools.lru_cache(maxsize=2048)
def _timeline(code: int) -> tuple[tuple[np.datetime64, np.datetime64, str | None, str | None], ...]:
    """(first, last, iso3, name) stretches covering all time for one COW code (iso3 None: no state)."""
    reg, _ = _registry()
    r = reg[reg.code == code]
    if r.iso3.nunique() == 0:
        return ((FAR_PAST, FAR_FUTURE, None, None),)
    if r.iso3.nunique() == 1:  # one state held the code: its at every date
        named = r[r.name.notna()]
        return ((FAR_PAST, FAR_FUTURE, str(r.iso3.iloc[0]), str(named.name.iloc[0]) if len(named) else None),)
    r = r.sort_values("start")
    holder = r[r.current & (r.end == FAR_FUTURE)]  # the code's holder today, for dates outside the spells
    fill = (str(holder.iso3.iloc[0]), str(holder.name.iloc[0])) if len(holder) else (None, None)
    out: list[tuple[np.datetime64, np.datetime64, str | None, str | None]] = []
    at = FAR_PAST
    for row in r.itertuples():
        if row.start > at:
            out.append((at, row.start - DAY, *fill))
        if row.end >= max(row.start, at):
            out.append((max(row.start, at), row.end, row.iso3, row.name))
            at = row.end + DAY
    if at <= FAR_FUTURE:
        out.append((at, FAR_FUTURE, *fill))
    return tuple(out)


def _uncovered(
    start: np.datetime64, end: np.datetime64, covered: list[tuple[np.datetime64, np.datetime64]]
) -> list[tuple[np.datetime64, np.datetime64]]:
    """The stretches of [start, end] outside every `covered` stretch."""
    out, at = [], start
    for a, b in sorted(covered):
        if a > at:
            out.append((at, a - DAY))
        at = max(at, b + DAY)
    if at <= end:
        out.append((at, end))
    return out


def crosswalk(tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """The dated pieces `convert` looks codes up in: cow, gw (nullable Int64), cowc, gwc, iso3, name,
    cow_name, gw_name, start, end (both inclusive, datetime64[D]). Needs `cow_states` and `gw_states`."""
    cow = membership(dict(tables), "cow").to_dict("records")
    gw = membership(dict(tables), "gw").to_dict("records")
    for s in (*cow, *gw):
        s["start"], s["end"] = np.datetime64(s["start"], "D"), np.datetime64(s["end"], "D")
    linked = {(c["code"], c["code"]) for c in cow} | set(LINKS)
    pairs = []  # (cow spell, gw spell, first, last) where linked codes share days
    for i, c in enumerate(cow):
        for j, g in enumerate(gw):
            if (c["code"], g["code"]) in linked:
                a, b = max(c["start"], g["start"]), min(c["end"], g["end"])
                if a <= b:
                    pairs.append((i, j, a, b))
    rows: list[tuple[Any, ...]] = [(i, j, a, b, cow[i]["code"]) for i, j, a, b in pairs]
    for i, c in enumerate(cow):
        for a, b in _uncovered(c["start"], c["end"], [(p[2], p[3]) for p in pairs if p[0] == i]):
            rows.append((i, None, a, b, c["code"]))
    for j, g in enumerate(gw):
        same = [p for p in pairs if gw[p[1]]["code"] == g["code"]]
        for a, b in _uncovered(g["start"], g["end"], [(p[2], p[3]) for p in pairs if p[1] == j]):
            # a GW code alone means the COW code it matched last before (else first after, else itself)
            before = [p for p in same if p[3] < a]
            after = [p for p in same if p[2] > b]
            near = (
                max(before, key=lambda p: p[3])
                if before
                else min(after, key=lambda p: p[2])
                if after
                else None
            )
            rows.append((None, j, a, b, g["code"] if near is None else cow[near[0]]["code"]))
    out: list[dict[str, Any]] = []
    for ci, gj, a, b, key in rows:
        c, g = (cow[ci] if ci is not None else None), (gw[gj] if gj is not None else None)
        for t0, t1, iso3, name in _timeline(int(key)):
            lo, hi = max(a, t0), min(b, t1)
            if lo > hi:
                continue
            out.append({
                "cow": None if c is None else c["code"], "gw": None if g is None else g["code"],
                "cowc": None if c is None else c["abb"], "gwc": None if g is None else g["abb"], "iso3": iso3,
                "name": name if name is not None else (c or g or {}).get("name"),
                "cow_name": None if c is None else c["name"], "gw_name": None if g is None else g["name"],
                "start": lo, "end": hi,
            })  # fmt: skip
    walk = pd.DataFrame(out).astype({"cow": "Int64", "gw": "Int64"})
    walk["start"] = walk.start.to_numpy().astype("datetime64[D]")
    walk["end"] = walk.end.to_numpy().astype("datetime64[D]")
    return walk.sort_values(["start", "cow", "gw"], ignore_index=True)


def _keys(values: pd.Series, scheme: str) -> pd.Series:
    if scheme in ("cow", "gw"):
        num = pd.to_numeric(values, errors="coerce")
        return num.where(num % 1 == 0).astype("Float64").astype("Int64")
    if scheme == "name":
        return values.map(normalise_name).astype(object)
    return values.map(lambda v: v.strip().upper() if isinstance(v, str) else None).astype(object)


def _lookup(walk: pd.DataFrame, origin: str) -> pd.DataFrame:
    """(key, piece) for every way `origin` names each piece."""
    if origin != "name":
        return pd.DataFrame({"key": walk[origin].to_numpy(), "piece": np.arange(len(walk))}).dropna()
    _, names = _registry()
    keys, pieces = [], []
    for i, row in enumerate(walk.itertuples()):
        for n in {row.name, row.cow_name, row.gw_name, *names.get(str(row.iso3), [])}:
            if (k := normalise_name(n)) is not None:
                keys.append(k)
                pieces.append(i)
    return pd.DataFrame({"key": keys, "piece": pieces}).drop_duplicates()


def convert(
    walk: Mapping[str, pd.DataFrame] | pd.DataFrame,
    values: Iterable[Any] | pd.Series,
    years: Iterable[int] | int | pd.Series,
    *,
    origin: Scheme,
    destination: Scheme,
) -> npt.NDArray[Any]:
    """`values` coded in `origin` as codes of `destination`, year by year (`years`: one or one each).

    Schemes: cow, gw (numbers), iso3, cowc (COW abbreviation), gwc (GW abbreviation), name (any of
    the registry's names and aliases, COW's or GW's, matched without case or accents). `walk` is a
    `crosswalk`, or the tables to build one from (cow_states and gw_states). Returns a float array
    (NaN where nothing matches) for cow and gw, else an object array (None where nothing matches).
    """
    for s in (origin, destination):
        if s not in SCHEMES:
            raise ValueError(f"scheme {s!r}: expected one of {', '.join(SCHEMES)}")
    if not isinstance(walk, pd.DataFrame):
        walk = crosswalk(walk)
    v = (
        pd.Series(values).reset_index(drop=True)
        if not isinstance(values, pd.Series)
        else values.reset_index(drop=True)
    )
    y = np.asarray(years)
    y = np.broadcast_to(y, (len(v),)) if y.ndim == 0 else y
    if len(y) != len(v):
        raise ValueError(f"{len(v)} values but {len(y)} years")
    year = pd.to_numeric(pd.Series(y), errors="coerce").astype("Float64").astype("Int64")
    q = pd.DataFrame({"key": _keys(v, origin), "year": year})
    u = q.dropna().drop_duplicates(ignore_index=True)
    numeric = destination in ("cow", "gw")
    result = np.full(len(v), np.nan) if numeric else np.full(len(v), None, dtype=object)
    if len(u) == 0:
        return result
    lk = _lookup(walk, origin)
    lk["key"] = lk.key.astype(u.key.dtype)
    m = u.reset_index(names="uid").merge(lk, on="key")
    dest = walk[destination].to_numpy()[m.piece.to_numpy()]
    jan1 = (m.year.to_numpy(dtype="int64") - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    dec31 = (m.year.to_numpy(dtype="int64") - 1969).astype("datetime64[Y]").astype("datetime64[D]") - DAY
    start, end = walk.start.to_numpy()[m.piece.to_numpy()], walk.end.to_numpy()[m.piece.to_numpy()]
    days = (np.minimum(end, dec31) - np.maximum(start, jan1)) // DAY + 1
    m = m.assign(dest=dest, days=days, end=end)[(days > 0) & pd.notna(dest)]
    if len(m):
        best = m.groupby(["uid", "dest"], as_index=False).agg(days=("days", "sum"), end=("end", "max"))
        best = best.sort_values(["uid", "days", "end"]).drop_duplicates("uid", keep="last")
        answer = pd.Series(best.dest.to_numpy(), index=best.uid.to_numpy())
        got = q.merge(u.reset_index(names="uid"), on=["key", "year"], how="left").uid
        hit = got.notna().to_numpy() & got.isin(answer.index).to_numpy()
        picked = answer.reindex(got[hit].astype("int64").to_numpy()).to_numpy()
        result[hit] = picked.astype(float) if numeric else picked
    return result


def _add_codes(frame: pd.DataFrame, tables: Mapping[str, pd.DataFrame], verb: str, to: str) -> pd.DataFrame:
    from casus.history.citations import cited, kind_of

    kind, _ = kind_of(frame, verb, "state_year", "dyad_year")
    origin = "gw" if to == "cow" else "cow"
    have = "gwcode" if origin == "gw" else "ccode"
    new = "ccode" if to == "cow" else "gwcode"
    suffixes = ("1", "2") if kind == "dyad_year" else ("",)
    if f"{have}{suffixes[0]}" not in frame.columns:
        raise ValueError(f"{verb}: the table has no {have} column to convert from")
    walk = crosswalk(tables)
    out = frame.copy()
    out.attrs = {k: list(v) if isinstance(v, list) else v for k, v in frame.attrs.items()}
    for s in suffixes:
        codes = convert(walk, out[f"{have}{s}"], out["year"], origin=origin, destination=to)  # type: ignore[arg-type]
        out[f"{new}{s}"] = pd.array(codes, dtype="Float64").astype("Int64")
    return cited(out, "cow_states", "gw_states")


def add_cow_codes(frame: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """A Gleditsch–Ward table with the COW code of each state in each year (`ccode`, or `ccode1` and
    `ccode2`; missing where the state has none that year), so COW-coded data can be added to it.

    peacesciencer's `add_ccode_to_gw`. `tables` holds cow_states and gw_states. Serbia (GW 340) in
    2010 is COW 345; GW 260 in 1950 has no COW code (COW's West Germany starts in 1955).
    """
    return _add_codes(frame, tables, "add_cow_codes", "cow")


def add_gw_codes(frame: pd.DataFrame, tables: Mapping[str, pd.DataFrame]) -> pd.DataFrame:
    """A COW table with the Gleditsch–Ward code of each state in each year (`gwcode`, or `gwcode1`
    and `gwcode2`; missing where the state has none that year). peacesciencer's `add_gwcode_to_cow`."""
    return _add_codes(frame, tables, "add_gw_codes", "gw")
